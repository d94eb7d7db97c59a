"""Appraising an agency's submission: an overlay on its signed answers, never a change to them.

Every appraisal is validated against the item's rule first (a value the rule cannot give is
refused), written together with its history row in one transaction, and records who, when, which
round and which package.  A reason is required whenever the appraised points differ from the
agency's self points.  Undo/redo are per workspace session, like the agency's.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..errors import InvalidInput
from ..framework.canonical import number_text
from ..framework.model import Item, Scorer
from ..scoring.appraisal import Appraisal, appraised_leaf, check_appraisal, effective_appraisals
from ..scoring.engine import Answer, LeafResult, ScoreSheet, self_assessment, self_leaf
from ..storage.orm import AgencyRow, AppraisalLogRow, AppraisalRow, PackageRow, RebuttalItemRow
from ..storage.records import nfc

LOCAL = "local"
MAX_REASON = 20_000


def appraisal_of(row: Any) -> Appraisal:
    """An Appraisal from an appraisals or appraisal_conflicts row."""
    return Appraisal(row.item_code, None if row.points is None else Decimal(row.points), row.not_applicable,
                     row.reason, row.reviewer, row.round, row.appraised_at)


def appraisal_json(a: Appraisal | None, package_sha256: str = "") -> str | None:
    if a is None:
        return None
    return json.dumps({"points": None if a.points is None else number_text(a.points), "not_applicable": a.not_applicable,
                       "reason": a.reason, "reviewer": a.reviewer, "at": a.at, "package": package_sha256},
                      ensure_ascii=False, sort_keys=True)


@dataclass(frozen=True)
class AppraisalStep:
    """One change to one leaf's appraisal (what undo reverses)."""

    agency_code: str
    item_code: str
    round: int
    before: Appraisal | None
    after: Appraisal | None
    package_sha256: str


@dataclass(frozen=True)
class AnswerChange:
    """An item whose answer differs between two submissions (PackageAnswer or None each side)."""

    code: str
    before: Any
    after: Any


def appraisable(item: Item) -> bool:
    """Leaves the council appraises one by one (survey leaves come from the survey file)."""
    return item.is_leaf and item.scorer in (Scorer.AGENCY, Scorer.COUNCIL)


