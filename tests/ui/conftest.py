"""Fixtures for the GUI tests: real widgets on a demo or empty portfolio, offscreen."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from coprod_desktop.services import exchange
from coprod_desktop.store.db import Database
from coprod_desktop.store.migrate import open_database


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One demo portfolio built per session; each test gets a copy."""
    folder = tmp_path_factory.mktemp("demo")
    path = folder / "demo.sqlite"
    db = open_database(str(path), user="tester")
    exchange.load_demo(db, "en")
    db.dispose()
    return path


@pytest.fixture
def demo_db(demo_template: Path, tmp_path: Path) -> Iterator[Database]:
    from coprod_desktop.store.migrate import backup_sqlite

    path = tmp_path / "demo.sqlite"
    backup_sqlite(demo_template, path)
    db = open_database(str(path), user="tester")
    yield db
    db.dispose()


@pytest.fixture
def empty_db(tmp_path: Path) -> Iterator[Database]:
    db = open_database(str(tmp_path / "empty.sqlite"), user="tester")
    yield db
    db.dispose()


@pytest.fixture(autouse=True)
def no_modal_boxes(monkeypatch: pytest.MonkeyPatch) -> None:
    """No test may hang on a message box: unsaved work is discarded, notices dismissed.
    (pytest-qt closes the windows before fixtures are torn down, so this stays in force.)"""
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    for name in ("warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, name, lambda *a, **k: QMessageBox.StandardButton.Ok)


@pytest.fixture(autouse=True)
def brief_identity_asked() -> None:
    """The first brief asks for the municipality (a modal dialog); tests that want that
    question remove this preference themselves."""
    from coprod_desktop.ui import settings as prefs

    prefs.set_value("briefs/identity_asked", "true")


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    from coprod_desktop.ui import i18n

    i18n.set_language("en")
    yield
    i18n.set_language("en")


@pytest.fixture
def window(qtbot, demo_db: Database):  # type: ignore[no-untyped-def]
    from coprod_desktop.ui.main_window import MainWindow

    win = MainWindow()
    qtbot.addWidget(win)
    win.set_database(demo_db)
    win.show()
    yield win
    win.portfolio.stop_attention()
    win.portfolio.reader.wait()
    win.stop_reading()
    win.background.wait()


@pytest.fixture
def empty_window(qtbot, empty_db: Database):  # type: ignore[no-untyped-def]
    from coprod_desktop.ui.main_window import MainWindow

    win = MainWindow()
    qtbot.addWidget(win)
    win.set_database(empty_db)
    win.show()
    yield win
    win.stop_reading()
    win.background.wait()
