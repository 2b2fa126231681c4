"""Faults around the database file: locked by another program, disk full, damaged or foreign
files, read-only files and folders. Each test proves nothing committed was lost and that
`PRAGMA integrity_check` says ok afterwards."""

from __future__ import annotations

import copy
import hashlib
import json
import os
import shlex
import shutil
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from coprod_desktop import paths
from coprod_desktop.domain import model as d
from coprod_desktop.domain.errors import (
    DatabaseCorruptError,
    DatabaseFullError,
    DatabaseLockedError,
    DatabaseReadOnlyError,
)
from coprod_desktop.services import backups, exchange, initiatives
from coprod_desktop.store import migrate
from coprod_desktop.store.db import Database
from coprod_desktop.store.migrate import open_database
from tests.reliability.helpers import dump, integrity, one_or_two_lines

DEMO = str(paths.resource_path("demo", "demo_en.json"))


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _initiative(title: str = "Havnen for alle", **extra: Any) -> d.InitiativeData:
    values: dict[str, Any] = {"sector": "harbours", "status": "active"}
    values.update(extra)
    return d.InitiativeData(title=title, **values)


def _saved(db: Database, count: int = 3) -> list[d.InitiativeData]:
    return [
        initiatives.create_initiative(
            db,
            _initiative(
                f"Initiativ {n}",
                reference=f"CP-2019-{900 + n}",
                journal=[d.JournalData(date=date(2025, 1, n + 1), kind="note", summary="ok")],
            ),
        )
        for n in range(count)
    ]


# ------------------------------------------------------------------ locked


