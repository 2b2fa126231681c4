"""Earlier versions of initiatives, so an export can be merged back three ways.

Every save that replaces a version of an initiative keeps the version it replaces (fields and
child rows with their ids; display names and other parties' details left out), in the same
transaction as the save. `import --merge` reads the version an export was made at as the
common base of the file and the database. Kept: the last `KEEP_VERSIONS` versions of each
initiative, none replaced more than `KEEP_DAYS` days ago; an export older than that is merged
two ways (every difference refused unless forced). A person's erasure forgets every kept
version that mentions them (`forget_mentioning`).
"""

from __future__ import annotations

import datetime as dt
import json
import types
import typing
from collections.abc import Callable
from dataclasses import fields, is_dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, Table, delete, or_, select
from sqlalchemy.orm import Session

from coprod_desktop.domain import model as d
from coprod_desktop.store import models as m

KEEP_VERSIONS = 50
KEEP_DAYS = 365

_DISPLAY = frozenset(name for names in d.DISPLAY_FIELDS.values() for name in names)


def to_json(data: Any) -> dict[str, Any]:
    """A record (an initiative with its child rows) as plain JSON values, display fields left
    out."""
    out: dict[str, Any] = {}
    for f in fields(data):
        if f.name in _DISPLAY:
            continue
        out[f.name] = _plain(getattr(data, f.name))
    return out


def _plain(value: Any) -> Any:
    if is_dataclass(value) and not isinstance(value, type):
        return to_json(value)
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, dt.date):  # dates and datetimes
        return value.isoformat()
    return value


def from_json(kind: type[Any], raw: dict[str, Any]) -> Any:
    """The record `to_json` made (fields unknown to `kind` are ignored, missing ones default)."""
    hints = typing.get_type_hints(kind, vars(d))
    values: dict[str, Any] = {}
    for f in fields(kind):
        if f.name in raw:
            values[f.name] = _typed(hints[f.name], raw[f.name])
    return kind(**values)


def _typed(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    options = (
        typing.get_args(hint)
        if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union
        else (hint,)
    )
    for option in options:
        if typing.get_origin(option) is list:
            (item,) = typing.get_args(option)
            if is_dataclass(item):
                return [from_json(item, x) for x in value]  # type: ignore[arg-type]
            return list(value)
        if option is datetime:
            return datetime.fromisoformat(value)
        if option is dt.date:
            return dt.date.fromisoformat(value)
    return value


def _table() -> Table:
    table: Table = m.InitiativeVersion.__table__  # type: ignore[assignment]
    return table


def remember(session: Session, before: d.InitiativeData) -> None:
    """Keep `before`, the version of an initiative a save in this session replaces; prune."""
    if before.id is None or before.version is None:
        return
    table = _table()
    session.execute(
        delete(table).where(
            table.c.initiative_id == before.id,
            or_(
                table.c.version == before.version,
                table.c.version <= before.version - KEEP_VERSIONS,
                table.c.replaced_at < m.utcnow() - timedelta(days=KEEP_DAYS),
            ),
        )
    )
    session.execute(
        table.insert().values(
            initiative_id=before.id,
            version=before.version,
            data=to_json(before),
            saved_at=before.updated_at,
            replaced_at=m.utcnow(),
        )
    )


def at_version(session: Session, initiative_id: int, version: int) -> d.InitiativeData | None:
    """The initiative as it was at `version`, if that version is still kept."""
    raw = session.scalar(
        select(m.InitiativeVersion.data).where(
            m.InitiativeVersion.initiative_id == initiative_id,
            m.InitiativeVersion.version == version,
        )
    )
    if raw is None:
        return None
    found: d.InitiativeData = from_json(d.InitiativeData, raw)
    return found


def forget_mentioning(connection: Connection, replace: Callable[[str | None], str | None]) -> int:
    """Erasure: drop every kept version whose text `replace` would change (it mentions the
    erased person); returns how many."""
    table = _table()
    doomed = []
    for initiative_id, version, data in connection.execute(
        select(table.c.initiative_id, table.c.version, table.c.data)
    ):
        text = json.dumps(data, ensure_ascii=False)
        if replace(text) != text:
            doomed.append((initiative_id, version))
    for initiative_id, version in doomed:
        connection.execute(
            delete(table).where(table.c.initiative_id == initiative_id, table.c.version == version)
        )
    return len(doomed)
