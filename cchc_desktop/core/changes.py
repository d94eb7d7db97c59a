"""What an operation changed, so each view refreshes only what it shows (Anki's OpChanges)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Changes:
    items: frozenset[str] = field(default_factory=frozenset)  # item codes whose answer changed
    evidence: bool = False  # documents or links changed
    score: bool = False  # totals must be recomputed
    workspace: bool = False  # a different workspace / everything

    def __or__(self, other: "Changes") -> "Changes":
        return Changes(
            self.items | other.items,
            self.evidence or other.evidence,
            self.score or other.score,
            self.workspace or other.workspace,
        )


NOTHING = Changes()
