"""Attention signals as SQL predicates over the facts the database keeps on each initiative.

`domain/analysis.attention_signals` is the reference: it reads an initiative's records. The
same rules here read the columns migration 0013 keeps by triggers (the current mandate,
counts, the latest journal and measurement dates, the earliest open due date), with today's
date and the thresholds as parameters, so filtering 100,000 initiatives is one indexed query
instead of loading every one of them. tests/core/services/test_attention_sql.py proves the two
agree on generated portfolios on SQLite and PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from sqlalchemy import text

from coprod_desktop.domain.assessment import OPEN_STATUSES, SIGNAL_KEYS, Thresholds
from coprod_desktop.store.db import Database

_OPEN = "i.status IN (" + ", ".join(f"'{s}'" for s in sorted(OPEN_STATUSES)) + ")"
_ACTIVE = "i.status = 'active'"
_HAS_MANDATE = "i.current_mandate_level != 'none'"  # NULL (no mandate) is not != 'none'

# Each signal's rule; :names are parameters (see `parameters`), {started} is the day an
# initiative started (its start date, else the day it was recorded), written per dialect.
PREDICATES: dict[str, str] = {
    "no_mandate": f"{_OPEN} AND (i.current_mandate_level IS NULL"
    " OR i.current_mandate_level = 'none')",
    "mandate_unclear": f"{_OPEN} AND {_HAS_MANDATE}"
    " AND i.current_mandate_clarity IN ('unclear', 'partial')",
    "mandate_expired": f"{_OPEN} AND {_HAS_MANDATE} AND i.current_mandate_until < :today",
    "no_political_anchoring": f"{_OPEN} AND i.type = 'co_management' AND i.anchored_mandates = 0",
    "no_staff_time": f"{_OPEN} AND i.staff_time_entries = 0",
    "silo": f"{_OPEN} AND i.type = 'co_management' AND i.municipal_units <= 1",
    "stale_pressure": f"{_OPEN} AND i.severe_pressure_since < :stale_pressure_before",
    "stale_journal": f"{_ACTIVE} AND (i.last_journal_on IS NULL"
    " OR i.last_journal_on < :stale_journal_before)",
    "review_overdue": f"{_OPEN} AND i.next_review < :today",
    "partner_trust": f"{_OPEN} AND i.troubled_partners > 0",
    "commitment_overdue": f"{_OPEN} AND i.earliest_open_due < :today",
    "no_outcomes": f"{_ACTIVE} AND i.outcome_count = 0 AND {{started}} < :outcome_grace_before",
    "outcomes_unmeasured": f"{_ACTIVE} AND i.outcome_count > 0"
    " AND COALESCE(i.last_measured_on, {started}) < :outcome_stale_before",
}
assert tuple(PREDICATES) == SIGNAL_KEYS  # every signal has its rule, in the same order

_STARTED = {
    "sqlite": "COALESCE(i.start_date, date(i.created_at))",
    "postgresql": "COALESCE(i.start_date, CAST(i.created_at AS DATE))",
}


def predicate(key: str, dialect: str) -> str:
    """The SQL condition on `initiative i` under which signal `key` fires."""
    return PREDICATES[key].format(started=_STARTED.get(dialect, _STARTED["sqlite"]))


def any_of(keys: Sequence[str], dialect: str) -> str:
    """The condition that any of `keys` fires ("any": any signal at all)."""
    chosen = SIGNAL_KEYS if "any" in keys else [k for k in SIGNAL_KEYS if k in keys]
    return "(" + " OR ".join(f"({predicate(k, dialect)})" for k in chosen) + ")"


def parameters(today: date, thresholds: Thresholds, dialect: str) -> dict[str, Any]:
    """Today's date and the days before which a fact is stale, as the predicates' parameters."""
    days = {
        "today": today,
        "stale_pressure_before": today - timedelta(days=thresholds.stale_pressure_days),
        "stale_journal_before": today - timedelta(days=thresholds.stale_journal_days),
        "outcome_grace_before": today - timedelta(days=thresholds.outcome_grace_days),
        "outcome_stale_before": today - timedelta(days=thresholds.outcome_stale_days),
    }
    if dialect == "sqlite":  # SQLite keeps dates as ISO text and compares them as text
        return {name: day.isoformat() for name, day in days.items()}
    return dict(days)


def signal_keys(
    db: Database, ids: Sequence[int], today: date, thresholds: Thresholds
) -> dict[int, list[str]]:
    """The keys of the signals that fire for each of `ids` (in SIGNAL_KEYS order)."""
    if not ids:
        return {}
    listed = ", ".join(str(int(i)) for i in ids)
    return signal_keys_where(db, f" WHERE i.id IN ({listed})", {}, today, thresholds)


def signal_keys_where(
    db: Database, where: str, params: dict[str, Any], today: date, thresholds: Thresholds
) -> dict[int, list[str]]:
    """The same for every initiative a WHERE clause on `initiative i` selects (a listing of
    thousands asks once, rather than naming each id)."""
    flags = ", ".join(
        f"CASE WHEN {predicate(k, db.dialect)} THEN 1 ELSE 0 END" for k in SIGNAL_KEYS
    )
    sql = f"SELECT i.id, {flags} FROM initiative i{where}"
    with db.reading() as connection:
        found = connection.execute(
            text(sql), {**params, **parameters(today, thresholds, db.dialect)}
        )
        return {
            int(row[0]): [k for k, fires in zip(SIGNAL_KEYS, row[1:], strict=True) if fires]
            for row in found
        }
