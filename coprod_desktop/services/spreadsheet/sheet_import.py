"""Spreadsheets in: CSV and XLSX, one row per initiative.

The file is read (encoding, separator and decimal mark detected), the header row is found (the
first row naming known columns, so a title row above it, merged heading cells or empty rows do
no harm), every cell is converted (vocabulary labels in English or Danish become keys; Danish
and ISO dates and numbers are read), and the rows become an interchange document that
`exchange.import_document` imports, all or nothing. Every problem is reported by the row number
and the column heading the user sees in the spreadsheet.

`preview` does all of that without writing and returns plain data for the GUI's preview and
column-mapping dialog; `import_sheet` writes. `column_map` (heading -> field, "" to leave a
column out) lets the GUI map headings the import does not know.
"""

from __future__ import annotations

import csv
import hashlib
import re
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from coprod_desktop.domain import columns as cols
from coprod_desktop.domain import sheetparse as sp
from coprod_desktop.domain import vocab as v
from coprod_desktop.domain.errors import InputFileError, Problem, ValidationError
from coprod_desktop.domain.messages import message
from coprod_desktop.domain.typology import Text
from coprod_desktop.services import exchange
from coprod_desktop.store.db import Database

SUFFIXES = (".csv", ".xlsx")
HEADER_SEARCH_ROWS = 30  # the header row must be among the first rows that hold anything
PREVIEW_ROWS = 20


@dataclass(frozen=True)
class SheetProblem(Problem):
    """A problem located the way the user sees the spreadsheet: row number and column heading.

    `path` keeps the field name (e.g. `sector`) for code; `message()` names row and column.
    """

    row: int | None = None
    column: str | None = None

    def location(self, lang: str = "en") -> str:
        if self.row is not None and self.column:
            return message("sheet_at_row_column", lang, row=self.row, column=self.column)
        if self.row is not None:
            return message("sheet_at_row", lang, row=self.row)
        if self.column:
            return message("sheet_at_column", lang, column=self.column)
        return ""

    def message(self, lang: str = "en") -> str:
        text = message(self.code, lang, **self.params)
        where = self.location(lang)
        return f"{where}: {text}" if where else text


@dataclass(frozen=True)
class RawSheet:
    """The cells of a file as read, before any meaning is given to them."""

    rows: list[tuple[int, list[Any]]]  # (row number as the user sees it, cells)
    source: str  # "csv" | "xlsx"
    name: str
    delimiter: str | None = None
    encoding: str | None = None
    sheet_name: str | None = None


@dataclass(frozen=True)
class SheetColumn:
    index: int  # 0-based position in the row
    letter: str  # A, B, … as in Excel
    header: str  # the heading as written
    field: str | None  # the import field, None if unknown or left out
    ignored: bool = False  # mapped to "" (left out on purpose)


@dataclass(frozen=True)
class PreviewRow:
    row: int
    values: dict[str, str]  # field -> the cell as text


@dataclass
class SheetPreview:
    """Everything the GUI's preview needs; nothing has been written."""

    source: str
    header_row: int | None
    columns: list[SheetColumn]
    rows: list[PreviewRow]  # the first PREVIEW_ROWS data rows
    row_count: int
    problems: list[SheetProblem]
    document: dict[str, Any]
    delimiter: str | None = None
    encoding: str | None = None
    decimal_comma: bool = False
    unnamed_columns_with_data: list[str] = field(default_factory=list)
    row_numbers: list[int] = field(default_factory=list)  # of every data row, in order

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def unknown_headers(self) -> list[str]:
        return [c.header for c in self.columns if c.field is None and not c.ignored]

    @property
    def layout_key(self) -> str:
        """A stable key of the heading layout, so the GUI can remember a column mapping."""
        return header_layout_key([c.header for c in self.columns])

    def problems_by_row(self) -> dict[int | None, list[SheetProblem]]:
        out: dict[int | None, list[SheetProblem]] = {}
        for problem in self.problems:
            out.setdefault(problem.row, []).append(problem)
        return out

    def report(self, lang: str = "en") -> list[str]:
        return [p.message(lang) for p in self.problems]


def header_layout_key(headers: Sequence[str]) -> str:
    joined = "\x1f".join(cols.normalise_header(h) for h in headers)
    return hashlib.sha1(joined.encode("utf-8")).hexdigest()[:16]


# ---------------------------------------------------------------- reading files


