"""Which framework an agency workspace may use, and what the workspace records about it.

An agency accepts a framework only when
  (a) it is a signed framework file (`.cchc`) that verifies against the province certificate(s):
      verdict VALID, or UNKNOWN (revocation not decidable offline) with the user's explicit consent;
  (b) or it is an unsigned framework marked as a sample (`"sample": true`, as the ones bundled in
      `forms/`), recorded as "sample";
  (c) or the user explicitly accepts an unsigned file (`allow_unsigned`), recorded as "unsigned".
Anything but (a) is shown in the agency window with a warning that cannot be dismissed.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from pathlib import Path

from ..errors import UserFacingError
from ..framework.load import load_framework
from ..framework.model import Framework
from ..package.framework_package import load_signed_framework, looks_like_package, signer_info
from ..package.reader import PackageReport
from ..signing.api import TrustStore, Verdict
from ..storage.records import TRUST_SAMPLE, TRUST_SIGNED, TRUST_UNSIGNED, FrameworkTrust


class UnsignedFrameworkRefused(UserFacingError):
    """An unsigned framework file that is not a sample, chosen without explicit consent."""

    def __init__(self, path: Path, hint_vi: str = "", hint_en: str = "") -> None:
        super().__init__(
            f"Tệp bộ tiêu chí “{path.name}” không có chữ ký số của tỉnh, nên không xác minh được đây đúng là bộ tiêu chí "
            "tỉnh đã ban hành (và chưa bị sửa). Hãy xin Sở Nội vụ gửi tệp bộ tiêu chí có chữ ký (.cchc) cùng chứng thư "
            f"của tỉnh (.crt) rồi tạo lại không gian làm việc với tệp đó.{hint_vi} Không có gì được tạo.",
            f"The framework file '{path.name}' carries no province signature, so it cannot be shown to be the framework "
            "the province published (unaltered). Ask the province for the signed framework file (.cchc) and its "
            f"certificate (.crt), and create the workspace with it.{hint_en} Nothing was created.",
        )


class RevocationNotChecked(UserFacingError):
    """A signed framework whose signer's revocation could not be checked offline, without consent."""

    def __init__(self, path: Path, report: PackageReport, hint_vi: str = "", hint_en: str = "") -> None:
        vi = "\n".join(f"  - {f.vi}" for f in report.findings)
        en = "\n".join(f"  - {f.en}" for f in report.findings)
        super().__init__(
            f"Chữ ký trên tệp bộ tiêu chí “{path.name}” đúng, nhưng chưa kiểm tra được chứng thư của người ký có bị thu hồi "
            f"hay không:\n{vi}\nHãy lấy danh sách thu hồi (CRL) mới nhất của tỉnh, hoặc xác nhận vẫn dùng tệp này."
            f"{hint_vi} Không có gì được tạo.",
            f"The signature on '{path.name}' is correct, but whether the signer's certificate was revoked could not be "
            f"checked:\n{en}\nGet the province's latest CRL, or confirm you still want to use this file.{hint_en} "
            "Nothing was created.",
        )
        self.report = report


@dataclass(frozen=True)
class FrameworkChoice:
    framework: Framework
    trust: FrameworkTrust
    report: PackageReport | None = None  # the verification report of a signed file


def trust_of_report(report: PackageReport) -> FrameworkTrust:
    info = signer_info(report)
    return FrameworkTrust(
        status=TRUST_SIGNED,
        signer_subject=info.subject if info else "",
        signer_fingerprint=info.fingerprint if info else "",
        package_sha256=report.manifest_sha256 or "",
        verdict=report.verdict.value,
        signing_time=(info.signing_time or "") if info else "",
    )


def choose_signed(path: Path | str, trust: TrustStore | Path | str, *, allow_unknown_revocation: bool = False,
                  now: _dt.datetime | None = None) -> FrameworkChoice:
    """(a): verify a signed framework file; raises SignedFrameworkRefused / RevocationNotChecked."""
    path = Path(path)
    fw, report = load_signed_framework(path, trust, now)
    if report.verdict is Verdict.UNKNOWN and not allow_unknown_revocation:
        raise RevocationNotChecked(path, report)
    return FrameworkChoice(fw, trust_of_report(report), report)


def choose_unsigned(path: Path | str, *, allow_unsigned: bool = False, framework: Framework | None = None,
                    hint_vi: str = "", hint_en: str = "") -> FrameworkChoice:
    """(b) or (c): an unsigned framework JSON (`framework`: already loaded from `path`); a
    non-sample needs `allow_unsigned`, else UnsignedFrameworkRefused (with the caller's hint)."""
    path = Path(path)
    fw = framework if framework is not None else load_framework(path)
    if fw.sample:
        return FrameworkChoice(fw, FrameworkTrust(TRUST_SAMPLE))
    if not allow_unsigned:
        raise UnsignedFrameworkRefused(path, hint_vi, hint_en)
    return FrameworkChoice(fw, FrameworkTrust(TRUST_UNSIGNED))


def is_signed_file(path: Path | str) -> bool:
    return looks_like_package(path)
