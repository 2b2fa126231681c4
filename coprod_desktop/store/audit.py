"""The audit trail, written automatically for every change an ORM session flushes.

One listener sees every insert, update and delete; it records who (the session's user), when,
which entity and field, and the old and new value. It also notes which initiatives need their
search rows rebuilt before the commit.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from sqlalchemy import event, insert, inspect
from sqlalchemy.orm import Session, UOWTransaction, attributes

from coprod_desktop.domain import import_event
from coprod_desktop.store import models as m
from coprod_desktop.store import search

ENTITY_NAMES: dict[type[m.Base], str] = {
    m.Initiative: "initiative",
    m.Stakeholder: "stakeholder",
    m.Involvement: "involvement",
    m.Mandate: "mandate",
    m.ResourceEntry: "resource",
    m.CrossPressure: "cross_pressure",
    m.JournalEntry: "journal",
    m.Review: "review",
    m.Commitment: "commitment",
    m.Outcome: "outcome",
    m.Attachment: "attachment",
}
_SKIPPED_FIELDS = frozenset(
    {
        "id",
        "version",
        "created_at",
        "updated_at",
        "initiative_id",
        "title_key",
        "owner_key",
        "open_pressures",
        "extracted_text",  # derived from the file, not typed by anyone
        "text_status",
        *m.ATTENTION_FACTS,
    }
)
# Child records whose text feeds the search index of their initiative.
_INDEXED = (m.Initiative, m.JournalEntry, m.Commitment, m.Outcome, m.Attachment)


def as_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, m.Stakeholder):
        return value.name
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _initiative_id(obj: m.Base) -> int | None:
    if isinstance(obj, m.Initiative):
        return obj.id
    value = getattr(obj, "initiative_id", None)
    if value is None and getattr(obj, "initiative", None) is not None:
        value = obj.initiative.id  # type: ignore[attr-defined]
    return value if isinstance(value, int) else None


# A bulk import writes one event per record it creates instead of a row per field (IMPORT,
# see domain/import_event.py).
IMPORT = import_event.IMPORT

# The field that names a record in the audit trail (the first one set); the bulk import of
# services/exchange/bulk.py labels its rows the same way.
LABEL_FIELDS = (
    "reference",
    "name",
    "summary",
    "category",
    "kind",
    "level",
    "reviewer",
    "indicator",
    "text",  # a commitment
)


def _label(obj: m.Base) -> str | None:
    if isinstance(obj, m.Involvement):
        who = obj.stakeholder.name if obj.stakeholder is not None else str(obj.stakeholder_id)
        return f"{who} ({obj.role})"
    for name in LABEL_FIELDS:
        value = getattr(obj, name, None)
        if value:
            return as_text(value)
    return None


def _changes(obj: m.Base) -> list[tuple[str, str | None, str | None]]:
    state = inspect(obj)
    found = []
    for attr in state.mapper.column_attrs:
        if attr.key in _SKIPPED_FIELDS:
            continue
        history = attributes.get_history(obj, attr.key)
        if history.has_changes():
            old = history.deleted[0] if history.deleted else None
            new = history.added[0] if history.added else None
            if as_text(old) != as_text(new):
                found.append((attr.key, as_text(old), as_text(new)))
    if isinstance(obj, m.JournalEntry):
        history = attributes.get_history(obj, "participants")
        if history.added or history.deleted:
            now = [p.name for p in obj.participants]
            before = [p.name for p in (history.unchanged or [])] + [p.name for p in history.deleted]
            found.append(("participants", as_text(sorted(before)), as_text(sorted(now))))
    return found


def _deleted(session: Session, flush_context: UOWTransaction) -> list[m.Base]:
    """Everything this flush deleted: explicit deletes and orphans removed from a collection
    (a child dropped from an initiative), which `session.deleted` does not list."""
    found: dict[int, m.Base] = {id(obj): obj for obj in session.deleted}
    for state, (is_delete, list_only) in list(flush_context.states.items()):
        obj = state.obj()
        if is_delete and not list_only and isinstance(obj, m.Base):
            found.setdefault(id(obj), obj)
    return list(found.values())


def _after_flush(session: Session, flush_context: UOWTransaction) -> None:
    who = session.info.get("user") or "unknown"
    now = m.utcnow()
    rows: list[dict[str, Any]] = []
    reindex = search.pending_ids(session)

    def add(action: str, obj: m.Base, field: str | None, old: str | None, new: str | None) -> None:
        rows.append(
            {
                "at": now,
                "who": who,
                "action": action,
                "entity": ENTITY_NAMES[type(obj)],
                "entity_id": getattr(obj, "id", None),
                "initiative_id": _initiative_id(obj),
                "field": field,
                "old_value": old,
                "new_value": new,
            }
        )

    for obj in session.new:
        if type(obj) in ENTITY_NAMES:
            add("create", obj, None, None, _label(obj))
            if isinstance(obj, _INDEXED) and (iid := _initiative_id(obj)) is not None:
                reindex.add(iid)
    for obj in session.dirty:
        if type(obj) in ENTITY_NAMES and session.is_modified(obj, include_collections=True):
            changes = _changes(obj)
            for field, old, new in changes:
                add("update", obj, field, old, new)
            if changes and isinstance(obj, _INDEXED) and (iid := _initiative_id(obj)) is not None:
                reindex.add(iid)
    for obj in _deleted(session, flush_context):
        if type(obj) in ENTITY_NAMES:
            add("delete", obj, None, _label(obj), None)
            if isinstance(obj, _INDEXED) and (iid := _initiative_id(obj)) is not None:
                reindex.add(iid)
    if rows and not session.info.get("skip_audit"):
        session.connection().execute(insert(m.AuditEntry), rows)


def _before_commit(session: Session) -> None:
    session.flush()
    pending = search.pending_ids(session)
    if pending:
        search.reindex(session.connection(), pending)
        pending.clear()


def _after_rollback(session: Session) -> None:
    search.pending_ids(session).clear()


def install(session_class: type[Session]) -> None:
    """Attach the listeners to a session class (once)."""
    if not event.contains(session_class, "after_flush", _after_flush):
        event.listen(session_class, "after_flush", _after_flush)
        event.listen(session_class, "before_commit", _before_commit)
        event.listen(session_class, "after_soft_rollback", lambda s, _t: _after_rollback(s))
