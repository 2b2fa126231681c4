"""Dates as people type and read them: ISO everywhere, and the Danish forms under Danish.

One reader and one writer, shared by the spreadsheet import, the GUI's date fields and the
briefs, so a date typed in the editor reads back in the form the printed brief shows.
"""

from __future__ import annotations

import re
from datetime import date, datetime

# 15-01-2027, 15.1.2027, 15/1/2027 and the handwritten 15/1 2027 (day first, as Danes write).
_DMY = re.compile(r"(\d{1,2})\s*[-./]\s*(\d{1,2})(?:\s*[-./]\s*|\s+)(\d{4})")
_YMD = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?")


def read_date(text: str) -> date | None:
    """A date from text as `yyyy-mm-dd` (a time of day after it is ignored), `dd-mm-yyyy`,
    `d.m.yyyy`, `d/m/yyyy` or `d/m yyyy`; None when it is not a real date."""
    text = text.strip()
    try:
        if match := _YMD.fullmatch(text):
            return date(int(match[1]), int(match[2]), int(match[3]))
        if match := _DMY.fullmatch(text):
            return date(int(match[3]), int(match[2]), int(match[1]))
    except ValueError:
        return None
    return None


def show_date(value: date | datetime | None, lang: str = "en") -> str:
    """A date as the language writes it (2026-03-01 / 1.3.2026); '' for none."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.date()
    return f"{value.day}.{value.month}.{value.year}" if lang == "da" else value.isoformat()


def date_hint(lang: str = "en") -> str:
    """The placeholder that shows the expected form."""
    return "D.M.ÅÅÅÅ" if lang == "da" else "YYYY-MM-DD"
