"""Text for ReportLab paragraphs: cleaned, escaped and cut into pieces a page can hold.

Pure functions without ReportLab, so they are cheap to test. ReportLab's Paragraph reads a
small XML dialect: a stray `<` or `&` breaks it, control characters break the PDF text, and a
single 200 KB paragraph is laid out in one piece (slow, and it cannot split cleanly), so long
text is split into paragraphs of a few thousand characters at sentence or word boundaries.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from coprod_desktop.domain.dates import show_date

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
_BLANK_LINES = re.compile(r"\n\s*\n+")
MAX_PARAGRAPH = 2500


def clean(value: object) -> str:
    """`value` as text without control characters (tabs become spaces, newlines stay)."""
    text = "" if value is None else str(value)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    ")
    return _CONTROL.sub("", text)


def escape(value: object) -> str:
    """Clean text made safe for a Paragraph; newlines become line breaks."""
    text = clean(value)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace("\n", "<br/>")


def _cut(block: str, limit: int) -> list[str]:
    pieces: list[str] = []
    while len(block) > limit:
        window = block[:limit]
        cut = max(window.rfind(". "), window.rfind("! "), window.rfind("? "), window.rfind("\n"))
        if cut < limit // 2:
            cut = window.rfind(" ")
        if cut < limit // 2:
            cut = limit - 1  # no space at all: cut the word
        pieces.append(block[: cut + 1].strip())
        block = block[cut + 1 :]
    if block.strip():
        pieces.append(block.strip())
    return pieces


def paragraphs(value: object, limit: int = MAX_PARAGRAPH) -> list[str]:
    """Escaped paragraph texts for a free-text field: blank lines separate paragraphs,
    and paragraphs longer than `limit` characters are cut (at sentences where possible)."""
    text = clean(value).strip()
    if not text:
        return []
    out: list[str] = []
    for block in _BLANK_LINES.split(text):
        block = block.strip()
        if block:
            out.extend(escape(piece) for piece in _cut(block, limit))
    return out


def shorten(value: object, limit: int) -> str:
    """At most `limit` characters of clean single-line text, with an ellipsis when cut."""
    text = " ".join(clean(value).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def number(value: float, lang: str = "en", decimals: int = 0) -> str:
    """A number with thousands separators as the language writes them (1,234.5 / 1.234,5)."""
    if decimals == 0 and abs(value - round(value)) >= 0.05 and abs(value) < 100:
        decimals = 1
    text = f"{value:,.{decimals}f}"
    if lang == "da":
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return text


def amount(value: float, unit: str, lang: str = "en", decimals: int = 0) -> str:
    """An amount with its unit: DKK as kr. in Danish, hours as t/h."""
    shown = number(value, lang, decimals)
    if unit == "DKK":
        return f"{shown} kr." if lang == "da" else f"DKK {shown}"
    if unit == "hours":
        return f"{shown} {'timer' if lang == 'da' else 'hours'}"
    return f"{shown} {unit}".strip()


def exact_amount(value: float, unit: str, lang: str = "en") -> str:
    """An amount with every decimal it has (125.000,5 kr.), for a record rather than a total."""
    decimals = next((d for d in range(3) if round(value, d) == value), 2)
    return amount(value, unit, lang, decimals)


def day(value: date | datetime | None, lang: str = "en") -> str:
    """A date as the language writes it (2026-03-01 / 1.3.2026); '' for none."""
    return show_date(value, lang)
