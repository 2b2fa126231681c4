"""Every file a command or dialog writes goes through `services.safe_write`: it never replaces
the open database, its -wal/-shm/-journal, a backup or a device, and a failure (a full disk, no
permission) leaves neither a `.part` file nor a changed target, and exits 4 with one line.

A full disk is simulated where the data reaches the disk: the temporary file's writes (or its
fsync, where a library writes the file itself) fail with ENOSPC, as they do on a full disk.
"""

from __future__ import annotations

import errno
import io
import os
import shutil
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from coprod_desktop import paths
from coprod_desktop.domain.errors import FileProblemError
from coprod_desktop.services import exchange, privacy, safe_write
from coprod_desktop.store.db import Database
from coprod_desktop.store.migrate import open_database
from tests.reliability.helpers import dump, integrity

PERSON_NAME = "Birthe Nørgaard"


@pytest.fixture
def demo(db_path: Path, head_template: Path) -> Iterator[Database]:
    shutil.copyfile(head_template, db_path)
    db = open_database(str(db_path))
    exchange.load_demo(db)
    yield db
    db.dispose()


def _person(db: Database) -> int:
    return next(p.id for p in privacy.list_persons(db) if p.name == PERSON_NAME)


def _leftovers(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.name.endswith(safe_write.PART_SUFFIX))


# ------------------------------------------------------------------ what may not be written


def test_the_open_database_and_its_side_files_are_refused(demo: Database, db_path: Path) -> None:
    before = db_path.read_bytes()
    for suffix in ("", "-wal", "-shm", "-journal"):
        with pytest.raises(FileProblemError) as caught:
            safe_write.write_bytes(Path(str(db_path) + suffix), b"%PDF-1.4")
        assert caught.value.exit_code == 4
        assert "open portfolio database" in caught.value.message()
    # also through a symbolic link, a hard link and a relative path
    link = db_path.with_name("brief.pdf")
    link.symlink_to(db_path)
    hard = db_path.with_name("copy.json")
    os.link(db_path, hard)
    for target in (link, hard, Path(os.path.relpath(db_path))):
        with pytest.raises(FileProblemError):
            safe_write.write_bytes(target, b"x")
    assert db_path.read_bytes() == before
    assert "åbne porteføljedatabase" in caught.value.message("da")
    assert _leftovers(db_path.parent) == []


