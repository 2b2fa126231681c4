"""Creating, reading, updating and deleting initiatives with all their children."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from coprod_desktop.domain import model as d
from coprod_desktop.domain.errors import NotFoundError, ValidationError
from coprod_desktop.services import initiatives, portfolio_query
from coprod_desktop.store.db import Database
from tests.core import factories

CHILD_LISTS = d.INITIATIVE_LISTS


def _without_ids(items: list[object]) -> list[dict[str, object]]:
    return [
        {k: v for k, v in dataclasses.asdict(item).items() if k != "id"}  # type: ignore[call-overload]
        for item in items
    ]


def test_create_and_read_back_every_field_and_child(db: Database) -> None:
    made = factories.full_initiative(db)
    again = initiatives.get_initiative(db, made.id)  # type: ignore[arg-type]
    assert again == made
    assert made.id is not None and made.version == 1
    assert made.created_at is not None and made.updated_at is not None
    assert made.area == "Ørum Havn" and made.kle_topic == "01.05.10"
    assert made.public_values == ["mobilising_resources", "protest_to_collaboration"]
    assert made.start_date == date(2024, 4, 1) and made.end_date == date(2026, 12, 31)
    assert [i.stakeholder_name for i in made.involvements] == ["Ørum Sejlklub", "Anna Ærø"]
    assert made.involvements[0].influence == "high"
    assert made.mandates[0].valid_until == date(2026, 3, 12)
    assert made.mandates[0].political_anchoring is True
    assert [r.amount for r in made.resources] == [250000, 120.5]
    assert made.resources[1].source_name == "Ørum Sejlklub"
    assert made.cross_pressures[0].coping_strategy == "linking_actors"
    assert made.journal[0].participant_names == ["Ørum Sejlklub", "Anna Ærø"]
    assert made.reviews[0].decisions == "Mere tid til koordinering"
    assert made.co_phases == ["co_design", "co_delivery"]
    assert (made.latitude, made.longitude) == (56.4563, 10.0372)
    assert made.outcomes[0].achieved == 31.5 and made.outcomes[0].co_assessed is True
    assert made.outcomes[0].measured_on == date(2024, 8, 31)
    for name in CHILD_LISTS:
        assert all(child.id is not None for child in getattr(made, name)), name


def test_read_by_reference_is_case_insensitive(db: Database) -> None:
    made = factories.initiative(db)
    assert initiatives.get_initiative(db, made.reference.lower()).id == made.id  # type: ignore[union-attr]
    assert initiatives.get_initiative(db, str(made.id)).id == made.id


def test_an_unknown_initiative_is_not_found(db: Database) -> None:
    with pytest.raises(NotFoundError) as caught:
        initiatives.get_initiative(db, "CP-1999-999")
    assert "CP-1999-999" in caught.value.message()
    with pytest.raises(NotFoundError):
        initiatives.get_initiative(db, 12345)


def test_references_are_numbered_per_year(db: Database) -> None:
    year = date.today().year
    first = factories.initiative(db, "A")
    second = factories.initiative(db, "B")
    assert first.reference == f"CP-{year}-001"
    assert second.reference == f"CP-{year}-002"
    factories.initiative(db, "C", reference=f"CP-{year}-041")
    factories.initiative(db, "D", reference="CP-2019-900")
    assert factories.initiative(db, "E").reference == f"CP-{year}-042"


def test_a_duplicate_reference_is_refused(db: Database) -> None:
    made = factories.initiative(db, "A")
    with pytest.raises(ValidationError) as caught:
        factories.initiative(db, "B", reference=made.reference.lower())  # type: ignore[union-attr]
    assert caught.value.fields() == {"reference"}
    assert portfolio_query.count(db) == 1


def test_update_scalars_and_every_kind_of_child(db: Database) -> None:
    made = factories.full_initiative(db)
    extra = factories.stakeholder(db, "Turistforeningen", "association")
    made.title = "Ørum Havn 2.0"
    made.public_values = ["better_results"]
    made.end_date = None
    made.involvements[0].trust = "high"
    made.involvements.append(d.InvolvementData(stakeholder_id=extra, role="sponsor"))
    made.mandates[0].clarity = "clear"
    made.mandates.append(d.MandateData(level="political_committee", clarity="clear"))
    made.resources.pop(0)
    made.resources[0].amount = 200
    made.cross_pressures[0].status = "resolved"
    made.cross_pressures[0].resolution = "Fælles møde"
    made.cross_pressures[0].resolved_on = date(2024, 8, 1)
    made.journal[0].participant_ids = [extra]
    made.journal.append(d.JournalData(date=date(2024, 9, 2), kind="decision", summary="Ja"))
    made.reviews = []

    saved = initiatives.save_initiative(db, made)
    again = initiatives.get_initiative(db, made.id)  # type: ignore[arg-type]
    assert again == saved
    assert saved.title == "Ørum Havn 2.0" and saved.end_date is None
    assert saved.public_values == ["better_results"]
    assert [(i.stakeholder_name, i.trust) for i in saved.involvements] == [
        ("Ørum Sejlklub", "high"),
        ("Anna Ærø", "low"),
        ("Turistforeningen", None),
    ]
    assert [m.level for m in saved.mandates] == ["department_management", "political_committee"]
    assert saved.mandates[0].clarity == "clear"
    # kept children keep their ids
    assert saved.mandates[0].id == made.mandates[0].id
    assert saved.involvements[0].id == made.involvements[0].id
    assert [(r.kind, r.amount) for r in saved.resources] == [("volunteer_hours", 200)]
    assert saved.cross_pressures[0].status == "resolved"
    assert saved.journal[0].participant_names == ["Turistforeningen"]
    assert [j.summary for j in saved.journal] == ["Borgermøde om bådebroen", "Ja"]
    assert saved.reviews == []
    assert saved.version == 2


def test_invalid_updates_report_every_field_and_write_nothing(db: Database) -> None:
    made = factories.full_initiative(db)
    made.title = ""
    made.end_date = date(2020, 1, 1)
    made.resources[0].unit = "hours"  # municipal budget is in DKK
    made.cross_pressures[0].severity = 5
    made.involvements[0].stakeholder_id = 9999
    with pytest.raises(ValidationError) as caught:
        initiatives.save_initiative(db, made)
    assert caught.value.fields() == {
        "title",
        "end_date",
        "resources[0].unit",
        "cross_pressures[0].severity",
        "stakeholders[0].stakeholder",
    }
    again = initiatives.get_initiative(db, made.id)  # type: ignore[arg-type]
    assert again.title == "Havneudvikling i Ørum" and again.version == 1


def test_unknown_participants_and_sources_are_refused(db: Database) -> None:
    data = d.InitiativeData(
        title="X",
        resources=[d.ResourceData(kind="in_kind", amount=1, unit="kager", source_id=777)],
        journal=[
            d.JournalData(date=date(2024, 1, 1), kind="note", summary="y", participant_ids=[778])
        ],
    )
    with pytest.raises(ValidationError) as caught:
        initiatives.create_initiative(db, data)
    assert caught.value.fields() == {"resources[0].source", "journal[0].participants"}
    assert portfolio_query.count(db) == 0


def test_delete_removes_the_initiative_and_its_children(db: Database) -> None:
    from sqlalchemy import func, select

    from coprod_desktop.store import models as m

    made = factories.full_initiative(db)
    keep = factories.initiative(db, "Stays")
    initiatives.delete_initiative(db, made.reference)  # type: ignore[arg-type]
    with pytest.raises(NotFoundError):
        initiatives.get_initiative(db, made.id)  # type: ignore[arg-type]
    with db.session() as session:
        for model in (m.Involvement, m.Mandate, m.ResourceEntry, m.CrossPressure, m.JournalEntry):
            assert session.scalar(select(func.count()).select_from(model)) == 0, model
        # stakeholders stay in the registry
        assert session.scalar(select(func.count()).select_from(m.Stakeholder)) == 2
    assert initiatives.get_initiative(db, keep.id).title == "Stays"  # type: ignore[arg-type]


def test_one_initiative_reads_the_same_as_through_the_orm(db: Database) -> None:
    """get_initiative reads with plain SQL (fast); every field and child equals the ORM's."""
    full = factories.full_initiative(db)
    factories.initiative(db, "Another one")
    by_id = initiatives.get_initiative(db, full.id)  # type: ignore[arg-type]
    assert by_id == initiatives.get_many(db, [full.id])[0]  # type: ignore[list-item]
    assert by_id.journal[0].participant_names and any(r.source_name for r in by_id.resources)
    assert initiatives.get_initiative(db, full.reference.lower()) == by_id  # type: ignore[union-attr]
    assert initiatives.get_initiative(db, str(full.id)) == by_id
    with pytest.raises(NotFoundError):
        initiatives.get_initiative(db, 99999)


