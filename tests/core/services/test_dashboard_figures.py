"""The portfolio's figures counted by the database (services/dashboard_figures.sql_figures)
agree with the Python reference (python_figures: every initiative streamed through
domain/figures and domain/analysis) on generated portfolios, on SQLite and PostgreSQL: every
count, every chart cell and the initiatives behind it, the attention list and its order.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from coprod_desktop.domain import model as d
from coprod_desktop.domain import vocab as v
from coprod_desktop.domain.assessment import Thresholds
from coprod_desktop.domain.figures import PortfolioFigures, portfolio_figures
from coprod_desktop.services import dashboard_figures, initiatives, reporting, stakeholders
from coprod_desktop.services.portfolio_query import PortfolioFilter
from coprod_desktop.store.db import Database
from tests.core.services import dashboard_reference
from tests.core.services.test_attention_sql import JUDGED_ON, TODAY, initiative_data, maybe_day

THRESHOLDS = Thresholds()
COUNTED = (
    "count",
    "by_status",
    "by_type",
    "by_sector",
    "by_origin",
    "type_by_sector",
    "open_pressures",
    "public_values",
    "signal_counts",
    "commitments",
)


@st.composite
def richer_initiative(draw: st.DrawFn, stakeholder_ids: list[int]) -> d.InitiativeData:
    """The attention test's initiatives, with what the charts count varied too."""
    base = draw(initiative_data(stakeholder_ids))
    keys = st.sampled_from
    return replace(
        base,
        sector=draw(keys(["harbours", "education", "culture_leisure"])),
        origin=draw(st.none() | keys(v.Origin.all_keys())),
        type=draw(st.none() | keys(["co_management", "empowerment", "coordination"])),
        co_phases=draw(st.lists(keys(v.CoPhase.all_keys()), max_size=3)),
        public_values=draw(st.lists(keys(v.PublicValue.all_keys()), max_size=3)),
        resources=[
            d.ResourceData(
                kind=kind,
                amount=amount,
                unit=v.RESOURCE_UNITS.get(v.ResourceKind.get(kind)) or "stk",
                planned=planned,
            )
            for kind, amount, planned in draw(
                st.lists(
                    st.tuples(
                        keys(v.ResourceKind.all_keys()),
                        st.integers(0, 10_000) | st.floats(0, 1e6, allow_nan=False),
                        st.none() | st.booleans(),
                    ),
                    max_size=4,
                )
            )
        ],
        cross_pressures=[
            replace(p, category=draw(keys(v.PressureCategory.all_keys())))
            for p in base.cross_pressures
        ],
        commitments=[
            d.CommitmentData(text="Lovet", status=status, due_on=due, done_on=done)
            for status, due, done in draw(
                st.lists(
                    st.tuples(
                        keys(["open", "in_progress", "done", "dropped"]), maybe_day, maybe_day
                    ),
                    max_size=3,
                )
            )
        ],
    )


def _same_counts(found: PortfolioFigures, expected: PortfolioFigures, *, people: bool) -> None:
    for name in COUNTED:
        assert getattr(found, name) == getattr(expected, name), name
    if people:
        assert found.organisations == expected.organisations
        assert found.persons == expected.persons
    assert [(r.side, r.unit, r.entries) for r in found.resources] == [
        (r.side, r.unit, r.entries) for r in expected.resources
    ]
    for mine, theirs in zip(found.resources, expected.resources, strict=True):
        # sums of floats in another order: equal to the last few bits
        assert mine.planned == pytest.approx(theirs.planned)
        assert mine.actual == pytest.approx(theirs.actual)


def _agree(db: Database, today: date) -> None:
    reference = dashboard_reference.python_figures(db, today, THRESHOLDS)
    expected = reference.figures
    found = dashboard_figures.sql_figures(db, today, THRESHOLDS, people=True)
    _same_counts(found.figures, expected.figures, people=True)
    assert found.by_type.keys() == expected.by_type.keys()
    for kind, figures in found.by_type.items():
        _same_counts(figures, expected.by_type[kind], people=False)
    assert found.cells == expected.cells
    assert found.commitments == expected.commitments
    assert found.phase_counts == expected.phase_counts
    assert found.attention_count == expected.attention_count
    assert found.signal_counts == expected.signal_counts
    for chart, table in reference.ids.items():
        for (bar, series), ids in table.items():
            behind = dashboard_figures.ids_for(db, chart, bar, series, today, THRESHOLDS)
            assert sorted(behind) == sorted(ids), (chart, bar, series)
    order = dashboard_figures.attention_order(db, today, THRESHOLDS)
    assert order == [e.id for e in reference.attention]
    pages = dashboard_figures.AttentionPages(db, order, today, THRESHOLDS)
    pages.PAGE = 2  # several pages even for a few initiatives
    assert [(e.id, e.reference, e.signals) for e in pages] == [
        (e.id, e.reference, e.signals) for e in reference.attention
    ]
    # a filtered selection (the committee brief's) counts what the brief counted before
    for flt in (PortfolioFilter(sectors=("harbours",)), PortfolioFilter(types=("unclassified",))):
        selected = reporting.load_portfolio(db, flt, light=True)
        before = portfolio_figures(selected, today)
        counted = dashboard_figures.sql_figures(db, today, THRESHOLDS, flt, people=True)
        _same_counts(counted.figures, before, people=True)


def _empty(db: Database) -> None:
    with db.session() as session:
        session.execute(text("DELETE FROM initiative"))


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data(), offset=st.sampled_from(JUDGED_ON) | st.integers(-30, 800))
def test_the_figures_counted_in_sql_are_the_python_references(
    any_db: Database, data: st.DataObject, offset: int
) -> None:
    _empty(any_db)
    made = [
        stakeholders.create_stakeholder(any_db, d.StakeholderData(name=f"S{n}", kind=kind))
        for n, kind in enumerate(["municipal_unit", "citizen", "association", "volunteer"])
    ]
    people = [s.id for s in made if s.id is not None]
    for _ in range(data.draw(st.integers(1, 6))):
        initiatives.create_initiative(any_db, data.draw(richer_initiative(people)))
    _agree(any_db, TODAY + timedelta(days=offset))


def test_an_empty_portfolio_has_no_figures(any_db: Database) -> None:
    found = dashboard_figures.sql_figures(any_db, TODAY, THRESHOLDS, people=True)
    assert found.figures.count == 0 and found.attention_count == 0
    assert found.cells == {name: {} for name in dashboard_figures.CHARTS}
    assert dashboard_figures.attention_order(any_db, TODAY, THRESHOLDS) == []


def test_a_cancelled_count_stops_between_queries(db: Database) -> None:
    class Stop(Exception):
        pass

    asked: list[int] = []

    def check() -> None:
        asked.append(1)
        if len(asked) == 2:
            raise Stop

    with pytest.raises(Stop):
        dashboard_figures.sql_figures(db, date(2026, 1, 1), THRESHOLDS, check=check)
    assert len(asked) == 2
