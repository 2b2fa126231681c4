"""The portfolio's figures counted by the database: the dashboard and the committee brief.

The dashboard used to stream every initiative through Python
(`domain/figures.FiguresAccumulator` and `domain/assessment.attention_signals`), which took
some 15 s at 100,000 initiatives; that computation is kept as the reference in
tests/core/services/dashboard_reference.py. `sql_figures` gives the same figures with a handful of
GROUP BY counts over the initiative table and its children; the attention signals are the
predicates of `services/attention.py` over the facts migration 0013 keeps on each initiative.
Lists of initiatives (those behind a bar, the attention list) are read when asked for, a
page at a time. tests/core/services/test_dashboard_figures.py proves the two agree on
generated portfolios on SQLite and PostgreSQL.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, overload

from sqlalchemy import text

from coprod_desktop.domain import model as d
from coprod_desktop.domain import vocab as v
from coprod_desktop.domain.assessment import (
    COMMITMENT_OVERDUE_HIGH_DAYS,
    COMMITMENT_OVERDUE_MEDIUM_DAYS,
    SIGNAL_KEYS,
    Signal,
    Thresholds,
    attention_signals,
)
from coprod_desktop.domain.committee import (
    NEEDS_SHOWN,
    PUBLIC_COUNTERPARTS,
    PUBLIC_PROMISES_SHOWN,
    CommitteeSummary,
    Need,
    Promises,
)
from coprod_desktop.domain.figures import (
    MOBILISED,
    MUNICIPAL,
    SIGNAL_RANK,
    UNCLASSIFIED,
    UNKNOWN,
    PortfolioFigures,
    ResourceLine,
)
from coprod_desktop.domain.outcomes import NO_PHASE
from coprod_desktop.services import attention, reporting
from coprod_desktop.services import portfolio_query as portfolio_service
from coprod_desktop.services.portfolio_query import PortfolioFilter
from coprod_desktop.store.db import Database

Key = tuple[str, str | None]  # (bar, series); series None = the whole bar
CHARTS = ("type_sector", "pressures", "resources", "origins", "signals", "phases")
COMMITMENT_COUNTS = ("kept", "kept_on_time", "overdue", "dropped", "open")


@dataclass
class AttentionEntry:
    id: int
    reference: str
    title: str
    signals: list[Signal]

    @property
    def worst(self) -> int:
        return min((SIGNAL_RANK.get(s.severity, 3) for s in self.signals), default=3)


@dataclass
class Figures:
    """The portfolio's figures as the dashboard and the committee brief show them.

    `figures` holds every count of `PortfolioFigures` but no initiatives (its attention lists
    stay empty); `by_type` the same per type (UNCLASSIFIED for none). `cells` is, per chart,
    how many initiatives stand behind each (bar, series) key; `commitments` the commitments
    kept, kept on time, overdue, dropped and open per "type" and per "sector"; `phase_counts`
    type -> co-production phase -> initiatives; `attention_count` the initiatives with any
    signal."""

    today: date
    figures: PortfolioFigures
    by_type: dict[str, PortfolioFigures] = field(default_factory=dict)
    cells: dict[str, dict[Key, int]] = field(default_factory=dict)
    commitments: dict[str, dict[str, Counter[str]]] = field(default_factory=dict)
    phase_counts: dict[str, dict[str, int]] = field(default_factory=dict)
    attention_count: int = 0

    @property
    def signal_counts(self) -> dict[str, int]:
        return {key: self.figures.signal_counts.get(key, 0) for key in SIGNAL_KEYS}


# ---------------------------------------------------------------------------- SQL pieces

_KIND = f"COALESCE(i.type, '{UNCLASSIFIED}')"
_UNITS = {
    v.ResourceKind.MUNICIPAL_BUDGET.value: "DKK",
    v.ResourceKind.EXTERNAL_FUNDING.value: "DKK",
    v.ResourceKind.STAFF_HOURS.value: "hours",
    v.ResourceKind.VOLUNTEER_HOURS.value: "hours",
}
# the side and unit of a resource entry, as domain/figures.is_municipal and resource_unit say
_SIDE = (
    "CASE WHEN r.kind IN ("
    + ", ".join(f"'{k.value}'" for k in sorted(v.MUNICIPAL_RESOURCE_KINDS, key=str))
    + f") THEN '{MUNICIPAL}' ELSE '{MOBILISED}' END"
)
_UNIT = (
    "CASE r.kind "
    + " ".join(f"WHEN '{k}' THEN '{u}'" for k, u in _UNITS.items())
    + " ELSE r.kind END"
)
_PLANNED = "CASE WHEN r.planned THEN 'planned' ELSE 'actual' END"  # unknown counts as actual
_OPEN_PRESSURE = "c.status != 'resolved'"
_DONE_ON_TIME = "(m.due_on IS NULL OR m.done_on IS NULL OR m.done_on <= m.due_on)"
_STILL_OPEN = "m.status NOT IN ('done', 'dropped')"

# severities that depend on more than the signal (domain/analysis.attention_signals)
_HIGH_EXTRA = {
    "mandate_unclear": "i.current_mandate_clarity = 'unclear'",
    "commitment_overdue": "i.earliest_open_due <= :overdue_high_before",
}
_MEDIUM_EXTRA = {"commitment_overdue": "i.earliest_open_due <= :overdue_medium_before"}
_SEVERITY = {
    "no_mandate": "high",
    "mandate_unclear": "medium",
    "mandate_expired": "high",
    "no_political_anchoring": "medium",
    "no_staff_time": "medium",
    "silo": "medium",
    "stale_pressure": "high",
    "stale_journal": "low",
    "review_overdue": "medium",
    "partner_trust": "medium",
    "commitment_overdue": "low",
    "no_outcomes": "medium",
    "outcomes_unmeasured": "low",
}
assert tuple(_SEVERITY) == SIGNAL_KEYS


def _and(where: str, condition: str) -> str:
    return f"{where} AND {condition}" if where else f" WHERE {condition}"


def _params(db: Database, today: date, thresholds: Thresholds) -> dict[str, Any]:
    found = attention.parameters(today, thresholds, db.dialect)
    extra = {
        "overdue_high_before": today - timedelta(days=COMMITMENT_OVERDUE_HIGH_DAYS),
        "overdue_medium_before": today - timedelta(days=COMMITMENT_OVERDUE_MEDIUM_DAYS),
    }
    for name, day in extra.items():
        found[name] = day.isoformat() if db.dialect == "sqlite" else day
    return found


def _rank_sql(dialect: str) -> str:
    """The rank of an initiative's worst signal (0 high, 1 medium, 2 low, 3 none)."""

    def fires(level: str, extra: dict[str, str]) -> list[str]:
        found = []
        for key, severity in _SEVERITY.items():
            rule = f"({attention.predicate(key, dialect)})"
            if severity == level:
                found.append(rule)
            elif key in extra:
                found.append(f"({rule} AND {extra[key]})")
        return found

    high = fires("high", _HIGH_EXTRA)
    medium = fires("medium", _MEDIUM_EXTRA)
    return (
        f"CASE WHEN {' OR '.join(high)} THEN 0 WHEN {' OR '.join(medium)} THEN 1"
        f" WHEN {attention.any_of(['any'], dialect)} THEN 2 ELSE 3 END"
    )


