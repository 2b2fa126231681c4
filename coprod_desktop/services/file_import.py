"""Importing a file chosen by its suffix: the interchange JSON (`services.exchange`), a
`.coprodz` bundle (`services.bundle`) or a CSV/XLSX spreadsheet (`services.spreadsheet`). It
sits above those modules so none of them needs to import another to dispatch; `coprod import`
and the import wizard both go through it."""

from __future__ import annotations

from pathlib import Path

from coprod_desktop.domain.errors import InputFileError
from coprod_desktop.services import bundle, exchange, spreadsheet
from coprod_desktop.store.db import Database

ALLOWED_SUFFIXES = ".json, .coprodz, .csv, .xlsx"
SHEET_SUFFIXES = (".csv", ".xlsx")


def import_file(
    db: Database, path: Path, *, merge: bool = False, dry_run: bool = False
) -> exchange.ImportResult:
    """Import .json (interchange), a .coprodz bundle or a .csv/.xlsx spreadsheet."""
    suffix = path.suffix.lower()
    if suffix in SHEET_SUFFIXES:
        return spreadsheet.import_sheet(db, path, merge=merge, dry_run=dry_run)
    if suffix == ".coprodz":
        with bundle.open_bundle(path) as (document, files):
            return exchange.import_document(
                db, document, merge=merge, dry_run=dry_run, files=files, source=path.name
            )
    if suffix != ".json":
        raise InputFileError(
            "unsupported_format", suffix=suffix or path.name, allowed=ALLOWED_SUFFIXES
        )
    document = exchange.read_json_file(path)
    return exchange.import_document(db, document, merge=merge, dry_run=dry_run, source=path.name)
