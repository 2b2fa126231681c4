"""A JSON import keeps one history event per record it makes ("imported from FILE by WHO",
the record's values as its first state) instead of a row per field (issue 22); other writes
keep their per-field history; erase and the access request see inside such events; the bulk
writer's facts agree with the triggers'."""

from __future__ import annotations

import json
import sqlite3
import threading
from pathlib import Path
from typing import Any

import pytest

from coprod_desktop.domain import import_event
from coprod_desktop.services import exchange, file_import, initiatives, privacy, stakeholders
from coprod_desktop.services.exchange import bulk
from coprod_desktop.store import models as m
from coprod_desktop.store.db import Database
from coprod_desktop.store.migrate import open_database
from tests.benchmarks import generate

NAME = "Karen Mølgaard"
EMAIL = "karen.molgaard@example.dk"
PHONE = "+45 31 41 59 26"


def _document() -> dict[str, Any]:
    return {
        "format": "coprod-interchange",
        "version": 1,
        "stakeholders": [
            {
                "key": "k",
                "name": NAME,
                "kind": "citizen",
                "is_person": True,
                "email": EMAIL,
                "phone": PHONE,
                "notes": "Call after four.",
            },
            {"key": "a", "name": "Beboerforeningen", "kind": "association", "is_person": False},
        ],
        "initiatives": [
            {
                "key": "i",
                "reference": "CP-2026-101",
                "title": "Fælleshaven",
                "summary": f"Started by {NAME}.",
                "sector": "planning_environment",
                "status": "active",
                "stakeholders": [
                    {"stakeholder": "k", "role": "partner", "note": f"{NAME} ({PHONE})"},
                    {"stakeholder": "a", "role": "contributor"},
                ],
                "journal": [
                    {
                        "date": "2026-03-01",
                        "kind": "meeting",
                        "summary": f"Met {NAME} and the association.",
                        "participants": ["k", "a"],
                    },
                    {"date": "2026-04-01", "kind": "note", "summary": "Soil delivered."},
                ],
            }
        ],
    }


def _audit(db: Database) -> list[tuple[Any, ...]]:
    with db.engine.connect() as connection:
        return list(
            connection.exec_driver_sql(
                "SELECT action, entity, entity_id, initiative_id, field, old_value, new_value,"
                " who FROM audit_entry ORDER BY id"
            ).all()
        )


def _imported(db: Database, tmp_path: Path) -> int:
    path = tmp_path / "haven.json"
    path.write_text(json.dumps(_document(), ensure_ascii=False), "utf-8")
    file_import.import_file(db, path)
    return initiatives.get_initiative(db, "CP-2026-101").id or 0


def test_an_import_keeps_one_event_per_record_with_its_first_state(
    db: Database, tmp_path: Path
) -> None:
    ident = _imported(db, tmp_path)
    rows = _audit(db)
    # two stakeholders and one initiative: three events, none per child or per field
    assert [(r[0], r[1]) for r in rows] == [
        ("import", "stakeholder"),
        ("import", "stakeholder"),
        ("import", "initiative"),
    ]
    assert {r[5] for r in rows} == {"haven.json"} and {r[7] for r in rows} == {db.user}
    event = rows[-1]
    assert event[2] == event[3] == ident and event[4] is None
    first = json.loads(event[6])
    assert first["title"] == "Fælleshaven" and first["status"] == "active"
    people = {s.name: s.id for s in stakeholders.list_stakeholders(db)}
    # parties by their stakeholder id, as the tables hold them (no names of their own)
    assert [x["stakeholder"] for x in first["stakeholders"]] == [
        people[NAME],
        people["Beboerforeningen"],
    ]
    assert first["journal"][0]["participants"] == sorted(people.values())
    assert len(first["journal"]) == 2 and first["journal"][1]["summary"] == "Soil delivered."
    # the history shows it as one line, in both languages
    (entry,) = initiatives.history(db, ident)
    assert entry.action == import_event.IMPORT
    assert import_event.summary(entry.entity, entry.old_value, entry.new_value, "en") == (
        "from haven.json: Fælleshaven; involvement ×2, journal entry ×2"
    )
    assert import_event.summary(entry.entity, entry.old_value, entry.new_value, "da") == (
        "fra haven.json: Fælleshaven; deltagelse ×2, journalnotat ×2"
    )
    assert ("Status", "Active") in import_event.values("initiative", entry.new_value, "en")

    # a later edit keeps its per-field history
    data = initiatives.get_initiative(db, ident)
    data.title = "Fælleshaven i Nørreby"
    initiatives.save_initiative(db, data)
    newest = initiatives.history(db, ident)[0]
    assert (newest.action, newest.field, newest.old_value, newest.new_value) == (
        "update",
        "title",
        "Fælleshaven",
        "Fælleshaven i Nørreby",
    )


