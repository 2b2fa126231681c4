"""The bulk path of an import: new stakeholders, initiatives and their children written with
one executemany per table, inside the import's transaction (so it stays all or nothing)."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from datetime import date
from operator import itemgetter
from typing import Any

from sqlalchemy import insert
from sqlalchemy.dialects.sqlite import base as sqlite_types
from sqlalchemy.orm import Session

from coprod_desktop.domain.vocab import is_natural_person
from coprod_desktop.services import convert
from coprod_desktop.store import models as m
from coprod_desktop.store import search
from coprod_desktop.store.audit import IMPORT

# The bulk path: new stakeholders, initiatives and their children written with one executemany
# per table, inside the same transaction as the rest of the import (so it stays all or
# nothing). It writes what the search index would (the search rows of the new initiatives) and,
# instead of the ORM's audit row per field, one 'import' event per stakeholder and per
# initiative (store.audit.IMPORT): the file it came from and the record's values, children
# included, as its first state (issue 22).
_BULK_CHUNK = 2000
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


def _stakeholder_value(record: dict[str, Any], name: str) -> Any:
    if name == "is_person":  # citizens and volunteers are natural persons whatever it says
        return is_natural_person(record["kind"], record["is_person"])
    return record[name]


def _json_value(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(type(value).__name__)


# the import events' JSON: json.dumps(…, ensure_ascii=False, default=_json_value), with one
# encoder made once (the file's records, from JSON, cannot refer to themselves)
_EVENT_JSON = json.JSONEncoder(ensure_ascii=False, check_circular=False, default=_json_value).encode

# what an initiative's import event leaves out of the file's record: the document's own key
# and version, and the documents (`attachments` writes their own history)
_NOT_KEPT = frozenset({"key", "version", "attachments"})


def first_state(
    given: Mapping[str, Any], reference: str, people: Mapping[str, tuple[int, str]]
) -> str:
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
    return _EVENT_JSON(state)


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


class BulkWriter:
    def __init__(self, session: Session, source: str | None = None) -> None:
        self.session = session
        self.source = source  # the file's name, for the import events
        self.connection = session.connection()
        self.dialect = self.connection.dialect
        self.now = m.utcnow()
        self.audit: list[tuple[str, int, int | None, str | None]] = []

    def insert(
        self,
        model: Any,
        columns: tuple[str, ...],
        rows: list[tuple[Any, ...]],
        constants: Mapping[str, Any],
        *,
        ids: bool = True,
        computed: Mapping[str, str] | None = None,
    ) -> list[int]:
        """Insert rows (values in `columns` order, then `constants` in each), returning their
        new ids in the order given. SQLite: `computed` columns take an SQL expression in which
        each ? stands for the row's first value."""
        if not rows:
            return []
        table: Any = getattr(model, "__table__", model)
        if self.dialect.name != "sqlite":
            statement = insert(table)
            if ids:
                statement = statement.returning(table.c.id, sort_by_parameter_order=True)
            made: list[int] = []
            for start in range(0, len(rows), _BULK_CHUNK):
                chunk = [
                    {**dict(zip(columns, row, strict=True)), **constants}
                    for row in rows[start : start + _BULK_CHUNK]
                ]
                result = self.connection.execute(statement, chunk)
                if ids:
                    made += [row[0] for row in result]
            return made
        # SQLite: plain DBAPI rows in one executemany, each value as the column type would
        # bind it. SQLite cannot promise the order of RETURNING rows, but the ids are known:
        # this transaction holds the only write lock, so each row gets the next rowid after
        # the largest one, in the order given.
        fixed = tuple(self._bind(table.c[name], value) for name, value in constants.items())
        extra = computed or {}
        repeats = sum(expression.count("?") for expression in extra.values())
        converted = [
            (index, convert_column)
            for index, name in enumerate(columns)
            if (convert_column := self._column_processor(table.c[name])) is not None
        ]
        if converted:  # a column at a time (a date column is one comprehension, not n calls)
            by_column: list[Any] = list(zip(*rows, strict=True))
            for index, convert_column in converted:
                by_column[index] = convert_column(by_column[index])
            rows = list(zip(*by_column, strict=True))
        if repeats:
            values = [(*row, *fixed, *(row[0],) * repeats) for row in rows]
        elif fixed:
            values = [(*row, *fixed) for row in rows]
        else:
            values = rows
        quote = self.dialect.identifier_preparer.quote
        names = ", ".join(quote(name) for name in (*columns, *constants, *extra))
        marks = ", ".join(["?"] * (len(columns) + len(constants)) + list(extra.values()))
        self.connection.exec_driver_sql(
            f"INSERT INTO {quote(table.name)} ({names}) VALUES ({marks})", values
        )
        if not ids:
            return []
        last = self.connection.exec_driver_sql(f"SELECT max(id) FROM {quote(table.name)}")
        top = last.scalar_one()
        return list(range(top - len(rows) + 1, top + 1))

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
            # SQLAlchemy's own format for a date on SQLite is the ISO one (YYYY-MM-DD)
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
            _EVENT_JSON(
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
        references = [row[at_reference] for row in rows]
        initiative_columns = (*scalars, "title_key", "owner_key")
        triggers = self._fact_triggers()
        written: set[str] = set()  # the child tables that got rows
        if triggers is None:  # the children's triggers keep each new initiative's facts
            parents = self.insert(m.Initiative, initiative_columns, rows, self._stamps())
        else:
            # SQLite: the children first, under ids the initiatives will have (no one else
            # can write in between: SQLite refuses this transaction's writes if another
            # committed after it read), so their triggers find no initiative to
            # update a row at a time; then the initiatives, each written once with its facts
            # worked out by the triggers' own expressions (see _fact_triggers).
            top = self.connection.exec_driver_sql("SELECT max(id) FROM initiative").scalar()
            parents = list(range(int(top or 0) + 1, int(top or 0) + 1 + len(rows)))
            self.connection.exec_driver_sql("PRAGMA defer_foreign_keys = ON")

        participants: list[tuple[int, ...]] = []
        journal_keys: list[tuple[int, str | None]] = []  # (initiative, key) per entry written
        journal_ids: dict[tuple[int, str], int] = {}
        for list_name, model in m.CHILD_MODELS.items():
            columns = _CHILD_COLUMNS[list_name]
            names = tuple(
                n for n in columns if n not in ("stakeholder_id", "source_id", "counterpart_id")
            )
            get = itemgetter(*names)
            # one comprehension per kind of list (a party as its stakeholder id)
            pairs = [(parent, x) for item, parent in zip(items, parents, strict=True)
                     for x in item[list_name]]  # fmt: skip
            child_rows: list[tuple[Any, ...]]
            if list_name == "stakeholders":
                child_rows = [(p, people[x["stakeholder"]][0], *get(x)) for p, x in pairs]
            elif list_name == "resources":
                child_rows = [
                    (p, *get(x), people[x["source"]][0] if x["source"] is not None else None)
                    for p, x in pairs
                ]
            elif list_name == "journal":
                child_rows = [(p, *get(x)) for p, x in pairs]
                participants = [tuple({people[k][0] for k in x["participants"]}) for _p, x in pairs]
                journal_keys = [(p, x["key"]) for p, x in pairs]
            elif list_name == "commitments":
                child_rows = [
                    (
                        p,
                        *get(x),
                        people[x["counterpart"]][0] if x["counterpart"] is not None else None,
                        journal_ids[(p, x["journal"])] if x["journal"] is not None else None,
                        m.sort_key(x["owner"]),
                    )
                    for p, x in pairs
                ]
            else:
                child_rows = [(p, *get(x)) for p, x in pairs]
            if list_name == "stakeholders":
                names = ("stakeholder_id", *names)
            elif list_name == "resources":
                names = (*names, "source_id")
            elif list_name == "commitments":
                names = (*names, "counterpart_id", "journal_entry_id", "owner_key")
            ids = self.insert(model, ("initiative_id", *names), child_rows, {})
            if child_rows:
                written.add(model.__tablename__)
            if list_name == "journal":
                journal_ids = {
                    (parent, key): entry
                    for (parent, key), entry in zip(journal_keys, ids, strict=True)
                    if key is not None
                }
                links = [
                    (entry, sid)
                    for entry, people_ids in zip(ids, participants, strict=True)
                    for sid in sorted(people_ids)
                ]
                self.insert(
                    m.journal_participant,
                    ("journal_entry_id", "stakeholder_id"),
                    links,
                    {},
                    ids=False,
                )
        if triggers is not None:
            with_ids = [(parent, *row) for parent, row in zip(parents, rows, strict=True)]
            self.insert(
                m.Initiative,
                ("id", *initiative_columns),
                with_ids,
                self._stamps(),
                ids=False,
                computed=self.facts(triggers, written),
            )
            self.connection.exec_driver_sql("PRAGMA defer_foreign_keys = OFF")
        # (made here: on a second thread while SQLite wrote they gained nothing measurable, as
        # this thread has to win the GIL back after every row SQLite writes)
        states = [
            first_state(record, reference, people)
            for record, reference in zip(given, references, strict=True)
        ]
        self.note("initiative", parents, parents, states)
        # their search rows from the text in hand (what search.reindex would read back)
        search.index_new(
            self.connection,
            [
                (
                    parent,
                    search.record_text(
                        {**item, "reference": row[at_reference]},
                        {name: item[name] for name in m.CHILD_MODELS},  # the lists written
                    ),
                )
                for parent, row, item in zip(parents, rows, items, strict=True)
            ],
        )
        return references

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
            "SELECT tbl_name, sql FROM sqlite_master WHERE type = 'trigger'"
            f" AND tbl_name IN ({marks}) AND sql LIKE '%AFTER INSERT%' ORDER BY name",
            tuple(tables),
        ).all()
        facts: dict[str, dict[str, str]] = {}
        for table, sql in found:
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
            self.insert(m.AuditEntry, _AUDIT_COLUMNS, self.audit, constants, ids=False)
        self.audit = []
