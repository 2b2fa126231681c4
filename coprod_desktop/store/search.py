"""Full-text search that behaves as a Danish user expects.

Text is folded before it is indexed and before it is searched: case-insensitive, the Danish
letters spelled out the way Danes do without them (å = aa, æ = ae, ø = oe, so "aarhus" and
"århus" both find "Århus"), other diacritics dropped (é = e). Every search word is a prefix,
so "havn" finds "Havnen" and "havneudvikling". On SQLite the folded text lives in an FTS5
table whose rowid is the initiative id; on other databases in a plain table searched with
word-start patterns. The index is rebuilt for every initiative a session touched, just
before the session commits, so it can never drift from the data.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import TYPE_CHECKING

from sqlalchemy import (
    Connection,
    select,
    text,
)

if TYPE_CHECKING:  # the models load when an index is written, not when a list searches
    from sqlalchemy.orm import Session

FTS_TABLE = "initiative_fts"  # SQLite: FTS5, rowid = initiative.id
PLAIN_TABLE = "initiative_search"  # other databases: (initiative_id, body)
SEARCH_TABLES = frozenset({FTS_TABLE, PLAIN_TABLE})

_DANISH_LETTERS = (("å", "aa"), ("æ", "ae"), ("ø", "oe"))
_WORD = re.compile(r"[^\W_]+")


def fold(value: str) -> str:
    """Lower-case, spell out æ/ø/å, and drop other diacritics."""
    folded = value.casefold()
    for letter, spelled in _DANISH_LETTERS:  # str.replace is far faster than translate here
        folded = folded.replace(letter, spelled)
    if folded.isascii():  # most Danish text once æ/ø/å are spelled out: nothing to drop
        return folded
    decomposed = unicodedata.normalize("NFKD", folded)
    return _NON_ASCII.sub(_drop_combining, decomposed)


_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def _drop_combining(run: re.Match[str]) -> str:
    return "".join(ch for ch in run.group() if not unicodedata.combining(ch))


def search_words(query: str) -> list[str]:
    return _WORD.findall(fold(query))


def _fts_match(words: list[str]) -> str:
    return " AND ".join(f'"{word}"*' for word in words)


def matching_ids_sql(dialect: str, query: str) -> tuple[str, dict[str, str]] | None:
    """A subquery (SQL text, named parameters) giving the ids of the initiatives that match
    every word of `query`; None when the query has no words (then nothing is filtered)."""
    words = search_words(query)
    if not words:
        return None
    if dialect == "sqlite":
        sql = f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :fts_query"
        return sql, {"fts_query": _fts_match(words)}
    # Elsewhere: each word must start a word of the folded body.
    clauses = [f"(' ' || body) LIKE :search_word_{index}" for index in range(len(words))]
    sql = f"SELECT initiative_id FROM {PLAIN_TABLE} WHERE " + " AND ".join(clauses)
    return sql, {f"search_word_{i}": f"% {w}%" for i, w in enumerate(words)}


def _separate_words(value: str) -> str:
    # Plain-table bodies keep one space before every word so ' word%' finds word starts.
    return " ".join(_WORD.findall(value))


def body(parts: Iterable[str | None]) -> str:
    """The folded search text of an initiative: its reference, title, summary, description
    and area, then its journal summaries, then its documents' names and words."""
    return fold("\n".join(p for p in parts if p))


def reindex(connection: Connection, initiative_ids: Iterable[int]) -> None:
    """Rebuild the search rows of these initiatives from what is in the database now."""
    from coprod_desktop.store.models import Attachment, Commitment, Initiative, JournalEntry

    ids = sorted(set(initiative_ids))
    if not ids:
        return
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        rows = connection.execute(
            select(
                Initiative.id,
                Initiative.reference,
                Initiative.title,
                Initiative.summary,
                Initiative.description,
                Initiative.area,
            ).where(Initiative.id.in_(chunk))
        ).all()
        journal: dict[int, list[str]] = {}
        for initiative_id, summary in connection.execute(
            select(JournalEntry.initiative_id, JournalEntry.summary).where(
                JournalEntry.initiative_id.in_(chunk)
            )
        ):
            journal.setdefault(initiative_id, []).append(summary or "")
        for initiative_id, promised in connection.execute(
            select(Commitment.initiative_id, Commitment.text).where(
                Commitment.initiative_id.in_(chunk)
            )
        ):
            journal.setdefault(initiative_id, []).append(promised or "")
        # attached documents: their names and the words extracted from them
        for initiative_id, name, words in connection.execute(
            select(Attachment.initiative_id, Attachment.name, Attachment.extracted_text).where(
                Attachment.initiative_id.in_(chunk)
            )
        ):
            journal.setdefault(initiative_id, []).extend((name or "", words or ""))
        bodies = [
            (
                row.id,
                body(
                    [
                        row.reference,
                        row.title,
                        row.summary,
                        row.description,
                        row.area,
                        *journal.get(row.id, []),
                    ]
                ),
            )
            for row in rows
        ]
        table, key = _table(connection)
        connection.execute(
            text(f"DELETE FROM {table} WHERE {key} = :id"), [{"id": i} for i in chunk]
        )
        _insert(connection, bodies)


def index_new(connection: Connection, bodies: Iterable[tuple[int, str]]) -> None:
    """Write the search rows of initiatives that have none yet (just made), from their
    `body`: a bulk import knows the text already and need not read it back."""
    _insert(connection, list(bodies))


def _table(connection: Connection) -> tuple[str, str]:
    if connection.dialect.name == "sqlite":
        return FTS_TABLE, "rowid"
    return PLAIN_TABLE, "initiative_id"


def _insert(connection: Connection, bodies: list[tuple[int, str]]) -> None:
    if not bodies:
        return
    table, key = _table(connection)
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql(f"INSERT INTO {table}({key}, body) VALUES (?, ?)", bodies)
    else:
        connection.execute(
            text(f"INSERT INTO {table}({key}, body) VALUES (:id, :body)"),
            [{"id": ident, "body": _separate_words(value)} for ident, value in bodies],
        )


def rebuild_all(connection: Connection) -> None:
    table = FTS_TABLE if connection.dialect.name == "sqlite" else PLAIN_TABLE
    connection.execute(text(f"DELETE FROM {table}"))
    ids = connection.execute(text("SELECT id FROM initiative")).scalars().all()
    reindex(connection, ids)


def pending_ids(session: Session) -> set[int]:
    pending: set[int] = session.info.setdefault("search_reindex", set())
    return pending