def _letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def unsupported(path: Path) -> InputFileError:
    return InputFileError(
        "unsupported_format", suffix=path.suffix or path.name, allowed=".json, .csv, .xlsx"
    )


def read_sheet(path: Path, column_map: Mapping[str, str | None] | None = None) -> RawSheet:
    """The cells of a .csv or .xlsx file. Raises InputFileError if it cannot be read at all."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise unsupported(path)
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise InputFileError(
            "file_unreadable", path=str(path), reason=error.strerror or str(error)
        ) from None
    if suffix == ".csv":
        return read_csv_bytes(raw, path.name, column_map)
    return _read_xlsx(path)


def read_csv_bytes(
    raw: bytes, name: str = "sheet.csv", column_map: Mapping[str, str | None] | None = None
) -> RawSheet:
    text, encoding = sp.decode_text(raw)
    mapped = {cols.normalise_header(k) for k in (column_map or {})}
    delimiter = sp.detect_delimiter(
        text,
        lambda cell: cols.match_header(cell) is not None or cols.normalise_header(cell) in mapped,
    )
    try:
        records = sp.read_csv_rows(text, delimiter)
    except csv.Error as error:
        raise InputFileError("file_unreadable", path=name, reason=str(error)) from None
    rows = [(number, list(cells)) for number, cells in enumerate(records, start=1)]
    return RawSheet(rows, "csv", name, delimiter=delimiter, encoding=encoding)


#: what an .xlsx may unpack to before it is parsed: real workbooks stay far below both, a
#: decompression bomb (a small file of highly compressible content) does not
XLSX_MAX_UNPACKED = 200 * 1024 * 1024
XLSX_MAX_RATIO = 100
XLSX_RATIO_FLOOR = 10 * 1024 * 1024  # below this, any ratio is harmless


def check_xlsx_size(path: Path) -> None:
    """Refuse a workbook whose members would unpack to too much, or too much for their size
    (the sizes the zip declares bound what is unpacked: more is a CRC error when read)."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return  # not a zip at all: the workbook reader says so in its own words
    unpacked = sum(max(0, m.file_size) for m in members)
    packed = sum(max(0, m.compress_size) for m in members)
    mb = 1024 * 1024
    if unpacked > XLSX_MAX_UNPACKED:
        raise InputFileError(
            "xlsx_too_large",
            path=str(path),
            size=unpacked // mb,
            limit=XLSX_MAX_UNPACKED // mb,
        )
    if unpacked > XLSX_RATIO_FLOOR and unpacked > XLSX_MAX_RATIO * max(packed, 1):
        raise InputFileError(
            "xlsx_ratio",
            path=str(path),
            ratio=unpacked // max(packed, 1),
            limit=XLSX_MAX_RATIO,
        )


def _read_xlsx(path: Path) -> RawSheet:
    from openpyxl import load_workbook  # only when a workbook is read

    check_xlsx_size(path)
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        raise InputFileError(
            "file_unreadable", path=str(path), reason=str(error) or "not an .xlsx workbook"
        ) from None
    except Exception as error:  # openpyxl's own InvalidFileException and friends
        raise InputFileError("file_unreadable", path=str(path), reason=str(error)) from None
    try:
        sheet = workbook.active
        if not hasattr(sheet, "reset_dimensions"):  # none, or a chart sheet
            if not workbook.worksheets:
                raise InputFileError("file_unreadable", path=str(path), reason="no worksheet")
            sheet = workbook.worksheets[0]
        # The stored dimension is only what the writing program claims; a workbook that
        # understates it would lose its last rows, so every row present is read.
        sheet.reset_dimensions()
        rows = [
            (number, list(cells))
            for number, cells in enumerate(sheet.iter_rows(min_row=1, values_only=True), start=1)
        ]
        title = str(sheet.title)
    except InputFileError:
        raise
    except Exception as error:  # a damaged member (CRC, XML) shows only when it is read
        raise InputFileError("file_unreadable", path=str(path), reason=str(error)) from None
    finally:
        workbook.close()
    return RawSheet(rows, "xlsx", path.name, sheet_name=title)


# ---------------------------------------------------------------- headings


def _field_for(header: str, column_map: Mapping[str, str | None]) -> tuple[str | None, bool]:
    """(field, ignored) for a heading: the GUI's mapping first, then the known headings."""
    wanted = cols.normalise_header(header)
    for key, target in column_map.items():
        if cols.normalise_header(key) == wanted:
            if not target:
                return None, True
            return target, False
    return cols.match_header(header), False


