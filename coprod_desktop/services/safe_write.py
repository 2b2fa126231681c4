"""The one way to write a file the user names: exports, briefs, backups, access requests.

`check_target` refuses, before any work, a target that is an open portfolio database or one of
its side files (-wal, -shm, -journal; also through a symbolic or hard link), anything in the
backups folder, and anything that exists but is not an ordinary file (a folder, a device, a
pipe); symbolic links are followed first, so a link to a device is a device. Writers other
than backups also refuse to replace any SQLite database.

`atomic_path` / `atomic_write` then write into a temporary `.part` file beside the target (the
same folder, so the rename is atomic), fsync it, rename it over the target and fsync the
folder. On any failure (a full disk, no permission, an interrupted build) the temporary file is
removed and the target is left as it was; operating-system errors become FileProblemError
(exit 4) naming the target and the reason in plain words.
"""

from __future__ import annotations

import errno
import os
import stat
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from coprod_desktop import paths
from coprod_desktop.domain.errors import FileProblemError
from coprod_desktop.store.db import (
    OPEN_DATABASE_FILES,
    SQLITE_HEADER,
    resolve_target,
    sqlite_path,
    to_url,
)

SIDE_SUFFIXES = ("", "-wal", "-shm", "-journal")
PART_SUFFIX = ".part"


def protect(target: str | None) -> None:
    """Protect the database `target` (a path or URL, as `--db` takes it) before it is opened,
    so a command refuses to write over it even before it has opened it."""
    try:
        path = sqlite_path(to_url(resolve_target(target)))
    except Exception:  # an address that cannot be opened is refused when it is opened
        return
    if path is not None:
        OPEN_DATABASE_FILES.add(path)


def _protected_databases() -> set[Path]:
    """The databases opened in this process and the one `--db`/COPROD_DB/the default names."""
    found = set(OPEN_DATABASE_FILES)
    try:
        path = sqlite_path(to_url(resolve_target(None)))
    except Exception:  # an odd COPROD_DB is refused where it is opened, not here
        path = None
    if path is not None:
        found.add(path)
    return found


def _protected_files() -> set[Path]:
    return {Path(str(db) + suffix) for db in _protected_databases() for suffix in SIDE_SUFFIXES}


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "file_kind_folder"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "file_kind_device"
    if stat.S_ISFIFO(mode):
        return "file_kind_pipe"
    if stat.S_ISSOCK(mode):
        return "file_kind_socket"
    return "file_kind_other"


class _NotRegular(FileProblemError):
    def __init__(self, path: Path, kind_key: str) -> None:
        self.kind_key = kind_key
        super().__init__("file_refused_not_regular", path=str(path), what=kind_key)

    def message(self, lang: str = "en") -> str:
        from coprod_desktop.domain.messages import message

        what = message(self.kind_key, lang)
        return message(self.key, lang, path=self.params["path"], what=what)


def check_target(path: Path | str, *, database_copy: bool = False) -> Path:
    """The resolved file to write for `path`, or FileProblemError saying why it may not be.

    `database_copy`: the file written is itself a database (a backup), so an SQLite file that
    is not an open portfolio may be replaced.
    """
    given = Path(path).expanduser()
    try:
        target = given.resolve()
    except (RuntimeError, OSError):  # RuntimeError: a symbolic link loop (Python < 3.13)
        raise FileProblemError("file_symlink_loop", path=str(given)) from None
    shown = str(given)
    if target in _protected_files():
        raise FileProblemError("file_refused_database", path=shown)
    backups = paths.backups_dir().resolve()
    if target == backups or target.is_relative_to(backups):
        raise FileProblemError("file_refused_backups", path=shown)
    try:
        found = os.stat(target)
    except FileNotFoundError:
        return target
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise FileProblemError("file_symlink_loop", path=shown) from None
        raise _unwritable(given, error) from None
    if not stat.S_ISREG(found.st_mode):
        raise _NotRegular(given, _kind(found.st_mode))
    for protected in _protected_files():  # the same file under another name (a hard link)
        try:
            other = os.stat(protected)
        except OSError:
            continue
        if (other.st_dev, other.st_ino) == (found.st_dev, found.st_ino):
            raise FileProblemError("file_refused_database", path=shown)
    if _is_sqlite(target):
        if not database_copy:
            raise FileProblemError("file_refused_sqlite", path=shown)
        if Path(str(target) + "-wal").exists():  # open in another program: a copy over it
            raise FileProblemError("file_refused_in_use", path=shown)  # would be lost
    return target


def _is_sqlite(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def _unwritable(path: Path, error: OSError) -> FileProblemError:
    return FileProblemError("file_not_written", path=str(path), reason=error.strerror or str(error))


def fsync_folder(folder: Path) -> None:
    """Make a rename in `folder` durable (where the file system can sync a folder)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems cannot sync a folder; the file itself is synced
    finally:
        os.close(fd)


@contextmanager
def atomic_path(path: Path | str, *, database_copy: bool = False) -> Iterator[Path]:
    """A temporary path beside the checked target; whatever the block writes there is synced
    and renamed over the target when the block ends without an error, and removed otherwise.

    The temporary file exists (empty) when the block starts; its permissions are those of the
    file it replaces, or of a new file (the umask applies).
    """
    shown = Path(path).expanduser()
    target = check_target(path, database_copy=database_copy)
    temporary = target.with_name(f".{target.name}.{uuid.uuid4().hex[:12]}{PART_SUFFIX}")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        os.close(fd)
        if target.exists():
            os.chmod(temporary, stat.S_IMODE(os.stat(target).st_mode))
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise _unwritable(shown, error) from None
    try:
        yield temporary
        _sync(temporary)
        check_target(path, database_copy=database_copy)  # still allowed (the build took time)
        os.replace(temporary, target)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise _unwritable(shown, error) from None
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    fsync_folder(target.parent)


def _sync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextmanager
def atomic_write(
    path: Path | str,
    mode: str = "wb",
    *,
    encoding: str | None = None,
    newline: str | None = None,
) -> Iterator[IO[Any]]:
    """An open file (binary by default) that replaces `path` only when the block succeeds."""
    with (
        atomic_path(path) as temporary,
        open(temporary, mode, encoding=encoding, newline=newline) as handle,
    ):
        yield handle
        handle.flush()


def write_bytes(path: Path | str, data: bytes) -> Path:
    with atomic_write(path) as handle:
        handle.write(data)
    return Path(path)


def write_text(path: Path | str, text: str, encoding: str = "utf-8") -> Path:
    with atomic_write(path, "w", encoding=encoding, newline="") as handle:
        handle.write(text)
    return Path(path)
