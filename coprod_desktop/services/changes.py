"""Noticing other users' changes: every change writes an audit row, so the highest audit id is
a cheap marker that works the same on SQLite and PostgreSQL. The GUI polls it and refreshes
the portfolio when it moves."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from coprod_desktop.store import models as m
from coprod_desktop.store.db import Database


@dataclass(frozen=True)
class Changes:
    marker: int
    initiative_ids: frozenset[int]
    by: frozenset[str]

    @property
    def any(self) -> bool:
        return bool(self.initiative_ids) or bool(self.by)


def current_marker(db: Database) -> int:
    with db.session() as session:
        return int(session.scalar(select(func.max(m.AuditEntry.id))) or 0)


def changes_since(db: Database, marker: int, *, ignore_user: str | None = None) -> Changes:
    """What changed after `marker` (optionally not counting one's own changes)."""
    with db.session() as session:
        query = select(m.AuditEntry.id, m.AuditEntry.initiative_id, m.AuditEntry.who).where(
            m.AuditEntry.id > marker
        )
        rows = session.execute(query.order_by(m.AuditEntry.id)).all()
    newest = max((row.id for row in rows), default=marker)
    foreign = [row for row in rows if ignore_user is None or row.who != ignore_user]
    return Changes(
        newest,
        frozenset(row.initiative_id for row in foreign if row.initiative_id is not None),
        frozenset(row.who for row in foreign),
    )
