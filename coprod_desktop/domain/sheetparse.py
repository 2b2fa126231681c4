"""Pure helpers that read spreadsheet text the way Danish and English Excel write it.

Nothing here asks the user: the text encoding (UTF-8 with or without BOM, else cp1252), the
CSV separator (`;` or `,` or tab), the decimal mark (`125.000,50` or `125,000.50`) and the date
style (`31-12-2026`, `31.12.2026`, `31/12/2026`, `2026-12-31`) are all detected.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterable
from datetime import date, datetime

from coprod_desktop.domain.dates import read_date

DELIMITERS = (";", ",", "\t")


def decode_text(raw: bytes) -> tuple[str, str]:
    """The text of a CSV file and the encoding found: UTF-8 (BOM or not), else cp1252."""
    try:
        return raw.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:  # the five bytes cp1252 leaves undefined
        return raw.decode("latin-1"), "latin-1"


def _rows(text: str, delimiter: str, limit: int) -> list[list[str]]:
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    rows: list[list[str]] = []
    try:
        for row in reader:
            rows.append(row)
            if len(rows) >= limit:
                break
    except csv.Error:
        pass
    return rows


def detect_delimiter(text: str, is_header: Callable[[str], bool]) -> str:
    """The separator under which the most cells of the first rows are known headings; if no
    heading is known at all, the one that splits the first rows into the most columns."""
    best, best_score = ";", (-1, -1)
    sample = text[:65536]
    for delimiter in DELIMITERS:
        rows = _rows(sample, delimiter, 30)
        headings = max(
            (sum(1 for cell in row if cell.strip() and is_header(cell)) for row in rows),
            default=0,
        )
        widths = [len(row) for row in rows if any(cell.strip() for cell in row)]
        width = min(widths[:10]) if widths else 0
        score = (headings, width)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def read_csv_rows(text: str, delimiter: str) -> list[list[str]]:
    """Every record of the CSV text (a quoted cell may span lines; it is still one row)."""
    # A cell as long as the whole file is allowed: the CSV export writes long descriptions
    # (1 MB and more) in one cell, and its own output must read back.
    if csv.field_size_limit() < len(text):
        csv.field_size_limit(len(text) + 1)
    return [
        [unguard_formula(cell) if cell[:1] == "'" else cell for cell in row]
        for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    ]


# ------------------------------------------------------------------ formula injection

#: what makes a spreadsheet treat a cell as a formula (OWASP, "CSV Injection")
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def _needs_guard(text: str) -> bool:
    """A trigger first, or after quotes that themselves guard (so that a value which begins
    with a quote and a trigger survives the round trip too)."""
    return text.lstrip("'").startswith(FORMULA_TRIGGERS)


def guard_formula(text: str) -> str:
    """A CSV cell a spreadsheet shows as text: a leading `'` (OWASP) where it could start a
    formula. `unguard_formula` gives back exactly the original."""
    return "'" + text if _needs_guard(text) else text


def unguard_formula(text: str) -> str:
    """The value `guard_formula` protected: exactly one leading `'` is removed, and only
    where it guards a trigger; anything else is kept as written."""
    return text[1:] if text.startswith("'") and _needs_guard(text[1:]) else text


# ------------------------------------------------------------------ numbers

_DANISH_HINTS = (
    re.compile(r",\d{1,2}$"),
    re.compile(r"\.\d{3},"),
    re.compile(r"^\d{1,3}(\.\d{3})+$"),
)
_ENGLISH_HINTS = (
    re.compile(r"\.\d{1,2}$"),
    re.compile(r",\d{3}\."),
    re.compile(r"^\d{1,3}(,\d{3})+$"),
)
_NUMBER_JUNK = re.compile(r"(?i)\s|\u00a0|\u202f|kr\.?$|dkk$|timer$|hours?$|t$")


def _strip_number(text: str) -> str:
    return _NUMBER_JUNK.sub("", text.strip()).lstrip("+")


def detect_decimal_comma(samples: Iterable[str], delimiter: str | None = None) -> bool:
    """Whether the numbers of a file use a decimal comma (Danish) rather than a point.

    Decided by the numbers themselves where they tell (`12,5`, `1.250,00` vs `12.5`); a file
    separated by `;` with nothing telling is taken as Danish Excel, anything else as English.
    """
    danish = english = 0
    for sample in samples:
        text = _strip_number(sample).lstrip("-")
        if any(p.search(text) for p in _DANISH_HINTS):
            danish += 1
        elif any(p.search(text) for p in _ENGLISH_HINTS):
            english += 1
    if danish != english:
        return danish > english
    return delimiter == ";"


def parse_number(value: object, decimal_comma: bool = False) -> float | int | None:
    """A number from a cell: a real number, or text such as `125.000,50`, `125000.50`,
    `1 250 kr.`. None if it is not a number."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return value
    if not isinstance(value, str):
        return None
    text = _strip_number(value)
    if not text:
        return None
    if "," in text and "." in text:
        decimal = "," if text.rfind(",") > text.rfind(".") else "."
    elif "," in text:
        grouped = re.fullmatch(r"-?\d{1,3}(,\d{3})+", text) is not None
        decimal = "." if grouped and (not decimal_comma or text.count(",") > 1) else ","
    elif "." in text:
        grouped = re.fullmatch(r"-?\d{1,3}(\.\d{3})+", text) is not None
        decimal = "," if grouped and (decimal_comma or text.count(".") > 1) else "."
    else:
        decimal = "."
    thousands = "." if decimal == "," else ","
    if re.fullmatch(rf"-?\d{{1,3}}(\{thousands}\d{{3}})+(\{decimal}\d+)?", text):
        text = text.replace(thousands, "")
    elif thousands in text:
        return None
    text = text.replace(decimal, ".")
    if not re.fullmatch(r"-?(\d+(\.\d*)?|\.\d+)", text):
        return None
    number = float(text)
    return int(number) if number.is_integer() and "." not in text else number


# ------------------------------------------------------------------ dates


def parse_date_value(value: object) -> date | None:
    """A date from a cell: a real date (XLSX) or text as `dd-mm-yyyy`, `dd.mm.yyyy`,
    `dd/mm/yyyy`, `d/m yyyy` or ISO `yyyy-mm-dd` (a time of day after it is ignored)."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        return None
    return read_date(value)


# ------------------------------------------------------------------ lists and text

_LIST_SPLIT = re.compile(r"\s*[;,]\s*")


def split_list(text: str) -> list[str]:
    """`a; b, c` -> ["a", "b", "c"] (blank parts dropped)."""
    return [part for part in _LIST_SPLIT.split(text.strip()) if part]


def cell_text(value: object) -> str:
    """A cell as text: whole numbers without `.0`, dates in ISO form, None as ''."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return (
            value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat()
        )
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


def is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())
