"""What the portfolio list shows of each initiative (services/analysis.list_marks: signal keys
and completeness in one SQL query) agrees with the Python reference (domain/analysis:
attention_signals and completeness of the loaded initiative), on SQLite and PostgreSQL."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coprod_desktop.domain import model as d
from coprod_desktop.services import initiatives, portfolio_assessment, portfolio_query, stakeholders
from coprod_desktop.store.db import Database
from tests.core.services.test_attention_sql import TODAY, _empty, initiative_data

maybe_text = st.sampled_from([None, "", "Havnen", " "])


@st.composite
def filled_in_or_not(draw: st.DrawFn, people: list[int]) -> d.InitiativeData:
    """An initiative with any of the fields completeness counts filled or left empty."""
    base = draw(initiative_data(people))
    commitments = [
        replace(c, owner=draw(st.sampled_from([None, "", "Rasmus"]))) for c in base.commitments
    ]
    return replace(
        base,
        summary=draw(maybe_text),
        description=draw(maybe_text),
        area=draw(maybe_text),
        origin=draw(st.sampled_from([None, "protest_response", "bottom_up"])),
        type_rationale=draw(maybe_text),
        participation_level=draw(st.sampled_from([None, "inform", "consult"])),
        public_values=draw(
            st.lists(st.sampled_from(["mobilising_resources", "sustainable_solutions"]), max_size=2)
        ),
        frontline_role=draw(st.sampled_from([None, "facilitating_collaboration"])),
        owner=draw(maybe_text),
        responsible_manager=draw(maybe_text),
        commitments=commitments,
    )


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data(), offset=st.integers(-30, 800))
def test_list_marks_agree_with_the_python_assessment(
    any_db: Database, data: st.DataObject, offset: int
) -> None:
    _empty(any_db)
    made = stakeholders.create_stakeholder(
        any_db, d.StakeholderData(name="Havnelauget", kind="association")
    )
    assert made.id is not None
    for _ in range(data.draw(st.integers(1, 4))):
        initiatives.create_initiative(any_db, data.draw(filled_in_or_not([made.id])))
    today = TODAY + timedelta(days=offset)
    ids = portfolio_query.ids(any_db)
    marks = portfolio_assessment.list_marks(any_db, ids, today)
    reference = portfolio_assessment.assess(any_db, ids, today, suggest=False)
    assert {i: (m.signal_keys, m.completeness) for i, m in marks.items()} == {
        i: (a.keys, a.completeness) for i, a in reference.items()
    }


def test_list_marks_of_nothing_asks_nothing(db: Database) -> None:
    assert portfolio_assessment.list_marks(db, []) == {}
