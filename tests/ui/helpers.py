"""Helpers shared by the GUI tests."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from coprod_desktop.store.db import Database


def stop_window(window: Any) -> None:
    """Let a main window's background work finish before its database goes."""
    window.stop_reading()
    window.background.wait()


@contextmanager
def main_window(qtbot: Any, db: Database) -> Iterator[Any]:
    """A shown main window on `db`, its background work waited for afterwards."""
    from coprod_desktop.ui.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    window.set_database(db)
    window.show()
    try:
        yield window
    finally:
        stop_window(window)


def save_and_wait(qtbot: Any, editor: Any, timeout: int = 10000) -> bool:
    """Save `editor` (which returns at once) and wait for the outcome: True when saved."""
    outcome: list[bool] = []
    editor.save(outcome.append)
    qtbot.waitUntil(lambda: bool(outcome), timeout=timeout)
    return outcome[0]


def write_done(qtbot: Any, job: Any, timeout: int = 10000) -> bool:
    """Wait for a write the GUI started (the action returned at once): True when it succeeded
    (its callbacks, the reload and the messages, have run by then)."""
    assert job is not None, "the action started no write"
    if job.ok is None:
        with qtbot.waitSignal(job.finished, timeout=timeout):
            pass
    return bool(job.ok)


class HeldWrite:
    """Holds a service call on the worker until `release()`: the write is "under way" meanwhile,
    so a test sees what the window shows before it finished (never longer than 10 s)."""

    def __init__(self) -> None:
        self.calls = 0
        self._released = threading.Event()

    def hold(self, function: Callable[..., Any]) -> Callable[..., Any]:
        def held(*args: Any, **kwargs: Any) -> Any:
            self.calls += 1
            self._released.wait(10)
            return function(*args, **kwargs)

        return held

    def release(self) -> None:
        self._released.set()
