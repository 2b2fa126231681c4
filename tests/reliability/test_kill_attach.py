"""`coprod attach` killed with SIGKILL at any moment leaves nothing half made: either every
file of the command is there (record and bytes, checksums right) or none is, and no bytes
stay behind without an attachment that names them."""

from __future__ import annotations

import hashlib
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from coprod_desktop.domain import model as d
from coprod_desktop.services import initiatives
from coprod_desktop.store.migrate import open_database
from tests.reliability.helpers import integrity

FILES = 4
FILE_SIZE = 6 * 1024 * 1024
COMMAND = (sys.executable, "-m", "coprod_desktop.cli")


def _check(db_path: Path) -> tuple[int, set[str]]:
    """(attachments, checksums) after checking every record has all its bytes and back."""
    assert integrity(db_path) == ["ok"]
    connection = sqlite3.connect(db_path)
    try:
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        rows = connection.execute("SELECT sha256, size FROM attachment").fetchall()
        stored = {
            sha: b"".join(
                chunk
                for (chunk,) in connection.execute(
                    "SELECT data FROM attachment_content WHERE sha256 = ? ORDER BY seq", (sha,)
                )
            )
            for (sha,) in connection.execute("SELECT DISTINCT sha256 FROM attachment_content")
        }
    finally:
        connection.close()
    for sha, size in rows:
        assert sha in stored, "a record without its file"
        assert hashlib.sha256(stored[sha]).hexdigest() == sha and len(stored[sha]) == size
    assert set(stored) <= {sha for sha, _size in rows}, "a file without a record"
    return len(rows), set(stored)


def test_sigkill_during_attach_leaves_all_or_nothing(tmp_path: Path) -> None:
    db_path = tmp_path / "portfolio.db"
    db = open_database(str(db_path))
    made = initiatives.create_initiative(
        db, d.InitiativeData(title="Havnen", sector="harbours", status="active")
    )
    db.dispose()
    rnd = random.Random(20)
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).parents[2]))

    def files(round_: int) -> list[str]:
        made = []
        for index in range(FILES):
            path = tmp_path / f"round{round_}-{index}.bin"
            path.write_bytes(os.urandom(FILE_SIZE))
            made.append(str(path))
        return made

    def start(files: list[str]) -> subprocess.Popen[bytes]:
        return subprocess.Popen(
            [*COMMAND, "--db", str(db_path), "attach", str(made.id), *files],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
        )

    first = files(0)
    began = time.monotonic()  # how long a whole attach takes here, to kill inside it
    calibration = start(first)
    assert calibration.wait(timeout=120) == 0
    whole = time.monotonic() - began
    expected, _stored = _check(db_path)
    assert expected == FILES
    outcomes: set[str] = set()
    # from the middle of opening the database to after the commit
    for round_, share in enumerate((0.2, 0.35, 0.5, 0.6, 0.7, 0.8, 0.9, 1.2), start=1):
        process = start(files(round_))
        time.sleep(whole * share * rnd.uniform(0.9, 1.1))
        process.send_signal(signal.SIGKILL)
        process.communicate(timeout=60)
        count, _stored = _check(db_path)
        assert count in (expected, expected + FILES), (round_, count, expected)
        outcomes.add("kept" if count > expected else "nothing")
        expected = count
    assert "nothing" in outcomes  # at least one kill landed before the commit
