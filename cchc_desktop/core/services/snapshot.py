"""An immutable picture of an agency workspace after an operation.

The GUI's worker thread builds it right after each operation, so widgets on the GUI thread only
ever read frozen data and never race with the thread that writes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping

from ..scoring.engine import Answer, ScoreSheet
from ..storage.records import CarriedMark, EvidenceDocument, ItemEvidence, WorkspaceInfo
from .agency import AgencyWorkspace, AnswerState


@dataclass(frozen=True)
class AgencySnapshot:
    info: WorkspaceInfo
    score: ScoreSheet
    answers: Mapping[str, Answer]
    states: Mapping[str, AnswerState]
    documents: tuple[EvidenceDocument, ...]
    evidence: Mapping[str, tuple[ItemEvidence, ...]]
    undo_label: tuple[str, str] | None
    redo_label: tuple[str, str] | None
    evidence_bytes: int
    evidence_limit: int
    carried: Mapping[str, CarriedMark] = field(default_factory=dict)  # "to confirm" (from last year)

    def evidence_for(self, code: str) -> tuple[ItemEvidence, ...]:
        return self.evidence.get(code, ())

    def state_of(self, code: str) -> AnswerState:
        return self.states.get(code, AnswerState())


def take_snapshot(ws: AgencyWorkspace) -> AgencySnapshot:
    docs = tuple(ws.documents())
    evidence: dict[str, list[ItemEvidence]] = {}
    for d in docs:
        for code, pages in d.links:
            evidence.setdefault(code, []).append(ItemEvidence(d, pages))
    return AgencySnapshot(
        info=ws.info(),
        score=ws.score(),
        answers=ws.answers(),
        states={code: ws.state_of(code) for code in ws.answers()},
        documents=docs,
        evidence={k: tuple(v) for k, v in evidence.items()},
        undo_label=ws.undo_label,
        redo_label=ws.redo_label,
        evidence_bytes=ws.evidence_bytes(),
        evidence_limit=ws.evidence_limit,
        carried=ws.carried(),
    )
