"""The classification assistant: pre-answers from the record, suggests a type with a rationale."""

from __future__ import annotations

import pytest

from coprod_desktop.domain.classification import QUESTIONS, pre_answer, suggest, suggest_for
from coprod_desktop.domain.model import (
    InitiativeData,
    InvolvementData,
    ResourceData,
)
from coprod_desktop.services import initiatives, portfolio_query
from coprod_desktop.services.exchange import load_demo
from coprod_desktop.store.migrate import open_database


def involve(kind: str, role: str, ident: int) -> InvolvementData:
    return InvolvementData(stakeholder_id=ident, role=role, stakeholder_kind=kind)


def harbour(title: str, description: str) -> InitiativeData:
    return InitiativeData(
        title=title,
        description=description,
        sector="harbours",
        status="active",
        origin="protest_response",
        public_values=["sustainable_solutions", "protest_to_collaboration"],
        involvements=[
            involve("association", "partner", 1),
            involve("business", "partner", 2),
            involve("municipal_unit", "partner", 3),
            involve("municipal_unit", "contributor", 4),
        ],
        resources=[ResourceData(kind="external_funding", amount=100, unit="DKK", source_id=2)],
    )


def jobs(title: str, description: str) -> InitiativeData:
    return InitiativeData(
        title=title,
        description=description,
        sector="employment",
        status="active",
        origin="gradual",
        public_values=["better_results", "user_satisfaction"],
        involvements=[involve("municipal_unit", "partner", 1), involve("citizen", "user", 2)],
    )


def volunteers(title: str, description: str) -> InitiativeData:
    return InitiativeData(
        title=title,
        description=description,
        sector="integration",
        status="active",
        origin="partner_initiated",
        public_values=["empathy_equality", "mobilising_resources"],
        involvements=[
            involve("municipal_unit", "partner", 1),
            involve("volunteer", "contributor", 2),
            involve("volunteer", "contributor", 3),
        ],
        resources=[ResourceData(kind="volunteer_hours", amount=300, unit="hours", source_id=2)],
    )


CASES = [
    (
        harbour,
        "Fælles havneplan for Strandby Havn",
        "Havneforeningen og erhvervslivet udvikler havnen.",
        "co_management",
    ),
    (
        harbour,
        "A shared plan for Strandby Harbour",
        "The harbour association and businesses develop the harbour.",
        "co_management",
    ),
    (
        jobs,
        "Ledige skaber deres egne job",
        "Ledige borgere får støtte til selv at skabe job.",
        "empowerment",
    ),
    (
        jobs,
        "Unemployed people create their own jobs",
        "Unemployed citizens are supported to create jobs.",
        "empowerment",
    ),
    (
        volunteers,
        "Frivillige tager imod flygtninge",
        "Frivillige venner hjælper nyankomne flygtninge.",
        "coordination",
    ),
    (
        volunteers,
        "Volunteers welcome refugees",
        "Volunteer friends help newly arrived refugees.",
        "coordination",
    ),
]


@pytest.mark.parametrize(("make", "title", "description", "expected"), CASES)
def test_each_type_is_suggested_in_danish_and_english(make, title, description, expected) -> None:  # type: ignore[no-untyped-def]
    suggestion = suggest_for(make(title, description))
    assert suggestion.primary is not None
    assert suggestion.primary.value == expected
    assert suggestion.secondary is None


def test_questions_are_plain_language_in_both_languages_and_cover_every_type() -> None:
    assert 5 <= len(QUESTIONS) <= 8
    for question in QUESTIONS:
        assert question.text.en.endswith("?") and question.text.da.endswith("?")
        assert {o.points_to.value for o in question.options} == {
            "co_management",
            "empowerment",
            "coordination",
        }


def test_pre_answers_come_from_the_record_and_the_user_can_change_them() -> None:
    record = jobs("Jobs", "")
    answers = pre_answer(record)
    assert answers["participants"] == "citizens_meet_unit"
    assert answers["public_value"] == "results_satisfaction"
    changed = dict(answers)
    for key in (
        "participants",
        "public_value",
        "municipal_position",
        "contribution",
        "beneficiaries",
    ):
        changed[key] = next(
            o.key
            for q in QUESTIONS
            if q.key == key
            for o in q.options
            if o.points_to.value == "coordination"
        )
    assert suggest(changed).primary is not None
    assert suggest(changed).primary.value == "coordination"  # type: ignore[union-attr]


def test_split_evidence_gives_a_secondary_type() -> None:
    # Volunteers and an association supplement a service, but many organisations and
    # businesses also share decisions and money: coordination first, co-management second.
    mixed = volunteers("Frivillige på havnen", "")
    mixed.public_values = ["sustainable_solutions"]
    mixed.involvements += [involve("business", "partner", 9), involve("association", "partner", 10)]
    mixed.sector = "harbours"
    mixed.origin = "protest_response"
    mixed.frontline_role = "coordinating_volunteers"
    suggestion = suggest_for(mixed)
    assert suggestion.primary is not None and suggestion.secondary is not None
    assert {suggestion.primary.value, suggestion.secondary.value} == {
        "coordination",
        "co_management",
    }
    assert "Secondary" in suggestion.rationale("en")
    assert "Sekundært" in suggestion.rationale("da")


def test_almost_no_data_gives_no_suggestion() -> None:
    bare = InitiativeData(title="Idé", sector="other", status="idea")
    suggestion = suggest_for(bare)
    assert suggestion.primary is None
    assert "Too little" in suggestion.rationale("en")


def test_rationale_quotes_the_typology() -> None:
    text = suggest_for(harbour("Havn", "")).rationale("en")
    assert "Collaboration between many actors" in text
    assert "Facilitating inter-organisational collaboration" in text


@pytest.mark.parametrize("lang", ["da", "en"])
def test_suggestion_matches_the_recorded_type_of_every_demo_initiative(tmp_path, lang: str) -> None:  # type: ignore[no-untyped-def]
    db = open_database(str(tmp_path / "demo.sqlite"))
    load_demo(db, lang)
    checked = 0
    for data in initiatives.get_many(db, portfolio_query.ids(db)):
        suggestion = suggest_for(data)
        recorded = data.type
        assert (suggestion.primary.value if suggestion.primary else None) == recorded, (
            data.reference
        )
        checked += 1
    assert checked >= 12
    db.dispose()


def test_who_takes_part_is_not_guessed_from_the_description() -> None:
    # The harbour description names many organisations, but no stakeholder is recorded.
    record = harbour("Harbour", "Many organisations and businesses share decisions.")
    assert pre_answer(record)["participants"] == "many_organisations"
    record.involvements = []
    assert pre_answer(record)["participants"] is None
