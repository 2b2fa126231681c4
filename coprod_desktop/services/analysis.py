"""Attention signals, suggestions and completeness for many initiatives at once."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import text

from coprod_desktop.domain import analysis
from coprod_desktop.domain.errors import Problem, ValidationError
from coprod_desktop.services import attention, portfolio, reporting
from coprod_desktop.services.settings import load_settings
from coprod_desktop.store.db import Database


@dataclass(frozen=True)
class Assessment:
    signals: list[analysis.Signal]
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
    thresholds = load_settings().thresholds()
    when = today or date.today()
    out: dict[int, Assessment] = {}
    # plain SELECTs, no ORM objects; without the assistant, only what the signals read
    for data in reporting.load_initiatives(db, ids, for_signals=not suggest):
        assert data.id is not None
        out[data.id] = Assessment(
            analysis.attention_signals(data, when, thresholds),
            analysis.suggested_type(data) if suggest else None,
            analysis.completeness(data),
        )
    return out


def validate_attention_keys(keys: Sequence[str]) -> None:
    unknown = [k for k in keys if k not in analysis.SIGNAL_KEYS and k != "any"]
    if unknown:
        allowed = ", ".join(("any", *analysis.SIGNAL_KEYS))
        raise ValidationError(
            [Problem("attention", "unknown_key", {"value": k, "allowed": allowed}) for k in unknown]
        )


def ids_with_attention(
    db: Database,
    flt: portfolio.PortfolioFilter,
    keys: Sequence[str],
    today: date | None = None,
    on_progress: Callable[[int, int], None] | None = None,
) -> list[int]:
    """Ids of the filtered portfolio where any of `keys` fires ("any": any signal), in the
    portfolio's order. One SQL query over the facts the database keeps (services/attention.py);
    `on_progress(done, total)` is called once at the end (the GUI shows progress this way)."""
    validate_attention_keys(keys)
    where, params = portfolio._where(replace(flt, attention=tuple(keys)), db.dialect, today)
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
    db: Database, flt: portfolio.PortfolioFilter, today: date | None = None
) -> dict[int, list[str]]:
    """`attention_keys` of every initiative the filter lists, in one query."""
    when = today or date.today()
    where, params = portfolio._where(flt, db.dialect, when)
    return attention.signal_keys_where(db, where, params, when, load_settings().thresholds())


def attention_keys(
    db: Database, ids: Sequence[int], today: date | None = None
) -> dict[int, list[str]]:
    """The keys of the signals that fire today for each of `ids`, worked out in SQL (the same
    as `assess(...).keys`, without loading the initiatives)."""
    thresholds = load_settings().thresholds()
    return attention.signal_keys(db, ids, today or date.today(), thresholds)
