"""The stakeholder registry: one stakeholder, many initiatives."""

from __future__ import annotations

from datetime import date

import pytest

from coprod_desktop.domain import model as d
from coprod_desktop.domain.errors import ConflictError, NotFoundError, ValidationError
from coprod_desktop.services import initiatives, stakeholders
from coprod_desktop.store.db import Database
from tests.core import factories


def test_create_and_read_a_person_with_every_field(db: Database) -> None:
    made = stakeholders.create_stakeholder(
        db,
        d.StakeholderData(
            name="Кирилл Ørsted",
            kind="citizen",
            is_person=True,
            organisation="Beboerforeningen",
            email="k@example.org",
            phone="+45 12 34 56 78",
            notes="Kontakt om aftenen",
            lawful_basis="consent",
            consent_date=date(2024, 1, 2),
            retention_until=date(2027, 1, 2),
        ),
    )
    assert made.id is not None and made.version == 1
    assert stakeholders.get_stakeholder(db, made.id) == made


def test_invalid_stakeholders_are_refused_with_every_field(db: Database) -> None:
    with pytest.raises(ValidationError) as caught:
        stakeholders.create_stakeholder(
            db, d.StakeholderData(name="", kind="club", lawful_basis="whim")
        )
    assert caught.value.fields() == {"name", "kind", "lawful_basis"}
    assert stakeholders.list_stakeholders(db) == []


def test_list_searches_name_and_organisation_and_filters(db: Database) -> None:
    factories.stakeholder(db, "Ørum Sejlklub", "association")
    factories.stakeholder(db, "Mette", "citizen", is_person=True, organisation="Sejlklubben")
    factories.stakeholder(db, "Jobcentret", "municipal_unit")
    assert [s.name for s in stakeholders.list_stakeholders(db, search="sejl")] == [
        "Mette",
        "Ørum Sejlklub",
    ]
    assert [s.name for s in stakeholders.list_stakeholders(db, kind="municipal_unit")] == [
        "Jobcentret"
    ]
    assert [s.name for s in stakeholders.list_stakeholders(db, persons_only=True)] == ["Mette"]


def test_save_detects_a_stale_copy(db: Database) -> None:
    made = stakeholders.get_stakeholder(db, factories.stakeholder(db, "Klubben"))
    first = stakeholders.save_stakeholder(db, d.StakeholderData(**{**made.__dict__, "notes": "a"}))
    assert first.version == 2
    with pytest.raises(ConflictError):
        stakeholders.save_stakeholder(db, d.StakeholderData(**{**made.__dict__, "notes": "b"}))
    assert stakeholders.get_stakeholder(db, made.id).notes == "a"  # type: ignore[arg-type]


def _use(db: Database, sid: int, title: str, role: str = "partner") -> d.InitiativeData:
    return factories.initiative(
        db,
        title,
        involvements=[d.InvolvementData(stakeholder_id=sid, role=role)],
        resources=[d.ResourceData(kind="volunteer_hours", amount=5, unit="hours", source_id=sid)],
        journal=[
            d.JournalData(date=date(2024, 1, 1), kind="meeting", summary="m", participant_ids=[sid])
        ],
    )


def test_where_used_lists_every_initiative_with_the_role(db: Database) -> None:
    club = factories.stakeholder(db, "Klubben")
    a = _use(db, club, "A", "partner")
    b = _use(db, club, "B", "critic")
    factories.initiative(db, "C")
    used = stakeholders.where_used(db, club)
    assert [(u.reference, u.title, u.role) for u in used] == [
        (a.reference, "A", "partner"),
        (b.reference, "B", "critic"),
    ]
    with pytest.raises(NotFoundError):
        stakeholders.where_used(db, 999)


