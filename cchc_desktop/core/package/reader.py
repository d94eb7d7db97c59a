"""Verifying a package: every package is hostile input until proven otherwise.

`verify_package` never raises for bad input and never writes anywhere: it returns a report whose
findings say, in Vietnamese and English, what is wrong.  The order matters: the ZIP structure is
checked before anything is read, sizes before bytes, the signature before the manifest is trusted,
and every byte listed in the manifest is hashed against it.  An importer passes a `sink` to
receive each verified entry while it is hashed, so the package is read exactly once.
"""

from __future__ import annotations

import hashlib
import json
import stat
import struct
import zipfile
import zlib
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, BinaryIO, Iterator, Mapping, Protocol

from ..progress import CancelToken, ProgressCallback, no_progress
from ..signing.api import Finding, SignatureReport, TrustStore, Verdict
from . import container
from . import format as fmt
from .hashing import OverlappedHashing
from .result_format import APPRAISALS, REBUTTAL, RESULT
from .result_format import DATA_NAMES as RESULT_DATA_NAMES

CHUNK = 1024 * 1024
# Who may sign which kind (docs/keys-and-certificates.md, "Roles"): a submission or a rebuttal is
# signed by the agency it names (certificate bound to the manifest's agency code); a result or a
# reviewer's appraisal by the council (a council certificate the province CA issued) or by the CA
# itself; a framework by the province (`verify_framework_package`).
AGENCY_KINDS = ("submission", "rebuttal")
COUNCIL_KINDS = ("result", "appraisal")
# The data entries each kind must hold, and those it may hold besides evidence files (a kind not
# listed is not restricted here).
REQUIRED_DATA = {"submission": (fmt.ASSESSMENT, fmt.FRAMEWORK), "result": (RESULT,), "rebuttal": (REBUTTAL,),
                 "appraisal": (APPRAISALS,)}
ALLOWED_DATA = {"submission": set(fmt.DATA_NAMES), "result": {RESULT}, "rebuttal": {REBUTTAL},
                "appraisal": {APPRAISALS}}
NO_EVIDENCE = ("result", "appraisal")


def allowed_name(name: str) -> bool:
    """Entry names a v1 package may hold (any kind): format.allowed_name plus the result/rebuttal data."""
    return fmt.allowed_name(name) or name in RESULT_DATA_NAMES


class SinkError(Exception):
    """The receiver of verified bytes failed (e.g. the importer's disk is full): not the package's fault."""

    def __init__(self, cause: BaseException) -> None:
        super().__init__(str(cause))
        self.cause = cause


class EntrySink(Protocol):
    """Receives the bytes of each listed entry as they are verified (e.g. into an evidence store)."""

    def begin(self, path: str, size: int) -> None: ...

    def chunk(self, data: bytes) -> None: ...

    def end(self, ok: bool) -> None: ...


@dataclass(frozen=True)
class PackageReport:
    path: Path
    verdict: Verdict
    findings: tuple[Finding, ...]
    manifest: fmt.Manifest | None = None
    manifest_sha256: str | None = None
    signature: SignatureReport | None = None
    data: Mapping[str, bytes] = field(default_factory=dict)  # data/*.json entries, verified

    @property
    def ok(self) -> bool:
        return self.verdict is Verdict.VALID

    def reasons(self, lang: str = "vi") -> list[str]:
        return [f.en if lang == "en" else f.vi for f in self.findings]


def _f(code: str, vi: str, en: str, fatal: bool = True) -> Finding:
    return Finding(code, vi, en, fatal)


def _shown(name: str) -> str:
    """An entry name as it may be shown: printable, short."""
    text = "".join(ch if ch.isprintable() else "?" for ch in name)
    return text if len(text) <= 80 else text[:77] + "…"


def _verdict(findings: list[Finding]) -> Verdict:
    if any(f.fatal for f in findings):
        return Verdict.INVALID
    return Verdict.UNKNOWN if findings else Verdict.VALID