def test_any_other_database_is_refused_except_by_a_backup(demo: Database, tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite"
    shutil.copyfile(demo.path, other)  # type: ignore[arg-type]
    before = other.read_bytes()
    with pytest.raises(FileProblemError) as caught:
        safe_write.write_text(other, "{}")
    assert "is a database" in caught.value.message()
    assert other.read_bytes() == before
    with safe_write.atomic_path(other, database_copy=True) as temporary:  # a backup may
        temporary.write_bytes(b"SQLite format 3\x00 new copy")
    assert other.read_bytes().endswith(b"new copy")
    # but not over a database another program has open (its -wal file is there)
    in_use = tmp_path / "in-use.sqlite"
    shutil.copyfile(demo.path, in_use)  # type: ignore[arg-type]
    Path(str(in_use) + "-wal").touch()
    with pytest.raises(FileProblemError) as caught:
        safe_write.check_target(in_use, database_copy=True)
    assert "another program has open" in caught.value.message()


def test_the_backups_folder_is_refused(demo: Database) -> None:
    folder = paths.backups_dir()
    for target in (folder / "brief.pdf", folder / "sub" / "x.json", folder):
        with pytest.raises(FileProblemError) as caught:
            safe_write.write_bytes(target, b"x")
        assert "backups folder" in caught.value.message()
    assert not (folder / "brief.pdf").exists() and not (folder / "sub").exists()


@pytest.mark.parametrize("kind", ["device", "fifo", "folder", "link to device", "socket"])
def test_anything_but_an_ordinary_file_is_refused(tmp_path: Path, kind: str) -> None:
    import socket

    target = tmp_path / "target.pdf"
    server = None
    if kind == "device":
        target = Path(os.devnull)
    elif kind == "fifo":
        os.mkfifo(target)
    elif kind == "folder":
        target.mkdir()
    elif kind == "link to device":
        target.symlink_to(os.devnull)
    else:
        server = socket.socket(socket.AF_UNIX)
        server.bind(str(target))
    try:
        with pytest.raises(FileProblemError) as caught:
            safe_write.write_bytes(target, b"%PDF")
    finally:
        if server is not None:
            server.close()
    assert caught.value.exit_code == 4
    assert "not an ordinary file" in caught.value.message()
    assert "ikke en almindelig fil" in caught.value.message("da")
    assert _leftovers(tmp_path) == [] and _leftovers(Path(os.devnull).parent) == []
    if kind == "device":
        assert stat.S_ISCHR(os.stat(os.devnull).st_mode)  # still the device


def test_a_symlink_loop_is_refused(tmp_path: Path) -> None:
    loop = tmp_path / "loop.json"
    loop.symlink_to(loop)
    with pytest.raises(FileProblemError) as caught:
        safe_write.write_text(loop, "{}")
    assert "points back to itself" in caught.value.message()


def test_a_good_write_lands_whole_with_the_old_permissions_and_no_temporary(
    tmp_path: Path,
) -> None:
    target = tmp_path / "deep" / "er" / "export.json"
    safe_write.write_text(target, "first")
    target.chmod(0o640)
    link = tmp_path / "latest.json"
    link.symlink_to(target)
    safe_write.write_text(link, "second")  # through the link: the file it points at
    assert link.is_symlink() and target.read_text() == "second"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert _leftovers(tmp_path) == []


# ------------------------------------------------------------------ failures leave nothing


class _FullDisk(io.RawIOBase):
    """A file whose disk fills after `room` bytes."""

    def __init__(self, real: Any, room: int) -> None:
        self.real = real
        self.room = room

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        if len(data) > self.room:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        self.room -= len(data)
        return int(self.real.write(data))

    def close(self) -> None:
        self.real.close()
        super().close()


@pytest.fixture
def full_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    """The disk fills while a file is written: after 100 bytes for the files safe_write opens,
    and at the fsync for files a library writes itself (the XLSX, a backup)."""
    import builtins

    real_open = builtins.open

    def small_open(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        if "w" not in mode or not str(file).endswith(safe_write.PART_SUFFIX):
            return real_open(file, mode, *args, **kwargs)
        raw = _FullDisk(real_open(file, "wb", buffering=0), 100)
        if "b" in mode:
            return io.BufferedWriter(raw)
        return io.TextIOWrapper(
            io.BufferedWriter(raw),
            encoding=kwargs.get("encoding") or "utf-8",
            newline=kwargs.get("newline"),
        )

    def no_room(_path: Path) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(safe_write, "open", small_open, raising=False)
    monkeypatch.setattr(safe_write, "_sync", no_room)


@pytest.mark.parametrize(
    "args",
    [
        ["export", "-o", "{out}/all.json"],
        ["export", "-o", "{out}/all.csv"],
        ["export", "-o", "{out}/all.xlsx"],
        ["report", "portfolio", "-o", "{out}/review.pdf"],
        ["backup", "-o", "{out}/copy.sqlite"],
    ],
)
def test_a_full_disk_during_export_report_or_backup_exits_4_and_leaves_nothing(
    demo: Database, db_path: Path, tmp_path: Path, run_cli: Any, full_disk: None, args: list[str]
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    target = Path(args[-1].format(out=out))
    target.write_bytes(b"the previous export")
    before = dump(db_path)
    result = run_cli("--db", str(db_path), *[a.format(out=out) for a in args])
    assert result.code == 4, result
    assert len(result.err.strip().splitlines()) == 1
    assert "No space left on device" in result.err and str(target) in result.err
    assert target.read_bytes() == b"the previous export"  # the old file is untouched
    assert _leftovers(tmp_path) == []
    assert dump(db_path) == before and integrity(db_path) == ["ok"]


def test_an_unwritable_folder_exits_4(demo: Database, db_path: Path, run_cli: Any) -> None:
    result = run_cli("--db", str(db_path), "export", "-o", "/proc/version/x.json")
    assert result.code == 4 and "cannot write" in result.err, result


def test_a_full_disk_during_an_access_export_logs_nothing(
    demo: Database, db_path: Path, tmp_path: Path, run_cli: Any, full_disk: None
) -> None:
    person = _person(demo)
    result = run_cli("--db", str(db_path), "person", "export", str(person), "-o", str(tmp_path))
    assert result.code == 4  # a folder
    result = run_cli(
        "--db", str(db_path), "person", "export", str(person), "-o", str(tmp_path / "req")
    )
    assert result.code == 4, result
    assert len(result.err.strip().splitlines()) == 1
    assert not list(tmp_path.glob("req*")) and _leftovers(tmp_path) == []
    assert privacy.access_log(demo, person) == []  # no export happened, none is logged


def test_an_access_export_that_cannot_be_logged_leaves_no_files(
    demo: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from coprod_desktop.domain.errors import DatabaseLockedError
    from coprod_desktop.services.briefs import write_access_files

    person = _person(demo)

    def locked(*_args: Any, **_kwargs: Any) -> None:
        raise DatabaseLockedError(where="x")

    monkeypatch.setattr(privacy, "log_access", locked)
    with pytest.raises(DatabaseLockedError):
        privacy.export_access_request(
            demo, person, "request", lambda doc: write_access_files(doc, tmp_path / "req")
        )
    assert not list(tmp_path.glob("req*"))


def test_an_access_export_is_logged_once_its_files_have_landed(
    demo: Database, tmp_path: Path, run_cli: Any, db_path: Path
) -> None:
    person = _person(demo)
    result = run_cli(
        "--db", str(db_path), "person", "export", str(person), "-o", str(tmp_path / "req.pdf")
    )
    assert result.code == 0, result.err
    assert (tmp_path / "req.json").exists() and (tmp_path / "req.pdf").exists()
    log = privacy.access_log(demo, person)
    assert [(e.action, e.purpose) for e in log] == [("export", "access request")]
    # refused targets: neither file is written and nothing is logged
    (tmp_path / "folder.pdf").mkdir()
    for refused in (tmp_path / "folder.pdf", paths.backups_dir() / "req.pdf"):
        result = run_cli("--db", str(db_path), "person", "export", str(person), "-o", str(refused))
        assert result.code == 4, result
    assert len(privacy.access_log(demo, person)) == 1
    assert not (paths.backups_dir() / "req.json").exists()
    assert not (tmp_path / "folder.json").exists()


# ------------------------------------------------------------------ every writer refuses


@pytest.mark.parametrize(
    "args",
    [
        ["export", "-o", "{db}"],
        ["export", "-o", "{db}-wal"],
        ["export", "-o", "{backups}/x.csv"],
        ["export", "-o", "{backups}/x.xlsx"],
        ["report", "portfolio", "-o", "{db}"],
        ["report", "committee", "-o", "{db}-shm"],
        ["report", "brief", "CP-2024-001", "-o", "/dev/null"],
        ["backup", "-o", "{db}"],
        ["backup", "-o", "{db}-wal"],
        ["backup", "-o", "{backups}/mine.sqlite"],
        ["person", "export", "{person}", "-o", "{backups}/request"],
    ],
)
def test_every_writer_refuses_the_database_backups_and_devices(
    demo: Database, db_path: Path, run_cli: Any, args: list[str]
) -> None:
    values = {"db": db_path, "backups": paths.backups_dir(), "person": _person(demo)}
    assert run_cli("--db", str(db_path), "check").code == 0  # the day's automatic backup
    assert Path(str(db_path) + "-wal").exists()  # `demo` holds the database open
    before = dump(db_path)
    raw = db_path.read_bytes()
    backups = sorted(p.name for p in paths.backups_dir().iterdir())
    result = run_cli("--db", str(db_path), *[a.format(**values) for a in args])
    assert result.code == 4, result
    assert len(result.err.strip().splitlines()) == 1
    assert db_path.read_bytes() == raw and dump(db_path) == before
    assert sorted(p.name for p in paths.backups_dir().iterdir()) == backups
    assert _leftovers(db_path.parent) == []
