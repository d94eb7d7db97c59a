"""Export the agency's assessment as one signed package (submission n, chained to n-1).

Refuses while problems remain unless the user explicitly submits with them (they are then listed
inside the package).  The package is written to a temporary name and renamed when complete; only
then is the submission recorded, with its manifest and data kept verbatim in the workspace.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ... import __version__
from ..errors import UserFacingError
from ..framework.canonical import canonical_bytes, number_text
from ..package import format as fmt
from ..package.writer import EvidenceSource, WrittenPackage, write_package
from ..progress import CancelToken, ProgressCallback, no_progress
from ..scoring.engine import ScoreSheet
from ..signing.api import Signer
from ..storage.orm import AssessmentRow, SubmissionRow
from . import workspace as ws_mod
from .agency import AgencyWorkspace

ASSESSMENT_FORMAT = "cchc-assessment"


class ProblemsRemain(UserFacingError):
    def __init__(self, problems: list[str]) -> None:
        head = "\n".join(f"  - {p}" for p in problems[:15]) + (f"\n  … và {len(problems) - 15} vấn đề khác" if len(problems) > 15 else "")
        super().__init__(
            f"Chưa xuất gói: còn {len(problems)} vấn đề cần xử lý:\n{head}\n"
            "Hãy xử lý, hoặc chọn nộp kèm danh sách vấn đề (--allow-problems) nếu thật sự cần.",
            f"Not exported: {len(problems)} problems remain. Fix them or submit with them listed (--allow-problems).",
        )
        self.problems = problems


@dataclass(frozen=True)
class ExportResult:
    package: WrittenPackage
    sequence: int
    previous_sha256: str | None
    with_problems: int


def _score_document(sheet: ScoreSheet) -> dict[str, Any]:
    cat = sheet.category
    return {
        "final_points": number_text(sheet.final_points),
        "assessable_max": number_text(sheet.assessable_max),
        "applicable_max": number_text(sheet.applicable_max),
        "percent": number_text(sheet.percent),
        "category": cat.key if cat else None,
        "bonus": number_text(sheet.bonus),
        "penalty": number_text(sheet.penalty),
        "items": {code: number_text(n.points) for code, n in sorted(sheet.nodes.items())},
    }


def assessment_document(ws: AgencyWorkspace, sheet: ScoreSheet) -> dict[str, Any]:
    info = ws.info()
    answers = {}
    for code in sorted(ws.answers()):
        st = ws.state_of(code)
        answers[code] = {
            "value": None if st.value_json is None else json.loads(st.value_json),
            "not_applicable": st.not_applicable,
            "reason": st.na_reason,
            "note": st.note,
        }
    evidence = [
        {
            "sha256": d.sha256,
            "file_name": d.file_name,
            "size": d.size,
            "media_type": d.media_type,
            **d.citation.__dict__,
            "links": [{"code": c, "pages": p} for c, p in d.links],
        }
        for d in ws.documents()
    ]
    return {
        "format": ASSESSMENT_FORMAT,
        "format_version": 1,
        "agency": {"code": info.agency_code, "name": info.agency_name, "level": info.level},
        "year": info.year,
        "framework": {"id": info.framework_id, "sha256": info.framework_sha256},
        "answers": answers,
        "evidence": evidence,
        "claimed_score": _score_document(sheet),
        "problems": [{"code": p.code, "kind": p.kind, "message": p.vi} for p in sheet.problems],
    }


def _changelog_lines(ws: AgencyWorkspace) -> bytes:
    rows = [
        {"id": e.id, "at": e.at, "actor": e.actor, "item": e.item_code, "action": e.action, "old": e.old_json, "new": e.new_json}
        for e in ws.change_log()
    ]
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows).encode("utf-8")


def export_submission(
    ws: AgencyWorkspace,
    out: Path | str,
    signer: Signer,
    allow_problems: bool = False,
    progress: ProgressCallback = no_progress,
    cancel: CancelToken | None = None,
) -> ExportResult:
    sheet = ws.score()
    if sheet.problems and not allow_problems:
        raise ProblemsRemain([p.vi for p in sheet.problems])
    info = ws.info()
    with Session(ws.engine) as s:
        last = s.scalars(
            select(SubmissionRow).where(SubmissionRow.assessment_id == ws.assessment_id).order_by(SubmissionRow.sequence.desc())
        ).first()
        sequence = (last.sequence if last else 0) + 1
        previous = last.manifest_sha256 if last else None
    assessment = json.dumps(assessment_document(ws, sheet), ensure_ascii=False, sort_keys=True, indent=1).encode("utf-8")
    data = {
        fmt.ASSESSMENT: assessment,
        fmt.FRAMEWORK: canonical_bytes(ws.framework),
        fmt.CHANGELOG: _changelog_lines(ws),
    }
    evidence = [EvidenceSource(d.sha256, ws.store.path_of(d.sha256), d.size) for d in {d.sha256: d for d in ws.documents()}.values()]
    header = fmt.Manifest(
        kind="submission",
        agency_code=info.agency_code,
        agency_name=info.agency_name,
        year=info.year,
        round=1,
        sequence=sequence,
        previous_sha256=previous,
        framework_id=info.framework_id,
        framework_sha256=info.framework_sha256,
        app_version=__version__,
        created_at=ws_mod.stamp(ws._clock),
        files=(),
    )
    out = Path(out)
    reconcile_pending_export(ws)
    written = write_package(out, header, data, evidence, signer, progress, cancel, publish=False)
    pending = {"part": str(written.path), "final": str(out), "manifest_sha256": written.manifest_sha256}
    try:
        # Record first, publish second: a kill between the two is finished by the next open
        # (reconcile_pending_export), so a package under its final name is always recorded.
        with Session(ws.engine) as s, s.begin():
            s.add(
                SubmissionRow(
                    assessment_id=ws.assessment_id,
                    sequence=sequence,
                    manifest_sha256=written.manifest_sha256,
                    manifest=written.manifest_bytes,
                    assessment=assessment,
                    file_name=out.name,
                    with_problems=len(sheet.problems),
                    created_at=header.created_at,
                )
            )
            row = s.get(AssessmentRow, ws.assessment_id)
            assert row is not None
            row.state = "submitted"
            row.submission_seq = sequence
            ws._log(s, None, "export", None, {"sequence": sequence, "manifest_sha256": written.manifest_sha256, "file": out.name})
            ws_mod.write_meta(s, pending_export=json.dumps(pending, ensure_ascii=False))
    except BaseException:
        # Not recorded: a package the workspace does not know about must not stay behind.
        written.path.unlink(missing_ok=True)
        raise
    ws._mark_submitted(sequence)
    reconcile_pending_export(ws)
    final = replace(written, path=out, size=out.stat().st_size) if out.exists() else written
    return ExportResult(final, sequence, previous, len(sheet.problems))


def reconcile_pending_export(ws: AgencyWorkspace) -> None:
    """Finish (or undo) an export interrupted between recording and publishing.

    The package under its temporary name is complete and fsynced before it is recorded, so
    finishing means renaming it; if it is gone as well, the record is withdrawn."""
    from ..storage.orm import Meta

    with Session(ws.engine) as s:
        row = s.get(Meta, "pending_export")
        if row is None:
            return
        pending = json.loads(row.value)
    part, final = Path(pending["part"]), Path(pending["final"])
    if not final.exists() and part.exists():
        from ..package.writer import publish_package

        publish_package(part, final)
    with Session(ws.engine) as s, s.begin():
        if not final.exists():
            sub = s.scalars(select(SubmissionRow).where(SubmissionRow.manifest_sha256 == pending["manifest_sha256"])).first()
            if sub is not None:
                s.delete(sub)
                s.flush()
                row_a = s.get(AssessmentRow, ws.assessment_id)
                last = s.scalars(
                    select(SubmissionRow).where(SubmissionRow.assessment_id == ws.assessment_id).order_by(SubmissionRow.sequence.desc())
                ).first()
                if row_a is not None:
                    row_a.submission_seq = last.sequence if last else 0
                    row_a.state = "draft"
        meta = s.get(Meta, "pending_export")
        if meta is not None:
            s.delete(meta)
