"""The one helper for long work: a serial QThreadPool worker, callbacks on the GUI thread,
a progress dialog with cancel.

The function runs on the worker thread and gets a `Progress` it may report to and poll for
cancellation; it must never touch a widget. Its result (or exception) comes back through
Qt signals, so `on_success` / `on_failure` run on the GUI thread.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

log = logging.getLogger(__name__)
T = TypeVar("T")  # what a background function returns and its success callback takes


class Cancelled(Exception):
    """Raised inside a worker function that noticed it was cancelled."""


class Progress:
    """What a worker function may use: report progress, check for cancellation."""

    def __init__(self, signals: _Signals) -> None:
        self._signals = signals
        self._cancel = threading.Event()

    def report(self, done: int, total: int) -> None:
        self._signals.progress.emit(done, total)

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        if self._cancel.is_set():
            raise Cancelled()

    def cancel(self) -> None:
        self._cancel.set()


class _Signals(QObject):
    succeeded = Signal(object)
    failed = Signal(object)
    progress = Signal(int, int)


class _Task(QRunnable):
    def __init__(self, function: Callable[[Progress], Any], signals: _Signals) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self.function = function
        self.signals = signals
        self.progress = Progress(signals)

    def run(self) -> None:
        try:
            result = self.function(self.progress)
        except BaseException as error:  # delivered to on_failure on the GUI thread
            self.signals.failed.emit(error)
        else:
            self.signals.succeeded.emit(result)


class Operation(QObject):
    """One running piece of work; `done` fires after the callbacks ran."""

    done = Signal()

    def __init__(
        self,
        runner: Background,
        function: Callable[[Progress], Any],
        on_success: Callable[[Any], object] | None,
        on_failure: Callable[[BaseException], None] | None,
        label: str | None,
        parent_widget: QWidget | None,
        cancellable: bool,
    ) -> None:
        super().__init__(runner)
        self.runner = runner
        self.on_success = on_success
        self.on_failure = on_failure
        self.signals = _Signals()
        self.task = _Task(function, self.signals)
        self.finished = False
        self.dialog: QProgressDialog | None = None
        if label is not None:
            dialog = QProgressDialog(label, "", 0, 0, parent_widget)
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
            dialog.setMinimumDuration(400)
            dialog.setAutoClose(False)
            dialog.setAutoReset(False)
            if cancellable:
                dialog.setCancelButtonText(QCoreApplication.translate("Background", "Cancel"))
                dialog.canceled.connect(self.cancel)
            else:
                dialog.setCancelButton(None)
            self.dialog = dialog
        self.signals.succeeded.connect(self._succeeded, Qt.ConnectionType.QueuedConnection)
        self.signals.failed.connect(self._failed, Qt.ConnectionType.QueuedConnection)
        self.signals.progress.connect(self._progress, Qt.ConnectionType.QueuedConnection)

    @property
    def cancelled(self) -> bool:
        return self.task.progress.cancelled

    def cancel(self) -> None:
        self.task.progress.cancel()

    def _progress(self, done: int, total: int) -> None:
        if self.dialog is not None:
            self.dialog.setMaximum(total)
            self.dialog.setValue(done)

    def _finish(self) -> None:
        self.finished = True
        if self.dialog is not None:
            self.dialog.reset()
            self.dialog.hide()
            self.dialog.deleteLater()
            self.dialog = None
        self.runner._forget(self)

    def _succeeded(self, result: Any) -> None:
        self._finish()
        try:
            if not self.cancelled and self.on_success is not None:
                self.on_success(result)
        finally:
            self.done.emit()

    def _failed(self, error: BaseException) -> None:
        self._finish()
        try:
            if isinstance(error, Cancelled) or self.cancelled:
                return
            if self.on_failure is not None:
                self.on_failure(error)
            else:
                log.error("background operation failed", exc_info=error)
        finally:
            self.done.emit()


class Background(QObject):
    """Runs work off the GUI thread, one operation after another (writes stay serial)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._running: list[Operation] = []

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def run(
        self,
        function: Callable[[Progress], T],
        on_success: Callable[[T], object] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
        *,
        label: str | None = None,
        parent: QWidget | None = None,
        cancellable: bool = False,
    ) -> Operation:
        operation = Operation(self, function, on_success, on_failure, label, parent, cancellable)
        self._running.append(operation)
        self.pool.start(operation.task)
        return operation

    def _forget(self, operation: Operation) -> None:
        if operation in self._running:
            self._running.remove(operation)

    def wait(self, msecs: int = 30000) -> bool:
        return self.pool.waitForDone(msecs)
