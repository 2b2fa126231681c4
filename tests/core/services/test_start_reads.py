"""The reads a database's opening makes (My work, the change marker) are plain SQL, so the
first screen does not wait for the ORM; they answer exactly what the ORM queries answered."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import and_, case, func, insert, or_, select

from coprod_desktop.domain import model as d
from coprod_desktop.services import changes, commitments, initiatives
from coprod_desktop.services.commitments import (
    FOLLOW_UP_PAST_DAYS,
    OPEN,
    WEEK,
    ColleagueChange,
    CommitmentRow,
    FollowUp,
    MyWork,
    ReviewDue,
)
from coprod_desktop.store import models as m
from coprod_desktop.store.db import Database
from tests.core import factories

TODAY = date(2026, 12, 5)
RUNNING = ("idea", "preparing", "active", "paused")
OWNERS = ("Mette Havnefoged", "mette havnefoged", "Ali", None)
STATUSES = ("open", "in_progress", "done", "dropped")


def my_work_by_orm(db: Database, me: str, when: date, since: datetime | None) -> MyWork:
    """My work as the ORM queries read it before they became plain SQL (the reference)."""
    shown = commitments.SHOWN
    week = when + timedelta(days=WEEK)
    key = me.strip().lower()
    c, i, j = m.Commitment, m.Initiative, m.JournalEntry
    s = m.Stakeholder
    with db.session() as session:
        mine = (
            select(c.id, c.initiative_id, i.reference, i.title, c.text, c.status, c.owner)
            .add_columns(s.name, s.kind, c.due_on, c.done_on, i.version)
            .join(i, i.id == c.initiative_id)
            .outerjoin(s, s.id == c.counterpart_id)
            .where(c.owner_key == key)
        )

        def first(condition: Any) -> list[CommitmentRow]:
            found = [
                CommitmentRow(*row)
                for status in OPEN
                for row in session.execute(
                    mine.where(c.status == status, condition).order_by(c.due_on, c.id).limit(shown)
                )
            ]
            found.sort(key=lambda r: (r.due_on is None, r.due_on or when, r.reference, r.id))
            return found[:shown]

        overdue = first(c.due_on < when)
        this_week = first(and_(c.due_on >= when, c.due_on <= week))
        later = first(c.due_on > week)
        if len(later) < shown:
            later += first(c.due_on.is_(None))[: shown - len(later)]
        band = case((c.due_on < when, 0), (c.due_on <= week, 1), else_=2)
        totals = dict.fromkeys((0, 1, 2), 0)
        for which, count in session.execute(
            select(band, func.count(c.id))
            .where(c.owner_key == key, c.status.in_(OPEN))
            .group_by(band)
        ):
            totals[int(which)] = int(count)
        reviews = [
            ReviewDue(*row)  # type: ignore[arg-type]
            for row in session.execute(
                select(i.id, i.reference, i.title, i.next_review)
                .where(
                    i.owner_key == key,
                    i.status.in_(RUNNING),
                    i.next_review.is_not(None),
                    i.next_review <= week,
                )
                .order_by(i.next_review, i.reference)
            )
        ]
        converted = select(c.journal_entry_id).where(c.journal_entry_id.is_not(None))
        follow_ups = [
            FollowUp(*row)  # type: ignore[arg-type]
            for row in session.execute(
                select(i.id, i.reference, i.title, j.id, j.date, j.summary, j.follow_up_on)
                .join(i, i.id == j.initiative_id)
                .where(
                    i.owner_key == key,
                    i.status.in_(RUNNING),
                    j.follow_up_on.is_not(None),
                    j.follow_up_on >= when - timedelta(days=FOLLOW_UP_PAST_DAYS),
                    j.follow_up_on <= week,
                    j.id.not_in(converted),
                )
                .order_by(j.follow_up_on, i.reference)
            )
        ]
        found: list[ColleagueChange] = []
        if since is not None:
            a = m.AuditEntry
            found = [
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
    return MyWork(me, when, overdue, this_week, later, reviews, follow_ups, found, *totals.values())


def _portfolio(db: Database, seed: int) -> None:
    """Initiatives with commitments, reviews and follow-ups spread around TODAY, and audit rows
    by colleagues at known times."""
    rnd = random.Random(seed)
    club = factories.stakeholder(db, "Ørum Sejlklub")

    def day() -> date | None:
        return None if rnd.random() < 0.15 else TODAY + timedelta(days=rnd.randint(-40, 20))

    for n in range(8):
        owner = rnd.choice(OWNERS)
        journal = [
            d.JournalData(
                date=TODAY - timedelta(days=rnd.randint(0, 90)),
                kind="meeting",
                summary=f"Møde {n}-{k}",
                follow_up_on=day(),
                key=f"m{k}",
            )
            for k in range(3)
        ]
        made = [
            d.CommitmentData(
                text=f"Løfte {n}-{k}",
                owner=rnd.choice(OWNERS),
                counterpart_id=club if rnd.random() < 0.5 else None,
                status=rnd.choice(STATUSES),
                due_on=day(),
                journal="m0" if k == 0 and rnd.random() < 0.5 else None,
            )
            for k in range(rnd.randint(0, 9))
        ]
        for c in made:
            if c.status == "done":
                c.done_on = TODAY
        initiatives.create_initiative(
            db,
            d.InitiativeData(
                title=f"Havn {n}",
                status=rnd.choice((*RUNNING, "completed")),
                owner=owner,
                next_review=day(),
                journal=journal,
                commitments=made,
            ),
        )
    with db.engine.begin() as connection:
        ids = [row[0] for row in connection.execute(select(m.Initiative.id))]
        connection.execute(
            insert(m.AuditEntry),
            [
                {
                    "at": datetime(2026, 12, 1, 8) + timedelta(minutes=rnd.randint(0, 9000)),
                    "who": rnd.choice(("Ali", "Bo", "mette havnefoged", "Mette Havnefoged")),
                    "action": "update",
                    "entity": "initiative",
                    "entity_id": initiative,
                    "initiative_id": initiative,
                    "field": "title",
                }
                for initiative in rnd.choices(ids, k=40)
            ],
        )


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_my_work_in_plain_sql_reads_what_the_orm_read(
    any_db: Database, seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    _portfolio(any_db, seed)
    seen: list[MyWork] = []
    for shown in (100, 2):  # a page smaller than a section too
        monkeypatch.setattr(commitments, "SHOWN", shown)
        for me in ("Mette Havnefoged", " ali ", "nobody"):
            for since in (None, datetime(2026, 12, 3, 12), datetime(2000, 1, 1)):
                for when in (TODAY, TODAY - timedelta(days=9)):
                    expected = my_work_by_orm(any_db, me, when, since)
                    assert commitments.my_work(any_db, me, when, since=since) == expected
                    seen.append(expected)
    # the portfolio exercises every section (else the comparison would prove little)
    for section in ("overdue", "this_week", "later", "reviews", "follow_ups", "changes"):
        assert any(getattr(work, section) for work in seen), section
    assert any(work.totals()[0] > len(work.overdue) for work in seen)  # a section was cut


def test_the_change_marker_in_plain_sql_reads_what_the_orm_read(any_db: Database) -> None:
    assert changes.current_marker(any_db) == 0
    _portfolio(any_db, 4)
    with any_db.session() as session:
        newest = session.scalar(select(func.max(m.AuditEntry.id)))
        middle = newest // 2
        after = session.execute(
            select(m.AuditEntry.initiative_id, m.AuditEntry.who).where(m.AuditEntry.id > middle)
        ).all()
    assert changes.current_marker(any_db) == newest
    seen = changes.changes_since(any_db, middle, ignore_user="Ali")
    assert seen.marker == newest
    assert seen.by == {who for _, who in after if who != "Ali"}
    assert seen.initiative_ids == {i for i, who in after if who != "Ali" and i is not None}
    assert changes.changes_since(any_db, newest) == changes.Changes(
        newest, frozenset(), frozenset()
    )
