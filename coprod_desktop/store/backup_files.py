"""Automatic backups of SQLite portfolios in the data folder's backups/.

Every copy is made with SQLite's backup API (consistent while others write) into a temporary
name and renamed when complete, so a crash never leaves a half backup under a real name. Next
to each copy a small JSON file records which database it is of, its kind and when it was made.

Kinds: `daily` (the first opening of a day; the last DAILY_KEPT per database are kept),
`pre-migration` (before a schema upgrade; all kept), `pre-restore` (the file a restore replaced;
all kept) and `manual` (anything else found in the folder). PostgreSQL databases get no
automatic backups: that is the server's job.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from coprod_desktop import paths
from coprod_desktop.store.db import read_only_uri

DAILY_KEPT = 7
SUFFIX = ".sqlite"
META_SUFFIX = ".json"
KINDS = ("daily", "pre-migration", "pre-restore", "manual")


@dataclass(frozen=True)
class BackupInfo:
    name: str  # the file name in the backups folder
    path: Path
    kind: str  # one of KINDS
    created: datetime
    size: int  # bytes
    source: Path | None  # the database it is a copy of (None if not recorded)
    revision: str | None  # its schema revision when copied, if recorded

    @property
    def automatic(self) -> bool:
        return self.kind in ("daily", "pre-migration")


def backup_sqlite(source: Path, destination: Path) -> Path:
    """A consistent copy of a live SQLite file through the backup API (source read-only)."""
    destination.parent.mkdir(parents=True, exist_ok=True)
    src = sqlite3.connect(read_only_uri(source), uri=True)
    try:
        dst = sqlite3.connect(destination)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    _fsync(destination)
    return destination


def _fsync(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def quick_check(path: Path) -> str | None:
    """None when an SQLite file passes `PRAGMA quick_check`, else what is wrong."""
    try:
        connection = sqlite3.connect(read_only_uri(path), uri=True)
        try:
            result = [row[0] for row in connection.execute("PRAGMA quick_check")]
        finally:
            connection.close()
    except sqlite3.Error as error:
        return str(error)
    return None if result == ["ok"] else "; ".join(result[:3])


def _meta_path(backup: Path) -> Path:
    return backup.with_name(backup.name + META_SUFFIX)


def make_backup(
    source: Path,
    kind: str,
    *,
    revision: str | None = None,
    folder: Path | None = None,
    raw: bool = False,
) -> BackupInfo:
    """Copy `source` into the backups folder as `kind`; `raw` copies the bytes as they are
    (for a file the backup API cannot read, e.g. a damaged one about to be replaced)."""
    assert kind in KINDS
    folder = folder or paths.backups_dir()
    folder.mkdir(parents=True, exist_ok=True)
    now = datetime.now()
    if kind == "daily":
        stem = f"{source.stem}-daily-{now:%Y-%m-%d}"
    elif kind == "pre-migration":
        stem = f"{source.stem}-pre-migration-{revision}-{now:%Y%m%d-%H%M%S}"
    else:
        stem = f"{source.stem}-{kind}-{now:%Y%m%d-%H%M%S}"
    final = folder / (stem + SUFFIX)
    number = 2
    while final.exists():  # another database of the same name, or twice in one second
        final = folder / f"{stem}-{number}{SUFFIX}"
        number += 1
    partial = folder / f".{final.name}.{os.getpid()}.part"
    try:
        if raw:
            shutil.copyfile(source, partial)
            _fsync(partial)
        else:
            backup_sqlite(source, partial)
            problem = quick_check(partial)
            if problem is not None:  # never keep a damaged copy that could replace good ones
                raise sqlite3.DatabaseError(f"the copy failed its check: {problem}")
        size = partial.stat().st_size
        meta = {
            "source": str(source.resolve()),
            "kind": kind,
            "created": now.isoformat(timespec="seconds"),
            "revision": revision,
        }
        _meta_path(final).write_text(json.dumps(meta, indent=1), "utf-8")
        partial.replace(final)  # the copy appears under its real name only when complete
    except BaseException:
        partial.unlink(missing_ok=True)
        _meta_path(final).unlink(missing_ok=True)
        raise
    return BackupInfo(final.name, final, kind, now, size, source.resolve(), revision)


def _infer_kind(name: str) -> str:
    for kind in ("pre-migration", "pre-restore", "daily"):
        if f"-{kind}-" in name:
            return kind
    return "manual"


def _read(path: Path) -> BackupInfo:
    stat = path.stat()
    meta: dict[str, Any] = {}
    meta_file = _meta_path(path)
    if meta_file.exists():
        try:
            loaded = json.loads(meta_file.read_text("utf-8"))
            meta = loaded if isinstance(loaded, dict) else {}
        except (OSError, ValueError):
            meta = {}
    kind = meta.get("kind") if meta.get("kind") in KINDS else _infer_kind(path.name)
    try:
        created = datetime.fromisoformat(str(meta["created"]))
    except (KeyError, ValueError):
        created = datetime.fromtimestamp(stat.st_mtime)
    source = Path(meta["source"]) if isinstance(meta.get("source"), str) else None
    revision = meta.get("revision") if isinstance(meta.get("revision"), str) else None
    return BackupInfo(path.name, path, str(kind), created, stat.st_size, source, revision)


def list_backups(source: Path | None = None, folder: Path | None = None) -> list[BackupInfo]:
    """The backups in the folder, newest first; only those of `source` if it is given."""
    folder = folder or paths.backups_dir()
    if not folder.is_dir():
        return []
    found = []
    for path in folder.glob("*" + SUFFIX):
        if path.name.startswith("."):
            continue  # a copy still being written (or left by a crash)
        try:
            info = _read(path)
        except OSError:
            continue
        if source is None or info.source == source.resolve():
            found.append(info)
    found.sort(key=lambda info: (info.created, info.name), reverse=True)
    return found


def prune(source: Path, folder: Path | None = None, keep: int = DAILY_KEPT) -> list[Path]:
    """Delete the daily backups of `source` beyond the newest `keep`; returns what went."""
    daily = [info for info in list_backups(source, folder) if info.kind == "daily"]
    removed = []
    for info in daily[keep:]:
        info.path.unlink(missing_ok=True)
        _meta_path(info.path).unlink(missing_ok=True)
        removed.append(info.path)
    return removed


def _remove_leftovers(folder: Path) -> None:
    """Partial copies of a process that was killed while writing one (older than an hour)."""
    limit = datetime.now().timestamp() - 3600
    for partial in folder.glob(".*.part"):
        try:
            if partial.stat().st_mtime < limit:
                partial.unlink()
        except OSError:
            pass


def ensure_daily(
    source: Path, folder: Path | None = None, today: date | None = None
) -> BackupInfo | None:
    """Today's backup of `source`, made if it does not exist yet (then older ones are pruned).

    Returns the new backup, or None when today's already existed.
    """
    folder = folder or paths.backups_dir()
    today = today or date.today()
    existing = list_backups(source, folder)
    if any(info.kind == "daily" and info.created.date() == today for info in existing):
        return None
    info = make_backup(source, "daily", revision=_revision(source), folder=folder)
    prune(source, folder)
    _remove_leftovers(folder)
    return info


def _revision(path: Path) -> str | None:
    try:
        connection = sqlite3.connect(read_only_uri(path), uri=True)
        try:
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            connection.close()
    except sqlite3.Error:
        return None
    return str(row[0]) if row else None
