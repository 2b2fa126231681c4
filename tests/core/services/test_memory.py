"""Pausing the cyclic collector: overlapping pauses, and a collector that was already off."""

from __future__ import annotations

import gc

from coprod_desktop.services.memory import collector_paused


def test_the_collector_runs_again_when_the_last_overlapping_pause_ends() -> None:
    assert gc.isenabled()
    first = collector_paused()
    second = collector_paused()
    first.__enter__()
    second.__enter__()  # the dashboard on its reader while an import runs on the writer
    assert not gc.isenabled()
    first.__exit__(None, None, None)
    assert not gc.isenabled()  # the other is still at work
    second.__exit__(None, None, None)
    assert gc.isenabled()


def test_a_collector_that_was_off_stays_off() -> None:
    gc.disable()
    try:
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()
