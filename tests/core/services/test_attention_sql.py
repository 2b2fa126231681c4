"""Attention signals in SQL (services/attention.py) agree with the Python reference
(domain/analysis.attention_signals) on generated portfolios, on SQLite and PostgreSQL.

The facts the SQL reads are kept by database triggers (migration 0013), so the portfolios are
written through the services as the app writes them, then changed (children replaced and
removed, a stakeholder's kind changed) to exercise the update and delete triggers too.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from coprod_desktop.domain import model as d
from coprod_desktop.domain.assessment import SIGNAL_KEYS
from coprod_desktop.services import initiatives, portfolio_assessment, portfolio_query, stakeholders
from coprod_desktop.services.portfolio_query import PortfolioFilter
from coprod_desktop.store.db import Database

TODAY = date.today()


# The day the signals are judged on is drawn from these (some put the day each initiative
# was recorded exactly on a threshold); record dates fall on or next to a threshold often.
JUDGED_ON = (-30, 0, 29, 30, 31, 59, 60, 61, 364, 365, 366, 800)
EDGES = (-366, -365, -364, -61, -60, -59, -31, -30, -29, -15, -14, -13, -1, 0, 1)


def days_around(low: int = -900, high: int = 400) -> st.SearchStrategy[date]:
    near_edge = st.tuples(st.sampled_from(JUDGED_ON), st.sampled_from(EDGES)).map(sum)
    return (near_edge | st.integers(low, high)).map(lambda n: TODAY + timedelta(days=n))


maybe_day = st.none() | days_around()


@st.composite
def mandates(draw: st.DrawFn) -> d.MandateData:
    decided, until = draw(maybe_day), draw(maybe_day)
    if decided and until and until < decided:
        decided, until = until, decided
    return d.MandateData(
        level=draw(st.sampled_from(["none", "informal", "political_committee"])),
        clarity=draw(st.sampled_from(["clear", "partial", "unclear"])),
        political_anchoring=draw(st.none() | st.booleans()),
        decided_on=decided,
        valid_until=until,
    )


@st.composite
def pressures(draw: st.DrawFn) -> d.PressureData:
    status = draw(st.sampled_from(["open", "mitigating", "resolved"]))
    raised = draw(maybe_day)
    return d.PressureData(
        severity=draw(st.integers(1, 3)),
        status=status,
        raised_on=raised,
        resolved_on=raised if status == "resolved" and raised else None,
    )


@st.composite
def involvements(draw: st.DrawFn, stakeholder_ids: list[int]) -> d.InvolvementData:
    joined, left = draw(maybe_day), draw(st.none() | days_around())
    if joined and left and left < joined:
        joined, left = left, joined
    return d.InvolvementData(
        stakeholder_id=draw(st.sampled_from(stakeholder_ids)),
        role=draw(st.sampled_from(["partner", "contributor", "critic"])),
        trust=draw(st.sampled_from([None, "low", "medium", "high"])),
        joined_on=joined,
        left_on=left,
    )


@st.composite
def initiative_data(draw: st.DrawFn, stakeholder_ids: list[int]) -> d.InitiativeData:
    return d.InitiativeData(
        title="Havnen",
        sector="harbours",
        status=draw(st.sampled_from(["idea", "preparing", "active", "paused", "completed"])),
        type=draw(st.sampled_from([None, "co_management", "empowerment"])),
        start_date=draw(maybe_day),
        next_review=draw(maybe_day),
        mandates=draw(st.lists(mandates(), max_size=3)),
        involvements=draw(st.lists(involvements(stakeholder_ids), max_size=3)),
        resources=[
            d.ResourceData(kind=kind, amount=1, unit="hours" if "hours" in kind else "DKK")
            for kind in draw(
                st.lists(st.sampled_from(["staff_hours", "municipal_budget"]), max_size=2)
            )
        ],
        cross_pressures=draw(st.lists(pressures(), max_size=3)),
        journal=[
            d.JournalData(date=day, summary="Møde")
            for day in draw(st.lists(days_around(), max_size=2))
        ],
        commitments=[
            d.CommitmentData(text="Lovet", status=status, due_on=due)
            for status, due in draw(
                st.lists(
                    st.tuples(st.sampled_from(["open", "in_progress", "done"]), maybe_day),
                    max_size=2,
                )
            )
        ],
        outcomes=[
            d.OutcomeData(indicator="Besøgende", measured_on=day)
            for day in draw(st.lists(maybe_day, max_size=2))
        ],
    )


def _sql_and_python_agree(db: Database, today: date) -> None:
    ids = portfolio_query.ids(db)
    reference = {
        i: a.keys for i, a in portfolio_assessment.assess(db, ids, today, suggest=False).items()
    }
    assert portfolio_assessment.attention_keys(db, ids, today) == reference
    for key in (*SIGNAL_KEYS, "any"):
        expected = [i for i in ids if (reference[i] if key == "any" else key in reference[i])]
        found = portfolio_assessment.ids_with_attention(db, PortfolioFilter(), [key], today)
        assert sorted(found) == sorted(expected), key


def _empty(db: Database) -> None:
    with db.session() as session:
        session.execute(text("DELETE FROM initiative"))


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data(), offset=st.sampled_from(JUDGED_ON) | st.integers(-30, 800))
def test_sql_signals_agree_with_the_python_reference(
    any_db: Database, data: st.DataObject, offset: int
) -> None:
    _empty(any_db)
    made = [
        stakeholders.create_stakeholder(any_db, d.StakeholderData(name=f"S{n}", kind=kind))
        for n, kind in enumerate(["municipal_unit", "municipal_unit", "association"])
    ]
    people = [s.id for s in made if s.id is not None]
    saved = [
        initiatives.create_initiative(any_db, data.draw(initiative_data(people)))
        for _ in range(data.draw(st.integers(1, 4)))
    ]
    today = TODAY + timedelta(days=offset)
    _sql_and_python_agree(any_db, today)

    # change each initiative's children: the update and delete triggers must follow
    for current in saved:
        assert current.id is not None
        fresh = initiatives.get_initiative(any_db, current.id)
        other = data.draw(initiative_data(people))
        changed: dict[str, Any] = {
            name: getattr(other, name)
            for name in data.draw(
                st.sets(
                    st.sampled_from(
                        [
                            "mandates",
                            "involvements",
                            "resources",
                            "cross_pressures",
                            "journal",
                            "commitments",
                            "outcomes",
                            "status",
                        ]
                    )
                )
            )
        }
        if "mandates" not in changed and fresh.mandates and data.draw(st.booleans()):
            # edit the current mandate in place (an UPDATE, not a delete and insert)
            changed["mandates"] = [replace(m) for m in fresh.mandates]
            changed["mandates"][-1].clarity = data.draw(
                st.sampled_from(["clear", "partial", "unclear"])
            )
        initiatives.save_initiative(any_db, replace(fresh, **changed))
    first = made[0]
    stakeholders.save_stakeholder(
        any_db, replace(stakeholders.get_stakeholder(any_db, first.id or 0), kind="association")
    )
    _sql_and_python_agree(any_db, today)


def test_the_attention_filter_combines_with_the_other_filters(db: Database) -> None:
    harbour = initiatives.create_initiative(
        db, d.InitiativeData(title="Havn", sector="harbours", status="active")
    )
    initiatives.create_initiative(
        db, d.InitiativeData(title="Skole", sector="education", status="active")
    )
    initiatives.create_initiative(
        db, d.InitiativeData(title="Færdig", sector="harbours", status="completed")
    )
    flt = PortfolioFilter(sectors=("harbours",), attention=("no_mandate",))
    assert [r.id for r in portfolio_query.rows(db, flt)] == [harbour.id]
    assert portfolio_query.count(db, flt) == 1
