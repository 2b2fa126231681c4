"""`coprod export --participedia -o FILE.json`: public-safe Participedia case records.

The mapping is `domain.participedia` (documented in the field guide); here the portfolio is
loaded, free text anonymised as in a public brief (`services.names`), and the file written
atomically through `services.safe_write`.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from coprod_desktop.domain import participedia
from coprod_desktop.domain.errors import InputFileError
from coprod_desktop.services.portfolio_query import PortfolioFilter
from coprod_desktop.store.db import Database


def participedia_document(
    db: Database, flt: PortfolioFilter | None = None, lang: str = "en", municipality: str = ""
) -> dict[str, Any]:
    from coprod_desktop.services import names, reporting

    data = reporting.load_portfolio(db, flt, light=True)
    hide = names.public_text(db).anonymiser(lang)
    return {
        "format": participedia.FORMAT,
        "source": "coprod-desktop",
        "exported_on": date.today().isoformat(),
        "cases": [participedia.case_record(item, hide.text, municipality) for item in data],
    }


def export_file(
    db: Database,
    path: Path,
    flt: PortfolioFilter | None = None,
    lang: str = "en",
    municipality: str = "",
) -> int:
    """Write the case records to `path` (a .json file); returns how many were written."""
    from coprod_desktop.services import safe_write

    if path.suffix.lower() != ".json":
        raise InputFileError("unsupported_format", suffix=path.suffix or path.name, allowed=".json")
    safe_write.check_target(path)
    document = participedia_document(db, flt, lang, municipality)
    safe_write.write_text(path, json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    return len(document["cases"])
