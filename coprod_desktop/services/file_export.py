"""Exporting the portfolio to a file chosen by its suffix: the interchange JSON
(`services.exchange`), a `.coprodz` bundle (`services.bundle`), a CSV/XLSX spreadsheet
(`services.spreadsheet`) or the public-safe map (`services.geo_export`). It sits above those
modules so none of them needs to import another to dispatch."""

from __future__ import annotations

from pathlib import Path

from coprod_desktop.domain.errors import InputFileError
from coprod_desktop.services import bundle, exchange, geo_export, safe_write, spreadsheet
from coprod_desktop.services.portfolio_query import PortfolioFilter
from coprod_desktop.store.db import Database

EXPORT_SUFFIXES = ".json, .coprodz, .csv, .xlsx, .geojson"


def export_file(
    db: Database, path: Path, flt: PortfolioFilter | None = None, lang: str = "en"
) -> int:
    """Export to .json (interchange) or .csv/.xlsx (in `lang`), a .coprodz bundle or the
    public-safe map of .geojson; returns the number of initiatives written."""
    safe_write.check_target(path)  # a target that may not be written is refused before the work
    suffix = path.suffix.lower()
    if suffix == ".geojson":
        return geo_export.export_file(db, path, flt, lang)
    if suffix in (".csv", ".xlsx"):
        return spreadsheet.export_file(db, path, flt, lang)
    if suffix == ".coprodz":
        return bundle.export_bundle(db, path, flt)
    if suffix != ".json":
        raise InputFileError(
            "unsupported_format", suffix=suffix or path.name, allowed=EXPORT_SUFFIXES
        )
    document = exchange.export_document(db, flt)
    exchange.write_json(document, path)
    return len(document["initiatives"])
