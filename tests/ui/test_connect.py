"""Connect to a shared database: the dialog, the keyring, recent files without passwords."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QMessageBox
from sqlalchemy.engine import make_url

from coprod_desktop.services import credentials
from coprod_desktop.ui import preferences as prefs
from coprod_desktop.ui.connect import ConnectDialog


def fill(dialog: ConnectDialog, url: str, password: str, remember: bool) -> None:
    parsed = make_url(url)
    dialog.host.setText(parsed.host or "")
    dialog.port.setValue(parsed.port or 5432)
    dialog.database.setText(parsed.database or "")
    dialog.user.setText(parsed.username or "")
    dialog.password.setText(password)
    dialog.remember.setChecked(remember)


def test_connect_button_needs_server_database_and_user(qtbot, memory_keyring):
    dialog = ConnectDialog(initial="")
    qtbot.addWidget(dialog)
    assert not dialog.connect_button.isEnabled()
    dialog.host.setText("db.kommune.dk")
    dialog.database.setText("coprod")
    assert not dialog.connect_button.isEnabled()
    dialog.user.setText("mette")
    assert dialog.connect_button.isEnabled()
    assert dialog.port.value() == 5432


def test_connect_to_a_shared_database_keeps_the_password_in_the_keyring(
    window, qtbot, memory_keyring, pg_url, monkeypatch
):
    from coprod_desktop.store import migrate

    opened: list[str] = []
    real = migrate.open_database

    def spy(target, **kwargs):
        opened.append(target)
        return real(target, **kwargs)

    monkeypatch.setattr(migrate, "open_database", spy)

    def run(dialog):
        fill(dialog, pg_url, "hemmelig", remember=True)
        dialog.accept()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ConnectDialog, "exec", run)
    sqlite_db = window.db
    with qtbot.waitSignal(window.database_opened, timeout=30000):
        window.actions_by_name["connect_database"].trigger()
    assert window.db is not None and window.db.dialect == "postgresql"
    assert "hemmelig" in opened[0]  # used for connecting …
    assert list(memory_keyring.store.values()) == ["hemmelig"]  # … kept in the keyring …
    recent = prefs.recent_databases()
    assert recent[0] == credentials.without_password(pg_url)  # … and never in the settings
    settings_file = prefs.settings().fileName()
    assert "hemmelig" not in Path(settings_file).read_text(encoding="utf-8")
    assert "hemmelig" not in window.windowTitle()
    assert not window.read_only_banner.isVisible()

    # Opening the remembered URL (recent files) puts the password back from the keyring.
    shared = window.db
    with qtbot.waitSignal(window.database_opened, timeout=30000):
        window.open_database(recent[0])
    assert "hemmelig" in opened[-1]
    shared.dispose()
    window.background.wait()
    window.db.dispose()
    del sqlite_db


def test_the_dialog_is_prefilled_from_the_last_shared_database(qtbot, memory_keyring):
    url = "postgresql+psycopg://mette@db.kommune.dk:5433/coprod"
    prefs.remember_database(url)
    credentials.remember(url, "hemmelig")
    dialog = ConnectDialog()
    qtbot.addWidget(dialog)
    assert dialog.host.text() == "db.kommune.dk" and dialog.port.value() == 5433
    assert dialog.database.text() == "coprod" and dialog.user.text() == "mette"
    assert dialog.remember.isChecked() and dialog.password.text() == ""
    assert "hemmelig" in dialog.url()  # the keyring's password is used
    assert dialog.stored_url() == url
    dialog.remember.setChecked(False)
    dialog.accept()  # unticked: the stored password is forgotten
    assert not memory_keyring.store


def test_connection_error_in_plain_words(window, qtbot, memory_keyring, monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    window.open_database("postgresql+psycopg://nobody:secret@127.0.0.1:9/none")
    qtbot.waitUntil(lambda: bool(shown), timeout=30000)
    assert "Traceback" not in shown[0] and "secret" not in shown[0]
    assert "127.0.0.1" in shown[0]
    assert shown[0].startswith("Cannot reach the shared database")
    assert window.db is not None and window.db.dialect == "sqlite"  # the open one stays open
