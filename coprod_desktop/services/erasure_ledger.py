"""The erasure ledger: which stakeholders were erased, without what was erased.

Each entry holds the stakeholder id, when, a random salt and the salted SHA-256 of the
erased name, e-mail and phone (normalised: spacing and case of the name and address, the
last eight digits of the phone). It is kept twice: in the database (table `erasure`, so
every copy and every team member's app knows it) and in `erasures.json` in the data folder,
beside the backups, where a restore of an older backup cannot roll it back.
`services.privacy.reapply_erasures` erases again whoever an entry recognises by id and hash.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Table, exc, insert, select, text, update

from coprod_desktop import paths

if TYPE_CHECKING:
    from coprod_desktop.store.db import Database

FILE_NAME = "erasures.json"
FORMAT = "coprod-erasures"


def ledger_path() -> Path:
    return paths.data_dir() / FILE_NAME


def _digest(salt: str, value: str) -> str:
    return hashlib.sha256(f"{salt}\0{value}".encode()).hexdigest()


def _name(value: str | None) -> str | None:
    text = " ".join((value or "").split()).casefold()
    return text or None


def _email(value: str | None) -> str | None:
    text = (value or "").strip().casefold()
    return text or None


def _phone(value: str | None) -> str | None:
    digits = re.sub(r"\D", "", value or "")
    return digits[-8:] if len(digits) >= 6 else None


@dataclass(frozen=True)
class Entry:
    stakeholder_id: int
    erased_at: datetime
    salt: str
    name_hash: str
    email_hash: str | None = None
    phone_hash: str | None = None
    # checksums of the documents the erase deleted (the user's choice), so that a restored
    # backup loses them again; a checksum names a file's content, not the person
    document_hashes: tuple[str, ...] = ()

    def _hash(self, value: str | None) -> str | None:
        return _digest(self.salt, value) if value else None

    def matches(self, name: str | None, email: str | None, phone: str | None) -> bool:
        """Whether a stakeholder with these values is the one erased (any value agrees)."""
        pairs = (
            (self.name_hash, _name(name)),
            (self.email_hash, _email(email)),
            (self.phone_hash, _phone(phone)),
        )
        return any(known and value and self._hash(value) == known for known, value in pairs)

    def as_json(self) -> dict[str, object]:
        return {
            "stakeholder_id": self.stakeholder_id,
            "erased_at": self.erased_at.isoformat(timespec="seconds"),
            "salt": self.salt,
            "name_hash": self.name_hash,
            "email_hash": self.email_hash,
            "phone_hash": self.phone_hash,
            "document_hashes": list(self.document_hashes),
        }


def new_entry(stakeholder_id: int, name: str, email: str | None, phone: str | None) -> Entry:
    salt = secrets.token_hex(16)
    values = (_name(name), _email(email), _phone(phone))
    hashes = [_digest(salt, v) if v else None for v in values]
    return Entry(
        stakeholder_id,
        _models().utcnow().replace(microsecond=0),
        salt,
        hashes[0] or "",
        hashes[1],
        hashes[2],
    )


# ---------------------------------------------------------------- in the database


def _models() -> Any:
    # loaded on first use: opening a database for a plain listing asks `stored` without the ORM
    from coprod_desktop.store import models

    return models


def _table() -> Table:
    table: Table = _models().Erasure.__table__
    return table


def record(connection: Connection, entry: Entry, *, cleanup_pending: bool) -> None:
    """Add `entry` to the database's ledger (once) and mark a clean-up as pending or not."""
    table = _table()
    exists = connection.scalar(
        select(table.c.id).where(
            table.c.stakeholder_id == entry.stakeholder_id, table.c.salt == entry.salt
        )
    )
    if exists is None:
        connection.execute(
            insert(table).values(
                stakeholder_id=entry.stakeholder_id,
                erased_at=entry.erased_at,
                salt=entry.salt,
                name_hash=entry.name_hash,
                email_hash=entry.email_hash,
                phone_hash=entry.phone_hash,
                document_hashes=" ".join(entry.document_hashes) or None,
                cleanup_pending=cleanup_pending,
            )
        )
    else:
        connection.execute(
            update(table).where(table.c.id == exists).values(cleanup_pending=cleanup_pending)
        )


