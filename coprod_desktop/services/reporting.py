"""Read-only data for the briefs: a filtered portfolio with all children, fast.

`initiatives.get_many` builds ORM objects first, which costs about a millisecond per
initiative; a 500-initiative portfolio review has to be done in well under a second, so this
module reads the same data with one plain SELECT per table and builds the `InitiativeData`
directly. `tests/core/reports/test_figures_and_loading.py` checks it gives exactly what
`get_many` gives.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from sqlalchemy import Connection, Table, select, text

from coprod_desktop.domain import model as d
from coprod_desktop.domain.anonymise import Person
from coprod_desktop.services import convert
from coprod_desktop.services.portfolio_query import PortfolioFilter
from coprod_desktop.services.portfolio_query import ids as portfolio_ids
from coprod_desktop.store import models as m
from coprod_desktop.store.db import Database

_CHUNK = 500
T = TypeVar("T")


def _table(model: type[m.Base]) -> Table:
    table = model.__table__
    assert isinstance(table, Table)
    return table


@functools.cache
def _template(table_name: str, columns: tuple[str, ...], key: str) -> tuple[str, dict[str, Any]]:
    """SELECT `columns` of a table where `key` is one of {ids}, and the model's types."""
    table = m.Base.metadata.tables[table_name]
    quoted = ", ".join(f'"{name}"' for name in columns)
    sql = f"SELECT {quoted} FROM {table_name} WHERE {key} IN ({{ids}}) ORDER BY id"
    return sql, {name: table.c[name].type for name in columns}


def _select(
    connection: Connection, table_name: str, columns: tuple[str, ...], key: str, ids: list[int]
) -> Sequence[Any]:
    """The rows as tuples in the order of `columns`, converted by the model's types.

    Plain SQL text rather than built statements: a newly opened database compiles each built
    statement once, which cost more than the reads themselves when the portfolio assesses
    its first page. The ids are ints written inline (no bound list to expand)."""
    sql, types = _template(table_name, columns, key)
    statement = text(sql.format(ids=", ".join(str(int(i)) for i in ids))).columns(**types)
    return connection.execute(statement).all()


_PARTICIPANTS = (
    "SELECT p.journal_entry_id, s.id, s.name FROM journal_participant p"
    " JOIN stakeholder s ON s.id = p.stakeholder_id"
    " JOIN journal_entry j ON j.id = p.journal_entry_id"
    " WHERE j.initiative_id IN ({ids}) ORDER BY s.id"
)

LIGHT_SKIPS = frozenset({"description", "type_rationale"})


