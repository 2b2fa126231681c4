"""Commitments across the portfolio: the list (`coprod commitments`), "My work" and marking a
commitment done in one action.

Reads are plain SQL joins over `commitment` and `initiative` (one query, no ORM objects), so
the start page stays fast on a large portfolio; writes go through the ORM so the audit trail
and the initiative's version follow as for any save.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Date, DateTime, bindparam, select, text
from sqlalchemy.types import TypeEngine

from coprod_desktop.domain import vocab as v
from coprod_desktop.domain.errors import NotFoundError, Problem, ValidationError
from coprod_desktop.services.portfolio_query import PortfolioFilter
from coprod_desktop.services.portfolio_query import ids as portfolio_ids
from coprod_desktop.store.db import Database

OPEN = ("open", "in_progress")
_CHUNK = 500
# Initiatives that are still running (idea to paused), as `domain.assessment.OPEN_STATUSES`.
_RUNNING = ("idea", "preparing", "active", "paused")


@dataclass(frozen=True)
class CommitmentRow:
    id: int
    initiative_id: int
    reference: str
    title: str
    text: str
    status: str
    owner: str | None
    counterpart: str | None  # the stakeholder's name
    counterpart_kind: str | None
    due_on: date | None
    done_on: date | None
    initiative_version: int

    def overdue(self, today: date) -> bool:
        return self.status in OPEN and self.due_on is not None and self.due_on < today

    def as_json(self) -> dict[str, Any]:
        """What `coprod commitments --format json` prints for one commitment."""
        return {
            "id": self.id,
            "reference": self.reference,
            "initiative": self.title,
            "text": self.text,
            "owner": self.owner,
            "counterpart": self.counterpart,
            "due_on": self.due_on.isoformat() if self.due_on else None,
            "status": self.status,
            "done_on": self.done_on.isoformat() if self.done_on else None,
        }


# The ORM's models load where a function below needs them, not with this module: My work
# (plain SQL) is on the first screen, before anything else touches the ORM.


def _columns() -> tuple[Any, ...]:
    from coprod_desktop.store import models as m

    c, i, s = m.Commitment, m.Initiative, m.Stakeholder
    return (
        c.id,
        c.initiative_id,
        i.reference,
        i.title,
        c.text,
        c.status,
        c.owner,
        s.name,
        s.kind,
        c.due_on,
        c.done_on,
        i.version,
    )


def _check_statuses(statuses: Sequence[str]) -> None:
    bad = [s for s in statuses if not v.CommitmentStatus.is_key(s)]
    if bad:
        allowed = ", ".join(v.CommitmentStatus.all_keys())
        raise ValidationError(
            [Problem("status", "unknown_key", {"value": s, "allowed": allowed}) for s in bad]
        )


def list_commitments(
    db: Database,
    flt: PortfolioFilter | None = None,
    *,
    owner: str | None = None,
    statuses: Sequence[str] = (),
    due_before: date | None = None,
) -> list[CommitmentRow]:
    """Commitments of the (filtered) portfolio, by due date (undated last), then reference.

    `owner` matches the commitment's owner without regard to case; `due_before` keeps those
    due before that day."""
    from coprod_desktop.store import models as m

    _check_statuses(statuses)
    c = m.Commitment
    query = (
        select(*_columns())
        .join(m.Initiative, m.Initiative.id == c.initiative_id)
        .outerjoin(m.Stakeholder, m.Stakeholder.id == c.counterpart_id)
    )
    if owner is not None and owner.strip():
        query = query.where(c.owner_key == m.sort_key(owner.strip()))
    if statuses:
        query = query.where(c.status.in_(list(statuses)))
    if due_before is not None:
        query = query.where(c.due_on < due_before)
    order = (c.due_on.is_(None), c.due_on, m.Initiative.reference, c.id)
    if flt is not None and not flt.is_empty():
        wanted = portfolio_ids(db, flt)
        found: list[CommitmentRow] = []
        with db.session() as session:
            for start in range(0, len(wanted), _CHUNK):
                chunk = wanted[start : start + _CHUNK]
                part = query.where(c.initiative_id.in_(chunk))
                found += [CommitmentRow(*row) for row in session.execute(part)]
        found.sort(key=lambda r: (r.due_on is None, r.due_on or date.min, r.reference, r.id))
        return found
    with db.session() as session:
        return [CommitmentRow(*row) for row in session.execute(query.order_by(*order))]


def set_status(
    db: Database,
    commitment_id: int,
    status: str,
    *,
    on: date | None = None,
    expected_version: int | None = None,
) -> int:
    """Change one commitment's status (done: `done_on` becomes `on`, default today; open or in
    progress again: `done_on` is cleared). Audited; the initiative's version goes up, so an
    editor holding an older copy sees a conflict instead of overwriting. Returns the new
    version of the initiative."""
    from coprod_desktop.services import initiatives
    from coprod_desktop.store import models as m

    _check_statuses([status])
    with db.session() as session:
        row = session.get(m.Commitment, commitment_id)
        if row is None:
            raise NotFoundError("commitment", commitment_id)
        parent = row.initiative
        if expected_version is not None and parent.version != expected_version:
            raise initiatives.stale(session, parent)
        if row.status != status:
            row.status = status
            if status in ("done", "dropped"):
                row.done_on = row.done_on or on or date.today()
            else:
                row.done_on = None
            parent.updated_at = m.utcnow()
        session.flush()
        return parent.version


def mark_done(
    db: Database, commitment_id: int, *, on: date | None = None, expected_version: int | None = None
) -> int:
    """Mark a commitment kept: the one action behind "Done" on My work."""
    return set_status(db, commitment_id, "done", on=on, expected_version=expected_version)


# ---------------------------------------------------------------- My work


@dataclass(frozen=True)
class ReviewDue:
    initiative_id: int
    reference: str
    title: str
    next_review: date


@dataclass(frozen=True)
class FollowUp:
    initiative_id: int
    reference: str
    title: str
    journal_id: int
    date: dt.date
    summary: str
    follow_up_on: dt.date


@dataclass(frozen=True)
class ColleagueChange:
    initiative_id: int
    reference: str
    title: str
    who: str
    at: datetime
    changes: int


@dataclass(frozen=True)
class MyWork:
    me: str
    today: date
    overdue: list[CommitmentRow]
    this_week: list[CommitmentRow]
    later: list[CommitmentRow]  # due later or undated
    reviews: list[ReviewDue]
    follow_ups: list[FollowUp]
    changes: list[ColleagueChange]
    # How many there are in all: each commitment list holds at most SHOWN of them (a page of
    # thousands helps nobody and costs seconds to read and paint); None: the list is all.
    overdue_total: int | None = None
    this_week_total: int | None = None
    later_total: int | None = None

    def totals(self) -> tuple[int, int, int]:
        """Overdue, due this week and later, counted in full."""
        return (
            len(self.overdue) if self.overdue_total is None else self.overdue_total,
            len(self.this_week) if self.this_week_total is None else self.this_week_total,
            len(self.later) if self.later_total is None else self.later_total,
        )

    def is_empty(self) -> bool:
        return not (
            self.overdue
            or self.this_week
            or self.later
            or self.reviews
            or self.follow_ups
            or self.changes
        )


WEEK = 7
SHOWN = 100  # commitments listed per section of My work; the rest is counted
FOLLOW_UP_PAST_DAYS = 30  # an older follow-up date without a commitment is history
_OPEN_SQL = ", ".join(f"'{status}'" for status in OPEN)
_RUNNING_SQL = ", ".join(f"'{status}'" for status in _RUNNING)
_MINE_SQL = (
    "SELECT c.id, c.initiative_id, i.reference, i.title, c.text, c.status, c.owner, s.name,"
    " s.kind, c.due_on, c.done_on, i.version FROM commitment c"
    " JOIN initiative i ON i.id = c.initiative_id"
    " LEFT OUTER JOIN stakeholder s ON s.id = c.counterpart_id WHERE c.owner_key = :key"
)
# typed as the ORM binds them (SQLite keeps dates and times as text in that format)
_MY_WORK_BINDS = (
    bindparam("when", type_=Date()),
    bindparam("week", type_=Date()),
    bindparam("follow_up_from", type_=Date()),
    bindparam("since", type_=DateTime()),
)


def my_work(
    db: Database, me: str, today: date | None = None, *, since: datetime | None = None
) -> MyWork:
    """What `me` has to do: open commitments they own (overdue, due within a week, later),
    reviews of initiatives they own due within a week or overdue, journal follow-ups in their
    initiatives not yet turned into a commitment, and (with `since`) what others changed in
    their initiatives since then."""
    when = today or date.today()
    week = when + timedelta(days=WEEK)
    key = me.strip().lower()
    # Plain SQL (as the portfolio's rows): My work is on the first screen, and the ORM's
    # first query would configure every mapper before the window is usable.
    params: dict[str, Any] = {
        "key": key,
        "when": when,
        "week": week,
        "follow_up_from": when - timedelta(days=FOLLOW_UP_PAST_DAYS),
        "since": since,
        "shown": SHOWN,
    }
    with db.reading() as connection:

        def read(sql: str, **columns: TypeEngine[Any]) -> list[Any]:
            binds = [bind for bind in _MY_WORK_BINDS if f":{bind.key}" in sql]
            statement = text(sql).bindparams(*binds).columns(**columns)
            used = {name: value for name, value in params.items() if f":{name}" in sql}
            return list(connection.execute(statement, used))

        def first(condition: str) -> list[CommitmentRow]:
            # one walk of the (owner, status, due date) index per open status, each stopping
            # after SHOWN rows, then the most urgent SHOWN of both (undated ones last)
            found = [
                CommitmentRow(*row)
                for status in OPEN
                for row in read(
                    f"{_MINE_SQL} AND c.status = '{status}' AND {condition}"
                    " ORDER BY c.due_on, c.id LIMIT :shown",
                    due_on=Date(),
                    done_on=Date(),
                )
            ]
            found.sort(key=lambda r: (r.due_on is None, r.due_on or when, r.reference, r.id))
            return found[:SHOWN]

        overdue = first("c.due_on < :when")
        this_week = first("c.due_on >= :when AND c.due_on <= :week")
        later = first("c.due_on > :week")
        if len(later) < SHOWN:  # then the undated ones
            later += first("c.due_on IS NULL")[: SHOWN - len(later)]
        totals = dict.fromkeys((0, 1, 2), 0)
        for which, count in read(
            "SELECT CASE WHEN c.due_on < :when THEN 0 WHEN c.due_on <= :week THEN 1 ELSE 2 END"
            " AS band, count(c.id) FROM commitment c"
            f" WHERE c.owner_key = :key AND c.status IN ({_OPEN_SQL}) GROUP BY band"
        ):
            totals[int(which)] = int(count)
        reviews = [
            ReviewDue(*row)
            for row in read(
                "SELECT i.id, i.reference, i.title, i.next_review FROM initiative i"
                f" WHERE i.owner_key = :key AND i.status IN ({_RUNNING_SQL})"
                " AND i.next_review IS NOT NULL AND i.next_review <= :week"
                " ORDER BY i.next_review, i.reference",
                next_review=Date(),
            )
        ]
        follow_ups = [
            FollowUp(*row)
            for row in read(
                "SELECT i.id, i.reference, i.title, j.id, j.date, j.summary, j.follow_up_on"
                " FROM journal_entry j JOIN initiative i ON i.id = j.initiative_id"
                f" WHERE i.owner_key = :key AND i.status IN ({_RUNNING_SQL})"
                " AND j.follow_up_on IS NOT NULL AND j.follow_up_on >= :follow_up_from"
                " AND j.follow_up_on <= :week AND j.id NOT IN (SELECT c.journal_entry_id"
                " FROM commitment c WHERE c.journal_entry_id IS NOT NULL)"
                " ORDER BY j.follow_up_on, i.reference",
                date=Date(),
                follow_up_on=Date(),
            )
        ]
        changes: list[ColleagueChange] = []
        if since is not None:
            changes = [
                ColleagueChange(*row)
                for row in read(
                    "SELECT i.id, i.reference, i.title, a.who, max(a.at) AS at, count(a.id)"
                    " FROM audit_entry a JOIN initiative i ON i.id = a.initiative_id"
                    " WHERE i.owner_key = :key AND a.at > :since"
                    " AND (a.who IS NULL OR lower(a.who) != :key)"
                    " GROUP BY i.id, i.reference, i.title, a.who ORDER BY max(a.at) DESC"
                    " LIMIT 50",
                    at=DateTime(),
                )
            ]
    return MyWork(
        me, when, overdue, this_week, later, reviews, follow_ups, changes, *totals.values()
    )


def kept_counts(rows: Sequence[CommitmentRow], today: date) -> dict[str, int]:
    """Kept (done), of which on time, overdue (open past due) and dropped."""
    kept = [r for r in rows if r.status == "done"]
    return {
        "kept": len(kept),
        "kept_on_time": sum(
            1 for r in kept if r.due_on is None or r.done_on is None or r.done_on <= r.due_on
        ),
        "overdue": sum(1 for r in rows if r.overdue(today)),
        "dropped": sum(1 for r in rows if r.status == "dropped"),
        "open": sum(1 for r in rows if r.status in OPEN),
    }
