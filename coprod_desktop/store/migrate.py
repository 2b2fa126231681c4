"""Schema migrations, run programmatically whenever a database is opened.

Before an existing SQLite file is upgraded, a consistent copy is taken with SQLite's backup API
(kept in the backups folder) and the raw bytes are kept aside; if the upgrade fails, the raw
bytes are put back so the file is exactly what it was.
"""

from __future__ import annotations

import functools
import os
import re
import shutil
import sqlite3
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text

from coprod_desktop import paths
from coprod_desktop.domain.errors import (
    CoprodError,
    DatabaseCorruptError,
    DatabaseReadOnlyError,
    MigrationFailedError,
    NewerSchemaError,
)
from coprod_desktop.store import backup_files
from coprod_desktop.store.backup_files import backup_sqlite
from coprod_desktop.store.db import (
    Database,
    default_user,
    inspect_sqlite_file,
    inspect_sqlite_for_use,
    is_read_only,
    make_engine,
    resolve_target,
    sqlite_path,
    to_url,
    translate_db_error,
)

if TYPE_CHECKING:
    from alembic.config import Config


def alembic_config(url: str, script_location: Path | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(script_location or paths.migrations_dir()))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


# Alembic takes a good part of a second to import; opening a database at the current schema
# (nearly every start) does not need it. The revision chain is read from the version files
# themselves; anything unusual there (a merge, a file without a revision) falls back to Alembic.
# A test checks that this reading agrees with Alembic's.
_ASSIGNMENT = re.compile(r"^(revision|down_revision)\s*(?::[^=]*)?=\s*(.+?)\s*$", re.MULTILINE)


def quick_revisions(script_location: Path | None = None) -> dict[str, str | None] | None:
    """revision -> down_revision, read from the version files; None when unsure."""
    versions = (script_location or paths.migrations_dir()) / "versions"
    try:
        # Read once per process and set of files (name, size, time): every open asks, so
        # this look at the folder is kept light (os.scandir, one stat a file).
        with os.scandir(versions) as entries:
            files = [(entry.path, entry.stat()) for entry in entries if entry.name.endswith(".py")]
        key = tuple(sorted((name, found.st_size, found.st_mtime_ns) for name, found in files))
    except OSError:
        return None
    graph = _read_revisions(key)
    return dict(graph) if graph is not None else None  # a copy: the cached one stays as read


@functools.lru_cache(maxsize=8)
def _read_revisions(
    files_key: tuple[tuple[str, int, int], ...],
) -> dict[str, str | None] | None:
    graph: dict[str, str | None] = {}
    try:
        for file_name, _size, _mtime in files_key:
            found = dict(_ASSIGNMENT.findall(Path(file_name).read_text("utf-8")))
            values: dict[str, str | None] = {}
            for name in ("revision", "down_revision"):
                value = found.get(name, "")
                if value == "None":
                    values[name] = None
                elif len(value) > 2 and value[0] == value[-1] and value[0] in "'\"":
                    values[name] = value[1:-1]
                else:
                    return None
            revision = values["revision"]
            if revision is None or revision in graph:
                return None
            graph[revision] = values["down_revision"]
    except OSError:
        return None
    return graph or None


def head_revision(script_location: Path | None = None) -> str:
    graph = quick_revisions(script_location)
    if graph is not None:
        heads = set(graph) - {down for down in graph.values() if down is not None}
        if len(heads) == 1:
            return heads.pop()
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config("sqlite://", script_location))
    head = script.get_current_head()
    assert head is not None
    return head


def is_known_revision(revision: str, script_location: Path | None = None) -> bool:
    graph = quick_revisions(script_location)
    if graph is not None and revision in graph:
        return True
    from alembic.script import ScriptDirectory
    from alembic.util.exc import CommandError

    script = ScriptDirectory.from_config(alembic_config("sqlite://", script_location))
    try:
        return script.get_revision(revision) is not None
    except CommandError:
        return False


__all__ = ["backup_sqlite", "open_database"]


