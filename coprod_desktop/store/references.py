"""Initiative references (CP-YYYY-NNN) that never collide, whoever writes at the same time.

A counter row per year holds the last number handed out. Taking numbers locks that row until
the transaction ends (a row lock on PostgreSQL; on SQLite the first write takes the database's
one write lock), so two writers never see the same "last" and the second simply waits for the
first. The counter is also raised past any reference written with an explicit number (an
import, a typed reference, or one put in by hand), so the next number is always past the
largest in use.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from coprod_desktop.store import models as m

REFERENCE = re.compile(r"^CP-(\d{4})-(\d+)$", re.IGNORECASE)

_ENSURE_ROW = text(
    "INSERT INTO reference_counter (year, last) VALUES (:year, 0) ON CONFLICT (year) DO NOTHING"
)
# Writing the row takes the lock the rest of the transaction relies on.
_LOCK_ROW = text("UPDATE reference_counter SET last = last WHERE year = :year")
_READ_ROW = text("SELECT last FROM reference_counter WHERE year = :year")
_SET_ROW = text("UPDATE reference_counter SET last = :last WHERE year = :year")


def format_reference(year: int, number: int) -> str:
    return f"CP-{year}-{number:03d}"


def year_and_number(reference: str) -> tuple[int, int] | None:
    match = REFERENCE.match(reference.strip())
    return (int(match.group(1)), int(match.group(2))) if match else None


def largest_in_use(session: Session, year: int) -> int:
    """The largest number of the year's references in the initiative table (0 if none)."""
    prefix = f"CP-{year}-"
    existing = session.scalars(
        select(m.Initiative.reference).where(m.Initiative.reference.like(prefix + "%"))
    ).all()
    found = (year_and_number(reference) for reference in existing)
    return max((pair[1] for pair in found if pair and pair[0] == year), default=0)


def _lock(session: Session, year: int) -> int:
    session.execute(_ENSURE_ROW, {"year": year})
    session.execute(_LOCK_ROW, {"year": year})
    return int(session.execute(_READ_ROW, {"year": year}).scalar_one())


def reserve(
    session: Session, count: int, *, explicit: Iterable[str] = (), year: int | None = None
) -> list[str]:
    """`count` new references of `year` (this year by default), and the counters raised past
    the `explicit` references this transaction writes. Nothing is visible to anyone else until
    the transaction commits; a rollback gives the numbers back."""
    year = year or date.today().year
    explicit_largest: dict[int, int] = {}
    for reference in explicit:
        pair = year_and_number(reference)
        if pair:
            explicit_largest[pair[0]] = max(explicit_largest.get(pair[0], 0), pair[1])
    years = set(explicit_largest) | ({year} if count else set())
    reserved: list[str] = []
    # Always in the same order, so two writers never wait for each other's second year.
    for each in sorted(years):
        last = max(_lock(session, each), largest_in_use(session, each))
        last = max(last, explicit_largest.get(each, 0))
        if each == year and count:
            reserved = [format_reference(year, last + step) for step in range(1, count + 1)]
            last += count
        session.execute(_SET_ROW, {"year": each, "last": last})
    return reserved
