"""Files kept with an initiative or a journal entry: add, list, save as, delete.

The bytes live in the database (`attachment_content`, in chunks, once per SHA-256), so a
shared database shares them, a backup copies them, and an attachment's record and its bytes
are written in one transaction: a crash never leaves one without the other. Nothing that
opens a database or an initiative reads them; only saving (or opening) a file does.
"""

from __future__ import annotations

import hashlib
import mimetypes
import os
import stat
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import IO, Any

from sqlalchemy import Connection, delete, exists, insert, select, text, update
from sqlalchemy.orm import Session

from coprod_desktop.domain import model as d
from coprod_desktop.domain.errors import (
    FileProblemError,
    InputFileError,
    NotFoundError,
    Problem,
    ValidationError,
)
from coprod_desktop.store import models as m
from coprod_desktop.store import search
from coprod_desktop.store.db import Database

CHUNK_SIZE = 1024 * 1024  # bytes per stored chunk: far below any driver's limit per value
MEGABYTE = 1024 * 1024
_READ = 64 * 1024


def media_type_of(name: str) -> str:
    guessed, _encoding = mimetypes.guess_type(name, strict=False)
    return guessed or "application/octet-stream"


def size_limit() -> int:
    """The largest file that may be attached, in bytes (Settings; default 50 MB)."""
    from coprod_desktop.services.settings import load_settings

    return max(1, load_settings().attachment_limit_mb) * MEGABYTE


@dataclass(frozen=True)
class _Source:
    """A file about to be attached: its name, checksum, size and a way to read it again."""

    name: str
    sha256: str
    size: int
    open: Callable[[], IO[bytes]]


def checked_file(path: Path, limit: int) -> _Source:
    shown = str(path)
    try:
        found = os.stat(path)
    except FileNotFoundError:
        raise InputFileError("file_not_found", path=shown) from None
    except OSError as error:
        raise InputFileError("file_unreadable", path=shown, reason=error.strerror) from None
    if not stat.S_ISREG(found.st_mode):
        raise InputFileError("attachment_not_a_file", path=shown)
    if found.st_size > limit:
        raise InputFileError(
            "attachment_too_large",
            path=shown,
            size=megabytes(found.st_size),
            limit=megabytes(limit),
        )
    digest = hashlib.sha256()
    size = 0
    try:
        with path.open("rb") as handle:
            while block := handle.read(_READ):
                digest.update(block)
                size += len(block)
    except OSError as error:
        raise InputFileError("file_unreadable", path=shown, reason=error.strerror) from None
    if size > limit:  # grew since stat
        raise InputFileError(
            "attachment_too_large", path=shown, size=megabytes(size), limit=megabytes(limit)
        )
    return _Source(path.name, digest.hexdigest(), size, lambda: path.open("rb"))


def megabytes(size: int) -> str:
    return f"{size / MEGABYTE:.1f}"


def has_content(connection: Connection, sha256: str) -> bool:
    return bool(
        connection.execute(
            select(
                exists().where(m.AttachmentContent.sha256 == sha256, m.AttachmentContent.seq == 0)
            )
        ).scalar()
    )


def store_content(
    connection: Connection, sha256: str, chunks: Iterable[bytes], size: int | None = None
) -> None:
    """Write the chunks of `sha256` unless they are stored already; the bytes are checked
    against the checksum before anything is committed (a file changed while being read, a
    damaged bundle) and the caller's transaction is left to roll back otherwise."""
    if has_content(connection, sha256):
        return
    digest = hashlib.sha256()
    seq = 0
    written = 0
    for chunk in chunks:
        written += len(chunk)
        if size is not None and written > size:  # more than it claimed: stop reading
            raise InputFileError("attachment_changed", name=sha256[:12])
        digest.update(chunk)
        connection.execute(
            insert(m.AttachmentContent), {"sha256": sha256, "seq": seq, "data": chunk}
        )
        seq += 1
    if seq == 0:  # an empty file still has its one (empty) chunk
        connection.execute(insert(m.AttachmentContent), {"sha256": sha256, "seq": 0, "data": b""})
    if digest.hexdigest() != sha256:
        raise InputFileError("attachment_changed", name=sha256[:12])


def _chunks_of(handle: IO[bytes]) -> Iterator[bytes]:
    while block := handle.read(CHUNK_SIZE):
        yield block


def read_chunks(connection: Connection, sha256: str) -> Iterator[bytes]:
    """The stored bytes of `sha256`, a chunk at a time (never all of a large file at once)."""
    seq = 0
    while True:
        data = connection.execute(
            select(m.AttachmentContent.data).where(
                m.AttachmentContent.sha256 == sha256, m.AttachmentContent.seq == seq
            )
        ).scalar()
        if data is None:
            return
        yield bytes(data)
        seq += 1


