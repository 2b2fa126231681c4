"""Fixtures for the GUI tests: real widgets on a demo or empty portfolio, offscreen."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from coprod_desktop.services import exchange
from coprod_desktop.store.db import Database
from coprod_desktop.store.migrate import open_database
from tests.ui.helpers import HeldWrite, main_window


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


class MessageBoxes:
    """The message boxes a test showed (none may block: each is answered at once).

    A question is answered Discard (unsaved work is thrown away, as when the test's window
    closes over a dirty editor); a notice, warning or error is dismissed with OK. A warning or
    an error the test did not expect (with `expect(count)`, or `expect()` for any number)
    fails it at teardown, so an unexpected error cannot pass unseen behind an automatic OK."""

    def __init__(self) -> None:
        self.shown: list[tuple[str, str, str]] = []  # (kind, title, text)
        self.expected: int | None = 0

    def expect(self, count: int | None = None) -> None:
        """Warnings or errors are part of this test: `count` of them, or any number (None)."""
        self.expected = count

    def problems(self) -> list[tuple[str, str, str]]:
        return [box for box in self.shown if box[0] in ("warning", "critical")]

    def record(self, kind: str, args: tuple[object, ...]) -> None:
        title = str(args[1]) if len(args) > 1 else ""
        text = str(args[2]) if len(args) > 2 else ""
        self.shown.append((kind, title, text))

    def kinds(self) -> list[str]:
        return [kind for kind, _title, _text in self.shown]


@pytest.fixture(autouse=True)
def message_boxes(monkeypatch: pytest.MonkeyPatch) -> Iterator[MessageBoxes]:
    """No test may hang on a message box, and none may show one it did not expect.
    (pytest-qt closes the windows before fixtures are torn down, so this stays in force.)"""
    from PySide6.QtWidgets import QMessageBox

    boxes = MessageBoxes()

    def question(*args: object, **_kwargs: object) -> QMessageBox.StandardButton:
        boxes.record("question", args)
        return QMessageBox.StandardButton.Discard

    def dismiss(kind: str):  # type: ignore[no-untyped-def]
        def show(*args: object, **_kwargs: object) -> QMessageBox.StandardButton:
            boxes.record(kind, args)
            return QMessageBox.StandardButton.Ok

        return show

    monkeypatch.setattr(QMessageBox, "question", question)
    for name in ("warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, name, dismiss(name))
    yield boxes
    if boxes.expected is not None and len(boxes.problems()) != boxes.expected:
        pytest.fail(f"unexpected warning or error boxes: {boxes.problems()}", pytrace=False)


@pytest.fixture(autouse=True)
def brief_identity_asked() -> None:
    """The first brief asks for the municipality (a modal dialog); tests that want that
    question remove this preference themselves."""
    from coprod_desktop.ui import preferences as prefs

    prefs.set_value("briefs/identity_asked", "true")


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    from coprod_desktop.ui import i18n

    i18n.set_language("en")
    yield
    i18n.set_language("en")


@pytest.fixture
def window(qtbot, demo_db: Database):  # type: ignore[no-untyped-def]
    with main_window(qtbot, demo_db) as win:
        yield win


@pytest.fixture
def empty_window(qtbot, empty_db: Database):  # type: ignore[no-untyped-def]
    with main_window(qtbot, empty_db) as win:
        yield win


@pytest.fixture
def held_write() -> Iterator[HeldWrite]:
    """A service call held on the worker until the test releases it (released at the end
    too, before the window waits for its worker: a failed test does not hang)."""
    held = HeldWrite()
    yield held
    held.release()
