"""The scoring framework (bộ tiêu chí) as frozen dataclasses.

A framework is a tree: field (lĩnh vực) -> criterion (tiêu chí) -> sub-criterion (tiêu chí thành
phần).  Only leaves carry a rule; a parent's points are the capped sum of its children's.  Bonus and
penalty items (điểm thưởng / điểm trừ) live in a separate list because they do not count toward the
maximum: they adjust the total within the framework's caps.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum
from typing import Iterator, Union


class Level(str, Enum):
    """Agency level assessed by a framework.  Data, not code: districts exist in older years."""

    PROVINCIAL_AGENCY = "so"  # sở, ban, ngành
    DISTRICT = "huyen"  # UBND cấp huyện (until 07/2025)
    COMMUNE = "xa"  # UBND xã, phường, đặc khu


LEVEL_NAMES_VI = {
    Level.PROVINCIAL_AGENCY: "Sở, ban, ngành",
    Level.DISTRICT: "UBND cấp huyện",
    Level.COMMUNE: "UBND cấp xã",
}


class Scorer(str, Enum):
    """Who sets the points of a leaf."""

    AGENCY = "agency"  # self-assessed, then appraised by the council
    COUNCIL = "council"  # appraiser-only
    SURVEY = "survey"  # filled from the sociological survey / SIPAS


class NaMode(str, Enum):
    """What 'not applicable' (không phát sinh / không áp dụng) does to an item."""

    FULL = "full"  # counts as full points (e.g. no complaints received this year)
    EXCLUDE = "exclude"  # leaves both the points and the applicable maximum


# ---------------------------------------------------------------- rules (one class per kind)


@dataclass(frozen=True)
class YesNoRule:
    """Đạt / không đạt: full points or 0."""

    kind = "yes_no"
    yes_label: str = "Đạt"
    no_label: str = "Không đạt"


@dataclass(frozen=True)
class ChoiceOption:
    key: str
    label: str
    points: Decimal


@dataclass(frozen=True)
class ChoiceRule:
    """Tiers by choice, e.g. issued on time 1 / late 0.5 / not issued 0."""

    kind = "choice"
    options: tuple[ChoiceOption, ...]

    def option(self, key: str) -> ChoiceOption | None:
        return next((o for o in self.options if o.key == key), None)


@dataclass(frozen=True)
class Tier:
    """A percentage band.  `low`/`high` None means unbounded; inclusiveness is data."""

    points: Decimal
    low: Decimal | None = None
    high: Decimal | None = None
    low_inclusive: bool = True
    high_inclusive: bool = False

    def contains(self, percent: Decimal) -> bool:
        if self.low is not None:
            if percent < self.low or (percent == self.low and not self.low_inclusive):
                return False
        if self.high is not None:
            if percent > self.high or (percent == self.high and not self.high_inclusive):
                return False
        return True


@dataclass(frozen=True)
class PercentTiersRule:
    """Tiers by a percentage the agency reports, e.g. >90%: 2; 70-90%: 1; <70%: 0."""

    kind = "percent_tiers"
    tiers: tuple[Tier, ...]
    monotonic: bool = True  # points never decrease as the percentage rises
    unit_label: str = "Tỷ lệ (%)"


@dataclass(frozen=True)
class RatioTiersRule:
    """A ratio of two counts x 100, then tiered (e.g. dossiers on time / dossiers received)."""

    kind = "ratio_tiers"
    tiers: tuple[Tier, ...]
    numerator_label: str
    denominator_label: str
    monotonic: bool = True


@dataclass(frozen=True)
class DeductionRule:
    """Minus `per_violation` for each violation, never below `floor`."""

    kind = "deduction"
    per_violation: Decimal
    floor: Decimal = Decimal(0)
    count_label: str = "Số lần vi phạm"


@dataclass(frozen=True)
class ManualRule:
    """Points entered directly, between 0 and the max, in steps of `step` when given."""

    kind = "manual"
    step: Decimal | None = None


@dataclass(frozen=True)
class CouncilRule:
    """Appraiser-only: the council scores it; the agency only explains and attaches evidence."""

    kind = "council"
    step: Decimal | None = None


@dataclass(frozen=True)
class SurveyRule:
    """Filled from survey results (điều tra xã hội học, SIPAS); never self-scored."""

    kind = "survey"


@dataclass(frozen=True)
class BonusRule:
    """Bonus points (điểm thưởng) up to the item's max; the framework caps their sum."""

    kind = "bonus"
    step: Decimal | None = None


