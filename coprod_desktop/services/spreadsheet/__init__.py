"""Spreadsheets in (`importing`: CSV and XLSX read, checked and turned into an interchange
document) and out (`exporting`: CSV and XLSX of the portfolio). The names other modules use are
re-exported here."""

from coprod_desktop.services.spreadsheet.sheet_export import (
    Table,
    csv_dialect,
    export_csv,
    export_file,
    export_tables,
    export_xlsx,
)
from coprod_desktop.services.spreadsheet.sheet_import import (
    PREVIEW_ROWS,
    SUFFIXES,
    PreviewRow,
    RawSheet,
    SheetColumn,
    SheetPreview,
    SheetProblem,
    check_xlsx_size,
    header_layout_key,
    import_sheet,
    locate,
    parse_sheet,
    preview,
    read_csv_bytes,
    read_sheet,
)

__all__ = [
    "PREVIEW_ROWS",
    "SUFFIXES",
    "PreviewRow",
    "RawSheet",
    "SheetColumn",
    "SheetPreview",
    "SheetProblem",
    "Table",
    "check_xlsx_size",
    "csv_dialect",
    "export_csv",
    "export_file",
    "export_tables",
    "export_xlsx",
    "header_layout_key",
    "import_sheet",
    "locate",
    "parse_sheet",
    "preview",
    "read_csv_bytes",
    "read_sheet",
]
