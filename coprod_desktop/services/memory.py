"""Pausing Python's cyclic garbage collector around bulk work.

An import or the dashboard's pass over a whole portfolio makes millions of small objects
that reference counting frees anyway, while what they keep keeps growing; the cyclic
collector would walk all of it again and again (a third of an import's time, about 40 % of
the dashboard's at 100,000 initiatives). Pauses may overlap (an import on the writer thread,
the dashboard on a reader): the collector runs again when the last one ends.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_pauses = 0
_was_enabled = True


@contextmanager
def collector_paused() -> Iterator[None]:
    global _pauses, _was_enabled
    with _lock:
        if _pauses == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _pauses += 1
    try:
        yield
    finally:
        with _lock:
            _pauses -= 1
            if _pauses == 0 and _was_enabled:
                gc.enable()