def read_bytes(connection: Connection, sha256: str) -> bytes:
    return b"".join(read_chunks(connection, sha256))


def prune_content(connection: Connection) -> int:
    """Delete the bytes no attachment names any more; returns how many chunks went."""
    orphaned = ~exists().where(m.Attachment.sha256 == m.AttachmentContent.sha256)
    result = connection.execute(delete(m.AttachmentContent).where(orphaned))
    return int(result.rowcount or 0)


def as_data(row: m.Attachment) -> d.AttachmentData:
    return d.AttachmentData(
        id=row.id,
        initiative_id=row.initiative_id,
        journal_entry_id=row.journal_entry_id,
        name=row.name,
        media_type=row.media_type,
        size=row.size,
        sha256=row.sha256,
        added_on=row.added_on,
        added_by=row.added_by,
        text_status=row.text_status,
    )


def _journal_entry(session: Session, initiative_id: int, journal_id: int | None) -> int | None:
    if journal_id is None:
        return None
    found = session.scalar(
        select(m.JournalEntry.id).where(
            m.JournalEntry.id == journal_id, m.JournalEntry.initiative_id == initiative_id
        )
    )
    if found is None:
        raise NotFoundError("journal", journal_id)
    return int(found)


def add_record(
    session: Session,
    initiative_id: int,
    source: _Source,
    journal_entry_id: int | None = None,
    *,
    media_type: str | None = None,
    added_on: date | None = None,
    added_by: str | None = None,
) -> m.Attachment:
    """Store the bytes (once) and add the attachment row in the session's transaction."""
    with source.open() as handle:
        store_content(session.connection(), source.sha256, _chunks_of(handle))
    row = m.Attachment(
        initiative_id=initiative_id,
        journal_entry_id=journal_entry_id,
        name=source.name,
        media_type=media_type or media_type_of(source.name),
        size=source.size,
        sha256=source.sha256,
        added_on=added_on or date.today(),
        added_by=added_by or session.info.get("user"),
        text_status="pending",
    )
    session.add(row)
    return row


def bytes_source(name: str, data: bytes) -> _Source:
    import io

    return _Source(name, hashlib.sha256(data).hexdigest(), len(data), lambda: io.BytesIO(data))


def attach_files(
    db: Database,
    ident: int | str,
    files: Sequence[Path],
    journal_id: int | None = None,
) -> list[d.AttachmentData]:
    """Keep `files` with the initiative `ident` (or its journal entry `journal_id`), all or
    nothing: every file is checked (readable, an ordinary file, within the size limit)
    before anything is written, and all are written in one transaction."""
    from coprod_desktop.services import initiatives

    if not files:
        raise ValidationError([Problem("files", "required")])
    limit = size_limit()
    sources = [checked_file(Path(f), limit) for f in files]
    with db.session() as session:
        initiative_id = initiatives.resolve_id(session, ident)
        journal_entry_id = _journal_entry(session, initiative_id, journal_id)
        rows = [add_record(session, initiative_id, s, journal_entry_id) for s in sources]
        session.flush()
        return [as_data(row) for row in rows]


def list_attachments(db: Database, ident: int | str) -> list[d.AttachmentData]:
    """The attachments of an initiative (its own and its journal entries'), oldest first."""
    from coprod_desktop.services import initiatives

    with db.session() as session:
        initiative_id = initiatives.resolve_id(session, ident)
        rows = session.scalars(
            select(m.Attachment)
            .where(m.Attachment.initiative_id == initiative_id)
            .order_by(m.Attachment.id)
        ).all()
        return [as_data(row) for row in rows]


def get_attachment(db: Database, attachment_id: int) -> d.AttachmentData:
    with db.session() as session:
        row = session.get(m.Attachment, attachment_id)
        if row is None:
            raise NotFoundError("attachment", attachment_id)
        return as_data(row)


def save_as(db: Database, attachment_id: int, target: Path | str) -> Path:
    """Write the attachment's file to `target` through the one atomic writer (a half-written
    file never replaces a good one; the database, a backup or a device are refused)."""
    from coprod_desktop.services import safe_write

    safe_write.check_target(target)
    with db.reading() as connection:
        row = connection.execute(
            select(m.Attachment.sha256, m.Attachment.name).where(m.Attachment.id == attachment_id)
        ).first()
        if row is None:
            raise NotFoundError("attachment", attachment_id)
        digest = hashlib.sha256()
        with safe_write.atomic_write(target) as handle:
            for chunk in read_chunks(connection, row.sha256):
                digest.update(chunk)
                handle.write(chunk)
            if digest.hexdigest() != row.sha256:
                raise FileProblemError("attachment_damaged", name=row.name)
    return Path(target)


