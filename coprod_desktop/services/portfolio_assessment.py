"""Attention signals, suggestions and completeness for many initiatives at once."""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import text

from coprod_desktop.domain import assessment, fields
from coprod_desktop.domain.errors import Problem, ValidationError
from coprod_desktop.services import attention, portfolio_query
from coprod_desktop.services.settings import load_settings
from coprod_desktop.store.db import Database


@dataclass(frozen=True)
class Assessment:
    signals: list[assessment.Signal]
    suggested_type: str | None
    completeness: int

    @property
    def keys(self) -> list[str]:
        return [s.key for s in self.signals]


def assess(
    db: Database, ids: Sequence[int], today: date | None = None, *, suggest: bool = True
) -> dict[int, Assessment]:
    """Signals (with the configured thresholds), suggested type and completeness per id.

    `suggest=False` skips the classification assistant (suggested_type is then None): the
    portfolio list shows no suggestion and assesses every page it fetches."""
    from coprod_desktop.services import reporting  # the ORM's models: not for the list

    thresholds = load_settings().thresholds()
    when = today or date.today()
    out: dict[int, Assessment] = {}
    # plain SELECTs, no ORM objects; without the assistant, only what the signals read
    for data in reporting.load_initiatives(db, ids, for_signals=not suggest):
        assert data.id is not None
        out[data.id] = Assessment(
            assessment.attention_signals(data, when, thresholds),
            assessment.suggested_type(data) if suggest else None,
            assessment.completeness(data),
        )
    return out


# Completeness (domain/analysis.completeness) as SQL over one initiative row `i`: what is
# filled, and how many things are expected. The Python function stays the reference;
# tests/core/services/test_list_marks.py proves both agree on SQLite and PostgreSQL.
def _filled(column: str) -> str:
    return f"(CASE WHEN {column} IS NOT NULL AND {column} != '' THEN 1 ELSE 0 END)"


def _exists(table: str, condition: str = "") -> str:
    return f"(SELECT 1 FROM {table} x WHERE x.initiative_id = i.id{condition})"


_LIST_TABLES = {
    "involvements": "involvement",
    "mandates": "mandate",
    "resources": "resource_entry",
    "journal": "journal_entry",
    "outcomes": "outcome",
}
_PROMISED = " AND x.status IN ('open', 'in_progress')"


_LIST_KINDS = frozenset({"vocab_list", "ref_list"})  # stored as JSON
_TEXT_KINDS = frozenset({"text", "long_text", "vocab"})  # stored as text


def _field_filled(name: str, dialect: str) -> str:
    """Whether a field of `initiative i` counts as filled, by the kind of the field (so the
    list's first page needs no ORM model): text not empty, a list (a JSON column) neither
    null nor empty, anything else (a date) present."""
    kind = fields.field("initiative", name).kind
    if kind in _LIST_KINDS:
        value = f"CAST(i.{name} AS TEXT)" if dialect == "postgresql" else f"i.{name}"
        return f"(CASE WHEN COALESCE({value}, 'null') NOT IN ('null', '[]') THEN 1 ELSE 0 END)"
    if kind in _TEXT_KINDS:
        return _filled(f"i.{name}")
    return f"(CASE WHEN i.{name} IS NOT NULL THEN 1 ELSE 0 END)"


def _completeness_sql(dialect: str) -> str:
    """`filled, expected` of an initiative, as two SQL columns."""
    names = assessment.COMPLETENESS_SCALARS
    parts = [_field_filled(name, dialect) for name in names]
    parts += [
        f"(CASE WHEN EXISTS {_exists(_LIST_TABLES[name])} THEN 1 ELSE 0 END)"
        for name in assessment.COMPLETENESS_LISTS
    ]
    # open commitments: one more thing expected, filled when each says who and by when
    unkept = _exists(
        "commitment", _PROMISED + " AND (x.owner IS NULL OR x.owner = '' OR x.due_on IS NULL)"
    )
    parts.append(
        f"(CASE WHEN EXISTS {_exists('commitment', _PROMISED)} AND NOT EXISTS {unkept}"
        " THEN 1 ELSE 0 END)"
    )
    expected = len(assessment.COMPLETENESS_FIELDS)
    promised = f"(CASE WHEN EXISTS {_exists('commitment', _PROMISED)} THEN 1 ELSE 0 END)"
    return f"{' + '.join(parts)}, {expected} + {promised}"


