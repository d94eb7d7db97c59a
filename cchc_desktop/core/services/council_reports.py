"""The council's reports: the ranking workbook (Excel), the publication report (PDF, ND 30/2020
layout) and one appraisal PDF per agency.  The only entry point the CLI (`cchc inspect export`) and
the GUI (gui/dialogs/council_export.py) use; docs/reports.md ("Council reports") describes them.

One snapshot
------------
Everything is read in one pass (`inspection_overview.load_states`: a handful of queries for the
whole round) and every output is built from that one `CouncilReportData`, so the workbook, the
publication and the agency PDFs can never disagree with each other, and a 150-agency round is
read once, not 150 times.

Hashes
------
- the publication PDF and the workbook carry the **round digest** (council_model: SHA-256 of the
  canonical JSON of the ranking);
- an agency's PDF carries the manifest SHA-256 of the **result package issued** to that agency
  when that package shows exactly the current figures (same submission, same per-leaf final
  points, appraised points, N/A and reasons, same total, index, category and rank); otherwise it
  is a draft ("Dự thảo — chưa ban hành kết quả") and carries the manifest SHA-256 of the
  submission the council appraised.

Files
-----
Every file is written under a temporary name beside its destination, fsynced, and renamed only
when all of them are complete (an existing file of the same name is replaced: reports are
regenerated at will).  A failure or a cancel before that leaves nothing under a final name; a
failure while renaming takes back the files this run created.  The workspace is only read.
"""

from __future__ import annotations

import datetime as _dt
import errno
import json
import os
import re
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..errors import UserFacingError
from ..framework.model import Scorer
from ..progress import CancelToken, ProgressCallback, no_progress
from ..reports.council_model import (
    AgencyResult,
    AgencyStamp,
    CouncilReportData,
    CouncilReportOptions,
    FieldFigure,
    LeafLine,
    digest_document,
    digest_of,
)
from ..scoring.appraisal import RankInput, rank
from ..scoring.engine import LeafResult, roll_up
from ..storage.evidence_store import fsync_dir
from ..storage.orm import Meta
from . import workspace as ws_mod

if TYPE_CHECKING:
    from ..package.result_format import ResultDocument
    from .inspection import InspectionWorkspace
    from .inspection_overview import AgencyState

__all__ = [
    "AgencyPdf",
    "CouncilExportResult",
    "CouncilReportOptions",
    "agency_pdf_name",
    "council_report_data",
    "council_report_options",
    "export_council_reports",
    "round_digest",
    "save_council_report_options",
]

VIETNAM = _dt.timezone(_dt.timedelta(hours=7))
_OPTION_KEYS = ("superior", "body", "place", "symbol", "authority", "signer_title", "signer")
_META_PREFIX = "council_report."


@dataclass(frozen=True)
class AgencyPdf:
    agency_code: str
    path: Path
    issued: bool  # carries an issued result package's hash (else: a draft with the submission's)
    sha256: str


@dataclass(frozen=True)
class CouncilExportResult:
    xlsx: Path | None
    pdf: Path | None
    agency_pdfs: tuple[AgencyPdf, ...]
    digest: str
    digest_document: dict[str, Any]
    ranked: int

    @property
    def issued(self) -> int:
        return sum(1 for a in self.agency_pdfs if a.issued)

    @property
    def drafts(self) -> int:
        return sum(1 for a in self.agency_pdfs if not a.issued)


# ---------------------------------------------------------------- options (kept with the round)


def council_report_options(ws: InspectionWorkspace) -> CouncilReportOptions:
    """The options the last export used (stored in the round's database), or the defaults."""
    with Session(ws.engine) as s:
        meta = ws_mod.read_meta(s)
    values: dict[str, Any] = {k: meta[_META_PREFIX + k] for k in _OPTION_KEYS if _META_PREFIX + k in meta}
    raw = meta.get(_META_PREFIX + "recipients")
    if raw:
        try:
            values["recipients"] = tuple(str(r) for r in json.loads(raw))
        except ValueError:
            pass
    return CouncilReportOptions(**values)