def delete_attachment(db: Database, attachment_id: int) -> None:
    """Remove the attachment; its bytes go too when no other attachment names them."""
    with db.session() as session:
        row = session.get(m.Attachment, attachment_id)
        if row is None:
            raise NotFoundError("attachment", attachment_id)
        session.delete(row)
        session.flush()
        prune_content(session.connection())


# ---------------------------------------------------------------- words for the search


EXTRACT_BATCH = 32  # documents per transaction: each touched initiative is reindexed once
EXTRACT_BATCH_BYTES = 64 * MEGABYTE


def extract_pending(db: Database, limit: int | None = None) -> int:
    """Extract the words of attachments added since the last run (`text_status` pending)
    into the search index, a batch per short transaction; returns how many were done."""
    from coprod_desktop.services import extract

    done = 0
    while limit is None or done < limit:
        wanted = EXTRACT_BATCH if limit is None else min(EXTRACT_BATCH, limit - done)
        words: dict[str, str | None] = {}  # by checksum: a file attached twice is read once
        batch: list[tuple[int, int, str]] = []
        with db.reading() as connection:
            rows = connection.execute(
                select(
                    m.Attachment.id,
                    m.Attachment.initiative_id,
                    m.Attachment.sha256,
                    m.Attachment.name,
                )
                .where(m.Attachment.text_status == "pending")
                .order_by(m.Attachment.id)
                .limit(wanted)
            ).all()
            read = 0
            for row in rows:
                if row.sha256 not in words:
                    if batch and read >= EXTRACT_BATCH_BYTES:
                        break
                    data = read_bytes(connection, row.sha256)
                    read += len(data)
                    words[row.sha256] = extract.text_of(row.name, data)
                batch.append((row.id, row.initiative_id, row.sha256))
        if not batch:
            return done
        with db.session() as session:
            connection = session.connection()
            for ident, _initiative, sha256 in batch:
                found = words[sha256]
                connection.execute(
                    update(m.Attachment)
                    .where(m.Attachment.id == ident)
                    .values(extracted_text=found, text_status="none" if found is None else "done")
                )
            # the documents' own index rows: their initiatives' rows do not change
            search.index_documents(connection, [(ident, words[sha]) for ident, _i, sha in batch])
        done += len(batch)
    return done


@dataclass(frozen=True)
class DocumentHit:
    initiative_id: int
    attachment_id: int
    name: str


def matching_documents(
    db: Database, query: str, initiative_ids: Sequence[int] | None = None
) -> list[DocumentHit]:
    """Which documents contain every word of `query` (folded as the search folds, each word
    a prefix), so a search hit can say which document matched: one look-up in the document
    index, limited to the attachments of `initiative_ids` (say, the rows on screen)."""
    matching = search.matching_documents_sql(db.dialect, query)
    if matching is None:
        return []
    documents, params = matching
    sql = f"SELECT a.id, a.initiative_id, a.name FROM attachment a WHERE a.id IN ({documents})"
    if initiative_ids is not None:  # ids are ints written inline, as the portfolio does
        sql += (
            f" AND a.initiative_id IN ({', '.join(str(int(i)) for i in initiative_ids) or 'NULL'})"
        )
    with db.reading() as connection:
        found = connection.execute(text(sql + " ORDER BY a.id"), params)
        return [DocumentHit(row.initiative_id, row.id, row.name) for row in found]


def as_json(item: d.AttachmentData) -> dict[str, Any]:
    """What `coprod attachments --format json` prints for one attachment."""
    return {
        "id": item.id,
        "name": item.name,
        "media_type": item.media_type,
        "size": item.size,
        "sha256": item.sha256,
        "journal": item.journal_entry_id,
        "added_on": item.added_on.isoformat() if item.added_on else None,
        "added_by": item.added_by,
    }


def count_content(connection: Connection) -> int:
    return int(
        connection.execute(text("SELECT count(DISTINCT sha256) FROM attachment_content")).scalar()
        or 0
    )


# ---------------------------------------------------------------- interchange


def _listed(row: m.Attachment) -> dict[str, Any]:
    """An attachment in the interchange shape: by name, size and checksum, never its bytes."""
    values: dict[str, Any] = {
        "name": row.name,
        "sha256": row.sha256,
        "size": row.size,
        "media_type": row.media_type,
        "added_on": row.added_on.isoformat() if row.added_on else None,
        "added_by": row.added_by,
    }
    return {k: v for k, v in values.items() if v is not None}


