"""Open commitments and review dates as an iCalendar file (`coprod calendar`, File menu).

Each item is an all-day event with a stable UID (`commitment-<id>@coprod`,
`review-<initiative id>@coprod`) and a SEQUENCE that follows the initiative's version, so a
calendar program that imports the file again updates the events instead of adding copies.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import select

from coprod_desktop.domain.errors import InputFileError
from coprod_desktop.domain.messages import message
from coprod_desktop.services import commitments, safe_write
from coprod_desktop.store import models as m
from coprod_desktop.store.db import Database

PRODUCT_ID = "-//coprod-desktop//commitments and reviews//EN"
_RUNNING = ("idea", "preparing", "active", "paused")


@dataclass(frozen=True)
class CalendarItem:
    uid: str
    day: date
    summary: str
    description: str
    sequence: int


def calendar_items(db: Database, owner: str | None = None, lang: str = "en") -> list[CalendarItem]:
    """Open commitments with a due date and the next reviews of running initiatives (of
    `owner`, without regard to case, when given: the commitment's owner, the initiative's)."""
    items: list[CalendarItem] = []
    for row in commitments.list_commitments(db, owner=owner, statuses=commitments.OPEN):
        if row.due_on is None:
            continue
        lines = [message("cal_initiative", lang, reference=row.reference, title=row.title)]
        if row.counterpart:
            lines.append(message("cal_promised_to", lang, name=row.counterpart))
        if row.owner:
            lines.append(message("cal_owner", lang, name=row.owner))
        items.append(
            CalendarItem(
                f"commitment-{row.id}@coprod",
                row.due_on,
                f"{row.text} ({row.reference})",
                "\n".join(lines),
                row.initiative_version,
            )
        )
    i = m.Initiative
    query = select(i.id, i.reference, i.title, i.next_review, i.owner, i.version).where(
        i.next_review.is_not(None), i.status.in_(_RUNNING)
    )
    if owner is not None and owner.strip():
        query = query.where(i.owner_key == owner.strip().lower())
    with db.session() as session:
        for ident, reference, title, when, who, version in session.execute(
            query.order_by(i.next_review, i.reference)
        ):
            if when is None:  # excluded by the query; for the type checker
                continue
            lines = [message("cal_initiative", lang, reference=reference, title=title)]
            if who:
                lines.append(message("cal_owner", lang, name=who))
            items.append(
                CalendarItem(
                    f"review-{ident}@coprod",
                    when,
                    message("cal_review", lang, reference=reference, title=title),
                    "\n".join(lines),
                    version,
                )
            )
    items.sort(key=lambda item: (item.day, item.uid))
    return items


def to_ical(items: list[CalendarItem], now: datetime | None = None) -> bytes:
    from icalendar import Calendar, Event  # only when writing a calendar

    stamp = (now or datetime.now(UTC)).astimezone(UTC)
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    for item in items:
        event = Event()
        event.add("uid", item.uid)
        event.add("dtstamp", stamp)
        event.add("dtstart", item.day)
        event.add("dtend", item.day + timedelta(days=1))
        event.add("summary", item.summary)
        event.add("description", item.description)
        event.add("sequence", item.sequence)
        event.add("transp", "TRANSPARENT")  # a due date does not make the day busy
        calendar.add_component(event)
    data: bytes = calendar.to_ical()
    return data


def write_calendar(db: Database, path: Path, owner: str | None = None, lang: str = "en") -> int:
    """Write the calendar file through the one atomic writer (it refuses the database, its
    side files, the backups and anything that is not a plain file); returns how many dates it
    holds. Only a name ending in .ics is written."""
    if path.suffix.lower() != ".ics":
        raise InputFileError("unsupported_format", suffix=path.suffix or path.name, allowed=".ics")
    safe_write.check_target(path)  # refused before the work
    items = calendar_items(db, owner, lang)
    safe_write.write_bytes(path, to_ical(items))
    return len(items)