@dataclass(frozen=True)
class ListMarks:
    """What the portfolio list shows of an initiative's assessment."""

    signal_keys: list[str]
    completeness: int


@functools.cache
def _marks_select(dialect: str) -> str:
    """The marks query up to its list of ids: the same for every page (a dozen predicates)."""
    flags = ", ".join(
        f"CASE WHEN {attention.predicate(k, dialect)} THEN 1 ELSE 0 END"
        for k in assessment.SIGNAL_KEYS
    )
    return f"SELECT i.id, {_completeness_sql(dialect)}, {flags} FROM initiative i WHERE i.id IN ("


def list_marks(db: Database, ids: Sequence[int], today: date | None = None) -> dict[int, ListMarks]:
    """Signal keys and completeness of each of `ids`, in one SQL query over the facts the
    database keeps (the same as `assess(..., suggest=False)` gives, without loading the
    initiatives and their records: the portfolio asks for every page it shows)."""
    if not ids:
        return {}
    when = today or date.today()
    sql = _marks_select(db.dialect) + ", ".join(str(int(i)) for i in ids) + ")"
    params = attention.parameters(when, load_settings().thresholds(), db.dialect)
    keys = assessment.SIGNAL_KEYS
    share = assessment.completeness_share
    with db.reading() as connection:
        if db.dialect == "sqlite":
            # as it is to the driver, which takes :named parameters: a statement of 4,000
            # characters is not parsed and compiled again for each database opened (the
            # first screen, issue 22)
            found = connection.exec_driver_sql(sql, params)
        else:
            found = connection.execute(text(sql), params)
        return {
            int(row[0]): ListMarks(
                [k for k, fires in zip(keys, row[3:], strict=True) if fires],
                share(int(row[1]), int(row[2])),
            )
            for row in found
        }


def validate_attention_keys(keys: Sequence[str]) -> None:
    unknown = [k for k in keys if k not in assessment.SIGNAL_KEYS and k != "any"]
    if unknown:
        allowed = ", ".join(("any", *assessment.SIGNAL_KEYS))
        raise ValidationError(
            [Problem("attention", "unknown_key", {"value": k, "allowed": allowed}) for k in unknown]
        )


def ids_with_attention(
    db: Database,
    flt: portfolio_query.PortfolioFilter,
    keys: Sequence[str],
    today: date | None = None,
    on_progress: Callable[[int, int], None] | None = None,
) -> list[int]:
    """Ids of the filtered portfolio where any of `keys` fires ("any": any signal), in the
    portfolio's order. One SQL query over the facts the database keeps (services/attention.py);
    `on_progress(done, total)` is called once at the end (the GUI shows progress this way)."""
    validate_attention_keys(keys)
    where, params = portfolio_query._where(replace(flt, attention=tuple(keys)), db.dialect, today)
    with db.reading() as connection:
        found = [
            int(row[0])
            for row in connection.execute(
                text(f"SELECT i.id FROM initiative i{where} ORDER BY i.reference, i.id"), params
            )
        ]
    if on_progress is not None:
        on_progress(len(found), len(found))
    return found


def attention_keys_of(
    db: Database, flt: portfolio_query.PortfolioFilter, today: date | None = None
) -> dict[int, list[str]]:
    """`attention_keys` of every initiative the filter lists, in one query."""
    when = today or date.today()
    where, params = portfolio_query._where(flt, db.dialect, when)
    return attention.signal_keys_where(db, where, params, when, load_settings().thresholds())


def attention_keys(
    db: Database, ids: Sequence[int], today: date | None = None
) -> dict[int, list[str]]:
    """The keys of the signals that fire today for each of `ids`, worked out in SQL (the same
    as `assess(...).keys`, without loading the initiatives)."""
    thresholds = load_settings().thresholds()
    return attention.signal_keys(db, ids, today or date.today(), thresholds)