def add_to_export(
    session: Session, rows: Sequence[m.Initiative], out: list[dict[str, Any]]
) -> None:
    """Put `attachments` on the exported initiatives (`out`, in the order of `rows`) and on
    their journal entries; only where there are any, so files without them are unchanged."""
    wanted = [row.id for row in rows]
    found: dict[int, list[m.Attachment]] = {}
    for start in range(0, len(wanted), 500):
        for attachment in session.scalars(
            select(m.Attachment)
            .where(m.Attachment.initiative_id.in_(wanted[start : start + 500]))
            .order_by(m.Attachment.id)
        ):
            found.setdefault(attachment.initiative_id, []).append(attachment)
    for row, item in zip(rows, out, strict=True):
        listed = found.get(row.id)
        if not listed:
            continue
        own = [_listed(a) for a in listed if a.journal_entry_id is None]
        if own:
            item["attachments"] = own
        for entry, entry_out in zip(row.journal, item["journal"], strict=True):
            with_entry = [_listed(a) for a in listed if a.journal_entry_id == entry.id]
            if with_entry:
                entry_out["attachments"] = with_entry


ContentSource = Callable[[str], Iterator[bytes] | None]


def import_listed(
    session: Session,
    items: Sequence[dict[str, Any]],
    references: Sequence[str],
    files: ContentSource | None,
) -> int:
    """Add the attachments listed in imported initiatives (cleaned records, with the
    references they were written under). Bytes come from `files` (a bundle) or are already
    in the database; an attachment whose bytes are neither is left out and counted. One the
    initiative already has (same name, checksum and journal entry) is not added again, so
    importing a merge twice adds nothing."""
    skipped = 0
    connection = session.connection()
    for item, reference in zip(items, references, strict=True):
        listed: list[tuple[int | None, dict[str, Any]]] = [
            (None, a) for a in item.get("attachments") or []
        ]
        listed += [
            (index, a)
            for index, entry in enumerate(item.get("journal") or [])
            for a in entry.get("attachments") or []
        ]
        if not listed:
            continue
        initiative_id = session.scalar(
            select(m.Initiative.id).where(m.Initiative.reference == reference)
        )
        if initiative_id is None:
            continue
        entries = _entries_for(session, initiative_id, item.get("journal") or [])
        existing = {
            (row.journal_entry_id, row.sha256, row.name)
            for row in session.execute(
                select(m.Attachment.journal_entry_id, m.Attachment.sha256, m.Attachment.name).where(
                    m.Attachment.initiative_id == initiative_id
                )
            )
        }
        for index, record in listed:
            journal_entry_id = None if index is None else entries[index]
            key = (journal_entry_id, record["sha256"], record["name"])
            if key in existing:
                continue
            if not has_content(connection, record["sha256"]):
                chunks = files(record["sha256"]) if files is not None else None
                if chunks is None:
                    skipped += 1
                    continue
                store_content(connection, record["sha256"], chunks, record["size"])
            _check_size(connection, record)
            session.add(
                m.Attachment(
                    initiative_id=initiative_id,
                    journal_entry_id=journal_entry_id,
                    name=record["name"],
                    media_type=record.get("media_type") or media_type_of(record["name"]),
                    size=record["size"],
                    sha256=record["sha256"],
                    added_on=record.get("added_on"),
                    added_by=record.get("added_by"),
                    text_status="pending",
                )
            )
            existing.add(key)
    session.flush()
    return skipped


def _check_size(connection: Connection, record: dict[str, Any]) -> None:
    from sqlalchemy import func

    stored = connection.execute(
        select(func.sum(func.length(m.AttachmentContent.data))).where(
            m.AttachmentContent.sha256 == record["sha256"]
        )
    ).scalar()
    if int(stored or 0) != record["size"]:
        raise InputFileError("attachment_changed", name=record["name"])


def _entries_for(
    session: Session, initiative_id: int, journal: Sequence[dict[str, Any]]
) -> list[int | None]:
    """The database's journal entry for each of the file's entries (same date, kind and
    summary; each used once), so attachments land on the entry they were listed under."""
    rows = session.execute(
        select(m.JournalEntry.id, m.JournalEntry.date, m.JournalEntry.kind, m.JournalEntry.summary)
        .where(m.JournalEntry.initiative_id == initiative_id)
        .order_by(m.JournalEntry.id)
    ).all()
    unused = list(rows)
    found: list[int | None] = []
    for entry in journal:
        match = next(
            (
                r
                for r in unused
                if (r.date, r.kind, r.summary) == (entry["date"], entry["kind"], entry["summary"])
            ),
            None,
        )
        if match is not None:
            unused.remove(match)
        found.append(None if match is None else int(match.id))
    return found
