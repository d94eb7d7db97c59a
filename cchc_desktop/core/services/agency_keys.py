"""The agency's signing key, as the GUI manages it: create, adopt an existing one, import the
certificate the province issued.  Checks raise `UserFacingError` and touch nothing on disk.

By default the key lives in `keys/` inside the workspace folder (so a workspace on a USB stick
carries its key, protected by its passphrase); a new key may also go to a folder the user
chooses.  A new key is three files (signing/keys.py): KEY.p12 (secret), KEY.crt (self-signed
certificate) and KEY.csr (the request the province CA turns into a certificate).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import UserFacingError

KEYS_DIR = "keys"


@dataclass(frozen=True)
class NewKey:
    """Create a key pair: PKCS#12 + self-signed certificate + certificate request (.csr)."""

    passphrase: str
    folder: Path | None = None  # None: `keys/` inside the workspace folder
    kind: str = "rsa"


@dataclass(frozen=True)
class ExistingKey:
    """Use a PKCS#12 file the agency already has; it is copied into `keys/` of the workspace."""

    path: Path
    passphrase: str


KeyPlan = NewKey | ExistingKey | None  # None: no key now (needed only to export a package)


@dataclass(frozen=True)
class KeyFiles:
    """Where the key ended up: the .p12, and for a new key its .crt and .csr."""

    p12: Path
    certificate: Path | None = None
    request: Path | None = None


def check_new_passphrase(passphrase: str, repeat: str) -> None:
    from ..signing.keys import check_new_passphrase as check_length

    check_length(passphrase)
    if passphrase != repeat:
        raise UserFacingError(
            "Hai lần nhập mật khẩu không giống nhau. Hãy nhập lại cả hai ô.",
            "The two passphrases differ. Type both again.",
        )


def key_destination(workspace_folder: Path, code: str, plan: NewKey | ExistingKey) -> Path:
    """The .p12 path a key plan writes."""
    if isinstance(plan, ExistingKey):
        return Path(workspace_folder).expanduser() / KEYS_DIR / Path(plan.path).name
    folder = plan.folder if plan.folder is not None else Path(workspace_folder).expanduser() / KEYS_DIR
    return Path(folder).expanduser() / f"{code}.p12"


def _check_free(p12: Path) -> None:
    from ..signing.keys import key_file_paths

    for p in key_file_paths(p12):
        if p.exists():
            raise UserFacingError(
                f"Thư mục “{p.parent}” đã có tệp “{p.name}”; không ghi đè tệp khóa hoặc chứng thư đã có. "
                "Hãy chọn thư mục khác.",
                f"'{p.parent}' already holds '{p.name}'; key and certificate files are never overwritten. "
                "Choose another folder.",
            )


def check_new_key_folder(folder: Path, code: str) -> None:
    """A chosen folder for a new key must exist and must not hold files of that name already."""
    folder = Path(folder).expanduser()
    if not folder.is_dir():
        raise UserFacingError(
            f"Thư mục “{folder}” không tồn tại. Hãy chọn một thư mục có sẵn để lưu tệp khóa.",
            f"The folder '{folder}' does not exist. Choose an existing folder for the key files.",
        )
    _check_free(folder / f"{code}.p12")


def check_existing_key(path: Path, passphrase: str, code: str) -> str:
    """Open the PKCS#12 file with the passphrase; its certificate must not name another agency.

    Returns the name on the certificate (to show)."""
    from ..signing.certutil import agency_code_of, common_name
    from ..signing.keys import load_pkcs12

    path = Path(path).expanduser()
    if not path.is_file():
        raise UserFacingError(f"Không tìm thấy tệp khóa “{path}”.", f"Key file '{path}' not found.")
    signer = load_pkcs12(path, passphrase)
    bound = agency_code_of(signer.certificate)
    if bound is not None and bound != code:
        raise UserFacingError(
            f"Tệp khóa này thuộc cơ quan mã “{bound}”, không phải “{code}”: hồ sơ ký bằng khóa này sẽ bị Hội đồng "
            "từ chối. Hãy chọn đúng tệp khóa của cơ quan, hoặc sửa mã cơ quan.",
            f"This key file belongs to agency '{bound}', not '{code}': the council would refuse packages signed "
            "with it. Choose the agency's own key file, or correct the agency code.",
        )
    return common_name(signer.certificate)


