"""The shared database goes away and comes back: a banner, nothing lost, a save kept for later.

These tests run a PostgreSQL server of their own and halt it in the middle (as a crash or a
lost network would), then start it again.
"""

from __future__ import annotations

import re
from datetime import datetime

import pytest
from PySide6.QtWidgets import QMessageBox

from coprod_desktop.domain.errors import ConnectionLostError
from coprod_desktop.services import initiatives, portfolio_query
from coprod_desktop.store.migrate import open_database
from coprod_desktop.ui import app
from tests.core import factories
from tests.ui.helpers import save_and_wait, write_done

TITLES = ["Havnen for alle", "Frivillige i ældreplejen", "Ledige skaber job", "Byens grønne rum"]


@pytest.fixture
def boxes(monkeypatch):
    """Every message box that would have been shown: (kind, title, text)."""
    shown: list[tuple[str, str, str]] = []
    for kind in ("warning", "information", "critical"):

        def record(parent, title, text, *args, _kind=kind, **kwargs):
            shown.append((_kind, title, text))
            return QMessageBox.StandardButton.Ok

        monkeypatch.setattr(QMessageBox, kind, record)
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(("exec", "", self.text())))
    return shown


@pytest.fixture
def shared(stoppable_postgres, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("COPROD_POLL_MS", "300")  # the poller notices loss and return quickly
    db = open_database(stoppable_postgres.new_database(), user="anna")
    for title in TITLES:
        factories.initiative(db, title)
    yield stoppable_postgres, db
    db.dispose()


@pytest.fixture
def team_window(qtbot, shared):  # type: ignore[no-untyped-def]
    from coprod_desktop.ui.main_window import MainWindow

    _server, db = shared
    win = MainWindow()
    qtbot.addWidget(win)
    win.set_database(db)
    win.show()
    yield win
    win.live_refresh.stop()
    win.stop_reading()
    win.background.wait()


def test_a_lost_connection_shows_a_banner_keeps_everything_and_comes_back_by_itself(
    qtbot, shared, team_window, boxes, tmp_path
) -> None:
    server, db = shared
    window = team_window
    table = window.portfolio.table
    shown_before = window.portfolio.model.rowCount()
    assert shown_before == len(TITLES)
    first = window.portfolio.model.row_id(0)
    editor = window.open_initiative(first)
    assert editor is not None
    qtbot.keyClicks(editor.title, " og alle andre")
    typed = editor.title.text()
    assert editor.dirty
    qtbot.waitUntil(lambda: window.connection.last_reached is not None, timeout=5000)

    server.halt()
    banner = window.connection.banner
    qtbot.waitUntil(banner.isVisible, timeout=15000)
    text = banner.label.text()
    assert "Not connected to the shared database" in text
    last = window.connection.last_reached
    assert last is not None and re.search(rf"Last reached at {last:%H:%M}\.", text)

    # reading: the table keeps its rows, and "not connected" instead of an error box
    with pytest.raises(ConnectionLostError):
        window.refresh()
    assert window.portfolio.model.rowCount() == shown_before
    assert table.model().index(0, 1).data() is not None
    window.open_initiative(window.portfolio.model.row_id(1))
    assert "Not connected" in window.statusBar().currentMessage()
    try:
        raise ConnectionLostError(where=db.display_name)
    except ConnectionLostError as error:  # what a failing read in any slot reaches
        app.excepthook(ConnectionLostError, error, error.__traceback__)
    assert boxes == []

    # saving: the typed change stays and is kept for later, in plain words
    assert save_and_wait(qtbot, editor) is False
    assert editor.title.text() == typed and editor.dirty
    message = editor.summary_error.text()
    assert "Your changes are kept here and will be saved when the connection returns" in message
    assert "psycopg" not in message and "refused" not in message.lower()
    assert "1 initiative will be saved when the connection returns" in banner.label.text()
    assert boxes == []
    window.resize(1366, 768)
    window.grab().save(str(tmp_path / "outage-editor.png"))

    # the server comes back: the window notices by itself, saves, refreshes
    server.resume()
    qtbot.waitUntil(lambda: not banner.isVisible(), timeout=15000)
    qtbot.waitUntil(lambda: not editor.dirty, timeout=15000)
    assert initiatives.get_initiative(db, first).title == typed
    assert window.portfolio.model.rowCount() == shown_before
    assert "Connected to the shared database again" in window.statusBar().currentMessage() or (
        window.connection.connected
    )
    assert window.connection.last_reached is not None
    assert window.connection.last_reached > last
    assert boxes == []


def test_a_save_of_something_else_during_the_outage_says_nothing_was_changed(
    qtbot, shared, team_window, boxes
) -> None:
    server, db = shared
    window = team_window
    window.portfolio.table.selectRow(0)
    server.halt()
    assert not write_done(qtbot, window.bulk_update(status="paused"), timeout=30000)
    window.background.wait()
    qtbot.waitUntil(lambda: bool(boxes), timeout=15000)
    _kind, title, text = boxes[-1]
    assert title == "Not saved yet"
    assert "nothing was changed" in text and "kept here" in text
    assert window.connection.banner.isVisible()
    server.resume()
    qtbot.waitUntil(lambda: window.connection.connected, timeout=15000)
    assert all(r.status != "paused" for r in portfolio_query.rows(db))


def test_the_banner_and_the_title_in_english_and_danish(qtbot, shared, team_window, tmp_path):
    from coprod_desktop.ui import i18n

    _server, db = shared
    window = team_window
    window.live_refresh.stop()  # the server is up: a poll would end the (simulated) outage
    window.resize(1366, 768)
    assert window.windowTitle().count("anna") == 1
    assert window.windowTitle().count("coprod-desktop") == 1
    assert db.location in window.windowTitle()
    window.connection.last_reached = datetime.now().replace(hour=14, minute=2)
    window.connection.lost()
    qtbot.wait(50)
    assert "Last reached at 14:02." in window.connection.banner.label.text()
    window.grab().save(str(tmp_path / "banner-en.png"))
    assert window.switch_language("da")
    try:
        text = window.connection.banner.label.text()  # the rebuilt window still says it
        qtbot.waitUntil(window.connection.banner.isVisible, timeout=3000)
        assert "Ikke forbundet til den fælles database" in text
        assert "Sidst nået kl. 14:02." in text
        assert window.connection.banner.retry_button.text() == "Prøv nu"
        window.grab().save(str(tmp_path / "banner-da.png"))
    finally:
        i18n.set_language("en")
