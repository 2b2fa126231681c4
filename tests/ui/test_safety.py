"""Faults lose nothing in the GUI: serial writes, locked and full databases, read-only files,
damaged files and backups, and the application set-up (icon, names, timed quit)."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox, QPushButton

from coprod_desktop.domain.errors import DatabaseFullError, DatabaseLockedError
from coprod_desktop.services import backups, initiatives
from coprod_desktop.store.migrate import backup_sqlite, open_database
from coprod_desktop.ui.main_window import MainWindow
from coprod_desktop.ui.restore_dialog import RestoreDialog
from tests.ui.helpers import save_and_wait, write_done


def open_ref(window, reference: str):
    editor = window.open_initiative(initiatives.get_initiative(window.db, reference).id)
    assert editor is not None
    return editor


def test_editor_saves_on_the_serial_worker(window, qtbot, monkeypatch):
    import threading

    threads: list[str] = []
    real = initiatives.save_initiative

    def spy(db, data):
        threads.append(threading.current_thread().name)
        return real(db, data)

    monkeypatch.setattr(initiatives, "save_initiative", spy)
    editor = open_ref(window, "CP-2024-003")
    qtbot.keyClicks(editor.area, " Øst")
    assert save_and_wait(qtbot, editor)
    assert threads and threads[0] != threading.main_thread().name
    assert initiatives.get_initiative(window.db, "CP-2024-003").area.endswith(" Øst")


def test_locked_database_offers_retry_with_the_same_data(window, qtbot, monkeypatch):
    editor = open_ref(window, "CP-2024-004")
    qtbot.keyClicks(editor.area, " Vest")
    calls: list[str] = []
    real = initiatives.save_initiative

    def locked_once(db, data):
        calls.append(data.area)
        if len(calls) == 1:
            raise DatabaseLockedError(where=str(db.path))
        return real(db, data)

    asked: list[str] = []

    def answer(*args, **kwargs):
        asked.append(args[2])
        return QMessageBox.StandardButton.Retry

    monkeypatch.setattr(initiatives, "save_initiative", locked_once)
    monkeypatch.setattr(QMessageBox, "warning", answer)
    assert save_and_wait(qtbot, editor)
    assert len(calls) == 2 and calls[0] == calls[1] and calls[0].endswith(" Vest")
    assert asked and "in use by another program" in asked[0]
    assert not editor.dirty


def test_full_disk_keeps_the_edit_in_the_editor(window, qtbot, monkeypatch):
    editor = open_ref(window, "CP-2024-005")
    qtbot.keyClicks(editor.title, " (full)")
    shown: list[str] = []
    monkeypatch.setattr(
        initiatives,
        "save_initiative",
        lambda db, data: (_ for _ in ()).throw(DatabaseFullError(where=str(db.path))),
    )
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    assert not save_and_wait(qtbot, editor)
    assert shown and "full" in shown[0] and "Traceback" not in shown[0]
    assert shown[0][0].isupper()
    assert editor.title.text().endswith(" (full)") and editor.dirty
    monkeypatch.undo()
    assert save_and_wait(qtbot, editor)  # space freed: the same edit saves
    assert initiatives.get_initiative(window.db, "CP-2024-005").title.endswith(" (full)")


def test_bulk_change_runs_on_the_worker_and_locked_is_retried(window, qtbot, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    window.portfolio.table.selectRow(2)
    ident = window.portfolio.selected_ids()[0]
    calls: list[int] = []
    real = initiatives.bulk_update

    def locked_once(db, ids, **kwargs):
        calls.append(len(ids))
        if len(calls) == 1:
            raise DatabaseLockedError(where=str(db.path))
        return real(db, ids, **kwargs)

    monkeypatch.setattr(initiatives, "bulk_update", locked_once)
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Retry)
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("Completed", True))
    assert write_done(qtbot, window.bulk_status())
    assert calls == [1, 1]
    assert initiatives.get_initiative(window.db, ident).status == "completed"


@pytest.fixture
def read_only_db(demo_template: Path, tmp_path: Path):
    folder = tmp_path / "ro"
    path = folder / "portfolio.sqlite"
    backup_sqlite(demo_template, path)
    path.chmod(stat.S_IRUSR | stat.S_IRGRP)
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    db = open_database(str(path), user="tester")
    yield db
    db.dispose()
    folder.chmod(stat.S_IRWXU)
    path.chmod(stat.S_IRUSR | stat.S_IWUSR)


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write to read-only files")
def test_read_only_database_shows_a_banner_and_disables_editing_as_user(qtbot, read_only_db):
    _check_read_only_window(qtbot, read_only_db)


def test_read_only_database_shows_a_banner_and_disables_editing(qtbot, demo_template, tmp_path):
    path = tmp_path / "shared.sqlite"
    backup_sqlite(demo_template, path)
    db = open_database(str(path), user="tester", read_only=True)  # as for a read-only file
    try:
        _check_read_only_window(qtbot, db)
    finally:
        db.dispose()


def _check_read_only_window(qtbot, db) -> None:
    win = MainWindow()
    qtbot.addWidget(win)
    win.set_database(db)
    win.show()
    assert db.read_only
    assert win.read_only_banner is not None and win.read_only_banner.isVisible()
    assert "read-only" in win.read_only_banner.label.text()
    assert not win.actions_by_name["new_initiative"].isEnabled()
    assert not win.actions_by_name["save"].isEnabled()
    assert win.new_initiative() is None
    editor = win.open_initiative(win.portfolio.model.rows[0].id)
    assert editor is not None
    assert editor.title.isReadOnly() and not editor.save_button.isEnabled()
    assert not editor.status.isEnabled()
    assert not editor.revert_button.isEnabled()
    assert all(not b.isEnabled() for b in editor.pages["journal"].findChildren(QPushButton))
    brief = editor.findChild(QPushButton, "brief-button")
    assert brief is None or brief.isEnabled()  # reading and printing still work
    qtbot.keyClicks(editor.title, "x")
    assert not editor.dirty
    win.background.wait()


def test_banner_hidden_for_a_writable_database_and_after_language_switch(window):
    assert window.read_only_banner is not None and not window.read_only_banner.isVisible()
    assert window.actions_by_name["new_initiative"].isEnabled()
    assert window.switch_language("da")
    assert window.read_only_banner is not None and not window.read_only_banner.isVisible()
    names = [a.objectName() for a in window.menuBar().actions()[0].menu().actions()]
    assert "connect_database" in names and "restore_backup" in names
    assert names.index("connect_database") == names.index("open_database") + 1
    window.switch_language("en")


def _damage(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\x00garbage" * ((4096 - 100) // 8)
    path.write_bytes(bytes(data[:8192]))
    for suffix in ("-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)


def test_damaged_file_offers_the_latest_automatic_backup(
    qtbot, demo_template, tmp_path, monkeypatch
):
    path = tmp_path / "mine.sqlite"
    backup_sqlite(demo_template, path)
    db = open_database(str(path), user="tester", auto_backup=True)  # today's daily backup
    db.dispose()
    assert backups.latest_backup_for(path) is not None
    _damage(path)
    asked: list[str] = []

    def yes(*args, **kwargs):
        asked.append(args[2])
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", yes)
    win = MainWindow()
    qtbot.addWidget(win)
    win.open_database(str(path))
    qtbot.waitUntil(lambda: win.db is not None and win.portfolio.model.total == 16, timeout=20000)
    assert asked and "backup" in asked[0] and "Traceback" not in asked[0]
    assert win.db is not None and win.db.path == path.resolve()
    kinds = {b.kind for b in backups.list_backups(path)}
    assert "pre-restore" in kinds  # the damaged file was kept
    win.background.wait()
    win.db.dispose()


def test_locked_on_opening_retries(qtbot, tmp_path, monkeypatch):
    from coprod_desktop.store import migrate

    real = migrate.open_database
    calls: list[str | None] = []

    def locked_once(target, **kwargs):
        calls.append(target)
        if len(calls) == 1:
            raise DatabaseLockedError(where=str(target))
        return real(target, **kwargs)

    monkeypatch.setattr(migrate, "open_database", locked_once)
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Retry)
    win = MainWindow()
    qtbot.addWidget(win)
    target = str(tmp_path / "busy.sqlite")
    with qtbot.waitSignal(win.database_opened, timeout=20000):
        win.open_database(target)
    assert calls == [target, target]
    win.background.wait()
    win.db.dispose()


def test_restore_dialog_lists_backups_and_restores_after_confirmation(
    qtbot, demo_template, tmp_path, monkeypatch
):
    path = tmp_path / "work.sqlite"
    backup_sqlite(demo_template, path)
    db = open_database(str(path), user="tester", auto_backup=True)
    win = MainWindow()
    qtbot.addWidget(win)
    win.set_database(db)
    win.show()
    first = win.portfolio.model.rows[0]
    initiatives.update_fields(db, first.id, {"title": "Changed after the backup"})
    win.refresh()
    assert win.actions_by_name["restore_backup"].isEnabled()
    confirmations: list[str] = []

    def accept_dialog(dialog):
        assert dialog.table.rowCount() == len(backups.list_backups(path)) >= 1
        assert dialog.chosen() is not None and dialog.restore_button.isEnabled()
        assert dialog.table.item(0, 1).text() == "Daily (automatic)"
        dialog.confirm()
        return dialog.result()

    def confirm(*args, **kwargs):
        confirmations.append(args[2])
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(RestoreDialog, "exec", accept_dialog)
    monkeypatch.setattr(QMessageBox, "question", confirm)
    win.actions_by_name["restore_backup"].trigger()
    qtbot.waitUntil(
        lambda: win.db is not None and win.db is not db and win.portfolio.model.total == 16,
        timeout=20000,
    )
    assert confirmations and "Replace the database" in confirmations[0]
    assert initiatives.get_initiative(win.db, first.id).title == first.title
    win.background.wait()
    win.db.dispose()


def test_auto_backup_problem_is_a_quiet_notice(window):
    window.db.auto_backup_problem = "no space left"
    window.database_ready(window.db)
    assert "no space left" in window.statusBar().currentMessage()


def test_application_icon_and_names():
    from coprod_desktop import paths
    from coprod_desktop.ui import app

    icon = app.application_icon()
    assert not icon.isNull()
    sizes = {s.width() for s in icon.availableSizes()}
    assert sizes == {s for s in paths.ICON_SIZES if paths.icon_path(s).is_file()}
    assert app.DESKTOP_ID == "dk.coprod.CoprodDesktop"


def test_about_box_names_the_app_and_its_version(window, monkeypatch):
    from coprod_desktop import __version__

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "about", lambda *a: shown.append(a[2]))
    window.about()
    assert shown and "coprod-desktop" in shown[0] and __version__ in shown[0]


def test_quit_after_ms_starts_and_quits_cleanly(tmp_path):
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        COPROD_QUIT_AFTER_MS="1500",
        COPROD_DATA_DIR=str(tmp_path / "data"),
    )
    db = tmp_path / "smoke.sqlite"
    result = subprocess.run(
        [sys.executable, "-m", "coprod_desktop", "--db", str(db)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    log = (tmp_path / "data" / "coprod-desktop.log").read_text(encoding="utf-8")
    for text in (result.stdout, result.stderr, log):
        assert "Traceback" not in text and "unexpected error" not in text.lower()
    assert db.exists()  # the window opened its database before quitting
    settings = (tmp_path / "data" / "settings.ini").read_text(encoding="utf-8")
    assert "geometry" in settings  # closed like a user would: window state saved


def test_registry_save_on_the_worker_keeps_the_form_when_full(window, qtbot, monkeypatch):
    from coprod_desktop.services import stakeholders

    registry = window.show_registry()
    registry.table.selectRow(0)
    person = registry.current()
    registry.form.phone.setText("+45 11 22 33 44")
    shown: list[str] = []
    real = stakeholders.save_stakeholder
    monkeypatch.setattr(
        stakeholders,
        "save_stakeholder",
        lambda db, data: (_ for _ in ()).throw(DatabaseFullError(where=str(db.path))),
    )
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    assert not write_done(qtbot, registry.save_current())
    assert shown and "full" in shown[0]
    assert registry.form.phone.text() == "+45 11 22 33 44"
    monkeypatch.setattr(stakeholders, "save_stakeholder", real)
    assert write_done(qtbot, registry.save_current())
    assert stakeholders.get_stakeholder(window.db, person.id).phone == "+45 11 22 33 44"
