"""GDPR tools: retention review, access log, access request export, and the erase guarantee
(no trace of the erased values in the database files, the search index or the audit trail)."""

from __future__ import annotations

import json
import re
import sqlite3
from datetime import date
from pathlib import Path
from typing import Any

import pypdf
import pytest

from coprod_desktop.domain.errors import ValidationError
from coprod_desktop.services import exchange, portfolio_query, privacy, stakeholders
from coprod_desktop.store.db import Database
from coprod_desktop.store.search import fold

NAME = "Hanne Østergård"
EMAIL = "hanne.ostergard@example.dk"
PHONE = "+45 21 43 65 87"
OLD_PHONE = "+45 99 88 77 66"
NOTES = "Prefers to be called in the morning about the harbour bath."


def _document() -> dict[str, Any]:
    return {
        "format": "coprod-interchange",
        "version": 1,
        "stakeholders": [
            {
                "key": "p",
                "name": NAME,
                "kind": "citizen",
                "is_person": True,
                "organisation": "Havnebadets Venner",
                "email": EMAIL,
                "phone": OLD_PHONE,
                "notes": NOTES,
                "lawful_basis": "consent",
                "consent_date": "2024-01-10",
                "retention_until": "2025-12-31",
            },
            {"key": "o", "name": "Sejlklubben", "kind": "association", "is_person": False},
            {
                "key": "q",
                "name": "Ole Jensen",
                "kind": "volunteer",
                "is_person": True,
                "retention_until": "2099-01-01",
            },
        ],
        "initiatives": [
            {
                "key": "i",
                "reference": "CP-2026-001",
                "title": "Havnebad",
                "summary": f"Started after a letter from {NAME}.",
                "description": f"Contact: {EMAIL}, {PHONE}. {NAME.upper()} leads the citizens.",
                "sector": "harbours",
                "status": "active",
                "stakeholders": [
                    {"stakeholder": "p", "role": "partner", "note": f"{NAME} chairs the group"},
                    {"stakeholder": "o", "role": "contributor"},
                ],
                "resources": [
                    {
                        "kind": "volunteer_hours",
                        "amount": 40,
                        "unit": "hours",
                        "source": "p",
                        "planned": False,
                    }
                ],
                "journal": [
                    {
                        "date": "2026-02-01",
                        "kind": "meeting",
                        "summary": f"Meeting with {NAME} and the club",
                        "participants": ["p", "o"],
                    },
                    {"date": "2026-03-01", "kind": "note", "summary": "Budget approved"},
                ],
            }
        ],
    }


@pytest.fixture
def person(db: Database) -> int:
    exchange.import_document(db, _document())
    (found,) = [p for p in privacy.list_persons(db) if p.name == NAME]
    data = stakeholders.get_stakeholder(db, found.id)
    data.phone = PHONE  # the audit trail now holds the old phone as an old value
    stakeholders.save_stakeholder(db, data)
    return found.id


def _raw(db_path: Path) -> bytes:
    data = db_path.read_bytes()
    wal = db_path.with_name(db_path.name + "-wal")
    if wal.exists():
        data += wal.read_bytes()
    return data


def _traces(raw: bytes) -> list[str]:
    found = []
    for value in (NAME, fold(NAME), NAME.upper(), EMAIL, PHONE, OLD_PHONE, NOTES, "Østergård"):
        for encoded in (value.encode("utf-8"), value.lower().encode("utf-8")):
            if encoded in raw:
                found.append(value)
    return found


