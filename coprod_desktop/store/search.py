"""Full-text search that behaves as a Danish user expects.

Text is folded before it is indexed and before it is searched: case-insensitive, the Danish
letters spelled out the way Danes do without them (å = aa, æ = ae, ø = oe, so "aarhus" and
"århus" both find "Århus"), other diacritics dropped (é = e). Every search word is a prefix,
so "havn" finds "Havnen" and "havneudvikling". On SQLite the folded text lives in an FTS5
table whose rowid is the initiative id; on other databases in a plain table searched with
word-start patterns. The index is rebuilt for every initiative a session touched, just
before the session commits, so it can never drift from the data.

The words of attached documents have an index of their own, one row per attachment (rowid =
attachment id), written once when the words are extracted: an initiative with a gigabyte of
documents is reindexed on every save from its own few lines of text, not from its documents,
and "which document matched" is an indexed question. An initiative matches when each word of
the query is in its own text (names of its documents included) or in one of its documents.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from itertools import chain
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    Connection,
    select,
    text,
)

from coprod_desktop.domain import fields

if TYPE_CHECKING:  # the models load when an index is written, not when a list searches
    from sqlalchemy.orm import Session

FTS_TABLE = "initiative_fts"  # SQLite: FTS5, rowid = initiative.id
PLAIN_TABLE = "initiative_search"  # other databases: (initiative_id, body)
DOCUMENT_FTS_TABLE = "attachment_fts"  # SQLite: FTS5, rowid = attachment.id
DOCUMENT_PLAIN_TABLE = "attachment_search"  # other databases: (attachment_id, body)
SEARCH_TABLES = frozenset({FTS_TABLE, PLAIN_TABLE, DOCUMENT_FTS_TABLE, DOCUMENT_PLAIN_TABLE})

_ROWS_PER_INSERT = 499  # 998 parameters: older SQLite builds allow no more than 999
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
    # the few characters beyond ASCII (a dash, an é's accent), found by dropping the ASCII
    # bytes in C: scanning the whole text for them with a regular expression cost twice
    # what the rest of the folding does
    beyond = decomposed.encode(errors="surrogatepass").translate(None, _ASCII_BYTES)
    beyond_text = beyond.decode(errors="surrogatepass")
    for mark in {ch for ch in beyond_text if unicodedata.combining(ch)}:
        decomposed = decomposed.replace(mark, "")
    return decomposed


_ASCII_BYTES = bytes(range(128))


def search_words(query: str) -> list[str]:
    return _WORD.findall(fold(query))


def _fts_match(words: list[str]) -> str:
    return " AND ".join(f'"{word}"*' for word in words)


def _word_match(dialect: str, table: str, key: str, words: list[str], name: str) -> str:
    """SQL selecting the `key` of the rows of an index table holding every one of `words`
    (each a prefix); their values go in as parameters named `name` (see `_word_params`)."""
    if dialect == "sqlite":
        return f"SELECT rowid AS id FROM {table} WHERE {table} MATCH :{name}"
    # Elsewhere: each word must start a word of the folded body.
    clauses = [f"(' ' || body) LIKE :{name}_{index}" for index in range(len(words))]
    return f"SELECT {key} AS id FROM {table} WHERE " + " AND ".join(clauses)


def _word_params(dialect: str, words: list[str], name: str) -> dict[str, str]:
    if dialect == "sqlite":
        return {name: _fts_match(words)}
    return {f"{name}_{i}": f"% {w}%" for i, w in enumerate(words)}


def _initiative_index(dialect: str) -> tuple[str, str]:
    return (FTS_TABLE, "rowid") if dialect == "sqlite" else (PLAIN_TABLE, "initiative_id")


def _document_index(dialect: str) -> tuple[str, str]:
    if dialect == "sqlite":
        return DOCUMENT_FTS_TABLE, "rowid"
    return DOCUMENT_PLAIN_TABLE, "attachment_id"


def matching_ids_sql(dialect: str, query: str) -> tuple[str, dict[str, str]] | None:
    """A subquery (SQL text, named parameters) giving the ids of the initiatives that match
    every word of `query`; None when the query has no words (then nothing is filtered).

    An initiative matches when each word is in its own text or in one of its documents: per
    word, the ids the initiative index gives united with the initiatives of the documents the
    document index gives (both indexed look-ups), the words' sets intersected."""
    words = search_words(query)
    if not words:
        return None
    table, key = _initiative_index(dialect)
    documents, document_key = _document_index(dialect)
    parts = []
    params: dict[str, str] = {}
    for index, word in enumerate(words):
        name = f"search_word_{index}"
        params.update(_word_params(dialect, [word], name))
        own = _word_match(dialect, table, key, [word], name)
        in_documents = _word_match(dialect, documents, document_key, [word], name)
        parts.append(
            f"{own} UNION ALL SELECT a.initiative_id FROM attachment a"
            f" WHERE a.id IN ({in_documents})"
        )
    if len(parts) == 1:
        return parts[0], params
    # each word's set in parentheses: SQL's compound operators bind left to right
    together = " INTERSECT ".join(
        f"SELECT id FROM ({part}) AS word_{index}" for index, part in enumerate(parts)
    )
    return together, params