def save_council_report_options(ws: InspectionWorkspace, options: CouncilReportOptions) -> None:
    """Keep the options with the round (domain settings live in the workspace, not the UI settings)."""
    values = {_META_PREFIX + k: str(getattr(options, k)).strip() for k in _OPTION_KEYS}
    values[_META_PREFIX + "recipients"] = json.dumps(list(options.recipients), ensure_ascii=False)
    with Session(ws.engine) as s, s.begin():
        current = {m.key: m.value for m in s.scalars(select(Meta).where(Meta.key.in_(list(values))))}
        changed = {k: v for k, v in values.items() if current.get(k) != v}
        if changed:
            ws_mod.write_meta(s, **changed)


# ---------------------------------------------------------------- the data


def _self_sheet(ws: InspectionWorkspace, st: AgencyState) -> Any:
    """The agency's own score from what the council stored at import: council and survey leaves
    pending, exactly as the agency's engine scores itself (engine.leaf_result)."""
    fw = ws.framework
    leaves = {}
    for item in fw.leaves():
        r = st.own.get(item.code) or LeafResult(points=None)
        adjustment = item.rule is not None and item.rule.kind in ("bonus", "penalty")
        known = item.scorer is Scorer.AGENCY or adjustment
        leaves[item.code] = LeafResult(points=r.points, excluded=r.excluded, known=known)
    return roll_up(fw, leaves)


def _lines(ws: InspectionWorkspace, st: AgencyState, own_sheet: Any, sheet: Any) -> tuple[LeafLine, ...]:
    out = []
    for item in ws.framework.leaves():
        mine = st.own.get(item.code) or LeafResult(points=None)
        adjustment = item.rule is not None and item.rule.kind in ("bonus", "penalty")
        self_scored = (item.scorer is Scorer.AGENCY or adjustment) and not mine.excluded and mine.points is not None
        node = sheet.node(item.code)
        excluded = node.applicable_max == 0 and item.max_points > 0
        out.append(LeafLine(
            item=item,
            self_points=own_sheet.node(item.code).points if self_scored else None,
            self_excluded=mine.excluded,
            appraisal=st.appraisals.get(item.code),
            final_points=None if excluded else node.points,
            excluded=excluded,
        ))
    return tuple(out)


def _latest_results(ws: InspectionWorkspace) -> dict[str, tuple[str, int, ResultDocument | None]]:
    """Per agency, the last result package issued: (manifest hash, sequence, parsed document)."""
    from ..package.result_format import parse_result
    from .results import issued_results

    out: dict[str, tuple[str, int, ResultDocument | None]] = {}
    for rec in issued_results(ws):  # by agency, then sequence: the last one wins
        try:
            doc: ResultDocument | None = parse_result(rec.document, ws.framework)
        except UserFacingError:
            doc = None  # never written so by issue_result; a draft is the safe answer
        out[rec.agency_code] = (rec.manifest_sha256, rec.sequence, doc)
    return out


def _shows_current(doc: ResultDocument | None, r: AgencyResult, ranked: int) -> bool:
    """The issued result shows exactly the figures of this report (see the module docstring)."""
    if doc is None or doc.submission_sha256 != r.submission_sha256:
        return False
    t, s, e = doc.total, r.sheet, r.entry
    if (t.final_points, t.applicable_max, t.index, t.rank, t.ranked) != (s.final_points, s.applicable_max, s.percent,
                                                                          e.rank, ranked):
        return False
    if t.category_key != (s.category.key if s.category else None):
        return False
    issued = {i.code: (i.final_points, i.excluded, i.appraised, i.appraised_points, i.not_applicable, i.reason)
              for i in doc.items}
    current = {ln.item.code: (ln.final_points, ln.excluded, ln.appraisal is not None,
                              None if ln.appraisal is None else ln.appraisal.points,
                              bool(ln.appraisal and ln.appraisal.not_applicable),
                              "" if ln.appraisal is None else ln.appraisal.reason) for ln in r.leaves}
    return issued == current


