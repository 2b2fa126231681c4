"""`coprod report brief|portfolio|committee` (in-process)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import flat, pdf_text


@pytest.mark.parametrize("lang", ["da", "en"])
def test_cli_writes_all_three_briefs(
    run_cli, demo_da_path: Path, tmp_path: Path, lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("COPROD_MUNICIPALITY", "Sønderby Kommune")
    db = str(demo_da_path)
    for args in (
        ["brief", "CP-2024-001"],
        ["portfolio", "--sector", "harbours,eldercare"],
        ["committee"],
        ["committee", "--include-personal-data", "--status", "active"],
    ):
        out = tmp_path / f"{args[0]}-{len(args)}.pdf"
        result = run_cli("--db", db, "--lang", lang, "report", *args, "-o", str(out))
        assert result.code == 0, result.err
        assert str(out) in result.out
        assert out.read_bytes().startswith(b"%PDF")
        assert "Sønderby Kommune" in flat(pdf_text(out.read_bytes()))


def test_cli_errors(run_cli, demo_da_path: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "x.pdf"
    result = run_cli("--db", str(demo_da_path), "report", "brief", "CP-1999-999", "-o", str(out))
    assert result.code == 3
    assert result.err.count("\n") == 1 and "CP-1999-999" in result.err
    result = run_cli(
        "--db", str(demo_da_path), "report", "portfolio", "--type", "nope", "-o", str(out)
    )
    assert result.code == 3 and "nope" in result.err
    assert not out.exists()
    result = run_cli("--db", str(demo_da_path), "report", "portfolio")
    assert result.code == 2  # -o is required
    result = run_cli(
        "--db", str(demo_da_path), "report", "brief", "CP-2024-001", "-o", str(tmp_path)
    )
    assert result.code == 4 and result.err.count("\n") == 1  # a folder: a file problem
    assert "is a folder" in result.err


def test_reports_package_imports_without_reportlab_or_qt() -> None:
    code = (
        "import sys, coprod_desktop.cli, coprod_desktop.reports; "
        "assert 'reportlab' not in sys.modules, 'reportlab'; "
        "assert not any(m.startswith('PySide6') for m in sys.modules)"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_reports_never_import_qt() -> None:
    folder = Path(__file__).resolve().parents[3] / "coprod_desktop" / "reports"
    for source in folder.glob("*.py"):
        assert "PySide6" not in source.read_text("utf-8"), source