def _signal_count_sql(dialect: str) -> str:
    return " + ".join(
        f"CASE WHEN {attention.predicate(k, dialect)} THEN 1 ELSE 0 END" for k in SIGNAL_KEYS
    )


def _json_list(value: Any) -> list[str]:
    """A JSON list column as GROUP BY saw it (text; PostgreSQL's driver may decode it)."""
    if value is None:
        return []
    found = json.loads(value) if isinstance(value, str) else value
    return [str(x) for x in found] if isinstance(found, list) else []


def _where(db: Database, flt: PortfolioFilter | None, today: date) -> tuple[str, dict[str, Any]]:
    if flt is None or flt.is_empty():
        return "", {}
    return portfolio_service._where(flt, db.dialect, today)


# ---------------------------------------------------------------------------- the figures


def sql_figures(
    db: Database,
    today: date,
    thresholds: Thresholds,
    flt: PortfolioFilter | None = None,
    *,
    people: bool = False,
    charts: bool = True,
    count_attention: bool = True,
    check: Callable[[], None] | None = None,
) -> Figures:
    """The figures of the (filtered) portfolio, counted by the database. `check` is called
    between the queries (a cancelled operation raises there). The distinct stakeholders
    involved (`organisations`, `persons`) are counted with `people` only, for the whole
    selection (not per type). Without `charts`, only what the committee brief prints is
    counted: no signals, no commitments, no initiatives behind whole resource bars. Without
    `count_attention`, `attention_count` stays 0 (the dashboard counts its attention list)."""
    where, params = _where(db, flt, today)
    params = {**params, **_params(db, today, thresholds)}
    dialect = db.dialect

    def tally(run: Callable[[str], Sequence[Any]]) -> Figures:
        per_type: dict[str, PortfolioFigures] = {}
        cells: dict[str, dict[Key, int]] = {name: {} for name in CHARTS}
        promises: dict[str, dict[str, Counter[str]]] = {"type": {}, "sector": {}}
        phases: dict[str, dict[str, int]] = {}
        lines: dict[str, dict[tuple[str, str], ResourceLine]] = {}

        def group(kind: str) -> PortfolioFigures:
            found = per_type.get(kind)
            if found is None:
                found = per_type[kind] = PortfolioFigures()
            return found

        def add(table: dict[Key, int], key: Key, count: int) -> None:
            table[key] = table.get(key, 0) + count

        signal_sums = "".join(
            f", SUM(CASE WHEN {attention.predicate(k, dialect)} THEN 1 ELSE 0 END)"
            if charts
            else ", 0"
            for k in SIGNAL_KEYS
        )
        # the initiatives with any signal: asked apart (the dashboard counts its attention
        # list instead, and the brief needs neither)
        any_signal = attention.any_of(["any"], dialect) if charts and count_attention else ""
        attention_count = 0
        whole_people: list[tuple[bool, str, int]] = []
        # one pass over the initiatives: the counts by type, sector, status and origin, and
        # how many initiatives each signal fires for (the rules of services/attention.py)
        for kind, sector, status, origin, count, flagged, *fired in run(
            f"SELECT {_KIND}, i.sector, i.status, i.origin, count(*),"
            f" {f'SUM(CASE WHEN {any_signal} THEN 1 ELSE 0 END)' if any_signal else '0'}"
            f"{signal_sums}"
            f" FROM initiative i{where} GROUP BY i.type, i.sector, i.status, i.origin"
        ):
            figures = group(kind)
            figures.count += count
            figures.by_status[status] += count
            figures.by_type[kind] += count
            figures.by_sector[sector] += count
            figures.by_origin[origin or UNKNOWN] += count
            figures.type_by_sector.setdefault(sector, Counter())[kind] += count
            add(cells["type_sector"], (sector, None), count)
            add(cells["type_sector"], (sector, kind), count)
            add(cells["origins"], (origin or UNKNOWN, None), count)
            add(cells["origins"], (origin or UNKNOWN, "count"), count)
            attention_count += int(flagged)
            for key, fires in zip(SIGNAL_KEYS, fired, strict=True):
                if fires:
                    figures.signal_counts[key] += int(fires)
                    add(cells["signals"], (key, None), int(fires))
                    add(cells["signals"], (key, "count"), int(fires))

        # the JSON lists grouped by their text (a few hundred distinct pairs), decoded here;
        # SQLite keeps them as text (and reads them from an index), PostgreSQL's json type
        # has no equality and is grouped by its text
        lists = (
            "i.co_phases, i.public_values"
            if dialect == "sqlite"
            else "CAST(i.co_phases AS TEXT), CAST(i.public_values AS TEXT)"
        )
        for kind, phase_list, value_list, count in run(
            f"SELECT {_KIND}, {lists}, count(*) FROM initiative i{where} GROUP BY i.type, {lists}"
        ):
            covered = [p for p in _json_list(phase_list) if v.CoPhase.is_key(p)] or [NO_PHASE]
            for phase in dict.fromkeys(covered):
                counts = phases.setdefault(kind, {})
                counts[phase] = counts.get(phase, 0) + count
                add(cells["phases"], (phase, None), count)
                add(cells["phases"], (phase, kind), count)
            for value in set(_json_list(value_list)):
                group(kind).public_values[value] += count

        # open pressures per initiative and category first (the initiatives are walked
        # through their covering index, the pressures of each through theirs): the pressures
        # and the initiatives behind each category and severity in one pass
        for kind, category, initiatives, *numbers in run(
            "SELECT p.kind, p.category, count(*), SUM(p.low), SUM(p.medium), SUM(p.high),"
            " SUM(CASE WHEN p.low > 0 THEN 1 ELSE 0 END),"
            " SUM(CASE WHEN p.medium > 0 THEN 1 ELSE 0 END),"
            " SUM(CASE WHEN p.high > 0 THEN 1 ELSE 0 END)"
            f" FROM (SELECT {_KIND} AS kind, i.id, c.category,"
            " SUM(CASE WHEN c.severity = 1 THEN 1 ELSE 0 END) AS low,"
            " SUM(CASE WHEN c.severity = 2 THEN 1 ELSE 0 END) AS medium,"
            " SUM(CASE WHEN c.severity = 3 THEN 1 ELSE 0 END) AS high"
            " FROM initiative i JOIN cross_pressure c ON c.initiative_id = i.id"
            f" AND {_OPEN_PRESSURE}{where} GROUP BY i.type, i.id, c.category) p"
            " GROUP BY p.kind, p.category"
        ):
            add(cells["pressures"], (category, None), initiatives)
            severities = group(kind).open_pressures.setdefault(category, Counter())
            for severity in (1, 2, 3):
                pressures, behind = int(numbers[severity - 1]), int(numbers[severity + 2])
                if pressures:
                    severities[severity] += pressures
                    add(cells["pressures"], (category, str(severity)), behind)

        # resources: each kind is one side and unit (domain/figures.resource_unit); SQLite
        # walks the initiatives through their smallest index with the type (it tends to
        # pick a wider one)
        walked = (
            "initiative i INDEXED BY ix_initiative_type"
            if dialect == "sqlite"
            else ("initiative i")
        )
        resources = f" FROM {walked} JOIN resource_entry r ON r.initiative_id = i.id{where}"
        for kind, resource_kind, planned, amount, entries, initiatives in run(
            f"SELECT {_KIND}, r.kind, {_PLANNED}, SUM(r.amount), count(*),"
            f" count(DISTINCT i.id){resources} GROUP BY i.type, r.kind, {_PLANNED}"
        ):
            side = MUNICIPAL if resource_kind in v.MUNICIPAL_RESOURCE_KINDS else MOBILISED
            unit = _UNITS.get(resource_kind, resource_kind)
            line = lines.setdefault(kind, {}).get((side, unit))
            if line is None:
                line = lines[kind][(side, unit)] = ResourceLine(side, unit)
            if planned == "planned":
                line.planned += float(amount)
            else:
                line.actual += float(amount)
            line.entries += int(entries)
            add(cells["resources"], (f"{kind}:{side}:{unit}", planned), initiatives)
        for kind, resource_kind, initiatives in run(
            f"SELECT {_KIND}, r.kind, count(DISTINCT i.id){resources} GROUP BY i.type, r.kind"
            if charts
            else ""
        ):
            side = MUNICIPAL if resource_kind in v.MUNICIPAL_RESOURCE_KINDS else MOBILISED
            unit = _UNITS.get(resource_kind, resource_kind)
            add(cells["resources"], (f"{kind}:{side}:{unit}", None), initiatives)

        commitments = " FROM initiative i JOIN commitment m ON m.initiative_id = i.id" + where
        for kind, sector, *counts in run(
            f"SELECT {_KIND}, i.sector,"
            " SUM(CASE WHEN m.status = 'done' THEN 1 ELSE 0 END),"
            f" SUM(CASE WHEN m.status = 'done' AND {_DONE_ON_TIME} THEN 1 ELSE 0 END),"
            f" SUM(CASE WHEN {_STILL_OPEN} AND m.due_on < :today THEN 1 ELSE 0 END),"
            " SUM(CASE WHEN m.status = 'dropped' THEN 1 ELSE 0 END),"
            f" SUM(CASE WHEN {_STILL_OPEN} THEN 1 ELSE 0 END)"
            f"{commitments} GROUP BY i.type, i.sector"
            if charts
            else ""
        ):
            found = Counter(
                {name: int(n) for name, n in zip(COMMITMENT_COUNTS, counts, strict=True) if n}
            )
            group(kind).commitments.update(found)
            promises["type"].setdefault(kind, Counter()).update(found)
            promises["sector"].setdefault(sector, Counter()).update(found)

        if people:
            # distinct stakeholders involved, persons apart (the committee brief's figure)
            involved = "SELECT DISTINCT x.stakeholder_id FROM involvement x" + (
                f" JOIN initiative i ON i.id = x.initiative_id{where}" if where else ""
            )
            whole_people = [
                (bool(person), stakeholder_kind, int(count))
                for person, stakeholder_kind, count in run(
                    f"SELECT s.is_person, s.kind, count(*) FROM stakeholder s"
                    f" WHERE s.id IN ({involved}) GROUP BY s.is_person, s.kind"
                )
            ]

        for kind, kept in lines.items():
            per_type[kind].resources = _ordered(kept.values())
        whole = _rolled_up(per_type.values())
        for person, stakeholder_kind, count in whole_people:
            (whole.persons if person else whole.organisations)[stakeholder_kind] += count
        return Figures(
            today=today,
            figures=whole,
            by_type=per_type,
            cells=cells,
            commitments=promises,
            phase_counts=phases,
            attention_count=attention_count,
        )

    # The queries do not depend on one another: they are listed by a first pass that
    # answers none, run two at a time (SQLite and PostgreSQL work outside the GIL), then
    # counted in order.
    asked: list[str] = []

    def listed(sql: str) -> Sequence[Any]:
        asked.append(sql)
        return []

    tally(listed)
    wanted = [sql for sql in asked if sql]

    def fetch(sql: str) -> Sequence[Any]:
        with db.reading() as connection:
            return connection.execute(text(sql), params).all()

    answers: dict[str, Sequence[Any]] = {}
    pool = ThreadPoolExecutor(max_workers=2)
    try:
        for sql, rows in zip(wanted, pool.map(fetch, wanted), strict=True):
            if check is not None:
                check()  # a cancelled operation stops here; queries not begun never run
            answers[sql] = rows
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
    return tally(lambda sql: answers[sql] if sql else [])