def council_report_data(
    ws: InspectionWorkspace,
    options: CouncilReportOptions | None = None,
    progress: ProgressCallback = no_progress,
    cancel: CancelToken | None = None,
) -> CouncilReportData:
    """Everything the reports show, read in one pass (see the module docstring)."""
    from .inspection_overview import load_states, overview_of, state_sheet

    options = options if options is not None else council_report_options(ws)
    fw = ws.framework
    states = load_states(ws)
    submitted = [st for st in states if st.submission is not None]
    sheets = {st.agency.code: state_sheet(ws, st) for st in submitted}
    # The same ranking as InspectionWorkspace.ranking(), from the same snapshot.
    ranking = rank(fw, [RankInput(st.agency.code, st.agency.name, sheets[st.agency.code].final_points,
                                  sheets[st.agency.code].applicable_max, sheets[st.agency.code].percent) for st in submitted])
    by_code = {st.agency.code: st for st in submitted}
    issued = _latest_results(ws)
    results = []
    for n, entry in enumerate(ranking):
        if cancel is not None and n % 10 == 0:
            cancel.raise_if_cancelled()
        st = by_code[entry.agency_code]
        sheet = sheets[entry.agency_code]
        own_sheet = _self_sheet(ws, st)
        o = overview_of(ws, st)
        draft = AgencyStamp(False, st.submission or "")
        r = AgencyResult(code=st.agency.code, name=st.agency.name, submission_sha256=st.submission or "",
                         self_sheet=own_sheet, sheet=sheet, entry=entry, appraised=o.appraised, to_appraise=o.to_appraise,
                         status=o.status, leaves=_lines(ws, st, own_sheet, sheet), stamp=draft, ranked=len(ranking))
        last = issued.get(r.code)
        if last is not None:
            sha, seq, doc = last
            stamp = AgencyStamp(True, sha, seq) if _shows_current(doc, r, len(ranking)) else replace(draft, stale_sequence=seq)
            r = replace(r, stamp=stamp)
        results.append(r)
    stats = ws.statistics()
    doc = digest_document(fw.sha256, results)
    today = options.date or ws._clock().astimezone(VIETNAM).date()
    return CouncilReportData(
        framework=fw, year=ws.year, results=tuple(results),
        not_submitted=tuple((st.agency.code, st.agency.name) for st in states
                            if st.submission is None and st.agency.expected),
        categories=stats.categories,
        fields=tuple(FieldFigure(f.code, f.title, f.percent, f.agencies) for f in stats.fields),
        options=replace(options, date=today), date=today, digest=digest_of(doc), digest_document=doc,
    )


def round_digest(ws: InspectionWorkspace) -> tuple[str, dict[str, Any]]:
    """The round digest and the canonical document it hashes (council_model)."""
    data = council_report_data(ws)
    return data.digest, dict(data.digest_document)


# ---------------------------------------------------------------- files


def agency_pdf_name(agency_code: str, year: int) -> str:
    """`XA-001-2026-ket-qua-tham-dinh.pdf`; characters a file name cannot hold become "_"."""
    safe = re.sub(r"[^0-9A-Za-z._-]", "_", agency_code).strip(".") or "co-quan"
    return f"{safe}-{year}-ket-qua-tham-dinh.pdf"


def _os_error(path: Path, exc: OSError) -> UserFacingError:
    reason = exc.strerror or str(exc)
    full = exc.errno == errno.ENOSPC
    return UserFacingError(
        f"Không ghi được tệp “{path}”: {reason}.{' Ổ đĩa đã đầy.' if full else ''} Không có tệp báo cáo nào được tạo dở dang.",
        f"Cannot write '{path}': {reason}.{' The disk is full.' if full else ''} No partial report file was left.",
    )


