"""The SQLite store: pragmas, optimistic locking and the audit trail."""

from __future__ import annotations

import dataclasses
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select, text

from coprod_desktop.domain import model as d
from coprod_desktop.domain.errors import ConflictError
from coprod_desktop.services import exchange, initiatives
from coprod_desktop.store import models as m
from coprod_desktop.store.db import Database
from coprod_desktop.store.migrate import open_database
from tests.core import factories


def test_sqlite_connections_use_wal_foreign_keys_normal_sync_and_a_busy_timeout(
    db: Database,
) -> None:
    with db.engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert connection.execute(text("PRAGMA synchronous")).scalar() == 1  # NORMAL
        assert connection.execute(text("PRAGMA busy_timeout")).scalar() > 0


def test_foreign_keys_are_enforced(db: Database) -> None:
    from sqlalchemy.exc import IntegrityError

    with db.engine.connect() as connection, pytest.raises(IntegrityError):
        connection.execute(
            text(
                "INSERT INTO mandate (initiative_id, level, clarity) VALUES (9999, 'none', 'clear')"
            )
        )


def _audit(db: Database) -> list[m.AuditEntry]:
    with db.session() as session:
        return list(session.scalars(select(m.AuditEntry).order_by(m.AuditEntry.id)))


# ------------------------------------------------------------------ optimistic locking


def test_saving_a_stale_copy_is_refused_and_writes_nothing(db: Database) -> None:
    made = factories.initiative(db, "Frivillige på plejecentret", sector="eldercare")
    mine = initiatives.get_initiative(db, made.id)  # type: ignore[arg-type]
    theirs = initiatives.get_initiative(db, made.id)  # type: ignore[arg-type]

    theirs.title = "Frivillige på Solgården"
    saved = initiatives.save_initiative(db, theirs)
    assert saved.version == made.version + 1  # type: ignore[operator]

    audit_before = len(_audit(db))
    mine.summary = "My summary"
    mine.mandates.append(d.MandateData(level="informal", clarity="unclear"))
    with pytest.raises(ConflictError) as caught:
        initiatives.save_initiative(db, mine)
    assert caught.value.exit_code == 4
    assert made.reference in caught.value.message()

    now = initiatives.get_initiative(db, made.id)  # type: ignore[arg-type]
    assert now.title == "Frivillige på Solgården"
    assert now.summary is None
    assert now.mandates == []
    assert now.version == saved.version
    assert len(_audit(db)) == audit_before


def test_deleting_a_stale_copy_is_refused(db: Database) -> None:
    made = factories.initiative(db)
    changed = dataclasses.replace(made, title="Changed")
    initiatives.save_initiative(db, changed)
    with pytest.raises(ConflictError):
        initiatives.delete_initiative(db, made.id, expected_version=made.version)  # type: ignore[arg-type]
    assert initiatives.get_initiative(db, made.id).title == "Changed"  # type: ignore[arg-type]


def test_a_change_to_children_only_bumps_the_version(db: Database) -> None:
    made = factories.initiative(db)
    made.cross_pressures.append(d.PressureData(category="npm_control", severity=2, status="open"))
    saved = initiatives.save_initiative(db, made)
    assert saved.version == made.version + 1  # type: ignore[operator]
    # and the copy read before the child change is now stale
    with pytest.raises(ConflictError):
        initiatives.save_initiative(db, dataclasses.replace(made, title="x", cross_pressures=[]))


def test_editing_one_child_field_bumps_the_version(db: Database) -> None:
    made = factories.full_initiative(db)
    made.journal[0].summary = "Nyt resumé"
    saved = initiatives.save_initiative(db, made)
    assert saved.version == made.version + 1  # type: ignore[operator]
    assert saved.journal[0].summary == "Nyt resumé"


def test_saving_without_changes_keeps_the_version(db: Database) -> None:
    made = factories.full_initiative(db)
    saved = initiatives.save_initiative(db, made)
    assert saved.version == made.version
    assert saved.updated_at == made.updated_at


def test_a_second_engine_sees_the_conflict_too(db: Database, db_path) -> None:  # type: ignore[no-untyped-def]
    made = factories.initiative(db)
    other = open_database(str(db_path))
    try:
        theirs = initiatives.get_initiative(other, made.id)  # type: ignore[arg-type]
        theirs.owner = "Someone else"
        initiatives.save_initiative(other, theirs)
    finally:
        other.dispose()
    made.owner = "Me"
    with pytest.raises(ConflictError):
        initiatives.save_initiative(db, made)
    assert initiatives.get_initiative(db, made.id).owner == "Someone else"  # type: ignore[arg-type]


# ------------------------------------------------------------------ audit


def test_creating_an_initiative_audits_it_and_its_children(db: Database) -> None:
    made = factories.full_initiative(db)
    entries = [e for e in _audit(db) if e.action == "create"]
    assert {e.who for e in entries} == {"tester"}
    entities = {e.entity for e in entries if e.initiative_id == made.id}
    assert entities == {
        "initiative",
        "involvement",
        "mandate",
        "resource",
        "cross_pressure",
        "journal",
        "review",
        "commitment",
        "outcome",
    }
    created = next(e for e in entries if e.entity == "initiative")
    assert created.entity_id == made.id
    assert created.new_value == made.reference
    assert {e.entity for e in entries if e.initiative_id is None} == {"stakeholder"}


def test_updates_record_field_old_and_new_value(db: Database) -> None:
    made = factories.full_initiative(db)
    before = len(_audit(db))
    made.title = "Ny titel"
    made.status = "paused"
    made.cross_pressures[0].severity = 1
    initiatives.save_initiative(db, made)
    new = _audit(db)[before:]
    changes = {(e.entity, e.field): (e.old_value, e.new_value) for e in new}
    assert changes[("initiative", "title")] == ("Havneudvikling i Ørum", "Ny titel")
    assert changes[("initiative", "status")] == ("active", "paused")
    assert changes[("cross_pressure", "severity")] == ("3", "1")
    assert all(e.action == "update" and e.who == "tester" for e in new)
    assert all(e.initiative_id == made.id for e in new)


