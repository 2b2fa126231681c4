"""Commitments: saved with an initiative, linked to the meeting they came from, listed across
the portfolio, marked done in one action, on "My work", and erased with the person."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader

from coprod_desktop.domain import model as d
from coprod_desktop.domain.errors import ConflictError, ValidationError
from coprod_desktop.services import commitments, initiatives, privacy
from coprod_desktop.services.portfolio_query import PortfolioFilter
from coprod_desktop.store.db import Database
from tests.core import factories

TODAY = date(2026, 12, 5)


def _with_commitments(db: Database, owner: str = "Mette Havnefoged") -> d.InitiativeData:
    club = factories.stakeholder(db, "Ørum Sejlklub")
    data = d.InitiativeData(
        title="Havnen",
        sector="harbours",
        status="active",
        owner=owner,
        next_review=TODAY + timedelta(days=3),
        journal=[
            d.JournalData(
                date=TODAY - timedelta(days=40),
                kind="meeting",
                summary="Møde på kajen",
                follow_up_on=TODAY + timedelta(days=2),
            )
        ],
        commitments=[
            d.CommitmentData(
                text="Ryd stenene",
                owner=owner,
                counterpart_id=club,
                due_on=TODAY - timedelta(days=10),
            ),
            d.CommitmentData(text="Send planen", owner=owner.upper(), due_on=TODAY + timedelta(3)),
            d.CommitmentData(text="Svar om parkering", owner=owner, due_on=TODAY + timedelta(30)),
            d.CommitmentData(text="Uden frist", owner=owner),
            d.CommitmentData(text="Holdt", owner=owner, status="done", done_on=TODAY),
            d.CommitmentData(text="Kollegaens", owner="Ali", due_on=TODAY - timedelta(days=1)),
        ],
    )
    return initiatives.create_initiative(db, data)


def test_a_commitment_made_at_a_new_meeting_is_saved_with_its_link(db: Database) -> None:
    made = factories.initiative(db)
    made.journal.append(
        d.JournalData(date=TODAY, kind="meeting", summary="Borgermøde", key="moede-1")
    )
    made.commitments.append(d.CommitmentData(text="Ryd stenene", journal="moede-1"))
    saved = initiatives.save_initiative(db, made)
    assert saved.commitments[0].journal == "moede-1"
    assert saved.commitments[0].id is not None and saved.commitments[0].status == "open"
    assert saved == initiatives.get_many(db, [saved.id])[0]  # type: ignore[list-item]
    # the link survives editing the meeting, and goes when the meeting is deleted
    saved.journal[0].summary = "Borgermøde på kajen"
    again = initiatives.save_initiative(db, saved)
    assert again.commitments[0].journal == "moede-1"
    again.journal = []
    again.commitments[0].journal = None
    assert initiatives.save_initiative(db, again).commitments[0].text == "Ryd stenene"


def test_a_commitment_naming_an_unknown_meeting_or_a_duplicate_key_is_refused(
    db: Database,
) -> None:
    made = factories.initiative(db)
    made.journal += [
        d.JournalData(date=TODAY, kind="meeting", summary="A", key="k"),
        d.JournalData(date=TODAY, kind="call", summary="B", key="k"),
    ]
    made.commitments += [
        d.CommitmentData(text="x", journal="nowhere"),
        d.CommitmentData(text="", status="maybe", counterpart_id=9999),
    ]
    with pytest.raises(ValidationError) as caught:
        initiatives.save_initiative(db, made)
    found = {(p.path, p.code) for p in caught.value.problems}
    assert {
        ("journal[1].key", "duplicate_key"),
        ("commitments[0].journal", "unknown_journal"),
        ("commitments[1].text", "required"),
        ("commitments[1].status", "unknown_key"),
        ("commitments[1].counterpart", "unknown_stakeholder"),
    } <= found
    assert initiatives.get_initiative(db, made.id).commitments == []  # type: ignore[arg-type]


def test_the_list_filters_by_owner_status_due_date_and_initiative(db: Database) -> None:
    made = _with_commitments(db)
    factories.initiative(db, "Andet", sector="eldercare", commitments=[d.CommitmentData("Pleje")])
    every = commitments.list_commitments(db)
    assert len(every) == 7
    # by due date, undated last
    assert [r.due_on is None for r in every] == [False] * 4 + [True] * 3
    mine = commitments.list_commitments(db, owner="mette havnefoged", statuses=("open",))
    assert [r.text for r in mine] == [
        "Ryd stenene",
        "Send planen",
        "Svar om parkering",
        "Uden frist",
    ]
    assert mine[0].counterpart == "Ørum Sejlklub" and mine[0].reference == made.reference
    soon = commitments.list_commitments(db, due_before=TODAY)
    assert {r.text for r in soon} == {"Ryd stenene", "Kollegaens"}
    harbours = commitments.list_commitments(db, PortfolioFilter(sectors=("eldercare",)))
    assert [r.text for r in harbours] == ["Pleje"]
    with pytest.raises(ValidationError):
        commitments.list_commitments(db, statuses=("finished",))


def test_marking_done_is_one_audited_action_that_moves_the_version(db: Database) -> None:
    made = _with_commitments(db)
    first = made.commitments[0]
    version = commitments.mark_done(db, first.id, on=TODAY, expected_version=made.version)  # type: ignore[arg-type]
    again = initiatives.get_initiative(db, made.id)  # type: ignore[arg-type]
    assert (again.commitments[0].status, again.commitments[0].done_on) == ("done", TODAY)
    assert version == again.version and version > made.version  # type: ignore[operator]
    audit = initiatives.history(db, made.id)  # type: ignore[arg-type]
    assert any(a.entity == "commitment" and a.field == "status" for a in audit)
    # an editor still holding the old copy cannot overwrite it
    with pytest.raises(ConflictError):
        initiatives.save_initiative(db, made)
    with pytest.raises(ConflictError):
        commitments.mark_done(db, made.commitments[1].id, expected_version=made.version)  # type: ignore[arg-type]
    # opened again: the done date goes
    commitments.set_status(db, first.id, "open")  # type: ignore[arg-type]
    reopened = initiatives.get_initiative(db, made.id).commitments[0]  # type: ignore[arg-type]
    assert (reopened.status, reopened.done_on) == ("open", None)


def test_my_work_sorts_overdue_first_then_this_week_then_later(db: Database) -> None:
    made = _with_commitments(db)
    _with_commitments(db, owner="Ali")  # someone else's initiative: not mine
    work = commitments.my_work(db, " mette havnefoged ", TODAY)
    assert [r.text for r in work.overdue] == ["Ryd stenene"]
    assert [r.text for r in work.this_week] == ["Send planen"]
    assert [r.text for r in work.later] == ["Svar om parkering", "Uden frist"]
    assert [(r.reference, r.next_review) for r in work.reviews] == [
        (made.reference, TODAY + timedelta(days=3))
    ]
    assert [f.summary for f in work.follow_ups] == ["Møde på kajen"]
    # a follow-up turned into a commitment is no longer a loose end
    full = initiatives.get_initiative(db, made.id)  # type: ignore[arg-type]
    full.journal[0].key = "kaj"
    full.commitments.append(d.CommitmentData(text="Opfølgning", journal="kaj", owner="Ali"))
    initiatives.save_initiative(db, full)
    assert commitments.my_work(db, "Mette Havnefoged", TODAY).follow_ups == []


def test_my_work_shows_what_colleagues_changed_since_i_looked(db: Database) -> None:
    made = _with_commitments(db)
    before = datetime(2000, 1, 1)
    work = commitments.my_work(db, "Mette Havnefoged", TODAY, since=before)
    assert work.changes and work.changes[0].who == "tester"  # COPROD_USER in the tests
    mine = commitments.my_work(db, "tester", TODAY, since=before)
    assert mine.changes == []  # my own changes are not news
    assert made.id is not None


def test_erasing_the_person_a_promise_was_made_to_keeps_the_promise(db: Database) -> None:
    anna = factories.stakeholder(db, "Anna Ærø", "citizen", is_person=True, lawful_basis="consent")
    made = factories.initiative(
        db,
        commitments=[
            d.CommitmentData(
                text="Anna Ærø får svar om bænken",
                counterpart_id=anna,
                note="Ring til Anna Ærø",
            )
        ],
    )
    privacy.erase_person(db, anna, "asked to be forgotten")
    kept = initiatives.get_initiative(db, made.id).commitments[0]  # type: ignore[arg-type]
    assert "Anna" not in kept.text and "bænken" in kept.text
    assert "Anna" not in (kept.note or "")
    assert kept.counterpart_id == anna and "Anna" not in kept.counterpart_name
    history = " ".join(
        f"{a.old_value} {a.new_value}"
        for a in initiatives.history(db, made.id)  # type: ignore[arg-type]
    )
    assert "Anna Ærø" not in history


def test_kept_counts() -> None:
    row = commitments.CommitmentRow(1, 1, "R", "T", "x", "done", None, None, None, None, None, 1)
    rows = [
        dataclasses.replace(row, due_on=TODAY, done_on=TODAY),
        dataclasses.replace(row, due_on=TODAY, done_on=TODAY + timedelta(1)),
        dataclasses.replace(row, status="open", due_on=TODAY - timedelta(1)),
        dataclasses.replace(row, status="dropped"),
        dataclasses.replace(row, status="in_progress"),
    ]
    assert commitments.kept_counts(rows, TODAY) == {
        "kept": 2,
        "kept_on_time": 1,
        "overdue": 1,
        "dropped": 1,
        "open": 2,
    }


def test_the_search_finds_a_promise_by_its_words(db: Database) -> None:
    from coprod_desktop.services import exchange, portfolio_query

    made = factories.initiative(db, commitments=[d.CommitmentData("Ryd slæbestedet for sten")])
    found = portfolio_query.ids(db, PortfolioFilter(search="slæbestedet"))
    assert found == [made.id]
    # the bulk import indexes what a save indexes
    exchange.import_document(
        db,
        {
            "format": "coprod-interchange",
            "version": 1,
            "stakeholders": [],
            "initiatives": [
                {
                    "key": "i1",
                    "title": "Andet",
                    "sector": "other",
                    "status": "idea",
                    "commitments": [{"text": "Bænkene males om foråret", "status": "open"}],
                }
            ],
        },
    )
    assert len(portfolio_query.ids(db, PortfolioFilter(search="baenkene"))) == 1


def test_an_access_request_lists_the_promises_made_to_the_person(
    db: Database, tmp_path: Path
) -> None:
    from coprod_desktop.services import briefs

    anna = factories.stakeholder(db, "Anna Ærø", "citizen", is_person=True)
    made = factories.initiative(
        db, commitments=[d.CommitmentData("Svar om bænken", counterpart_id=anna, due_on=TODAY)]
    )
    document = privacy.access_export(db, anna, "access request")
    assert document["commitments"] == [
        {
            "initiative_id": made.id,
            "reference": made.reference,
            "text": "Svar om bænken",
            "status": "open",
            "due_on": TODAY.isoformat(),
            "done_on": None,
        }
    ]
    pdf = briefs.write_access_pdf(document, tmp_path / "anna.pdf", "da")
    assert "Svar om bænken" in "".join(p.extract_text() for p in PdfReader(pdf).pages)


def test_my_work_lists_a_page_of_each_section_and_counts_them_all(db: Database) -> None:
    many = [
        d.CommitmentData(text=f"Svar {n:03d}", owner="Mette", due_on=TODAY - timedelta(days=n + 1))
        for n in range(commitments.SHOWN + 7)
    ]
    many.append(d.CommitmentData(text="Uden frist", owner="Mette"))
    factories.initiative(db, "Havnen", owner="Mette", commitments=many)
    work = commitments.my_work(db, "mette", TODAY)
    assert len(work.overdue) == commitments.SHOWN  # the most overdue first
    assert work.overdue[0].text == f"Svar {commitments.SHOWN + 6:03d}"
    assert work.totals() == (commitments.SHOWN + 7, 0, 1)
