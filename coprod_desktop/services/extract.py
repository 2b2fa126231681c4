"""The words of an attached document, for the full-text search.

Plain text, CSV, Word (.docx), Excel (.xlsx), PDF and e-mail (.eml). Each reader is a
well-kept library (pypdf, openpyxl) or the standard library (zipfile + XML for .docx,
`email` for .eml), imported only when such a file is read. A file that cannot be read is
not an error: it is kept, and only its words are missing from the search.
"""

from __future__ import annotations

import io
import logging
import zipfile
from collections.abc import Callable
from pathlib import PurePath

MAX_CHARACTERS = 2_000_000  # words beyond this many characters are not indexed
_log = logging.getLogger(__name__)


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def _plain(data: bytes) -> str:
    return _decode(data)


def _docx(data: bytes) -> str:
    from xml.etree import ElementTree

    namespace = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts = [
            n
            for n in archive.namelist()
            if n == "word/document.xml" or n.startswith(("word/header", "word/footer"))
        ]
        paragraphs: list[str] = []
        for part in parts:
            with archive.open(part) as handle:
                if archive.getinfo(part).file_size > 50 * 1024 * 1024:
                    continue  # a zip bomb, not a letter
                root = ElementTree.parse(handle).getroot()  # OOXML has no DTDs to expand
            for paragraph in root.iter(namespace + "p"):
                paragraphs.append("".join(t.text or "" for t in paragraph.iter(namespace + "t")))
    return "\n".join(paragraphs)


def _xlsx(data: bytes) -> str:
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    lines: list[str] = []
    try:
        for sheet in workbook.worksheets:
            lines.append(sheet.title)
            for row in sheet.iter_rows(values_only=True):
                cells = [str(value) for value in row if value is not None]
                if cells:
                    lines.append(" ".join(cells))
    finally:
        workbook.close()
    return "\n".join(lines)


def _pdf(data: bytes) -> str:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def _eml(data: bytes) -> str:
    from email import policy
    from email.parser import BytesParser

    mail = BytesParser(policy=policy.default).parsebytes(data)
    parts = [str(mail.get(h, "")) for h in ("From", "To", "Cc", "Subject")]
    body = mail.get_body(preferencelist=("plain", "html"))
    if body is not None:
        parts.append(str(body.get_content()))
    return "\n".join(parts)


READERS: dict[str, Callable[[bytes], str]] = {
    ".txt": _plain,
    ".md": _plain,
    ".csv": _plain,
    ".tsv": _plain,
    ".docx": _docx,
    ".xlsx": _xlsx,
    ".pdf": _pdf,
    ".eml": _eml,
}


def text_of(name: str, data: bytes) -> str | None:
    """The document's text, or None when its kind has no reader or it cannot be read."""
    reader = READERS.get(PurePath(name).suffix.lower())
    if reader is None:
        return None
    try:
        words = reader(data)
    except Exception as error:  # a damaged or hostile file: keep it, index nothing
        _log.info("no text from %s: %s", name, error)
        return None
    return words[:MAX_CHARACTERS]
