"""Typed work survives: drafts of open editors, restored after the program was killed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from coprod_desktop.services import drafts, initiatives
from coprod_desktop.store.migrate import open_database
from coprod_desktop.ui import draft_keeper as drafts_ui
from tests.ui.helpers import main_window, save_and_wait

ROOT = Path(__file__).resolve().parents[2]


def draft_files() -> list[Path]:
    return sorted(drafts.drafts_dir().glob("*.json"))


def open_ref(window, reference: str):
    return window.open_initiative(initiatives.get_initiative(window.db, reference).id)


def test_typing_writes_a_draft_and_saving_removes_it(window, qtbot):
    editor = open_ref(window, "CP-2024-001")
    qtbot.keyClicks(editor.area, " Nord")
    qtbot.waitUntil(lambda: len(draft_files()) == 1, timeout=5000)
    (draft,) = drafts.list_drafts(drafts_ui.database_label(window.db))
    assert draft.data.area.endswith(" Nord") and draft.base.area == editor.original.area
    assert save_and_wait(qtbot, editor)
    assert draft_files() == []


def test_revert_and_closing_without_saving_remove_the_draft(window, qtbot, monkeypatch):
    editor = open_ref(window, "CP-2024-001")
    qtbot.keyClicks(editor.title, "!")
    qtbot.waitUntil(lambda: len(draft_files()) == 1, timeout=5000)
    editor.revert()
    qtbot.waitUntil(lambda: draft_files() == [], timeout=5000)
    qtbot.keyClicks(editor.title, "?")
    qtbot.waitUntil(lambda: len(draft_files()) == 1, timeout=5000)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    assert window.close_tab(window.workspace.indexOf(editor))
    assert draft_files() == []


def test_ten_thousand_characters_typed_into_a_description(window, qtbot):
    """The issue's reproduction: ~2,700 keystrokes aborted the program on PySide6 6.12.0."""
    editor = open_ref(window, "CP-2024-001")
    editor.tabs.setCurrentIndex(0)
    editor.description.clear()
    text = ("Borgerne og havnefogeden mødes hver tirsdag. " * 230)[:10_000]
    qtbot.keyClicks(editor.description, text)
    assert editor.description.toPlainText() == text
    assert editor.data.description == text
    assert save_and_wait(qtbot, editor)
    assert initiatives.get_initiative(window.db, "CP-2024-001").description == text


CHILD = textwrap.dedent(
    """
    import sys, time
    from PySide6.QtWidgets import QApplication
    from PySide6.QtTest import QTest
    from coprod_desktop.services import drafts, initiatives
    from coprod_desktop.store.migrate import open_database
    from coprod_desktop.ui.main_window import MainWindow

    app = QApplication([])
    db = open_database(sys.argv[1], user="tester")
    window = MainWindow()
    window.set_database(db)
    window.show()
    editor = window.open_initiative(initiatives.get_initiative(db, "CP-2024-002").id)
    editor.tabs.setCurrentIndex(0)
    QTest.keyClicks(editor.description, " - typed before the crash")
    QTest.keyClicks(editor.title, " (draft)")
    new = window.new_initiative()
    QTest.keyClicks(new.title, "Never saved harbour bath")
    deadline = time.monotonic() + 20
    while len(list(drafts.drafts_dir().glob("*.json"))) < 2 and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)
    print("typed", flush=True)
    while True:  # still editing when the kill comes
        app.processEvents()
        time.sleep(0.02)
    """
)


def test_drafts_are_restored_after_the_program_is_killed(demo_db, qtbot, monkeypatch):
    path = str(demo_db.path)
    before = initiatives.get_initiative(demo_db, "CP-2024-002")
    demo_db.dispose()
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, path],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=ROOT,
    )
    try:
        line = child.stdout.readline()
        assert line.strip() == "typed", child.stderr.read() if child.poll() is not None else line
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
    assert child.returncode == -signal.SIGKILL

    asked = []
    monkeypatch.setattr(
        drafts_ui, "ask", lambda parent, found: asked.append(found) or drafts_ui.RESTORE
    )
    db = open_database(path, user="tester")
    assert initiatives.get_initiative(db, "CP-2024-002").description == before.description
    try:
        with main_window(qtbot, db) as window:
            qtbot.waitUntil(lambda: len(window.editors()) == 2, timeout=10000)
            assert sorted(d.title for d in asked[0]) == sorted(
                [before.title + " (draft)", "Never saved harbour bath"]
            )
            restored = {e.data.title: e for e in window.editors()}
            old = restored[before.title + " (draft)"]
            assert old.dirty and "typed before the crash" in old.description.toPlainText()
            assert restored["Never saved harbour bath"].dirty
            assert save_and_wait(qtbot, old)
            saved = initiatives.get_initiative(db, "CP-2024-002")
            assert "- typed before the crash" in saved.description
            assert saved.title == before.title + " (draft)"
            assert save_and_wait(qtbot, restored["Never saved harbour bath"])
            assert [e.data.title for e in window.editors() if e.dirty] == []
            qtbot.waitUntil(lambda: draft_files() == [], timeout=5000)
    finally:
        db.dispose()


@pytest.mark.parametrize("choice", [drafts_ui.DISCARD, drafts_ui.LATER])
def test_drafts_can_be_discarded_or_kept_for_later(window, qtbot, monkeypatch, choice):
    db = window.db
    base = initiatives.get_initiative(db, "CP-2024-001")
    edited = initiatives.get_initiative(db, "CP-2024-001")
    edited.title = "Changed before a crash"
    drafts.save_draft(f"initiative-{base.id}", drafts_ui.database_label(db), base, edited)
    monkeypatch.setattr(drafts_ui, "ask", lambda parent, found: choice)
    window.offer_drafts(db)
    assert window.editors() == []
    assert len(draft_files()) == (0 if choice == drafts_ui.DISCARD else 1)
