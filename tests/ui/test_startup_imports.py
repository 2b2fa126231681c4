"""Start-up does not pay for what the first screen does not show: heavy libraries, the ORM and
the views opened later load when first used (issues 8 and 22)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

HEAVY = ("reportlab", "openpyxl", "jsonschema", "alembic")
# Loaded when first needed, never for the first screen (the portfolio and My work): the ORM
# (its import and the configuration of every mapper), the editor, the dashboard, the
# stakeholder registry, the dialogs, the brief's print preview and the erasure service.
LATER = (
    "sqlalchemy.orm",
    "coprod_desktop.store.models",
    "coprod_desktop.services.initiatives",
    "coprod_desktop.services.privacy",
    "coprod_desktop.ui.editor",
    "coprod_desktop.ui.dashboard",
    "coprod_desktop.ui.stakeholder_registry",
    "coprod_desktop.ui.dialogs",
    "coprod_desktop.ui.name_review",
    "PySide6.QtPdf",
    "PySide6.QtPdfWidgets",
    "PySide6.QtPrintSupport",
)

# Starts the app as `coprod-desktop` does and, when it says the window is usable, prints
# which of the watched modules are loaded.
PROBE = """
import json, sys
from coprod_desktop.ui import app

watched = json.loads(sys.argv[2])
ready = app.report_ready


def report(mode):
    print("loaded " + json.dumps([m for m in watched if m in sys.modules]), flush=True)
    ready(mode)


app.report_ready = report
sys.exit(app.run(["coprod-desktop", "--db", sys.argv[1], "--lang", "da"]))
"""


def test_the_window_module_loads_without_the_heavy_libraries() -> None:
    script = (
        "import sys\n"
        "import coprod_desktop.ui.app\n"
        f"print(sorted(m for m in {HEAVY + LATER!r} if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_the_first_screen_of_a_portfolio_is_shown_without_the_orm(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "COPROD_DATA_DIR": str(tmp_path / "data"),
        "COPROD_REPORT_READY": "quit",
        "QT_QPA_PLATFORM": "offscreen",
    }
    portfolio = tmp_path / "demo.sqlite"
    made = subprocess.run(
        [sys.executable, "-m", "coprod_desktop.cli", "--db", str(portfolio), "demo"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert made.returncode == 0, made.stderr[-2000:]
    watched = json.dumps([*HEAVY, *LATER])
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(portfolio), watched],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    lines = done.stdout.splitlines()
    assert any(line.startswith("coprod-ready") for line in lines), done.stdout
    loaded = json.loads(next(x for x in lines if x.startswith("loaded "))[len("loaded ") :])
    assert loaded == []
