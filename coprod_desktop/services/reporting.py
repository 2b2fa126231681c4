"""Read-only data for the briefs: a filtered portfolio with all children, fast.

`initiatives.get_many` builds ORM objects first, which costs about a millisecond per
initiative; a 500-initiative portfolio review has to be done in well under a second, so this
module reads the same data with one plain SELECT per table and builds the `InitiativeData`
directly. `tests/core/reports/test_reporting_service.py` checks it gives exactly what
`get_many` gives.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from coprod_desktop.domain import model as d
from coprod_desktop.domain.anonymise import Person
from coprod_desktop.services import convert
from coprod_desktop.services.portfolio import PortfolioFilter
from coprod_desktop.services.portfolio import ids as portfolio_ids
from coprod_desktop.store import models as m
from coprod_desktop.store.db import Database

_CHUNK = 500
T = TypeVar("T")


def _table(model: type[m.Base]) -> Table:
    table = model.__table__
    assert isinstance(table, Table)
    return table


def _children(
    session: Session,
    model: type[m.Base],
    chunk: Sequence[int],
    make: Callable[[Any], T],
) -> dict[int, list[T]]:
    table = _table(model)
    query = select(table).where(table.c.initiative_id.in_(chunk)).order_by(table.c.id)
    found: dict[int, list[T]] = defaultdict(list)
    for row in session.execute(query).all():
        found[row.initiative_id].append(make(row))
    return found


def _fields(row: Any, names: Sequence[str]) -> dict[str, Any]:
    return {name: getattr(row, name) for name in names}  # faster than row._mapping


LIGHT_SKIPS = frozenset({"description", "type_rationale"})


def load_initiatives(
    db: Database, ids: Sequence[int], *, light: bool = False
) -> list[d.InitiativeData]:
    """The initiatives `ids` with all their children, in the order of `ids`.

    `light` leaves out what the portfolio review and the committee brief never print, to
    save time on large portfolios: descriptions, type rationales, reviews and journal
    participants stay empty."""
    found: dict[int, d.InitiativeData] = {}
    names: dict[int, tuple[str, str, bool]] = {}
    with db.session() as session:
        for start in range(0, len(ids), _CHUNK):
            _load_chunk(session, list(ids[start : start + _CHUNK]), names, found, light)
    return [found[i] for i in ids if i in found]


def _load_chunk(
    session: Session,
    chunk: list[int],
    names: dict[int, tuple[str, str, bool]],
    found: dict[int, d.InitiativeData],
    light: bool,
) -> None:
    stakeholders = _table(m.Stakeholder)
    participants = _table(m.JournalEntry).metadata.tables["journal_participant"]
    initiative = _table(m.Initiative)
    scalars = tuple(
        name for name in convert.INITIATIVE_SCALARS if not (light and name in LIGHT_SKIPS)
    )
    columns = [initiative.c[name] for name in ("id", "version", "created_at", "updated_at")]
    columns += [initiative.c[name] for name in scalars]
    for row in session.execute(select(*columns).where(initiative.c.id.in_(chunk))):
        data = d.InitiativeData(
            id=row.id,
            version=row.version,
            created_at=row.created_at,
            updated_at=row.updated_at,
            **_fields(row, scalars),
        )
        data.public_values = list(row.public_values or [])
        found[row.id] = data
    wanted_people = set(
        session.scalars(
            select(_table(m.Involvement).c.stakeholder_id).where(
                _table(m.Involvement).c.initiative_id.in_(chunk)
            )
        )
    )
    wanted_people |= {
        s
        for s in session.scalars(
            select(_table(m.ResourceEntry).c.source_id).where(
                _table(m.ResourceEntry).c.initiative_id.in_(chunk)
            )
        )
        if s is not None
    }
    missing = list(wanted_people - names.keys())
    for begin in range(0, len(missing), _CHUNK):
        part = missing[begin : begin + _CHUNK]
        for s in session.execute(
            select(
                stakeholders.c.id,
                stakeholders.c.name,
                stakeholders.c.kind,
                stakeholders.c.is_person,
            ).where(stakeholders.c.id.in_(part))
        ):
            names[s.id] = (s.name, s.kind, bool(s.is_person))

    def involvement(row: Any) -> d.InvolvementData:
        name, kind, person = names.get(row.stakeholder_id, ("", "", False))
        return d.InvolvementData(
            id=row.id,
            stakeholder_name=name,
            stakeholder_kind=kind,
            stakeholder_is_person=person,
            **_fields(row, convert.INVOLVEMENT_FIELDS),
        )

    def resource(row: Any) -> d.ResourceData:
        source = names.get(row.source_id) if row.source_id is not None else None
        return d.ResourceData(
            id=row.id,
            source_name=source[0] if source else "",
            **_fields(row, convert.RESOURCE_FIELDS),
        )

    journal_people: dict[int, list[tuple[int, str]]] = defaultdict(list)
    journal = _table(m.JournalEntry)
    if not light:
        for link in session.execute(
            select(participants.c.journal_entry_id, stakeholders.c.id, stakeholders.c.name)
            .join(stakeholders, stakeholders.c.id == participants.c.stakeholder_id)
            .join(journal, journal.c.id == participants.c.journal_entry_id)
            .where(journal.c.initiative_id.in_(chunk))
            .order_by(stakeholders.c.id)
        ):
            journal_people[link.journal_entry_id].append((link.id, link.name))

    def journal_entry(row: Any) -> d.JournalData:
        people = journal_people.get(row.id, [])
        return d.JournalData(
            id=row.id,
            participant_ids=[p[0] for p in people],
            participant_names=[p[1] for p in people],
            **_fields(row, convert.JOURNAL_FIELDS),
        )

    lists: list[tuple[str, dict[int, list[Any]]]] = [
        ("involvements", _children(session, m.Involvement, chunk, involvement)),
        (
            "mandates",
            _children(
                session,
                m.Mandate,
                chunk,
                lambda r: d.MandateData(id=r.id, **_fields(r, convert.MANDATE_FIELDS)),
            ),
        ),
        ("resources", _children(session, m.ResourceEntry, chunk, resource)),
        (
            "cross_pressures",
            _children(
                session,
                m.CrossPressure,
                chunk,
                lambda r: d.PressureData(id=r.id, **_fields(r, convert.PRESSURE_FIELDS)),
            ),
        ),
        ("journal", _children(session, m.JournalEntry, chunk, journal_entry)),
    ]
    if not light:
        lists.append(
            (
                "reviews",
                _children(
                    session,
                    m.Review,
                    chunk,
                    lambda r: d.ReviewData(id=r.id, **_fields(r, convert.REVIEW_FIELDS)),
                ),
            )
        )
    for name, by_initiative in lists:
        for ident, items in by_initiative.items():
            if ident in found:
                setattr(found[ident], name, items)


def load_portfolio(
    db: Database, flt: PortfolioFilter | None = None, *, light: bool = False
) -> list[d.InitiativeData]:
    """The filtered portfolio (ordered by reference) with all children (see `light`)."""
    return load_initiatives(db, portfolio_ids(db, flt or PortfolioFilter()), light=light)


def recorded_persons(db: Database) -> list[Person]:
    """Every natural person in the stakeholder register (for public-safe documents)."""
    table = _table(m.Stakeholder)
    query = select(table.c.name, table.c.kind, table.c.email, table.c.phone).where(
        table.c.is_person.is_(True)
    )
    with db.session() as session:
        return [Person(r.name, r.kind, r.email, r.phone) for r in session.execute(query)]
