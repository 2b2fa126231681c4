from __future__ import annotations

from pathlib import Path


def test_init_creates_a_database_that_check_accepts(run_cli, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("--db", str(db_path), "init")
    assert result.code == 0, result.err
    assert db_path.exists()
    check = run_cli("--db", str(db_path), "check")
    assert check.code == 0
    assert "integrity: ok" in check.out