def matching_documents_sql(dialect: str, query: str) -> tuple[str, dict[str, str]] | None:
    """A subquery giving the ids of the attachments whose words hold every word of `query`;
    None when the query has no words."""
    words = search_words(query)
    if not words:
        return None
    table, key = _document_index(dialect)
    return _word_match(dialect, table, key, words, "document_words"), _word_params(
        dialect, words, "document_words"
    )


def _separate_words(value: str) -> str:
    # Plain-table bodies keep one space before every word so ' word%' finds word starts.
    return " ".join(_WORD.findall(value))


def body(parts: Iterable[str | None]) -> str:
    """The folded search text made of these parts (blank ones left out): an initiative's own
    searchable fields, then those of its journal, commitments, outcomes and documents' names."""
    return fold("\n".join(p for p in parts if p))


def initiative_text(
    own: Iterable[str | None], lists: Mapping[str, Iterable[Iterable[str | None]]]
) -> str:
    """The folded search text of an initiative from the values of its searchable fields
    (`SEARCHED["initiative"]`, in that order) and, per searched list (domain.fields:
    `SEARCHED_LISTS`, by interchange list name; a missing one: none), each record's values of
    its searchable fields. The index (`reindex`) and the bulk import (`record_text`) both make
    the text here, from the one declaration, so they agree."""
    parts = list(own)
    for list_name, _entity in fields.SEARCHED_LISTS:
        for values in lists.get(list_name, ()):
            parts.extend(values)
    return body(parts)


def record_text(
    initiative: Mapping[str, Any], lists: Mapping[str, Iterable[Mapping[str, Any]]]
) -> str:
    """`initiative_text` of an initiative and its child records in the interchange shape."""
    return initiative_text(
        searched_values("initiative", initiative),
        {
            name: [searched_values(entity, record) for record in lists.get(name, ())]
            for name, entity in fields.SEARCHED_LISTS
        },
    )


def searched_values(entity: str, record: Mapping[str, Any]) -> tuple[str | None, ...]:
    """The values of `entity`'s searchable fields in an interchange record, in order."""
    return tuple(record[name] for name in SEARCHED[entity])


# Searchable fields per record; each is stored in a column of its own name (a test checks).
SEARCHED = {entity: fields.searchable_columns(entity) for entity in fields.RECORDS}


def _searched_models() -> dict[str, Any]:
    """The model of each searched list's records (loaded when an index is written)."""
    from coprod_desktop.store.models import Base

    models = {mapper.class_.__tablename__: mapper.class_ for mapper in Base.registry.mappers}
    return {entity: models[fields.TABLES[entity]] for _, entity in fields.SEARCHED_LISTS}