def _is_known(cell: Any, column_map: Mapping[str, str | None]) -> bool:
    if sp.is_blank(cell):
        return False
    found, ignored = _field_for(sp.cell_text(cell), column_map)
    return found is not None or ignored


def _find_header(
    rows: list[tuple[int, list[Any]]], column_map: Mapping[str, str | None]
) -> int | None:
    """Index into `rows` of the header row: the first row that names at least two known
    columns, or only known columns."""
    looked = 0
    for index, (_number, cells) in enumerate(rows):
        filled = [c for c in cells if not sp.is_blank(c)]
        if not filled:
            continue
        known = sum(1 for c in filled if _is_known(c, column_map))
        if known >= 2 or (known >= 1 and known == len(filled)):
            return index
        looked += 1
        if looked >= HEADER_SEARCH_ROWS:
            break
    return None


def _columns(
    header: list[Any], below: list[Any] | None, column_map: Mapping[str, str | None]
) -> list[SheetColumn]:
    """The columns from the header row, completed from a second heading row under it
    (a merged group heading above sub-headings)."""
    width = max(len(header), len(below or []))
    out = []
    for index in range(width):
        top = header[index] if index < len(header) else None
        sub = below[index] if below is not None and index < len(below) else None
        chosen = top
        use_sub = not _is_known(top, column_map) and _is_known(sub, column_map)
        if use_sub or (sp.is_blank(top) and not sp.is_blank(sub)):
            chosen = sub
        if sp.is_blank(chosen):
            continue
        text = sp.cell_text(chosen)
        found, ignored = _field_for(text, column_map)
        out.append(SheetColumn(index, _letter(index), text, found, ignored))
    return out


def _is_subheading_row(cells: list[Any], column_map: Mapping[str, str | None]) -> bool:
    filled = [c for c in cells if not sp.is_blank(c)]
    return bool(filled) and all(_is_known(c, column_map) for c in filled)


# ---------------------------------------------------------------- cells to a document


def _allowed(vocabulary: type[v.Vocabulary]) -> Text:
    """The values a cell may hold, as the reader's language labels them (a sheet takes labels)."""
    return Text(
        ", ".join(member.label("en") for member in vocabulary),
        ", ".join(member.label("da") for member in vocabulary),
    )


class _Builder:
    def __init__(self, column_map: Mapping[str, str | None]) -> None:
        self.column_map = column_map
        self.problems: list[SheetProblem] = []
        self.reported: set[tuple[int | None, str | None]] = set()

    def problem(
        self, row: int | None, column: str | None, path: str, code: str, /, **params: Any
    ) -> None:
        if (row, column) in self.reported and row is not None:
            return
        self.reported.add((row, column))
        self.problems.append(SheetProblem(path, code, params, row=row, column=column))

    def convert(self, column: SheetColumn, row: int, value: Any, decimal_comma: bool) -> Any:
        """The cell as an interchange value, or None (blank or bad; bad ones are reported)."""
        assert column.field is not None
        spec = cols.IMPORT_COLUMNS[column.field]
        if sp.is_blank(value):
            return None
        text = sp.cell_text(value)
        where = (row, column.header, column.field)
        if spec.kind == "vocab":
            assert spec.vocabulary is not None
            member = spec.vocabulary.from_key_or_label(text)
            if member is None:
                self.problem(*where, "unknown_key", value=text, allowed=_allowed(spec.vocabulary))
                return None
            return member.value
        if spec.kind == "vocab_list":
            assert spec.vocabulary is not None
            keys: list[str] = []
            for part in sp.split_list(text):
                member = spec.vocabulary.from_key_or_label(part)
                if member is None:
                    self.problem(
                        *where, "unknown_key", value=part, allowed=_allowed(spec.vocabulary)
                    )
                    return None
                if member.value not in keys:
                    keys.append(member.value)
            return keys
        if spec.kind == "date":
            parsed = sp.parse_date_value(value)
            if parsed is None:
                self.problem(*where, "sheet_bad_date", value=text)
                return None
            return parsed.isoformat()
        if spec.kind == "number":
            number = sp.parse_number(value, decimal_comma)
            if number is None:
                self.problem(*where, "not_a_number", value=text)
            return number
        return text


