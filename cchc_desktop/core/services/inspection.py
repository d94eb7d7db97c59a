"""The council's inspection workspace: one round (framework, year, trust, expected agencies, packages).

The round is self-contained: the framework is stored in the database (its hash is the only one
the round accepts) and the trust settings are copied into `trust/` inside the workspace folder, so
the folder can move to another PC (or a USB stick) and still verify exactly as before.
Importing packages lives in `inspection_import.py`; this module creates, opens and reads.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Self

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from ... import __version__
from ..errors import InvalidInput, WorkspaceError
from ..framework.model import Framework
from ..progress import CancelToken, ProgressCallback, no_progress
from ..scoring.appraisal import RankEntry
from ..scoring.engine import ScoreSheet
from ..signing.api import TrustStore
from ..storage.evidence_store import EvidenceStore, fsync_dir
from ..storage.orm import AgencyRow, PackageAnswerRow, PackageEvidenceRow, PackageRow
from ..storage.records import nfc
from . import workspace as ws
from .inspection_appraisal import AppraisalMixin
from .inspection_records import (
    AgencyOverview,
    AgencyRecord,
    ConflictRecord,
    ImportedPackage,
    ImportResult,
    Note,
    PackageAnswer,
    PackageDocument,
)

if TYPE_CHECKING:
    from ..signing.api import Signer
    from .appraisal_package import ExportedAppraisals
    from .inspection_overview import RoundStatistics
    from .inspection_setup import Reviewer
    from .inspection_survey import SurveyImport

ROLE = "inspection"
TRUST_DIR = "trust"


def _trust_files(src: Path) -> list[tuple[Path, str]]:
    """(file, name inside trust/) of what a trust store is made of: certificates, CRLs, pins."""
    from ..signing.trust import CERT_SUFFIXES, CRL_SUFFIXES, PINS_FILE

    if src.is_file():
        suffix = src.suffix.lower()
        # A single PEM file may be named anything; inside a folder only known suffixes are read.
        return [(src, src.name if suffix in CERT_SUFFIXES + CRL_SUFFIXES else src.name + ".pem")]
    return [
        (p, p.name)
        for p in sorted(src.iterdir())
        if p.is_file() and not p.name.startswith(".")
        and (p.suffix.lower() in CERT_SUFFIXES + CRL_SUFFIXES or p.name == PINS_FILE)
    ]


def copy_trust(src: Path, dest: Path) -> None:
    """Copy a trust PEM file or folder into `dest` (created); each file fsynced before its rename."""
    from ..signing.files import read_limited

    dest.mkdir(parents=True, exist_ok=False)
    for path, name in _trust_files(src):
        data = read_limited(path, "tệp chứng thư tin cậy", "Trust file")
        tmp = dest / f".{name}.{uuid.uuid4().hex[:8]}.part"
        with open(tmp, "xb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, dest / name)
    fsync_dir(dest)


class InspectionWorkspace(AppraisalMixin):
    """One appraisal round of the council.  Plain records leave it, never ORM objects."""

    def __init__(self, folder: Path, engine: Engine, clock: ws.Clock = ws.utc_now, actor: str | None = None) -> None:
        self.folder = folder
        self._engine = engine
        self._clock = clock
        self.actor = actor or ws.current_actor()
        self.store = EvidenceStore(folder / ws.EVIDENCE_DIR)
        self._undo, self._redo = [], []
        with Session(engine) as s:
            meta = ws.read_meta(s)
            if meta.get("role") != ROLE:
                raise WorkspaceError(
                    f"“{folder}” không phải không gian làm việc của Hội đồng thẩm định (vai trò: {meta.get('role')}).",
                    f"'{folder}' is not an inspection workspace (role: {meta.get('role')}).",
                )
            self._meta = meta
            self.framework: Framework = ws.load_stored_framework(s, meta["framework_sha256"])
        self.year = int(meta["current_year"])
        if self.shared:
            ws.clean_stale_temporary(self.store)  # other reviewers may be importing into the same folder
        else:
            self.store.clean_temporary()  # leftovers of an import that was killed half-way

    # ------------------------------------------------------------------ lifecycle

    @classmethod
    def create(
        cls,
        folder: Path | str,
        framework: Framework,
        year: int | None,
        trust_path: Path | str,
        clock: ws.Clock = ws.utc_now,
        actor: str | None = None,
        database_url: str | None = None,
    ) -> InspectionWorkspace:
        """A new round in an empty folder; the trust store is checked, then copied into it.

        `database_url`: keep the round's database on a PostgreSQL server (an empty database) so
        several reviewers share it; the folder then holds `database.url` (no password) instead of
        `workspace.sqlite`, next to trust/ and evidence/ (docs/postgresql.md)."""
        from ..signing.trust import load_trust
        from ..storage.db import parse_url

        year = year or framework.year
        if year != framework.year:
            raise WorkspaceError(
                f"Bộ tiêu chí “{framework.title}” dành cho năm {framework.year}, không phải năm {year}.",
                f"The framework is for {framework.year}, not {year}.",
            )
        trust_src = Path(trust_path).expanduser()
        load_trust(trust_src)  # refuse a bad trust store before anything is created
        url = parse_url(database_url) if database_url else None
        folder = ws.prepare_new_folder(Path(folder))
        engine: Engine | None = None
        try:
            copy_trust(trust_src, folder / TRUST_DIR)
            load_trust(folder / TRUST_DIR)
            engine = ws.open_database(url or folder / ws.DB_NAME, create=True)
            EvidenceStore(folder / ws.EVIDENCE_DIR).ensure()
            with Session(engine) as s, s.begin():
                ws.store_framework(s, framework, clock)
                ws.write_meta(
                    s,
                    role=ROLE,
                    level=framework.level.value,
                    current_year=str(year),
                    framework_sha256=framework.sha256,
                    round="1",
                    created_at=ws.stamp(clock),
                    created_by=actor or ws.current_actor(),
                    created_by_app=__version__,
                )
            if url is not None:
                ws.write_url_file(folder, url)  # last: the folder is a workspace only once all is there
        except BaseException:
            if engine is not None:
                engine.dispose()
            _remove_failed(folder)
            raise
        return cls(folder, engine, clock, actor)

    @classmethod
    def open(cls, folder: Path | str, clock: ws.Clock = ws.utc_now, actor: str | None = None) -> InspectionWorkspace:
        folder = Path(folder).expanduser()
        if not ws.is_workspace(folder):
            raise WorkspaceError(
                f"“{folder}” chưa phải là không gian làm việc. Hãy tạo mới bằng "
                "“cchc workspace init DIR --role inspection …”.",
                f"'{folder}' is not a workspace; create one with 'cchc workspace init DIR --role inspection …'.",
            )
        engine = ws.open_database(ws.database_target(folder))
        try:
            opened = cls(folder, engine, clock, actor)
            if not opened.shared:
                # A result issue killed between recording and publishing is finished or withdrawn.  Not
                # on a shared server: another reviewer's issue may be in progress right now.
                from .results import reconcile_pending_result

                reconcile_pending_result(opened)
            return opened
        except BaseException:
            engine.dispose()
            raise

    def close(self) -> None:
        self._engine.dispose()

    @property
    def shared(self) -> bool:
        """True when the round's database is on a PostgreSQL server several reviewers share."""
        return self._engine.dialect.name == "postgresql"

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def engine(self) -> Engine:
        return self._engine

    @property
    def trust_dir(self) -> Path:
        return self.folder / TRUST_DIR

    def trust(self) -> TrustStore:
        """The round's trust store, read from the workspace's own copy."""
        from ..signing.trust import load_trust

        return load_trust(self.trust_dir)

    def now(self) -> str:
        return ws.stamp(self._clock)

    # ------------------------------------------------------------------ expected agencies

    def set_expected_agencies(self, agencies: Iterable[tuple[str, str]]) -> None:
        """Replace the list of agencies expected to submit: (code, name) pairs.  Empty: anyone may."""
        wanted = {nfc(code): nfc(name) for code, name in agencies}
        if any(not code or len(code) > 64 for code in wanted):
            raise WorkspaceError("Mã cơ quan phải có từ 1 đến 64 ký tự.", "Agency codes must be 1-64 characters.")
        with Session(self._engine) as s, s.begin():
            for row in s.scalars(select(AgencyRow)):
                row.expected = row.code in wanted
                if wanted.get(row.code):
                    row.name = wanted[row.code]
            known = {r.code for r in s.scalars(select(AgencyRow))}
            for code, name in wanted.items():
                if code not in known:
                    s.add(AgencyRow(code=code, name=name or code, level=self.framework.level.value, expected=True))

    def agencies(self) -> list[AgencyRecord]:
        with Session(self._engine) as s:
            return [AgencyRecord(r.code, r.name, r.level, r.expected)
                    for r in s.scalars(select(AgencyRow).order_by(AgencyRow.code))]

    # ------------------------------------------------------------------ imported packages

    def import_packages(
        self,
        paths: Sequence[Path | str],
        allow_unknown_revocation: bool = False,
        progress: ProgressCallback = no_progress,
        cancel: CancelToken | None = None,
        on_result: Callable[[ImportResult], None] | None = None,
    ) -> list[ImportResult]:
        """See `inspection_import.import_packages`."""
        from .inspection_import import import_packages

        return import_packages(self, paths, allow_unknown_revocation, progress, cancel, on_result)

    def packages(self, agency_code: str | None = None) -> list[ImportedPackage]:
        """Imported packages, by agency code then sequence."""
        with Session(self._engine) as s:
            q = select(PackageRow).order_by(PackageRow.agency_code, PackageRow.sequence)
            if agency_code is not None:
                q = q.where(PackageRow.agency_code == agency_code)
            return [_package(r) for r in s.scalars(q)]

    def package(self, manifest_sha256: str) -> ImportedPackage | None:
        with Session(self._engine) as s:
            row = s.get(PackageRow, manifest_sha256)
            return None if row is None else _package(row)

    def answers(self, manifest_sha256: str) -> dict[str, PackageAnswer]:
        with Session(self._engine) as s:
            q = select(PackageAnswerRow).where(PackageAnswerRow.manifest_sha256 == manifest_sha256)
            return {r.item_code: PackageAnswer(r.item_code, r.value_json, r.not_applicable, r.reason, r.note)
                    for r in s.scalars(q)}

    def documents(self, manifest_sha256: str) -> list[PackageDocument]:
        with Session(self._engine) as s:
            q = select(PackageEvidenceRow).where(PackageEvidenceRow.manifest_sha256 == manifest_sha256)
            return [
                PackageDocument(r.sha256, r.file_name, r.size, r.media_type, r.doc_type, r.number_symbol, r.issue_date,
                                r.issuer, r.excerpt, tuple((link["code"], link["pages"]) for link in json.loads(r.links_json)))
                for r in s.scalars(q.order_by(PackageEvidenceRow.file_name, PackageEvidenceRow.sha256))
            ]

    def evidence_path(self, sha256: str) -> Path:
        return self.store.path_of(sha256)

    # ------------------------------------------------------------------ dashboard and ranking

    def overview(self, agency_code: str | None = None) -> list[AgencyOverview]:
        """Dashboard rows (every agency, or one): status, self and final scores, progress."""
        from .inspection_overview import load_states, overview_of

        return [overview_of(self, st) for st in load_states(self, agency_code)]

    def final_sheet(self, agency_code: str) -> ScoreSheet:
        """The agency's score with appraisals and survey points: its index and category."""
        from .inspection_overview import load_states, state_sheet

        states = load_states(self, agency_code)
        if not states:
            raise InvalidInput(f"Không có cơ quan mã “{agency_code}” trong đợt đánh giá.", f"No agency '{agency_code}' in this round.")
        return state_sheet(self, states[0])

    def ranking(self) -> list[RankEntry]:
        from .inspection_overview import ranking

        return ranking(self)

    def statistics(self) -> RoundStatistics:
        """Agencies per category and per-field averages (the council's charts)."""
        from .inspection_overview import statistics

        return statistics(self)

    def import_survey(self, xlsx: Path | str) -> SurveyImport:
        """Survey points from the survey Excel template; all or nothing (see inspection_survey)."""
        from .inspection_survey import import_survey

        return import_survey(self, Path(xlsx))

    def survey_points(self) -> dict[str, dict[str, Decimal]]:
        from .inspection_survey import survey_points

        return survey_points(self)

    def write_survey_template(self, xlsx: Path | str) -> Path:
        from .inspection_survey import write_survey_template

        return write_survey_template(self, xlsx)

    # ------------------------------------------------------------------ round setup

    def import_agency_list(self, xlsx: Path | str) -> int:
        """The expected agencies from the agency-list Excel template; returns how many."""
        from .inspection_setup import read_agency_list

        agencies = read_agency_list(Path(xlsx), self.framework.level.value)
        self.set_expected_agencies(agencies)
        return len(agencies)

    def set_reviewers(self, reviewers: Iterable[Reviewer]) -> None:
        from .inspection_setup import set_reviewers

        set_reviewers(self, list(reviewers))

    def reviewers(self) -> list[Reviewer]:
        from .inspection_setup import reviewers

        return reviewers(self)

    # ------------------------------------------------------------------ several reviewers (inspection_merge)

    def conflicts(self, agency: str | None = None) -> list[ConflictRecord]:
        """Open conflicts between the current appraisals and those other reviewers' packages brought."""
        from .inspection_merge import conflicts

        return conflicts(self, agency)

    def resolve_conflict(self, conflict_id: int, keep: str) -> ConflictRecord:
        """keep="current" or "incoming" (written as the current appraisal, with its log row)."""
        from .inspection_merge import resolve_conflict

        return resolve_conflict(self, conflict_id, keep)

    def export_appraisals(self, out: Path | str, signer: Signer, fields: Iterable[str] | None = None,
                          progress: ProgressCallback = no_progress) -> ExportedAppraisals:
        """This workspace's appraisals (all, or of `fields`) as a signed appraisal package (council key)."""
        from .appraisal_package import export_appraisals

        return export_appraisals(self, out, signer, fields, progress)


def _package(r: PackageRow) -> ImportedPackage:
    return ImportedPackage(
        manifest_sha256=r.manifest_sha256, agency_code=r.agency_code, agency_name=r.agency_name, sequence=r.sequence,
        previous_sha256=r.previous_sha256, year=r.year, round=r.round, created_at=r.created_at, imported_at=r.imported_at,
        imported_by=r.imported_by, source_name=r.source_name, signer_subject=r.signer_subject,
        signer_fingerprint=r.signer_fingerprint, signing_time=r.signing_time, revocation=r.revocation, verdict=r.verdict,
        claimed_score=json.loads(r.claimed_score_json), recomputed_score=json.loads(r.recomputed_score_json),
        score_mismatch=r.score_mismatch, chain_gap=r.chain_gap, submitted_problems=r.submitted_problems,
        notes=tuple(Note(n["code"], n["vi"], n["en"]) for n in json.loads(r.notes_json)),
    )


def _remove_failed(folder: Path) -> None:
    """Undo a half-created round so the user can simply try again (the folder was empty before)."""
    import shutil

    ws.remove_failed_workspace(folder)
    for name in (TRUST_DIR, ws.EVIDENCE_DIR):
        shutil.rmtree(folder / name, ignore_errors=True)