class AppraisalMixin:
    """Appraisal methods of InspectionWorkspace (kept apart to keep modules small)."""

    if TYPE_CHECKING:
        framework: Any
        actor: str

        def now(self) -> str: ...
        def answers(self, manifest_sha256: str) -> dict[str, Any]: ...
        def documents(self, manifest_sha256: str) -> list[Any]: ...
        @property
        def engine(self) -> Any: ...

    _undo: list[AppraisalStep]
    _redo: list[AppraisalStep]

    # ------------------------------------------------------------------ what is appraised

    def submission(self, agency_code: str) -> PackageRow | None:
        """The agency's latest submission package row (the one the council appraises)."""
        with Session(self.engine) as s:
            return _latest(s, agency_code, "submission")

    def round_of(self, agency_code: str) -> int:
        """2 once the agency's rebuttal (giải trình) was imported, else 1."""
        with Session(self.engine) as s:
            return 2 if _latest(s, agency_code, "rebuttal") is not None else 1

    def self_answers(self, agency_code: str) -> dict[str, Answer]:
        """The typed answers of the agency's latest submission ({} when it has none)."""
        from .inspection_assessment import typed_answers

        row = self.submission(agency_code)
        if row is None:
            return {}
        # A signed package never changes once imported: its typed answers are computed once.
        cache: dict[str, dict[str, Answer]] = self.__dict__.setdefault("_typed_answers", {})
        sha = row.manifest_sha256
        if sha not in cache:
            counts: dict[str, int] = {}
            for doc in self.documents(sha):
                for code, _ in doc.links:
                    counts[code] = counts.get(code, 0) + 1
            cache[sha] = typed_answers(self.framework, self.answers(sha).values(), counts)
        return dict(cache[sha])

    def self_sheet(self, agency_code: str) -> ScoreSheet:
        return self_assessment(self.framework, self.self_answers(agency_code))

    def rebuttal_texts(self, agency_code: str) -> dict[str, str]:
        """Item code -> the agency's latest rebuttal text for it."""
        with Session(self.engine) as s:
            row = _latest(s, agency_code, "rebuttal")
            if row is None:
                return {}
            q = select(RebuttalItemRow).where(RebuttalItemRow.manifest_sha256 == row.manifest_sha256)
            return {r.item_code: r.text for r in s.scalars(q)}

    # ------------------------------------------------------------------ appraisals

    def appraisals(self, agency_code: str | None = None) -> list[Appraisal]:
        """Current appraisals (every round), by agency, item and round."""
        with Session(self.engine) as s:
            q = select(AppraisalRow).order_by(AppraisalRow.agency_code, AppraisalRow.item_code, AppraisalRow.round)
            if agency_code is not None:
                q = q.where(AppraisalRow.agency_code == agency_code)
            return [appraisal_of(r) for r in s.scalars(q)]

    def effective_appraisals(self, agency_code: str) -> dict[str, Appraisal]:
        return effective_appraisals(self.appraisals(agency_code))

    def appraise(
        self,
        agency_code: str,
        item_code: str,
        points: object = None,
        reason: str = "",
        not_applicable: bool = False,
        reviewer: str | None = None,
    ) -> Appraisal:
        """Record the appraised points (or N/A) of one leaf in the agency's current round."""
        agency_code, item_code, reason = nfc(agency_code.strip()), nfc(item_code.strip()), nfc(reason.strip())
        item = self.framework.item(item_code)
        value = check_appraisal(item, points, not_applicable)
        pkg = self.submission(agency_code)
        if pkg is None:
            raise InvalidInput(f"Cơ quan “{agency_code}” chưa có hồ sơ nộp trong đợt này nên chưa thẩm định được.",
                               f"Agency '{agency_code}' has no submission in this round, so nothing can be appraised.")
        if len(reason) > MAX_REASON:
            raise InvalidInput("Lý do thẩm định quá dài (tối đa 20.000 ký tự).", "The reason is too long (20,000 characters at most).")
        new = Appraisal(item_code, value, not_applicable, reason, nfc(reviewer or self.actor), self.round_of(agency_code), self.now())
        answers = self.self_answers(agency_code)
        # A council-only item has no self points to differ from: its reason is optional.
        if not reason and item.scorer is not Scorer.COUNCIL \
                and _differs(appraised_leaf(item, new), self_leaf(self.framework, item, answers)):
            raise InvalidInput(
                f"Tiêu chí {item_code}: điểm thẩm định khác điểm tự chấm, hãy ghi lý do thẩm định.",
                f"Item {item_code}: the appraised points differ from the self points; give a reason.")
        before = self._current(agency_code, item_code, new.round)
        step = AppraisalStep(agency_code, item_code, new.round, before, new, pkg.manifest_sha256)
        self._apply(step)
        self._undo.append(step)
        self._redo.clear()
        return new

    def accept_self(self, agency_code: str, item_code: str, reviewer: str | None = None) -> Appraisal:
        """Appraise a leaf as the agency scored it (đồng ý với điểm tự chấm); council-only leaves
        have no self points and must be appraised with points."""
        item = self.framework.item(item_code)
        mine = self_leaf(self.framework, item, self.self_answers(agency_code))
        if item.scorer is Scorer.COUNCIL or (mine.points is None and not mine.excluded):
            raise InvalidInput(f"Tiêu chí {item_code}: không có điểm tự chấm để đồng ý, hãy nhập điểm thẩm định.",
                               f"Item {item_code}: there are no self points to accept; enter the appraised points.")
        return self.appraise(agency_code, item_code, mine.points, "", mine.excluded or (mine.points is None), reviewer)

    def submission_diff(self, agency_code: str) -> list[AnswerChange]:
        """What changed between the agency's previous submission and its latest one, per item."""
        with Session(self.engine) as s:
            q = (select(PackageRow.manifest_sha256).where(PackageRow.agency_code == agency_code,
                                                          PackageRow.kind == "submission")
                 .order_by(PackageRow.sequence.desc()).limit(2))
            shas = list(s.scalars(q))
        if len(shas) < 2:
            return []
        new, old = self.answers(shas[0]), self.answers(shas[1])
        out = []
        for item in self.framework.walk():
            a, b = old.get(item.code), new.get(item.code)
            key = (lambda x: None if x is None else (x.value_json, x.not_applicable, x.reason, x.note))
            if key(a) != key(b):
                out.append(AnswerChange(item.code, a, b))
        return out

    def clear_appraisal(self, agency_code: str, item_code: str) -> None:
        """Withdraw the current round's appraisal of a leaf (the self points count again)."""
        rnd = self.round_of(agency_code)
        before = self._current(agency_code, item_code, rnd)
        pkg = self.submission(agency_code)
        if before is None or pkg is None:
            return
        step = AppraisalStep(agency_code, item_code, rnd, before, None, pkg.manifest_sha256)
        self._apply(step)
        self._undo.append(step)
        self._redo.clear()

    def can_undo(self) -> bool:
        return bool(self._undo)

    def can_redo(self) -> bool:
        return bool(self._redo)

    def undo(self) -> AppraisalStep | None:
        """Reverse this session's last appraisal change; returns it (None: nothing to undo)."""
        if not self._undo:
            return None
        step = self._undo.pop()
        self._apply(AppraisalStep(step.agency_code, step.item_code, step.round, step.after, step.before, step.package_sha256))
        self._redo.append(step)
        return step

    def redo(self) -> AppraisalStep | None:
        if not self._redo:
            return None
        step = self._redo.pop()
        self._apply(step)
        self._undo.append(step)
        return step

    def appraisal_log(self, agency_code: str | None = None) -> list[dict[str, Any]]:
        """The append-only history: who changed which appraisal when, before and after."""
        with Session(self.engine) as s:
            q = select(AppraisalLogRow).order_by(AppraisalLogRow.id)
            if agency_code is not None:
                q = q.where(AppraisalLogRow.agency_code == agency_code)
            return [{"agency": r.agency_code, "item": r.item_code, "round": r.round, "actor": r.actor, "at": r.at,
                     "origin": r.origin, "before": json.loads(r.before_json) if r.before_json else None,
                     "after": json.loads(r.after_json) if r.after_json else None} for r in s.scalars(q)]

    def set_final(self, agency_code: str, final: bool = True) -> None:
        """Mark the agency's result final (kết quả cuối cùng), or reopen it."""
        with Session(self.engine) as s, s.begin():
            row = s.get(AgencyRow, agency_code)
            if row is None:
                raise InvalidInput(f"Không có cơ quan mã “{agency_code}” trong đợt đánh giá.", f"No agency '{agency_code}' in this round.")
            row.final_at = self.now() if final else None

    # ------------------------------------------------------------------ storage

    def _current(self, agency_code: str, item_code: str, rnd: int) -> Appraisal | None:
        with Session(self.engine) as s:
            row = s.get(AppraisalRow, (agency_code, item_code, rnd))
            return None if row is None else appraisal_of(row)

    def _apply(self, step: AppraisalStep, origin: str = LOCAL) -> None:
        write_appraisal(self.engine, step, self.actor, self.now(), origin)


