"""`.coprodz` bundles: the interchange JSON plus the attached files, in one ZIP archive.

`interchange.json` holds the document exactly as a `.json` export; each attached file is
`files/<sha256>`, once however many attachments name it. Reading checks every file against
its checksum before anything is committed, and refuses members larger than they claim.
"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import select

from coprod_desktop.domain.errors import InputFileError
from coprod_desktop.services.portfolio_query import PortfolioFilter
from coprod_desktop.store import models as m
from coprod_desktop.store.db import Database

DOCUMENT = "interchange.json"
FILES = "files/"
_READ = 1024 * 1024
MAX_DOCUMENT = 2 * 1024 * 1024 * 1024  # the JSON of a very large portfolio, not a zip bomb


def export_bundle(db: Database, path: Path, flt: PortfolioFilter | None = None) -> int:
    """Write the (filtered) portfolio and its attached files; returns the initiatives written."""
    from coprod_desktop.services import attachments, exchange, safe_write

    document = exchange.export_document(db, flt)
    wanted = sorted(
        {
            a["sha256"]
            for item in document["initiatives"]
            for a in [
                *item.get("attachments", []),
                *(x for entry in item["journal"] for x in entry.get("attachments", [])),
            ]
        }
    )
    text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    with (
        safe_write.atomic_path(path) as temporary,
        zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive,
        db.reading() as connection,
    ):
        archive.writestr(DOCUMENT, text.encode("utf-8"))
        for sha256 in wanted:
            with archive.open(FILES + sha256, "w", force_zip64=True) as member:
                for chunk in attachments.read_chunks(connection, sha256):
                    member.write(chunk)
    return len(document["initiatives"])


@contextmanager
def open_bundle(path: Path) -> Iterator[tuple[Any, Any]]:
    """The bundle's document and a function giving a file's chunks by checksum (None when
    the bundle lacks it), for `exchange.import_document(files=…)`."""
    from coprod_desktop.services import exchange

    shown = str(path)
    try:
        archive = zipfile.ZipFile(path)
    except FileNotFoundError:
        raise InputFileError("file_not_found", path=shown) from None
    except (OSError, zipfile.BadZipFile, ValueError) as error:
        raise InputFileError("bundle_unreadable", path=shown, reason=str(error)) from None
    with archive:
        try:
            info = archive.getinfo(DOCUMENT)
        except KeyError:
            raise InputFileError(
                "bundle_unreadable", path=shown, reason=f"{DOCUMENT} is missing"
            ) from None
        if info.file_size > MAX_DOCUMENT:
            raise InputFileError("bundle_unreadable", path=shown, reason=f"{DOCUMENT} too large")
        try:
            raw = archive.read(info)
        except (OSError, zipfile.BadZipFile, ValueError, EOFError) as error:
            raise InputFileError("bundle_unreadable", path=shown, reason=str(error)) from None
        document = exchange.parse_json(raw, path)
        members = {
            name.removeprefix(FILES): archive.getinfo(name)
            for name in archive.namelist()
            if name.startswith(FILES)
        }

        def chunks(sha256: str) -> Iterator[bytes] | None:
            member = members.get(sha256)
            if member is None:
                return None
            return _read(member)

        def _read(member: zipfile.ZipInfo) -> Iterator[bytes]:
            try:
                with archive.open(member) as handle:
                    while block := handle.read(_READ):
                        yield block
            except (OSError, zipfile.BadZipFile, ValueError, EOFError) as error:
                raise InputFileError("bundle_unreadable", path=shown, reason=str(error)) from None

        yield document, chunks


def stored_checksums(db: Database) -> set[str]:
    with db.reading() as connection:
        return set(connection.execute(select(m.Attachment.sha256)).scalars())
