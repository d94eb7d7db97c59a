"""What the council's review screen shows for one agency, read in one go (Qt-free).

The review window switches agency with a key press (PgDown) and redraws after every appraisal,
so everything it needs is loaded here with a handful of small queries for that one agency (the
dashboard's `overview()` reads the whole round and would be too slow per key press).  The
scoring itself is the pure core: self sheet, final sheet (appraisals and survey overlaid).

Also the plain-words form of an agency's answer ("Ban hành chậm", "12/15 = 80%"), used by the
review screen and the comparison with the previous submission.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..framework.canonical import number_text
from ..framework.model import ChoiceRule, DeductionRule, Framework, Item, PercentTiersRule, RatioTiersRule, Scorer, YesNoRule
from ..scoring.appraisal import Appraisal, appraised_leaf, effective_appraisals, final_sheet, self_leaves
from ..scoring.engine import Answer, LeafResult, ScoreSheet, self_assessment, self_leaf
from ..scoring.rules import Ratio
from ..storage.orm import AgencyRow, PackageRow, SurveyPointRow
from .inspection_appraisal import appraisable
from .inspection_records import PackageAnswer, PackageDocument

if TYPE_CHECKING:
    from .inspection import InspectionWorkspace

# Leaf review states (stable codes; the GUI names and colours them).
TODO = "todo"  # to appraise, not appraised yet
AGREED = "agreed"  # appraised with the agency's own result
CHANGED = "changed"  # appraised with another result (a disagreement)
REBUTTED = "rebutted"  # round 2: the agency wrote a rebuttal, not re-appraised in round 2 yet
SCORED = "scored"  # a council-only leaf the council has scored (no self points to agree with)
SURVEY = "survey"  # points come from the survey file, not appraised here
OPTIONAL = "optional"  # bonus/penalty not claimed: may be appraised, nothing to do


@dataclass(frozen=True)
class LeafReview:
    code: str
    state: str
    self_result: LeafResult  # the agency's own result (points None: pending or unanswered)
    appraisal: Appraisal | None  # the effective one (latest round)
    differs: bool  # appraised, and the result differs from the agency's


@dataclass(frozen=True)
class AgencyReview:
    """One agency's submission as the council reviews it."""

    code: str
    name: str
    round: int
    package_sha256: str | None
    sequence: int  # of the latest submission (0: none)
    submissions: int  # how many submissions were imported (the diff needs two)
    raw_answers: Mapping[str, PackageAnswer]
    answers: Mapping[str, Answer]
    documents: tuple[PackageDocument, ...]
    self_sheet: ScoreSheet
    final_sheet: ScoreSheet
    appraisals: Mapping[str, Appraisal]  # effective, per leaf
    current_round: frozenset[str]  # leaves appraised in the agency's current round
    rebuttals: Mapping[str, str]
    leaves: Mapping[str, LeafReview] = field(default_factory=dict)

    def evidence_for(self, code: str) -> list[tuple[PackageDocument, str]]:
        """(document, pages) of the documents the agency cited for `code`."""
        return [(d, pages) for d in self.documents for c, pages in d.links if c == code]

    def unreviewed(self, order: Iterable[str]) -> list[str]:
        return [c for c in order if c in self.leaves and self.leaves[c].state in (TODO, REBUTTED)]

    def disagreements(self, order: Iterable[str]) -> list[str]:
        return [c for c in order if c in self.leaves and self.leaves[c].differs]


def load_review(ws: InspectionWorkspace, agency_code: str) -> AgencyReview:
    from .inspection_overview import self_sheet_of  # cached per package: it never changes

    """Everything the review screen shows for one agency (an empty review if it has not submitted)."""
    fw = ws.framework
    with Session(ws.engine) as s:
        agency = s.get(AgencyRow, agency_code)
        name = agency.name if agency is not None else agency_code
        submissions = s.scalar(select(func.count()).select_from(PackageRow)
                               .where(PackageRow.agency_code == agency_code, PackageRow.kind == "submission")) or 0
        survey = {r.item_code: Decimal(r.points)
                  for r in s.scalars(select(SurveyPointRow).where(SurveyPointRow.agency_code == agency_code))}
    pkg = ws.submission(agency_code)
    sha = pkg.manifest_sha256 if pkg is not None else None
    raw = ws.answers(sha) if sha else {}
    docs = tuple(ws.documents(sha)) if sha else ()
    answers = ws.self_answers(agency_code) if sha else {}  # typed once per package by the service
    rnd = ws.round_of(agency_code)
    mine = ws.appraisals(agency_code)
    effective = effective_appraisals(mine)
    rebuttals = ws.rebuttal_texts(agency_code) if rnd == 2 else {}
    leaves = {i.code: leaf_review(fw, i, answers, effective.get(i.code), rnd,
                                  any(a.code == i.code and a.round == rnd for a in mine), i.code in rebuttals)
              for i in fw.leaves()}
    return AgencyReview(
        code=agency_code, name=name, round=rnd, package_sha256=sha, sequence=pkg.sequence if pkg is not None else 0,
        submissions=int(submissions), raw_answers=raw, answers=answers, documents=docs,
        self_sheet=self_sheet_of(ws, sha, answers) if sha else self_assessment(fw, answers), final_sheet=final_sheet(fw, self_leaves(fw, answers), effective, survey),
        appraisals=effective, current_round=frozenset(a.code for a in mine if a.round == rnd), rebuttals=rebuttals,
        leaves=leaves,
    )


