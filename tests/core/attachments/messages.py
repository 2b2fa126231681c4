"""Real e-mails and invitations built in the tests (standard library `email`, `icalendar`)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path


def make_eml(path: Path, attachment: tuple[str, bytes] | None = None) -> Path:
    mail = EmailMessage()
    mail["From"] = "Søren Fisker <soren@havnelauget.dk>"
    mail["To"] = "Mette Havnefoged <mette@kommune.dk>, ukendt@example.org"
    mail["Cc"] = "SOREN@havnelauget.dk"
    mail["Subject"] = "Referat fra bådelauget"
    mail["Date"] = format_datetime(
        datetime(2025, 3, 14, 9, 30, tzinfo=timezone(timedelta(hours=1)))
    )
    mail.set_content("Vi blev enige om ålegræsbedet ved slæbestedet.\nMvh Søren")
    if attachment is not None:
        name, data = attachment
        mail.add_attachment(data, maintype="application", subtype="octet-stream", filename=name)
    path.write_bytes(bytes(mail))
    return path


def make_ics(path: Path) -> Path:
    from icalendar import Calendar, Event, vCalAddress

    calendar = Calendar()
    calendar.add("prodid", "-//coprod tests//")
    calendar.add("version", "2.0")
    event = Event()
    event.add("summary", "Dialogmøde om havneplanen")
    event.add("dtstart", datetime(2025, 5, 2, 16, 0, tzinfo=UTC))
    event.add("dtend", datetime(2025, 5, 2, 18, 0, tzinfo=UTC))
    event.add("location", "Havnekontoret")
    event.add("description", "Dagsorden: kajen og fiskerhusene")
    organizer = vCalAddress("MAILTO:mette@kommune.dk")
    organizer.params["cn"] = "Mette Havnefoged"
    event["organizer"] = organizer
    for address, name in (("soren@havnelauget.dk", "Søren Fisker"), ("ny@borger.dk", "Ny Borger")):
        attendee = vCalAddress(f"MAILTO:{address}")
        attendee.params["cn"] = name
        event.add("attendee", attendee, encode=0)
    calendar.add_component(event)
    path.write_bytes(calendar.to_ical())
    return path
