"""The agency's reports: the self-assessment report (PDF, ND 30/2020 layout) and the score sheet
(Excel).  The only entry point the CLI (`cchc assess report`) and the GUI use.

Draft or exported
-----------------
Every page of the PDF (and the Excel footer) carries a hash.  It is the manifest SHA-256 of the
agency's LAST exported package of the year when the current answers are exactly what that package
holds; otherwise the report is a draft and carries the SHA-256 of the current content instead.

"Exactly what was exported" is decided by content, not by the workspace's draft/submitted state:
the workspace keeps every submitted assessment verbatim (SubmissionRow.assessment), so the same
canonical content hash (reports.agency_model.content_sha256: agency, year, framework, answers,
evidence with citations and links, claimed score) is computed from the stored document and from
the current one (services.export.assessment_document, the function the export itself uses).
This is stricter and truer than the state flag or the change-log position: an edit undone
afterwards gives the exported content back (exported again, rightly), while any real change,
even one that leaves the score alone (an explanation, a citation), makes a draft.  Nothing has to
be recorded at export time, so packages exported before this feature are recognised too.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..errors import UserFacingError
from ..framework.model import Framework
from ..progress import CancelToken, ProgressCallback, no_progress
from ..reports.agency_model import (
    AgencyReportData,
    FieldPercent,
    ReportOptions,
    ReportStamp,
    content_sha256,
    field_percents,
)
from ..scoring.engine import ScoreSheet, effective_answers
from ..storage.orm import Meta, SentRebuttalRow, SubmissionRow
from . import workspace as ws_mod
from .agency import AgencyWorkspace

__all__ = [
    "AgencyReportResult",
    "FieldPercent",
    "ReportOptions",
    "ReportStamp",
    "build_agency_report",
    "field_percentages",
    "report_data",
    "report_options",
    "report_stamp",
    "save_report_options",
]

VIETNAM = _dt.timezone(_dt.timedelta(hours=7))
_OPTION_KEYS = ("superior", "place", "signer")


@dataclass(frozen=True)
class AgencyReportResult:
    pdf: Path | None
    xlsx: Path | None
    stamp: ReportStamp


def field_percentages(framework: Framework, sheet: ScoreSheet) -> list[FieldPercent]:
    """Percent of the self-score per field (the report's chart, and the window's)."""
    return field_percents(framework, sheet)


def current_content_sha256(ws: AgencyWorkspace) -> str:
    from .export import assessment_document

    return content_sha256(assessment_document(ws, ws.score()))


def report_stamp(ws: AgencyWorkspace) -> ReportStamp:
    """Exported (the last package's manifest SHA-256) or draft (the current content's hash)."""
    current = current_content_sha256(ws)
    with Session(ws.engine) as s:
        # The chain also holds rebuttal packages (giải trình): they never change the self-assessment.
        rebuttals = select(SentRebuttalRow.manifest_sha256)
        last = s.scalars(
            select(SubmissionRow).where(SubmissionRow.assessment_id == ws.assessment_id,
                                        SubmissionRow.manifest_sha256.not_in(rebuttals))
            .order_by(SubmissionRow.sequence.desc())
        ).first()
        if last is None:
            return ReportStamp(False, current, current)
        try:
            exported = content_sha256(json.loads(last.assessment.decode("utf-8")))
        except (ValueError, UnicodeDecodeError):  # never written so by export; a draft is the safe answer
            exported = ""
        if exported == current:
            return ReportStamp(True, last.manifest_sha256, current, last.sequence, last.sequence)
        return ReportStamp(False, current, current, 0, last.sequence)


def report_options(ws: AgencyWorkspace) -> ReportOptions:
    """The options saved with the workspace (superior body, place, signer, recipients, this
    year's difficulties): what the previous report used."""
    year = ws.framework.year
    with Session(ws.engine) as s:
        meta = ws_mod.read_meta(s)
    values: dict[str, Any] = {k: meta.get(f"report.{k}", "") for k in _OPTION_KEYS}
    values["difficulties"] = meta.get(f"report.difficulties.{year}", "")
    recipients = meta.get("report.recipients")
    if recipients:
        try:
            values["recipients"] = tuple(str(r) for r in json.loads(recipients))
        except ValueError:
            pass
    return ReportOptions(**values)


def save_report_options(ws: AgencyWorkspace, options: ReportOptions) -> None:
    """Keep the options in the workspace (domain settings live there, not in the UI settings).
    Not an edit of the assessment: no change-log row, and an exported report stays exported."""
    values = {f"report.{k}": getattr(options, k).strip() for k in _OPTION_KEYS}
    values[f"report.difficulties.{ws.framework.year}"] = options.difficulties.strip()
    values["report.recipients"] = json.dumps(list(options.recipients), ensure_ascii=False)
    with Session(ws.engine) as s, s.begin():
        current = {m.key: m.value for m in s.scalars(select(Meta).where(Meta.key.in_(list(values))))}
        changed = {k: v for k, v in values.items() if current.get(k) != v}
        if changed:
            ws_mod.write_meta(s, **changed)


def report_data(ws: AgencyWorkspace, options: ReportOptions | None = None) -> AgencyReportData:
    options = options if options is not None else report_options(ws)
    answers = ws.answers()
    today = options.date or ws._clock().astimezone(VIETNAM).date()
    return AgencyReportData(
        info=ws.info(), framework=ws.framework, sheet=ws.score(), answers=answers,
        effective=effective_answers(ws.framework, answers), documents=tuple(ws.documents()),
        stamp=report_stamp(ws), options=replace(options, date=today), date=today,
    )


def _check_output(path: Path | None, what_vi: str, what_en: str) -> Path | None:
    if path is None:
        return None
    path = Path(path).expanduser()
    if path.is_dir():
        raise UserFacingError(f"“{path}” là một thư mục; hãy ghi rõ tên tệp {what_vi}.",
                              f"'{path}' is a folder; give the {what_en} file's name.")
    parent = path.parent
    if not parent.is_dir():
        raise UserFacingError(f"Thư mục “{parent}” không tồn tại; hãy tạo nó trước hoặc chọn chỗ khác để lưu tệp {what_vi}.",
                              f"Folder '{parent}' does not exist; create it or choose another place for the {what_en} file.")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise UserFacingError(f"Không có quyền ghi vào thư mục “{parent}”; hãy chọn chỗ khác để lưu tệp {what_vi}.",
                              f"Cannot write to folder '{parent}'; choose another place for the {what_en} file.")
    return path


def build_agency_report(
    ws: AgencyWorkspace,
    pdf_path: Path | str | None = None,
    xlsx_path: Path | str | None = None,
    options: ReportOptions | None = None,
    progress: ProgressCallback = no_progress,
    cancel: CancelToken | None = None,
) -> AgencyReportResult:
    """Write the report (PDF) and/or the score sheet (Excel).  Each file is complete under its
    final name or absent: it is written to a temporary name, fsynced, then renamed (an existing
    file of that name is replaced: a report is regenerated at will).  Read-only for the workspace."""
    pdf = _check_output(Path(pdf_path) if pdf_path else None, "PDF", "PDF")
    xlsx = _check_output(Path(xlsx_path) if xlsx_path else None, "Excel", "Excel")
    if pdf is None and xlsx is None:
        raise UserFacingError("Hãy chọn ít nhất một tệp cần tạo: báo cáo PDF (--pdf) hoặc bảng điểm Excel (--xlsx).",
                              "Choose at least one output: the PDF report (--pdf) or the Excel score sheet (--xlsx).")
    if pdf is not None and xlsx is not None and pdf.resolve() == xlsx.resolve():
        raise UserFacingError("Tệp PDF và tệp Excel phải khác nhau.", "The PDF and Excel files must differ.")
    steps = 1 + (pdf is not None) + (xlsx is not None) + 1
    progress(0, steps, "")
    data = report_data(ws, options)
    progress(1, steps, "")
    outputs: list[tuple[Path, bytes]] = []
    if pdf is not None:
        from ..reports.agency_pdf import build_agency_pdf

        outputs.append((pdf, build_agency_pdf(data)))
        progress(len(outputs) + 1, steps, pdf.name)
    if cancel is not None:
        cancel.raise_if_cancelled()
    if xlsx is not None:
        from ..reports.agency_xlsx import build_agency_xlsx

        outputs.append((xlsx, build_agency_xlsx(data)))
        progress(len(outputs) + 1, steps, xlsx.name)
    if cancel is not None:
        cancel.raise_if_cancelled()
    _write_all(outputs)
    progress(steps, steps, "")
    return AgencyReportResult(pdf, xlsx, data.stamp)


def _write_all(outputs: list[tuple[Path, bytes]]) -> None:
    """Both files or neither: a second file that cannot be written takes the first one back
    (when it did not exist before)."""
    from ..signing.files import replace_file

    written: list[Path] = []
    try:
        for path, data in outputs:
            existed = path.exists()
            replace_file(path, data)
            if not existed:
                written.append(path)
    except BaseException:
        for p in written:
            p.unlink(missing_ok=True)
        raise