def _ordered(lines: Iterable[ResourceLine]) -> list[ResourceLine]:
    """Municipal first, money before hours (as domain/figures orders a portfolio's lines)."""
    order = {"DKK": 0, "hours": 1}
    return sorted(lines, key=lambda x: (x.side != MUNICIPAL, order.get(x.unit, 2), x.unit))


def _rolled_up(groups: Iterable[PortfolioFigures]) -> PortfolioFigures:
    """The whole from its per-type parts (all but the distinct stakeholders, which do not add)."""
    whole = PortfolioFigures()
    lines: dict[tuple[str, str], ResourceLine] = {}
    for part in groups:
        whole.count += part.count
        for name in ("by_status", "by_type", "by_sector", "by_origin"):
            getattr(whole, name).update(getattr(part, name))
        for sector, kinds in part.type_by_sector.items():
            whole.type_by_sector.setdefault(sector, Counter()).update(kinds)
        for category, severities in part.open_pressures.items():
            whole.open_pressures.setdefault(category, Counter()).update(severities)
        for line in part.resources:
            total = lines.setdefault((line.side, line.unit), ResourceLine(line.side, line.unit))
            total.planned += line.planned
            total.actual += line.actual
            total.entries += line.entries
        whole.public_values.update(part.public_values)
        whole.signal_counts.update(part.signal_counts)
        whole.commitments.update(part.commitments)
    whole.resources = _ordered(lines.values())
    return whole


