"""Test configuration shared by every suite: no test touches the real per-user folders."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Qt widgets are real but need no display; set before any test imports Qt.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def isolated_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test gets its own data folder, so backups and defaults never leak between tests."""
    folder = tmp_path / "data"
    monkeypatch.setenv("COPROD_DATA_DIR", str(folder))
    monkeypatch.delenv("COPROD_DB", raising=False)
    monkeypatch.delenv("COPROD_LANG", raising=False)
    monkeypatch.setenv("COPROD_USER", "tester")
    return folder
