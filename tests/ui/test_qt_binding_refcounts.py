"""Guard against a Qt binding that over-releases None, True or False.

PySide6-Essentials 6.12.0 on Python 3.11 takes one reference from `None` (or `True`/`False`)
on every call of a Qt method that returns nothing (`QLabel.setText`, `QWidget.setEnabled`, …)
without having given it. `None` holds some 34,000 references in the running app, so after
that many calls the interpreter aborts with "Fatal Python error: none_dealloc" — typing one
page into a description did it. On Python 3.12+ these objects are immortal and nothing
happens. README ("Python and Qt") tells the story; this test is what tells an upgrade apart.

The calls run in a child interpreter (packaging/check_qt_binding.py, which packaging/build.sh
runs too before it freezes a bundle), so a binding with the defect fails this test (abort or
counts that moved) instead of taking the whole test session down with it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

CALLS = 3000  # per kind of call: far above noise

CHECK = Path(__file__).resolve().parents[2] / "packaging" / "check_qt_binding.py"


def run_child(calls: int, million: int) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, str(CHECK), str(calls), str(million)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )


def test_qt_setters_leave_none_true_and_false_counts_alone():
    result = run_child(CALLS, 0)
    assert result.returncode in (0, 1), result.stderr[-2000:]
    moved = json.loads(result.stdout.strip().splitlines()[-1])
    # A few references may come and go with caches; the defect moves them by CALLS.
    leaking = {name: delta for name, delta in moved.items() if max(map(abs, delta)) > CALLS // 10}
    assert not leaking, (
        f"{len(leaking)} kind(s) of Qt call change the reference counts of (None, True, False) "
        f"by about one per call over {CALLS} calls — this binding over-releases them and the "
        f"app will abort (README, 'Python and Qt'): {leaking}"
    )


def test_a_million_setter_calls_do_not_abort_the_interpreter():
    result = run_child(3000, 1_000_000)
    assert result.returncode == 0, (
        "the Qt binding aborted the interpreter (see README, 'Python and Qt'):\n"
        + result.stderr[-2000:]
    )
