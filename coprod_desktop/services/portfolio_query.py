"""The portfolio: filtered and sorted in SQL, fetched a page at a time."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import JSON, Date, DateTime, select, text
from sqlalchemy.types import TypeEngine

from coprod_desktop.domain import vocab as v
from coprod_desktop.domain.assessment import SIGNAL_KEYS
from coprod_desktop.domain.errors import Problem, ValidationError
from coprod_desktop.domain.model import PortfolioRow
from coprod_desktop.services import attention
from coprod_desktop.services.settings import load_settings
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
    # attention signal keys ("any": any signal): initiatives where one of them fires today
    attention: tuple[str, ...] = ()

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
    allowed_signals = ("any", *SIGNAL_KEYS)
    for value in flt.attention:
        if value not in allowed_signals:
            problems.append(
                Problem(
                    "attention",
                    "unknown_key",
                    {"value": value, "allowed": ", ".join(allowed_signals)},
                )
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

# The portfolio's queries are plain SQL text rather than built statements: the list is the
# first thing shown after a database is opened, and compiling a dozen statements for a new
# engine cost more than running them (about 20 ms against 1 ms at 100,000 initiatives).
# Every value goes in as a bound parameter except ids, which are ints written inline so a
# long list needs no parameters.
_ROW_SQL = (
    "SELECT i.id, i.reference, i.title, i.type, i.sector, i.status, i.origin, i.owner,"
    " i.open_pressures, i.next_review, i.updated_at FROM initiative i"
)
_ROW_TYPES: dict[str, TypeEngine[Any]] = {
    "next_review": Date(),
    "updated_at": DateTime(),
}  # what PortfolioRow holds


def _where(
    flt: PortfolioFilter, dialect: str, today: date | None = None
) -> tuple[str, dict[str, Any]]:
    """The filter as a WHERE clause (empty when nothing is filtered) and its parameters.
    An attention filter is judged as of `today` (default: the date today)."""
    validate_filter(flt)
    parts: list[str] = []
    params: dict[str, Any] = {}

    def one_of(column: str, name: str, values: Sequence[str]) -> str:
        keys = []
        for index, value in enumerate(values):
            params[f"{name}_{index}"] = value
            keys.append(f":{name}_{index}")
        return f"{column} IN ({', '.join(keys)})"

    if flt.types:
        wanted = [t for t in flt.types if t != UNCLASSIFIED]
        either = [one_of("i.type", "type", wanted)] if wanted else []
        if UNCLASSIFIED in flt.types:
            either.append("i.type IS NULL")
        parts.append("(" + " OR ".join(either) + ")")
    if flt.sectors:
        parts.append(one_of("i.sector", "sector", flt.sectors))
    if flt.statuses:
        parts.append(one_of("i.status", "status", flt.statuses))
    if flt.origins:
        parts.append(one_of("i.origin", "origin", flt.origins))
    if flt.pressures:
        categories = one_of("c.category", "pressure", flt.pressures)
        parts.append(
            "i.id IN (SELECT c.initiative_id FROM cross_pressure c"
            f" WHERE {categories} AND c.status != 'resolved')"
        )
    if flt.owner:
        parts.append("i.owner_key = :owner_key")
        from coprod_desktop.store.models import sort_key  # the stored key, as models keep it

        params["owner_key"] = sort_key(flt.owner)
    if flt.ids is not None:
        parts.append(f"i.id IN ({', '.join(str(int(i)) for i in flt.ids) or 'NULL'})")
    if flt.attention:
        parts.append(attention.any_of(flt.attention, dialect))
        thresholds = load_settings().thresholds()
        params.update(attention.parameters(today or date.today(), thresholds, dialect))
    if flt.search.strip():
        matching = search.matching_ids_sql(dialect, flt.search)
        if matching is None:  # no letter or digit to look for ("!!!", "--"): nothing matches
            parts.append("1 = 0")
        else:
            parts.append(f"i.id IN ({matching[0]})")
            params.update(matching[1])
    return (" WHERE " + " AND ".join(parts) if parts else ""), params


def count(db: Database, flt: PortfolioFilter = PortfolioFilter()) -> int:
    where, params = _where(flt, db.dialect)
    # count(*), not count(id): SQLite counts a whole table through its smallest index
    with db.reading() as connection:
        found = connection.execute(text(f"SELECT count(*) FROM initiative i{where}"), params)
        return int(found.scalar() or 0)


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
    where, params = _where(flt, db.dialect)
    direction = "DESC" if descending else "ASC"
    order = f"i.{_SORT_COLUMNS.get(sort, sort)} {direction}"
    if sort in _NULLABLE_SORTS:  # NULLS LAST only where needed: it keeps SQLite off the index
        order += " NULLS LAST"
    sql = f"{_ROW_SQL}{where} ORDER BY {order}, i.id {direction}"
    if limit is not None:
        sql += " LIMIT :limit"
        params["limit"] = limit
    if offset:
        no_limit = limit is None and db.dialect == "sqlite"  # SQLite has no bare OFFSET
        sql += " LIMIT -1 OFFSET :offset" if no_limit else " OFFSET :offset"
        params["offset"] = offset
    with db.reading() as connection:
        found = connection.execute(text(sql).columns(**_ROW_TYPES), params)
        return [PortfolioRow(*row) for row in found]


def ids(db: Database, flt: PortfolioFilter = PortfolioFilter()) -> list[int]:
    return [row.id for row in rows(db, flt)]


def owners(db: Database) -> list[str]:
    from coprod_desktop.store import models as m

    with db.session() as session:
        found: Sequence[str | None] = session.scalars(
            select(m.Initiative.owner).distinct().order_by(m.Initiative.owner)
        ).all()
        return [o for o in found if o]


@dataclass(frozen=True, slots=True)
class Listed:
    """A row of `coprod list`: the portfolio row, the keys of the attention signals that fire
    today and, when asked for, the suggested type and completeness."""

    row: PortfolioRow
    attention: list[str]
    suggested_type: str | None = None
    completeness: int | None = None


# What the suggested type and completeness read beyond the row: the initiative's own fields
# (domain/analysis.completeness, domain/classification.facts_of) ...
_ASSESSED_COLUMNS = (
    "summary",
    "description",
    "area",
    "type_rationale",
    "participation_level",
    "public_values",
    "frontline_role",
    "responsible_manager",
    "start_date",
    # whether there are mandates and outcomes, from the facts migration 0013 keeps
    "current_mandate_level IS NOT NULL",
    "outcome_count > 0",
)
_ASSESSED_NAMES = (*_ASSESSED_COLUMNS[:-2], "mandates", "outcomes")
# what `listing` counts as filled, in this order: the assessed columns, then the row's own
# fields, then the records grouped below; together exactly assessment.COMPLETENESS_FIELDS
# (tests/core/services/test_portfolio_listing.py fails when a declared one is not counted)
_FILLED_FROM = (
    *_ASSESSED_NAMES,
    *("title", "sector", "status", "origin", "type", "owner", "next_review"),
    *("involvements", "resources", "journal"),
)
_ASSESSED_TYPES: dict[str, TypeEngine[Any]] = {"start_date": Date(), "public_values": JSON()}
# ... and facts about its records, each grouped in SQL over the listed ids: the counts the
# classification assistant reads of the involvements and resources, whether there are journal
# entries, and whether open commitments say who keeps them and by when.
_INVOLVEMENT_FACTS = (
    "SELECT v.initiative_id, count(*),"
    " sum(CASE WHEN s.kind IN ({organisations}) THEN 1 ELSE 0 END),"
    " sum(CASE WHEN s.kind = 'municipal_unit' THEN 1 ELSE 0 END),"
    " sum(CASE WHEN s.kind = 'business' THEN 1 ELSE 0 END),"
    " sum(CASE WHEN s.kind = 'volunteer' OR (s.kind = 'association' AND v.role = 'contributor')"
    " THEN 1 ELSE 0 END),"
    " sum(CASE WHEN v.role = 'user' THEN 1 ELSE 0 END)"
    " FROM involvement v LEFT JOIN stakeholder s ON s.id = v.stakeholder_id"
    " WHERE v.initiative_id IN ({ids}) GROUP BY v.initiative_id"
)
_RESOURCE_FACTS = (
    "SELECT r.initiative_id,"
    " max(CASE WHEN r.kind = 'volunteer_hours' AND r.amount > 0 THEN 1 ELSE 0 END),"
    " max(CASE WHEN r.kind IN ('external_funding', 'in_kind', 'facilities')"
    " AND COALESCE(r.source_id, 0) != 0 THEN 1 ELSE 0 END)"
    " FROM resource_entry r WHERE r.initiative_id IN ({ids}) GROUP BY r.initiative_id"
)
_WITH_JOURNAL = "SELECT DISTINCT initiative_id FROM journal_entry WHERE initiative_id IN ({ids})"
_OPEN_COMMITMENTS = (
    "SELECT initiative_id, min(CASE WHEN owner IS NULL OR owner = '' OR due_on IS NULL"
    " THEN 0 ELSE 1 END) FROM commitment"
    " WHERE status IN ('open', 'in_progress') AND initiative_id IN ({ids}) GROUP BY initiative_id"
)


def listing(
    db: Database,
    flt: PortfolioFilter = PortfolioFilter(),
    *,
    sort: str = "reference",
    assess: bool = False,
    today: date | None = None,
) -> list[Listed]:
    """The filtered portfolio in the order of `sort`, each row with the signals that fire
    `today`, in one query (the rows and their signals' flags together); with `assess`, also
    each one's suggested type and completeness, from that query and two grouped ones.

    The same values as `services.portfolio_assessment.assess` gives (tests/core/services/
    test_portfolio_listing.py), without loading each initiative's records: `coprod list
    --format json` of 20,000 initiatives loaded 400,000 records to print them."""
    from coprod_desktop.domain.assessment import completeness_score
    from coprod_desktop.domain.classification import (
        ORGANISATION_KINDS,
        RecordedFacts,
        leaning,
        suggested_from,
    )

    if sort not in SORT_KEYS:
        raise ValidationError(
            [Problem("sort", "unknown_key", {"value": sort, "allowed": ", ".join(SORT_KEYS)})]
        )
    when = today or date.today()
    where, params = _where(flt, db.dialect, when)
    params.update(attention.parameters(when, load_settings().thresholds(), db.dialect))
    flags = ", ".join(
        f"CASE WHEN {attention.predicate(k, db.dialect)} THEN 1 ELSE 0 END" for k in SIGNAL_KEYS
    )
    order = f"i.{_SORT_COLUMNS.get(sort, sort)}"
    if where and db.dialect == "sqlite":
        # sort what the filter selects: otherwise SQLite walks the sort column's index through
        # the whole table to avoid sorting (20,000 of 100,000 listed: 0.43 -> 0.13 s)
        order = "+" + order
    if sort in _NULLABLE_SORTS:
        order += " NULLS LAST"
    columns, source = _ROW_SQL.split(" FROM ")
    extra = "".join(f", i.{name}" for name in _ASSESSED_COLUMNS) if assess else ""
    sql = f"{columns}, {flags}{extra} FROM {source}{where} ORDER BY {order}, i.id"
    width = len(PortfolioRow.__dataclass_fields__)
    signals = width + len(SIGNAL_KEYS)
    with db.reading() as connection:
        found = connection.execute(
            text(sql).columns(**_ROW_TYPES, **(_ASSESSED_TYPES if assess else {})), params
        ).all()
        if not assess:
            return [
                Listed(
                    PortfolioRow(*row[:width]),
                    [k for k, fires in zip(SIGNAL_KEYS, row[width:], strict=True) if fires],
                )
                for row in found
            ]
        # the ids inline (ints): no second run of the filter, no limit on bound parameters
        listed_ids = ", ".join(str(int(row[0])) for row in found) or "NULL"

        def grouped(sql: str, **names: str) -> dict[int, Any]:
            # no parameters: sent as it is, not scanned for them (20,000 ids make it long)
            found = connection.exec_driver_sql(sql.format(ids=listed_ids, **names)).all()
            return {row[0]: row[1:] for row in found}

        organisations = ", ".join(f"'{kind}'" for kind in sorted(ORGANISATION_KINDS))
        involved = grouped(_INVOLVEMENT_FACTS, organisations=organisations)
        resourced = grouped(_RESOURCE_FACTS)
        with_journal = grouped(_WITH_JOURNAL).keys()
        promised = grouped(_OPEN_COMMITMENTS)
    listed = []
    for row in found:
        item = PortfolioRow(*row[:width])
        ident = item.id
        summary, description = row[signals], row[signals + 1]
        frontline_role, public_values = row[signals + 6], row[signals + 5]
        people = involved.get(ident, (0, 0, 0, 0, 0, 0))
        means = resourced.get(ident)
        facts = RecordedFacts(
            leaning=leaning(
                " ".join(part for part in (item.title, summary or "", description or "") if part)
            ),
            sector=item.sector,
            origin=item.origin,
            frontline_role=frontline_role,
            public_values=tuple(public_values or ()),
            involvements=people[0],
            organisations=people[1] or 0,
            municipal_units=people[2] or 0,
            businesses=people[3] or 0,
            volunteers=people[4] or 0,
            users=people[5] or 0,
            volunteer_hours=bool(means and means[0]),
            sourced_contribution=bool(means and means[1]),
        )
        suggested = suggested_from(facts)
        # the COMPLETENESS_FIELDS that are filled (_FILLED_FROM): the assessed columns, the
        # row's own fields, and whether there are involvements, resources and journal entries
        filled = sum(map(bool, row[signals:]))
        filled += bool(item.title) + bool(item.sector) + bool(item.status) + bool(item.origin)
        filled += bool(item.type) + bool(item.owner) + bool(item.next_review)
        filled += bool(people[0]) + (means is not None) + (ident in with_journal)
        kept = promised.get(ident)
        listed.append(
            Listed(
                item,
                [k for k, fires in zip(SIGNAL_KEYS, row[width:signals], strict=True) if fires],
                suggested.value if suggested is not None else None,
                completeness_score(filled, kept is not None, bool(kept and kept[0])),
            )
        )
    return listed
