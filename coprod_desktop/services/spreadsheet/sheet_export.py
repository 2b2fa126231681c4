"""Spreadsheets out: the (filtered) portfolio as CSV (the initiatives, one row each, in the
same columns the import reads) or XLSX (a sheet per entity). See `export_csv` for the CSV
dialect.
"""

from __future__ import annotations

import csv
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from coprod_desktop.domain import columns as cols
from coprod_desktop.domain import sheetparse as sp
from coprod_desktop.domain.messages import message
from coprod_desktop.services import exchange, safe_write
from coprod_desktop.services.portfolio_query import PortfolioFilter
from coprod_desktop.services.spreadsheet.sheet_import import unsupported
from coprod_desktop.store.db import Database


def _label(column: cols.Column, value: Any, lang: str, labels: bool) -> Any:
    if value is None or value == []:
        return None
    if column.kind == "vocab" and column.vocabulary is not None and labels:
        return column.vocabulary.get(value).label(lang)
    if column.kind == "vocab_list" and column.vocabulary is not None:
        vocabulary = column.vocabulary
        return "; ".join(vocabulary.get(x).label(lang) if labels else x for x in value)
    if column.kind == "bool":
        if labels:
            return message("label_yes" if value else "label_no", lang)
        return "true" if value else "false"
    if column.kind == "date" and isinstance(value, str):
        return date.fromisoformat(value)
    if column.kind == "names":
        return "; ".join(value)
    return value


@dataclass(frozen=True)
class Table:
    spec: cols.SheetSpec
    headers: list[str]
    rows: list[list[Any]]  # dates as date, numbers as int/float, text as str, blanks None


def export_tables(
    db: Database, flt: PortfolioFilter | None = None, lang: str = "en", *, labels: bool = True
) -> list[Table]:
    """The (filtered) portfolio as one table per sheet of `columns.SHEETS`.

    `labels`: headings and vocabulary values as labels in `lang` (else field names and keys).
    """
    document = exchange.export_document(db, flt)
    people = {s["key"]: s for s in document["stakeholders"]}
    out: dict[str, list[list[Any]]] = {spec.name: [] for spec in cols.SHEETS}
    specs = {spec.name: spec for spec in cols.SHEETS}

    def add(sheet: str, record: Mapping[str, Any]) -> None:
        out[sheet].append(
            [_label(c, record.get(c.field), lang, labels) for c in specs[sheet].columns]
        )

    for person in document["stakeholders"]:
        add("stakeholders", person)
    for item in document["initiatives"]:
        totals: dict[str, float] = {}
        for res in item["resources"]:
            for name, kind in cols.RESOURCE_COLUMNS.items():
                if res["kind"] == kind.value and not res.get("planned"):
                    totals[name] = totals.get(name, 0) + res["amount"]
        add("initiatives", {**item, **totals})
        ref = {"initiative": item["reference"]}
        for inv in item["stakeholders"]:
            person = people[inv["stakeholder"]]
            add(
                "involvements",
                {**inv, **ref, "stakeholder": person["name"], "stakeholder_key": person["key"]},
            )
        for mandate in item["mandates"]:
            add("mandates", {**mandate, **ref})
        for res in item["resources"]:
            source = people[res["source"]]["name"] if res.get("source") else None
            add("resources", {**res, **ref, "source": source})
        for pressure in item["cross_pressures"]:
            add("cross_pressures", {**pressure, **ref})
        for entry in item["journal"]:
            names = [people[k]["name"] for k in entry.get("participants", [])]
            add("journal", {**entry, **ref, "participants": names})
        for review in item["reviews"]:
            add("reviews", {**review, **ref})
        for promise in item.get("commitments", []):
            other = people[promise["counterpart"]]["name"] if promise.get("counterpart") else None
            add("commitments", {**promise, **ref, "counterpart": other})
        for outcome in item.get("outcomes", []):
            add("outcomes", {**outcome, **ref})
    return [
        Table(
            spec,
            [c.label(lang) if labels else (c.field) for c in spec.columns],
            out[spec.name],
        )
        for spec in cols.SHEETS
    ]


def _csv_text(value: Any, decimal_comma: bool) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        text = str(int(value)) if value.is_integer() else repr(value)
        return text.replace(".", ",") if decimal_comma else text
    if isinstance(value, str):
        return sp.guard_formula(value)  # no cell opens as a formula; the import strips the `'`
    return str(value)