def reindex(connection: Connection, initiative_ids: Iterable[int]) -> None:
    """Rebuild the search rows of these initiatives from what is in the database now."""
    from coprod_desktop.store.models import Initiative

    ids = sorted(set(initiative_ids))
    if not ids:
        return
    searched_models = _searched_models()
    own = [getattr(Initiative, name) for name in SEARCHED["initiative"]]
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        rows = connection.execute(select(Initiative.id, *own).where(Initiative.id.in_(chunk)))
        # per initiative, per searched list: each record's searchable values
        lists: dict[int, dict[str, list[Sequence[str | None]]]] = {}
        for list_name, entity in fields.SEARCHED_LISTS:
            model = searched_models[entity]
            columns = [getattr(model, name) for name in SEARCHED[entity]]
            for row in connection.execute(
                select(model.initiative_id, *columns).where(model.initiative_id.in_(chunk))
            ):
                found = lists.get(row[0])
                if found is None:
                    found = lists[row[0]] = {}
                found.setdefault(list_name, []).append(row[1:])
        bodies = [(row[0], initiative_text(row[1:], lists.get(row[0], {}))) for row in rows]
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
    return _initiative_index(connection.dialect.name)


def index_documents(connection: Connection, words: Sequence[tuple[int, str | None]]) -> None:
    """Write the document index rows of these attachments (id, extracted words; None: no
    words) in place of any they had."""
    table, key = _document_index(connection.dialect.name)
    if words:
        connection.execute(
            text(f"DELETE FROM {table} WHERE {key} = :id"), [{"id": i} for i, _w in words]
        )
    _insert_documents(connection, words)


def _insert_documents(connection: Connection, words: Sequence[tuple[int, str | None]]) -> None:
    rows = [(ident, fold(found)) for ident, found in words if found]
    if not rows:
        return
    table, key = _document_index(connection.dialect.name)
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql(f"INSERT INTO {table}({key}, body) VALUES (?, ?)", rows)
    else:
        connection.execute(
            text(f"INSERT INTO {table}({key}, body) VALUES (:id, :body)"),
            [{"id": ident, "body": _separate_words(value)} for ident, value in rows],
        )


def _insert(connection: Connection, bodies: list[tuple[int, str]]) -> None:
    if not bodies:
        return
    table, key = _table(connection)
    if connection.dialect.name == "sqlite":
        # hundreds of rows a statement: one step of SQLite's each, with the GIL free (an
        # import makes its next rows meanwhile; an executemany takes it back every row)
        for start in range(0, len(bodies), _ROWS_PER_INSERT):
            part = bodies[start : start + _ROWS_PER_INSERT]
            marks = ", ".join(["(?, ?)"] * len(part))
            connection.exec_driver_sql(
                f"INSERT INTO {table}({key}, body) VALUES {marks}",
                tuple(chain.from_iterable(part)),
            )
    else:
        connection.execute(
            text(f"INSERT INTO {table}({key}, body) VALUES (:id, :body)"),
            [{"id": ident, "body": _separate_words(value)} for ident, value in bodies],
        )


def rebuild_all(connection: Connection) -> None:
    """Rebuild both indexes from the data (an erase, a copy to another database)."""
    from coprod_desktop.store.models import Attachment

    table, _key = _table(connection)
    connection.execute(text(f"DELETE FROM {table}"))
    ids = connection.execute(text("SELECT id FROM initiative")).scalars().all()
    reindex(connection, ids)
    documents, _key = _document_index(connection.dialect.name)
    connection.execute(text(f"DELETE FROM {documents}"))
    with_words = (
        connection.execute(select(Attachment.id).where(Attachment.extracted_text.is_not(None)))
        .scalars()
        .all()
    )
    for start in range(0, len(with_words), 200):  # a few hundred documents' text at a time
        part = with_words[start : start + 200]
        found = connection.execute(
            select(Attachment.id, Attachment.extracted_text).where(Attachment.id.in_(part))
        ).all()
        _insert_documents(connection, [(row.id, row.extracted_text) for row in found])


def pending_ids(session: Session) -> set[int]:
    pending: set[int] = session.info.setdefault("search_reindex", set())
    return pending
