"""The portfolio: filtered and sorted in SQL, fetched a page at a time."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Select, and_, func, select
from sqlalchemy.sql.elements import ColumnElement

from coprod_desktop.domain import vocab as v
from coprod_desktop.domain.errors import Problem, ValidationError
from coprod_desktop.domain.model import PortfolioRow
from coprod_desktop.store import models as m
from coprod_desktop.store import search
from coprod_desktop.store.db import Database


@dataclass(frozen=True)
class PortfolioFilter:
    """Each list holds allowed keys (empty = any). `search` is full text; `owner` exact."""

    types: tuple[str, ...] = ()
    sectors: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    origins: tuple[str, ...] = ()
    pressures: tuple[str, ...] = ()  # initiatives with an unresolved pressure of a category
    search: str = ""
    owner: str | None = None
    ids: tuple[int, ...] | None = field(default=None)

    def is_empty(self) -> bool:
        return self == PortfolioFilter()


UNCLASSIFIED = "unclassified"  # a type filter value: initiatives with no type yet

_CHECKS: tuple[tuple[str, type[v.Vocabulary], str], ...] = (
    ("types", v.InitiativeType, "type"),
    ("sectors", v.Sector, "sector"),
    ("statuses", v.Status, "status"),
    ("origins", v.Origin, "origin"),
    ("pressures", v.PressureCategory, "pressure"),
)


def validate_filter(flt: PortfolioFilter) -> None:
    problems: list[Problem] = []
    for attr, vocabulary, name in _CHECKS:
        allowed = vocabulary.all_keys() + ([UNCLASSIFIED] if attr == "types" else [])
        for value in getattr(flt, attr):
            if value not in allowed:
                problems.append(
                    Problem(name, "unknown_key", {"value": value, "allowed": ", ".join(allowed)})
                )
    if problems:
        raise ValidationError(problems)


SORT_KEYS = (
    "reference",
    "title",
    "type",
    "sector",
    "status",
    "origin",
    "owner",
    "open_pressures",
    "next_review",
    "updated_at",
)


# Case-insensitive sorts use the stored lower-case keys (see models.Initiative.title_key).
_SORT_COLUMNS = {"title": "title_key", "owner": "owner_key"}
_NULLABLE_SORTS = frozenset({"type", "origin", "owner", "next_review"})


def _conditions(flt: PortfolioFilter, dialect: str) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if flt.types:
        wanted = [t for t in flt.types if t != UNCLASSIFIED]
        clause: ColumnElement[bool] = m.Initiative.type.in_(wanted)
        if UNCLASSIFIED in flt.types:
            clause = clause | m.Initiative.type.is_(None)
        conditions.append(clause)
    if flt.sectors:
        conditions.append(m.Initiative.sector.in_(flt.sectors))
    if flt.statuses:
        conditions.append(m.Initiative.status.in_(flt.statuses))
    if flt.origins:
        conditions.append(m.Initiative.origin.in_(flt.origins))
    if flt.pressures:
        conditions.append(
            m.Initiative.id.in_(
                select(m.CrossPressure.initiative_id).where(
                    m.CrossPressure.category.in_(flt.pressures),
                    m.CrossPressure.status != "resolved",
                )
            )
        )
    if flt.owner:
        conditions.append(m.Initiative.owner_key == m.sort_key(flt.owner))
    if flt.ids is not None:
        conditions.append(m.Initiative.id.in_(flt.ids))
    if flt.search.strip():
        matching = search.matching_ids_clause(dialect, flt.search)
        if matching is not None:
            conditions.append(matching)
    return conditions


# What a PortfolioRow holds, in its order.
_ROW_COLUMNS: tuple[Any, ...] = (
    m.Initiative.id,
    m.Initiative.reference,
    m.Initiative.title,
    m.Initiative.type,
    m.Initiative.sector,
    m.Initiative.status,
    m.Initiative.origin,
    m.Initiative.owner,
    m.Initiative.open_pressures,  # kept by triggers (migration 0005)
    m.Initiative.next_review,
    m.Initiative.updated_at,
)


def _query(flt: PortfolioFilter, dialect: str) -> Select[Any]:
    validate_filter(flt)
    query: Select[Any] = select(*_ROW_COLUMNS)
    conditions = _conditions(flt, dialect)
    return query.where(and_(*conditions)) if conditions else query


def count(db: Database, flt: PortfolioFilter = PortfolioFilter()) -> int:
    validate_filter(flt)
    conditions = _conditions(flt, db.dialect)
    query = select(func.count())  # count(*): SQLite counts through its smallest index
    query = query.select_from(m.Initiative)
    if conditions:
        query = query.where(and_(*conditions))
    with db.session() as session:
        return int(session.scalar(query) or 0)


def rows(
    db: Database,
    flt: PortfolioFilter = PortfolioFilter(),
    *,
    sort: str = "reference",
    descending: bool = False,
    offset: int = 0,
    limit: int | None = None,
) -> list[PortfolioRow]:
    """A page of the filtered portfolio, sorted in SQL (ties broken by id, so pages are stable)."""
    if sort not in SORT_KEYS:
        raise ValidationError(
            [Problem("sort", "unknown_key", {"value": sort, "allowed": ", ".join(SORT_KEYS)})]
        )
    query = _query(flt, db.dialect)
    column: Any = getattr(m.Initiative, _SORT_COLUMNS.get(sort, sort), None)
    order = column.desc() if descending else column.asc()
    if sort in _NULLABLE_SORTS:  # NULLS LAST only where needed: it keeps SQLite off the index
        order = order.nulls_last()
    tiebreak = m.Initiative.id.desc() if descending else m.Initiative.id.asc()
    query = query.order_by(order, tiebreak).offset(offset)
    if limit is not None:
        query = query.limit(limit)
    with db.session() as session:
        return [PortfolioRow(*row) for row in session.execute(query)]


def ids(db: Database, flt: PortfolioFilter = PortfolioFilter()) -> list[int]:
    return [row.id for row in rows(db, flt)]


def owners(db: Database) -> list[str]:
    with db.session() as session:
        found: Sequence[str | None] = session.scalars(
            select(m.Initiative.owner).distinct().order_by(m.Initiative.owner)
        ).all()
        return [o for o in found if o]
