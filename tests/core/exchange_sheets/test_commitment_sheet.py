"""The XLSX export has a Commitments sheet: one row per commitment, in the export's language."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from coprod_desktop.services import exchange, spreadsheet
from coprod_desktop.store.db import Database


def test_the_workbook_has_a_commitments_sheet_in_danish(db: Database, tmp_path: Path) -> None:
    exchange.load_demo(db, "da")
    path = tmp_path / "portefølje.xlsx"
    spreadsheet.export_file(db, path, None, "da")
    book = openpyxl.load_workbook(path, read_only=True)
    sheet = book["Aftaler"]
    rows = list(sheet.iter_rows(values_only=True))
    header = rows[0]
    assert header[:3] == ("Initiativ", "Aftale", "Status")
    body = [dict(zip(header, row, strict=False)) for row in rows[1:] if any(row)]
    assert len(body) == 7
    kept = next(r for r in body if str(r["Aftale"]).startswith("Stenene"))
    assert kept["Status"] == "Udført" and kept["Lovet til"] == "Strandholm Havneforening"
    assert kept["Journalnotat"] == "foerste-moede"
    assert kept["Initiativ"] == "CP-2024-001"
    book.close()