def _check_file(path: Path | str | None, what_vi: str, what_en: str) -> Path | None:
    if path is None or str(path) == "":
        return None
    path = Path(path).expanduser()
    if path.is_dir():
        raise UserFacingError(f"“{path}” là một thư mục; hãy ghi rõ tên tệp {what_vi}.",
                              f"'{path}' is a folder; give the {what_en} file's name.")
    _check_folder(path.parent, what_vi, what_en)
    return path


def _check_folder(folder: Path, what_vi: str, what_en: str) -> None:
    if not folder.is_dir():
        raise UserFacingError(
            f"Thư mục “{folder}” không tồn tại; hãy tạo nó trước hoặc chọn chỗ khác để lưu {what_vi}. Không có gì được tạo.",
            f"Folder '{folder}' does not exist; create it or choose another place for the {what_en}. Nothing was written.")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise UserFacingError(
            f"Không có quyền ghi vào thư mục “{folder}”; hãy chọn chỗ khác để lưu {what_vi}. Không có gì được tạo.",
            f"Cannot write to folder '{folder}'; choose another place for the {what_en}. Nothing was written.")


class _Staging:
    """Files written under temporary names, renamed all together at the end (module docstring)."""

    def __init__(self) -> None:
        self.parts: list[tuple[Path, Path]] = []  # (temporary, final)
        self.made_dirs: list[Path] = []

    def write(self, final: Path, build: Callable[[IO[bytes]], None]) -> None:
        tmp = final.with_name(f".{final.name}.{uuid.uuid4().hex[:8]}.part")
        self.parts.append((tmp, final))
        try:
            with open(tmp, "xb") as fh:
                build(fh)
                fh.flush()
                os.fsync(fh.fileno())
        except OSError as exc:
            raise _os_error(final, exc) from None

    def publish(self) -> None:
        created: list[Path] = []
        try:
            for tmp, final in self.parts:
                existed = final.exists()
                os.replace(tmp, final)
                if not existed:
                    created.append(final)
            for folder in {final.parent for _tmp, final in self.parts}:
                fsync_dir(folder)
        except OSError as exc:
            for p in created:
                p.unlink(missing_ok=True)
            self.discard()
            raise _os_error(final, exc) from None
        self.parts = []

    def discard(self) -> None:
        for tmp, _final in self.parts:
            tmp.unlink(missing_ok=True)
        self.parts = []
        for d in reversed(self.made_dirs):
            try:
                d.rmdir()  # only when still empty
            except OSError:
                pass
        self.made_dirs = []


