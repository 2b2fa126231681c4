"""Figures for a set of initiatives: the numbers behind the portfolio review, the committee
brief and the on-screen dashboard (ui/dashboard.py).

Pure functions of `InitiativeData` lists and a date, so every number in a brief can be tested
without a database or a PDF.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from coprod_desktop.domain.assessment import Signal, attention_signals
from coprod_desktop.domain.model import CommitmentData, InitiativeData, MandateData, ResourceData
from coprod_desktop.domain.vocab import MUNICIPAL_RESOURCE_KINDS, ResourceKind

UNCLASSIFIED = "unclassified"
UNKNOWN = "unknown"
MUNICIPAL = "municipal"
MOBILISED = "mobilised"
SIGNAL_RANK = {"high": 0, "medium": 1, "low": 2}


def is_municipal(resource: ResourceData) -> bool:
    return resource.kind in MUNICIPAL_RESOURCE_KINDS


def resource_unit(resource: ResourceData) -> str:
    """ "DKK" and "hours" for the kinds counted in them, else the kind itself (free-text units)."""
    if resource.kind in (ResourceKind.MUNICIPAL_BUDGET, ResourceKind.EXTERNAL_FUNDING):
        return "DKK"
    if resource.kind in (ResourceKind.STAFF_HOURS, ResourceKind.VOLUNTEER_HOURS):
        return "hours"
    return resource.kind


@dataclass
class ResourceLine:
    """Planned and actual amounts of one side (municipal/mobilised) in one unit."""

    side: str
    unit: str
    planned: float = 0.0
    actual: float = 0.0
    entries: int = 0

    @property
    def total(self) -> float:
        return self.planned + self.actual


def _add_resource(lines: dict[tuple[str, str], ResourceLine], res: ResourceData) -> None:
    side = MUNICIPAL if is_municipal(res) else MOBILISED
    unit = resource_unit(res)
    line = lines.get((side, unit))
    if line is None:
        line = lines[(side, unit)] = ResourceLine(side, unit)
    if res.planned:
        line.planned += res.amount
    else:
        line.actual += res.amount
    line.entries += 1


def _ordered(lines: Iterable[ResourceLine]) -> list[ResourceLine]:
    order = {"DKK": 0, "hours": 1}
    return sorted(lines, key=lambda x: (x.side != MUNICIPAL, order.get(x.unit, 2), x.unit))


def resource_lines(resources: Iterable[ResourceData]) -> list[ResourceLine]:
    """Resources summed by side and unit; entries with unknown planned state count as actual."""
    lines: dict[tuple[str, str], ResourceLine] = {}
    for res in resources:
        _add_resource(lines, res)
    return _ordered(lines.values())


def current_mandate(initiative: InitiativeData) -> MandateData | None:
    """The latest decided mandate (the one the attention signals judge)."""
    mandates = sorted(initiative.mandates, key=lambda m: (m.decided_on or date.min, m.id or 0))
    return mandates[-1] if mandates else None


@dataclass
class Attention:
    initiative: InitiativeData
    signals: list[Signal]

    @property
    def worst(self) -> int:
        return min((SIGNAL_RANK.get(s.severity, 3) for s in self.signals), default=3)


@dataclass
class PortfolioFigures:
    count: int = 0
    by_status: Counter[str] = field(default_factory=Counter)
    by_type: Counter[str] = field(default_factory=Counter)
    by_sector: Counter[str] = field(default_factory=Counter)
    by_origin: Counter[str] = field(default_factory=Counter)
    type_by_sector: dict[str, Counter[str]] = field(default_factory=dict)
    # open (unresolved) cross-pressures: category -> severity -> count
    open_pressures: dict[str, Counter[int]] = field(default_factory=dict)
    resources: list[ResourceLine] = field(default_factory=list)
    public_values: Counter[str] = field(default_factory=Counter)
    # distinct stakeholders involved, by kind; persons counted apart by kind
    organisations: Counter[str] = field(default_factory=Counter)
    persons: Counter[str] = field(default_factory=Counter)
    attention: list[Attention] = field(default_factory=list)
    signal_counts: Counter[str] = field(default_factory=Counter)
    no_mandate: list[InitiativeData] = field(default_factory=list)
    unclear_mandate: list[InitiativeData] = field(default_factory=list)
    not_anchored: list[InitiativeData] = field(default_factory=list)
    short_of_resources: list[InitiativeData] = field(default_factory=list)
    # commitments: kept, kept_on_time, overdue (open past due), dropped, open
    commitments: Counter[str] = field(default_factory=Counter)

    @property
    def open_pressure_total(self) -> int:
        return sum(sum(c.values()) for c in self.open_pressures.values())

    @property
    def high_severity_open(self) -> int:
        return sum(c.get(3, 0) for c in self.open_pressures.values())

    def resource(self, side: str, unit: str) -> ResourceLine:
        for line in self.resources:
            if line.side == side and line.unit == unit:
                return line
        return ResourceLine(side, unit)


class FiguresAccumulator:
    """Portfolio figures built one initiative at a time, from signals worked out beforehand.

    `add(item, signals)` for each initiative, then `result()`. The figures equal
    `portfolio_figures` of the same initiatives in the same order when `signals` are what
    `attention_signals` gives for them (portfolio_figures is built on this). With
    `keep_initiatives=False` no initiative is kept: `attention`, `no_mandate`,
    `unclear_mandate`, `not_anchored` and `short_of_resources` stay empty (`signal_counts`
    is still counted), so a whole municipal portfolio can be streamed through in chunks.
    """

    def __init__(self, *, keep_initiatives: bool = True, today: date | None = None) -> None:
        self.keep_initiatives = keep_initiatives
        self.today = today  # for overdue commitments (none counted without it)
        self._figures = PortfolioFigures()
        self._lines: dict[tuple[str, str], ResourceLine] = {}
        self._seen_stakeholders: set[int | str] = set()

    def add(self, item: InitiativeData, signals: Sequence[Signal]) -> None:
        figures = self._figures
        figures.count += 1
        kind = item.type or UNCLASSIFIED
        figures.by_status[item.status] += 1
        figures.by_type[kind] += 1
        figures.by_sector[item.sector] += 1
        figures.by_origin[item.origin or UNKNOWN] += 1
        by_sector = figures.type_by_sector.get(item.sector)
        if by_sector is None:
            by_sector = figures.type_by_sector[item.sector] = Counter()
        by_sector[kind] += 1
        short_of_resources = False
        for pressure in item.cross_pressures:
            if pressure.status != "resolved":
                figures.open_pressures.setdefault(pressure.category, Counter())[
                    pressure.severity
                ] += 1
                if pressure.category == "insufficient_resources":
                    short_of_resources = True
        for res in item.resources:
            _add_resource(self._lines, res)
        if item.commitments:
            figures.commitments.update(commitment_counts(item.commitments, self.today))
        if item.public_values:
            figures.public_values.update(set(item.public_values))
        seen = self._seen_stakeholders
        for inv in item.involvements:
            key: int | str = (
                inv.stakeholder_id
                if inv.stakeholder_id is not None
                else f"{inv.stakeholder_name}|{inv.stakeholder_kind}"
            )
            if key in seen:
                continue
            seen.add(key)
            target = figures.persons if inv.stakeholder_is_person else figures.organisations
            target[inv.stakeholder_kind] += 1
        if signals:
            figures.signal_counts.update(s.key for s in signals)
        if not self.keep_initiatives:
            return
        if signals:
            figures.attention.append(Attention(item, list(signals)))
        keys = {s.key for s in signals}
        if "no_mandate" in keys:
            figures.no_mandate.append(item)
        if "mandate_unclear" in keys or "mandate_expired" in keys:
            figures.unclear_mandate.append(item)
        if "no_political_anchoring" in keys:
            figures.not_anchored.append(item)
        if short_of_resources:
            figures.short_of_resources.append(item)

    def result(self) -> PortfolioFigures:
        """The figures of everything added so far (resources ordered, attention sorted)."""
        figures = self._figures
        figures.resources = _ordered(self._lines.values())
        figures.attention.sort(
            key=lambda a: (a.worst, -len(a.signals), a.initiative.reference or "")
        )
        return figures


def commitment_counts(commitments: Sequence[CommitmentData], today: date | None) -> Counter[str]:
    """Kept (and of those on time: done by the due date, or undated), overdue (still open
    past the due date), dropped and open commitments."""
    found: Counter[str] = Counter()
    for c in commitments:
        if c.status == "done":
            found["kept"] += 1
            if c.due_on is None or c.done_on is None or c.done_on <= c.due_on:
                found["kept_on_time"] += 1
        elif c.status == "dropped":
            found["dropped"] += 1
        else:
            found["open"] += 1
            if today is not None and c.due_on is not None and c.due_on < today:
                found["overdue"] += 1
    return found


def portfolio_figures(initiatives: Sequence[InitiativeData], today: date) -> PortfolioFigures:
    """Everything the portfolio review and the committee brief count."""
    accumulator = FiguresAccumulator(today=today)
    for item in initiatives:
        accumulator.add(item, attention_signals(item, today))
    return accumulator.result()