def stored(connection: Connection) -> list[Entry]:
    table = _table()
    return [
        Entry(
            row.stakeholder_id,
            row.erased_at,
            row.salt,
            row.name_hash,
            row.email_hash,
            row.phone_hash,
            tuple((row.document_hashes or "").split()),
        )
        for row in connection.execute(select(table).order_by(table.c.id))
    ]


def any_known(connection: Connection) -> bool:
    """Whether the ledger file or the database knows of any erasure: if neither does, there
    is nothing to apply again (plain SQL, so opening a database for a listing loads no ORM).
    A database from before the ledger raises DBAPIError."""
    if load():
        return True
    return connection.execute(text("SELECT 1 FROM erasure LIMIT 1")).first() is not None


def known_to(db: Database) -> bool:
    """Whether an erasure may have to be applied again to `db`, or its clean-up finished (see
    privacy.reapply_erasures and privacy.cleanup_pending, which then decide). False for a
    database from before the ledger: both do nothing there either."""
    try:
        with db.engine.connect() as connection:
            return any_known(connection)
    except exc.DBAPIError:
        return False


def pending(connection: Connection) -> bool:
    table = _table()
    found = connection.scalar(select(table.c.id).where(table.c.cleanup_pending.is_(True)).limit(1))
    return found is not None


def set_pending(connection: Connection, value: bool) -> None:
    table = _table()
    if value:
        # the newest erase is the one whose clean-up failed
        newest = connection.scalar(select(table.c.id).order_by(table.c.id.desc()).limit(1))
        if newest is not None:
            connection.execute(
                update(table).where(table.c.id == newest).values(cleanup_pending=True)
            )
    else:
        connection.execute(
            update(table).where(table.c.cleanup_pending.is_(True)).values(cleanup_pending=False)
        )


def recognised(
    connection: Connection, people: list[tuple[str, str | None, str | None]]
) -> dict[int, Entry]:
    """Which of `people` (name, e-mail, phone) the ledger knows as erased, by index. The
    database's own ledger and the data folder's copy both count."""
    entries = {(e.stakeholder_id, e.salt): e for e in [*load(), *stored(connection)]}
    found: dict[int, Entry] = {}
    if not entries:
        return found
    for index, (name, email, phone) in enumerate(people):
        for entry in entries.values():
            if entry.matches(name, email, phone):
                found[index] = entry
                break
    return found


# ---------------------------------------------------------------- beside the backups


def load(path: Path | None = None) -> list[Entry]:
    """The entries of the ledger file (none when it is missing or unreadable)."""
    target = path or ledger_path()
    try:
        document = json.loads(target.read_text("utf-8"))
        return [
            Entry(
                int(item["stakeholder_id"]),
                datetime.fromisoformat(item["erased_at"]),
                str(item["salt"]),
                str(item["name_hash"]),
                item.get("email_hash"),
                item.get("phone_hash"),
                tuple(str(h) for h in item.get("document_hashes") or ()),
            )
            for item in document["entries"]
        ]
    except (OSError, ValueError, KeyError, TypeError):
        return []


def remember(entry: Entry) -> bool:
    return remember_all([entry])


def remember_all(entries: Iterable[Entry], path: Path | None = None) -> bool:
    """Add entries to the ledger file (written whole to a temporary file, then renamed).
    False when the file could not be written."""
    entries = list(entries)
    if not entries:
        return True
    target = path or ledger_path()
    known = load(target)
    seen = {(e.stakeholder_id, e.salt) for e in known}
    new = [e for e in entries if (e.stakeholder_id, e.salt) not in seen]
    if not new:
        return True
    document = {"format": FORMAT, "version": 1, "entries": [e.as_json() for e in known + new]}
    temporary = target.with_name(f".{target.name}.{os.getpid()}.part")
    try:
        with temporary.open("w", encoding="utf-8") as handle:
            handle.write(json.dumps(document, indent=1) + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        temporary.replace(target)
    except OSError:
        temporary.unlink(missing_ok=True)
        return False
    return True