def _structure(infos: list[zipfile.ZipInfo]) -> list[Finding]:
    """Refuse traversal, links, duplicates, encryption, odd compression, bombs - before reading."""
    out: list[Finding] = []
    if len(infos) > fmt.MAX_ENTRIES:
        return [_f("too_many_entries", f"Gói có {len(infos)} mục, quá nhiều.", f"{len(infos)} entries: too many.")]
    seen: set[str] = set()
    total = 0
    for info in infos:
        name = info.filename
        shown = _shown(name)
        parts = name.replace("\\", "/").split("/")
        if name.startswith(("/", "\\")) or (len(name) > 1 and name[1] == ":") or ".." in parts:
            out.append(_f("path_escape", f"Mục “{shown}” trỏ ra ngoài gói (đường dẫn tuyệt đối hoặc “..”): gói có thể độc hại.",
                          f"Entry '{shown}' escapes the package (absolute path or '..')."))
            continue
        if name in seen:
            out.append(_f("duplicate_entry", f"Mục “{shown}” xuất hiện hai lần.", f"Entry '{shown}' appears twice."))
        seen.add(name)
        mode = info.external_attr >> 16
        if stat.S_ISLNK(mode):
            out.append(_f("symlink_entry", f"Mục “{shown}” là liên kết tượng trưng (symlink): không được phép.", f"Entry '{shown}' is a symlink."))
        if info.flag_bits & 0x1:
            out.append(_f("encrypted_entry", f"Mục “{shown}” bị mã hóa ZIP: không được phép.", f"Entry '{shown}' is encrypted."))
        if info.compress_type != zipfile.ZIP_STORED:
            # v1 stores every entry: compressed data could change in ignored padding bits unnoticed.
            out.append(_f("unsupported_compression", f"Mục “{shown}” bị nén; định dạng gói chỉ cho phép mục không nén.",
                          f"Entry '{shown}' is compressed; packages store entries uncompressed."))
        if not allowed_name(name):
            out.append(_f("unexpected_entry", f"Gói chứa mục không thuộc định dạng: “{shown}”.", f"Unexpected entry '{shown}'."))
        if info.file_size > 1024 * 1024 and info.file_size > fmt.MAX_RATIO * max(info.compress_size, 1):
            out.append(_f("compression_bomb", f"Mục “{shown}” có tỷ lệ nén bất thường (có thể là “bom nén”).", f"Entry '{shown}' has an abnormal compression ratio (zip bomb?)."))
        total += info.file_size
    if total > fmt.MAX_TOTAL_BYTES:
        out.append(_f("too_large", "Tổng dung lượng khai báo của gói vượt giới hạn cho phép.", "The declared total size exceeds the limit."))
    return out


def _data_offset(raw: BinaryIO, info: zipfile.ZipInfo) -> int:
    raw.seek(info.header_offset + 26)
    name_len, extra_len = struct.unpack("<HH", raw.read(4))
    return info.header_offset + 30 + name_len + extra_len


def _stored_chunks(raw: BinaryIO, info: zipfile.ZipInfo) -> Iterator[bytes]:
    """A stored entry in 1 MiB chunks straight from the file, its CRC checked at the end."""
    pos, left, crc = _data_offset(raw, info), info.compress_size, 0
    while left:
        raw.seek(pos)
        chunk = raw.read(min(CHUNK, left))
        if not chunk:
            raise EOFError("truncated entry")
        crc = zlib.crc32(chunk, crc)
        pos += len(chunk)
        left -= len(chunk)
        yield chunk
    if crc != info.CRC:
        raise zipfile.BadZipFile("CRC mismatch")


def _entry_chunks(raw: BinaryIO, info: zipfile.ZipInfo, cap: int) -> Iterator[bytes]:
    if info.file_size > cap:
        raise ValueError("too large")
    return _stored_chunks(raw, info)


def _read_small(info: zipfile.ZipInfo, cap: int, raw: BinaryIO) -> bytes:
    if info.file_size > cap:
        raise ValueError("too large")
    return b"".join(_entry_chunks(raw, info, cap))


