"""Fixtures for the brief tests: a demo portfolio, settings, PDF text and page rendering."""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from coprod_desktop.reports.page_template import BriefSettings
from coprod_desktop.services import exchange
from coprod_desktop.store.db import Database
from coprod_desktop.store.migrate import open_database

GENERATED = datetime(2026, 3, 2, 9, 30)


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The demo portfolio loaded once per language; tests get a copy of the file."""
    folder = tmp_path_factory.mktemp("demo")
    files = {}
    for lang in ("da", "en"):
        path = folder / f"demo_{lang}.sqlite"
        database = open_database(str(path), user="tester")
        exchange.load_demo(database, lang)
        database.dispose()
        files[lang] = path
    return files


def _copy_db(template: Path, tmp_path: Path) -> Database:
    target = tmp_path / template.name
    target.write_bytes(template.read_bytes())
    return open_database(str(target), user="tester")


@pytest.fixture
def demo_da(demo_template: dict[str, Path], tmp_path: Path) -> Iterator[Database]:
    database = _copy_db(demo_template["da"], tmp_path)
    yield database
    database.dispose()


@pytest.fixture
def demo_en(demo_template: dict[str, Path], tmp_path: Path) -> Iterator[Database]:
    database = _copy_db(demo_template["en"], tmp_path)
    yield database
    database.dispose()


@pytest.fixture
def demo_da_path(demo_template: dict[str, Path], tmp_path: Path) -> Path:
    target = tmp_path / "demo_da_cli.sqlite"
    target.write_bytes(demo_template["da"].read_bytes())
    return target


def settings(lang: str = "en", **changes: object) -> BriefSettings:
    values: dict[str, object] = {
        "municipality_name": "Sønderby Kommune",
        "author": "Test Author",
        "lang": lang,
        "generated_at": GENERATED,
    }
    values.update(changes)
    return BriefSettings(**values)  # type: ignore[arg-type]


def pdf_text(pdf: bytes) -> str:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def flat(text: str) -> str:
    """Extracted text with line breaks and runs of spaces made single spaces."""
    return " ".join(text.split())


def page_count(pdf: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(pdf)).pages)


def ink_per_page(pdf: bytes, tmp_path: Path) -> list[int]:
    """For each page rendered with QtPdf (on white), the number of dark pixels."""
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QColor, QImage, QPainter
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtWidgets import QApplication

    # A full QApplication, not a QGuiApplication: the GUI tests later in the same process
    # build widgets, which abort the interpreter under a mere QGuiApplication.
    _app = QApplication.instance() or QApplication([])
    path = tmp_path / "render.pdf"
    path.write_bytes(pdf)
    document = QPdfDocument()
    assert document.load(str(path)) == QPdfDocument.Error.None_
    counts = []
    for index in range(document.pageCount()):
        image = document.render(index, QSize(420, 594))
        assert not image.isNull()
        canvas = QImage(image.size(), QImage.Format.Format_RGB32)
        canvas.fill(QColor("white"))
        painter = QPainter(canvas)
        painter.drawImage(0, 0, image)
        painter.end()
        grey = bytes(canvas.convertToFormat(QImage.Format.Format_Grayscale8).constBits())
        counts.append(sum(1 for value in grey if value < 160))
    document.close()
    return counts
