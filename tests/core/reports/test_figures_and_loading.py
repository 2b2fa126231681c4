"""The numbers behind the briefs, and the fast loader they read the portfolio with."""

from __future__ import annotations

from datetime import date

from coprod_desktop.domain.figures import (
    MOBILISED,
    MUNICIPAL,
    portfolio_figures,
    resource_lines,
)
from coprod_desktop.domain.model import InitiativeData, ResourceData
from coprod_desktop.services import initiatives, portfolio_query, reporting
from coprod_desktop.services.portfolio_query import PortfolioFilter
from coprod_desktop.store.db import Database


def test_fast_loader_gives_what_get_many_gives(demo_da: Database) -> None:
    ids = portfolio_query.ids(demo_da)
    assert reporting.load_initiatives(demo_da, ids) == initiatives.get_many(demo_da, ids)
    assert reporting.load_initiatives(demo_da, ids[::-1])[0].id == ids[-1]
    assert reporting.load_initiatives(demo_da, []) == []


def test_filtered_portfolio_and_recorded_persons(demo_da: Database) -> None:
    harbours = reporting.load_portfolio(demo_da, PortfolioFilter(sectors=("harbours",)))
    assert [i.sector for i in harbours] == ["harbours"] * len(harbours) and harbours
    persons = reporting.recorded_persons(demo_da)
    assert len(persons) == 10
    assert {"Åse Mølgaard", "Søren Højgaard"} <= {p.name for p in persons}


def test_resource_lines_split_municipal_and_mobilised() -> None:
    lines = resource_lines(
        [
            ResourceData(kind="municipal_budget", amount=100, unit="DKK", planned=True),
            ResourceData(kind="municipal_budget", amount=40, unit="DKK", planned=False),
            ResourceData(kind="volunteer_hours", amount=12, unit="hours"),
            ResourceData(kind="in_kind", amount=3, unit="boats"),
        ]
    )
    found = {(x.side, x.unit): (x.planned, x.actual) for x in lines}
    assert found == {
        (MUNICIPAL, "DKK"): (100, 40),
        (MOBILISED, "hours"): (0, 12),
        (MOBILISED, "in_kind"): (0, 3),
    }


def test_portfolio_figures_of_the_demo(demo_da: Database) -> None:
    data = reporting.load_portfolio(demo_da)
    figures = portfolio_figures(data, date(2026, 3, 2))
    assert figures.count == 16
    assert sum(figures.by_type.values()) == 16
    assert sum(sum(c.values()) for c in figures.type_by_sector.values()) == 16
    open_count = sum(1 for i in data for p in i.cross_pressures if p.status != "resolved")
    assert figures.open_pressure_total == open_count
    assert sum(figures.persons.values()) == 10  # every person in the demo takes part somewhere
    assert figures.persons["volunteer"] == 4
    expected = sum(r.amount for i in data for r in i.resources if r.kind in ("external_funding",))
    assert figures.resource(MOBILISED, "DKK").total == expected
    assert all(a.signals for a in figures.attention)


def test_figures_of_nothing() -> None:
    figures = portfolio_figures([], date(2026, 1, 1))
    assert figures.count == 0 and figures.open_pressure_total == 0 and not figures.attention
    one = portfolio_figures([InitiativeData(title="x", status="active")], date(2026, 1, 1))
    assert one.by_type["unclassified"] == 1 and one.no_mandate


def test_light_loading_leaves_out_only_what_briefs_do_not_print(demo_da: Database) -> None:
    ids = portfolio_query.ids(demo_da)
    full = reporting.load_initiatives(demo_da, ids)
    light = reporting.load_initiatives(demo_da, ids, light=True)
    for a, b in zip(full, light, strict=True):
        assert b.description is None and b.type_rationale is None and b.reviews == []
        assert all(j.participant_ids == [] for j in b.journal)
        a.description = a.type_rationale = None
        a.reviews = []
        for entry in a.journal:
            entry.participant_ids, entry.participant_names = [], []
        assert a == b
