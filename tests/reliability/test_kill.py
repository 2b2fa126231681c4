"""A writer killed with SIGKILL at random moments loses no commit and leaves no half commit.

The writer (writer.py) saves, updates and imports (JSON and CSV) in a loop and reports each
commit on stdout after it happened. After every kill the file must pass `integrity_check`, hold
every reported commit, hold every import completely or not at all, and every initiative must
satisfy the writer's invariant (title `REF vN` with N + 2 journal entries).
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from tests.reliability.helpers import FIGURES, integrity, kills_per_run

WRITER = Path(__file__).with_name("writer.py")


def _kill_one(db_path: Path, tag: int, rnd: random.Random, workdir: Path) -> list[dict[str, Any]]:
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).parents[2]))
    process = subprocess.Popen(
        [
            sys.executable,
            str(WRITER),
            str(db_path),
            str(tag),
            str(rnd.randrange(1 << 30)),
            str(workdir),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    assert process.stdout is not None
    if rnd.random() < 0.1:  # sometimes while it is still opening the database
        time.sleep(rnd.uniform(0.0, 0.8))
    else:
        first = process.stdout.readline()
        assert first.strip() == b'{"op": "ready"}', (
            first,
            process.stderr.read() if process.stderr else "",
        )
        time.sleep(rnd.uniform(0.02, 1.0))
    process.send_signal(signal.SIGKILL)
    out, err = process.communicate(timeout=30)
    assert process.returncode == -signal.SIGKILL, err.decode(errors="replace")
    records = []
    for line in out.decode(errors="replace").splitlines():
        with contextlib.suppress(ValueError):  # a line cut off by the kill: may or may not be in
            records.append(json.loads(line))
    return records


def _state(db_path: Path) -> dict[str, tuple[str, str, int, int]]:
    connection = sqlite3.connect(db_path)
    try:
        rows = connection.execute(
            "SELECT i.reference, i.title, i.sector, i.version, "
            "(SELECT count(*) FROM journal_entry j WHERE j.initiative_id = i.id) "
            "FROM initiative i"
        ).fetchall()
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        connection.close()
    return {ref: (title, sector, version, journal) for ref, title, sector, version, journal in rows}


def test_sigkill_during_saves_and_imports_loses_no_commit(
    tmp_path: Path, head_template: Path
) -> None:
    db_path = tmp_path / "killed.sqlite"
    shutil.copyfile(head_template, db_path)
    workdir = tmp_path / "work"
    workdir.mkdir()
    rnd = random.Random(int.from_bytes(os.urandom(4), "big"))
    committed: dict[str, tuple[str, int]] = {}  # ref -> (title, version) last reported
    planned: list[list[str]] = []
    imported: list[list[str]] = []
    kills = kills_per_run()
    for tag in range(1, kills + 1):
        records = _kill_one(db_path, tag, rnd, workdir)
        for record in records:
            if record["op"] in ("save", "update"):
                committed[record["ref"]] = (record["title"], record["version"])
            elif record["op"] == "plan":
                planned.append(record["refs"])
            elif record["op"] == "import":
                imported.append(record["refs"])

        assert integrity(db_path) == ["ok"], f"after kill {tag}"
        state = _state(db_path)
        lost = [ref for ref in committed if ref not in state]
        lost += [ref for refs in imported for ref in refs if ref not in state]
        FIGURES["records lost"] += len(lost)
        assert not lost, f"after kill {tag}: committed but missing: {lost[:5]}"
        for ref, (title, version) in committed.items():
            now_title, _sector, now_version, _journal = state[ref]
            assert now_version >= version, ref
            if now_version == version:
                assert now_title == title, ref
        for refs in planned:  # all of an import or none of it
            present = sum(ref in state for ref in refs)
            assert present in (0, len(refs)), f"after kill {tag}: half an import {refs}"
        for ref, (title, sector, _version, journal) in state.items():
            updates = int(title.rsplit(" v", 1)[1])
            expected = 0 if sector == "eldercare" else updates + 2  # CSV rows carry no journal
            assert journal == expected, f"after kill {tag}: half a save of {ref}"
        FIGURES["kills survived"] += 1
    FIGURES["commits verified"] += len(committed) + sum(len(refs) for refs in imported)
    assert committed, "the writer never got to commit anything"
    assert imported, "no import ever completed"
