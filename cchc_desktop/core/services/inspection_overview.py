"""The council's dashboard and ranking: every agency's status, self score, final score and progress.

Read in bulk (one query per table, not per agency) so the dashboard of a 150-agency round opens
at once; the scoring itself is the pure core (`scoring.appraisal`).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..framework.model import Scorer
from ..scoring.appraisal import (
    Appraisal,
    RankEntry,
    RankInput,
    effective_appraisals,
    final_sheet,
    rank,
    self_leaves_from_scores,
)
from ..scoring.engine import Answer, LeafResult, ScoreSheet, self_assessment
from ..storage.orm import (
    AgencyRow,
    AppraisalConflictRow,
    AppraisalRow,
    PackageAnswerRow,
    PackageRow,
    SurveyPointRow,
)
from .inspection_appraisal import appraisable, appraisal_of, disagreements
from .inspection_records import (
    APPRAISED,
    FINAL,
    IN_APPRAISAL,
    NOT_SUBMITTED,
    REBUTTAL,
    SUBMITTED,
    AgencyOverview,
)

if TYPE_CHECKING:
    from .inspection import InspectionWorkspace


@dataclass(frozen=True)
class AgencyState:
    """Everything scoring needs about one agency, loaded in bulk."""

    agency: AgencyRow
    submission: str | None  # manifest hash of the latest submission
    has_rebuttal: bool
    own: Mapping[str, LeafResult]  # the agency's own result per leaf
    self_points: Decimal | None  # its self-score as recomputed at import
    self_percent: Decimal | None
    appraisals: Mapping[str, Appraisal]  # effective (latest round) per leaf
    appraised_codes: frozenset[str]  # leaves with an appraisal in any round
    survey: Mapping[str, Decimal]
    open_conflicts: int


@dataclass(frozen=True)
class _Own:
    leaves: Mapping[str, LeafResult]
    points: Decimal | None
    percent: Decimal | None


def load_states(ws: InspectionWorkspace, agency_code: str | None = None) -> list[AgencyState]:
    """Every agency's state in a handful of queries.  The agency's own leaf results come from the
    scores the council recomputed at import (stored with the package) and the N/A codes: no answer
    is parsed again, and a package never changes, so they are kept for the session."""
    fw = ws.framework
    cache: dict[str, _Own] = ws.__dict__.setdefault("_own_results", {})
    with Session(ws.engine) as s:
        q = select(AgencyRow).order_by(AgencyRow.code)
        if agency_code is not None:
            q = q.where(AgencyRow.code == agency_code)
        agencies = list(s.scalars(q))
        latest: dict[tuple[str, str], str] = {}
        pq = select(PackageRow.agency_code, PackageRow.kind, PackageRow.manifest_sha256).order_by(PackageRow.sequence)
        if agency_code is not None:
            pq = pq.where(PackageRow.agency_code == agency_code)
        for code, kind, sha in s.execute(pq):
            latest[(code, kind)] = sha  # ascending order: the last one wins
        wanted = {sha for (code, kind), sha in latest.items() if kind == "submission" and sha not in cache}
        if wanted:
            na: dict[str, list[str]] = defaultdict(list)
            for sha, item_code in s.execute(select(PackageAnswerRow.manifest_sha256, PackageAnswerRow.item_code)
                                            .where(PackageAnswerRow.manifest_sha256.in_(wanted),
                                                   PackageAnswerRow.not_applicable.is_(True))):
                na[sha].append(item_code)
            for sha, score_json in s.execute(select(PackageRow.manifest_sha256, PackageRow.recomputed_score_json)
                                             .where(PackageRow.manifest_sha256.in_(wanted))):
                doc = json.loads(score_json)
                points = {code: Decimal(v) for code, v in doc.get("items", {}).items()}
                cache[sha] = _Own(self_leaves_from_scores(fw, points, na.get(sha, ())),
                                  _dec(doc.get("final_points")), _dec(doc.get("percent")))
        aq = select(AppraisalRow)
        sq = select(SurveyPointRow)
        if agency_code is not None:
            aq, sq = aq.where(AppraisalRow.agency_code == agency_code), sq.where(SurveyPointRow.agency_code == agency_code)
        appraisals: dict[str, list[Appraisal]] = defaultdict(list)
        # Plain rows, not ORM objects: thousands of appraisals in a big round.
        for r in s.execute(aq.with_only_columns(*AppraisalRow.__table__.c)):
            appraisals[r.agency_code].append(appraisal_of(r))
        survey: dict[str, dict[str, Decimal]] = defaultdict(dict)
        for r in s.execute(sq.with_only_columns(*SurveyPointRow.__table__.c)):
            survey[r.agency_code][r.item_code] = Decimal(r.points)
        conflicts = dict(s.execute(select(AppraisalConflictRow.agency_code, func.count())
                                   .where(AppraisalConflictRow.resolved_at.is_(None))
                                   .group_by(AppraisalConflictRow.agency_code)).all())
        s.expunge_all()
    out = []
    for a in agencies:
        sha = latest.get((a.code, "submission"))
        own = cache[sha] if sha else _Own({}, None, None)
        mine = appraisals.get(a.code, [])
        out.append(AgencyState(a, sha, (a.code, "rebuttal") in latest, own.leaves, own.points, own.percent,
                               effective_appraisals(mine), frozenset(x.code for x in mine), survey.get(a.code, {}),
                               conflicts.get(a.code, 0)))
    return out


def _dec(raw: object) -> Decimal | None:
    return None if raw is None else Decimal(str(raw))


def self_sheet_of(ws: InspectionWorkspace, sha: str, answers: Mapping[str, Answer]) -> ScoreSheet:
    """The agency's own score of a package (cached: the package never changes)."""
    cache: dict[str, ScoreSheet] = ws.__dict__.setdefault("_self_sheets", {})
    if sha not in cache:
        cache[sha] = self_assessment(ws.framework, answers)
    return cache[sha]


