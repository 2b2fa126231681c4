"""Noticing other users' changes: every change writes an audit row, so the highest audit id is
a cheap marker that works the same on SQLite and PostgreSQL. The GUI polls it and refreshes
the portfolio when it moves."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import text

from coprod_desktop.store.db import Database


@dataclass(frozen=True)
class Changes:
    marker: int
    initiative_ids: frozenset[int]
    by: frozenset[str]

    @property
    def any(self) -> bool:
        return bool(self.initiative_ids) or bool(self.by)


# Plain SQL, not the ORM: the marker is read when a database opens, and the ORM's first query
# would configure every mapper before the first screen is usable.


def current_marker(db: Database) -> int:
    with db.reading() as connection:
        return int(connection.execute(text("SELECT max(id) FROM audit_entry")).scalar() or 0)


def changes_since(db: Database, marker: int, *, ignore_user: str | None = None) -> Changes:
    """What changed after `marker` (optionally not counting one's own changes)."""
    with db.reading() as connection:
        rows = connection.execute(
            text("SELECT id, initiative_id, who FROM audit_entry WHERE id > :marker ORDER BY id"),
            {"marker": marker},
        ).all()
    newest = max((row.id for row in rows), default=marker)
    foreign = [row for row in rows if ignore_user is None or row.who != ignore_user]
    return Changes(
        newest,
        frozenset(row.initiative_id for row in foreign if row.initiative_id is not None),
        frozenset(row.who for row in foreign),
    )