# ---------------------------------------------------------------------------- lists on demand


def ids_for(
    db: Database, chart: str, bar: str, series: str | None, today: date, thresholds: Thresholds
) -> tuple[int, ...]:
    """The initiatives behind a chart's bar (or one segment of it), by reference."""
    conditions: list[str] = []
    params: dict[str, Any] = {"bar": bar, "series": series}
    dialect = db.dialect
    if chart == "type_sector":
        conditions.append("i.sector = :bar")
        if series is not None:
            conditions.append(f"{_KIND} = :series")
    elif chart == "origins":
        conditions.append(f"COALESCE(i.origin, '{UNKNOWN}') = :bar")
    elif chart == "signals":
        if bar not in SIGNAL_KEYS:
            return ()
        conditions.append(attention.predicate(bar, dialect))
        params.update(_params(db, today, thresholds))
    elif chart == "pressures":
        severity = " AND c.severity = :severity" if series is not None else ""
        if series is not None:
            params["severity"] = int(series)
        conditions.append(
            "i.id IN (SELECT c.initiative_id FROM cross_pressure c"
            f" WHERE c.category = :bar AND {_OPEN_PRESSURE}{severity})"
        )
    elif chart == "resources":
        kind, side, unit = bar.split(":")
        params.update({"kind": kind, "side": side, "unit": unit})
        planned = f" AND {_PLANNED} = :series" if series is not None else ""
        conditions.append(f"{_KIND} = :kind")
        conditions.append(
            "i.id IN (SELECT r.initiative_id FROM resource_entry r"
            f" WHERE {_SIDE} = :side AND {_UNIT} = :unit{planned})"
        )
    elif chart == "phases":
        if series is not None:
            conditions.append(f"{_KIND} = :series")
        # the JSON lists are few: read them with their ids and decide in Python
        sql = f"SELECT i.id, i.co_phases FROM initiative i{_where_all(conditions)}"
        sql += " ORDER BY i.reference, i.id"
        with db.reading() as connection:
            found = connection.execute(text(sql), params).all()
        return tuple(
            ident
            for ident, listed in found
            if bar in ([p for p in _json_list(listed) if v.CoPhase.is_key(p)] or [NO_PHASE])
        )
    else:
        return ()
    sql = f"SELECT i.id FROM initiative i{_where_all(conditions)} ORDER BY i.reference, i.id"
    with db.reading() as connection:
        return tuple(int(row[0]) for row in connection.execute(text(sql), params))


