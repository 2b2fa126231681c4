"""Importing a file chosen by its suffix: the interchange JSON (`services.exchange`), a
`.coprodz` bundle (`services.bundle`) or a CSV/XLSX spreadsheet (`services.spreadsheet`).

One service for `coprod import` and the import wizard: `opened` reads a file (and refuses a bad
one) before any database is touched, `analyse` checks it completely without writing and returns
plain data for a preview, `import_opened` / `import_file` write, all or nothing. It sits above
the exchange and the spreadsheet packages so neither imports the other to dispatch.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from coprod_desktop.domain import columns as cols
from coprod_desktop.domain.errors import InputFileError, Problem, ValidationError
from coprod_desktop.services import attachments, bundle, exchange, portfolio_query, spreadsheet
from coprod_desktop.store.db import Database

ALLOWED_SUFFIXES = ".json, .coprodz, .csv, .xlsx"
SHEET_SUFFIXES = (".csv", ".xlsx")
IMPORT_SUFFIXES = (".json", ".coprodz", *SHEET_SUFFIXES)  # .coprodz: JSON plus the documents
PREVIEW_ROWS = 20
JSON_COLUMNS = ("reference", "title", "sector", "status", "type", "start_date")
_JSON_PATH = re.compile(r"^initiatives\[(\d+)\](?:\.([a-z_]+))?")


def is_sheet(path: Path) -> bool:
    return path.suffix.lower() in SHEET_SUFFIXES


# ---------------------------------------------------------------- reading


@dataclass
class Opened:
    """A file read and parsed, before any database is touched."""

    path: Path
    kind: str  # "json" | "coprodz" | "csv" | "xlsx"
    document: Any = None  # the interchange document (json, coprodz)
    files: Any = None  # a bundle's documents by checksum
    sheet: spreadsheet.RawSheet | None = None
    column_map: dict[str, str | None] = field(default_factory=dict)


@contextmanager
def opened(path: Path, column_map: Mapping[str, str | None] | None = None) -> Iterator[Opened]:
    """Read `path` by its suffix; a file that cannot be imported is refused here, before the
    database opens. A bundle stays open (its documents are read from it) inside the block."""
    suffix = path.suffix.lower()
    mapping = dict(column_map or {})
    if suffix in SHEET_SUFFIXES:
        yield Opened(
            path, suffix[1:], sheet=spreadsheet.read_sheet(path, mapping), column_map=mapping
        )
        return
    if suffix == ".coprodz":
        with bundle.open_bundle(path) as (document, files):
            yield Opened(path, "coprodz", document, files)
        return
    if suffix != ".json":
        raise InputFileError(
            "unsupported_format", suffix=suffix or path.name, allowed=ALLOWED_SUFFIXES
        )
    yield Opened(path, "json", exchange.read_json_file(path))


# ---------------------------------------------------------------- importing


def import_opened(
    db: Database,
    source: Opened,
    *,
    merge: bool = False,
    dry_run: bool = False,
    force: str | None = None,
) -> exchange.ImportResult:
    """Import what `opened` read, all or nothing; the history names the file. A bundle's
    documents then have their words extracted for the search."""
    if source.sheet is not None:
        return spreadsheet.import_sheet(
            db, source.sheet, source.column_map, merge=merge, dry_run=dry_run
        )
    result = exchange.import_document(
        db,
        source.document,
        merge=merge,
        dry_run=dry_run,
        force=force,
        files=source.files,
        source=source.path.name,
    )
    if source.kind == "coprodz" and not dry_run:
        attachments.extract_pending(db)
    return result


def import_file(
    db: Database,
    path: Path,
    *,
    column_map: Mapping[str, str | None] | None = None,
    merge: bool = False,
    dry_run: bool = False,
    force: str | None = None,
) -> exchange.ImportResult:
    """Import .json (interchange), a .coprodz bundle or a .csv/.xlsx spreadsheet."""
    with opened(path, column_map) as source:
        return import_opened(db, source, merge=merge, dry_run=dry_run, force=force)


def imported_titles(db: Database, references: Sequence[str]) -> dict[str, str]:
    """The titles of the initiatives an import made or updated, by reference."""
    wanted = set(references)
    return {
        row.reference: row.title
        for row in portfolio_query.rows(db)
        if row.reference is not None and row.reference in wanted
    }


# ---------------------------------------------------------------- analysing (no writing)


@dataclass(frozen=True)
class Located:
    """A problem placed where the user sees it: row number and column key (None if neither)."""

    row: int | None
    column: str | None
    text: str


@dataclass
class Analysis:
    """What a preview shows; nothing has been written."""

    kind: str  # "json" | "csv" | "xlsx"
    path: Path
    columns: list[tuple[str, str, str | None]]  # (key, heading shown, field it is read as)
    rows: list[tuple[int, dict[str, str]]]  # (row number, key -> cell text as written)
    row_count: int
    problems: list[Located]
    layout_key: str | None = None
    unknown_headers: list[str] = field(default_factory=list)
    samples: dict[str, list[str]] = field(default_factory=dict)  # heading -> first values
    recognised: dict[str, str] = field(default_factory=dict)  # heading -> field, known by name
    # how a spreadsheet was read (the preview says so)
    delimiter: str | None = None
    decimal_comma: bool = False
    encoding: str | None = None
    header_row: int | None = None

    @property
    def ok(self) -> bool:
        return not self.problems and self.row_count > 0


def first_look(path: Path) -> Analysis:
    """A spreadsheet's headings without any mapping (for choosing what unknown ones hold)."""
    sheet = spreadsheet.read_sheet(path)
    parsed = spreadsheet.parse_sheet(sheet)
    samples: dict[str, list[str]] = {}
    recognised = {c.header: c.field for c in parsed.columns if c.field is not None}
    for column in parsed.columns:
        found: list[str] = []
        for number, cells in sheet.rows:
            if parsed.header_row is not None and number <= parsed.header_row:
                continue
            value = cells[column.index] if column.index < len(cells) else None
            text = "" if value is None else str(value).strip()
            if text and text != column.header and text not in found:
                found.append(text)
            if len(found) >= 3:
                break
        samples[column.header] = found
    return Analysis(
        sheet.source,
        path,
        [],
        [],
        parsed.row_count,
        [],
        layout_key=parsed.layout_key if parsed.columns else None,
        unknown_headers=parsed.unknown_headers,
        samples=samples,
        recognised=recognised,
    )


