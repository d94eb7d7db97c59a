"""Loading the council's trust settings: CA certificates, pinned agency certificates, CRLs.

TRUST is a PEM file or a folder:

- certificates (`*.pem`, `*.crt`, `*.cer`; PEM, possibly several per file, or DER): a CA
  certificate (basicConstraints CA:TRUE) is a trust anchor when self-signed, else an
  intermediate; any other certificate is a pinned agency certificate, bound to the code that
  `pins.json` gives for its fingerprint, or else to the code the certificate itself carries;
- `pins.json`: {"AGENCY_CODE": "sha256 fingerprint of the certificate, hex"} naming
  certificates found in the folder;
- CRLs: `*.crl` (PEM or DER), or "X509 CRL" blocks in a PEM file.

Every bad file gives a message naming it; nothing is silently skipped except files of other
kinds (a `ca.p12`, a README).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from cryptography import x509

from ..errors import UserFacingError
from .api import TrustStore
from .certutil import (
    AGENCY_CODE_RE,
    agency_code_of,
    der,
    fingerprint,
    is_ca,
    is_self_signed,
    normalise_fingerprint,
)
from .files import read_limited

CERT_SUFFIXES = (".pem", ".crt", ".cer", ".der")
CRL_SUFFIXES = (".crl",)
PINS_FILE = "pins.json"
MAX_FILES = 2000

_PEM_BLOCK = re.compile(rb"-----BEGIN ([A-Z0-9 ]+)-----.*?-----END \1-----", re.S)


def _bad(path: Path, vi: str, en: str) -> UserFacingError:
    return UserFacingError(f"Tệp tin cậy “{path}”: {vi}", f"Trust file '{path}': {en}")


def _parse_file(path: Path) -> tuple[list[x509.Certificate], list[x509.CertificateRevocationList]]:
    data = read_limited(path, "tệp chứng thư tin cậy", "Trust file")
    certs: list[x509.Certificate] = []
    crls: list[x509.CertificateRevocationList] = []
    if b"-----BEGIN" in data:
        blocks = list(_PEM_BLOCK.finditer(data))
        if not blocks:
            raise _bad(path, "khối PEM không đầy đủ (thiếu dòng -----END).", "incomplete PEM block (no -----END line).")
        for m in blocks:
            kind = m.group(1).decode("ascii", "replace")
            try:
                if kind in ("CERTIFICATE", "TRUSTED CERTIFICATE"):
                    certs.append(x509.load_pem_x509_certificate(m.group(0).replace(b"TRUSTED ", b"")))
                elif kind == "X509 CRL":
                    crls.append(x509.load_pem_x509_crl(m.group(0)))
            except ValueError:
                raise _bad(path, f"khối “{kind}” hỏng, không đọc được.", f"damaged '{kind}' block.") from None
        if not certs and not crls:
            raise _bad(path, "không có chứng thư (CERTIFICATE) hay danh sách thu hồi (X509 CRL) nào.",
                       "no CERTIFICATE or X509 CRL block.")
        return certs, crls
    try:
        if path.suffix.lower() in CRL_SUFFIXES:
            return [], [x509.load_der_x509_crl(data)]
        return [x509.load_der_x509_certificate(data)], []
    except ValueError:
        what = ("danh sách thu hồi (CRL)", "a CRL") if path.suffix.lower() in CRL_SUFFIXES else \
            ("chứng thư số X.509", "an X.509 certificate")
        raise _bad(path, f"không phải {what[0]} (PEM hoặc DER) đọc được.", f"not {what[1]} (PEM or DER).") from None


def _read_pins(path: Path) -> dict[str, str]:
    data = read_limited(path, "tệp ghim chứng thư", "Pins file")
    try:
        doc = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise _bad(path, f"không phải JSON hợp lệ ({exc}).", f"not valid JSON ({exc}).") from None
    if not isinstance(doc, dict):
        raise _bad(path, "phải là một đối tượng JSON {\"MÃ_CƠ_QUAN\": \"dấu vân tay SHA-256\"}.",
                   "must be a JSON object {\"AGENCY_CODE\": \"SHA-256 fingerprint\"}.")
    pins: dict[str, str] = {}
    for code, fp in doc.items():
        norm = normalise_fingerprint(fp) if isinstance(fp, str) else ""
        if not AGENCY_CODE_RE.match(code) or not re.fullmatch(r"[0-9a-f]{64}", norm):
            raise _bad(path, f"mục “{code}”: cần mã cơ quan hợp lệ và dấu vân tay SHA-256 (64 chữ số hex).",
                       f"entry '{code}': needs a valid agency code and a SHA-256 fingerprint (64 hex digits).")
        pins[code] = norm
    return pins


def _files_of(root: Path) -> list[Path]:
    if root.is_file():
        return [root]
    if not root.is_dir():
        raise UserFacingError(f"Không tìm thấy tệp hoặc thư mục tin cậy “{root}”.",
                              f"Trust file or folder '{root}' not found.")
    try:
        files = sorted(p for p in root.iterdir() if p.is_file() and not p.name.startswith("."))
    except OSError as exc:
        raise UserFacingError(f"Không đọc được thư mục tin cậy “{root}”: {exc.strerror or exc}.",
                              f"Cannot read trust folder '{root}': {exc.strerror or exc}.") from None
    if len(files) > MAX_FILES:
        raise UserFacingError(f"Thư mục tin cậy “{root}” có quá nhiều tệp (trên {MAX_FILES}).",
                              f"Trust folder '{root}' has too many files (over {MAX_FILES}).")
    return files


def load_trust(path: Path | str) -> TrustStore:
    """Read a trust PEM file or folder (see the module docstring).  UserFacingError names bad files."""
    root = Path(path)
    files = _files_of(root)
    store = TrustStore()
    leaves: list[tuple[x509.Certificate, Path]] = []
    pins: dict[str, str] = {}
    pins_path: Path | None = None
    seen: set[bytes] = set()
    for f in files:
        suffix = f.suffix.lower()
        if f.name == PINS_FILE and root.is_dir():
            pins, pins_path = _read_pins(f), f
            continue
        if root.is_dir() and suffix not in CERT_SUFFIXES + CRL_SUFFIXES:
            continue
        certs, crls = _parse_file(f)
        store.crls.extend(crls)
        for c in certs:
            d = der(c)
            if d in seen:
                continue
            seen.add(d)
            if is_ca(c):
                (store.anchors if is_self_signed(c) else store.intermediates).append(c)
            else:
                leaves.append((c, f))
    by_fp = {fingerprint(c): c for c, _ in leaves}
    for c in store.anchors + store.intermediates:
        by_fp.setdefault(fingerprint(c), c)
    pinned_fps: set[str] = set()
    for code, fp in pins.items():
        cert = by_fp.get(fp)
        if cert is None:
            raise _bad(pins_path or root, f"mã “{code}” ghim chứng thư có dấu vân tay {fp}, nhưng không có tệp "
                       "chứng thư nào trong thư mục mang dấu vân tay đó.",
                       f"code '{code}' pins fingerprint {fp}, but no certificate in the folder has it.")
        store.pinned[code] = cert
        pinned_fps.add(fp)
    for cert, f in leaves:
        if fingerprint(cert) in pinned_fps:
            continue
        code = agency_code_of(cert)
        if not code:
            raise _bad(f, "chứng thư không phải của CA và không mang mã cơ quan (SAN urn:cchc:agency:… hoặc UID); "
                       "hãy ghim nó trong pins.json.",
                       "not a CA certificate and carries no agency code (SAN urn:cchc:agency:… or UID); "
                       "pin it in pins.json.")
        if code in store.pinned and der(store.pinned[code]) != der(cert):
            raise _bad(f, f"mã cơ quan “{code}” đã được ghim cho một chứng thư khác.",
                       f"agency code '{code}' is already pinned to another certificate.")
        store.pinned[code] = cert
    if not (store.anchors or store.pinned):
        raise UserFacingError(
            f"“{root}” không chứa chứng thư tin cậy nào (chứng thư CA của tỉnh hoặc chứng thư cơ quan đã ghim).",
            f"'{root}' holds no trusted certificate (the province CA or a pinned agency certificate).",
        )
    return store
