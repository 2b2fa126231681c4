"""E-mails and meeting invitations dropped onto an initiative become journal entries.

An `.eml` (the standard library's `email`), an Outlook `.msg` (`extract-msg`) or an `.ics`
invitation (`icalendar`) is read into a `Message`: date, subject, body, the people on it and
its attachments. `import_message` then writes, in one transaction, a journal entry of kind
`email` (or `meeting`) with the subject and body as its summary, the participants matched to
stakeholders by e-mail address (and, if asked, new stakeholders for the addresses not found),
the message file itself and every file attached to it, kept with that entry.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from email.utils import getaddresses, parsedate_to_datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from coprod_desktop.domain import model as d
from coprod_desktop.domain.errors import InputFileError
from coprod_desktop.store import models as m
from coprod_desktop.store.db import Database

MESSAGE_SUFFIXES = frozenset({".eml", ".msg", ".ics"})
MAX_SUMMARY = 20_000  # characters of subject and body kept as the entry's summary


@dataclass(frozen=True)
class Person:
    name: str
    email: str


@dataclass
class Message:
    kind: str  # a journal kind: email | meeting
    date: dt.date
    subject: str
    body: str
    people: list[Person] = field(default_factory=list)
    files: list[tuple[str, bytes]] = field(default_factory=list)  # attached to the message

    @property
    def summary(self) -> str:
        text = "\n\n".join(part for part in (self.subject.strip(), self.body.strip()) if part)
        return (text or "—")[:MAX_SUMMARY]


@dataclass(frozen=True)
class Imported:
    journal_id: int
    matched: list[tuple[Person, int]]  # found stakeholders (by e-mail address)
    created: list[tuple[Person, int]]  # made for addresses not found, when asked
    unmatched: list[Person]  # neither found nor made
    attachments: list[d.AttachmentData]


def is_message(path: Path | str) -> bool:
    return Path(path).suffix.lower() in MESSAGE_SUFFIXES


def _people(pairs: Sequence[tuple[str, str]]) -> list[Person]:
    found: dict[str, Person] = {}
    for name, address in pairs:
        address = address.strip().strip("<>").lower()
        if "@" in address and address not in found:
            found[address] = Person(name.strip() or address, address)
    return list(found.values())


def _date(value: object) -> dt.date:
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone()
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.today()


def read_eml(data: bytes) -> Message:
    from email import policy
    from email.parser import BytesParser

    mail = BytesParser(policy=policy.default).parsebytes(data)
    try:
        sent: Any = parsedate_to_datetime(str(mail["Date"])) if mail["Date"] else None
    except (TypeError, ValueError):
        sent = None
    body_part = mail.get_body(preferencelist=("plain", "html"))
    body = ""
    if body_part is not None:
        try:
            body = str(body_part.get_content())
        except (LookupError, ValueError):
            body = ""
        if body_part.get_content_type() == "text/html":
            body = _html_text(body)
    headers = [str(mail.get(h, "")) for h in ("From", "To", "Cc")]
    files = []
    for part in mail.iter_attachments():
        payload = part.get_payload(decode=True)
        if isinstance(payload, bytes):
            files.append((part.get_filename() or "attachment.bin", payload))
    return Message(
        kind="email",
        date=_date(sent),
        subject=str(mail.get("Subject", "")),
        body=body,
        people=_people(getaddresses(headers)),
        files=files,
    )


def _html_text(html: str) -> str:
    from html.parser import HTMLParser

    class _Text(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.parts: list[str] = []

        def handle_data(self, data: str) -> None:
            self.parts.append(data)

    reader = _Text()
    reader.feed(html)
    return " ".join(" ".join(reader.parts).split())


def read_msg(path: Path) -> Message:
    import extract_msg

    opened: Any = extract_msg.openMsg(str(path))
    with opened as mail:
        pairs = getaddresses([str(mail.sender or "")])
        for recipient in getattr(mail, "recipients", []) or []:
            pairs.append((recipient.name or "", recipient.email or ""))
        files = []
        for attached in getattr(mail, "attachments", []) or []:
            data = getattr(attached, "data", None)
            if isinstance(data, bytes):
                name = attached.longFilename or attached.shortFilename or "attachment.bin"
                files.append((str(name), data))
        return Message(
            kind="email",
            date=_date(mail.date),
            subject=str(mail.subject or ""),
            body=str(mail.body or ""),
            people=_people(pairs),
            files=files,
        )


def read_ics(data: bytes) -> Message:
    from icalendar import Calendar

    calendar = Calendar.from_ical(data)
    events = list(calendar.walk("VEVENT"))
    if not events:
        raise ValueError("no VEVENT")
    event = events[0]
    start = event.get("DTSTART")
    pairs: list[tuple[str, str]] = []
    for key in ("ORGANIZER", "ATTENDEE"):
        values = event.get(key)
        if values is None:
            continue
        for value in values if isinstance(values, list) else [values]:
            address = str(value)
            if address.lower().startswith("mailto:"):
                address = address[7:]
            name = value.params.get("CN", "") if hasattr(value, "params") else ""
            pairs.append((str(name), address))
    body = "\n".join(
        str(event.get(k)) for k in ("LOCATION", "DESCRIPTION") if event.get(k) is not None
    )
    return Message(
        kind="meeting",
        date=_date(start.dt if start is not None else None),
        subject=str(event.get("SUMMARY", "")),
        body=body,
        people=_people(pairs),
    )


def read_message(path: Path) -> Message:
    """The message in `path` (by its suffix), or InputFileError (exit 3) naming the file."""
    suffix = path.suffix.lower()
    try:
        if suffix == ".msg":
            return read_msg(path)
        data = path.read_bytes()
        if suffix == ".ics":
            return read_ics(data)
        if suffix == ".eml":
            return read_eml(data)
    except InputFileError:
        raise
    except OSError as error:
        raise InputFileError("file_unreadable", path=str(path), reason=error.strerror) from None
    except Exception as error:  # a damaged or foreign file: one plain line, nothing written
        raise InputFileError("message_unreadable", path=str(path), reason=str(error)) from None
    raise InputFileError("unsupported_format", suffix=suffix, allowed=", ".join(MESSAGE_SUFFIXES))


def match_people(db: Database, people: Sequence[Person]) -> dict[str, int]:
    """Stakeholder ids by e-mail address (compared without case) for the people found."""
    if not people:
        return {}
    addresses = [p.email for p in people]
    with db.reading() as connection:
        rows = connection.execute(
            select(m.Stakeholder.id, func.lower(m.Stakeholder.email))
            .where(func.lower(m.Stakeholder.email).in_(addresses))
            .order_by(m.Stakeholder.id)
        ).all()
    found: dict[str, int] = {}
    for ident, address in rows:
        found.setdefault(address, ident)
    return found


def import_message(
    db: Database,
    ident: int | str,
    path: Path,
    *,
    create: Sequence[str] | bool = False,
) -> Imported:
    """Write the journal entry for the message in `path` with its participants and files.
    `create`: True, or the e-mail addresses not yet known that get a new stakeholder (a
    natural person of kind `other`, handled as a public task)."""
    from coprod_desktop.services import attachments, erasure_ledger, initiatives

    message = read_message(path)
    limit = attachments.size_limit()
    sources = [attachments.checked_file(path, limit)]
    for name, data in message.files:
        if len(data) > limit:
            raise InputFileError(
                "attachment_too_large",
                path=name,
                size=attachments.megabytes(len(data)),
                limit=attachments.megabytes(limit),
            )
        sources.append(attachments.bytes_source(Path(name).name or "attachment.bin", data))
    known = match_people(db, message.people)
    wanted = {p.email for p in message.people} if create is True else set(create or ())
    with db.session() as session:
        initiative_id = initiatives.resolve_id(session, ident)
        row = initiatives.load(session, initiative_id)
        missing = [p for p in message.people if p.email not in known]
        to_make = [p for p in missing if p.email in wanted]
        erased = erasure_ledger.recognised(
            session.connection(), [(p.name, p.email, None) for p in to_make]
        )
        made: list[tuple[Person, m.Stakeholder]] = []
        for index, person in enumerate(to_make):
            if index in erased:
                continue  # an erased person does not come back through an e-mail
            stakeholder = m.Stakeholder(
                name=person.name,
                kind="other",
                is_person=True,
                email=person.email,
                lawful_basis="public_task",
            )
            session.add(stakeholder)
            made.append((person, stakeholder))
        session.flush()
        participants = {sid for sid in known.values()} | {s.id for _p, s in made}
        people = (
            session.scalars(
                select(m.Stakeholder)
                .where(m.Stakeholder.id.in_(participants))
                .order_by(m.Stakeholder.id)
            ).all()
            if participants
            else []
        )
        entry = m.JournalEntry(
            date=message.date, kind=message.kind, summary=message.summary, participants=list(people)
        )
        row.journal.append(entry)
        row.updated_at = m.utcnow()  # a new version: an editor open on the old one must reload
        session.flush()
        added = [attachments.add_record(session, initiative_id, s, entry.id) for s in sources]
        session.flush()
        made_ids = {p.email for p, _s in made}
        return Imported(
            journal_id=entry.id,
            matched=[(p, known[p.email]) for p in message.people if p.email in known],
            created=[(p, s.id) for p, s in made],
            unmatched=[p for p in missing if p.email not in made_ids],
            attachments=[attachments.as_data(a) for a in added],
        )