def parse_sheet(
    sheet: RawSheet,
    column_map: Mapping[str, str | None] | None = None,
    *,
    existing_references: frozenset[str] = frozenset(),
) -> SheetPreview:
    """Read a sheet into an interchange document and every problem, without a database.

    `existing_references` (upper case) are initiatives a merge will update: their rows do not
    replace the initiative's resources with the budget/hours columns.
    """
    mapping = dict(column_map or {})
    builder = _Builder(mapping)
    rows = sheet.rows
    header_index = _find_header(rows, mapping)
    empty_document: dict[str, Any] = {
        "format": exchange.FORMAT,
        "version": exchange.VERSION,
        "stakeholders": [],
        "initiatives": [],
    }
    if header_index is None:
        builder.problem(None, None, "", "sheet_no_header")
        return SheetPreview(
            sheet.source,
            None,
            [],
            [],
            0,
            builder.problems,
            empty_document,
            sheet.delimiter,
            sheet.encoding,
        )
    header_number, header_cells = rows[header_index]
    data_start = header_index + 1
    below = None
    for look in range(header_index + 1, len(rows)):
        if any(not sp.is_blank(c) for c in rows[look][1]):
            if _is_subheading_row(rows[look][1], mapping):
                below = rows[look][1]
                data_start = look + 1
            break
    columns = _columns(header_cells, below, mapping)

    # Headings: unknown, mapped to unknown fields, twice the same field, required ones missing.
    seen: dict[str, str] = {}
    for column in columns:
        if column.ignored:
            continue
        if column.field is None:
            builder.problem(header_number, column.header, "", "sheet_unknown_column")
        elif column.field not in cols.IMPORT_COLUMNS:
            builder.problem(
                header_number,
                column.header,
                column.field,
                "sheet_unknown_field",
                value=column.field,
            )
        elif column.field in seen:
            builder.problem(
                header_number,
                column.header,
                column.field,
                "sheet_duplicate_column",
                other=seen[column.field],
            )
        else:
            seen[column.field] = column.header
    usable = [
        c for c in columns if c.field in cols.IMPORT_COLUMNS and seen.get(c.field) == c.header
    ]
    missing = [f for f in ("title", "sector", "status") if f not in seen]
    for name in missing:
        builder.problem(
            header_number,
            None,
            name,
            "sheet_missing_column",
            column=f"{cols.IMPORT_COLUMNS[name].en} / {cols.IMPORT_COLUMNS[name].da}",
        )

    data_rows = [
        (n, cells) for n, cells in rows[data_start:] if any(not sp.is_blank(c) for c in cells)
    ]
    number_samples = [
        cells[c.index]
        for _n, cells in data_rows
        for c in usable
        if cols.IMPORT_COLUMNS[c.field or ""].kind == "number"
        # a coordinate such as 56,412 looks like a thousands group: it cannot tell
        and c.field not in ("latitude", "longitude")
        and c.index < len(cells)
        and isinstance(cells[c.index], str)
    ]
    decimal_comma = sp.detect_decimal_comma(number_samples, sheet.delimiter)
    named = {c.index for c in columns}
    unnamed: set[str] = set()

    initiatives: list[dict[str, Any]] = []
    resource_columns: list[list[str]] = []
    preview_rows: list[PreviewRow] = []
    for number, cells in data_rows:
        item: dict[str, Any] = {"key": f"row{number}"}
        resources: list[dict[str, Any]] = []
        headers_of_resources: list[str] = []
        shown: dict[str, str] = {}
        for index, value in enumerate(cells):
            if index not in named and not sp.is_blank(value):
                unnamed.add(_letter(index))
        for column in usable:
            value = cells[column.index] if column.index < len(cells) else None
            assert column.field is not None
            shown[column.field] = sp.cell_text(value)
            converted = builder.convert(column, number, value, decimal_comma)
            if converted is None or converted == []:
                continue
            if column.field in cols.RESOURCE_COLUMNS:
                kind = cols.RESOURCE_COLUMNS[column.field]
                resources.append(
                    {
                        "kind": kind.value,
                        "amount": converted,
                        "unit": v.RESOURCE_UNITS[kind],
                        "planned": False,
                    }
                )
                headers_of_resources.append(column.header)
            else:
                item[column.field] = converted
        reference = str(item.get("reference") or "").strip().upper()
        if resources and reference not in existing_references:
            item["resources"] = resources
        else:
            headers_of_resources = []
        initiatives.append(item)
        resource_columns.append(headers_of_resources)
        if len(preview_rows) < PREVIEW_ROWS:
            preview_rows.append(PreviewRow(number, shown))

    document = {**empty_document, "initiatives": initiatives}
    numbers = [n for n, _cells in data_rows]
    header_of = {c.field: c.header for c in usable if c.field is not None}
    if initiatives:
        _stakeholders, _items, problems = exchange.check_document(document)
        for problem in problems:
            located = locate(problem, numbers, header_of, resource_columns)
            if located.path in missing and located.code == "required":
                continue  # reported once for the missing column
            builder.problem(
                located.row, located.column, located.path, located.code, **located.params
            )
    return SheetPreview(
        source=sheet.source,
        header_row=header_number,
        columns=columns,
        rows=preview_rows,
        row_count=len(data_rows),
        problems=builder.problems,
        document=document,
        delimiter=sheet.delimiter,
        encoding=sheet.encoding,
        decimal_comma=decimal_comma,
        unnamed_columns_with_data=sorted(unnamed, key=lambda s: (len(s), s)),
        row_numbers=numbers,
    )


