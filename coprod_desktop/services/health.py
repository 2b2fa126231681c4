"""The health check of a portfolio database (`coprod check`): integrity, schema revision.

Backups are made, listed and restored in `services/backups.py`."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import exc, func, select, text

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
