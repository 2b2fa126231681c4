"""Every write of a window through one serial worker.

`Writer.write(work, on_success, on_failure)` runs a write on the Background worker. A locked
database asks "in use by another program — Retry?" and retries the very same call; a full disk,
a read-only file and other known errors are shown in plain words. The caller's data is never
touched on failure, so an editor keeps what the user typed and Save can simply be tried again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QWidget

from coprod_desktop.domain.errors import ConnectionLostError, DatabaseLockedError
from coprod_desktop.ui.background import Background
from coprod_desktop.ui.error_messages import ask_retry, show_error, write_kept


class WriteJob(QObject):
    """One write: runs on the serial worker; `finished(ok)` after its callbacks ran.

    `on_failure(error)` returns True when it dealt with the error itself (no message then); it
    may call `restart(work)` to try again with other work (the job then goes on).
    """

    finished = Signal(bool)

    def __init__(
        self,
        writer: Writer,
        work: Callable[[], Any],
        on_success: Callable[[Any], None] | None,
        on_failure: Callable[[BaseException], bool] | None,
        label: str | None,
    ) -> None:
        super().__init__(writer)
        self.writer = writer
        self.work = work
        self.on_success = on_success
        self.on_failure = on_failure
        self.label = label
        self.ok: bool | None = None
        self.result: Any = None
        self.error: BaseException | None = None
        self._restarted = False

    def start(self) -> WriteJob:
        work = self.work
        self.writer.background.run(
            lambda _progress: work(),
            self._succeeded,
            self._failed,
            label=self.label,
            parent=self.writer.parent_widget(),
        )
        return self

    def restart(self, work: Callable[[], Any] | None = None) -> None:
        if work is not None:
            self.work = work
        self._restarted = True
        self.start()

    def _succeeded(self, result: Any) -> None:
        self.ok = True
        self.result = result
        try:
            if self.on_success is not None:
                self.on_success(result)
        finally:
            self.finished.emit(True)

    def _failed(self, error: BaseException) -> None:
        parent = self.writer.parent_widget()
        if isinstance(error, DatabaseLockedError) and ask_retry(parent, error):
            self.start()  # the same call with the same data
            return
        self._restarted = False
        handled = False
        if self.on_failure is not None:
            handled = bool(self.on_failure(error))
        if self._restarted:
            return
        self.ok = False
        self.error = error
        if not handled and isinstance(error, ConnectionLostError):
            if self.writer.on_connection_lost is not None:
                self.writer.on_connection_lost()
            write_kept(parent)
        elif not handled and not isinstance(error, DatabaseLockedError):
            show_error(parent, error, QCoreApplication.translate("Safety", "Not saved"))
        self.finished.emit(False)


class Writer(QObject):
    """All writes of one window: one serial worker, errors in plain words, Retry when locked."""

    def __init__(
        self,
        background: Background,
        parent: QWidget,
        on_connection_lost: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.background = background
        self._parent = parent
        self.on_connection_lost = on_connection_lost  # the window's connection banner

    def parent_widget(self) -> QWidget:
        return self._parent

    def write(
        self,
        work: Callable[[], Any],
        on_success: Callable[[Any], None] | None = None,
        on_failure: Callable[[BaseException], bool] | None = None,
        *,
        label: str | None = None,
    ) -> WriteJob:
        return WriteJob(self, work, on_success, on_failure, label).start()


def writer_for(widget: QWidget) -> Writer:
    """The writer of the window `widget` lives in (its own serial worker when standalone).

    Only for the editor and its attachments page until the editor package hands them their
    writer; every other view is given the window's writer when it is made."""
    found = getattr(widget.window(), "writer", None)
    if isinstance(found, Writer):
        return found
    own = widget.findChild(Writer, "standalone-writer")
    if own is None:
        own = Writer(Background(widget), widget)
        own.setObjectName("standalone-writer")
    return own
