"""Start-up does not pay for heavy modules: they load when first used (issue 8)."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("reportlab", "openpyxl", "jsonschema", "alembic")


def test_the_window_module_loads_without_the_heavy_libraries() -> None:
    script = (
        "import sys\n"
        "import coprod_desktop.ui.app\n"
        f"print(sorted(m for m in {HEAVY!r} if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
