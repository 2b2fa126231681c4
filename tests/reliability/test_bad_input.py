"""Property-based import of interchange JSON, CSV and XLSX, valid and broken.

Every generated file goes through `coprod import` (in-process). Whatever it holds: no uncaught
exception, exit 0 or 3 only; on exit 3 a message that names the problem (the field, column or
file) and not one row changed in the database; a valid file imports completely.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from coprod_desktop.domain import model as d
from coprod_desktop.domain import vocab as v
from coprod_desktop.services import initiatives
from coprod_desktop.store import migrate
from tests.reliability.helpers import FIGURES, dump, remove_database

SECTORS = [m.value for m in v.Sector]
STATUSES = [m.value for m in v.Status]
ORIGINS = [m.value for m in v.Origin]
TYPES = [m.value for m in v.InitiativeType]

# Any Unicode a user might paste (no lone surrogates: they cannot be written as UTF-8).
ANY_TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
SHEET_TEXT = st.text(st.characters(exclude_categories=("Cs", "Cc")), max_size=40).filter(
    lambda s: not ILLEGAL_CHARACTERS_RE.search(s)
)
NAMES = st.sampled_from(["title", "sector", "status", "start_date", "origin", "type", "summary"])
JUNK = st.one_of(
    st.integers(),
    st.floats(allow_nan=True),
    st.booleans(),
    st.none(),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
    ANY_TEXT,
)
BAD_DATES = st.one_of(
    st.sampled_from(["2025-13-01", "2025-02-30", "31/02/2025", "yesterday", "", "2025-1-1x"]),
    ANY_TEXT,
)


@pytest.fixture
def importer(
    tmp_path: Path, head_template: Path, run_cli: Any, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Callable[[str, bytes], tuple[Any, bool]]]:
    """Import `data` as a file with `suffix` into a fresh copy of a small portfolio.

    Returns the CLI result and whether the database is exactly as before.
    """
    baseline = tmp_path / "baseline.sqlite"
    shutil.copyfile(head_template, baseline)
    db = migrate.open_database(str(baseline))
    for n in (1, 2):
        initiatives.create_initiative(
            db,
            d.InitiativeData(
                reference=f"CP-2020-00{n}", title=f"Før {n}", sector="harbours", status="active"
            ),
        )
    db.dispose()
    before = dump(baseline)
    target = tmp_path / "portfolio.sqlite"
    opened: list[Any] = []
    real_open = migrate.open_database

    def tracked(*args: Any, **kwargs: Any) -> Any:
        database = real_open(*args, **kwargs)
        opened.append(database)
        return database

    monkeypatch.setattr(migrate, "open_database", tracked)

    def run(suffix: str, data: bytes) -> tuple[Any, bool]:
        remove_database(target)
        shutil.copyfile(baseline, target)
        source = tmp_path / f"input{suffix}"
        source.write_bytes(data)
        try:
            result = run_cli("--db", str(target), "import", str(source))
        finally:
            while opened:
                opened.pop().dispose()
        assert "Traceback" not in result.err and "internal error" not in result.err, result.err
        if result.code not in (0, 3):
            FIGURES["crashes"] += 1
        assert result.code in (0, 3), result
        return result, dump(target) == before

    yield run


def _check(result: Any, unchanged: bool, hints: list[str], valid: bool, fmt: str) -> None:
    FIGURES[f"{fmt} cases"] += 1
    if valid:
        assert result.code == 0, result.err
    if result.code == 3:
        assert unchanged, "a refused import wrote something"
        assert result.err.strip()
        named = result.err.lower()
        assert any(h.lower() in named or h.replace("_", " ").lower() in named for h in hints), (
            hints,
            result.err,
        )
    else:
        assert not unchanged or "0 new" in result.out


# ------------------------------------------------------------------ interchange JSON


@st.composite
def json_initiative(draw: st.DrawFn, index: int) -> dict[str, Any]:
    start = draw(st.dates(date(1990, 1, 1), date(2040, 1, 1)))
    item: dict[str, Any] = {
        "key": f"i{index}",
        "title": draw(ANY_TEXT.filter(lambda s: s.strip() != "")),
        "sector": draw(st.sampled_from(SECTORS)),
        "status": draw(st.sampled_from(STATUSES)),
    }
    if draw(st.booleans()):
        item["reference"] = f"CP-2031-{index:03d}"
    optional = {
        "summary": ANY_TEXT,
        "description": ANY_TEXT,
        "area": ANY_TEXT,
        "origin": st.sampled_from(ORIGINS),
        "type": st.sampled_from(TYPES),
        "start_date": st.just(start.isoformat()),
        "end_date": st.just((start + timedelta(days=draw(st.integers(0, 4000)))).isoformat()),
    }
    for name, strategy in optional.items():
        if draw(st.booleans()):
            item[name] = draw(strategy)
    return item


@st.composite
def json_case(draw: st.DrawFn) -> tuple[bytes, list[str], bool]:
    count = draw(st.integers(1, 4))
    items = [draw(json_initiative(n)) for n in range(count)]
    document: Any = {
        "format": "coprod-interchange",
        "version": 1,
        "stakeholders": [],
        "initiatives": items,
    }
    breakage = draw(
        st.sampled_from(
            [
                "none",
                "drop_required",
                "bad_vocabulary",
                "wrong_type",
                "bad_date",
                "unknown_key",
                "huge_text",
                "duplicate_reference",
                "existing_reference",
                "not_a_document",
                "wrong_format",
                "truncated",
                "bad_encoding",
            ]
        )
    )
    victim = draw(st.integers(0, count - 1))
    item = items[victim]
    hints = ["input.json", f"initiatives[{victim}]"]
    if breakage == "drop_required":
        name = draw(st.sampled_from(["title", "sector", "status", "key"]))
        item.pop(name)
        hints.append(name)
    elif breakage == "bad_vocabulary":
        name = draw(st.sampled_from(["sector", "status", "origin", "type"]))
        item[name] = draw(ANY_TEXT.filter(lambda s: s not in SECTORS + STATUSES + ORIGINS + TYPES))
        hints.append(name)
    elif breakage == "wrong_type":
        name = draw(NAMES)
        item[name] = draw(JUNK.filter(lambda value: not isinstance(value, str)))
        hints.append(name)
    elif breakage == "bad_date":
        name = draw(st.sampled_from(["start_date", "end_date", "next_review"]))
        item[name] = draw(BAD_DATES)
        hints.append(name)
    elif breakage == "unknown_key":
        name = draw(st.sampled_from(["titel", "frobnicate", "Sector", "start"]))
        item[name] = draw(JUNK)
        hints.append(name)
    elif breakage == "huge_text":
        item[draw(st.sampled_from(["description", "summary", "area"]))] = "Æ🌊ب" * 200_000
    elif breakage == "duplicate_reference":
        for other in items:
            other["reference"] = "CP-2031-777"
        hints.append("CP-2031-777")
    elif breakage == "existing_reference":
        item["reference"] = "CP-2020-001"
        hints.append("CP-2020-001")
    elif breakage == "not_a_document":
        document = draw(
            st.one_of(st.lists(st.integers(), max_size=2), st.integers(), st.none(), ANY_TEXT)
        )
        hints.append("JSON object")
    elif breakage == "wrong_format":
        name = draw(st.sampled_from(["format", "version", "initiatives", "stakeholders"]))
        document[name] = draw(JUNK)
        hints.append(name)
    data = json.dumps(document, ensure_ascii=draw(st.booleans())).encode("utf-8")
    if breakage == "truncated":
        data = data[: draw(st.integers(0, len(data) - 1))]
    elif breakage == "bad_encoding":
        choice = draw(st.sampled_from(["utf-16", "latin-1 bytes", "random bytes"]))
        if choice == "utf-16":
            data = json.dumps(document, ensure_ascii=False).encode("utf-16")
        elif choice == "latin-1 bytes":
            at = draw(st.integers(0, len(data)))
            data = data[:at] + b"\xe6\xf8\xe5" + data[at:]
        else:
            data = draw(st.binary(min_size=1, max_size=200))
    # huge texts and vocabulary-free junk can still be fine: only untouched files must import
    return data, hints, breakage in ("none", "huge_text")


@given(case=json_case())
def test_generated_interchange_json(importer: Any, case: tuple[bytes, list[str], bool]) -> None:
    data, hints, valid = case
    result, unchanged = importer(".json", data)
    _check(result, unchanged, hints, valid, "JSON")


# ------------------------------------------------------------------ spreadsheets

COLUMNS = [
    "reference",
    "title",
    "summary",
    "area",
    "sector",
    "status",
    "origin",
    "type",
    "start_date",
]


@st.composite
def sheet_rows(draw: st.DrawFn, text: st.SearchStrategy[str]) -> list[dict[str, Any]]:
    rows = []
    for n in range(draw(st.integers(1, 5))):
        row: dict[str, Any] = {
            "reference": f"CP-2032-{n:03d}" if draw(st.booleans()) else "",
            "title": draw(text.filter(lambda s: s.strip() != "" and s.strip()[0] not in "=+-@")),
            "summary": draw(text),
            "area": draw(text),
            "sector": draw(st.sampled_from(SECTORS)),
            "status": draw(st.sampled_from(STATUSES)),
            "origin": draw(st.sampled_from(["", *ORIGINS])),
            "type": draw(st.sampled_from(["", *TYPES])),
            "start_date": draw(st.one_of(st.just(""), st.dates(date(1990, 1, 1)).map(str))),
        }
        rows.append(row)
    return rows


SHEET_BREAKAGES = [
    "none",
    "bad_vocabulary",
    "bad_date",
    "missing_column",
    "unknown_column",
    "duplicate_reference",
    "existing_reference",
    "truncated",
    "garbage",
    "empty",
]


def _break_rows(
    draw: st.DrawFn, rows: list[dict[str, Any]], breakage: str, text: Any
) -> tuple[list[str], list[str]]:
    """Mutate rows in place; returns the columns to write and the hints a refusal should name."""
    columns = list(COLUMNS)
    row = draw(st.sampled_from(rows))
    hints = ["input."] if breakage in ("truncated", "garbage", "empty") else []
    if breakage == "bad_vocabulary":
        name = draw(st.sampled_from(["sector", "status", "origin", "type"]))
        row[name] = draw(
            text.filter(
                lambda s: (
                    s.strip() != ""
                    and s.strip()[0] not in "=+-@"
                    and s.strip().lower() not in SECTORS + STATUSES + ORIGINS + TYPES
                )
            )
        )
        hints.append(name)
    elif breakage == "bad_date":
        row["start_date"] = draw(
            st.sampled_from(["2025-13-01", "30.02.2025", "next week", "2025/99/99", "0"])
        )
        hints.append("start_date")
    elif breakage == "missing_column":
        name = draw(st.sampled_from(["title", "sector", "status"]))
        columns.remove(name)
        hints.append(name)
    elif breakage == "unknown_column":
        columns.append("frobnicate")
        for each in rows:
            each["frobnicate"] = "x"
        hints.append("frobnicate")
    elif breakage == "duplicate_reference":
        for each in rows:
            each["reference"] = "CP-2032-777"
        hints.append("CP-2032-777")
    elif breakage == "existing_reference":
        row["reference"] = "CP-2020-001"
        hints.append("CP-2020-001")
    return columns, hints


@st.composite
def csv_case(draw: st.DrawFn) -> tuple[bytes, list[str], bool]:
    rows = draw(sheet_rows(ANY_TEXT.filter(lambda s: "\x00" not in s)))
    breakage = draw(st.sampled_from(SHEET_BREAKAGES))
    columns, hints = _break_rows(draw, rows, breakage, ANY_TEXT)
    delimiter = draw(st.sampled_from([",", ";", "\t"]))
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")  # CR/LF get quoted
    writer.writerow(columns)
    for row in rows:
        writer.writerow([row.get(c, "") for c in columns])
    text = buffer.getvalue()
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "cp1252"]))
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        data = text.encode("utf-8")
    if breakage == "truncated":
        data = data[: draw(st.integers(0, len(data) - 1))]
    elif breakage == "garbage":
        data = draw(st.binary(min_size=1, max_size=300))
    elif breakage == "empty":
        data = draw(st.sampled_from([b"", b"\n\n", b"\xef\xbb\xbf", b";;;\n"]))
    return data, hints, breakage == "none"


@given(case=csv_case())
def test_generated_csv(importer: Any, case: tuple[bytes, list[str], bool]) -> None:
    data, hints, valid = case
    result, unchanged = importer(".csv", data)
    _check(result, unchanged, hints, valid, "CSV")


@st.composite
def xlsx_case(draw: st.DrawFn) -> tuple[bytes, list[str], bool]:
    rows = draw(sheet_rows(SHEET_TEXT))
    breakage = draw(st.sampled_from([*SHEET_BREAKAGES, "cell_types"]))
    columns, hints = _break_rows(draw, rows, breakage, SHEET_TEXT)
    if breakage == "cell_types":  # numbers, dates and booleans where text is expected
        name = draw(st.sampled_from(["title", "sector", "status", "start_date", "type"]))
        draw(st.sampled_from(rows))[name] = draw(
            st.one_of(
                st.integers(-(10**6), 10**6), st.floats(-1e9, 1e9), st.booleans(), st.datetimes()
            )
        )
        hints.append(name)
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    if draw(st.booleans()):
        sheet.append(["Porteføljeoversigt"])  # a title row above the header
    sheet.append(columns)
    for row in rows:
        sheet.append([row.get(c, "") or None for c in columns])
    buffer = io.BytesIO()
    workbook.save(buffer)
    data = buffer.getvalue()
    if breakage == "truncated":
        data = data[: draw(st.integers(0, len(data) - 1))]
    elif breakage == "garbage":
        data = draw(st.binary(min_size=1, max_size=300))
    elif breakage == "empty":
        data = b""
    return data, hints, breakage == "none"


@given(case=xlsx_case())
def test_generated_xlsx(importer: Any, case: tuple[bytes, list[str], bool]) -> None:
    data, hints, valid = case
    result, unchanged = importer(".xlsx", data)
    _check(result, unchanged, hints, valid, "XLSX")
