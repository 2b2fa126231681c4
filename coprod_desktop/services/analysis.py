"""Attention signals, suggestions and completeness for many initiatives at once."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date

from coprod_desktop.domain import analysis
from coprod_desktop.domain import vocab as v
from coprod_desktop.domain.analysis import OPEN_STATUSES
from coprod_desktop.domain.errors import Problem, ValidationError
from coprod_desktop.services import portfolio, reporting
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


_ATTENTION_CHUNK = 2000  # initiatives assessed between two progress reports


def ids_with_attention(
    db: Database,
    flt: portfolio.PortfolioFilter,
    keys: Sequence[str],
    today: date | None = None,
    on_progress: Callable[[int, int], None] | None = None,
) -> list[int]:
    """Ids of the filtered portfolio where any of `keys` fires ("any": any signal).

    Signals depend on today's date, so they are worked out here rather than stored. Only
    open initiatives (idea to paused) can have any; the rest are left out in SQL. The work
    goes in chunks, after each of which `on_progress(done, total)` is called (it may raise
    to stop: the GUI cancels this way).
    """
    validate_attention_keys(keys)
    open_statuses = tuple(s for s in flt.statuses or v.Status.all_keys() if s in OPEN_STATUSES)
    candidates = portfolio.ids(db, replace(flt, statuses=open_statuses)) if open_statuses else []
    wanted = set(keys)
    found: list[int] = []
    for start in range(0, len(candidates), _ATTENTION_CHUNK):
        chunk = candidates[start : start + _ATTENTION_CHUNK]
        result = assess(db, chunk, today, suggest=False)
        found.extend(
            ident
            for ident in chunk
            if ident in result
            and (("any" in wanted and result[ident].signals) or wanted & set(result[ident].keys))
        )
        if on_progress is not None:
            on_progress(start + len(chunk), len(candidates))
    return found
