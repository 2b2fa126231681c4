"""The incremental figures accumulator: the same numbers as `portfolio_figures`, one
initiative at a time (the dashboard streams a municipal portfolio through it in chunks)."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest

from coprod_desktop.domain.assessment import Thresholds, attention_signals
from coprod_desktop.domain.figures import (
    MOBILISED,
    MUNICIPAL,
    UNCLASSIFIED,
    UNKNOWN,
    FiguresAccumulator,
    PortfolioFigures,
    portfolio_figures,
)
from coprod_desktop.domain.model import InitiativeData
from coprod_desktop.services import reporting
from coprod_desktop.store.db import Database

TODAY = date(2026, 3, 2)


def counters(figures: PortfolioFigures) -> dict[str, object]:
    """Every figure that does not hold initiatives."""
    return {
        "count": figures.count,
        "by_status": figures.by_status,
        "by_type": figures.by_type,
        "by_sector": figures.by_sector,
        "by_origin": figures.by_origin,
        "type_by_sector": figures.type_by_sector,
        "open_pressures": figures.open_pressures,
        "resources": [(x.side, x.unit, x.planned, x.actual, x.entries) for x in figures.resources],
        "public_values": figures.public_values,
        "organisations": figures.organisations,
        "persons": figures.persons,
        "signal_counts": figures.signal_counts,
    }


def lists(figures: PortfolioFigures) -> dict[str, object]:
    """The figures that hold initiatives (as ids, in order)."""
    return {
        "attention": [(a.initiative.id, a.signals) for a in figures.attention],
        "no_mandate": [i.id for i in figures.no_mandate],
        "unclear_mandate": [i.id for i in figures.unclear_mandate],
        "not_anchored": [i.id for i in figures.not_anchored],
        "short_of_resources": [i.id for i in figures.short_of_resources],
    }


@pytest.fixture(params=["da", "en"])
def demo(request: pytest.FixtureRequest) -> list[InitiativeData]:
    db: Database = request.getfixturevalue(f"demo_{request.param}")
    return reporting.load_portfolio(db)


def test_accumulator_gives_the_figures_counted_plainly(demo: list[InitiativeData]) -> None:
    accumulator = FiguresAccumulator()
    for item in demo:
        accumulator.add(item, attention_signals(item, TODAY))
    figures = accumulator.result()
    assert figures.count == len(demo) == 16
    assert figures.by_status == Counter(i.status for i in demo)
    assert figures.by_type == Counter(i.type or UNCLASSIFIED for i in demo)
    assert figures.by_origin == Counter(i.origin or UNKNOWN for i in demo)
    assert figures.type_by_sector == {
        sector: Counter(i.type or UNCLASSIFIED for i in demo if i.sector == sector)
        for sector in {i.sector for i in demo}
    }
    open_pressures = Counter(
        (p.category, p.severity) for i in demo for p in i.cross_pressures if p.status != "resolved"
    )
    assert {
        (category, severity): count
        for category, by_severity in figures.open_pressures.items()
        for severity, count in by_severity.items()
    } == open_pressures
    municipal = sum(r.amount for i in demo for r in i.resources if r.kind == "municipal_budget")
    external = sum(r.amount for i in demo for r in i.resources if r.kind == "external_funding")
    assert figures.resource(MUNICIPAL, "DKK").total == municipal
    assert figures.resource(MOBILISED, "DKK").total == external
    assert sum(figures.persons.values()) == 10
    signalled = {i.id: attention_signals(i, TODAY) for i in demo}
    assert figures.signal_counts == Counter(s.key for found in signalled.values() for s in found)
    assert {a.initiative.id for a in figures.attention} == {k for k, v in signalled.items() if v}
    assert figures.attention and figures.no_mandate and figures.short_of_resources
    # the reports' figures are built on the accumulator: the same numbers and lists
    reference = portfolio_figures(demo, TODAY)
    assert counters(figures) == counters(reference)
    assert lists(figures) == lists(reference)


def test_accumulator_without_initiatives_keeps_the_counts(demo: list[InitiativeData]) -> None:
    reference = portfolio_figures(demo, TODAY)
    light = FiguresAccumulator(keep_initiatives=False)
    for item in demo:
        light.add(item, attention_signals(item, TODAY))
    figures = light.result()
    assert counters(figures) == counters(reference)
    assert all(found == [] for found in lists(figures).values())


def test_accumulator_counts_the_signals_it_is_given(demo: list[InitiativeData]) -> None:
    """Signals are worked out once by the caller (here with stricter thresholds; the demo's
    journal dates are recent, so today's date)."""
    today = date.today()
    strict = Thresholds(stale_pressure_days=1, stale_journal_days=1)
    accumulator = FiguresAccumulator()
    for item in demo:
        accumulator.add(item, attention_signals(item, today, strict))
    figures = accumulator.result()
    default = portfolio_figures(demo, today)
    assert figures.signal_counts["stale_journal"] > default.signal_counts["stale_journal"]
    assert figures.count == default.count and figures.by_type == default.by_type


def test_figures_of_groups_add_up_to_the_whole(demo: list[InitiativeData]) -> None:
    whole = FiguresAccumulator(keep_initiatives=False)
    groups: dict[str, FiguresAccumulator] = {}
    for item in demo:
        found = attention_signals(item, TODAY)
        whole.add(item, found)
        groups.setdefault(item.type or UNCLASSIFIED, FiguresAccumulator()).add(item, found)
    figures = whole.result()
    by_type = {kind: group.result() for kind, group in groups.items()}
    assert sum(f.count for f in by_type.values()) == figures.count
    for side in (MUNICIPAL, MOBILISED):
        for unit in ("DKK", "hours"):
            assert sum(f.resource(side, unit).total for f in by_type.values()) == pytest.approx(
                figures.resource(side, unit).total
            )
