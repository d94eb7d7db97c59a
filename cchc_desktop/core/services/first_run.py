"""Setting up a workspace on first run: checks that change nothing, then one creation step.

The first-run wizard (gui/dialogs/first_run.py) checks each answer as the user gives it (agency
details, the signing key, the folder) with the `check_*` functions here and in agency_keys.py,
which raise a `UserFacingError` and touch nothing on disk; only `create_agency_setup` /
`create_council_setup` write, and they check everything again first.  If writing the key fails
after the workspace was created, the half-made workspace is removed so that the user can simply
try again.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from ..errors import UserFacingError
from ..framework.model import Framework
from ..storage.records import nfc
from . import workspace as ws
from .agency import AgencyWorkspace
from .agency_keys import KEYS_DIR, KeyFiles, KeyPlan, check_key_plan, prepare_key, write_key
from .framework_source import FrameworkChoice
from .inspection import InspectionWorkspace


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


def check_folder(folder: Path | str) -> Path:
    """The folder must be new, or empty (nothing is created here)."""
    return ws.check_new_folder(Path(folder))


def describe_trust(trust_path: Path | str) -> tuple[int, int, int]:
    """(CA certificates, pinned agency certificates, CRLs) of a trust file or folder; raises if unusable."""
    from ..signing.trust import load_trust

    store = load_trust(Path(trust_path).expanduser())
    return len(store.anchors) + len(store.intermediates), len(store.pinned), len(store.crls)


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


def create_agency_setup(
    folder: Path | str, choice: FrameworkChoice, code: str, name: str, key: KeyPlan = None,
    clock: ws.Clock = ws.utc_now, actor: str | None = None,
) -> tuple[AgencyWorkspace, KeyFiles | None]:
    """Create the agency workspace in `folder` and, as planned, its key.  All or nothing."""
    folder = check_folder(folder)
    existed = folder.exists()
    code, name = check_agency_details(code, name)
    check_key_plan(key, folder, code)
    prepared = prepare_key(key, code, name) if key is not None else None  # the slow part, before any write
    workspace = AgencyWorkspace.create(folder, choice.framework, code, name, choice.framework.year, clock, actor,
                                       framework_trust=choice.trust)
    if prepared is None:
        return workspace, None
    try:
        files = write_key(workspace.folder, prepared)
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
    folder = check_folder(folder)
    describe_trust(trust_path)
    return InspectionWorkspace.create(folder, framework, framework.year, Path(trust_path).expanduser(), clock, actor)
