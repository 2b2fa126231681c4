"""`portfolio.listing` (what `coprod list` prints) gives each row the same signals, suggested
type and completeness as the computation before issue 22 gave from the loaded records
(tests/core/domain/old_assessment.py; signals: services.portfolio_assessment.assess), in the order of
`portfolio.rows`, on generated portfolios on SQLite and PostgreSQL and on the benchmark's
synthetic portfolio.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from coprod_desktop.domain import model as d
from coprod_desktop.domain import vocab as v
from coprod_desktop.domain.errors import ValidationError
from coprod_desktop.services import (
    initiatives,
    portfolio_assessment,
    portfolio_query,
    reporting,
    stakeholders,
)
from coprod_desktop.services.portfolio_query import PortfolioFilter
from coprod_desktop.store.db import Database
from coprod_desktop.store.migrate import open_database
from tests.benchmarks import generate
from tests.core.domain.old_assessment import old_completeness, old_pre_answer, old_suggest

WORDS = ["partnerskab", "frivillig", "ledige", "brugerdrevet", "havn", "Borgermøde", "job"]


def assert_listing_as_before(db: Database, flt: PortfolioFilter, sort: str = "reference") -> None:
    listed = portfolio_query.listing(db, flt, sort=sort, assess=True)
    assert [item.row for item in listed] == portfolio_query.rows(db, flt, sort=sort)
    plain = portfolio_query.listing(db, flt, sort=sort)
    assert [(i.row, i.attention) for i in plain] == [(i.row, i.attention) for i in listed]
    ids = [item.row.id for item in listed]
    signals = portfolio_assessment.assess(db, ids, suggest=False)
    records = {r.id: r for r in reporting.load_initiatives(db, ids)}
    for item in listed:
        record = records[item.row.id]
        suggested = old_suggest(old_pre_answer(record)).primary
        assert item.attention == signals[item.row.id].keys, item.row.reference
        assert item.suggested_type == (suggested.value if suggested else None), item.row
        assert item.completeness == old_completeness(record), item.row.reference


@st.composite
def records(draw: st.DrawFn, people: list[int]) -> d.InitiativeData:
    words = st.lists(st.sampled_from(WORDS), max_size=4).map(" ".join)
    return d.InitiativeData(
        title=draw(words.filter(bool) | st.just("Havnen")),
        summary=draw(st.none() | words),
        description=draw(st.none() | words),
        sector=draw(st.sampled_from(v.Sector.all_keys())),
        status=draw(st.sampled_from(v.Status.all_keys())),
        origin=draw(st.none() | st.sampled_from(v.Origin.all_keys())),
        type=draw(st.none() | st.sampled_from(v.InitiativeType.all_keys())),
        area=draw(st.none() | st.just("Nord")),
        public_values=draw(st.lists(st.sampled_from(v.PublicValue.all_keys()), max_size=3)),
        frontline_role=draw(st.none() | st.sampled_from(v.FrontlineRole.all_keys())),
        owner=draw(st.none() | st.just("Mette")),
        start_date=draw(st.none() | st.just(date(2023, 5, 1))),
        next_review=draw(st.none() | st.just(date(2030, 1, 1))),
        involvements=[
            d.InvolvementData(stakeholder_id=person, role=role)
            for person, role in draw(
                st.lists(
                    st.tuples(
                        st.sampled_from(people), st.sampled_from(v.InvolvementRole.all_keys())
                    ),
                    max_size=5,
                    unique_by=lambda pair: pair[0],
                )
            )
        ],
        resources=[
            d.ResourceData(
                kind=kind,
                amount=amount,
                unit="hours" if "hours" in kind else "DKK",
                source_id=source,
            )
            for kind, amount, source in draw(
                st.lists(
                    st.tuples(
                        st.sampled_from(v.ResourceKind.all_keys()),
                        st.sampled_from([0, 2.5, 10]),
                        st.none() | st.sampled_from(people),
                    ),
                    max_size=3,
                )
            )
        ],
        mandates=draw(st.lists(st.just(d.MandateData(level="informal")), max_size=1)),
        journal=draw(
            st.lists(st.just(d.JournalData(date=date(2024, 2, 1), summary="Møde")), max_size=1)
        ),
        commitments=[
            d.CommitmentData(text="Lovet", status=status, owner=owner, due_on=due)
            for status, owner, due in draw(
                st.lists(
                    st.tuples(
                        st.sampled_from(["open", "in_progress", "done"]),
                        st.sampled_from([None, "Mette"]),
                        st.none() | st.just(date(2027, 1, 1)),
                    ),
                    max_size=2,
                )
            )
        ],
        outcomes=draw(st.lists(st.just(d.OutcomeData(indicator="Besøgende")), max_size=1)),
    )


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_the_listing_gives_what_the_records_gave_before(
    any_db: Database, data: st.DataObject
) -> None:
    with any_db.session() as session:
        session.execute(text("DELETE FROM initiative"))
        session.execute(text("DELETE FROM stakeholder"))
    kinds = [
        "municipal_unit",
        "association",
        "business",
        "volunteer",
        "citizen",
        "public_authority",
    ]
    people = [
        stakeholders.create_stakeholder(any_db, d.StakeholderData(name=f"S{n}", kind=kind)).id
        for n, kind in enumerate(kinds)
    ]
    known = [p for p in people if p is not None]
    for _ in range(data.draw(st.integers(1, 6))):
        initiatives.create_initiative(any_db, data.draw(records(known)))
    assert_listing_as_before(any_db, PortfolioFilter())
    assert_listing_as_before(any_db, PortfolioFilter(statuses=("active", "idea")), sort="title")
    assert_listing_as_before(any_db, PortfolioFilter(search="havn"), sort="owner")
    assert_listing_as_before(any_db, PortfolioFilter(attention=("any",)), sort="next_review")


def test_the_benchmark_portfolio_lists_as_before(tmp_path: Path) -> None:
    path = tmp_path / "bench.sqlite"
    generate.build(path, 400, quiet=True)
    db = open_database(str(path))
    try:
        assert_listing_as_before(db, PortfolioFilter())
        assert_listing_as_before(db, PortfolioFilter(search=generate.MARKED_PLACE))
    finally:
        db.dispose()


def test_an_empty_listing_and_an_unknown_sort(db: Database) -> None:
    assert portfolio_query.listing(db, PortfolioFilter(search="nowhere"), assess=True) == []
    with pytest.raises(ValidationError):
        portfolio_query.listing(db, sort="colour")


def test_the_listing_counts_every_field_completeness_expects() -> None:
    from coprod_desktop.domain.assessment import COMPLETENESS_FIELDS
    from coprod_desktop.services.portfolio_query import _FILLED_FROM

    assert sorted(_FILLED_FROM) == sorted(COMPLETENESS_FIELDS)
