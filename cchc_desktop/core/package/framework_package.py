"""Signed framework files: the province signs a framework, every agency verifies it before use.

A signed framework is a package (`.cchc`, docs/package-format.md) of kind "framework" holding only
`data/framework.json` (the framework's canonical JSON) beside `manifest.json` and its detached CMS
signature `manifest.p7s`.  The signer is the province: its CA key itself, or a framework-signer
certificate the CA issued (`signing.ca.issue_framework_signer`).  `reader.verify_framework_package`
checks it; `load_signed_framework` is what the workspace creation uses.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from pathlib import Path

from ... import __version__
from ..errors import UserFacingError
from ..framework.canonical import canonical_bytes
from ..framework.load import parse_framework
from ..framework.model import Framework
from ..signing.api import Signer, TrustStore, Verdict
from . import format as fmt
from .reader import PackageReport, verify_framework_package
from .writer import WrittenPackage, write_package

ZIP_MAGIC = b"PK\x03\x04"


def looks_like_package(path: Path | str) -> bool:
    """True when the file starts like a ZIP (a signed `.cchc`), whatever its name."""
    try:
        with open(path, "rb") as fh:
            return fh.read(4) == ZIP_MAGIC
    except OSError:
        return False


def sign_framework(fw: Framework, out: Path | str, signer: Signer, now: _dt.datetime | None = None) -> WrittenPackage:
    """Write `out` (never over an existing file): the framework's canonical JSON, signed by `signer`."""
    from ..signing.certutil import agency_code_of, common_name

    cert = signer.certificate
    created = (now or _dt.datetime.now(_dt.timezone.utc)).isoformat(timespec="milliseconds")
    header = fmt.Manifest(
        kind="framework",
        # For a framework, "agency" names the publisher (informational; never checked against the signer).
        agency_code=agency_code_of(cert) or "",
        agency_name=common_name(cert),
        year=fw.year,
        round=1,
        sequence=1,
        previous_sha256=None,
        framework_id=fw.id,
        framework_sha256=fw.sha256,
        app_version=__version__,
        created_at=created,
        files=(),
    )
    return write_package(Path(out), header, {fmt.FRAMEWORK: canonical_bytes(fw)}, [], signer)


class SignedFrameworkRefused(UserFacingError):
    """A signed framework file that does not verify; `report` says why (every finding)."""

    def __init__(self, path: Path, report: PackageReport) -> None:
        reasons = [f for f in report.findings if f.fatal] or list(report.findings)
        vi = "\n".join(f"  - {f.vi}" for f in reasons)
        en = "\n".join(f"  - {f.en}" for f in reasons)
        super().__init__(
            f"Không dùng được tệp bộ tiêu chí “{path.name}”: tệp không phải bộ tiêu chí có chữ ký hợp lệ của tỉnh, "
            f"hoặc đã bị sửa đổi sau khi tỉnh ký.\n{vi}\n"
            "Hãy xin Sở Nội vụ gửi lại tệp bộ tiêu chí gốc (.cchc) và chứng thư của tỉnh (.crt). Không có gì được tạo.",
            f"Cannot use the framework file '{path.name}': it is not a validly signed province framework, or it was "
            f"changed after the province signed it.\n{en}\n"
            "Ask the province for the original framework file (.cchc) and its certificate (.crt). Nothing was created.",
        )
        self.report = report


def load_signed_framework(path: Path | str, trust: TrustStore | Path | str,
                          now: _dt.datetime | None = None) -> tuple[Framework, PackageReport]:
    """Verify a signed framework file and return the framework with the report.

    Raises `SignedFrameworkRefused` when the verdict is INVALID.  An UNKNOWN verdict (everything
    checks but revocation cannot be decided offline) is returned: the caller must get the user's
    explicit consent before using it (`report.verdict`).
    """
    path = Path(path)
    if not isinstance(trust, TrustStore):
        from ..signing.trust import load_trust

        trust = load_trust(trust)
    report = verify_framework_package(path, trust, now=now)
    if report.verdict is Verdict.INVALID:
        raise SignedFrameworkRefused(path, report)
    fw, _warnings = parse_framework(report.data[fmt.FRAMEWORK])
    return fw, report


@dataclass(frozen=True)
class SignerInfo:
    """Who signed a framework, for the workspace and for people."""

    subject: str
    common_name: str
    fingerprint: str
    role: str  # "ca" (the province CA key itself) | "framework-signer" (a certificate the CA issued)
    signing_time: str | None
    revocation: str


def signer_info(report: PackageReport) -> SignerInfo | None:
    from ..signing.certutil import common_name, fingerprint, is_framework_signer

    sig = report.signature
    if sig is None or sig.signer is None:
        return None
    cert = sig.signer
    return SignerInfo(
        subject=cert.subject.rfc4514_string(),
        common_name=common_name(cert),
        fingerprint=fingerprint(cert),
        role="framework-signer" if is_framework_signer(cert) else "ca",
        signing_time=sig.signing_time.isoformat() if sig.signing_time else None,
        revocation=sig.revocation,
    )