def analyse_sheet(
    db: Database, path: Path, mapping: Mapping[str, str], merge: bool, lang: str
) -> Analysis:
    column_map: dict[str, str | None] = dict(mapping)
    preview = spreadsheet.preview(db, path, column_map, merge=merge)
    shown = [c for c in preview.columns if c.field]
    rows = [
        (r.row, {c.header: r.values.get(c.field or "", "") for c in shown})
        for r in preview.rows[:PREVIEW_ROWS]
    ]
    return Analysis(
        preview.source,
        path,
        [(c.header, c.header, c.field) for c in shown],
        rows,
        preview.row_count,
        [Located(p.row, p.column, p.message(lang)) for p in preview.problems],
        preview.layout_key if preview.columns else None,
        preview.unknown_headers,
        delimiter=preview.delimiter,
        decimal_comma=preview.decimal_comma,
        encoding=preview.encoding,
        header_row=preview.header_row,
    )


def _json_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(str(x) for x in value)
    return str(value)


def _json_located(problem: Problem, lang: str) -> Located:
    match = _JSON_PATH.match(problem.path)
    if match is None:
        return Located(None, None, problem.message(lang))
    return Located(int(match[1]) + 1, match[2], problem.message(lang))


def analyse_json(db: Database, path: Path, merge: bool, lang: str) -> Analysis:
    with opened(path) as source:
        document = source.document
    _stakeholders, initiatives, problems = exchange.check_document(document)
    if not problems:
        try:
            exchange.import_document(db, document, merge=merge, dry_run=True)
        except ValidationError as error:
            problems = list(error.problems)
    items = initiatives
    if not items and isinstance(document, dict) and isinstance(document.get("initiatives"), list):
        items = [i for i in document["initiatives"] if isinstance(i, dict)]
    columns: list[tuple[str, str, str | None]] = []
    for key in JSON_COLUMNS:
        column = cols.IMPORT_COLUMNS.get(key)
        columns.append((key, column.label(lang) if column else key, None))
    rows = [
        (index + 1, {key: _json_cell(item.get(key)) for key in JSON_COLUMNS})
        for index, item in enumerate(items[:PREVIEW_ROWS])
    ]
    return Analysis(
        "json", path, columns, rows, len(items), [_json_located(p, lang) for p in problems]
    )


def analyse(
    db: Database, path: Path, mapping: Mapping[str, str], merge: bool, lang: str
) -> Analysis:
    """Read and check a file completely without writing."""
    if is_sheet(path):
        return analyse_sheet(db, path, mapping, merge, lang)
    return analyse_json(db, path, merge, lang)