def state_sheet(ws: InspectionWorkspace, st: AgencyState) -> ScoreSheet:
    return final_sheet(ws.framework, st.own, st.appraisals, st.survey)


def overview_of(ws: InspectionWorkspace, st: AgencyState) -> AgencyOverview:
    fw = ws.framework
    adjustments = {a.code for a in fw.adjustments}
    leaves = [i for i in fw.leaves() if appraisable(i) and i.code not in adjustments]
    survey_leaves = [i for i in fw.leaves() if i.scorer is Scorer.SURVEY]
    if st.submission is None:
        return AgencyOverview(st.agency.code, st.agency.name, st.agency.expected, NOT_SUBMITTED, 1, None, None, None,
                              None, None, None, 0, len(leaves), 0, st.open_conflicts, False)
    final = state_sheet(ws, st)
    appraised = sum(1 for i in leaves if i.code in st.appraised_codes)
    if st.agency.final_at:
        status = FINAL
    elif st.has_rebuttal:
        status = REBUTTAL
    elif appraised == 0:
        status = SUBMITTED
    elif appraised < len(leaves):
        status = IN_APPRAISAL
    else:
        status = APPRAISED
    return AgencyOverview(
        code=st.agency.code, name=st.agency.name, expected=st.agency.expected, status=status,
        round=2 if st.has_rebuttal else 1, package_sha256=st.submission,
        self_points=st.self_points, self_percent=st.self_percent,
        final_points=final.final_points, applicable_max=final.applicable_max, percent=final.percent,
        appraised=appraised, to_appraise=len(leaves), disagreements=len(disagreements(fw, st.appraisals, st.own)),
        open_conflicts=st.open_conflicts, surveyed=all(i.code in st.survey for i in survey_leaves),
    )


def overview(ws: InspectionWorkspace) -> list[AgencyOverview]:
    """The dashboard: every agency of the round (expected or having submitted), by code."""
    return [overview_of(ws, st) for st in load_states(ws)]


def ranking(ws: InspectionWorkspace) -> list[RankEntry]:
    """Agencies that submitted, ranked by their index; see scoring.appraisal.rank for ties."""
    inputs = []
    for st in load_states(ws):
        if st.submission is None:
            continue
        sheet = state_sheet(ws, st)
        inputs.append(RankInput(st.agency.code, st.agency.name, sheet.final_points, sheet.applicable_max, sheet.percent))
    return rank(ws.framework, inputs)


@dataclass(frozen=True)
class FieldAverage:
    code: str
    title: str
    percent: Decimal  # mean over the agencies of field points / field applicable max x 100
    agencies: int  # agencies the field applies to


@dataclass(frozen=True)
class RoundStatistics:
    """What the council's charts show: agencies per category and each field's average."""

    categories: tuple[tuple[str, int], ...]  # (category name, agencies), the framework's order
    fields: tuple[FieldAverage, ...]
    ranked: int


def statistics(ws: InspectionWorkspace) -> RoundStatistics:
    from decimal import ROUND_HALF_UP

    fw = ws.framework
    per_cat = {c.name: 0 for c in fw.categories}
    sums: dict[str, list[Decimal]] = {f.code: [] for f in fw.fields}
    ranked = 0
    for st in load_states(ws):
        if st.submission is None:
            continue
        sheet = state_sheet(ws, st)
        ranked += 1
        if sheet.category is not None:
            per_cat[sheet.category.name] = per_cat.get(sheet.category.name, 0) + 1
        for f in sheet.fields:
            if f.applicable_max > 0:
                sums[f.code].append(f.points * 100 / f.applicable_max)
    fields = tuple(FieldAverage(f.code, f.title,
                                (sum(sums[f.code], Decimal(0)) / len(sums[f.code])).quantize(Decimal("0.01"), ROUND_HALF_UP)
                                if sums[f.code] else Decimal(0), len(sums[f.code])) for f in fw.fields)
    return RoundStatistics(tuple(per_cat.items()), fields, ranked)
