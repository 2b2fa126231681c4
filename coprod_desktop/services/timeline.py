"""A stakeholder's timeline across initiatives: every journal entry they took part in, the
documents kept with those entries, the commitments made to them, and when they joined or left
an initiative, newest first (what a colleague wants to know before a phone call)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from coprod_desktop.store import models as m
from coprod_desktop.store.db import Database


@dataclass(frozen=True)
class TimelineItem:
    date: dt.date | None
    kind: str  # journal | document | commitment | joined | left
    initiative_id: int
    reference: str
    title: str
    text: str  # the entry's summary, the document's name, what was promised, or the role
    detail: str | None = None  # the journal kind, the commitment's status, or the role
    attachment_id: int | None = None


def stakeholder_timeline(db: Database, stakeholder_id: int) -> list[TimelineItem]:
    items: list[TimelineItem] = []
    with db.reading() as connection:
        entries = connection.execute(
            select(
                m.JournalEntry.id,
                m.JournalEntry.date,
                m.JournalEntry.kind,
                m.JournalEntry.summary,
                m.Initiative.id.label("initiative_id"),
                m.Initiative.reference,
                m.Initiative.title,
            )
            .join(
                m.journal_participant, m.journal_participant.c.journal_entry_id == m.JournalEntry.id
            )
            .join(m.Initiative, m.Initiative.id == m.JournalEntry.initiative_id)
            .where(m.journal_participant.c.stakeholder_id == stakeholder_id)
        ).all()
        for row in entries:
            items.append(
                TimelineItem(
                    row.date,
                    "journal",
                    row.initiative_id,
                    row.reference,
                    row.title,
                    row.summary,
                    row.kind,
                )
            )
        by_entry = {row.id: row for row in entries}
        if by_entry:
            documents = connection.execute(
                select(
                    m.Attachment.id,
                    m.Attachment.name,
                    m.Attachment.added_on,
                    m.Attachment.journal_entry_id,
                ).where(m.Attachment.journal_entry_id.in_(list(by_entry)))
            ).all()
            for doc in documents:
                entry = by_entry[doc.journal_entry_id]
                items.append(
                    TimelineItem(
                        entry.date or doc.added_on,
                        "document",
                        entry.initiative_id,
                        entry.reference,
                        entry.title,
                        doc.name,
                        None,
                        doc.id,
                    )
                )
        promises = connection.execute(
            select(
                m.Commitment.text,
                m.Commitment.status,
                m.Commitment.due_on,
                m.Commitment.done_on,
                m.Initiative.id.label("initiative_id"),
                m.Initiative.reference,
                m.Initiative.title,
            )
            .join(m.Initiative, m.Initiative.id == m.Commitment.initiative_id)
            .where(m.Commitment.counterpart_id == stakeholder_id)
        ).all()
        for promise in promises:  # dated when kept or given up, else when due
            items.append(
                TimelineItem(
                    promise.done_on or promise.due_on,
                    "commitment",
                    promise.initiative_id,
                    promise.reference,
                    promise.title,
                    promise.text,
                    promise.status,
                )
            )
        involvements = connection.execute(
            select(
                m.Involvement.role,
                m.Involvement.joined_on,
                m.Involvement.left_on,
                m.Initiative.id.label("initiative_id"),
                m.Initiative.reference,
                m.Initiative.title,
            )
            .join(m.Initiative, m.Initiative.id == m.Involvement.initiative_id)
            .where(m.Involvement.stakeholder_id == stakeholder_id)
        ).all()
        for part in involvements:
            items.append(
                TimelineItem(
                    part.joined_on,
                    "joined",
                    part.initiative_id,
                    part.reference,
                    part.title,
                    part.role,
                    part.role,
                )
            )
            if part.left_on is not None:
                items.append(
                    TimelineItem(
                        part.left_on,
                        "left",
                        part.initiative_id,
                        part.reference,
                        part.title,
                        part.role,
                        part.role,
                    )
                )
    rank = {"journal": 0, "document": 1, "commitment": 2, "joined": 3, "left": 4}

    def newest_first(item: TimelineItem) -> tuple[bool, int, int, str]:
        # undated last; on one day the journal entry before its documents
        day = item.date.toordinal() if item.date is not None else 0
        return (item.date is None, -day, rank[item.kind], item.reference)

    items.sort(key=newest_first)
    return items
