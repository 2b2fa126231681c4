"""Helpers shared by the reliability tests."""

from __future__ import annotations

import sqlite3
from collections import Counter
from pathlib import Path
from typing import Any

from hypothesis import settings

#: figures of this run (kills survived, cases per format, crashes, records lost)
FIGURES: Counter[str] = Counter()


def kills_per_run() -> int:
    """SIGKILLs per run: 24 normally, 120 with the thorough profile."""
    return 120 if settings().max_examples >= 1000 else 24


def integrity(path: Path) -> list[str]:
    """PRAGMA integrity_check of a file (a normal connection, so a leftover WAL is recovered)."""
    connection = sqlite3.connect(path)
    try:
        return [row[0] for row in connection.execute("PRAGMA integrity_check")]
    finally:
        connection.close()


def dump(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table (search index included), to prove nothing was written."""
    connection = sqlite3.connect(path)
    try:
        tables = [
            row[0]
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
                "ORDER BY name"
            )
        ]
        return {
            table: sorted(connection.execute(f'SELECT * FROM "{table}"').fetchall(), key=repr)
            for table in tables
        }
    finally:
        connection.close()


def remove_database(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(str(path) + suffix).unlink(missing_ok=True)


def one_or_two_lines(text: str) -> bool:
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return 1 <= len(lines) <= 2 and "Traceback" not in text