def test_get_many_keeps_the_order_asked_for(db: Database) -> None:
    a = factories.initiative(db, "A")
    b = factories.initiative(db, "B")
    got = initiatives.get_many(db, [b.id, a.id, 999])  # type: ignore[list-item]
    assert [x.title for x in got] == ["B", "A"]


def test_bulk_update_changes_status_and_owner_of_the_chosen_ones(db: Database) -> None:
    a = factories.initiative(db, "A")
    b = factories.initiative(db, "B")
    c = factories.initiative(db, "C", owner="Kirsten")
    changed = initiatives.bulk_update(db, [a.id, b.id], status="paused", owner="Mette")  # type: ignore[list-item]
    assert changed == 2
    got = {x.title: x for x in initiatives.get_many(db, [a.id, b.id, c.id])}  # type: ignore[list-item]
    assert (got["A"].status, got["A"].owner, got["A"].version) == ("paused", "Mette", 2)
    assert (got["B"].status, got["B"].owner) == ("paused", "Mette")
    assert (got["C"].status, got["C"].owner, got["C"].version) == ("active", "Kirsten", 1)
    fields = {(e.field, e.new_value) for e in initiatives.history(db, a.id)}  # type: ignore[arg-type]
    assert {("status", "paused"), ("owner", "Mette")} <= fields


def test_bulk_update_refuses_an_unknown_status(db: Database) -> None:
    a = factories.initiative(db, "A")
    with pytest.raises(ValidationError) as caught:
        initiatives.bulk_update(db, [a.id], status="finished")  # type: ignore[list-item]
    assert caught.value.fields() == {"status"}
    assert initiatives.get_initiative(db, a.id).status == "active"  # type: ignore[arg-type]


@pytest.fixture
def db(any_db: Database) -> Database:
    """The tests of this module that take `db` run on SQLite and on PostgreSQL."""
    return any_db
