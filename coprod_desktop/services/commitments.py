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

from sqlalchemy import and_, case, func, or_, select

from coprod_desktop.domain import vocab as v
from coprod_desktop.domain.errors import NotFoundError, Problem, ValidationError
from coprod_desktop.services import initiatives
from coprod_desktop.services.portfolio_query import PortfolioFilter
from coprod_desktop.services.portfolio_query import ids as portfolio_ids
from coprod_desktop.store import models as m
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


def _columns() -> tuple[Any, ...]:
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
    c, i, j = m.Commitment, m.Initiative, m.JournalEntry
    with db.session() as session:
        mine = (
            select(*_columns())
            .join(i, i.id == c.initiative_id)
            .outerjoin(m.Stakeholder, m.Stakeholder.id == c.counterpart_id)
            .where(c.owner_key == key)
        )
        order = (c.due_on, c.id)

        def first(condition: Any) -> list[CommitmentRow]:
            # one walk of the (owner, status, due date) index per open status, each stopping
            # after SHOWN rows, then the most urgent SHOWN of both (undated ones last)
            found = [
                CommitmentRow(*row)
                for status in OPEN
                for row in session.execute(
                    mine.where(c.status == status, condition).order_by(*order).limit(SHOWN)
                )
            ]
            found.sort(key=lambda r: (r.due_on is None, r.due_on or when, r.reference, r.id))
            return found[:SHOWN]

        overdue = first(c.due_on < when)
        this_week = first(and_(c.due_on >= when, c.due_on <= week))
        later = first(c.due_on > week)
        if len(later) < SHOWN:  # then the undated ones
            later += first(c.due_on.is_(None))[: SHOWN - len(later)]
        band = case((c.due_on < when, 0), (c.due_on <= week, 1), else_=2)
        totals = dict.fromkeys((0, 1, 2), 0)
        for which, count in session.execute(
            select(band, func.count(c.id))
            .where(c.owner_key == key, c.status.in_(OPEN))
            .group_by(band)
        ):
            totals[int(which)] = int(count)
        reviews = [
            ReviewDue(*row)  # type: ignore[arg-type]  # next_review IS NOT NULL
            for row in session.execute(
                select(i.id, i.reference, i.title, i.next_review)
                .where(
                    i.owner_key == key,
                    i.status.in_(_RUNNING),
                    i.next_review.is_not(None),
                    i.next_review <= week,
                )
                .order_by(i.next_review, i.reference)
            )
        ]
        converted = select(c.journal_entry_id).where(c.journal_entry_id.is_not(None))
        follow_ups = [
            FollowUp(*row)  # type: ignore[arg-type]  # follow_up_on IS NOT NULL
            for row in session.execute(
                select(i.id, i.reference, i.title, j.id, j.date, j.summary, j.follow_up_on)
                .join(i, i.id == j.initiative_id)
                .where(
                    i.owner_key == key,
                    i.status.in_(_RUNNING),
                    j.follow_up_on.is_not(None),
                    j.follow_up_on >= when - timedelta(days=FOLLOW_UP_PAST_DAYS),
                    j.follow_up_on <= week,
                    j.id.not_in(converted),
                )
                .order_by(j.follow_up_on, i.reference)
            )
        ]
        changes: list[ColleagueChange] = []
        if since is not None:
            a = m.AuditEntry
            changes = [
                ColleagueChange(*row)
                for row in session.execute(
                    select(i.id, i.reference, i.title, a.who, func.max(a.at), func.count(a.id))
                    .join(i, i.id == a.initiative_id)
                    .where(
                        i.owner_key == key,
                        a.at > since,
                        or_(a.who.is_(None), func.lower(a.who) != key),
                    )
                    .group_by(i.id, i.reference, i.title, a.who)
                    .order_by(func.max(a.at).desc())
                    .limit(50)
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