def test_person_list_and_retention(person: int, db: Database, run_cli, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    listed = run_cli("--db", str(db_path), "person", "list", "--format", "json")
    assert listed.code == 0, listed.err
    people = json.loads(listed.out)
    assert {p["name"] for p in people} == {NAME, "Ole Jensen"}  # organisations are not persons
    assert all({"id", "name", "kind"} <= set(p) for p in people)
    due = run_cli("--db", str(db_path), "retention", "--on", "2026-06-01", "--format", "json")
    assert [p["id"] for p in json.loads(due.out)] == [person]
    table = run_cli("--db", str(db_path), "retention", "--on", "2026-06-01")
    assert NAME in table.out and "past their retention date" in table.out
    assert privacy.retention_due(db, date(2025, 12, 31)) == []


def test_every_opening_is_logged_with_who_and_purpose(
    person: int, db: Database, run_cli, db_path: Path
) -> None:  # type: ignore[no-untyped-def]
    assert privacy.access_log(db, person) == []
    record = privacy.open_person(db, person, "call from the citizen")
    assert record.person.name == NAME
    assert [i.reference for i in record.involvements] == ["CP-2026-001"]
    assert [(j.summary, j.participant) for j in record.journal] == [
        (f"Meeting with {NAME} and the club", True)
    ]
    assert [r.amount for r in record.resources] == [40]
    with pytest.raises(ValidationError):
        privacy.open_person(db, person, "  ")
    no_purpose = run_cli("--db", str(db_path), "person", "show", str(person))
    assert no_purpose.code == 2
    shown = run_cli("--db", str(db_path), "person", "show", str(person), "--purpose", "review")
    assert shown.code == 0 and NAME in shown.out and EMAIL in shown.out
    log = privacy.access_log(db, person)
    assert [(e.who, e.action, e.purpose) for e in log] == [
        ("tester", "view", "call from the citizen"),
        ("tester", "view", "review"),
    ]
    printed = run_cli("--db", str(db_path), "person", "log", str(person), "--format", "json")
    assert [e["purpose"] for e in json.loads(printed.out)] == ["call from the citizen", "review"]


def test_privacy_tools_refuse_organisations_and_unknown_ids(
    person: int, db: Database, run_cli, db_path: Path
) -> None:  # type: ignore[no-untyped-def]
    club = next(s.id for s in stakeholders.list_stakeholders(db) if s.name == "Sejlklubben")
    assert club is not None
    result = run_cli("--db", str(db_path), "person", "erase", str(club), "--reason", "x")
    assert result.code == 3 and "not a natural person" in result.err
    assert run_cli("--db", str(db_path), "person", "show", "999", "--purpose", "x").code == 3
    assert run_cli("--db", str(db_path), "person", "erase", str(person), "--reason", " ").code == 3


def test_access_request_export_json_and_pdf(
    person: int, run_cli, db_path: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    result = run_cli(
        "--db", str(db_path), "person", "export", str(person), "-o", str(tmp_path / "hanne.pdf")
    )
    assert result.code == 0, result.err
    document = json.loads((tmp_path / "hanne.json").read_text("utf-8"))
    assert document["person"]["name"] == NAME and document["person"]["email"] == EMAIL
    assert [(i["reference"], i["title"], i["role"]) for i in document["involvements"]] == [
        ("CP-2026-001", "Havnebad", "partner")
    ]
    assert document["journal"][0]["participant"] is True
    assert document["resources"][0]["amount"] == 40
    assert {m["field"] for m in document["mentioned_in"]} == {"summary", "description"}
    assert any(a["field"] == "phone" and a["old_value"] == OLD_PHONE for a in document["audit"])
    assert document["access_log"][-1]["purpose"] == "access request"
    text = "".join(page.extract_text() for page in pypdf.PdfReader(tmp_path / "hanne.pdf").pages)
    assert NAME in text and "CP-2026-001" in text and EMAIL in text
    # every audit line names its record; a timestamp is never cut inside a number
    assert document["audit"] and all("initiative" in a for a in document["audit"])
    assert any(a["initiative"] == "CP-2026-001" for a in document["audit"])
    lines = text.splitlines()
    assert any(line.startswith("changed: stakeholder") for line in lines) or (
        f"changed: stakeholder {NAME}" in " ".join(text.split())
    )
    # the import's one event for the initiative, cut down to what concerns the person: their
    # involvement and the text naming them, not the association's involvement (issue 22)
    assert "imported: initiative in CP-2026-001" in " ".join(text.split())
    (event,) = [
        a for a in document["audit"] if a["action"] == "import" and a["entity"] == "initiative"
    ]
    shown = json.loads(event["new_value"])
    assert [x["stakeholder"] for x in shown["stakeholders"]] == [person]
    assert NAME in shown["summary"] and "title" not in shown
    times = [line for line in lines if re.fullmatch(r"\d\d:\d\d", line.strip())]
    audit_and_log = len(document["audit"]) + len(document["access_log"])
    assert len(times) == audit_and_log  # each timestamp's time whole on its own line …
    for index, line in enumerate(lines):
        if re.fullmatch(r"\d\d:\d\d", line.strip()):  # … below its whole date
            assert re.search(r"\d{4}-\d\d-\d\d$", lines[index - 1].strip()), lines[index - 1]
    danish = run_cli(
        "--lang", "da", "--db", str(db_path), "person", "export", str(person), "-o",
        str(tmp_path / "da.pdf"),
    )  # fmt: skip
    assert danish.code == 0, danish.err
    text_da = " ".join(
        " ".join(page.extract_text() for page in pypdf.PdfReader(tmp_path / "da.pdf").pages).split()
    )
    assert "importeret: initiativ i CP-2026-001" in text_da and "indsigtsudtræk" in text_da


def test_erase_leaves_no_trace_in_the_database_files(
    person: int, db: Database, run_cli, db_path: Path
) -> None:  # type: ignore[no-untyped-def]
    privacy.open_person(db, person, f"request from {NAME}")
    assert _traces(_raw(db_path)) != []  # the test can see the values before the erase
    result = run_cli(
        "--db",
        str(db_path),
        "person",
        "erase",
        str(person),
        "--reason",
        f"Erasure requested by {NAME} (art. 17)",
    )
    assert result.code == 0, result.err
    assert "Erased person" in result.out
    db.dispose()

    assert _traces(_raw(db_path)) == []
    assert portfolio_query.count(db, portfolio_query.PortfolioFilter(search="Østergård")) == 0
    assert portfolio_query.count(db, portfolio_query.PortfolioFilter(search="oestergaard")) == 0
    assert portfolio_query.count(db, portfolio_query.PortfolioFilter(search="Havnebad")) == 1

    anonymous = f"Erased person {person}"
    data = stakeholders.get_stakeholder(db, person)
    assert (data.name, data.email, data.phone, data.notes, data.organisation) == (
        anonymous,
        None,
        None,
        None,
        None,
    )
    assert (data.lawful_basis, data.consent_date, data.retention_until) == (None, None, None)
    shown = exchange.show_document(db, "CP-2026-001")
    assert anonymous in [i["stakeholder"]["name"] for i in shown["stakeholders"]]
    assert shown["journal"][0]["participants"][0]["name"] == anonymous
    assert shown["journal"][0]["summary"] == f"Meeting with {anonymous} and the club"
    assert shown["summary"] == f"Started after a letter from {anonymous}."
    assert shown["resources"][0]["source"]["name"] == anonymous
    assert privacy.retention_due(db, date(2030, 1, 1)) == []

    connection = sqlite3.connect(db_path)
    try:
        erase = connection.execute(
            "SELECT who, entity, entity_id, field, old_value, new_value FROM audit_entry "
            "WHERE action = 'erase'"
        ).fetchall()
        assert erase == [
            ("tester", "initiative", 1, None, None, None),  # its version went up
            (
                "tester",
                "stakeholder",
                person,
                None,
                None,
                f"Erasure requested by {anonymous} (art. 17)",
            ),
        ]
        values = " ".join(
            str(v) for row in connection.execute("SELECT * FROM audit_entry") for v in row
        )
        assert NAME not in values and OLD_PHONE not in values and EMAIL not in values
    finally:
        connection.close()
    assert [e.purpose for e in privacy.access_log(db, person)] == [f"request from {anonymous}"]
    assert (
        not Path(str(db_path) + "-wal").exists() or Path(str(db_path) + "-wal").stat().st_size == 0
    )
    # the file is still a healthy portfolio
    assert run_cli("--db", str(db_path), "check").code == 0


def test_erase_through_the_service_reports_what_it_did(person: int, db: Database) -> None:
    result = privacy.erase_person(db, person, "retention date passed")
    assert result.anonymous_name == f"Erased person {person}"
    assert result.texts_replaced == 3  # rows: the initiative, the involvement, the journal entry
    assert result.audit_rows_scrubbed >= 1
    assert result.file_compacted
    other = next(p for p in privacy.list_persons(db) if p.name == "Ole Jensen")
    assert other.retention_until == date(2099, 1, 1)  # nobody else is touched