def test_a_merge_keeps_per_field_history(db: Database) -> None:
    exchange.import_document(db, _document(), source="first.json")
    document = _document()
    document["initiatives"][0]["summary"] = "Started by the residents."
    exchange.import_document(db, document, merge=True, source="second.json")
    ident = initiatives.get_initiative(db, "CP-2026-101").id or 0
    newest = initiatives.history(db, ident)[0]
    assert (newest.action, newest.field, newest.new_value) == (
        "update",
        "summary",
        "Started by the residents.",
    )
    assert sum(1 for e in initiatives.history(db, ident) if e.action == "import") == 1


def test_coprod_history_shows_an_import_event(run_cli, db_path: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "haven.json"
    path.write_text(json.dumps(_document(), ensure_ascii=False), "utf-8")
    assert run_cli("--db", str(db_path), "import", str(path)).code == 0
    english = run_cli("--db", str(db_path), "history", "CP-2026-101")
    assert english.code == 0
    (line,) = english.out.splitlines()[2:]
    assert "imported" in line and "initiative" in line
    assert line.rstrip().endswith("from haven.json: Fælleshaven; involvement ×2, journal entry ×2")
    danish = run_cli("--db", str(db_path), "--lang", "da", "history", "CP-2026-101")
    assert "importeret" in danish.out and "fra haven.json: Fælleshaven" in danish.out
    as_json = run_cli("--db", str(db_path), "history", "CP-2026-101", "--format", "json")
    (event,) = json.loads(as_json.out)
    assert event["action"] == "import" and event["old"] == "haven.json"
    assert event["values"]["title"] == "Fælleshaven"


def test_erase_leaves_no_trace_inside_import_events(db: Database, tmp_path: Path) -> None:
    ident = _imported(db, tmp_path)
    (person,) = [p.id for p in privacy.list_persons(db) if p.name == NAME]
    request = privacy.access_export(db, person, "access request")
    (shown,) = [
        a for a in request["audit"] if a["action"] == "import" and a["entity"] == "initiative"
    ]
    concerning = json.loads(shown["new_value"])
    # only what concerns her: her involvement and the journal entry she is in, the text
    # naming her; not the association's involvement nor the other entry
    assert [x["stakeholder"] for x in concerning["stakeholders"]] == [person]
    assert [x["summary"] for x in concerning["journal"]] == [f"Met {NAME} and the association."]
    assert "title" not in concerning

    privacy.erase_person(db, person, "asked to be forgotten")
    rows = _audit(db)
    for row in rows:
        text = " ".join(str(value) for value in row)
        for value in (NAME, EMAIL, PHONE, "Call after four", "Mølgaard"):
            assert value not in text, f"{value!r} survived in {row}"
    (own,) = [r for r in rows if r[0] == "import" and r[1] == "stakeholder" and r[2] == person]
    assert json.loads(own[6])["name"].startswith("Erased person")
    (event,) = [r for r in rows if r[0] == "import" and r[1] == "initiative"]
    first = json.loads(event[6])  # still readable, the rest as it was
    assert first["title"] == "Fælleshaven" and event[3] == ident
    assert first["journal"][1]["summary"] == "Soil delivered."
    assert person in first["journal"][0]["participants"]
    # nor in the file's bytes
    db.dispose()
    with sqlite3.connect(db.path) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert NAME.encode() not in Path(db.path).read_bytes()


def _facts(path: Path, count: int, *, triggers_only: bool, monkeypatch: pytest.MonkeyPatch) -> Any:
    if triggers_only:
        monkeypatch.setattr(bulk.BulkWriter, "_fact_triggers", lambda self: None)
    db = open_database(str(path))
    try:
        exchange.load_demo(db)
        exchange.import_document(db, generate.interchange(count))
        columns = ", ".join(("id", "open_pressures", *m.ATTENTION_FACTS))
        with db.engine.connect() as connection:
            rows = connection.exec_driver_sql(f"SELECT {columns} FROM initiative ORDER BY id")
            problems = connection.exec_driver_sql("PRAGMA foreign_key_check").all()
            return rows.all(), problems
    finally:
        db.dispose()
        monkeypatch.undo()


def test_the_bulk_writers_facts_are_the_triggers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On SQLite the bulk writer inserts the children first and sets the new initiatives'
    facts in one statement made of the triggers' own; they must come out as the triggers
    make them one row at a time, with every reference whole."""
    fast, fast_problems = _facts(
        tmp_path / "a.sqlite", 400, triggers_only=False, monkeypatch=monkeypatch
    )
    slow, slow_problems = _facts(
        tmp_path / "b.sqlite", 400, triggers_only=True, monkeypatch=monkeypatch
    )
    assert fast == slow and fast_problems == slow_problems == []
    assert sum(1 for row in fast if any(row[1:])) > 300  # the facts are not all blank
    db = open_database(str(tmp_path / "c.sqlite"))
    try:
        with db.session() as session:
            triggers = bulk.BulkWriter(session)._fact_triggers()  # the fast path ran
            assert triggers is not None and "mandate" in triggers
    finally:
        db.dispose()


def _schema_triggers(db: Database) -> list[Any]:
    with db.engine.connect() as connection:
        return connection.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name"
        ).all()


def _counts(db: Database) -> tuple[int, ...]:
    tables = ("initiative", "journal_entry", "commitment", "involvement", "audit_entry")
    with db.engine.connect() as connection:
        return tuple(
            connection.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar_one()
            for table in tables
        )


def test_after_a_bulk_import_every_trigger_is_there_and_keeps_its_fact(tmp_path: Path) -> None:
    """The bulk writer drops the children's insert triggers while it writes them (it works
    their facts out itself) and makes them again: the schema comes out as it went in, and
    a journal entry written afterwards still moves its initiative's last journal date."""
    db = open_database(str(tmp_path / "p.sqlite"))
    try:
        before = _schema_triggers(db)
        assert any("AFTER INSERT ON journal_entry" in sql for _name, sql in before)
        exchange.import_document(db, generate.interchange(60))
        assert _schema_triggers(db) == before
        with db.engine.begin() as connection:
            connection.exec_driver_sql(
                "INSERT INTO journal_entry (initiative_id, date, kind, summary)"
                " VALUES (7, '2099-01-02', 'note', 'Later.')"
            )
            latest = connection.exec_driver_sql(
                "SELECT last_journal_on FROM initiative WHERE id = 7"
            ).scalar_one()
        assert str(latest) == "2099-01-02"
    finally:
        db.dispose()


