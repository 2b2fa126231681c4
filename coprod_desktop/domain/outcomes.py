"""What co-production delivered: outcomes against targets, the four Co's, and a public value
account per type and sector (Moore's account: outcomes set against the resources used).

Pure functions of `InitiativeData`, shared by the dashboard, the portfolio review and the
committee brief, so every number they print can be tested without a database or a PDF.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from coprod_desktop.domain.model import InitiativeData, OutcomeData
from coprod_desktop.domain.vocab import CoPhase, ResourceKind

UNCLASSIFIED = "unclassified"
NO_PHASE = "no_phase"


def outcome_reached(outcome: OutcomeData) -> bool | None:
    """Whether the achieved value reached the target: None when either is missing. A target
    below the baseline aims at less (waiting days, complaints), so reaching it means at most."""
    if outcome.target is None or outcome.achieved is None:
        return None
    if outcome.baseline is not None and outcome.target < outcome.baseline:
        return outcome.achieved <= outcome.target
    return outcome.achieved >= outcome.target


def phase_crosstab(initiatives: Iterable[InitiativeData]) -> dict[str, Counter[str]]:
    """Type -> co-production phase -> number of initiatives covering it. An initiative counts
    once in every phase it covers; one that names no phase counts under NO_PHASE."""
    table: dict[str, Counter[str]] = {}
    for item in initiatives:
        row = table.setdefault(item.type or UNCLASSIFIED, Counter())
        phases = [p for p in item.co_phases if CoPhase.is_key(p)]
        if not phases:
            row[NO_PHASE] += 1
        for phase in dict.fromkeys(phases):
            row[phase] += 1
    return table


@dataclass
class ValueLine:
    """The public value account of one group of initiatives (a type or a sector)."""

    group: str
    initiatives: int = 0
    with_outcomes: int = 0
    outcomes: int = 0
    measured: int = 0  # outcomes with both a target and an achieved value
    reached: int = 0
    co_assessed: int = 0
    municipal_dkk: float = 0.0
    mobilised_dkk: float = 0.0
    staff_hours: float = 0.0
    volunteer_hours: float = 0.0
    without_outcomes: list[InitiativeData] = field(default_factory=list)

    @property
    def reached_share(self) -> float | None:
        return self.reached / self.measured if self.measured else None

    @property
    def co_assessed_share(self) -> float | None:
        return self.co_assessed / self.outcomes if self.outcomes else None


def _add(line: ValueLine, item: InitiativeData) -> None:
    line.initiatives += 1
    if item.outcomes:
        line.with_outcomes += 1
    else:
        line.without_outcomes.append(item)
    for outcome in item.outcomes:
        line.outcomes += 1
        reached = outcome_reached(outcome)
        if reached is not None:
            line.measured += 1
            line.reached += int(reached)
        line.co_assessed += int(bool(outcome.co_assessed))
    for res in item.resources:
        if res.planned:
            continue  # the account sets what was used against what was achieved
        if res.kind == ResourceKind.MUNICIPAL_BUDGET:
            line.municipal_dkk += res.amount
        elif res.kind == ResourceKind.EXTERNAL_FUNDING:
            line.mobilised_dkk += res.amount
        elif res.kind == ResourceKind.STAFF_HOURS:
            line.staff_hours += res.amount
        elif res.kind == ResourceKind.VOLUNTEER_HOURS:
            line.volunteer_hours += res.amount


@dataclass
class ValueAccount:
    by_type: list[ValueLine]
    by_sector: list[ValueLine]
    total: ValueLine


def value_account(initiatives: Sequence[InitiativeData]) -> ValueAccount:
    """The public value account per type and per sector, in a stable order."""
    types: dict[str, ValueLine] = {}
    sectors: dict[str, ValueLine] = {}
    total = ValueLine("total")
    for item in initiatives:
        kind = item.type or UNCLASSIFIED
        _add(types.setdefault(kind, ValueLine(kind)), item)
        _add(sectors.setdefault(item.sector, ValueLine(item.sector)), item)
        _add(total, item)
    return ValueAccount(
        by_type=[types[k] for k in sorted(types, key=lambda k: (k == UNCLASSIFIED, k))],
        by_sector=[sectors[k] for k in sorted(sectors)],
        total=total,
    )


@dataclass(frozen=True)
class Delivered:
    """One reached or measured outcome for a public brief (no evidence text: it may name
    people and is not needed to say what was delivered)."""

    reference: str
    title: str
    type: str | None
    indicator: str
    unit: str | None
    baseline: float | None
    target: float | None
    achieved: float | None
    reached: bool | None
    co_assessed: bool


def delivered(initiatives: Iterable[InitiativeData]) -> list[Delivered]:
    """Every outcome with an achieved value, reached ones first, then by reference."""
    rows = [
        Delivered(
            item.reference or "",
            item.title,
            item.type,
            outcome.indicator,
            outcome.unit,
            outcome.baseline,
            outcome.target,
            outcome.achieved,
            outcome_reached(outcome),
            bool(outcome.co_assessed),
        )
        for item in initiatives
        for outcome in item.outcomes
        if outcome.achieved is not None
    ]
    rows.sort(key=lambda r: (r.reached is not True, r.reference, r.indicator))
    return rows
