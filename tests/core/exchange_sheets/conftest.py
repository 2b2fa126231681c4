"""Helpers for the spreadsheet tests: files written the way Excel users write them."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def write_csv(tmp_path: Path):  # type: ignore[no-untyped-def]
    """Write CSV lines as bytes in `encoding` (cp1252 or utf-8-sig) with CRLF like Excel."""

    def write(name: str, lines: list[str], encoding: str = "cp1252") -> Path:
        path = tmp_path / name
        path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
        return path

    return write
