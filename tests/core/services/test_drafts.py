"""Drafts of open editors: written whole, read back exactly, kept per database."""

from __future__ import annotations

import datetime as dt

from coprod_desktop.domain import model as d
from coprod_desktop.services import drafts


def full_record() -> d.InitiativeData:
    return d.InitiativeData(
        id=7,
        version=3,
        reference="CP-2026-007",
        title="Havnebad ved den gamle kaj",
        sector="harbours",
        status="active",
        description="Første side …\n" * 500,
        public_values=["mobilising_resources", "empathy_equality"],
        start_date=dt.date(2026, 1, 15),
        created_at=dt.datetime(2026, 1, 2, 9, 30),
        involvements=[
            d.InvolvementData(stakeholder_id=4, role="partner", stakeholder_name="Sejlklubben")
        ],
        mandates=[
            d.MandateData(
                level="political_committee",
                clarity="clear",
                committee="Teknik",
                decided_on=dt.date(2026, 2, 1),
            )
        ],
        resources=[d.ResourceData(kind="volunteer_hours", amount=120.5, unit="hours", source_id=4)],
        cross_pressures=[
            d.PressureData(category="silo_structure", severity=3, coping_strategy="linking_actors")
        ],
        journal=[
            d.JournalData(
                date=dt.date(2026, 3, 1),
                kind="meeting",
                summary="Møde",
                participant_ids=[4],
                follow_up_on=dt.date(2026, 4, 1),
            )
        ],
        reviews=[
            d.ReviewData(date=dt.date(2026, 3, 5), reviewer="anna", next_review=dt.date(2026, 9, 1))
        ],
    )


def test_a_draft_reads_back_exactly_with_its_base():
    base = full_record()
    edited = full_record()
    edited.title = "Havnebad — nu med sauna"
    edited.journal.append(
        d.JournalData(date=dt.date(2026, 3, 9), kind="call", summary="Ring til formanden")
    )
    drafts.save_draft("initiative-7", "/data/portfolio.sqlite", base, edited)
    (found,) = drafts.list_drafts("/data/portfolio.sqlite")
    assert found.data == edited and found.base == base
    assert found.initiative_id == 7 and found.title == "Havnebad — nu med sauna"
    assert isinstance(found.data.resources[0].amount, float)


def test_drafts_belong_to_their_database_and_go_when_discarded():
    drafts.save_draft("new-a", "/one.sqlite", d.InitiativeData(), d.InitiativeData(title="One"))
    drafts.save_draft("new-b", "/two.sqlite", d.InitiativeData(), d.InitiativeData(title="Two"))
    assert [x.title for x in drafts.list_drafts("/one.sqlite")] == ["One"]
    drafts.discard_draft("new-a", "/one.sqlite")
    assert drafts.list_drafts("/one.sqlite") == []
    assert [x.title for x in drafts.list_drafts("/two.sqlite")] == ["Two"]


def test_a_damaged_draft_is_skipped_not_fatal_and_no_part_file_is_left():
    path = drafts.save_draft(
        "new-c", "/one.sqlite", d.InitiativeData(), d.InitiativeData(title="x")
    )
    path.write_text("{not json", encoding="utf-8")
    assert drafts.list_drafts("/one.sqlite") == []
    assert not list(drafts.drafts_dir().glob("*.part"))
