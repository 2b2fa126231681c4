"""Drafts of open editors, kept in the data folder so a crash never costs typed work.

The GUI writes a draft of every editor with unsaved changes shortly after each change (and on
a timer), removes it when the editor is saved, reverted or closed without saving, and offers
the drafts it finds for a database when that database is opened again. A draft holds the
edited initiative and the version it was based on, so restoring it and saving goes through
the usual conflict check when a colleague saved in between. Drafts never go into the
database until the user saves.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from coprod_desktop import paths
from coprod_desktop.domain import model as d
from coprod_desktop.services import safe_write

FORMAT = "coprod-draft"
VERSION = 1


@dataclass(frozen=True)
class Draft:
    key: str
    database: str
    saved_at: dt.datetime
    base: d.InitiativeData  # as the editor read it (its version is the one edited)
    data: d.InitiativeData  # with the unsaved changes

    @property
    def initiative_id(self) -> int | None:
        return self.data.id

    @property
    def title(self) -> str:
        return self.data.title or self.base.title


def drafts_dir() -> Path:
    path = paths.data_dir() / "drafts"
    path.mkdir(parents=True, exist_ok=True)
    return path


def _database_tag(database: str) -> str:
    return hashlib.sha256(database.encode("utf-8", "surrogatepass")).hexdigest()[:12]


def draft_path(key: str, database: str) -> Path:
    safe = "".join(c for c in key if c.isalnum() or c in "-_")[:64] or "draft"
    return drafts_dir() / f"{_database_tag(database)}-{safe}.json"


def _plain(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def to_json(data: d.InitiativeData) -> dict[str, Any]:
    result: dict[str, Any] = _plain(dataclasses.asdict(data))
    return result


def save_draft(key: str, database: str, base: d.InitiativeData, data: d.InitiativeData) -> Path:
    """Write (or replace) the draft `key` of `database` through the one atomic writer, so a
    kill mid-write leaves the previous draft whole."""
    path = draft_path(key, database)
    document = {
        "format": FORMAT,
        "version": VERSION,
        "key": key,
        "database": database,
        "saved_at": dt.datetime.now().isoformat(timespec="seconds"),
        "base": to_json(base),
        "data": to_json(data),
    }
    safe_write.write_text(path, json.dumps(document, ensure_ascii=False))
    return path


def discard_draft(key: str, database: str) -> None:
    draft_path(key, database).unlink(missing_ok=True)


def _read(path: Path) -> Draft | None:
    from coprod_desktop.services import versions  # the ORM's models: only once there is a draft

    try:
        document = json.loads(path.read_text(encoding="utf-8"))
        if document.get("format") != FORMAT:
            return None
        return Draft(
            key=str(document["key"]),
            database=str(document["database"]),
            saved_at=dt.datetime.fromisoformat(document["saved_at"]),
            base=versions.from_json(d.InitiativeData, document["base"]),
            data=versions.from_json(d.InitiativeData, document["data"]),
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None  # a damaged draft is not worth a crash; it stays on disk for a look


def list_drafts(database: str) -> list[Draft]:
    """The drafts kept for `database`, oldest first."""
    found = []
    for path in sorted(drafts_dir().glob(f"{_database_tag(database)}-*.json")):
        draft = _read(path)
        if draft is not None and draft.database == database:
            found.append(draft)
    return sorted(found, key=lambda draft: draft.saved_at)