def _where_all(conditions: list[str]) -> str:
    return " WHERE " + " AND ".join(conditions) if conditions else ""


def attention_order(db: Database, today: date, thresholds: Thresholds) -> list[int]:
    """The initiatives that need attention, worst first: by their worst signal's severity,
    then by how many signals fire, then by reference (as the dashboard lists them)."""
    dialect = db.dialect
    reference = (
        "COALESCE(i.reference, '') COLLATE \"C\""
        if dialect == "postgresql"
        else ("COALESCE(i.reference, '')")
    )
    sql = (
        f"SELECT i.id FROM initiative i WHERE {attention.any_of(['any'], dialect)}"
        f" ORDER BY {_rank_sql(dialect)}, ({_signal_count_sql(dialect)}) DESC, {reference}, i.id"
    )
    with db.reading() as connection:
        found = connection.execute(text(sql), _params(db, today, thresholds))
        return [int(row[0]) for row in found]


def attention_entries(
    db: Database, ids: Sequence[int], today: date, thresholds: Thresholds
) -> list[AttentionEntry]:
    """The attention list's entries for `ids` (a page of it), with each signal's explanation
    worked out by the reference rules."""
    loaded = reporting.load_initiatives(db, ids, for_signals=True)
    return [
        AttentionEntry(
            item.id or 0,
            item.reference or "",
            item.title,
            attention_signals(item, today, thresholds),
        )
        for item in loaded
    ]


