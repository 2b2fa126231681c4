"""E-mails and meeting invitations dropped onto an initiative become journal entries."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from coprod_desktop.domain.errors import InputFileError
from coprod_desktop.services import attachments, initiatives, mail_import, portfolio_query
from coprod_desktop.store.db import Database
from tests.core import factories
from tests.core.attachments.documents import make_docx
from tests.core.attachments.messages import make_eml, make_ics


def test_an_eml_becomes_an_email_entry_with_participants_and_files(
    any_db: Database, tmp_path: Path
) -> None:
    made = factories.initiative(any_db)
    soren = factories.stakeholder(any_db, "Søren Fisker", "citizen", email="Soren@Havnelauget.dk")
    docx = make_docx(tmp_path / "x.docx", "Tegning af slæbestedet")
    eml = make_eml(tmp_path / "referat.eml", ("tegning.docx", docx.read_bytes()))
    before = initiatives.get_initiative(any_db, made.id or 0).version

    result = mail_import.import_message(any_db, made.id or 0, eml)

    current = initiatives.get_initiative(any_db, made.id or 0)
    assert current.version != before  # an editor open on the old version reloads
    [entry] = current.journal
    assert (entry.id, entry.kind, entry.date) == (result.journal_id, "email", date(2025, 3, 14))
    assert entry.summary.startswith("Referat fra bådelauget\n\nVi blev enige om ålegræsbedet")
    assert entry.participant_ids == [soren]  # matched without case, listed once
    assert [(p.email, sid) for p, sid in result.matched] == [("soren@havnelauget.dk", soren)]
    assert sorted(p.email for p in result.unmatched) == ["mette@kommune.dk", "ukendt@example.org"]
    listed = attachments.list_attachments(any_db, made.id or 0)
    assert [(a.name, a.journal_entry_id) for a in listed] == [
        ("referat.eml", entry.id),
        ("tegning.docx", entry.id),
    ]
    assert attachments.extract_pending(any_db) == 2
    # the attached drawing's words are found, and the hit names the document
    assert portfolio_query.ids(
        any_db, portfolio_query.PortfolioFilter(search="slaebestedet tegning")
    ) == [made.id]
    hits = attachments.matching_documents(any_db, "tegning slæbestedet")
    assert [h.name for h in hits] == ["tegning.docx"]


def test_people_not_found_become_stakeholders_when_asked(db: Database, tmp_path: Path) -> None:
    made = factories.initiative(db)
    eml = make_eml(tmp_path / "m.eml")
    result = mail_import.import_message(db, made.id or 0, eml, create=["ukendt@example.org"])
    assert [p.email for p, _sid in result.created] == ["ukendt@example.org"]
    assert sorted(p.email for p in result.unmatched) == ["mette@kommune.dk", "soren@havnelauget.dk"]
    [entry] = initiatives.get_initiative(db, made.id or 0).journal
    assert entry.participant_names == ["ukendt@example.org"]


def test_an_ics_invitation_becomes_a_meeting_entry(db: Database, tmp_path: Path) -> None:
    made = factories.initiative(db)
    soren = factories.stakeholder(db, "Søren Fisker", "citizen", email="soren@havnelauget.dk")
    ics = make_ics(tmp_path / "invitation.ics")
    result = mail_import.import_message(db, made.id or 0, ics, create=True)
    [entry] = initiatives.get_initiative(db, made.id or 0).journal
    assert (entry.kind, entry.date) == ("meeting", date(2025, 5, 2))
    assert entry.summary.startswith("Dialogmøde om havneplanen\n\nHavnekontoret")
    assert soren in entry.participant_ids and len(entry.participant_ids) == 3
    assert sorted(p.email for p, _ in result.created) == ["mette@kommune.dk", "ny@borger.dk"]
    assert [a.name for a in result.attachments] == ["invitation.ics"]


def test_a_damaged_message_is_refused_and_nothing_is_written(db: Database, tmp_path: Path) -> None:
    made = factories.initiative(db)
    bad = tmp_path / "broken.ics"
    bad.write_bytes(b"BEGIN:VCALENDAR\nthis is not a calendar")
    with pytest.raises(InputFileError):
        mail_import.import_message(db, made.id or 0, bad)
    assert initiatives.get_initiative(db, made.id or 0).journal == []
    assert attachments.list_attachments(db, made.id or 0) == []


def test_cli_attach_of_an_eml_reports_the_participants(run_cli: Any, tmp_path: Path) -> None:
    db = str(tmp_path / "p.sqlite")
    run_cli("--db", db, "demo")
    reference = json.loads(run_cli("--db", db, "list", "--format", "json").out)[0]["reference"]
    eml = make_eml(tmp_path / "referat.eml")
    result = run_cli("--db", db, "--lang", "da", "attach", reference, str(eml))
    assert result.code == 0, result.err
    assert "Journalnotat" in result.out and "referat.eml" in result.out
    assert "ikke en aktør: Søren Fisker <soren@havnelauget.dk>" in result.out
    listed = json.loads(run_cli("--db", db, "attachments", reference, "--format", "json").out)
    assert [a["name"] for a in listed] == ["referat.eml"] and listed[0]["journal"] is not None


def test_an_outlook_msg_becomes_an_email_entry(db: Database, tmp_path: Path) -> None:
    from datetime import UTC, datetime

    from tests.core.attachments.msgfile import make_msg

    made = factories.initiative(db)
    mette = factories.stakeholder(
        db, "Mette Havnefoged", "municipal_unit", email="mette@kommune.dk"
    )
    msg = make_msg(
        tmp_path / "Møde om kajen.msg",
        "Møde om kajen",
        "Kære alle, vi mødes på kajen ved fiskerhusene.",
        ("Søren Fisker", "soren@havnelauget.dk"),
        [("Mette Havnefoged", "mette@kommune.dk")],
        datetime(2025, 3, 14, 9, 30, tzinfo=UTC),
        ("bilag.txt", "ålegræs ".encode() * 1000),
    )
    result = mail_import.import_message(db, made.id or 0, msg)
    [entry] = initiatives.get_initiative(db, made.id or 0).journal
    assert (entry.kind, entry.date) == ("email", date(2025, 3, 14))
    assert entry.summary == "Møde om kajen\n\nKære alle, vi mødes på kajen ved fiskerhusene."
    assert entry.participant_ids == [mette]
    assert [p.email for p in result.unmatched] == ["soren@havnelauget.dk"]
    listed = attachments.list_attachments(db, made.id or 0)
    assert [(a.name, a.size) for a in listed] == [
        ("Møde om kajen.msg", msg.stat().st_size),
        ("bilag.txt", 10_000),
    ]