def leaf_review(fw: Framework, item: Item, answers: Mapping[str, Answer], appraisal: Appraisal | None, rnd: int,
                appraised_this_round: bool, rebutted: bool) -> LeafReview:
    own = self_leaf(fw, item, answers)
    if not appraisable(item):
        return LeafReview(item.code, SURVEY, own, appraisal, False)
    council = appraised_leaf(item, appraisal) if appraisal is not None else None
    # A council-only item has no self points: scoring it is not a disagreement (the service's definition).
    differs = council is not None and item.scorer is not Scorer.COUNCIL \
        and (council.points, council.excluded) != (own.points, own.excluded)
    if rnd == 2 and rebutted and not appraised_this_round:
        state = REBUTTED  # the agency disputes it: the council looks again in round 2
    elif appraisal is not None and item.rule is not None and item.rule.kind == "council":
        state = SCORED  # no self points: plainly scored
    elif appraisal is not None:
        state = CHANGED if differs else AGREED
    elif is_adjustment(item) and not own.points:
        state = OPTIONAL  # a bonus or penalty nobody claimed: nothing to check
    else:
        state = TODO
    return LeafReview(item.code, state, own, appraisal, differs)


def is_adjustment(item: Item) -> bool:
    return item.rule is not None and item.rule.kind in ("bonus", "penalty")


# ---------------------------------------------------------------- the agency's answer in words


def _num(d: Decimal | int, lang: str) -> str:
    text = number_text(Decimal(d))
    return text.replace(".", ",") if lang != "en" else text


def value_text(item: Item, value: Any, lang: str = "vi") -> str:
    """A typed answer value in plain words for `item`'s rule."""
    vi = lang != "en"
    rule = item.rule
    if value is None:
        return ""
    if isinstance(rule, YesNoRule):
        if vi:
            return rule.yes_label if value else rule.no_label
        return "Yes" if value else "No"
    if isinstance(rule, ChoiceRule):
        opt = rule.option(str(value))
        return opt.label if opt is not None else str(value)
    if isinstance(rule, RatioTiersRule) and isinstance(value, Ratio):
        pct = value.percent.quantize(Decimal("0.01"))
        return f"{rule.numerator_label}: {value.numerator}; {rule.denominator_label}: {value.denominator} " \
               f"({_num(pct, lang)}%)"
    if isinstance(rule, PercentTiersRule):
        return f"{_num(value, lang)}%"
    if isinstance(rule, DeductionRule):
        return f"{value} lần vi phạm" if vi else f"{value} violation(s)"
    return f"{_num(value, lang)} điểm" if vi else f"{_num(value, lang)} points"


def answer_text(item: Item, answer: Answer | None, lang: str = "vi") -> str:
    """What the agency entered for a leaf: its value, or N/A and why; "" if nothing."""
    if answer is None:
        return ""
    if answer.not_applicable:
        label = item.na_label or ("Không áp dụng" if lang != "en" else "Not applicable")
        return f"{label}: {answer.na_reason}" if answer.na_reason else label
    return value_text(item, answer.value, lang)


def package_answer_text(item: Item, answer: PackageAnswer | None, lang: str = "vi") -> str:
    """The same for a stored package answer (the comparison between two submissions)."""
    if answer is None:
        return ""
    from ..scoring.rules import parse_value

    value = None
    if answer.value_json is not None:
        try:
            value = parse_value(item, json.loads(answer.value_json, parse_float=Decimal))
        except Exception:  # noqa: BLE001 - an old value the rule refuses is shown as stored
            return answer.value_json
    return answer_text(item, Answer(item.code, value, answer.not_applicable, answer.reason, answer.note), lang)


def date_text(iso: str) -> str:
    """2026-01-15 -> 15/01/2026 (the Vietnamese order); anything else as it is."""
    parts = iso.split("-")
    if len(parts) == 3 and all(p.isdigit() for p in parts):
        return f"{parts[2]}/{parts[1]}/{parts[0]}"
    return iso


def progress(fw: Framework, review: AgencyReview) -> tuple[int, int]:
    """(appraised, to appraise) counted as the dashboard counts them (overview: bonus and penalty
    leaves aside), so both screens always show the same numbers."""
    adjustments = {a.code for a in fw.adjustments}
    leaves = [i.code for i in fw.leaves() if appraisable(i) and i.code not in adjustments]
    return sum(1 for c in leaves if c in review.appraisals), len(leaves)