class DuplicateKey(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _strict_json(data: bytes) -> Any:
    def no_dupes(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        seen: set[str] = set()
        for k, _ in pairs:
            if k in seen:
                raise DuplicateKey(k)
            seen.add(k)
        return dict(pairs)

    def no_constants(name: str) -> Any:
        raise ValueError(f"invalid constant {name}")

    return json.loads(data.decode("utf-8"), object_pairs_hook=no_dupes, parse_constant=no_constants)


def verify_package(
    path: Path | str,
    trust: TrustStore,
    known_frameworks: Mapping[str, Any] | None = None,
    sink: EntrySink | None = None,
    progress: ProgressCallback = no_progress,
    cancel: CancelToken | None = None,
    now: datetime | None = None,
) -> PackageReport:
    """Check a package completely.  `known_frameworks`: framework hashes the reader accepts;
    `now`: the time certificates and CRLs are judged at (default: the clock)."""
    from ..signing.verify import verify_detached

    return _verify_file(Path(path), trust, known_frameworks, sink, progress, cancel,
                        lambda sig, content, trust_: verify_detached(sig, content, trust_, now), False)


def verify_framework_package(
    path: Path | str,
    trust: TrustStore,
    progress: ProgressCallback = no_progress,
    cancel: CancelToken | None = None,
    now: datetime | None = None,
) -> PackageReport:
    """Check a signed framework file (a package of kind "framework") the province published.

    Everything `verify_package` checks, except the agency binding: the signer is the province, i.e.
    the trusted CA itself (a CA certificate has no digitalSignature keyUsage; the anchor is trusted
    as such) or a framework-signer certificate the CA issued (`ca.issue_framework_signer`).  Pinned
    certificates of the trust store are ignored and an agency certificate is refused, even one the
    CA issued.  The package holds exactly data/framework.json, whose canonical SHA-256 (and id and
    year) must equal the manifest's.
    """
    from dataclasses import replace

    from ..signing.certutil import der
    from ..signing.verify import verify_detached

    path = Path(path)
    if not trust.anchors:
        return PackageReport(path, Verdict.INVALID, (_f(
            "no_province_ca",
            "Danh sách tin cậy không có chứng thư CA của tỉnh: chỉ chứng thư của tỉnh mới xác minh được bộ tiêu chí.",
            "The trust store holds no province CA certificate: only it can vouch for a framework.",
        ),))
    province = TrustStore(anchors=list(trust.anchors), intermediates=list(trust.intermediates), pinned={},
                          crls=list(trust.crls))
    anchors = {der(a) for a in province.anchors}

    def check(sig: bytes, content: bytes, trust_: TrustStore) -> SignatureReport:
        report = verify_detached(sig, content, trust_, now)
        if report.signer is not None and der(report.signer) in anchors:
            kept = tuple(f for f in report.findings if f.code != "key_usage")
            if kept != report.findings:
                report = replace(report, findings=kept, verdict=_verdict(list(kept)))
        return report

    return _verify_file(path, province, None, None, progress, cancel, check, True)


def verify_council_package(
    path: Path | str,
    trust: TrustStore,
    kinds: tuple[str, ...] = COUNCIL_KINDS,
    known_frameworks: Mapping[str, Any] | None = None,
    sink: EntrySink | None = None,
    progress: ProgressCallback = no_progress,
    cancel: CancelToken | None = None,
    now: datetime | None = None,
) -> PackageReport:
    """Check a package the appraisal council signed (a result, or a reviewer's appraisal package).

    Everything `verify_package` checks - which for these kinds already requires a council
    certificate issued by a trusted province CA (SAN `urn:cchc:role:council`), or the CA itself, and
    refuses an agency's or a pinned certificate - and also that the package is of one of `kinds`
    (finding `wrong_kind` otherwise; e.g. `kinds=("result",)` for an agency importing its result).
    The manifest's `agency.code` is the agency the package is *about*, not its signer.
    """
    report = verify_package(path, trust, known_frameworks, sink, progress, cancel, now)
    m = report.manifest
    if m is None or m.kind in kinds:
        return report
    names = " / ".join(kinds)
    findings = report.findings + (_f(
        "wrong_kind",
        f"Đây là gói loại “{m.kind}”, không phải gói của Hội đồng thẩm định ({names}).",
        f"This is a '{m.kind}' package, not a council package ({names}).",
    ),)
    return PackageReport(report.path, Verdict.INVALID, findings, m, report.manifest_sha256, report.signature)


def _council_signer(signature: SignatureReport, trust: TrustStore, findings: list[Finding]) -> tuple[SignatureReport, list[Finding]]:
    """A result/appraisal package: signed by a council certificate the province CA issued, or by the
    CA itself (its certificate has no digitalSignature keyUsage; the anchor is trusted as such)."""
    from dataclasses import replace

    from ..signing.certutil import agency_code_of, common_name, der, is_council_signer, issued_by

    signer, chain = signature.signer, signature.chain
    if signer is None:
        return signature, findings  # the signature's own findings say why
    anchors = {der(a) for a in trust.anchors}
    if der(signer) in anchors:
        kept = tuple(f for f in signature.findings if f.code != "key_usage")
        if kept != signature.findings:
            signature = replace(signature, findings=kept, verdict=_verdict(list(kept)))
            findings = [f for f in findings if f.code != "key_usage"]
        return signature, findings
    # Issued by the province CA: a path to an anchor (a pinned certificate's reported path is itself
    # only, so ask directly whether a trusted CA issued it).
    anchored = (len(chain) > 1 and der(chain[-1]) in anchors) or any(
        issued_by(signer, ca) for ca in [*trust.anchors, *trust.intermediates])
    council = is_council_signer(signer)
    if council and (anchored or any(f.fatal for f in findings)):
        return signature, findings  # a council certificate; if untrusted, the signature findings say so
    code = agency_code_of(signer)
    who = f"“{_shown(common_name(signer))}”" + (f" (mã cơ quan {code})" if code else "")
    who_en = f"'{_shown(common_name(signer))}'" + (f" (agency code {code})" if code else "")
    if council:  # pinned, or not issued by a trusted CA
        vi = (f"Gói được ký bằng chứng thư Hội đồng {who} không do CA của tỉnh cấp (chứng thư được ghim không dùng để "
              "ký kết quả). Hãy xin Hội đồng thẩm định gửi lại gói có chữ ký hợp lệ.")
        en = f"The package is signed by the council certificate {who_en}, which the province CA did not issue (a pinned certificate cannot sign results)."
    else:
        vi = (f"Gói kết quả/thẩm định được ký bằng chứng thư {who}, không phải chứng thư của Hội đồng thẩm định. Chỉ "
              "Hội đồng (chứng thư Hội đồng do CA của tỉnh cấp) hoặc CA của tỉnh mới được ký kết quả thẩm định; "
              "chứng thư của một cơ quan không bao giờ ký được kết quả. Không dùng gói này.")
        en = (f"The result/appraisal package is signed with the certificate {who_en}, not a council certificate. Only the "
              "council (a council certificate issued by the province CA) or the province CA may sign results; an agency "
              "certificate never can. Do not use this package.")
    return signature, findings + [_f("not_council_signer", vi, en)]


def _agency_signer(manifest: fmt.Manifest, signature: SignatureReport) -> list[Finding]:
    """A submission/rebuttal: the signer's certificate is bound to the manifest's agency code."""
    from ..signing.certutil import is_ca, is_council_signer, is_framework_signer

    signer = signature.signer
    if signature.agency_code is None:
        if signer is not None and manifest.kind in AGENCY_KINDS and (
                is_council_signer(signer) or is_framework_signer(signer) or is_ca(signer)):
            return [_f(
                "agency_unbound",
                f"Gói loại “{manifest.kind}” phải do chính cơ quan “{manifest.agency_code}” ký, nhưng được ký bằng chứng thư "
                "của Hội đồng thẩm định / của tỉnh. Chứng thư Hội đồng không bao giờ ký được hồ sơ nộp hay giải trình.",
                f"A '{manifest.kind}' package must be signed by the agency '{manifest.agency_code}' itself, but it is signed "
                "with a council / province certificate, which can never sign a submission or a rebuttal.",
            )]
        return [_f("agency_unbound", "Chứng thư ký không gắn với mã cơ quan nào.", "The signing certificate names no agency.")]
    if signature.agency_code != manifest.agency_code:
        return [_f(
            "agency_mismatch",
            f"Gói ghi là của cơ quan “{manifest.agency_code}” nhưng được ký bằng chứng thư của cơ quan “{signature.agency_code}”.",
            f"The package claims agency '{manifest.agency_code}' but is signed by '{signature.agency_code}'.",
        )]
    return []


def _verify_file(path, trust, known_frameworks, sink, progress, cancel, verify_detached, framework_only) -> PackageReport:  # type: ignore[no-untyped-def]
    try:
        size = path.stat().st_size
    except OSError as exc:
        return PackageReport(path, Verdict.INVALID, (_f("unreadable", f"Không đọc được tệp: {exc.strerror or exc}.", f"Cannot read the file: {exc.strerror or exc}."),))
    if size == 0:
        return PackageReport(path, Verdict.INVALID, (_f("empty_file", "Tệp rỗng (0 byte): không phải gói hồ sơ.", "The file is empty."),))
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError, NotImplementedError, IndexError, KeyError, OverflowError):
        return PackageReport(path, Verdict.INVALID, (_f(
            "not_a_zip",
            "Tệp không phải gói hồ sơ CCHC hoặc đã bị hỏng/cắt cụt (không đọc được cấu trúc ZIP). Hãy xin cơ quan gửi lại.",
            "Not a CCHC package, or damaged/truncated (no readable ZIP structure).",
        ),))
    with zf:
        structure = _structure(zf.infolist())
        if structure:
            return PackageReport(path, Verdict.INVALID, tuple(structure))
        with open(path, "rb") as raw:
            try:
                container.check(raw, zf, size)
            except (container.NotCanonical, OSError, struct.error, UnicodeError) as exc:
                return PackageReport(path, Verdict.INVALID, (_f(
                    "not_canonical",
                    "Cấu trúc ZIP của gói đã bị sửa hoặc không do ứng dụng CCHC tạo ra (phần đầu tệp không khớp danh mục). "
                    "Hãy xin cơ quan gửi lại gói gốc.",
                    f"The ZIP structure was altered or not made by CCHC Desktop ({exc}).",
                ),))
            return _verify_open(path, zf, raw, trust, known_frameworks, sink, progress, cancel, verify_detached,
                                framework_only)


def _framework_signer_findings(manifest: fmt.Manifest, signature: SignatureReport, trust: TrustStore) -> list[Finding]:
    """A framework package: the right kind, signed by the province (its CA or a framework signer)."""
    from ..signing.certutil import agency_code_of, common_name, der, is_framework_signer

    out: list[Finding] = []
    if manifest.kind != "framework":
        out.append(_f("wrong_kind", f"Đây là gói loại “{manifest.kind}”, không phải tệp bộ tiêu chí có chữ ký của tỉnh.",
                      f"This is a '{manifest.kind}' package, not a signed framework file."))
    signer, chain = signature.signer, signature.chain
    anchored = bool(chain) and der(chain[-1]) in {der(a) for a in trust.anchors}
    if signer is not None and anchored and len(chain) > 1 and not is_framework_signer(signer):
        code = agency_code_of(signer)
        who = f"“{_shown(common_name(signer))}”" + (f" (mã cơ quan {code})" if code else "")
        out.append(_f(
            "not_province_signer",
            f"Tệp được ký bằng chứng thư {who}, không phải chứng thư ký bộ tiêu chí của tỉnh. Chỉ CA của tỉnh, hoặc "
            "chứng thư ký bộ tiêu chí do CA cấp, mới được ký bộ tiêu chí. Hãy xin Sở Nội vụ gửi lại tệp gốc.",
            f"The file is signed with the certificate {who.replace('“', chr(39)).replace('”', chr(39)).replace('mã cơ quan', 'agency code')}, "
            "not a province framework-signing certificate. Only the province CA, or a framework signer it issued, may "
            "sign a framework.",
        ))
    return out


def _verify_open(path, zf, raw, trust, known_frameworks, sink, progress, cancel, verify_detached, framework_only=False) -> PackageReport:  # type: ignore[no-untyped-def]
    infos = zf.infolist()
    findings: list[Finding] = []
    by_name = {i.filename: i for i in infos}
    if fmt.MANIFEST not in by_name:
        return PackageReport(path, Verdict.INVALID, (_f("missing_manifest", "Gói thiếu tệp kê khai manifest.json.", "manifest.json is missing."),))
    if fmt.SIGNATURE not in by_name:
        return PackageReport(path, Verdict.INVALID, (_f("missing_signature", "Gói thiếu chữ ký số (manifest.p7s): không xác định được ai đã gửi.", "The signature manifest.p7s is missing."),))
    try:
        mbytes = _read_small(by_name[fmt.MANIFEST], fmt.MAX_MANIFEST_BYTES, raw)
        sig = _read_small(by_name[fmt.SIGNATURE], fmt.MAX_SIGNATURE_BYTES, raw)
    except ValueError:
        return PackageReport(path, Verdict.INVALID, (_f("manifest_too_large", "Tệp kê khai hoặc chữ ký quá lớn.", "The manifest or signature is too large."),))
    except (zipfile.BadZipFile, OSError, EOFError, zlib.error):
        return PackageReport(path, Verdict.INVALID, (_f("damaged_entry", "Tệp kê khai hoặc chữ ký bị hỏng (sai CRC).", "The manifest or signature is damaged."),))
    manifest_sha = hashlib.sha256(mbytes).hexdigest()
    signature = verify_detached(sig, mbytes, trust)
    findings.extend(signature.findings)
    try:
        manifest = fmt.parse_manifest(_strict_json(mbytes))
    except fmt.ManifestError as exc:
        findings.append(_f(exc.code, exc.vi, exc.en))
        return PackageReport(path, _verdict(findings), tuple(findings), None, manifest_sha, signature)
    except DuplicateKey as dup:
        key = _shown(dup.key)
        findings.append(_f("manifest_malformed", f"Tệp kê khai (JSON) có khóa “{key}” bị trùng (xuất hiện hai lần): không rõ giá trị nào là thật.",
                           f"The manifest has the key '{key}' twice: which value is meant is ambiguous."))
        return PackageReport(path, _verdict(findings), tuple(findings), None, manifest_sha, signature)
    except (ValueError, UnicodeDecodeError, RecursionError):
        findings.append(_f("manifest_malformed", "Tệp kê khai không phải JSON UTF-8 hợp lệ.", "The manifest is not valid UTF-8 JSON."))
        return PackageReport(path, _verdict(findings), tuple(findings), None, manifest_sha, signature)
    if framework_only:
        findings.extend(_framework_signer_findings(manifest, signature, trust))
    elif manifest.kind in COUNCIL_KINDS:
        signature, findings = _council_signer(signature, trust, findings)
    else:
        findings.extend(_agency_signer(manifest, signature))
    if known_frameworks is not None and manifest.framework_sha256 not in known_frameworks:
        findings.append(_f(
            "framework_unknown",
            f"Gói dùng bộ tiêu chí không có trong đợt đánh giá này ({manifest.framework_id}, mã băm {manifest.framework_sha256[:12]}…).",
            f"The package uses a framework this round does not know ({manifest.framework_id}).",
        ))
    listed = {f.path: f for f in manifest.files}
    present = set(by_name) - {fmt.MANIFEST, fmt.SIGNATURE}
    if len(listed) != len(manifest.files):
        findings.append(_f("manifest_malformed", "Tệp kê khai liệt kê một tệp hai lần.", "The manifest lists a file twice."))
    for name in sorted(set(listed) - present):
        findings.append(_f("missing_entry", f"Thiếu tệp “{_shown(name)}” có trong kê khai.", f"Listed file '{_shown(name)}' is missing."))
    for name in sorted(present - set(listed)):
        findings.append(_f("extra_entry", f"Gói có tệp “{_shown(name)}” không có trong kê khai.", f"Entry '{_shown(name)}' is not in the manifest."))
    for entry in manifest.files:
        if not allowed_name(entry.path) or entry.path in (fmt.MANIFEST, fmt.SIGNATURE):
            findings.append(_f("unexpected_entry", f"Kê khai nêu tệp không hợp lệ “{_shown(entry.path)}”.", f"The manifest lists an invalid path '{_shown(entry.path)}'."))
        elif entry.path.startswith(fmt.EVIDENCE_PREFIX) and entry.path != fmt.EVIDENCE_PREFIX + entry.sha256:
            findings.append(_f("hash_mismatch", f"Tài liệu “{_shown(entry.path)}” không được đặt tên theo mã băm của nó.", "An evidence entry is not named by its hash."))
    order = [i.filename for i in infos]
    expected_order = [f.path for f in manifest.files] + [fmt.MANIFEST, fmt.SIGNATURE]
    if not findings and set(order) == set(expected_order) and order != expected_order:
        # The canonical container also fixes the order: the manifest's, then manifest and signature.
        findings.append(_f("not_canonical", "Các tệp trong gói không theo đúng thứ tự chuẩn: gói đã bị sắp xếp lại.",
                           "The package's entries are not in the canonical order (repacked)."))
    if manifest.kind == "submission":
        for required in (fmt.ASSESSMENT, fmt.FRAMEWORK):
            if required not in listed:
                findings.append(_f("missing_entry", f"Gói nộp thiếu “{required}”.", f"A submission must contain '{required}'."))
    if not framework_only:
        findings.extend(_kind_entries(manifest, listed, required=manifest.kind != "submission"))
    if framework_only:
        if fmt.FRAMEWORK not in listed:
            findings.append(_f("missing_entry", f"Tệp bộ tiêu chí có chữ ký thiếu “{fmt.FRAMEWORK}”.",
                               f"A signed framework file must contain '{fmt.FRAMEWORK}'."))
        for name in sorted(set(listed) - {fmt.FRAMEWORK}):
            findings.append(_f("unexpected_entry", f"Tệp bộ tiêu chí có chữ ký chỉ được chứa {fmt.FRAMEWORK}; có thêm “{_shown(name)}”.",
                               f"A signed framework file holds only {fmt.FRAMEWORK}; it also lists '{_shown(name)}'."))
    if any(f.fatal for f in findings):  # do not read content of a package already refused
        return PackageReport(path, _verdict(findings), tuple(findings), manifest, manifest_sha, signature)
    with OverlappedHashing() as hashing:
        data, content_findings = _check_entries(zf, raw, by_name, manifest, sink, progress, cancel, hashing)
    findings.extend(content_findings)
    fw_bytes = data.get(fmt.FRAMEWORK)
    if fw_bytes is not None and not content_findings:
        from ..errors import InvalidFramework
        from ..framework.load import parse_framework

        try:
            fw, _ = parse_framework(fw_bytes)
            if fw.sha256 != manifest.framework_sha256:
                findings.append(_f("framework_mismatch", "Bộ tiêu chí kèm theo không khớp mã băm khai trong manifest.", "The enclosed framework does not match the manifest's hash."))
            elif framework_only and (fw.id != manifest.framework_id or fw.year != manifest.year):
                findings.append(_f("framework_mismatch", "Mã hoặc năm của bộ tiêu chí không khớp với kê khai (manifest).",
                                   "The framework's id or year differs from the manifest's."))
        except InvalidFramework:
            findings.append(_f("framework_invalid", "Bộ tiêu chí kèm theo gói không hợp lệ.", "The enclosed framework is invalid."))
    verdict = _verdict(findings)
    return PackageReport(path, verdict, tuple(findings), manifest, manifest_sha, signature, {} if verdict is Verdict.INVALID else data)


def _kind_entries(manifest: fmt.Manifest, listed: Mapping[str, Any], required: bool = True) -> list[Finding]:
    """The data entries a kind must hold and may hold (a result holds only data/result.json)."""
    kind = manifest.kind
    out: list[Finding] = []
    if required:
        for name in REQUIRED_DATA.get(kind, ()):
            if name not in listed:
                out.append(_f("missing_entry", f"Gói loại “{kind}” thiếu “{name}”.", f"A '{kind}' package must contain '{name}'."))
    allowed = ALLOWED_DATA.get(kind)
    if allowed is None:
        return out
    for name in sorted(listed):
        is_evidence = name.startswith(fmt.EVIDENCE_PREFIX)
        if (is_evidence and kind in NO_EVIDENCE) or (not is_evidence and name not in allowed):
            out.append(_f("unexpected_entry", f"Gói loại “{kind}” không được chứa “{_shown(name)}”.",
                          f"A '{kind}' package may not contain '{_shown(name)}'."))
    return out


def _check_entries(zf, raw, by_name, manifest, sink, progress, cancel, hashing):  # type: ignore[no-untyped-def]
    """Hash every listed entry; sizes are checked before a byte is read."""
    findings: list[Finding] = []
    data: dict[str, bytes] = {}
    total = sum(f.size for f in manifest.files)
    done = 0
    for entry in manifest.files:
        info = by_name[entry.path]
        shown = _shown(entry.path)
        if info.file_size != entry.size:
            findings.append(_f("size_mismatch", f"Kích thước tệp “{shown}” khác với kê khai ({info.file_size} ≠ {entry.size} byte).",
                               f"'{shown}' size differs from the manifest ({info.file_size} ≠ {entry.size})."))
            continue
        is_data = not entry.path.startswith(fmt.EVIDENCE_PREFIX)
        if is_data and entry.size > fmt.MAX_DATA_BYTES:
            findings.append(_f("too_large", f"Tệp dữ liệu “{shown}” quá lớn.", f"Data entry '{shown}' is too large."))
            continue
        digest = hashing.digest()
        buf = bytearray() if is_data else None
        _to_sink(sink, "begin", entry.path, entry.size)
        ok = False
        try:
            read = 0
            for chunk in _entry_chunks(raw, info, fmt.MAX_DATA_BYTES if is_data else fmt.MAX_TOTAL_BYTES):
                if cancel is not None:
                    cancel.raise_if_cancelled()
                read += len(chunk)
                if read > entry.size:
                    raise ValueError("longer than declared")
                digest.update(chunk)
                if buf is not None:
                    buf.extend(chunk)
                _to_sink(sink, "chunk", chunk)
                done += len(chunk)
                progress(done, total, entry.path)
            if read != entry.size:
                findings.append(_f("size_mismatch", f"Tệp “{shown}” ngắn hơn kê khai.", f"'{shown}' is shorter than declared."))
            elif digest.hexdigest() != entry.sha256:
                findings.append(_f("hash_mismatch", f"Nội dung tệp “{shown}” đã bị thay đổi (mã băm không khớp).", f"'{shown}' was altered (hash mismatch)."))
            else:
                ok = True
                if buf is not None:
                    data[entry.path] = bytes(buf)
        except (zipfile.BadZipFile, EOFError, ValueError, OSError, zlib.error, NotImplementedError) as exc:
            why_vi, why_en = _DAMAGE.get(type(exc), ("không đọc được", "unreadable"))
            findings.append(_f(
                "damaged_entry",
                f"Tệp “{shown}” trong gói bị hỏng ({why_vi}): gói đã bị thay đổi hoặc sao chép lỗi. Hãy xin cơ quan gửi lại gói.",
                f"'{shown}' in the package is damaged ({why_en}); ask the agency to send the package again.",
            ))
        finally:
            _to_sink(sink, "end", ok)
    return data, findings


_DAMAGE = {
    zipfile.BadZipFile: ("sai mã kiểm tra CRC", "CRC mismatch"),
    EOFError: ("bị cắt cụt", "truncated"),
    ValueError: ("dài hơn kích thước khai báo", "longer than declared"),
}


def _to_sink(sink: EntrySink | None, method: str, *args: Any) -> None:
    """Call the sink; its own failures propagate as SinkError, never as a fault of the package."""
    if sink is None:
        return
    try:
        getattr(sink, method)(*args)
    except Exception as exc:  # noqa: BLE001 - re-raised, typed
        raise SinkError(exc) from exc