class AttentionPages(Sequence[AttentionEntry]):
    """The attention list in its order, its entries read a page at a time when first asked
    for (the few most recently read pages are kept)."""

    PAGE = 100
    KEPT_PAGES = 20

    def __init__(self, db: Database, ids: list[int], today: date, thresholds: Thresholds):
        self.db = db
        self.ids = ids
        self.today = today
        self.thresholds = thresholds
        self._pages: dict[int, list[AttentionEntry]] = {}

    def __len__(self) -> int:
        return len(self.ids)

    def _page(self, number: int) -> list[AttentionEntry]:
        found = self._pages.pop(number, None)
        if found is None:
            wanted = self.ids[number * self.PAGE : (number + 1) * self.PAGE]
            found = attention_entries(self.db, wanted, self.today, self.thresholds)
            if len(self._pages) >= self.KEPT_PAGES:
                self._pages.pop(next(iter(self._pages)))
        self._pages[number] = found  # the most recently read last
        return found

    @overload
    def __getitem__(self, index: int) -> AttentionEntry: ...
    @overload
    def __getitem__(self, index: slice) -> list[AttentionEntry]: ...
    def __getitem__(self, index: int | slice) -> AttentionEntry | list[AttentionEntry]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self.ids)
        if not 0 <= index < len(self.ids):
            raise IndexError(index)
        page, at = divmod(index, self.PAGE)
        return self._page(page)[at]

    def __iter__(self) -> Iterator[AttentionEntry]:
        for page in range(0, (len(self.ids) + self.PAGE - 1) // self.PAGE):
            yield from self._page(page)


# ---------------------------------------------------------------------------- committee brief

# the first initiatives the brief describes one by one; a larger selection is counted
COMMITTEE_LISTED = 100

# the committee's needs -> the signals that put an initiative there (resources: an open
# pressure of insufficient resources, whatever the initiative's status)
NEEDS: dict[str, tuple[str, ...]] = {
    "mandate": ("no_mandate", "mandate_unclear", "mandate_expired"),
    "anchoring": ("no_political_anchoring",),
    "resources": (),
}


def committee_summary(
    db: Database, flt: PortfolioFilter | None, today: date, thresholds: Thresholds | None = None
) -> CommitteeSummary:
    """The same summary counted by the database (the initiatives it names are read)."""
    limits = thresholds or Thresholds()
    found = sql_figures(db, today, limits, flt, people=True, charts=False)
    where, params = _where(db, flt, today)
    params = {**params, **_params(db, today, limits)}
    dialect = db.dialect
    order = " ORDER BY i.reference, i.id"  # the selection's order (services/portfolio.rows)
    conditions = {
        key: "(" + " OR ".join(f"({attention.predicate(k, dialect)})" for k in signals) + ")"
        for key, signals in NEEDS.items()
        if signals
    }
    conditions["resources"] = (
        "i.id IN (SELECT c.initiative_id FROM cross_pressure c"
        " WHERE c.category = 'insufficient_resources' AND c.status != 'resolved')"
    )
    public_kinds = ", ".join(f"'{k}'" for k in sorted(PUBLIC_COUNTERPARTS))
    # from the public counterparts to their commitments (SQLite: in that order, through the
    # index on the counterpart), the selection's initiatives only when there is a filter
    join = "CROSS JOIN" if dialect == "sqlite" else "JOIN"
    promised = f" FROM stakeholder s {join} commitment m ON m.counterpart_id = s.id"
    if where:
        promised += f" JOIN initiative i ON i.id = m.initiative_id{where}"
    promised = _and(promised, f"s.kind IN ({public_kinds})")
    named: dict[str, list[int]] = {}
    counts: dict[str, int] = {}
    first_promises: dict[str, list[tuple[int, d.CommitmentData]]] = {}
    with db.reading() as connection:

        def run(sql: str) -> Sequence[Any]:
            return connection.execute(text(sql), params).all()

        for key, condition in conditions.items():
            selected = f" FROM initiative i{_and(where, condition)}"
            counts[key] = int(run(f"SELECT count(*){selected}")[0][0])
            named[key] = [
                int(r[0]) for r in run(f"SELECT i.id{selected}{order} LIMIT {NEEDS_SHOWN}")
            ]
        # a mandate is missing, or unclear or expired: those without one are named first
        no_mandate = _and(where, f"({attention.predicate('no_mandate', dialect)})")
        unclear = _and(
            where,
            f"(({attention.predicate('mandate_unclear', dialect)})"
            f" OR ({attention.predicate('mandate_expired', dialect)}))",
        )
        named["mandate"] = [
            int(r[0])
            for part in (no_mandate, unclear)
            for r in run(f"SELECT i.id FROM initiative i{part}{order} LIMIT {NEEDS_SHOWN}")
        ][:NEEDS_SHOWN]
        statuses = {
            status: int(count)
            for status, count in run(f"SELECT m.status, count(*){promised} GROUP BY m.status")
        }
        due_order = " ORDER BY CASE WHEN m.due_on IS NULL THEN 1 ELSE 0 END, m.due_on, m.id"
        for key, wanted in (("kept", "('done')"), ("open", "('open', 'in_progress')")):
            first_promises[key] = [
                (int(initiative), d.CommitmentData(text=said, status=status, id=int(ident)))
                for initiative, ident, said, status in run(
                    f"SELECT m.initiative_id, m.id, m.text, m.status"
                    f"{_and(promised, f'm.status IN {wanted}')}{due_order}"
                    f" LIMIT {PUBLIC_PROMISES_SHOWN}"
                )
            ]
        # in no particular order: the brief orders what they delivered itself
        with_outcome = _and(where, "i.outcome_count > 0")
        outcome_ids = [int(r[0]) for r in run(f"SELECT i.id FROM initiative i{with_outcome}")]
        promised_by = sorted({i for pairs in first_promises.values() for i, _c in pairs})
        references: dict[int, str] = {}
        if promised_by:
            listed = ", ".join(str(i) for i in promised_by)
            references = {
                int(ident): reference or ""
                for ident, reference in run(
                    f"SELECT i.id, i.reference FROM initiative i WHERE i.id IN ({listed})"
                )
            }
    wanted_ids = sorted({i for ids in named.values() for i in ids})
    loaded = {i.id: i for i in reporting.load_initiatives(db, wanted_ids, light=True)}
    with_outcomes = reporting.load_initiatives(db, outcome_ids, light=True)
    promises = Promises(
        kept=statuses.get("done", 0),
        still_open=statuses.get("open", 0) + statuses.get("in_progress", 0),
        dropped=sum(statuses.values())
        - statuses.get("done", 0)
        - statuses.get("open", 0)
        - statuses.get("in_progress", 0),
        first_kept=[(references[i], c) for i, c in first_promises["kept"]],
        first_open=[(references[i], c) for i, c in first_promises["open"]],
    )
    return CommitteeSummary(
        total=found.figures.count,
        figures=found.figures,
        needs={key: Need(counts[key], [loaded[i] for i in ids]) for key, ids in named.items()},
        promises=promises,
        with_outcomes=with_outcomes,
    )
