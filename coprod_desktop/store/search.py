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
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import (
    Connection,
    select,
    text,
)
from sqlalchemy.orm import Session

from coprod_desktop.domain import fields
from coprod_desktop.store.models import Base, Initiative

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
    """The folded search text made of these parts (blank ones left out)."""
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
_MODELS: dict[str, Any] = {
    mapper.class_.__tablename__: mapper.class_ for mapper in Base.registry.mappers
}
_SEARCHED_MODELS = {entity: _MODELS[fields.TABLES[entity]] for _, entity in fields.SEARCHED_LISTS}


def reindex(connection: Connection, initiative_ids: Iterable[int]) -> None:
    """Rebuild the search rows of these initiatives from what is in the database now."""
    ids = sorted(set(initiative_ids))
    if not ids:
        return
    own = [getattr(Initiative, name) for name in SEARCHED["initiative"]]
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        rows = connection.execute(select(Initiative.id, *own).where(Initiative.id.in_(chunk)))
        # per initiative, per searched list: each record's searchable values
        lists: dict[int, dict[str, list[Sequence[str | None]]]] = {}
        for list_name, entity in fields.SEARCHED_LISTS:
            model = _SEARCHED_MODELS[entity]
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
    ids = connection.execute(select(Initiative.id)).scalars().all()
    reindex(connection, ids)


def pending_ids(session: Session) -> set[int]:
    pending: set[int] = session.info.setdefault("search_reindex", set())
    return pending