def test_an_import_failing_after_the_children_leaves_no_row_and_every_trigger(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """If the import stops once the children are written and their triggers dropped (the disk
    fails as the initiatives go in), nothing of it stays: no row, and the triggers as they
    were (the drop was part of the import's transaction)."""
    db = open_database(str(tmp_path / "p.sqlite"))
    try:
        exchange.load_demo(db)
        before, counts = _schema_triggers(db), _counts(db)
        write = bulk.BulkWriter.write

        def failing(self: bulk.BulkWriter, batch: Any) -> list[int]:
            if batch.table.name == "initiative":
                raise OSError("the disk went away")
            return write(self, batch)

        monkeypatch.setattr(bulk.BulkWriter, "write", failing)
        with pytest.raises(OSError):
            exchange.import_document(db, generate.interchange(40))
        monkeypatch.undo()
        assert _schema_triggers(db) == before
        assert _counts(db) == counts
        exchange.import_document(db, generate.interchange(40))  # and the next one works
        assert _counts(db)[0] == counts[0] + 40
    finally:
        db.dispose()


def _linked_document(count: int) -> dict[str, Any]:
    """A generated document whose first meeting of each initiative has a key that its first
    commitment names (the generator makes no such links)."""
    document = generate.interchange(count)
    for item in document["initiatives"]:
        if item["journal"] and item["commitments"]:
            item["journal"][0]["key"] = "meeting"
            item["commitments"][0]["journal"] = "meeting"
    return document


def test_a_bulk_import_links_each_meeting_to_its_commitments_and_participants(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The bulk writer writes the journal under the ids that follow the largest one and makes
    the participants and commitments from those ids before the entries are written: in a
    portfolio that already has a journal, with more entries than one statement holds, each
    commitment names its own initiative's meeting and each meeting has its own people. (The
    rows are made in slices that do not divide a statement's rows.)"""
    monkeypatch.setattr(bulk, "_ROWS_BETWEEN_PAUSES", 300)
    document = _linked_document(1_100)
    names = {s["key"]: s["name"] for s in document["stakeholders"]}
    db = open_database(str(tmp_path / "p.sqlite"))
    try:
        exchange.load_demo(db)
        result = exchange.import_document(db, json.loads(json.dumps(document)))
        assert result.created == 1_100
        with db.engine.connect() as connection:
            links = connection.exec_driver_sql(
                "SELECT i.reference, c.text, j.date, j.summary, j.key FROM commitment c"
                " JOIN journal_entry j ON j.id = c.journal_entry_id AND j.initiative_id ="
                " c.initiative_id JOIN initiative i ON i.id = c.initiative_id"
            ).all()
            people = connection.exec_driver_sql(
                "SELECT i.reference, j.date, j.summary, s.name FROM journal_participant p"
                " JOIN journal_entry j ON j.id = p.journal_entry_id"
                " JOIN initiative i ON i.id = j.initiative_id"
                " JOIN stakeholder s ON s.id = p.stakeholder_id"
            ).all()
            orphans = connection.exec_driver_sql(
                "SELECT count(*) FROM commitment c WHERE c.journal_entry_id IS NOT NULL AND NOT"
                " EXISTS (SELECT 1 FROM journal_entry j WHERE j.id = c.journal_entry_id AND"
                " j.initiative_id = c.initiative_id)"
            ).scalar_one()
    finally:
        db.dispose()
    imported = dict(zip(result.references, document["initiatives"], strict=True))
    expected_links = sorted(
        (reference, item["commitments"][0]["text"], entry["date"], entry["summary"], "meeting")
        for reference, item in imported.items()
        if item["journal"] and item["commitments"]
        for entry in item["journal"][:1]
    )
    assert len(expected_links) > 500
    assert sorted((r, t, str(d), s, k) for r, t, d, s, k in links if r in imported) == (
        expected_links
    )
    assert orphans == 0
    expected_people = sorted(
        (reference, entry["date"], entry["summary"], names[key])
        for reference, item in imported.items()
        for entry in item["journal"]
        for key in set(entry["participants"])
    )
    assert sum(1 for item in imported.values() for _entry in item["journal"]) > 1_000
    assert sorted((r, str(d), s, n) for r, d, s, n in people if r in imported) == expected_people


def test_an_import_whose_rows_fail_to_be_made_leaves_no_row_and_every_trigger(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The rows are made on a second thread while earlier ones are written. If making them
    fails half-way (here the events' states, after every child and initiative is written),
    the error reaches the caller, nothing of the import stays, and the next import works."""
    db = open_database(str(tmp_path / "p.sqlite"))
    try:
        exchange.load_demo(db)
        before, counts = _schema_triggers(db), _counts(db)
        made = bulk.first_state
        calls = []

        def failing(*args: Any) -> bytes:
            calls.append(1)
            if len(calls) == 1_500:
                raise MemoryError("no room for the events")
            return made(*args)

        monkeypatch.setattr(bulk, "first_state", failing)
        with pytest.raises(MemoryError):
            exchange.import_document(db, generate.interchange(2_000))
        monkeypatch.undo()
        assert _schema_triggers(db) == before
        assert _counts(db) == counts
        exchange.import_document(db, generate.interchange(40))
        assert _counts(db)[0] == counts[0] + 40
    finally:
        db.dispose()


def test_an_import_failing_in_the_database_stops_making_rows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When a write fails while the second thread is still making rows, the import ends with
    that error at once, and the thread with it (it makes no rows for nothing)."""
    db = open_database(str(tmp_path / "p.sqlite"))
    try:
        write = bulk.BulkWriter.write
        made = []
        rows = bulk._ChildRows._rows

        def counted(self: Any, *args: Any) -> Any:
            made.append(1)
            return rows(self, *args)

        def failing(self: bulk.BulkWriter, batch: Any) -> list[int]:
            if batch.table.name == "involvement":
                raise OSError("the disk went away")
            return write(self, batch)

        monkeypatch.setattr(bulk.BulkWriter, "write", failing)
        monkeypatch.setattr(bulk._ChildRows, "_rows", counted)
        threads = threading.active_count()
        with pytest.raises(OSError):
            exchange.import_document(db, generate.interchange(3_000))
        assert threading.active_count() == threads
        assert len(made) < 3_000 * 7 // 100  # far from every list's rows
        monkeypatch.undo()
        assert _counts(db) == (0, 0, 0, 0, 0)
    finally:
        db.dispose()