def csv_dialect(lang: str) -> tuple[str, bool]:
    """(separator, decimal comma) for a CSV in `lang`: Danish Excel splits on `;` and reads
    a decimal comma; English Excel splits on `,` and reads a decimal point."""
    return (";", True) if lang == "da" else (",", False)


def export_csv(
    db: Database,
    path: Path,
    flt: PortfolioFilter | None = None,
    lang: str = "en",
    *,
    labels: bool = True,
    delimiter: str | None = None,
) -> int:
    """The initiatives, one row each, in the import's columns. UTF-8 with a BOM (Excel then
    reads æøå right), `;` and a decimal comma for Danish, `,` and a point for English, dates
    as ISO yyyy-mm-dd (read as dates by Excel in both). The import reads it back."""
    table = export_tables(db, flt, lang, labels=labels)[0]
    separator, decimal_comma = csv_dialect(lang)
    separator = delimiter or separator
    if separator == ",":
        decimal_comma = False
    with safe_write.atomic_write(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=separator)
        writer.writerow(table.headers)
        for row in table.rows:
            writer.writerow([_csv_text(value, decimal_comma) for value in row])
    return len(table.rows)


def _width(header: str, values: list[Any]) -> float:
    longest = len(header)
    for value in values[:500]:
        if isinstance(value, date):
            length = 10
        elif isinstance(value, int | float):
            length = len(f"{value:,.2f}")
        else:
            length = max((len(line) for line in str(value).splitlines()), default=0)
        longest = max(longest, length)
    return float(min(max(longest + 2, 8), 60))


XLSX_CELL_LIMIT = 32_767  # Excel refuses longer cells; the JSON export keeps everything


def _xlsx_text(sheet: Any, value: str) -> Any:
    """Text as XLSX can hold it: control characters XML forbids are left out, text beyond
    Excel's cell limit is cut (marked with …), and a leading `=` stays text, not a formula."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    text = ILLEGAL_CHARACTERS_RE.sub("", value)
    if len(text) > XLSX_CELL_LIMIT:
        text = text[: XLSX_CELL_LIMIT - 1] + "…"
    if not text.startswith("="):
        return text
    cell = WriteOnlyCell(sheet, value=text)
    cell.data_type = "s"
    return cell


def export_xlsx(
    db: Database,
    path: Path,
    flt: PortfolioFilter | None = None,
    lang: str = "en",
    *,
    labels: bool = True,
) -> int:
    """A workbook with a sheet per entity: bold frozen header with a filter, widths from the
    content, dates as real dates, amounts as numbers."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    tables = export_tables(db, flt, lang, labels=labels)
    workbook = Workbook(write_only=True)
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="DDE5F0")
    for table in tables:
        sheet = workbook.create_sheet(table.spec.label(lang)[:31] if labels else table.spec.name)
        sheet.freeze_panes = "A2"
        for index, header in enumerate(table.headers):
            values = [row[index] for row in table.rows if row[index] is not None]
            sheet.column_dimensions[get_column_letter(index + 1)].width = _width(header, values)
        if table.headers:
            last = get_column_letter(len(table.headers))
            sheet.auto_filter.ref = f"A1:{last}{len(table.rows) + 1}"
        heading = []
        for header in table.headers:
            cell = WriteOnlyCell(sheet, value=header)
            cell.font = bold
            cell.fill = fill
            cell.alignment = Alignment(vertical="top")
            heading.append(cell)
        sheet.append(heading)
        for row in table.rows:
            cells: list[Any] = []
            for value in row:
                if isinstance(value, date):
                    cell = WriteOnlyCell(sheet, value=value)
                    cell.number_format = "yyyy-mm-dd"
                    cells.append(cell)
                elif isinstance(value, float) and not value.is_integer():
                    cell = WriteOnlyCell(sheet, value=value)
                    cell.number_format = "#,##0.00"
                    cells.append(cell)
                elif isinstance(value, str):
                    cells.append(_xlsx_text(sheet, value))
                else:
                    cells.append(value)
            sheet.append(cells)
    with safe_write.atomic_path(path) as temporary:
        workbook.save(temporary)
    return len(tables[0].rows)


def export_file(
    db: Database, path: Path, flt: PortfolioFilter | None = None, lang: str = "en"
) -> int:
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return export_csv(db, path, flt, lang)
    if suffix == ".xlsx":
        return export_xlsx(db, path, flt, lang)
    raise unsupported(path)