def test_a_database_locked_beyond_the_busy_timeout_is_in_use_not_a_hang(
    fresh_db: Database, db_path: Path, run_cli, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("COPROD_BUSY_TIMEOUT_MS", "200")
    before = _saved(fresh_db)
    fresh_db.engine.dispose()  # new connections take the short timeout
    blocker = sqlite3.connect(db_path, timeout=0)
    blocker.execute("BEGIN IMMEDIATE")
    blocker.execute("UPDATE initiative SET title = 'their edit' WHERE id = ?", (before[0].id,))
    try:
        edit = copy.deepcopy(before[1])
        edit.title = "my edit"
        kept = copy.deepcopy(edit)
        started = time.monotonic()
        with pytest.raises(DatabaseLockedError) as caught:
            initiatives.save_initiative(fresh_db, edit)
        assert time.monotonic() - started < 3
        assert "in use by another program" in caught.value.message()
        assert caught.value.exit_code == 4
        assert edit == kept  # the GUI still has the edit to retry

        started = time.monotonic()
        result = run_cli("--db", str(db_path), "import", DEMO)
        assert time.monotonic() - started < 5
        assert result.code == 4
        assert "in use by another program" in result.err
        assert one_or_two_lines(result.err)
        # reading still works while the other program writes (WAL)
        assert run_cli("--db", str(db_path), "list").code == 0
    finally:
        blocker.rollback()
        blocker.close()
    # the retry after the other program let go succeeds, and nothing was lost
    saved = initiatives.save_initiative(fresh_db, edit)
    assert saved.title == "my edit"
    titles = {i.title for i in [initiatives.get_initiative(fresh_db, b.id) for b in before]}  # type: ignore[arg-type]
    assert titles == {"Initiativ 0", "my edit", "Initiativ 2"}
    fresh_db.dispose()
    assert integrity(db_path) == ["ok"]


def test_an_exclusive_lock_during_open_and_restore_is_in_use(
    fresh_db: Database, db_path: Path, run_cli, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("COPROD_BUSY_TIMEOUT_MS", "150")
    _saved(fresh_db, 2)
    fresh_db.dispose()
    assert run_cli("--db", str(db_path), "list").code == 0  # takes today's backup
    name = backups.list_backups(db_path)[0].name
    blocker = sqlite3.connect(db_path, timeout=0)
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        for args in (["demo"], ["backup", "restore", name]):
            result = run_cli("--db", str(db_path), *args)
            assert result.code == 4, (args, result)
            assert "in use by another program" in result.err
            assert one_or_two_lines(result.err)
    finally:
        blocker.rollback()
        blocker.close()
    assert integrity(db_path) == ["ok"]
    assert run_cli("--db", str(db_path), "check").code == 0


# ------------------------------------------------------------------ disk full


def _limit_pages(engine: Any, extra_pages: int) -> None:
    """Simulate a full disk: SQLite may grow the file by only `extra_pages` pages."""

    def limit(connection: Any, _record: Any) -> None:
        pages = connection.execute("PRAGMA page_count").fetchone()[0]
        connection.execute(f"PRAGMA max_page_count = {pages + extra_pages}")

    event.listen(engine, "connect", limit)
    engine.dispose()


def test_disk_full_during_a_save_loses_nothing_and_keeps_the_edit(
    fresh_db: Database, db_path: Path
) -> None:
    before = _saved(fresh_db)
    _limit_pages(fresh_db.engine, 2)
    edit = initiatives.get_initiative(fresh_db, before[0].id)  # type: ignore[arg-type]
    edit.description = "Lang beskrivelse. " * 40_000  # ~700 KB: more than two pages
    edit.journal.append(d.JournalData(date=date(2025, 3, 1), kind="meeting", summary="ny"))
    kept = copy.deepcopy(edit)
    with pytest.raises(DatabaseFullError) as caught:
        initiatives.save_initiative(fresh_db, edit)
    assert caught.value.exit_code == 4
    assert "full" in caught.value.message() and "nothing was saved" in caught.value.message()
    assert edit == kept  # the editor keeps the edit for a retry
    with pytest.raises(DatabaseFullError):
        initiatives.create_initiative(fresh_db, _initiative("Ny", description="x" * 500_000))
    fresh_db.dispose()

    assert integrity(db_path) == ["ok"]
    db = open_database(str(db_path))
    try:
        again = initiatives.get_initiative(db, before[0].id)  # type: ignore[arg-type]
        assert again == before[0]  # nothing partial was committed
        assert len(exchange.export_document(db)["initiatives"]) == 3
        # after space was freed (no limit on this engine) the kept edit saves
        saved = initiatives.save_initiative(db, edit)
        assert saved.description == kept.description
        assert len(saved.journal) == 2
    finally:
        db.dispose()
    assert integrity(db_path) == ["ok"]


def test_disk_full_during_an_import_writes_nothing_and_exits_4(
    fresh_db: Database, db_path: Path, run_cli, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    _saved(fresh_db)
    fresh_db.dispose()
    assert run_cli("--db", str(db_path), "list").code == 0  # today's backup exists
    before = dump(db_path)
    real = migrate.make_engine

    def small_disk(url: str, **kwargs: Any) -> Any:
        engine = real(url, **kwargs)
        _limit_pages(engine, 3)
        return engine

    monkeypatch.setattr(migrate, "make_engine", small_disk)
    result = run_cli("--db", str(db_path), "import", DEMO)
    assert result.code == 4
    assert "full" in result.err
    assert one_or_two_lines(result.err)
    assert dump(db_path) == before
    assert integrity(db_path) == ["ok"]


# ------------------------------------------------------------------ damaged and foreign files


def _truncate(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])


def _clobber_pages(path: Path) -> None:
    data = bytearray(path.read_bytes())
    for page in range(2, len(data) // 4096, 3):
        data[page * 4096 : page * 4096 + 512] = b"\xa5" * 512
    path.write_bytes(bytes(data))


def _other_program(path: Path) -> None:
    path.unlink()
    connection = sqlite3.connect(path)
    with connection:
        connection.execute("CREATE TABLE recipes (id INTEGER PRIMARY KEY, name TEXT)")
        connection.execute("INSERT INTO recipes (name) VALUES ('æblekage')")
    connection.close()


DAMAGES: dict[str, Callable[[Path], None]] = {
    "truncated": _truncate,
    "damaged pages": _clobber_pages,
    "not sqlite": lambda p: p.write_bytes(b"PK\x03\x04 a zip, not a database" * 40),
    "empty": lambda p: p.write_bytes(b""),
    "another program's sqlite": _other_program,
    "header only": lambda p: p.write_bytes(p.read_bytes()[:100]),
}


@pytest.mark.parametrize("damage", list(DAMAGES))
def test_a_damaged_or_foreign_file_is_refused_untouched_and_a_backup_can_be_restored(
    fresh_db: Database, db_path: Path, run_cli, damage: str
) -> None:  # type: ignore[no-untyped-def]
    made = _saved(fresh_db, 4)
    fresh_db.dispose()
    assert run_cli("--db", str(db_path), "list").code == 0  # a day of use: the daily backup
    good = dump(db_path)
    DAMAGES[damage](db_path)
    before = sha256(db_path)

    refused = 0
    for args in (["list"], ["show", made[0].reference or ""], ["check"], ["import", DEMO]):
        result = run_cli("--db", str(db_path), *args)
        assert result.code == 4, (args, result)
        assert one_or_two_lines(result.err), result.err
        assert str(db_path) in result.err
        refused += 1
    assert refused == 4
    assert sha256(db_path) == before  # never modified, foreign or not
    with pytest.raises(DatabaseCorruptError) as caught:
        db = open_database(str(db_path))
        try:  # some damage only shows when the data is read
            exchange.export_document(db)
        finally:
            db.dispose()
    assert sha256(db_path) == before

    # what the GUI offers: the latest automatic backup of the file the error names
    where = caught.value.where
    assert where is not None
    latest = backups.latest_backup_for(Path(where))
    assert latest is not None and latest.kind == "daily"
    result = run_cli("--db", str(db_path), "backup", "restore", latest.name)
    assert result.code == 0, result.err
    assert dump(db_path) == good
    assert integrity(db_path) == ["ok"]
    # the damaged file was kept, byte for byte, in case someone wants it
    safety = [b for b in backups.list_backups(db_path) if b.kind == "pre-restore"]
    assert len(safety) == 1 and sha256(safety[0].path) == before


# ------------------------------------------------------------------ read-only


def _without_root_powers(command: list[str]) -> list[str]:
    """Root ignores file permissions, so as root the child runs without the capabilities that
    override them (and sees the permissions as any user would)."""
    if os.geteuid() != 0:
        return command
    capsh = shutil.which("capsh")
    if capsh is None:
        pytest.skip("running as root without capsh: file permissions cannot be honoured")
    quoted = " ".join(shlex.quote(part) for part in command)
    drop = "cap_dac_override,cap_dac_read_search,cap_fowner"
    return [capsh, f"--drop={drop}", "--", "-c", f"exec {quoted}"]


CHILD = """
import json, sys
from coprod_desktop import cli
results = []
for args in json.loads(sys.argv[1]):
    import io, contextlib
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = cli.main(args)
        except SystemExit as e:
            code = int(e.code or 0)
    results.append({"args": args, "code": code, "out": out.getvalue(), "err": err.getvalue()})
print(json.dumps(results))
"""


def _run_children(commands: list[list[str]], data_dir: Path) -> list[dict[str, Any]]:
    env = dict(os.environ, COPROD_DATA_DIR=str(data_dir), COPROD_USER="tester")
    done = subprocess.run(
        _without_root_powers([sys.executable, "-c", CHILD, json.dumps(commands)]),
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    results: list[dict[str, Any]] = json.loads(done.stdout)
    return results


@pytest.fixture
def shared_dir(tmp_path: Path) -> Iterator[Path]:
    """A folder whose permissions are put back afterwards so it can be cleaned up."""
    folder = tmp_path / "ro"
    folder.mkdir()
    yield folder
    for path in folder.rglob("*"):
        path.chmod(0o777 if path.is_dir() else 0o666)


def _make_portfolio(path: Path, head_template: Path, keep_wal: bool = False) -> Any:
    """A database with the demo portfolio; with `keep_wal`, the last commit is only in the
    -wal file (as when a writer was interrupted), which a read-only reader must still see."""
    shutil.copyfile(head_template, path)
    db = open_database(str(path))
    exchange.load_demo(db)
    db.dispose()
    if not keep_wal:
        return None
    holder = sqlite3.connect(path)
    holder.execute("PRAGMA wal_autocheckpoint = 0")
    holder.execute("UPDATE initiative SET title = 'Only in the WAL' WHERE id = 1")
    holder.commit()
    return holder  # keep it open so the -wal is not checkpointed away


@pytest.mark.parametrize("how", ["file", "folder", "folder with wal"])
def test_a_read_only_database_is_read_and_writes_are_refused_with_exit_4(
    shared_dir: Path, head_template: Path, how: str
) -> None:
    folder = shared_dir / "portfolios"
    folder.mkdir()
    path = folder / "portfolio.sqlite"
    holder = _make_portfolio(path, head_template, keep_wal=how == "folder with wal")
    if holder is not None:
        for suffix in ("-wal", "-shm"):  # a reader must be able to read these
            Path(str(path) + suffix).chmod(0o644)
    data_dir = shared_dir / "data"
    data_dir.mkdir(mode=0o777)
    data_dir.chmod(0o777)
    before = dump(path)
    person = next(row[0] for row in before["stakeholder"] if row[3])  # is_person
    path.chmod(0o444)
    if how != "file":
        folder.chmod(0o555)
    out = shared_dir / "out"
    out.mkdir()
    out.chmod(0o777)
    try:
        results = _run_children(
            [
                ["--db", str(path), "list", "--format", "json"],
                ["--db", str(path), "show", "1", "--format", "json"],
                ["--db", str(path), "export", "-o", str(out / "all.json")],
                ["--db", str(path), "check"],
                ["--db", str(path), "import", DEMO],
                ["--db", str(path), "demo"],
                ["--db", str(path), "person", "erase", str(person), "--reason", "test"],
            ],
            data_dir,
        )
    finally:
        if holder is not None:
            holder.close()
    listing, show, export, check, imported, demo, erase = results
    for result in (listing, show, export, check):
        assert result["code"] == 0, result
    titles = {row["title"] for row in json.loads(listing["out"])}
    assert len(titles) == 16
    if how == "folder with wal":
        assert "Only in the WAL" in titles  # the commit in the -wal file is seen
    assert len(json.loads((out / "all.json").read_text())["initiatives"]) == 16
    for result in (imported, demo, erase):
        assert result["code"] == 4, result
        assert one_or_two_lines(result["err"])
        assert "is read-only" in result["err"]
    path.chmod(0o644)
    folder.chmod(0o755)
    assert dump(path) == before
    assert integrity(path) == ["ok"]
    if how == "folder":
        assert sorted(p.name for p in folder.iterdir()) == ["portfolio.sqlite"]


def test_a_read_only_file_that_needs_an_upgrade_is_refused_in_plain_words(
    shared_dir: Path,
) -> None:
    fixture = Path(__file__).parents[1] / "fixtures"
    old = next(fixture.rglob("*0001*.sqlite"))
    path = shared_dir / "old.sqlite"
    shutil.copyfile(old, path)
    original = sha256(path)
    path.chmod(0o444)
    data_dir = shared_dir / "data"
    data_dir.mkdir()
    data_dir.chmod(0o777)
    init, listing, check = _run_children(
        [
            ["--db", str(path), "init"],
            ["--db", str(path), "list"],
            ["--db", str(path), "check"],
        ],
        data_dir,
    )
    for result in (init, listing):
        assert result["code"] == 4
        assert one_or_two_lines(result["err"])
        assert "read-only" in result["err"] and "older version" in result["err"]
    assert check["code"] == 4  # check does not upgrade; it reports the old revision
    assert "0001_initial" in check["out"] + check["err"]
    assert sha256(path) == original
    assert not list(shared_dir.glob("old.sqlite-*"))


def test_the_read_only_flag_reads_everything_and_refuses_every_write(
    fresh_db: Database, db_path: Path
) -> None:
    made = _saved(fresh_db, 2)
    fresh_db.dispose()
    before = dump(db_path)
    db = open_database(str(db_path), read_only=True)
    try:
        assert db.read_only
        assert initiatives.get_initiative(db, made[0].id).title == "Initiativ 0"  # type: ignore[arg-type]
        assert len(exchange.export_document(db)["initiatives"]) == 2
        edit = copy.deepcopy(made[0])
        edit.title = "changed"
        with pytest.raises(DatabaseReadOnlyError) as caught:
            initiatives.save_initiative(db, edit)
        assert caught.value.exit_code == 4
        assert "is read-only" in caught.value.message()
        with pytest.raises(DatabaseReadOnlyError):
            exchange.load_demo(db)
    finally:
        db.dispose()
    writable = open_database(str(db_path))
    try:
        assert not writable.read_only
    finally:
        writable.dispose()
    assert dump(db_path) == before
    assert integrity(db_path) == ["ok"]
