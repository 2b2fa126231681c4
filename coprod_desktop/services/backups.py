"""Backups for the GUI and the CLI, all in one place: make a copy on request (`backup`), list
the automatic ones, find the latest good one, restore one. (The copies themselves are made by
`store/backup_files.py`, which the store also uses before a migration.)

Restoring puts a backup over the current SQLite file. It is refused while another program has
the database open (close it there first; the GUI disposes its own Database before calling),
when the file or its folder is read-only, and when the backup itself fails its integrity check
or comes from a newer version. The file it replaces is first kept in the backups folder (kind
`pre-restore`), so a restore can itself be undone. A PostgreSQL database has no automatic
backups here: backing it up is the server's job.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from coprod_desktop import paths
from coprod_desktop.domain.errors import (
    CoprodError,
    DatabaseCorruptError,
    DatabaseLockedError,
    DatabaseReadOnlyError,
    DatabaseUnavailableError,
    FileProblemError,
    InputFileError,
    NewerSchemaError,
)
from coprod_desktop.services import safe_write
from coprod_desktop.services.safe_write import fsync_folder
from coprod_desktop.store import backup_files as store
from coprod_desktop.store.backup_files import BackupInfo
from coprod_desktop.store.db import (
    SQLITE_HEADER,
    Database,
    busy_timeout_ms,
    is_read_only,
    read_only_uri,
    resolve_target,
    sqlite_path,
    to_url,
)
from coprod_desktop.store.migrate import is_known_revision

__all__ = [
    "BackupInfo",
    "RestoreResult",
    "backup",
    "database_path",
    "latest_backup_for",
    "list_backups",
    "restore_backup",
    "verify_backup",
]


def backup(db: Database, destination: Path) -> Path:
    """An online, consistent copy of an SQLite portfolio (the backup API; others may write)."""
    if db.path is None:
        raise DatabaseUnavailableError(
            where=db.display_name, reason="backups of a shared database are made by its server"
        )
    # safe_write refuses the database itself, its side files and the backups folder
    with safe_write.atomic_path(destination, database_copy=True) as temporary:
        try:
            store.backup_sqlite(db.path, temporary)
        except sqlite3.Error as error:  # e.g. the disk holding the copy is full
            raise FileProblemError(
                "file_not_written", path=str(destination), reason=str(error)
            ) from None
        finally:
            Path(str(temporary) + "-journal").unlink(missing_ok=True)
    return destination


@dataclass(frozen=True)
class RestoreResult:
    backup: BackupInfo
    target: Path
    safety_copy: BackupInfo | None  # the file that was replaced (None if there was none)
    # Persons the erasure ledger knew as erased who came back with the backup: erased again.
    erased_again: tuple[int, ...] = ()
    reapply_problem: CoprodError | None = None  # why that could not be done (next open will)


def database_path(target: str | None) -> Path:
    """The SQLite file of `--db`/COPROD_DB/the default; refused for a shared database."""
    path = sqlite_path(to_url(resolve_target(target)))
    if path is None:
        raise DatabaseUnavailableError(where=target or "", reason=_text("backup_shared_database"))
    return path


def _text(key: str) -> str:
    from coprod_desktop.domain.messages import message

    return message(key)


def list_backups(source: Path | None = None) -> list[BackupInfo]:
    """All backups in the data folder (or those of `source`), newest first."""
    return store.list_backups(source)


def find_backup(name: str) -> BackupInfo:
    """A backup by its file name (the `.sqlite` may be left out)."""
    folder = paths.backups_dir()
    wanted = name if name.endswith(store.SUFFIX) else name + store.SUFFIX
    if Path(wanted).name != wanted or wanted.startswith("."):
        raise InputFileError("backup_not_found", name=name, folder=str(folder))
    for info in store.list_backups(folder=folder):
        if info.name == wanted:
            return info
    raise InputFileError("backup_not_found", name=name, folder=str(folder))


def verify_backup(info: BackupInfo) -> str | None:
    """Why a backup cannot be restored (damaged, not ours, a newer version), or None if sound."""
    try:
        with info.path.open("rb") as handle:
            if handle.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
                return "it is not an SQLite database"
        connection = sqlite3.connect(read_only_uri(info.path), uri=True)
        try:
            integrity = [row[0] for row in connection.execute("PRAGMA integrity_check")]
            if integrity != ["ok"]:
                return "integrity check failed: " + "; ".join(integrity[:3])
            tables = {
                row[0]
                for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            if "alembic_version" not in tables:
                return "it is not a coprod-desktop database"
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            connection.close()
    except (OSError, sqlite3.Error) as error:
        return str(error)
    if row is None or not is_known_revision(str(row[0])):
        return f"it was made by a newer version (revision {row[0] if row else '?'})"
    return None


def latest_backup_for(path: Path, *, verified: bool = True) -> BackupInfo | None:
    """The newest automatic (daily or pre-migration) backup of the database at `path` that
    passes its integrity check: what the GUI offers when that database cannot be opened."""
    for info in store.list_backups(path):
        if info.automatic and (not verified or verify_backup(info) is None):
            return info
    return None


def _refuse_if_in_use(target: Path) -> None:
    """Refuse when another connection has the file open. Leaving WAL mode needs every other
    connection closed, so it is the test; the file then stands alone (no -wal) for the copy."""
    try:
        with target.open("rb") as handle:
            if handle.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
                return  # not a working database: nobody can be using it
        connection = sqlite3.connect(target, timeout=min(busy_timeout_ms(), 2000) / 1000)
    except (OSError, sqlite3.Error):
        return
    try:
        connection.execute("PRAGMA journal_mode = DELETE").fetchall()
    except sqlite3.OperationalError as error:
        if "locked" in str(error) or "busy" in str(error):
            raise DatabaseLockedError(where=str(target)) from None
    except sqlite3.DatabaseError:
        pass  # damaged: nobody is using it successfully either
    finally:
        connection.close()


def restore_backup(name: str | BackupInfo, target: Path) -> RestoreResult:
    """Put the backup `name` over the SQLite file `target` (after a safety copy of it).

    The caller must have closed its own connections to `target` first.
    """
    info = name if isinstance(name, BackupInfo) else find_backup(name)
    problem = verify_backup(info)
    if problem is not None:
        if problem.startswith("it was made by a newer version"):
            raise NewerSchemaError(where=info.name, revision=info.revision or "?")
        raise DatabaseCorruptError(where=str(info.path), reason=problem)
    target = target.expanduser().resolve()
    if is_read_only(target):
        raise DatabaseReadOnlyError(where=str(target))
    if target.exists():
        _refuse_if_in_use(target)
    safety = None
    if target.exists():
        safety = store.make_backup(target, "pre-restore", raw=True)
        wal = Path(str(target) + "-wal")
        if wal.exists():  # commits not yet checkpointed: keep them with the copy
            wal_copy = safety.path.with_name(safety.path.name + "-wal")
            wal_copy.write_bytes(wal.read_bytes())
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.restore-{os.getpid()}.part")
    try:
        store.backup_sqlite(info.path, partial)
        for suffix in ("-wal", "-shm"):
            Path(str(target) + suffix).unlink(missing_ok=True)
        partial.replace(target)
        fsync_folder(target.parent)
    finally:
        partial.unlink(missing_ok=True)
    erased, reapply_problem = _reapply_erasures(target)
    return RestoreResult(info, target, safety, erased, reapply_problem)


def _reapply_erasures(target: Path) -> tuple[tuple[int, ...], CoprodError | None]:
    """A restore never brings an erased person back: the ledger's erasures are applied to
    the restored file at once (opening it upgrades an older schema first)."""
    from coprod_desktop.services import privacy
    from coprod_desktop.store.migrate import open_database

    try:
        db = open_database(str(target))
    except CoprodError as error:
        return (), error
    try:
        return tuple(privacy.reapply_erasures(db)), None
    except CoprodError as error:
        return (), error
    finally:
        db.dispose()