@dataclass(frozen=True)
class PenaltyRule:
    """Penalty points (điểm trừ) up to the item's max; the framework caps their sum."""

    kind = "penalty"
    step: Decimal | None = None


Rule = Union[
    YesNoRule,
    ChoiceRule,
    PercentTiersRule,
    RatioTiersRule,
    DeductionRule,
    ManualRule,
    CouncilRule,
    SurveyRule,
    BonusRule,
    PenaltyRule,
]

RULE_KINDS: tuple[str, ...] = (
    "yes_no",
    "choice",
    "percent_tiers",
    "ratio_tiers",
    "deduction",
    "manual",
    "council",
    "survey",
    "bonus",
    "penalty",
)

ADJUSTMENT_KINDS = frozenset({"bonus", "penalty"})


def scorer_of(rule: Rule) -> Scorer:
    if rule.kind == "council":
        return Scorer.COUNCIL
    if rule.kind == "survey":
        return Scorer.SURVEY
    return Scorer.AGENCY


# ---------------------------------------------------------------- tree


@dataclass(frozen=True)
class EvidenceRequirement:
    required: bool = False
    hint: str = ""


@dataclass(frozen=True)
class Item:
    """One node of the tree.  A leaf has a rule; an inner node has children and no rule."""

    code: str
    title: str
    max_points: Decimal
    rule: Rule | None = None
    children: tuple["Item", ...] = ()
    na_mode: NaMode | None = None  # None: N/A is not allowed for this item
    na_label: str = ""
    evidence: EvidenceRequirement = field(default_factory=EvidenceRequirement)
    guidance: str = ""
    depth: int = 1  # 1 field, 2 criterion, 3 sub-criterion

    @property
    def is_leaf(self) -> bool:
        return not self.children

    @property
    def scorer(self) -> Scorer | None:
        return scorer_of(self.rule) if self.rule is not None else None

    def walk(self) -> Iterator["Item"]:
        yield self
        for child in self.children:
            yield from child.walk()

    def leaves(self) -> Iterator["Item"]:
        return (i for i in self.walk() if i.is_leaf)


@dataclass(frozen=True)
class Category:
    """A ranking category (xếp loại) with an inclusive lower bound in percent."""

    key: str
    name: str
    min_percent: Decimal


@dataclass(frozen=True)
class LegalBasis:
    number: str = ""  # số ký hiệu of the decision, e.g. "3604/QĐ-UBND"
    date: str = ""  # ISO date
    issuer: str = ""


@dataclass(frozen=True)
class Framework:
    id: str
    title: str
    level: Level
    year: int
    total: Decimal
    categories: tuple[Category, ...]  # from the highest to the lowest
    fields: tuple[Item, ...]
    adjustments: tuple[Item, ...] = ()
    bonus_cap: Decimal = Decimal(0)
    penalty_cap: Decimal = Decimal(0)
    legal_basis: LegalBasis = field(default_factory=LegalBasis)
    sample: bool = False
    description: str = ""
    format_version: int = 1
    sha256: str = ""  # of the canonical form; set by the loader

    def walk(self) -> Iterator[Item]:
        for f in self.fields:
            yield from f.walk()
        yield from self.adjustments

    def leaves(self) -> Iterator[Item]:
        # Walked for every agency on the council's dashboard: the frozen tree's leaves are listed once.
        cached = self.__dict__.get("_leaf_cache")
        if cached is None:
            cached = tuple(i for i in self.walk() if i.is_leaf)
            object.__setattr__(self, "_leaf_cache", cached)
        return iter(cached)

    def item(self, code: str) -> Item:
        try:
            return self._index()[code]
        except KeyError:
            from ..errors import InvalidInput

            raise InvalidInput(
                f"Không có tiêu chí mã “{code}” trong bộ tiêu chí {self.id}.",
                f"No item with code '{code}' in framework {self.id}.",
            ) from None

    def has_item(self, code: str) -> bool:
        return code in self._index()

    def parent_of(self, code: str) -> Item | None:
        return self._parents().get(code)

    def _index(self) -> dict[str, Item]:
        cached = self.__dict__.get("_index_cache")
        if cached is None:
            cached = {i.code: i for i in self.walk()}
            object.__setattr__(self, "_index_cache", cached)
        return cached

    def _parents(self) -> dict[str, Item]:
        cached = self.__dict__.get("_parent_cache")
        if cached is None:
            cached = {c.code: i for i in self.walk() for c in i.children}
            object.__setattr__(self, "_parent_cache", cached)
        return cached

    def category_for(self, percent: Decimal) -> Category | None:
        for cat in self.categories:
            if percent >= cat.min_percent:
                return cat
        return None
