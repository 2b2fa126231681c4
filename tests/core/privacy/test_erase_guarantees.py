"""What an erase promises beyond the text: stale saves conflict (SQLite and PostgreSQL), the
messages are true when the clean-up fails, no backup is made holding the person, and the
erasure ledger brings no erased person back with a restore or an older copy."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from coprod_desktop import paths
from coprod_desktop.domain.errors import ConflictError, CoprodError
from coprod_desktop.services import (
    backups,
    erasure_ledger,
    exchange,
    initiatives,
    privacy,
    stakeholders,
)
from coprod_desktop.store.db import Database
from coprod_desktop.store.migrate import open_database

NAME = "Karen Blixby"
EMAIL = "karen.blixby@example.dk"
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
            },
            {"key": "c", "name": "Roklubben", "kind": "association", "is_person": False},
        ],
        "initiatives": [
            {
                "key": "i",
                "reference": "CP-2026-010",
                "title": "Kajakhotel",
                "summary": "Ideas from the rowing club.",
                "sector": "harbours",
                "status": "active",
                "stakeholders": [{"stakeholder": "c", "role": "partner"}],
                "journal": [
                    {
                        "date": "2026-05-01",
                        "kind": "call",
                        "summary": f"{NAME} called from {PHONE}; write to {EMAIL}",
                    }
                ],
            },
            {
                "key": "j",
                "reference": "CP-2026-011",
                "title": "Strandrensning",
                "sector": "planning_environment",
                "status": "active",
                "stakeholders": [{"stakeholder": "k", "role": "user"}],
            },
        ],
    }


def _load(db: Database) -> int:
    exchange.import_document(db, _document())
    return next(p.id for p in privacy.list_persons(db) if p.name == NAME)


def _has_traces(path: Path) -> bool:
    data = path.read_bytes()
    wal = Path(str(path) + "-wal")
    if wal.exists():
        data += wal.read_bytes()
    return any(value.encode() in data for value in (NAME, EMAIL, PHONE, "Blixby"))


# ------------------------------------------------------------------ stale saves


def test_a_stale_editor_save_after_an_erase_is_a_conflict(any_db: Database) -> None:
    person = _load(any_db)
    mentioned = initiatives.get_initiative(any_db, "CP-2026-010")  # only its journal names her
    involved = initiatives.get_initiative(any_db, "CP-2026-011")  # she takes part, not named
    card = stakeholders.get_stakeholder(any_db, person)

    result = privacy.erase_person(any_db, person, "asked (art. 17)")
    assert set(result.initiatives_touched) == {mentioned.id, involved.id}

    mentioned.summary = "edited in an editor opened before the erase"
    with pytest.raises(ConflictError):
        initiatives.save_initiative(any_db, mentioned)
    involved.summary = "edited too"
    with pytest.raises(ConflictError):
        initiatives.save_initiative(any_db, involved)
    with pytest.raises(ConflictError):
        initiatives.update_fields(any_db, involved.id or 0, {"area": "x"}, involved.version)
    card.notes = "typed before the erase"
    with pytest.raises(ConflictError):
        stakeholders.save_stakeholder(any_db, card)

    fresh = initiatives.get_initiative(any_db, "CP-2026-010")
    assert fresh.journal[0].summary == (
        f"Erased person {person} called from [erased]; write to [erased]"
    )
    history = initiatives.history(any_db, "CP-2026-010")
    assert history[0].action == "erase"
    text = json.dumps([h.__dict__ for h in history], default=str)
    assert NAME not in text and EMAIL not in text and PHONE not in text


def test_a_merge_of_an_export_older_than_the_erase_does_not_bring_the_person_back(
    any_db: Database,
) -> None:
    person = _load(any_db)
    old_export = exchange.export_document(any_db)
    versions = [i.get("version") for i in old_export["initiatives"]]
    privacy.erase_person(any_db, person, "asked")
    now = {
        i["reference"]: i.get("version") for i in exchange.export_document(any_db)["initiatives"]
    }
    assert None not in versions  # exports carry each initiative's version
    assert all(now[i["reference"]] > i["version"] for i in old_export["initiatives"])
    with pytest.raises(CoprodError):
        exchange.import_document(any_db, old_export, merge=True)
    again = exchange.export_document(any_db)
    assert NAME not in json.dumps(again, ensure_ascii=False)


# ------------------------------------------------------------------ clean-up


def test_when_only_the_clean_up_fails_the_person_is_erased_and_check_finishes_it(
    db: Database, db_path: Path, run_cli, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    person = _load(db)
    real = privacy._compact_sqlite

    def failing(_db: Database) -> bool:
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(privacy, "_compact_sqlite", failing)
    result = run_cli("--db", str(db_path), "person", "erase", str(person), "--reason", "asked")
    assert result.code == 4
    assert "IS erased" in result.err and "coprod check" in result.err
    assert "nothing was saved" not in result.err
    assert f"Erased person {person}" in result.out
    assert stakeholders.get_stakeholder(db, person).name == f"Erased person {person}"
    assert privacy.cleanup_pending(db)

    danish = run_cli("--db", str(db_path), "--lang", "da", "check")
    assert danish.code == 4
    assert "oprydningen efter en sletning mislykkedes igen" in danish.out

    monkeypatch.setattr(privacy, "_compact_sqlite", real)
    checked = run_cli("--db", str(db_path), "check")
    assert checked.code == 0, checked.err
    assert "clean-up after an erase is finished" in checked.out
    assert not privacy.cleanup_pending(db)
    db.dispose()
    assert not _has_traces(db_path)


def test_the_service_reports_a_failed_clean_up_without_raising(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    person = _load(db)

    def failing(_db: Database) -> bool:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(privacy, "_compact_sqlite", failing)
    result = privacy.erase_person(db, person, "asked")
    assert not result.file_compacted
    assert result.cleanup_error is not None and "disk I/O error" in result.cleanup_error
    assert stakeholders.get_stakeholder(db, person).name == f"Erased person {person}"


# ------------------------------------------------------------------ backups


def _backups() -> list[Path]:
    return sorted(paths.backups_dir().glob("*.sqlite"))


def test_the_erase_command_makes_no_backup_holding_the_person(
    db: Database, db_path: Path, run_cli
) -> None:  # type: ignore[no-untyped-def]
    person = _load(db)
    db.dispose()
    assert _backups() == []
    result = run_cli("--db", str(db_path), "person", "erase", str(person), "--reason", "asked")
    assert result.code == 0, result.err
    assert _backups() == []  # the day's backup was not made just before the erase
    assert run_cli("--db", str(db_path), "list").code == 0
    (daily,) = _backups()
    assert "daily" in daily.name and not _has_traces(daily)


def test_a_restore_or_an_older_copy_never_brings_an_erased_person_back(
    db: Database, db_path: Path, run_cli, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    person = _load(db)
    db.dispose()
    assert run_cli("--db", str(db_path), "list").code == 0  # today's backup, with her in it
    (daily,) = _backups()
    assert _has_traces(daily)
    older_copy = tmp_path / "copy-from-last-week.sqlite"
    shutil.copyfile(daily, older_copy)

    erased = run_cli("--db", str(db_path), "person", "erase", str(person), "--reason", "asked")
    assert erased.code == 0, erased.err
    ledger_text = erasure_ledger.ledger_path().read_text("utf-8")
    assert str(person) in ledger_text
    assert not any(v.lower() in ledger_text.lower() for v in (NAME, EMAIL, "blixby", "31415926"))

    restored = run_cli("--db", str(db_path), "backup", "restore", daily.name)
    assert restored.code == 0, restored.err
    assert str(person) in restored.err and "erased again" in restored.err
    assert not _has_traces(db_path)
    again = open_database(str(db_path))
    try:
        assert stakeholders.get_stakeholder(again, person).name == f"Erased person {person}"
        assert (
            initiatives.get_initiative(again, "CP-2026-010")
            .journal[0]
            .summary.startswith(f"Erased person {person} called")
        )
    finally:
        again.dispose()

    opened = run_cli("--db", str(older_copy), "list")  # an older copy opened directly
    assert opened.code == 0 and "erased again" in opened.err
    assert not _has_traces(older_copy)


def test_the_database_keeps_its_own_ledger_when_the_folders_copy_is_lost(
    db: Database, tmp_path: Path
) -> None:
    person = _load(db)
    before = tmp_path / "before.sqlite"
    backups.backup(db, before)
    privacy.erase_person(db, person, "asked")
    with db.engine.connect() as connection:
        (entry,) = erasure_ledger.stored(connection)
    erasure_ledger.ledger_path().unlink()
    assert privacy.reapply_erasures(db) == []  # this database is erased already …
    assert erasure_ledger.load() == [entry]  # … and hands its ledger back to the folder
    copy = open_database(str(before))
    try:
        assert privacy.reapply_erasures(copy) == [person]
        assert privacy.reapply_erasures(copy) == []  # once is enough
    finally:
        copy.dispose()


def test_a_ledger_entry_does_not_erase_a_different_party_with_the_same_id(
    db: Database,
) -> None:
    person = _load(db)
    entry = erasure_ledger.new_entry(person, "Someone Else", "else@example.dk", None)
    erasure_ledger.remember(entry)
    assert privacy.reapply_erasures(db) == []
    assert stakeholders.get_stakeholder(db, person).name == NAME


def test_an_import_of_an_older_export_cannot_bring_an_erased_person_back(
    db: Database, run_cli, db_path: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    person = _load(db)
    old_export = tmp_path / "before-the-erase.json"
    exchange.write_json(exchange.export_document(db), old_export)
    privacy.erase_person(db, person, "asked")
    for reference in ("CP-2026-010", "CP-2026-011"):  # imported as new initiatives
        initiatives.delete_initiative(db, reference)
    db.dispose()
    result = run_cli("--db", str(db_path), "import", str(old_export))
    assert result.code == 3, result.err
    assert "stakeholders[0]" in result.err and "erased on" in result.err
    assert NAME not in result.err  # the message itself does not repeat the erased name
    again = open_database(str(db_path))
    try:
        assert NAME not in {p.name for p in privacy.list_persons(again)}
    finally:
        again.dispose()
    # another person of another name imports as before
    document = _document()
    document["stakeholders"][0].update(name="Karen Blixen", email=None, phone=None)
    del document["stakeholders"][0]["email"], document["stakeholders"][0]["phone"]
    other = tmp_path / "other.json"
    other.write_text(json.dumps(document), "utf-8")
    assert run_cli("--db", str(db_path), "import", str(other)).code == 0


def test_an_older_copy_where_the_person_was_not_yet_marked_a_person_is_erased_too(
    db: Database, tmp_path: Path
) -> None:
    person = _load(db)
    before = tmp_path / "before.sqlite"
    backups.backup(db, before)
    privacy.erase_person(db, person, "asked")
    connection = sqlite3.connect(before)
    with connection:  # say she was recorded as kind "other", not a person, back then
        connection.execute(
            "UPDATE stakeholder SET kind = 'other', is_person = 0 WHERE id = ?", (person,)
        )
    connection.close()
    copy = open_database(str(before))
    try:
        assert privacy.reapply_erasures(copy) == [person]
        assert stakeholders.get_stakeholder(copy, person).name == f"Erased person {person}"
    finally:
        copy.dispose()
    assert not _has_traces(before)


def test_public_brief_name_decisions_naming_the_person_go_with_the_erase(
    any_db: Database,
) -> None:
    from coprod_desktop.services import names

    person = _load(any_db)
    names.decide(any_db, NAME, "a volunteer")
    names.decide(any_db, "Blixby Havnelaug", None)  # another party's phrase, not hers alone
    names.decide(any_db, "Sønderby Havn", None)
    privacy.erase_person(any_db, person, "asked (art. 17)")
    kept = [d.phrase for d in names.list_decisions(any_db)]
    assert NAME not in kept
    assert "Sønderby Havn" in kept