def test_journal_participants_changes_are_audited(db: Database) -> None:
    made = factories.full_initiative(db)
    before = len(_audit(db))
    made.journal[0].participant_ids = made.journal[0].participant_ids[:1]
    initiatives.save_initiative(db, made)
    new = _audit(db)[before:]
    entry = next(e for e in new if e.field == "participants")
    assert "Anna Ærø" in (entry.old_value or "")
    assert "Anna Ærø" not in (entry.new_value or "")


def test_deleting_children_and_initiatives_is_audited(db: Database) -> None:
    made = factories.full_initiative(db)
    before = len(_audit(db))
    removed_mandate = made.mandates[0].id
    made.mandates = []
    initiatives.save_initiative(db, made)
    new = _audit(db)[before:]
    assert [(e.action, e.entity, e.entity_id) for e in new] == [
        ("delete", "mandate", removed_mandate)
    ]
    assert new[0].old_value and new[0].new_value is None

    before = len(_audit(db))
    initiatives.delete_initiative(db, made.reference)  # type: ignore[arg-type]
    new = _audit(db)[before:]
    deleted = {(e.entity, e.entity_id) for e in new if e.action == "delete"}
    assert ("initiative", made.id) in deleted
    assert {e.entity for e in new} >= {"initiative", "involvement", "resource", "journal"}
    assert all(e.who == "tester" for e in new)


def test_history_lists_an_initiatives_changes_newest_first(db: Database) -> None:
    made = factories.initiative(db)
    made.owner = "Kirsten"
    initiatives.save_initiative(db, made)
    trail = initiatives.history(db, made.reference)  # type: ignore[arg-type]
    assert trail[0].field == "owner" and trail[0].new_value == "Kirsten"
    assert trail[-1].action == "create"


def test_the_configured_user_name_is_recorded(db_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("COPROD_USER", "havnefoged")
    database = open_database(str(db_path))
    try:
        factories.initiative(database, start_date=date(2024, 1, 1))
        assert {e.who for e in _audit(database)} == {"havnefoged"}
    finally:
        database.dispose()


@pytest.mark.parametrize("folder", ["pct %20 x", "q?mark", "hash#x", "Ærø %", "plus+at@x"])
def test_a_portfolio_is_made_and_opened_exactly_where_its_path_says(
    tmp_path,
    run_cli,
    folder: str,  # type: ignore[no-untyped-def]
) -> None:
    """A path is turned into an address: a % or ? or # in a folder's name must not be read
    as an escape or the end of the path (the file went to "pct   x/", or became "q")."""
    wanted = tmp_path / "portfolios" / folder / "portfolio.sqlite"
    wanted.parent.mkdir(parents=True)
    assert run_cli("--db", str(wanted), "init").code == 0
    assert wanted.is_file()
    assert run_cli("--db", str(wanted), "list").code == 0
    assert [p.name for p in (tmp_path / "portfolios").iterdir()] == [folder]
    db = open_database(str(wanted))
    try:
        assert db.path == wanted and db.display_name == str(wanted)
        with db.session() as session:
            session.add(m.Stakeholder(name="Havnens venner", kind="association"))
    finally:
        db.dispose()
    again = open_database(str(wanted))  # the same file, found again
    try:
        with again.session() as session:
            assert session.scalars(select(m.Stakeholder.name)).all() == ["Havnens venner"]
    finally:
        again.dispose()


def test_the_adapters_store_db_registers_bind_as_sqlite3_would_without_them() -> None:
    """store.db (imported above) registers faster adapters for None and for dates (the bulk import binds a
    third of a million of them); what lands in the file is what it was without them."""
    connection = sqlite3.connect(":memory:")
    try:
        connection.execute("CREATE TABLE t (a, b)")
        connection.execute("INSERT INTO t VALUES (?, ?)", (None, date(2024, 2, 29)))
        connection.execute("INSERT INTO t VALUES (?, ?)", (date(1, 1, 1), None))
        rows = connection.execute("SELECT a, typeof(a), b, typeof(b) FROM t").fetchall()
    finally:
        connection.close()
    assert rows == [
        (None, "null", "2024-02-29", "text"),
        ("0001-01-01", "text", None, "null"),
    ]


def test_a_new_portfolio_has_8_kib_pages_and_an_existing_file_keeps_its_own(
    tmp_path: Path,
) -> None:
    """New files get 8 KiB pages (store.db.NEW_FILE_PAGE_SIZE); a portfolio made with 4 KiB
    pages keeps them when it is opened, written and compacted (VACUUM after an erase)."""

    def page_size(path: Path) -> int:
        connection = sqlite3.connect(path)
        try:
            return int(connection.execute("PRAGMA page_size").fetchone()[0])
        finally:
            connection.close()

    new = open_database(str(tmp_path / "new.sqlite"))
    new.dispose()
    assert page_size(tmp_path / "new.sqlite") == 8192

    old_file = tmp_path / "old.sqlite"
    connection = sqlite3.connect(old_file)
    connection.execute("PRAGMA page_size = 4096")
    connection.execute("CREATE TABLE made_by_an_older_version (x)")
    connection.execute("DROP TABLE made_by_an_older_version")
    connection.commit()
    connection.close()
    old = open_database(str(old_file))
    try:
        exchange.load_demo(old)
        with old.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as c:
            c.exec_driver_sql("VACUUM")
    finally:
        old.dispose()
    assert page_size(old_file) == 4096
