"""Backups and health checks of a portfolio database."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import exc, func, select, text

from coprod_desktop.domain.errors import DatabaseUnavailableError, FileProblemError
from coprod_desktop.services import safe_write
from coprod_desktop.store import migrate
from coprod_desktop.store import models as m
from coprod_desktop.store.db import Database, translate_db_error


@dataclass(frozen=True)
class CheckResult:
    integrity: list[str]  # ["ok"] when sound
    revision: str | None
    head: str
    initiatives: int

    @property
    def ok(self) -> bool:
        return self.integrity == ["ok"] and self.revision == self.head


def backup(db: Database, destination: Path) -> Path:
    """An online, consistent copy of an SQLite portfolio (the backup API; others may write)."""
    if db.path is None:
        raise DatabaseUnavailableError(
            where=db.display_name, reason="backups of a shared database are made by its server"
        )
    # safe_write refuses the database itself, its side files and the backups folder
    with safe_write.atomic_path(destination, database_copy=True) as temporary:
        try:
            migrate.backup_sqlite(db.path, temporary)
        except sqlite3.Error as error:  # e.g. the disk holding the copy is full
            raise FileProblemError(
                "file_not_written", path=str(destination), reason=str(error)
            ) from None
        finally:
            Path(str(temporary) + "-journal").unlink(missing_ok=True)
    return destination


def check(db: Database) -> CheckResult:
    """Integrity and schema revision; a file too damaged to be checked is DatabaseCorruptError."""
    try:
        with db.engine.connect() as connection:
            if db.dialect == "sqlite":
                integrity = [row[0] for row in connection.execute(text("PRAGMA integrity_check"))]
            else:
                integrity = ["ok"]
            revision = migrate.current_revision(db.engine)
            count = connection.scalar(select(func.count(m.Initiative.id))) or 0
    except exc.DBAPIError as error:
        raise translate_db_error(error, db.display_name) from None
    return CheckResult(integrity, revision, migrate.head_revision(), int(count))