def load_initiatives(
    db: Database,
    ids: Sequence[int],
    *,
    light: bool = False,
    for_signals: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> list[d.InitiativeData]:
    """The initiatives `ids` with all their children, in the order of `ids`.

    `light` leaves out what the portfolio review and the committee brief never print, to
    save time on large portfolios: descriptions, type rationales, reviews and journal
    participants stay empty. `for_signals` leaves out only what attention signals and
    completeness never read (reviews, journal participants). `progress(done, total)` is told
    after each chunk of initiatives read (it may raise to stop)."""
    found: dict[int, d.InitiativeData] = {}
    names: dict[int, tuple[str, str, bool]] = {}
    with db.reading() as connection:
        for start in range(0, len(ids), _CHUNK):
            chunk = list(ids[start : start + _CHUNK])
            _load_chunk(connection, chunk, names, found, light, light or for_signals)
            if progress is not None:
                progress(start + len(chunk), len(ids))
    return [found[i] for i in ids if i in found]


def _load_chunk(
    connection: Connection,
    chunk: list[int],
    names: dict[int, tuple[str, str, bool]],
    found: dict[int, d.InitiativeData],
    light: bool,
    no_people_or_reviews: bool,
) -> None:
    scalars = tuple(
        name for name in convert.INITIATIVE_SCALARS if not (light and name in LIGHT_SKIPS)
    )
    columns = ("id", "version", "created_at", "updated_at", *scalars)
    for row in _select(connection, "initiative", columns, "id", chunk):
        data = d.InitiativeData(**dict(zip(columns, row, strict=True)))
        data.public_values = list(data.public_values or [])
        data.co_phases = list(data.co_phases or [])
        found[data.id] = data  # type: ignore[index]

    def children(table_name: str, fields: Sequence[str]) -> Sequence[Any]:
        columns = ("id", "initiative_id", *fields)
        return _select(connection, table_name, columns, "initiative_id", chunk)

    involvements = children("involvement", convert.INVOLVEMENT_FIELDS)
    resources = children("resource_entry", convert.RESOURCE_FIELDS)
    commitment_columns = (*convert.COMMITMENT_FIELDS, "journal_entry_id")
    commitments = children("commitment", commitment_columns)
    stakeholder_at = 2 + convert.INVOLVEMENT_FIELDS.index("stakeholder_id")
    source_at = 2 + convert.RESOURCE_FIELDS.index("source_id")
    counterpart_at = 2 + convert.COMMITMENT_FIELDS.index("counterpart_id")
    wanted_people = {r[stakeholder_at] for r in involvements}
    wanted_people |= {r[source_at] for r in resources if r[source_at] is not None}
    wanted_people |= {r[counterpart_at] for r in commitments if r[counterpart_at] is not None}
    missing = sorted(wanted_people - names.keys())
    for begin in range(0, len(missing), _CHUNK):
        part = missing[begin : begin + _CHUNK]
        for ident, name, kind, person in _select(
            connection, "stakeholder", ("id", "name", "kind", "is_person"), "id", part
        ):
            names[ident] = (name, kind, bool(person))

    def involvement(row: Any) -> d.InvolvementData:
        name, kind, person = names.get(row[stakeholder_at], ("", "", False))
        return d.InvolvementData(
            id=row[0],
            stakeholder_name=name,
            stakeholder_kind=kind,
            stakeholder_is_person=person,
            **dict(zip(convert.INVOLVEMENT_FIELDS, row[2:], strict=True)),
        )

    def resource(row: Any) -> d.ResourceData:
        source = names.get(row[source_at]) if row[source_at] is not None else None
        return d.ResourceData(
            id=row[0],
            source_name=source[0] if source else "",
            **dict(zip(convert.RESOURCE_FIELDS, row[2:], strict=True)),
        )

    journal_people: dict[int, list[tuple[int, str]]] = defaultdict(list)
    if not no_people_or_reviews:
        sql = _PARTICIPANTS.format(ids=", ".join(str(int(i)) for i in chunk))
        for entry_id, person_id, person_name in connection.execute(text(sql)).all():
            journal_people[entry_id].append((person_id, person_name))

    def journal_entry(row: Any) -> d.JournalData:
        people = journal_people.get(row[0], [])
        return d.JournalData(
            id=row[0],
            participant_ids=[p[0] for p in people],
            participant_names=[p[1] for p in people],
            **dict(zip(convert.JOURNAL_FIELDS, row[2:], strict=True)),
        )

    def plain(make: Callable[..., T], fields: Sequence[str]) -> Callable[[Any], T]:
        return lambda row: make(id=row[0], **dict(zip(fields, row[2:], strict=True)))

    def grouped(rows: Sequence[Any], make: Callable[[Any], T]) -> dict[int, list[T]]:
        by_initiative: dict[int, list[T]] = defaultdict(list)
        for row in rows:
            by_initiative[row[1]].append(make(row))
        return by_initiative

    journal_rows = children("journal_entry", convert.JOURNAL_FIELDS)
    key_at = 2 + convert.JOURNAL_FIELDS.index("key")
    journal_keys = {row[0]: row[key_at] for row in journal_rows}

    def commitment(row: Any) -> d.CommitmentData:
        counterpart = names.get(row[counterpart_at]) if row[counterpart_at] is not None else None
        entry = row[-1]
        return d.CommitmentData(
            id=row[0],
            counterpart_name=counterpart[0] if counterpart else "",
            counterpart_kind=counterpart[1] if counterpart else "",
            journal=journal_keys.get(entry) if entry is not None else None,
            **dict(zip(convert.COMMITMENT_FIELDS, row[2:-1], strict=True)),
        )

    lists: list[tuple[str, dict[int, list[Any]]]] = [
        ("involvements", grouped(involvements, involvement)),
        (
            "mandates",
            grouped(
                children("mandate", convert.MANDATE_FIELDS),
                plain(d.MandateData, convert.MANDATE_FIELDS),
            ),
        ),
        ("resources", grouped(resources, resource)),
        (
            "cross_pressures",
            grouped(
                children("cross_pressure", convert.PRESSURE_FIELDS),
                plain(d.PressureData, convert.PRESSURE_FIELDS),
            ),
        ),
        ("journal", grouped(journal_rows, journal_entry)),
        ("commitments", grouped(commitments, commitment)),
        (
            "outcomes",
            grouped(
                children("outcome", convert.OUTCOME_FIELDS),
                plain(d.OutcomeData, convert.OUTCOME_FIELDS),
            ),
        ),
    ]
    if not no_people_or_reviews:
        reviews = children("review", convert.REVIEW_FIELDS)
        lists.append(("reviews", grouped(reviews, plain(d.ReviewData, convert.REVIEW_FIELDS))))
    for name, by_initiative in lists:
        for ident, items in by_initiative.items():
            if ident in found:
                setattr(found[ident], name, items)


def load_portfolio(
    db: Database,
    flt: PortfolioFilter | None = None,
    *,
    light: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> list[d.InitiativeData]:
    """The filtered portfolio (ordered by reference) with all children (see `light`)."""
    ids = portfolio_ids(db, flt or PortfolioFilter())
    return load_initiatives(db, ids, light=light, progress=progress)


def recorded_persons(db: Database) -> list[Person]:
    """Every natural person in the stakeholder register (for public-safe documents)."""
    table = _table(m.Stakeholder)
    query = select(table.c.name, table.c.kind, table.c.email, table.c.phone).where(
        table.c.is_person.is_(True)
    )
    with db.session() as session:
        return [Person(r.name, r.kind, r.email, r.phone) for r in session.execute(query)]
