"""`coprod` loads per command only what that command needs (issue 8).

Each check runs the real command in a fresh interpreter and looks at `sys.modules` afterwards:
behaviour, not time.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

#: libraries no listing needs: briefs, spreadsheets, schema checks, migrations, the GUI
NOT_FOR_LISTING = ("reportlab", "openpyxl", "jsonschema", "alembic", "PySide6", "shiboken6")


def loaded_after(argv: list[str], watched: tuple[str, ...], data_dir: Path) -> list[str]:
    """The `watched` top-level packages in sys.modules after `coprod ARGV` ran (exit 0)."""
    script = (
        "import sys\n"
        "from coprod_desktop import cli\n"
        "try:\n"
        f"    code = cli.main({argv!r})\n"
        "except SystemExit as stop:\n"
        "    code = stop.code\n"
        "assert code in (0, None), code\n"
        f"print(sorted({{m.split('.')[0] for m in sys.modules}} & set({watched!r})))\n"
    )
    env = {**os.environ, "COPROD_DATA_DIR": str(data_dir)}
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr
    found: list[str] = ast.literal_eval(done.stdout.strip().splitlines()[-1])
    return found


def test_list_and_show_load_no_report_spreadsheet_schema_migration_or_gui_library(
    demo_db: str, tmp_path: Path
) -> None:
    for argv in (
        ["--db", demo_db, "list"],
        ["--db", demo_db, "list", "--format", "json", "--search", "park"],
        ["--db", demo_db, "list", "--attention", "any"],
        ["--db", demo_db, "show", "CP-2024-001"],
    ):
        assert loaded_after(argv, NOT_FOR_LISTING, tmp_path / "data") == [], argv


def test_list_loads_no_orm_or_models(demo_db: str, tmp_path: Path) -> None:
    # issue 22: a listing reads with plain SQL; the ORM and the models cost a tenth of a second
    watched = ("sqlalchemy.orm", "coprod_desktop.store.models", "coprod_desktop.services.privacy")
    for argv in (
        ["--db", demo_db, "list"],
        ["--db", demo_db, "list", "--format", "json", "--status", "active"],
        ["--db", demo_db, "list", "--attention", "any", "--search", "park"],
    ):
        assert loaded_modules_after(argv, watched, tmp_path / "data") == [], argv


def loaded_modules_after(argv: list[str], watched: tuple[str, ...], data_dir: Path) -> list[str]:
    """The `watched` modules (full names) in sys.modules after `coprod ARGV` ran (exit 0)."""
    script = (
        "import sys\n"
        "from coprod_desktop import cli\n"
        f"assert cli.main({argv!r}) == 0\n"
        f"print(sorted(set(sys.modules) & set({watched!r})))\n"
    )
    env = {**os.environ, "COPROD_DATA_DIR": str(data_dir)}
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr
    found: list[str] = ast.literal_eval(done.stdout.strip().splitlines()[-1])
    return found


def test_help_and_version_load_no_database_layer(tmp_path: Path) -> None:
    watched = ("sqlalchemy", "reportlab", "platformdirs")
    assert loaded_after(["--help"], watched, tmp_path / "data") == []
    assert loaded_after(["list", "--help"], watched, tmp_path / "data") == []
    assert loaded_after(["--version"], watched, tmp_path / "data") == []


def test_report_loads_reportlab_but_no_spreadsheet_schema_or_gui_library(
    demo_db: str, tmp_path: Path
) -> None:
    out = tmp_path / "review.pdf"
    watched = ("reportlab", "openpyxl", "jsonschema", "alembic", "PySide6")
    argv = ["--db", demo_db, "report", "portfolio", "-o", str(out)]
    assert loaded_after(argv, watched, tmp_path / "data") == ["reportlab"]
    assert out.read_bytes().startswith(b"%PDF")
