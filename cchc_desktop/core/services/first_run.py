"""Setting up a workspace on first run: checks that change nothing, then one creation step.

The first-run wizard (gui/dialogs/first_run.py) checks each answer as the user gives it (agency
details, the signing key, the folder) with the `check_*` functions below, which raise a
`UserFacingError` and touch nothing on disk; only `create_agency_setup` / `create_council_setup`
write, and they check everything again first.  If writing the key fails after the workspace was
created, the half-made workspace is removed so that the user can simply try again.

The agency's key goes, by default, into `keys/` inside the workspace folder (so a workspace on a
USB stick carries its key, protected by its passphrase); or into a folder the user chooses.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from ..errors import UserFacingError
from ..framework.model import Framework
from ..storage.records import nfc
from . import workspace as ws
from .agency import AgencyWorkspace
from .framework_source import FrameworkChoice
from .inspection import InspectionWorkspace

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


def check_agency_details(code: str, name: str) -> tuple[str, str]:
    """The agency code (it goes into the certificate, so ASCII only) and the name, cleaned."""
    from ..signing.certutil import check_agency_code

    code = check_agency_code(nfc(code))
    name = " ".join(nfc(name).split())
    if not name:
        raise UserFacingError("Hãy nhập tên cơ quan.", "Enter the agency name.")
    if len(name) > 200:
        raise UserFacingError("Tên cơ quan dài quá 200 ký tự.", "The agency name is longer than 200 characters.")
    return code, name


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
        return Path(workspace_folder).expanduser() / KEYS_DIR / plan.path.name
    folder = plan.folder if plan.folder is not None else Path(workspace_folder).expanduser() / KEYS_DIR
    return Path(folder).expanduser() / f"{code}.p12"


def check_new_key_folder(folder: Path, code: str) -> None:
    """A chosen folder for a new key must exist and must not hold files of that name already."""
    from ..signing.keys import key_file_paths

    folder = Path(folder).expanduser()
    if not folder.is_dir():
        raise UserFacingError(
            f"Thư mục “{folder}” không tồn tại. Hãy chọn một thư mục có sẵn để lưu tệp khóa.",
            f"The folder '{folder}' does not exist. Choose an existing folder for the key files.",
        )
    for p in key_file_paths(folder / f"{code}.p12"):
        if p.exists():
            raise UserFacingError(
                f"Thư mục đã có tệp “{p.name}”; không ghi đè tệp khóa hoặc chứng thư đã có. Hãy chọn thư mục khác.",
                f"The folder already holds '{p.name}'; key and certificate files are never overwritten. "
                "Choose another folder.",
            )


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
            "từ chối. Hãy chọn đúng tệp khóa của cơ quan, hoặc sửa mã cơ quan ở bước trước.",
            f"This key file belongs to agency '{bound}', not '{code}': the council would refuse packages signed "
            "with it. Choose the agency's own key file, or correct the agency code in the previous step.",
        )
    return common_name(signer.certificate)


def check_key_plan(plan: KeyPlan, workspace_folder: Path, code: str) -> None:
    if isinstance(plan, NewKey):
        from ..signing.keys import check_new_passphrase as check_length

        check_length(plan.passphrase)
        if plan.folder is not None:
            check_new_key_folder(plan.folder, code)
    elif isinstance(plan, ExistingKey):
        check_existing_key(plan.path, plan.passphrase, code)


def _discard(folder: Path, existed: bool) -> None:
    """Remove a workspace created moments ago in a folder that was empty (or absent) before."""
    ws.remove_failed_workspace(folder)
    for name in (ws.EVIDENCE_DIR, KEYS_DIR):
        shutil.rmtree(folder / name, ignore_errors=True)
    if not existed:
        try:
            folder.rmdir()
        except OSError:
            pass


def _write_key(folder: Path, code: str, plan: NewKey | ExistingKey, key_bytes: tuple[bytes, bytes, bytes] | None,
               data: bytes | None) -> KeyFiles:
    from ..signing.files import write_new_files
    from ..signing.keys import write_agency_key

    dest = key_destination(folder, code, plan)
    if dest.parent == folder / KEYS_DIR:
        dest.parent.mkdir(exist_ok=True)
    if isinstance(plan, ExistingKey):
        assert data is not None
        write_new_files({dest: data})
        return KeyFiles(dest)
    assert key_bytes is not None
    p12, crt, csr = write_agency_key(dest, *key_bytes)
    return KeyFiles(p12, crt, csr)


def create_agency_setup(
    folder: Path | str, choice: FrameworkChoice, code: str, name: str, key: KeyPlan = None,
    clock: ws.Clock = ws.utc_now, actor: str | None = None,
) -> tuple[AgencyWorkspace, KeyFiles | None]:
    """Create the agency workspace in `folder` and, as planned, its key.  All or nothing."""
    from ..signing.files import read_limited
    from ..signing.keys import create_agency_key

    folder = ws.check_new_folder(Path(folder))
    existed = folder.exists()
    code, name = check_agency_details(code, name)
    check_key_plan(key, folder, code)
    key_bytes = data = None
    if isinstance(key, NewKey):
        key_bytes = create_agency_key(code, name, key.passphrase, key.kind)  # the slow part, before any write
    elif isinstance(key, ExistingKey):
        data = read_limited(Path(key.path).expanduser(), "tệp khóa", "Key file")
    workspace = AgencyWorkspace.create(folder, choice.framework, code, name, choice.framework.year, clock, actor,
                                       framework_trust=choice.trust)
    if key is None:
        return workspace, None
    try:
        files = _write_key(workspace.folder, code, key, key_bytes, data)
    except BaseException:
        workspace.close()
        _discard(workspace.folder, existed)
        raise
    return workspace, files


def create_council_setup(
    folder: Path | str, framework: Framework, trust_path: Path | str,
    clock: ws.Clock = ws.utc_now, actor: str | None = None,
) -> InspectionWorkspace:
    """Create the council's round in `folder` with the province's trust (copied into it)."""
    from ..signing.trust import load_trust

    folder = ws.check_new_folder(Path(folder))
    load_trust(Path(trust_path).expanduser())
    return InspectionWorkspace.create(folder, framework, framework.year, trust_path, clock, actor)


def describe_trust(trust_path: Path | str) -> tuple[int, int, int]:
    """(CA certificates, pinned agency certificates, CRLs) of a trust file or folder; raises if unusable."""
    from ..signing.trust import load_trust

    store = load_trust(Path(trust_path).expanduser())
    return len(store.anchors) + len(store.intermediates), len(store.pinned), len(store.crls)