def write_appraisal(engine: Any, step: AppraisalStep, actor: str, at: str, origin: str) -> None:
    """Set (or delete) the current appraisal and append its history row, in one transaction."""
    with Session(engine) as s, s.begin():
        put_appraisal(s, step, actor, at, origin)


def put_appraisal(s: Session, step: AppraisalStep, actor: str, at: str, origin: str) -> None:
    key = (step.agency_code, step.item_code, step.round)
    row = s.get(AppraisalRow, key)
    a = step.after
    if a is None:
        if row is not None:
            s.delete(row)
    else:
        if row is None:
            row = AppraisalRow(agency_code=step.agency_code, item_code=step.item_code, round=step.round)
            s.add(row)
        row.points = None if a.points is None else number_text(a.points)
        row.not_applicable, row.reason, row.reviewer = a.not_applicable, a.reason, a.reviewer
        row.appraised_at, row.package_sha256, row.origin = a.at, step.package_sha256, origin
    s.add(AppraisalLogRow(agency_code=step.agency_code, item_code=step.item_code, round=step.round,
                          before_json=appraisal_json(step.before), after_json=appraisal_json(a, step.package_sha256),
                          actor=actor, at=at, origin=origin))


def _latest(s: Session, agency_code: str, kind: str) -> PackageRow | None:
    q = (select(PackageRow).where(PackageRow.agency_code == agency_code, PackageRow.kind == kind)
         .order_by(PackageRow.sequence.desc()).limit(1))
    return s.scalars(q).first()


def _differs(a: LeafResult, b: LeafResult) -> bool:
    return (a.excluded, a.points) != (b.excluded, b.points)


def disagreements(fw: Any, appraised: Mapping[str, Appraisal], own: Mapping[str, LeafResult]) -> list[str]:
    """Codes of appraised leaves whose result differs from the agency's own (council-only leaves
    have no result of the agency's, so they never disagree)."""
    return [code for code, a in appraised.items() if fw.item(code).scorer is not Scorer.COUNCIL
            and _differs(appraised_leaf(fw.item(code), a), own.get(code) or LeafResult(points=None))]
