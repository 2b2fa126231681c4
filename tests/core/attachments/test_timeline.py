"""A stakeholder's timeline: journal entries, documents and involvements, newest first."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from coprod_desktop.domain import model as d
from coprod_desktop.services import attachments, initiatives, timeline
from coprod_desktop.store.db import Database
from tests.core import factories


def test_the_timeline_spans_initiatives_newest_first(db: Database, tmp_path: Path) -> None:
    club = factories.stakeholder(db, "Ørum Sejlklub")
    other = factories.stakeholder(db, "Someone else")
    harbour = factories.initiative(
        db,
        "Havnen",
        involvements=[
            d.InvolvementData(
                stakeholder_id=club,
                role="partner",
                joined_on=date(2024, 1, 5),
                left_on=date(2025, 6, 1),
            )
        ],
        journal=[
            d.JournalData(
                date=date(2024, 3, 1), kind="meeting", summary="Første møde", participant_ids=[club]
            ),
            d.JournalData(
                date=date(2024, 9, 1), kind="call", summary="Uden klubben", participant_ids=[other]
            ),
        ],
    )
    school = factories.initiative(
        db,
        "Skolen",
        involvements=[d.InvolvementData(stakeholder_id=club, role="contributor")],
        journal=[
            d.JournalData(
                date=date(2025, 2, 1),
                kind="email",
                summary="Tilbud om hjælp",
                participant_ids=[club],
            )
        ],
    )
    entry = initiatives.get_initiative(db, school.id or 0).journal[0].id
    letter = tmp_path / "tilbud.pdf"
    letter.write_bytes(b"%PDF")
    attachments.attach_files(db, school.id or 0, [letter], entry)

    found = timeline.stakeholder_timeline(db, club)
    assert [(i.date, i.kind, i.reference, i.text) for i in found] == [
        (date(2025, 6, 1), "left", harbour.reference, "partner"),
        (date(2025, 2, 1), "journal", school.reference, "Tilbud om hjælp"),
        (date(2025, 2, 1), "document", school.reference, "tilbud.pdf"),
        (date(2024, 3, 1), "journal", harbour.reference, "Første møde"),
        (date(2024, 1, 5), "joined", harbour.reference, "partner"),
        (None, "joined", school.reference, "contributor"),  # no date: last
    ]
    assert [i.text for i in timeline.stakeholder_timeline(db, other)] == ["Uden klubben"]


def test_commitments_made_to_the_stakeholder_are_on_the_timeline(db: Database) -> None:
    club = factories.stakeholder(db, "Ørum Sejlklub")
    other = factories.stakeholder(db, "Someone else")
    harbour = factories.initiative(
        db,
        "Havnen",
        commitments=[
            d.CommitmentData(
                text="Ryd stenene før maj",
                status="done",
                counterpart_id=club,
                due_on=date(2024, 5, 1),
                done_on=date(2024, 4, 26),
            ),
            d.CommitmentData(
                text="Planen til udvalget", counterpart_id=club, due_on=date(2027, 1, 10)
            ),
            d.CommitmentData(text="Not to the club", counterpart_id=other, due_on=date(2026, 1, 1)),
        ],
    )
    found = timeline.stakeholder_timeline(db, club)
    assert [(i.date, i.kind, i.reference, i.text, i.detail) for i in found] == [
        (date(2027, 1, 10), "commitment", harbour.reference, "Planen til udvalget", "open"),
        (date(2024, 4, 26), "commitment", harbour.reference, "Ryd stenene før maj", "done"),
    ]
