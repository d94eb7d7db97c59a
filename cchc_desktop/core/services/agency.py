"""The agency's workspace: the only API the GUI and the CLI use for self-assessment.

Every edit is validated against the framework first (bad input changes nothing), then written in
its own transaction together with its change-log row (durable when the call returns), then applied
to the in-memory answers from which the live score is computed without touching the disk.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path
from typing import Any, Union

from sqlalchemy import Engine, delete, event, select
from sqlalchemy.orm import Session

from ..changes import Changes
from ..errors import InvalidInput, WorkspaceError
from ..framework.model import Framework, Item, Scorer
from ..scoring.engine import Answer, Problem, ScoreSheet, self_assessment
from ..scoring.rules import parse_value, value_to_json
from ..storage.evidence_store import EvidenceStore
from ..storage.orm import (
    AnswerRow,
    AssessmentRow,
    CarriedItemRow,
    ChangeLogRow,
    FrameworkRow,
)
from ..storage.records import CarriedMark, FrameworkTrust, LogEntry, WorkspaceInfo, YearSummary, nfc
from . import workspace as ws
from .agency_evidence import CitationStep, EvidenceMixin, LinkStep
from .undo import UndoEntry, UndoLog


@dataclass(frozen=True)
class AnswerState:
    """The stored form of one item's answer (what undo restores)."""

    value_json: str | None = None
    not_applicable: bool = False
    na_reason: str = ""
    note: str = ""

    @property
    def empty(self) -> bool:
        return self == AnswerState()


@dataclass(frozen=True)
class AnswerStep:
    code: str
    before: AnswerState
    after: AnswerState


@dataclass(frozen=True)
class ConfirmStep:
    """Confirming an item carried over from the previous year (undo puts the mark back)."""

    code: str
    mark: CarriedMark


Step = Union[AnswerStep, LinkStep, CitationStep, ConfirmStep]


def _decode(item: Item, value_json: str | None) -> Any:
    if value_json is None:
        return None
    try:
        return parse_value(item, json.loads(value_json, parse_float=Decimal))
    except (InvalidInput, ValueError):
        return None  # shown as a problem: the framework no longer accepts what was stored