def test_merge_moves_involvements_sources_and_participants_and_removes_the_duplicate(
    db: Database,
) -> None:
    keep = factories.stakeholder(db, "Ørum Sejlklub", "association")
    duplicate = factories.stakeholder(
        db, "Orum sejlklub", "association", email="info@example.org", notes="dublet"
    )
    other = factories.stakeholder(db, "Mette", "citizen", is_person=True)
    a = _use(db, duplicate, "A")
    b = factories.initiative(
        db,
        "B",
        involvements=[d.InvolvementData(stakeholder_id=keep, role="partner")],
        journal=[
            d.JournalData(
                date=date(2024, 1, 1),
                kind="meeting",
                summary="both",
                participant_ids=[keep, duplicate, other],
            )
        ],
    )

    merged = stakeholders.merge_stakeholders(db, keep, duplicate)
    assert merged.id == keep
    assert merged.name == "Ørum Sejlklub"  # kept values win
    assert merged.email == "info@example.org"  # blanks are filled from the duplicate
    with pytest.raises(NotFoundError):
        stakeholders.get_stakeholder(db, duplicate)

    a_now = initiatives.get_initiative(db, a.id)  # type: ignore[arg-type]
    assert [i.stakeholder_id for i in a_now.involvements] == [keep]
    assert [r.source_id for r in a_now.resources] == [keep]
    assert a_now.journal[0].participant_ids == [keep]
    b_now = initiatives.get_initiative(db, b.id)  # type: ignore[arg-type]
    assert sorted(b_now.journal[0].participant_ids) == sorted([keep, other])
    assert [u.title for u in stakeholders.where_used(db, keep)] == ["A", "B"]


def test_a_stakeholder_cannot_be_merged_with_itself(db: Database) -> None:
    club = factories.stakeholder(db, "Klubben")
    with pytest.raises(ValidationError):
        stakeholders.merge_stakeholders(db, club, club)
    assert stakeholders.get_stakeholder(db, club).name == "Klubben"


def test_delete_is_refused_while_an_initiative_involves_the_stakeholder(db: Database) -> None:
    club = factories.stakeholder(db, "Klubben")
    made = _use(db, club, "A")
    with pytest.raises(ValidationError) as caught:
        stakeholders.delete_stakeholder(db, club)
    assert "1" in caught.value.message()
    assert stakeholders.get_stakeholder(db, club).name == "Klubben"

    made.involvements = []
    initiatives.save_initiative(db, made)
    stakeholders.delete_stakeholder(db, club)
    with pytest.raises(NotFoundError):
        stakeholders.get_stakeholder(db, club)
    # the resource and the journal entry lose the link, not their own data
    after = initiatives.get_initiative(db, made.id)  # type: ignore[arg-type]
    assert [(r.amount, r.source_id) for r in after.resources] == [(5, None)]
    assert after.journal[0].participant_ids == []
    assert after.journal[0].summary == "m"


def test_an_unused_stakeholder_can_be_deleted(db: Database) -> None:
    club = factories.stakeholder(db, "Klubben")
    stakeholders.delete_stakeholder(db, club)
    assert stakeholders.list_stakeholders(db) == []


def test_search_ignores_case_of_danish_letters(db: Database) -> None:
    factories.stakeholder(db, "Ørum Sejlklub", "association")
    factories.stakeholder(db, "ÆBLEHAVENS Venner", "association")
    factories.stakeholder(db, "Bo", "citizen", is_person=True, organisation="Åbyhøj Borgerforening")
    assert [s.name for s in stakeholders.list_stakeholders(db, search="ørum")] == ["Ørum Sejlklub"]
    assert [s.name for s in stakeholders.list_stakeholders(db, search="æblehave")] == [
        "ÆBLEHAVENS Venner"
    ]
    assert [s.name for s in stakeholders.list_stakeholders(db, search="ÅBYHØJ")] == ["Bo"]


def test_merge_is_audited_on_the_initiatives_it_touches(db: Database) -> None:
    keep = factories.stakeholder(db, "Ørum Sejlklub")
    duplicate = factories.stakeholder(db, "Ørum Sejlklub (dublet)")
    made = _use(db, duplicate, "A")
    stakeholders.merge_stakeholders(db, keep, duplicate)
    changes = {
        (e.entity, e.field)
        for e in initiatives.history(db, made.id)  # type: ignore[arg-type]
        if e.action == "update"
    }
    assert {("involvement", "stakeholder_id"), ("resource", "source_id")} <= changes
    assert ("journal", "participants") in changes


@pytest.fixture
def db(any_db: Database) -> Database:
    """The tests of this module that take `db` run on SQLite and on PostgreSQL."""
    return any_db