def export_council_reports(
    ws: InspectionWorkspace,
    xlsx: Path | str | None = None,
    pdf: Path | str | None = None,
    agency_pdfs_dir: Path | str | None = None,
    options: CouncilReportOptions | None = None,
    progress: ProgressCallback = no_progress,
    cancel: CancelToken | None = None,
    agencies: Sequence[str] | None = None,
) -> CouncilExportResult:
    """Write the ranking workbook (`xlsx`), the publication report (`pdf`) and/or one appraisal
    PDF per ranked agency into `agency_pdfs_dir` (created when its parent exists; `agencies`
    restricts them to those codes).  See the module docstring for the hashes and the files."""
    xlsx_path = _check_file(xlsx, "bảng xếp hạng Excel", "ranking workbook")
    pdf_path = _check_file(pdf, "báo cáo PDF", "PDF report")
    folder = Path(agency_pdfs_dir).expanduser() if agency_pdfs_dir not in (None, "") else None
    if xlsx_path is None and pdf_path is None and folder is None:
        raise UserFacingError(
            "Hãy chọn ít nhất một tệp cần tạo: bảng xếp hạng Excel (--xlsx), báo cáo công bố PDF (--pdf) "
            "hoặc thư mục PDF kết quả thẩm định từng cơ quan (--agency-pdfs). Không có gì được tạo.",
            "Choose at least one output: the ranking workbook (--xlsx), the publication PDF (--pdf) or a folder "
            "for the per-agency appraisal PDFs (--agency-pdfs). Nothing was written.")
    if xlsx_path is not None and pdf_path is not None and xlsx_path.resolve() == pdf_path.resolve():
        raise UserFacingError("Tệp Excel và tệp PDF phải khác nhau.", "The Excel and PDF files must differ.")
    if folder is not None:
        if folder.exists() and not folder.is_dir():
            raise UserFacingError(f"“{folder}” là một tệp, không phải thư mục để lưu các PDF kết quả thẩm định.",
                                  f"'{folder}' is a file, not a folder for the appraisal PDFs.")
        _check_folder(folder if folder.is_dir() else folder.parent, "các PDF kết quả thẩm định", "appraisal PDFs")

    data = council_report_data(ws, options, cancel=cancel)
    if not data.results:
        raise UserFacingError("Chưa có cơ quan nào nộp hồ sơ trong đợt này nên chưa có kết quả để xếp hạng. Không có gì được tạo.",
                              "No agency has submitted in this round, so there is no ranking to report. Nothing was written.")
    chosen = list(data.results)
    if agencies is not None:
        wanted = set(agencies)
        unknown = sorted(wanted - {r.code for r in data.results})
        if unknown:
            raise UserFacingError(f"Không có kết quả để xuất của cơ quan: {', '.join(unknown)} (chưa nộp hồ sơ hoặc không thuộc đợt).",
                                  f"No result to export for: {', '.join(unknown)} (no submission, or not in this round).")
        chosen = [r for r in data.results if r.code in wanted]
    if folder is None:
        chosen = []
    # Steps: the data, the workbook agency by agency (its detail sheet is most of its time), the
    # publication, each agency's PDF, the renames.
    n = len(data.results)
    steps = 1 + (n if xlsx_path is not None else 0) + (pdf_path is not None) + len(chosen) + 1
    done = 1
    progress(done, steps, "")
    staging = _Staging()
    made: list[AgencyPdf] = []
    try:
        if xlsx_path is not None:
            from ..reports.council_xlsx import write_council_xlsx

            ticks = [done]

            def tick() -> None:
                if cancel is not None:
                    cancel.raise_if_cancelled()
                ticks[0] += 1
                progress(min(ticks[0], done + n), steps, xlsx_path.name)  # type: ignore[union-attr]

            staging.write(xlsx_path, lambda fh: write_council_xlsx(data, fh, tick))
            done += n
            progress(done, steps, xlsx_path.name)
        if cancel is not None:
            cancel.raise_if_cancelled()
        if pdf_path is not None:
            from ..reports.council_pdf import write_council_pdf

            staging.write(pdf_path, lambda fh: write_council_pdf(data, fh))
            done += 1
            progress(done, steps, pdf_path.name)
        if folder is not None and chosen:
            from ..reports.agency_appraisal_pdf import write_agency_appraisal_pdf

            if not folder.exists():
                try:
                    folder.mkdir()
                except OSError as exc:
                    raise _os_error(folder, exc) from None
                staging.made_dirs.append(folder)
            for r in chosen:
                if cancel is not None:
                    cancel.raise_if_cancelled()
                path = folder / agency_pdf_name(r.code, data.year)
                staging.write(path, lambda fh, r=r: write_agency_appraisal_pdf(data, r, fh))  # type: ignore[misc]
                made.append(AgencyPdf(r.code, path, r.stamp.issued, r.stamp.sha256))
                done += 1
                progress(done, steps, path.name)
        if cancel is not None:
            cancel.raise_if_cancelled()
        staging.publish()
    except BaseException:  # a cancel, a refusal, a bug: nothing stays under a final name
        staging.discard()
        raise
    progress(steps, steps, "")
    return CouncilExportResult(xlsx_path, pdf_path, tuple(made), data.digest, dict(data.digest_document), len(data.results))