def _run_upgrade(engine: Engine, url: str, script_location: Path | None) -> None:
    from alembic import command

    config = alembic_config(url, script_location)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def open_database(
    target: str | None = None,
    *,
    user: str | None = None,
    upgrade: bool = True,
    script_location: Path | None = None,
    read_only: bool | None = None,
    auto_backup: bool = False,
) -> Database:
    """Open (creating or upgrading as needed) the portfolio at `target` (path or URL).

    An SQLite file that cannot be written (file or folder) is opened read-only, as is any
    file with `read_only=True`; it is never upgraded. `auto_backup` takes today's automatic
    backup of an existing SQLite file if there is none yet (a failure there does not stop
    the opening; it is noted in `Database.auto_backup_problem`).
    """
    url = to_url(resolve_target(target))
    path = sqlite_path(url)
    head = head_revision(script_location)
    existed = path is not None and path.exists()
    if path is not None:
        if read_only is None:
            read_only = is_read_only(path)
        checked: sqlite3.Connection | None = None
        if read_only:
            _check_read_only(path, head, upgrade, script_location)
        else:
            checked = _prepare_sqlite(path, url, head, upgrade, script_location)
        engine = make_engine(url, read_only=read_only, first_connection=checked)
        if checked is not None:
            try:  # the checked connection set up and pooled now: the engine closes it
                engine.connect().close()
            except Exception as error:
                engine.dispose()
                checked.close()  # if it was not taken
                raise translate_db_error(error, str(path)) from None
    else:
        engine = make_engine(url, user=user)
        try:
            revision = current_revision(engine)
            _refuse_unknown(revision, url, script_location, head)
            if upgrade and revision != head:
                _run_upgrade(engine, url, script_location)
        except CoprodError:
            engine.dispose()
            raise
        except Exception as error:
            engine.dispose()
            raise translate_db_error(error, make_display(url)) from None
    db = Database(url, engine, user or default_user(url), read_only=bool(read_only))
    if auto_backup and path is not None and existed:
        try:
            made = backup_files.ensure_daily(path)
            db.auto_backup = made.path if made else None
        except (OSError, sqlite3.Error) as error:
            db.auto_backup_problem = str(error) or type(error).__name__
    return db


def _check_read_only(path: Path, head: str, upgrade: bool, script_location: Path | None) -> None:
    """A read-only file is opened as it is, or refused: it cannot be created or upgraded."""
    where = str(path)
    found = inspect_sqlite_file(path)
    if not found.exists:
        raise DatabaseReadOnlyError(where=where)
    if found.revision is None:
        reason = "it belongs to another program (no coprod-desktop schema)"
        if not found.tables:
            reason = "it has no coprod-desktop schema"
        raise DatabaseCorruptError(where=where, reason=reason)
    _refuse_unknown(found.revision, where, script_location, head)
    if upgrade and found.revision != head:
        raise DatabaseReadOnlyError("db_read_only_upgrade", where=where, revision=found.revision)


def make_display(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


def _refuse_unknown(
    revision: str | None, where: str, script_location: Path | None, head: str
) -> None:
    if revision is None or revision == head:  # the head is known: no second look at the files
        return
    if not is_known_revision(revision, script_location):
        raise NewerSchemaError(where=where, revision=revision)


def _prepare_sqlite(
    path: Path, url: str, head: str, upgrade: bool, script_location: Path | None
) -> sqlite3.Connection | None:
    """Check the file and create or upgrade it as needed (a backup first). Returns the
    connection the check was made on when the file is used as it is (the engine adopts it:
    `inspect_sqlite_for_use`), else None."""
    where = str(path)
    found, checked = inspect_sqlite_for_use(path)
    try:
        if found.exists:
            own_tables = found.revision is not None
            if not own_tables and found.tables:
                raise DatabaseCorruptError(
                    where=where, reason="it belongs to another program (no coprod-desktop schema)"
                )
            _refuse_unknown(found.revision, where, script_location, head)
            if found.revision == head or not upgrade:
                return checked
    except BaseException:
        if checked is not None:
            checked.close()
        raise
    if checked is not None:
        checked.close()  # the upgrade has its own connections
    if not found.exists:
        path.parent.mkdir(parents=True, exist_ok=True)

    is_existing = found.exists and found.revision is not None
    saved = _save_raw(path) if is_existing else None
    if is_existing:
        backup_files.make_backup(path, "pre-migration", revision=found.revision)
    engine = make_engine(url)
    try:
        _run_upgrade(engine, url, script_location)
    except Exception as error:
        engine.dispose()
        if saved is not None:
            _restore_raw(path, saved)
        elif not found.exists:
            for suffix in ("", "-wal", "-shm"):
                Path(str(path) + suffix).unlink(missing_ok=True)
        raise MigrationFailedError(where=where, reason=str(error).splitlines()[0]) from None
    finally:
        engine.dispose()
        if saved is not None:
            shutil.rmtree(saved, ignore_errors=True)
    return None


def _save_raw(path: Path) -> Path:
    """Keep the exact bytes of the file and its WAL aside, to put back if the upgrade fails."""
    keep = Path(tempfile.mkdtemp(prefix="coprod-premigration-"))
    for suffix in ("", "-wal"):
        source = Path(str(path) + suffix)
        if source.exists():
            shutil.copy2(source, keep / ("db" + suffix))
    return keep


def _restore_raw(path: Path, saved: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    for suffix in ("", "-wal"):
        kept = saved / ("db" + suffix)
        if kept.exists():
            shutil.copy2(kept, Path(str(path) + suffix))