def check_key_plan(plan: KeyPlan, workspace_folder: Path, code: str) -> None:
    if isinstance(plan, NewKey):
        from ..signing.keys import check_new_passphrase as check_length

        check_length(plan.passphrase)
        if plan.folder is not None:
            check_new_key_folder(plan.folder, code)
        elif (Path(workspace_folder) / KEYS_DIR).is_dir():
            _check_free(key_destination(workspace_folder, code, plan))
    elif isinstance(plan, ExistingKey):
        check_existing_key(plan.path, plan.passphrase, code)
        dest = key_destination(workspace_folder, code, plan)
        if dest.exists():
            _check_free(dest)


@dataclass(frozen=True)
class PreparedKey:
    """A key plan with its bytes made (the slow part), ready to be written."""

    plan: NewKey | ExistingKey
    code: str
    files: dict[str, bytes]  # suffix-less role ("p12", "crt", "csr") -> bytes


def prepare_key(plan: NewKey | ExistingKey, code: str, name: str) -> PreparedKey:
    from ..signing.files import read_limited
    from ..signing.keys import create_agency_key

    if isinstance(plan, NewKey):
        p12, crt, csr = create_agency_key(code, name, plan.passphrase, plan.kind)
        return PreparedKey(plan, code, {"p12": p12, "crt": crt, "csr": csr})
    return PreparedKey(plan, code, {"p12": read_limited(Path(plan.path).expanduser(), "tệp khóa", "Key file")})


def write_key(workspace_folder: Path, key: PreparedKey) -> KeyFiles:
    """Write a prepared key (all files or none; never over an existing file)."""
    from ..signing.files import write_new_files
    from ..signing.keys import write_agency_key

    dest = key_destination(workspace_folder, key.code, key.plan)
    if dest.parent == Path(workspace_folder).expanduser() / KEYS_DIR:
        dest.parent.mkdir(exist_ok=True)
    if isinstance(key.plan, ExistingKey):
        write_new_files({dest: key.files["p12"]})
        return KeyFiles(dest)
    p12, crt, csr = write_agency_key(dest, key.files["p12"], key.files["crt"], key.files["csr"])
    return KeyFiles(p12, crt, csr)


def create_workspace_key(workspace_folder: Path, code: str, name: str, plan: NewKey) -> KeyFiles:
    """A new key for an existing workspace ("Tệp > Tạo khóa ký số…")."""
    check_key_plan(plan, workspace_folder, code)
    return write_key(workspace_folder, prepare_key(plan, code, name))


def workspace_keys(workspace_folder: Path) -> list[Path]:
    """The key files kept in the workspace's `keys/` folder (to suggest when exporting)."""
    folder = Path(workspace_folder) / KEYS_DIR
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in (".p12", ".pfx"))


def import_issued_certificate(p12_path: Path, passphrase: str, cert_path: Path, ca_path: Path | None,
                              code: str) -> str:
    """Put the certificate the province issued (and the province CA certificate) into the key file.

    The certificate must be for this key and this agency, and issued by the given CA.  Returns the
    name of the issuer, to show.  Nothing changes on any refusal."""
    from ..signing.certutil import agency_code_of, common_name, issued_by
    from ..signing.files import read_limited
    from ..signing.keys import load_certificate_bytes, replace_certificate

    def read_cert(path: Path):  # type: ignore[no-untyped-def]
        path = Path(path).expanduser()
        return load_certificate_bytes(read_limited(path, "tệp chứng thư", "Certificate file"), str(path))

    p12_path = Path(p12_path).expanduser()
    if not p12_path.is_file():
        raise UserFacingError(f"Không tìm thấy tệp khóa “{p12_path}”.", f"Key file '{p12_path}' not found.")
    cert = read_cert(cert_path)
    bound = agency_code_of(cert)
    if bound != code:
        raise UserFacingError(
            f"Chứng thư này cấp cho mã cơ quan “{bound or '(không có)'}”, không phải “{code}”. Không có gì thay đổi.",
            f"This certificate names agency code '{bound or '(none)'}', not '{code}'. Nothing was changed.",
        )
    chain = []
    if ca_path is not None:
        ca = read_cert(ca_path)
        if not issued_by(cert, ca):
            raise UserFacingError(
                f"Chứng thư “{Path(cert_path).name}” không do chứng thư CA “{Path(ca_path).name}” cấp. "
                "Không có gì thay đổi.",
                f"'{Path(cert_path).name}' was not issued by the CA certificate '{Path(ca_path).name}'. "
                "Nothing was changed.",
            )
        chain.append(ca)
    replace_certificate(p12_path, passphrase, cert, chain)
    return cert.issuer.rfc4514_string() if not chain else common_name(chain[0])
