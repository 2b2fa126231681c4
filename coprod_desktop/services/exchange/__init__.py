"""The interchange format (resources/schema/coprod-interchange.schema.json): checking a
document (`check`), importing it all or nothing (`json_import`, new records through the bulk
writer in `bulk`) and exporting (`json_export`); `python -m coprod_desktop.services.exchange`
prints the whole schema. The names other modules use are re-exported here.
Reading or writing a file by its suffix (JSON, bundle, spreadsheet, map) is
`services.file_import` / `services.file_export`, above this package and the spreadsheet's.
"""

from coprod_desktop.services.exchange.check import (
    FORMAT,
    MAX_JSON_DEPTH,
    SCHEMA_FILE,
    VERSION,
    Checked,
    check_document,
    check_thoroughly,
    parse_json,
    read_json_file,
    schema,
)
from coprod_desktop.services.exchange.json_export import (
    export_document,
    initiative_dict,
    show_document,
    stakeholder_dict,
    write_json,
)
from coprod_desktop.services.exchange.json_import import (
    FORCE_SIDES,
    ImportResult,
    Overwritten,
    import_document,
    load_demo,
)

__all__ = [
    "FORCE_SIDES",
    "FORMAT",
    "MAX_JSON_DEPTH",
    "SCHEMA_FILE",
    "VERSION",
    "Checked",
    "ImportResult",
    "Overwritten",
    "check_document",
    "check_thoroughly",
    "export_document",
    "import_document",
    "initiative_dict",
    "load_demo",
    "parse_json",
    "read_json_file",
    "schema",
    "show_document",
    "stakeholder_dict",
    "write_json",
]
