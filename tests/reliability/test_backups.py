"""Automatic rolling backups: one per day of use, the last 7 daily kept plus every
pre-migration one, listed and restored from the CLI and the service the GUI calls."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from coprod_desktop import paths
from coprod_desktop.domain import model as d
from coprod_desktop.domain.errors import (
    DatabaseCorruptError,
    DatabaseUnavailableError,
    InputFileError,
)
from coprod_desktop.services import backups, initiatives
from coprod_desktop.store import backup_files as store
from coprod_desktop.store.migrate import open_database
from tests.reliability.helpers import dump, integrity

FIXTURE_0001 = Path(__file__).parents[1] / "fixtures" / "portfolio-0001_initial.sqlite"


def _age(info: backups.BackupInfo, days: int) -> None:
    """Pretend a daily backup was made `days` ago."""
    meta_file = info.path.with_name(info.path.name + ".json")
    meta = json.loads(meta_file.read_text())
    when = datetime.now() - timedelta(days=days)
    meta["created"] = when.isoformat(timespec="seconds")
    meta_file.write_text(json.dumps(meta))
    renamed = info.path.with_name(
        info.path.name.replace(date.today().isoformat(), when.date().isoformat())
    )
    info.path.rename(renamed)
    meta_file.rename(renamed.with_name(renamed.name + ".json"))


def test_one_daily_backup_per_day_of_use_and_only_seven_kept(
    db_path: Path, head_template: Path, run_cli: Any
) -> None:
    shutil.copyfile(head_template, db_path)
    for _ in range(3):  # three openings on one day: one backup
        assert run_cli("--db", str(db_path), "list").code == 0
    daily = [b for b in backups.list_backups(db_path) if b.kind == "daily"]
    assert len(daily) == 1
    for day in range(1, 10):  # nine more days of use
        _age(daily[0], day)
        assert run_cli("--db", str(db_path), "list").code == 0
        daily = [b for b in backups.list_backups(db_path) if b.kind == "daily"]
    assert len(daily) == 7
    assert daily[0].created.date() == date.today()
    assert not list(paths.backups_dir().glob(".*.part"))


def test_pre_migration_backups_are_all_kept_and_listed(db_path: Path, run_cli: Any) -> None:
    shutil.copyfile(FIXTURE_0001, db_path)
    assert run_cli("--db", str(db_path), "init").code == 0
    for days in range(1, 10):
        for info in backups.list_backups(db_path):
            if info.kind == "daily" and info.created.date() == date.today():
                _age(info, days)
        assert run_cli("--db", str(db_path), "list").code == 0
    listed = run_cli("backup", "list", "--format", "json")
    assert listed.code == 0
    rows = json.loads(listed.out)
    kinds = [row["kind"] for row in rows]
    assert kinds.count("pre-migration") == 1 and kinds.count("daily") == 7
    assert all(row["database"] == str(db_path.resolve()) for row in rows)
    assert next(r for r in rows if r["kind"] == "pre-migration")["revision"] == "0001_initial"
    table = run_cli("backup", "list")
    assert "pre-migration" in table.out and "daily" in table.out and str(db_path) in table.out


def test_restore_takes_a_safety_copy_and_brings_back_the_day(
    db_path: Path, head_template: Path, run_cli: Any
) -> None:
    shutil.copyfile(head_template, db_path)
    db = open_database(str(db_path))  # no automatic backup unless asked for
    initiatives.create_initiative(
        db, d.InitiativeData(reference="CP-2025-001", title="Før", sector="harbours", status="idea")
    )
    db.dispose()
    assert not backups.list_backups(db_path)
    assert run_cli("--db", str(db_path), "list").code == 0  # the day's first use: a backup
    morning = dump(db_path)
    db = open_database(str(db_path))
    initiatives.create_initiative(
        db,
        d.InitiativeData(reference="CP-2025-002", title="Efter", sector="harbours", status="idea"),
    )
    db.dispose()
    afternoon = dump(db_path)

    latest = backups.latest_backup_for(db_path)
    assert latest is not None
    result = backups.restore_backup(latest.name, db_path)
    assert dump(db_path) == morning
    assert integrity(db_path) == ["ok"]
    assert result.safety_copy is not None and result.safety_copy.kind == "pre-restore"
    # the restore itself can be undone from its safety copy
    back = run_cli("--db", str(db_path), "backup", "restore", result.safety_copy.name)
    assert back.code == 0, back.err
    assert dump(db_path) == afternoon


def test_restore_refuses_a_damaged_backup_an_unknown_name_and_a_shared_database(
    db_path: Path, head_template: Path, run_cli: Any
) -> None:
    shutil.copyfile(head_template, db_path)
    assert run_cli("--db", str(db_path), "list").code == 0
    info = backups.list_backups(db_path)[0]
    before = dump(db_path)
    data = bytearray(info.path.read_bytes())
    data[4096 * 2 : 4096 * 2 + 400] = b"\x5a" * 400
    info.path.write_bytes(bytes(data))
    with pytest.raises(DatabaseCorruptError):
        backups.restore_backup(info.name, db_path)
    assert backups.latest_backup_for(db_path) is None  # never offers a damaged one
    result = run_cli("--db", str(db_path), "backup", "restore", info.name)
    assert result.code == 4 and "Traceback" not in result.err
    with pytest.raises(InputFileError):
        backups.restore_backup("../portfolio", db_path)
    assert run_cli("--db", str(db_path), "backup", "restore", "nope").code == 3
    with pytest.raises(DatabaseUnavailableError):
        backups.database_path("postgresql+psycopg://u@localhost/x")
    assert dump(db_path) == before


def test_a_failed_daily_backup_does_not_stop_the_opening(
    db_path: Path, head_template: Path, isolated_data_dir: Path
) -> None:
    shutil.copyfile(head_template, db_path)
    isolated_data_dir.mkdir(parents=True, exist_ok=True)
    (isolated_data_dir / "backups").write_text("a file where the folder should be")
    db = open_database(str(db_path), auto_backup=True)
    try:
        assert db.auto_backup is None and db.auto_backup_problem
    finally:
        db.dispose()
    assert integrity(db_path) == ["ok"]


def test_the_copy_is_made_with_the_backup_api_while_someone_writes(
    db_path: Path, head_template: Path
) -> None:
    shutil.copyfile(head_template, db_path)
    writer = sqlite3.connect(db_path)
    writer.execute("PRAGMA journal_mode = WAL")
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("CREATE TABLE scratch (x)")
    try:
        made = store.make_backup(db_path, "daily")
    finally:
        writer.rollback()
        writer.close()
    assert store.quick_check(made.path) is None
    assert os.path.getsize(made.path) == made.size
