"""The bulk path of an import: new stakeholders, initiatives and their children written in
multi-row statements, inside the import's transaction (so it stays all or nothing)."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import date
from functools import partial
from itertools import chain
from operator import itemgetter
from queue import SimpleQueue
from threading import Event
from time import perf_counter, sleep
from typing import Any

import orjson
from sqlalchemy import insert
from sqlalchemy.dialects.sqlite import base as sqlite_types
from sqlalchemy.orm import Session

from coprod_desktop.domain.vocab import is_natural_person
from coprod_desktop.services import convert
from coprod_desktop.store import models as m
from coprod_desktop.store import search
from coprod_desktop.store.audit import IMPORT

# The bulk path: new stakeholders, initiatives and their children written a table at a time
# in multi-row statements, inside the same transaction as the rest of the import (so it stays
# all or nothing). It writes what the search index would (the search rows of the new initiatives) and,
# instead of the ORM's audit row per field, one 'import' event per stakeholder and per
# initiative (store.audit.IMPORT): the file it came from and the record's values, children
# included, as its first state (issue 22).
_BULK_CHUNK = 2000
# SQLite: rows per multi-row INSERT (fewer when the variable limit says so); compiling one of
# several thousand rows costs more than it saves, and equal chunks reuse one prepared statement
# from the driver's cache
_ROWS_PER_STATEMENT = 1000
_ROWS_BETWEEN_PAUSES = 100  # rows the rows' thread makes before it lets the writer have the GIL
_PAUSE_EVERY_S = 0.0002  # how long the events' thread keeps the GIL at most
_IMPORT_CACHE_KIB = 64 * 1024
_CHILD_COLUMNS: dict[str, tuple[str, ...]] = {
    "stakeholders": convert.INVOLVEMENT_FIELDS,
    "mandates": convert.MANDATE_FIELDS,
    "resources": convert.RESOURCE_FIELDS,
    "cross_pressures": convert.PRESSURE_FIELDS,
    "journal": convert.JOURNAL_FIELDS,
    "reviews": convert.REVIEW_FIELDS,
    "commitments": convert.COMMITMENT_FIELDS,
    "outcomes": convert.OUTCOME_FIELDS,
}
_SQLITE_DATE_FORMAT = "%(year)04d-%(month)02d-%(day)02d"
_date_text = date.isoformat  # the same text for a date (and, like it, refuses anything else)
_AUDIT_COLUMNS = ("entity", "entity_id", "initiative_id", "new_value")
_DONE = object()  # the end of the rows' thread's steps


def _stakeholder_value(record: dict[str, Any], name: str) -> Any:
    if name == "is_person":  # citizens and volunteers are natural persons whatever it says
        return is_natural_person(record["kind"], record["is_person"])
    return record[name]


def _event_json(state: Mapping[str, Any]) -> bytes:
    """An import event's state as JSON, encoded as UTF-8 (compact, the text as it is; written
    as text, see `write_audit`). orjson: the events of a 10,000-initiative import are 28 MB
    of JSON, made three times faster than by the standard library's encoder (a date, from a
    checked record, as its ISO text)."""
    return orjson.dumps(state)


# what an initiative's import event leaves out of the file's record: the document's own key
# and version, and the documents (`attachments` writes their own history)
_NOT_KEPT = frozenset({"key", "version", "attachments"})


def first_state(
    given: Mapping[str, Any], reference: str, people: Mapping[str, tuple[int, str]]
) -> bytes:
    """An imported initiative's values and children as the file gave them, as JSON (the
    new_value of its import event), with the reference it got; a party (`stakeholder`,
    `source`, `counterpart`, `participants`) as its stakeholder id, as the tables hold it,
    so the event keeps no personal data of its own. (Taken from the document rather than
    the checked record: its dates are still text and its blanks absent, which makes this
    a single pass of the JSON encoder.)"""
    state = {k: v for k, v in given.items() if k not in _NOT_KEPT}
    state["reference"] = reference
    if stakeholders := given.get("stakeholders"):
        state["stakeholders"] = [
            {**x, "stakeholder": people[x["stakeholder"]][0]} for x in stakeholders
        ]
    if resources := given.get("resources"):
        state["resources"] = [
            {**x, "source": people[x["source"]][0]} if x.get("source") is not None else x
            for x in resources
        ]
    if journal := given.get("journal"):
        state["journal"] = [
            {
                **{k: v for k, v in x.items() if k != "attachments"},  # their own history
                "participants": sorted({people[k][0] for k in x.get("participants") or ()}),
            }
            for x in journal
        ]
    if commitments := given.get("commitments"):
        state["commitments"] = [
            {**x, "counterpart": people[x["counterpart"]][0]}
            if x.get("counterpart") is not None
            else x
            for x in commitments
        ]
    return _event_json(state)


def _initiative_rows(items: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    """New initiatives' rows: their scalars (the reference trimmed, lists as lists), then
    the sort keys of title and owner."""
    scalars = convert.INITIATIVE_SCALARS
    get = itemgetter(*scalars)
    at_reference = scalars.index("reference")
    at_lists = [scalars.index("public_values"), scalars.index("co_phases")]
    at_title, at_owner = scalars.index("title"), scalars.index("owner")
    rows = []
    for item in items:
        row = list(get(item))
        row[at_reference] = row[at_reference].strip()
        for at in at_lists:
            row[at] = list(row[at] or [])
        row += (m.sort_key(row[at_title]) or "", m.sort_key(row[at_owner]))
        rows.append(tuple(row))
    return rows


class _ChildRows:
    """The rows of new initiatives' child records, a statement's worth at a time (a party as
    its stakeholder id; a commitment's journal entry by id). SQLite: the journal entries are
    written under the ids after `journal_top`, so every row can be made before any is written
    (see `BulkWriter.initiatives`); otherwise their ids come from writing them."""

    def __init__(
        self,
        items: list[dict[str, Any]],
        parents: list[int],
        people: Mapping[str, tuple[int, str]],
        journal_top: int | None = None,
    ) -> None:
        self.people = people
        self.items, self.parents = items, parents
        self.journal_top = journal_top
        self.columns: dict[str, tuple[str, ...]] = {}
        for name in m.CHILD_MODELS:
            plain = tuple(n for n in _CHILD_COLUMNS[name] if n not in _PARTY_COLUMNS)
            if name == "stakeholders":
                plain = ("stakeholder_id", *plain)
            elif name == "resources":
                plain = (*plain, "source_id")
            elif name == "commitments":
                plain = (*plain, "counterpart_id", "journal_entry_id", "owner_key")
            self.columns[name] = ("initiative_id", *plain)
        if journal_top is not None:
            self.columns["journal"] = ("id", *self.columns["journal"])
        self.journal_ids: dict[tuple[int, str], int] = {}

    def pairs(self, name: str) -> list[tuple[int, dict[str, Any]]]:
        """(initiative id, record) for each record of the list `name`."""
        return [(parent, x) for item, parent in zip(self.items, self.parents, strict=True)
                for x in item[name]]  # fmt: skip

    def batches(
        self, prepare: Callable[..., _Batch], name: str, per_batch: int
    ) -> Iterator[_Batch]:
        """The list `name`'s rows, `per_batch` at a time, as batches by `prepare`
        (BulkWriter.prepare); SQLite: the journal's participants follow the journal."""
        pairs = self.pairs(name)
        model = m.CHILD_MODELS[name]
        foreseen = name == "journal" and self.journal_top is not None
        for start in range(0, len(pairs), per_batch):
            rows: list[tuple[Any, ...]] = []
            end = min(start + per_batch, len(pairs))
            for at in range(start, end, _ROWS_BETWEEN_PAUSES):
                rows += self._rows(name, pairs[at : min(at + _ROWS_BETWEEN_PAUSES, end)], at)
                sleep(0)  # let the writing thread have the GIL back (see _events_and_search_text)
            yield prepare(
                model, self.columns[name], rows, {}, ids=name == "journal" and not foreseen
            )
        if foreseen:
            assert self.journal_top is not None
            first = self.journal_top + 1
            links = self.participant_links(list(range(first, first + len(pairs))))
            for start in range(0, len(links), per_batch):
                yield prepare(
                    m.journal_participant,
                    ("journal_entry_id", "stakeholder_id"),
                    links[start : start + per_batch],
                    {},
                    ids=False,
                )

    def _rows(
        self, name: str, pairs: list[tuple[int, dict[str, Any]]], offset: int
    ) -> list[tuple[Any, ...]]:
        """The rows of `pairs`, the list's records from `offset` on."""
        people = self.people
        get = itemgetter(*(n for n in _CHILD_COLUMNS[name] if n not in _PARTY_COLUMNS))
        if name == "stakeholders":
            return [(p, people[x["stakeholder"]][0], *get(x)) for p, x in pairs]
        if name == "resources":
            return [
                (p, *get(x), people[x["source"]][0] if x["source"] is not None else None)
                for p, x in pairs
            ]
        if name == "commitments":
            journal_ids = self.journal_ids
            return [
                (
                    p,
                    *get(x),
                    people[x["counterpart"]][0] if x["counterpart"] is not None else None,
                    journal_ids[(p, x["journal"])] if x["journal"] is not None else None,
                    m.sort_key(x["owner"]),
                )
                for p, x in pairs
            ]
        if name == "journal" and self.journal_top is not None:
            first = self.journal_top + 1 + offset
            return [(ident, p, *get(x)) for ident, (p, x) in enumerate(pairs, start=first)]
        return [(p, *get(x)) for p, x in pairs]

    def participant_links(self, journal_ids: list[int]) -> list[tuple[int, int]]:
        """The journal's participants as (entry id, stakeholder id), given the entries' ids;
        and those ids noted for the commitments made at a meeting."""
        pairs, people = self.pairs("journal"), self.people
        self.journal_ids = {
            (p, x["key"]): entry
            for (p, x), entry in zip(pairs, journal_ids, strict=True)
            if x["key"] is not None
        }
        return [
            (entry, sid)
            for (_p, x), entry in zip(pairs, journal_ids, strict=True)
            for sid in sorted({people[k][0] for k in x["participants"]})
        ]


_PARTY_COLUMNS = frozenset({"stakeholder_id", "source_id", "counterpart_id"})


def _events_and_search_text(
    items: list[dict[str, Any]],
    given: list[dict[str, Any]],
    references: list[str],
    people: Mapping[str, tuple[int, str]],
    per_batch: int,
) -> Iterator[tuple[list[bytes], list[str]]]:
    """New initiatives' import-event states (`first_state`) and search text (what
    search.reindex would read back), `per_batch` initiatives at a time, from the records in
    hand; touches no database."""
    lists = tuple(m.CHILD_MODELS)
    next_pause = perf_counter() + _PAUSE_EVERY_S
    for start in range(0, len(items), per_batch):
        states: list[bytes] = []
        texts: list[str] = []
        for item, record, reference in zip(
            items[start : start + per_batch],
            given[start : start + per_batch],
            references[start : start + per_batch],
            strict=True,
        ):
            states.append(first_state(record, reference, people))
            texts.append(
                search.record_text({**item, "reference": reference}, {n: item[n] for n in lists})
            )
            if perf_counter() >= next_pause:
                # let the writing thread have the GIL back soon after SQLite is done with a
                # statement, rather than after the interpreter's switch interval (5 ms)
                sleep(0)
                next_pause = perf_counter() + _PAUSE_EVERY_S
        yield states, texts


# an insert trigger keeping a fact of its initiative: the assignments, for the row inserted
_FACT_TRIGGER = re.compile(
    r"\bBEGIN\s+UPDATE\s+initiative\s+SET\s+(?P<sets>.+?)\s+WHERE\s+id\s*=\s*"
    r"NEW\.initiative_id\s*;\s*END\s*$",
    re.IGNORECASE | re.DOTALL,
)


def _top_level_split(text: str) -> list[str]:
    """`text` split at the commas outside parentheses and quotes ("a = (x, y), b = 1")."""
    parts, depth, quote, start = [], 0, "", 0
    for index, char in enumerate(text):
        if quote:
            if char == quote:
                quote = ""
        elif char in "'\"":
            quote = char
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "," and depth == 0:
            parts.append(text[start:index])
            start = index + 1
    parts.append(text[start:])
    return parts


@dataclass(frozen=True)
class _Batch:
    """Rows for one table, ready for `BulkWriter.write`: `bound`, as SQLite's driver binds
    them (constants included in each row); otherwise as given, with `constants` apart."""

    table: Any
    columns: tuple[str, ...]
    rows: list[tuple[Any, ...]]
    constants: dict[str, Any]
    ids: bool
    computed: dict[str, str]
    bound: bool = False
    utf8: frozenset[str] = frozenset()  # columns given as UTF-8 bytes, to be stored as text


class BulkWriter:
    def __init__(self, session: Session, source: str | None = None) -> None:
        self.session = session
        self.source = source  # the file's name, for the import events
        self.connection = session.connection()
        self.dialect = self.connection.dialect
        self.now = m.utcnow()
        # (entity, id, initiative id, state as UTF-8 JSON)
        self.audit: list[tuple[str, int, int | None, bytes]] = []
        # the child tables' insert triggers (name, SQL), as _fact_triggers found them
        self.insert_triggers: list[tuple[str, str]] = []

    def insert(
        self,
        model: Any,
        columns: tuple[str, ...],
        rows: list[tuple[Any, ...]],
        constants: Mapping[str, Any],
        *,
        ids: bool = True,
        computed: Mapping[str, str] | None = None,
        utf8: frozenset[str] = frozenset(),
    ) -> list[int]:
        """Insert rows (values in `columns` order, then `constants` in each), returning their
        new ids in the order given (`ids`). SQLite: `computed` columns take an SQL expression
        in which each ? stands for the row's first value. The `utf8` columns' values are text
        encoded as UTF-8 (bytes), stored as text."""
        return self.write(
            self.prepare(model, columns, rows, constants, ids=ids, computed=computed, utf8=utf8)
        )

    def prepare(
        self,
        model: Any,
        columns: tuple[str, ...],
        rows: list[tuple[Any, ...]],
        constants: Mapping[str, Any],
        *,
        ids: bool = True,
        computed: Mapping[str, str] | None = None,
        utf8: frozenset[str] = frozenset(),
    ) -> _Batch:
        """The Python half of `insert`: on SQLite, the rows as the driver will bind them (each
        value as its column type would bind it), so that `write` is nearly all SQLite's."""
        table: Any = getattr(model, "__table__", model)
        if self.dialect.name != "sqlite" or not rows:
            return _Batch(
                table, columns, rows, dict(constants), ids, dict(computed or {}), False, utf8
            )
        fixed = tuple(self._bind(table.c[name], value) for name, value in constants.items())
        converted = [
            (index, convert_column)
            for index, name in enumerate(columns)
            if (convert_column := self._column_processor(table.c[name])) is not None
        ]
        values: list[tuple[Any, ...]] = []
        for start in range(0, len(rows), _ROWS_PER_STATEMENT):
            part = rows[start : start + _ROWS_PER_STATEMENT]
            if converted:  # a column at a time (a date column: one comprehension, not n calls)
                by_column: list[Any] = list(zip(*part, strict=True))
                for index, convert_column in converted:
                    by_column[index] = convert_column(by_column[index])
                part = list(zip(*by_column, strict=True))
            values += [(*row, *fixed) for row in part] if fixed else part
            sleep(0)  # a few hundred rows at a time (see _ChildRows.batches)
        return _Batch(
            table, (*columns, *constants), values, {}, ids, dict(computed or {}), True, utf8
        )

    def write(self, batch: _Batch) -> list[int]:
        """Write a prepared batch; returns the new ids in order (if it asked for them)."""
        table, rows = batch.table, batch.rows
        if not rows:
            return []
        if not batch.bound:
            statement = insert(table)
            if batch.ids:
                statement = statement.returning(table.c.id, sort_by_parameter_order=True)
            made: list[int] = []
            encoded = [batch.columns.index(name) for name in batch.utf8]
            for start in range(0, len(rows), _BULK_CHUNK):
                chunk = [
                    {**dict(zip(batch.columns, row, strict=True)), **batch.constants}
                    for row in rows[start : start + _BULK_CHUNK]
                ]
                for values, row in zip(chunk, rows[start : start + _BULK_CHUNK], strict=True):
                    for index in encoded:
                        if row[index] is not None:
                            values[batch.columns[index]] = row[index].decode()
                result = self.connection.execute(statement, chunk)
                if batch.ids:
                    made += [row[0] for row in result]
            return made
        # SQLite cannot promise the order of RETURNING rows, but the ids are known: this
        # transaction holds the only write lock, so each row gets the next rowid after the
        # largest one, in the order given.
        quote = self.dialect.identifier_preparer.quote
        names = ", ".join(quote(name) for name in (*batch.columns, *batch.computed))
        as_text = [batch.columns.index(name) for name in batch.utf8]
        self._insert_many(quote(table.name), names, rows, list(batch.computed.values()), as_text)
        if not batch.ids:
            return []
        last = self.connection.exec_driver_sql(f"SELECT max(id) FROM {quote(table.name)}")
        top = last.scalar_one()
        return list(range(top - len(rows) + 1, top + 1))

    def _insert_many(
        self,
        table: str,
        names: str,
        values: list[tuple[Any, ...]],
        computed: list[str],
        as_text: Sequence[int] = (),
    ) -> None:
        """SQLite: `values` into `table` as multi-row VALUES statements, up to
        `_ROWS_PER_STATEMENT` rows in each (fewer when the variable limit says so). Faster than an executemany of the same rows, and each
        statement is one step of SQLite's with the GIL released, so the events and search
        text of the import are made on the other core meanwhile (an executemany takes the GIL
        back after every row). A `computed` expression's ? stands for the row's first value;
        the columns at `as_text` hold UTF-8 bytes, stored as text: sqlite3 binds bytes as they
        are, where a str with a letter beyond ASCII is first encoded again (the import events
        are 28 MB of such text)."""
        width = len(values[0])
        raw = self.connection.connection.dbapi_connection
        limit = raw.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER) if raw is not None else 999
        per_statement = max(1, min(limit // width, _ROWS_PER_STATEMENT))
        row_marks = "(" + ", ".join(["?"] * width) + ")"
        selected = ", ".join(
            [
                f"CAST(bulk_rows.column{index} AS TEXT)"
                if index - 1 in as_text
                else f"bulk_rows.column{index}"
                for index in range(1, width + 1)
            ]
            + [expression.replace("?", "bulk_rows.column1") for expression in computed]
        )
        for start in range(0, len(values), per_statement):
            chunk = values[start : start + per_statement]
            rows = ", ".join([row_marks] * len(chunk))
            statement = (
                f"INSERT INTO {table} ({names}) SELECT {selected} FROM (VALUES {rows}) AS bulk_rows"
                if computed or as_text
                else f"INSERT INTO {table} ({names}) VALUES {rows}"
            )
            self.connection.exec_driver_sql(statement, tuple(chain.from_iterable(chunk)))

    @contextmanager
    def larger_cache(self) -> Iterator[None]:
        """SQLite keeps 2 MB of pages per connection; the new rows touch a dozen indexes
        (and a trigger updates initiatives), so a 10,000-initiative import spends a tenth
        of its time re-reading index pages. 64 MB while writing them, then as it was."""
        if self.dialect.name != "sqlite":
            yield
            return
        before = int(self.connection.exec_driver_sql("PRAGMA cache_size").scalar() or 0)
        page = int(self.connection.exec_driver_sql("PRAGMA page_size").scalar() or 4096)
        if (-before if before < 0 else before * page // 1024) >= _IMPORT_CACHE_KIB:
            yield  # already as large
            return
        self.connection.exec_driver_sql(f"PRAGMA cache_size = {-_IMPORT_CACHE_KIB}")
        restore = f"PRAGMA cache_size = {before}"
        try:
            yield
        except BaseException:
            with suppress(Exception):  # the first error is the one to report
                self.connection.exec_driver_sql(restore)
            raise
        self.connection.exec_driver_sql(restore)

    def _column_processor(self, column: Any) -> Callable[[Sequence[Any]], list[Any]] | None:
        """What binding does to a whole column of values (None: nothing), as a list."""
        process = self._processor(column)
        if process is None:
            return None
        impl = column.type.dialect_impl(self.dialect)
        if (
            isinstance(impl, sqlite_types.DATE)
            and impl._storage_format == _SQLITE_DATE_FORMAT
            and process.__qualname__ == "DATE.bind_processor.<locals>.process"
        ):
            # SQLAlchemy's own format for a date on SQLite is the ISO one (YYYY-MM-DD), which
            # is what the driver makes of a date when store.db's adapter is registered
            if sqlite3.adapters.get((date, sqlite3.PrepareProtocol)) is date.isoformat:
                return None
            return lambda values: [x if x is None else _date_text(x) for x in values]
        return lambda values: list(map(process, values))

    def _processor(self, column: Any) -> Callable[[Any], Any] | None:
        process: Callable[[Any], Any] | None = column.type.dialect_impl(
            self.dialect
        ).bind_processor(self.dialect)
        return process

    def _bind(self, column: Any, value: Any) -> Any:
        process = self._processor(column)
        return value if process is None else process(value)

    def note(
        self, entity: str, ids: list[int], parents: Sequence[int | None], labels: list[Any]
    ) -> None:
        self.audit += zip([entity] * len(ids), ids, parents, labels, strict=True)

    def _stamps(self) -> dict[str, Any]:
        return {"created_at": self.now, "updated_at": self.now, "version": 1}

    def stakeholders(self, records: list[dict[str, Any]]) -> list[int]:
        columns = convert.STAKEHOLDER_SCALARS
        rows = [tuple(_stakeholder_value(s, name) for name in columns) for s in records]
        ids = self.insert(m.Stakeholder, columns, rows, self._stamps())
        states = [
            _event_json(
                {
                    n: _stakeholder_value(s, n)
                    for n in convert.STAKEHOLDER_SCALARS
                    if s[n] is not None
                }
            )
            for s in records
        ]
        self.note("stakeholder", ids, [None] * len(ids), states)
        return ids

    def initiatives(
        self,
        items: list[dict[str, Any]],
        people: dict[str, tuple[int, str]],
        given: list[dict[str, Any]],
    ) -> list[str]:
        """Insert new initiatives (checked; `given`: the same as the file has them) with their
        children; returns their references."""
        if not items:
            return []
        references = [item["reference"].strip() for item in items]
        initiative_columns = (*convert.INITIATIVE_SCALARS, "title_key", "owner_key")
        triggers = self._fact_triggers()
        last: Callable[[], _Batch] | None = None
        if triggers is None:  # the children's triggers keep each new initiative's facts
            rows = _initiative_rows(items)
            parents = self.insert(m.Initiative, initiative_columns, rows, self._stamps())
        else:
            # SQLite: the children first, under ids the initiatives will have (no one else
            # can write in between: SQLite refuses this transaction's writes if another
            # committed after it read), without their insert triggers (which would find no
            # initiative to update, a row at a time); then the initiatives, each written once
            # with its facts worked out by the triggers' own expressions (see _fact_triggers).
            top = int(
                self.connection.exec_driver_sql("SELECT max(id) FROM initiative").scalar() or 0
            )
            parents = list(range(top + 1, top + 1 + len(items)))
            written = {
                model.__tablename__
                for name, model in m.CHILD_MODELS.items()
                if any(item[name] for item in items)
            }
            last = partial(
                self._initiative_batch,
                items,
                top,
                initiative_columns,
                self.facts(triggers, written),
            )
            self.connection.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
            self._drop_insert_triggers()
        children = _ChildRows(items, parents, people, self._journal_top(triggers))
        steps: SimpleQueue[Any] = SimpleQueue()
        stop = Event()
        # A second thread makes the rows a statement's worth at a time (then the initiatives',
        # then the events' first states and the search text), while this one writes each as
        # soon as it is ready: a write is nearly all SQLite's work, in statements of many rows
        # during which the GIL is free (see _insert_many).
        with ThreadPoolExecutor(1, thread_name_prefix="import-rows") as pool:
            pool.submit(self._make_rows, children, last, given, references, steps.put, stop)
            try:
                self._write_steps(children, steps.get)
            except BaseException:
                stop.set()  # the rows' thread ends at its next batch
                raise
        return references

    def _journal_top(self, triggers: Mapping[str, Any] | None) -> int | None:
        """SQLite (bulk path): the largest journal entry id, after which the new entries are
        written (see `initiatives`); None: their ids come from writing them."""
        if triggers is None:
            return None
        return int(
            self.connection.exec_driver_sql("SELECT max(id) FROM journal_entry").scalar() or 0
        )

    def _make_rows(
        self,
        children: _ChildRows,
        last: Callable[[], _Batch] | None,
        given: list[dict[str, Any]],
        references: list[str],
        put: Callable[[Any], None],
        stop: Event,
    ) -> None:
        """On the rows' thread: every batch to write, in order, through `put` (then _DONE;
        an exception instead of what it stopped)."""
        try:
            per_batch = _ROWS_PER_STATEMENT
            # the commitments name journal entries by id: after the journal, and made here
            # only if its ids are foreseen (else the writing thread makes them once it has them)
            names = [n for n in m.CHILD_MODELS if n != "commitments"]
            if children.journal_top is not None:
                names.append("commitments")
            for name in names:
                for batch in children.batches(self.prepare, name, per_batch):
                    if stop.is_set():
                        return
                    put(("rows", batch))
            if children.journal_top is None:
                put(("journal written", None))
            if last is not None:
                put(("initiatives", last()))
            start = 0
            for states, texts in _events_and_search_text(
                children.items, given, references, children.people, per_batch
            ):
                if stop.is_set():
                    return
                put(("events", (children.parents[start : start + len(states)], states, texts)))
                start += len(states)
        except BaseException as error:  # for the writing thread to raise
            put(("failed", error))
        finally:
            put(_DONE)

    def _write_steps(self, children: _ChildRows, get: Callable[[], Any]) -> None:
        """Write what `_make_rows` makes, as it comes."""
        journal_ids: list[int] = []
        while (step := get()) is not _DONE:
            kind, payload = step
            if kind == "rows":
                ids = self.write(payload)
                if payload.table.name == m.JournalEntry.__tablename__:
                    journal_ids += ids
            elif kind == "journal written":
                links = children.participant_links(journal_ids)
                self.insert(
                    m.journal_participant,
                    ("journal_entry_id", "stakeholder_id"),
                    links,
                    {},
                    ids=False,
                )
                for batch in children.batches(self.prepare, "commitments", _ROWS_PER_STATEMENT):
                    self.write(batch)
            elif kind == "initiatives":
                self.write(payload)
                self._restore_insert_triggers()
                self.connection.exec_driver_sql("PRAGMA defer_foreign_keys = OFF")
            elif kind == "events":
                ids, states, texts = payload
                self.note("initiative", ids, ids, states)
                self.write_audit()
                search.index_new(self.connection, list(zip(ids, texts, strict=True)))
            else:
                raise payload

    def _initiative_batch(
        self,
        items: list[dict[str, Any]],
        top: int,
        columns: tuple[str, ...],
        computed: Mapping[str, str],
    ) -> _Batch:
        """SQLite: the new initiatives' rows under the ids after `top`, with their facts."""
        rows = [(top + n, *row) for n, row in enumerate(_initiative_rows(items), start=1)]
        return self.prepare(
            m.Initiative, ("id", *columns), rows, self._stamps(), ids=False, computed=computed
        )

    def _fact_triggers(self) -> dict[str, dict[str, str]] | None:
        """SQLite: per child table, the facts its insert triggers keep on an initiative
        (migrations 0005 and 0013) as {column: SQL expression}, with ? for the initiative's
        id; None (leave it to the triggers) on another database or if a trigger is not the
        plain "UPDATE initiative SET column = (…), … WHERE id = NEW.initiative_id" this reads."""
        if self.dialect.name != "sqlite":
            return None
        tables = [model.__tablename__ for model in m.CHILD_MODELS.values()]
        marks = ", ".join("?" * len(tables))
        found = self.connection.exec_driver_sql(
            "SELECT tbl_name, name, sql FROM sqlite_master WHERE type = 'trigger'"
            f" AND tbl_name IN ({marks}) AND sql LIKE '%AFTER INSERT%' ORDER BY name",
            tuple(tables),
        ).all()
        facts: dict[str, dict[str, str]] = {}
        self.insert_triggers = [(name, sql) for _table, name, sql in found]
        for table, _name, sql in found:
            match = _FACT_TRIGGER.search(sql)
            if match is None or "?" in sql:
                return None
            assignments = match["sets"].replace("NEW.initiative_id", "?")
            for part in _top_level_split(assignments):
                column, equals, expression = part.partition("=")
                column = column.strip()
                if not equals or not column.isidentifier() or "NEW." in expression:
                    return None
                facts.setdefault(table, {})[column] = expression.strip()
        return facts or None

    def _drop_insert_triggers(self) -> None:
        """SQLite: while the children go in before their initiatives, each of their insert
        triggers would run an UPDATE that finds no initiative (a quarter of the children's
        cost); the initiatives are then written with the same facts (`computed`). So the
        triggers are dropped for those inserts and made again from their own SQL, inside this
        transaction: a failure or a crash rolls the drop back with everything else, and no
        other connection sees the schema without them (SQLite lets no one else write now,
        and readers see the last commit)."""
        raw = self.connection.connection.dbapi_connection
        if raw is None or not raw.in_transaction:  # DDL alone would not open one
            self.connection.exec_driver_sql("BEGIN IMMEDIATE")
        for name, _sql in self.insert_triggers:
            quoted = self.dialect.identifier_preparer.quote(name)
            self.connection.exec_driver_sql(f"DROP TRIGGER {quoted}")

    def _restore_insert_triggers(self) -> None:
        for _name, sql in self.insert_triggers:
            self.connection.exec_driver_sql(sql)

    @staticmethod
    def facts(triggers: Mapping[str, Mapping[str, str]], written: set[str]) -> dict[str, str]:
        """The fact columns (and their expressions) of the new initiatives that the child
        tables `written` (which got rows) bear on; the others keep their defaults, as no
        trigger would have touched them."""
        return {
            column: expression
            for table, columns in triggers.items()
            if table in written
            for column, expression in columns.items()
        }

    def write_audit(self) -> None:
        """Write the import events noted so far."""
        if self.audit and not self.session.info.get("skip_audit"):
            who = self.session.info.get("user") or "unknown"
            constants = {"at": self.now, "who": who, "action": IMPORT, "old_value": self.source}
            self.insert(
                m.AuditEntry,
                _AUDIT_COLUMNS,
                self.audit,
                constants,
                ids=False,
                utf8=frozenset({"new_value"}),
            )
        self.audit = []