_PATH = re.compile(r"^initiatives\[(\d+)\](?:\.(\w+))?(?:\[(\d+)\])?(?:\.(\w+))?")


def locate(
    problem: Problem,
    row_numbers: Sequence[int],
    header_of: Mapping[str, str],
    resource_columns: Sequence[Sequence[str]],
) -> SheetProblem:
    """A problem about the document (path `initiatives[3].sector`) placed in the sheet."""
    match = _PATH.match(problem.path)
    if match is None:
        return SheetProblem(problem.path, problem.code, problem.params)
    item = int(match[1])
    row = row_numbers[item] if item < len(row_numbers) else None
    name = match[2]
    column: str | None = None
    path = name or ""
    if name == "resources" and match[3] is not None:
        index = int(match[3])
        headers = resource_columns[item] if item < len(resource_columns) else []
        column = headers[index] if index < len(headers) else None
        path = match[4] or "resources"
    elif name is not None:
        column = header_of.get(name)
    return SheetProblem(path, problem.code, problem.params, row=row, column=column)


# ---------------------------------------------------------------- the service


def _existing(db: Database, document: Mapping[str, Any]) -> frozenset[str]:
    from sqlalchemy import func, select

    from coprod_desktop.store import models as m

    wanted = sorted(
        {str(i.get("reference") or "").strip().upper() for i in document["initiatives"]} - {""}
    )
    found: set[str] = set()
    with db.session() as session:
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            found |= set(
                session.scalars(
                    select(func.upper(m.Initiative.reference)).where(
                        func.upper(m.Initiative.reference).in_(chunk)
                    )
                )
            )
    return frozenset(found)


def _source(source: Path | RawSheet, column_map: Mapping[str, str | None] | None) -> RawSheet:
    return source if isinstance(source, RawSheet) else read_sheet(source, column_map)


def preview(
    db: Database | None,
    source: Path | RawSheet,
    column_map: Mapping[str, str | None] | None = None,
    *,
    merge: bool = False,
) -> SheetPreview:
    """Check a spreadsheet completely and write nothing: every problem by row and column,
    including references that already exist (when `db` is given and not merging)."""
    sheet = _source(source, column_map)
    result = parse_sheet(sheet, column_map)
    if db is None or not result.document["initiatives"]:
        return result
    if merge:
        result = parse_sheet(sheet, column_map, existing_references=_existing(db, result.document))
    if result.problems:
        return result
    try:
        exchange.import_document(db, result.document, merge=merge, dry_run=True)
    except ValidationError as error:
        header_of = {c.field: c.header for c in result.columns if c.field}
        result.problems.extend(locate(p, result.row_numbers, header_of, []) for p in error.problems)
    return result


def import_sheet(
    db: Database,
    source: Path | RawSheet,
    column_map: Mapping[str, str | None] | None = None,
    *,
    merge: bool = False,
    dry_run: bool = False,
) -> exchange.ImportResult:
    """Import a spreadsheet, all or nothing. Raises ValidationError whose problems are
    SheetProblems (row and column) if any row is bad; then nothing was written."""
    sheet = _source(source, column_map)
    result = preview(db, sheet, column_map, merge=merge)
    if result.problems:
        raise ValidationError(list(result.problems))
    try:
        return exchange.import_document(
            db, result.document, merge=merge, dry_run=dry_run, source=sheet.name
        )
    except ValidationError as error:
        header_of = {c.field: c.header for c in result.columns if c.field}
        raise ValidationError(
            [locate(p, result.row_numbers, header_of, []) for p in error.problems]
        ) from None
