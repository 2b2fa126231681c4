"""A lost connection to the shared database is a state of the window, not an error box.

`ConnectionWatch` follows whether the database can be reached. The live-refresh poller
(ui/conflict.py) reports each poll that got through and each that found the server gone; any
read or save that fails with `ConnectionLostError` reports the loss too. While the connection
is lost:

- a banner above the workspace says so, with the time the database was last reached, and
  offers "Try now" (the poller keeps trying by itself every few seconds);
- the portfolio keeps the rows it has (a failed refresh never empties it), reads say "not
  connected" in the status bar instead of an error box;
- an editor's Save keeps the typed changes, says so inline, and is saved again by itself when
  the connection returns.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from coprod_desktop.domain.errors import ConnectionLostError

if TYPE_CHECKING:
    from coprod_desktop.ui.editor import EditorBase, InitiativeEditor

log = logging.getLogger(__name__)


def clock(moment: datetime, now: datetime | None = None) -> str:
    """14:02 today, else 2026-12-04 14:02 (unambiguous in both languages)."""
    now = now or datetime.now()
    if moment.date() == now.date():
        return moment.strftime("%H:%M")
    return moment.strftime("%Y-%m-%d %H:%M")


class ConnectionBanner(QFrame):
    """The strip above the workspace while the shared database cannot be reached."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("connection-banner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "QFrame#connection-banner { background: #fde7e9; border: 1px solid #d08c94; }"
            "QFrame#connection-banner QLabel { color: #4a0d14; }"
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setAccessibleName(self.tr("Not connected to the shared database"))
        self.retry_button = QPushButton(self.tr("Try now"), self)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.retry_button, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def show_lost(self, where: str, last_reached: datetime | None, waiting: int) -> None:
        if last_reached is None:
            when = self.tr("It has not been reached since the app started.")
        else:
            when = self.tr("Last reached at %1.").replace("%1", clock(last_reached))
        text = "<b>{}</b> {} {}".format(
            self.tr("Not connected to the shared database."),
            when,
            self.tr(
                "What you see is from then and stays on screen; your unsaved changes are kept. "
                "The app reconnects by itself."
            ),
        )
        if waiting:
            text += " " + self.tr(
                "%n initiative(s) will be saved when the connection returns.", "", waiting
            )
        self.label.setText(text)
        self.label.setToolTip(where)
        self.show()


class ConnectionWatch(QObject):
    """Whether the window's database can be reached, and what waits for it to come back.

    The window hands it what it needs: `poll` (ask the database now), `show_status` (a line in
    the status bar), `where` (the database's display name), `open_editors` and `refresh` (reload
    the portfolio keeping its place; may raise `ConnectionLostError`)."""

    def __init__(
        self,
        parent: QObject,
        *,
        poll: Callable[[], None],
        show_status: Callable[[str, int], None],
        where: Callable[[], str],
        open_editors: Callable[[], Sequence[InitiativeEditor]],
        refresh: Callable[[], None],
    ) -> None:
        super().__init__(parent)
        self.poll = poll
        self.show_status = show_status
        self.where = where
        self.open_editors = open_editors
        self.refresh = refresh
        self.connected = True
        self.last_reached: datetime | None = None
        self.waiting: list[EditorBase] = []  # editors whose Save waits for the connection
        self.banner: ConnectionBanner | None = None

    def install_banner(self, layout: QVBoxLayout) -> None:
        """Put a banner on top of `layout` (again after the window was rebuilt in another
        language), showing if the connection is lost."""
        self.banner = ConnectionBanner(layout.parentWidget())
        layout.insertWidget(0, self.banner)
        self.banner.retry_button.clicked.connect(self.try_now)
        if not self.connected:
            self._show_banner()

    # ------------------------------------------------------------------ state changes

    def reset(self) -> None:
        """A (newly) opened database: reached just now."""
        self.connected = True
        self.waiting.clear()
        self.last_reached = datetime.now()
        if self.banner is not None:
            self.banner.hide()

    def reached(self) -> None:
        """A query just got through."""
        self.last_reached = datetime.now()
        if not self.connected:
            self.connected = True
            self._restored()

    def lost(self) -> None:
        """A query found the database unreachable."""
        if self.connected:
            log.info("the connection to the shared database is lost")
        self.connected = False
        self._show_banner()

    def try_now(self) -> None:
        self.poll()

    # ------------------------------------------------------------------ what users see

    def not_connected(self, error: ConnectionLostError | None = None) -> None:
        """A read could not be done: the banner, and a quiet line instead of an error box."""
        self.lost()
        self.show_status(
            self.tr("Not connected to the shared database; try again when it is back."), 10000
        )

    def keep_for_later(self, editor: EditorBase) -> bool:
        """An editor's Save met a lost connection: its changes stay, it is saved again when the
        connection returns. Returns True (the failure is dealt with: no error box)."""
        if editor not in self.waiting:
            self.waiting.append(editor)
        editor.summary_error.show_message(
            self.tr(
                "Not saved yet: the shared database cannot be reached. Your changes are kept "
                "here and will be saved when the connection returns (or press Save to try again)."
            )
        )
        self.lost()
        return True

    def _show_banner(self) -> None:
        open_now = self.open_editors()
        self.waiting = [e for e in self.waiting if e in open_now]
        if self.banner is not None:
            self.banner.show_lost(self.where(), self.last_reached, len(self.waiting))

    def _restored(self) -> None:
        log.info("the connection to the shared database is back")
        if self.banner is not None:
            self.banner.hide()
        self.show_status(self.tr("Connected to the shared database again."), 8000)
        try:
            self.refresh()
        except ConnectionLostError:
            self.lost()
            return
        open_now = self.open_editors()
        waiting = [e for e in self.waiting if e in open_now]
        self.waiting.clear()
        for editor in waiting:
            if editor.dirty or editor.initiative_id is None:
                editor.summary_error.show_message("")
                QTimer.singleShot(0, editor.save)  # after this slot returns


def watch_of(widget: QWidget | None) -> ConnectionWatch | None:
    """The connection watch of the window `widget` lives in, if it has one (only for
    `ui/editor.py` until the editor package is handed its connection handler)."""
    if widget is None:
        return None
    found = getattr(widget.window(), "connection", None)
    return found if isinstance(found, ConnectionWatch) else None


def main_watch() -> ConnectionWatch | None:
    """The watch of the app's main window (for errors that reach the exception hook)."""
    from PySide6.QtWidgets import QApplication

    app = QCoreApplication.instance()
    if not isinstance(app, QApplication):
        return None
    for widget in app.topLevelWidgets():
        found = getattr(widget, "connection", None)
        if isinstance(found, ConnectionWatch):
            return found
    return None