class AgencyWorkspace(EvidenceMixin):
    """One agency, one current assessment year (earlier years stay readable)."""

    def __init__(
        self, folder: Path, engine: Engine, clock: ws.Clock = ws.utc_now, actor: str | None = None, year: int | None = None
    ) -> None:
        self.folder = folder
        self._engine = engine
        self._clock = clock
        self.actor = actor or ws.current_actor()
        self.store = EvidenceStore(folder / ws.EVIDENCE_DIR)
        self._load(year)
        self.store.clean_temporary()
        if "pending_export" in self._meta:  # an export was interrupted between record and rename
            from .export import reconcile_pending_export

            reconcile_pending_export(self)
            with Session(self._engine) as s:
                row = s.get(AssessmentRow, self.assessment_id)
                assert row is not None
                self._assessment = (row.state, row.submission_seq, row.agency_code, row.agency_name)
                self._meta = ws.read_meta(s)

    def _load(self, year: int | None = None) -> None:
        """Read the assessment of `year` (default: the current year, meta current_year) into memory.

        An earlier year opens read-only: it stays readable, and only its export is allowed.
        """
        self._undo: UndoLog[Step] = UndoLog()
        with Session(self._engine) as s:
            meta = ws.read_meta(s)
            if meta.get("role") != "agency":
                raise WorkspaceError(
                    f"“{self.folder}” không phải không gian làm việc của cơ quan tự đánh giá (vai trò: {meta.get('role')}).",
                    f"'{self.folder}' is not an agency workspace (role: {meta.get('role')}).",
                )
            self._meta = meta
            current = int(meta["current_year"])
            year = current if year is None else int(year)
            row = s.scalars(select(AssessmentRow).where(AssessmentRow.year == year)).one_or_none()
            if row is None:
                known = ", ".join(str(y) for y in s.scalars(select(AssessmentRow.year).order_by(AssessmentRow.year)))
                raise WorkspaceError(
                    f"Không gian làm việc không có kết quả tự đánh giá năm {year} (có: {known}).",
                    f"The workspace has no assessment for {year} (it has: {known}).",
                )
            self.assessment_id = row.id
            self.read_only = year != current
            self._assessment = (row.state, row.submission_seq, row.agency_code, row.agency_name)
            self.framework: Framework = ws.load_stored_framework(s, row.framework_sha256)
            self._trust = ws.trust_of_year(meta, year, self.framework.sample)
            self._states: dict[str, AnswerState] = {
                a.item_code: AnswerState(a.value_json, a.not_applicable, a.na_reason, a.note)
                for a in s.scalars(select(AnswerRow).where(AnswerRow.assessment_id == row.id))
            }
            self._carried: dict[str, CarriedMark] = self._read_carried(s)
        self._answers: dict[str, Answer] = {}
        self._links = {}
        self._reload_evidence()
        for code in self._states:
            self._refresh_answer(code)

    def _read_carried(self, s: Session) -> dict[str, CarriedMark]:
        return {
            r.item_code: CarriedMark(r.from_year, r.note, r.documents)
            for r in s.scalars(select(CarriedItemRow).where(CarriedItemRow.assessment_id == self.assessment_id))
        }

    # ------------------------------------------------------------------ lifecycle

    @classmethod
    def create(
        cls,
        folder: Path | str,
        framework: Framework,
        agency_code: str,
        agency_name: str,
        year: int | None = None,
        clock: ws.Clock = ws.utc_now,
        actor: str | None = None,
        framework_trust: FrameworkTrust | None = None,
    ) -> "AgencyWorkspace":
        """A new workspace.  `framework_trust` records where the framework came from (default: as
        before signed frameworks existed, "sample" or "unsigned"); callers decide what they accept
        (services/framework_source.py)."""
        code, name = nfc(agency_code), nfc(agency_name)
        if not code or len(code) > 64 or any(c in code for c in "/\\\n\t"):
            raise WorkspaceError(
                "Mã cơ quan không được để trống, dài quá 64 ký tự hoặc chứa “/”, “\\”.",
                "The agency code must be 1-64 characters without slashes.",
            )
        if not name:
            raise WorkspaceError("Hãy nhập tên cơ quan.", "Enter the agency name.")
        year = year or framework.year
        if year != framework.year:
            raise WorkspaceError(
                f"Bộ tiêu chí “{framework.title}” dành cho năm {framework.year}, không phải năm {year}.",
                f"The framework is for {framework.year}, not {year}.",
            )
        folder = ws.prepare_new_folder(Path(folder))
        try:
            engine = ws.create_agency_database(folder, framework, code, name, year, clock, framework_trust)
        except BaseException:
            ws.remove_failed_workspace(folder)
            raise
        return cls(folder, engine, clock, actor)

    @classmethod
    def open(
        cls, folder: Path | str, clock: ws.Clock = ws.utc_now, actor: str | None = None, year: int | None = None
    ) -> "AgencyWorkspace":
        """Open the current year, or an earlier `year` read-only."""
        from ..storage.db import open_database

        folder = Path(folder).expanduser()
        if not ws.is_workspace(folder):
            raise WorkspaceError(
                f"“{folder}” chưa phải là không gian làm việc. Hãy tạo mới (cchc workspace init hoặc hộp thoại “Tạo mới”).",
                f"'{folder}' is not a workspace; create one first.",
            )
        engine = open_database(folder / ws.DB_NAME)
        try:
            return cls(folder, engine, clock, actor, year)
        except BaseException:
            engine.dispose()
            raise

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> "AgencyWorkspace":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def engine(self) -> Engine:
        return self._engine

    # ------------------------------------------------------------------ reading

    def info(self) -> WorkspaceInfo:
        state, seq, code, name = self._assessment
        return WorkspaceInfo(
            folder=self.folder,
            role="agency",
            agency_code=code,
            agency_name=name,
            level=self.framework.level.value,
            year=self.framework.year,
            framework_sha256=self.framework.sha256,
            framework_id=self.framework.id,
            framework_title=self.framework.title,
            framework_sample=self.framework.sample,
            state=state,
            submission_seq=seq,
            framework_trust=self._trust.status,
            framework_signer=self._trust.signer_subject,
            read_only=self.read_only,
            to_confirm=len(self._carried),
        )

    @property
    def framework_trust(self) -> FrameworkTrust:
        """Where this year's framework came from (signed / unsigned / sample)."""
        return self._trust

    def years(self) -> list[YearSummary]:
        """Every assessment year of the workspace, oldest first (earlier years stay readable)."""
        current = int(self._meta["current_year"])
        with Session(self._engine) as s:
            rows = list(s.scalars(select(AssessmentRow).order_by(AssessmentRow.year)))
            out = []
            for r in rows:
                fw = s.get(FrameworkRow, r.framework_sha256)
                out.append(YearSummary(r.year, r.framework_sha256, fw.framework_id if fw else "", fw.title if fw else "",
                                       r.state, r.submission_seq, r.year == current))
        return out

    def carried(self) -> dict[str, CarriedMark]:
        """Items carried over from the previous year and not confirmed yet ("to confirm")."""
        return dict(self._carried)

    def start_next_year(self, framework: Framework, framework_trust: FrameworkTrust | None = None) -> Any:
        """Begin `framework.year` in this workspace from the current year (services/carry_over.py)."""
        from .carry_over import start_next_year

        return start_next_year(self, framework, framework_trust)

    def answer(self, code: str) -> Answer:
        self.framework.item(code)  # refuses unknown codes
        return self._answers.get(code, Answer(code))

    def answers(self) -> dict[str, Answer]:
        return dict(self._answers)

    def state_of(self, code: str) -> AnswerState:
        return self._states.get(code, AnswerState())

    def score(self) -> ScoreSheet:
        """The live self-score; pure computation over the in-memory answers (no disk access).

        Items carried over from the previous year add a "to_confirm" problem each (the engine stays
        pure: the marks are the workspace's, composed here)."""
        sheet = self_assessment(self.framework, self._answers)
        if not self._carried:
            return sheet
        year = self.framework.year
        extra = []
        for item in self.framework.walk():
            mark = self._carried.get(item.code)
            if mark is not None:
                vi, en = mark.problem_texts(item.code, year)
                extra.append(Problem(item.code, "to_confirm", vi, en))
        return replace(sheet, problems=sheet.problems + tuple(extra))

    def problems(self) -> tuple[Problem, ...]:
        return self.score().problems

    @property
    def evidence_limit(self) -> int:
        return int(self._meta.get("evidence_max_bytes", ws.DEFAULT_EVIDENCE_LIMIT))

    def set_evidence_limit(self, max_bytes: int) -> None:
        if max_bytes <= 0:
            raise InvalidInput("Giới hạn dung lượng phải lớn hơn 0.", "The size limit must be positive.")
        with Session(self._engine) as s, s.begin():
            ws.write_meta(s, evidence_max_bytes=str(max_bytes))
        self._meta["evidence_max_bytes"] = str(max_bytes)

    def last_item(self) -> str | None:
        code = self._meta.get("last_item")
        return code if code and self.framework.has_item(code) else None

    def set_last_item(self, code: str) -> None:
        """Remembered so that the window reopens where the user was, even after a crash."""
        if self._meta.get("last_item") == code:
            return
        with Session(self._engine) as s, s.begin():
            ws.write_meta(s, last_item=code)
        self._meta["last_item"] = code

    def change_log(self, code: str | None = None) -> list[LogEntry]:
        with Session(self._engine) as s:
            q = select(ChangeLogRow).where(ChangeLogRow.assessment_id == self.assessment_id).order_by(ChangeLogRow.id)
            if code is not None:
                q = q.where(ChangeLogRow.item_code == code)
            return [LogEntry(r.id, r.at, r.actor, r.item_code, r.action, r.old_json, r.new_json) for r in s.scalars(q)]

    # ------------------------------------------------------------------ edits

    def set_value(self, code: str, raw: Any) -> Changes:
        """Enter the self-assessment input of a leaf; raises InvalidInput and changes nothing if bad."""
        item = self._editable_leaf(code)
        if raw is None:
            new_json = None
        else:
            new_json = json.dumps(value_to_json(parse_value(item, raw)), ensure_ascii=False)
        before = self.state_of(code)
        if new_json is not None:
            # A value ends "not applicable": its reason would otherwise linger on an answered item.
            after = replace(before, value_json=new_json, not_applicable=False, na_reason="")
        else:
            after = replace(before, value_json=None)
        return self._edit_answer(code, before, after, f"Nhập kết quả {code}", f"Enter result {code}")

    def clear_value(self, code: str) -> Changes:
        return self.set_value(code, None)

    def confirm(self, code: str) -> Changes:
        """Confirm an item carried over from the previous year: its "to confirm" problem goes away."""
        self.framework.item(code)
        mark = self._carried.get(code)
        if mark is None:
            return Changes()
        return self._apply_confirm(ConfirmStep(code, mark), record=True)

    def set_not_applicable(self, code: str, not_applicable: bool, reason: str = "") -> Changes:
        item = self.framework.item(code)
        if not_applicable and item.na_mode is None:
            raise InvalidInput(
                f"Tiêu chí {code} không cho phép chọn “không áp dụng / không phát sinh”.",
                f"Item {code} does not allow 'not applicable'.",
            )
        before = self.state_of(code)
        after = replace(
            before,
            not_applicable=not_applicable,
            na_reason=nfc(reason) if not_applicable else "",
            value_json=None if not_applicable else before.value_json,
        )
        label = "Không áp dụng" if not_applicable else "Bỏ “không áp dụng”"
        return self._edit_answer(code, before, after, f"{label} {code}", f"N/A {code}")

    def set_note(self, code: str, text: str) -> Changes:
        self.framework.item(code)
        before = self.state_of(code)
        after = replace(before, note=nfc(text))
        return self._edit_answer(code, before, after, f"Sửa thuyết minh {code}", f"Edit explanation {code}")

    # ------------------------------------------------------------------ undo / redo

    @property
    def undo_label(self) -> tuple[str, str] | None:
        return self._undo.undo_label

    @property
    def redo_label(self) -> tuple[str, str] | None:
        return self._undo.redo_label

    def undo(self) -> Changes:
        entry = self._undo.take_undo()
        if entry is None:
            return Changes()
        try:
            return self._apply_step(entry.step, reverse=True)
        except Exception:
            self._undo.restore_after_failed_undo()
            raise

    def redo(self) -> Changes:
        entry = self._undo.take_redo()
        if entry is None:
            return Changes()
        try:
            return self._apply_step(entry.step, reverse=False)
        except Exception:
            self._undo.restore_after_failed_redo()
            raise

    def _mark_submitted(self, sequence: int) -> None:
        _state, _seq, code, name = self._assessment
        self._assessment = ("submitted", sequence, code, name)

    # ------------------------------------------------------------------ internals

    def _editable_leaf(self, code: str) -> Item:
        item = self.framework.item(code)
        if not item.is_leaf:
            raise InvalidInput(
                f"{code} là mục tổng hợp: điểm được cộng tự động từ các mục con.", f"{code} sums its children automatically."
            )
        if item.scorer is Scorer.SURVEY:
            raise InvalidInput(
                f"Tiêu chí {code} được chấm từ kết quả điều tra xã hội học, cơ quan không tự chấm.",
                f"{code} is scored from the survey, not by the agency.",
            )
        if item.scorer is Scorer.COUNCIL:
            raise InvalidInput(
                f"Tiêu chí {code} do Hội đồng thẩm định chấm; cơ quan chỉ thuyết minh và đính kèm tài liệu.",
                f"{code} is scored by the council only.",
            )
        return item

    def _log(self, s: Session, code: str | None, action: str, old: Any, new: Any, keep_mark: bool = False) -> None:
        """Every write passes here, in its own transaction: the right place to note that an edit
        after a submission starts the next one (the submitted package itself stays frozen), to
        refuse edits of an earlier year, and to clear the "to confirm" mark of an edited item."""
        if action != "export":
            self._check_writable()
        if code is not None and not keep_mark and code in self._carried:
            s.execute(delete(CarriedItemRow).where(CarriedItemRow.assessment_id == self.assessment_id,
                                                   CarriedItemRow.item_code == code))
            # Memory follows the disk: forget the mark only once the edit has committed.
            event.listen(s, "after_commit", lambda _s, c=code: self._carried.pop(c, None), once=True)
        if action != "export" and self._assessment[0] == "submitted":
            row = s.get(AssessmentRow, self.assessment_id)
            if row is not None:
                row.state = "draft"
            state, seq, code_, name = self._assessment
            self._assessment = ("draft", seq, code_, name)
        s.add(
            ChangeLogRow(
                at=ws.stamp(self._clock),
                actor=self.actor,
                assessment_id=self.assessment_id,
                item_code=code,
                action=action,
                old_json=None if old is None else json.dumps(old, ensure_ascii=False, default=str),
                new_json=None if new is None else json.dumps(new, ensure_ascii=False, default=str),
            )
        )

    def _stage_answer(self, s: Session, code: str, after: AnswerState, action: str) -> None:
        """Write one answer row and its log row inside the caller's transaction."""
        before = self.state_of(code)
        row = s.get(AnswerRow, (self.assessment_id, code))
        if after.empty:
            if row is not None:
                s.delete(row)
        else:
            if row is None:
                row = AnswerRow(assessment_id=self.assessment_id, item_code=code)
                s.add(row)
            row.value_json = after.value_json
            row.not_applicable = after.not_applicable
            row.na_reason = after.na_reason
            row.note = after.note
            row.updated_at = ws.stamp(self._clock)
        self._log(s, code, action, before.__dict__, after.__dict__)

    def _write_answer(self, code: str, after: AnswerState, action: str) -> None:
        with Session(self._engine) as s, s.begin():
            self._stage_answer(s, code, after, action)
        # Only after the commit returned: memory never runs ahead of the disk.
        if after.empty:
            self._states.pop(code, None)
        else:
            self._states[code] = after
        self._refresh_answer(code)

    def _after_bulk_write(self) -> None:
        """Re-read answers and evidence after a multi-item transaction (bulk fill).

        A bulk fill is not undone step by step; the undo history before it no longer applies.
        """
        self._undo = UndoLog()
        with Session(self._engine) as s:
            self._states = {
                a.item_code: AnswerState(a.value_json, a.not_applicable, a.na_reason, a.note)
                for a in s.scalars(select(AnswerRow).where(AnswerRow.assessment_id == self.assessment_id))
            }
            self._carried = self._read_carried(s)
        self._answers = {}
        self._reload_evidence()
        for code in self._states:
            self._refresh_answer(code)

    def _edit_answer(self, code: str, before: AnswerState, after: AnswerState, label_vi: str, label_en: str) -> Changes:
        if before == after:
            return Changes()
        self._write_answer(code, after, "edit")
        self._undo.record(UndoEntry(label_vi, label_en, AnswerStep(code, before, after)))
        return Changes(items=frozenset({code}), score=True)

    def _refresh_answer(self, code: str) -> None:
        if not self.framework.has_item(code):
            return
        item = self.framework.item(code)
        st = self._states.get(code, AnswerState())
        n_evidence = len(self._links.get(code, []))
        if st.empty and n_evidence == 0:
            self._answers.pop(code, None)
            return
        self._answers[code] = Answer(
            code=code,
            value=_decode(item, st.value_json) if item.is_leaf else None,
            not_applicable=st.not_applicable,
            na_reason=st.na_reason,
            note=st.note,
            evidence_count=n_evidence,
        )

    def _apply_step(self, step: Step, reverse: bool) -> Changes:
        if isinstance(step, AnswerStep):
            target = step.before if reverse else step.after
            self._write_answer(step.code, target, "undo" if reverse else "redo")
            return Changes(items=frozenset({step.code}), score=True)
        if isinstance(step, LinkStep):
            return self._apply_link(step, record=False, reverse=reverse)
        if isinstance(step, ConfirmStep):
            return self._apply_confirm(step, record=False, reverse=reverse)
        return self._apply_citation(step, record=False, reverse=reverse)

    def _apply_confirm(self, step: ConfirmStep, record: bool, reverse: bool = False) -> Changes:
        mark = step.mark
        with Session(self._engine) as s, s.begin():
            if reverse:
                s.add(CarriedItemRow(assessment_id=self.assessment_id, item_code=step.code, from_year=mark.from_year,
                                     note=mark.note, documents=mark.documents, created_at=ws.stamp(self._clock)))
                self._log(s, step.code, "unconfirm", None, {"from_year": mark.from_year}, keep_mark=True)
            else:
                s.execute(delete(CarriedItemRow).where(CarriedItemRow.assessment_id == self.assessment_id,
                                                       CarriedItemRow.item_code == step.code))
                self._log(s, step.code, "confirm", {"from_year": mark.from_year}, None, keep_mark=True)
        if reverse:
            self._carried[step.code] = mark
        else:
            self._carried.pop(step.code, None)
        if record:
            self._undo.record(UndoEntry(f"Xác nhận {step.code}", f"Confirm {step.code}", step))
        return Changes(items=frozenset({step.code}), score=True)

    def _check_writable(self) -> None:
        if self.read_only:
            raise WorkspaceError(
                f"Năm {self.framework.year} là năm trước: chỉ xem được, không sửa được. "
                f"Hãy mở năm hiện tại ({self._meta.get('current_year')}) để tiếp tục tự đánh giá.",
                f"{self.framework.year} is an earlier year: read-only. Open the current year "
                f"({self._meta.get('current_year')}) to continue.",
            )
