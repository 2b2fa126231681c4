"""Opening a portfolio database: where it is, checks before touching it, engine and sessions.

A path means SQLite, a `postgresql+psycopg://` URL a shared PostgreSQL database. Before anything
writes to an SQLite file, it is inspected by reading only (`inspect_sqlite_for_use`), so that a
file this version cannot handle (damaged, another program's, made by a newer version) is refused
without a byte changed.
"""

from __future__ import annotations

import functools
import getpass
import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Concatenate, ParamSpec, TypeVar

from sqlalchemy import Connection, Engine, create_engine, event, exc
from sqlalchemy.engine import make_url

from coprod_desktop import paths
from coprod_desktop.domain.errors import (
    ConflictError,
    ConnectionLostError,
    CoprodError,
    DatabaseAddressError,
    DatabaseCorruptError,
    DatabaseFullError,
    DatabaseLockedError,
    DatabaseReadOnlyError,
    DatabaseUnavailableError,
)

if TYPE_CHECKING:
    from sqlalchemy.orm import Session
    from sqlalchemy.orm.exc import StaleDataError

P = ParamSpec("P")
R = TypeVar("R")

BUSY_TIMEOUT_MS = 5000
SQLITE_HEADER = b"SQLite format 3\x00"


def busy_timeout_ms() -> int:
    """How long to wait for another program's lock; COPROD_BUSY_TIMEOUT_MS overrides it."""
    try:
        return max(0, int(os.environ.get("COPROD_BUSY_TIMEOUT_MS", BUSY_TIMEOUT_MS)))
    except ValueError:
        return BUSY_TIMEOUT_MS


def is_read_only(path: Path) -> bool:
    """True when an SQLite file (or its folder, which holds the -wal/-shm files) cannot be
    written by this user; for a missing file, when its folder cannot be created or written."""
    if not path.exists():
        return not os.access(_existing_parent(path), os.W_OK)
    return not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK)


def _existing_parent(path: Path) -> Path:
    parent = path.resolve().parent
    while not parent.exists() and parent != parent.parent:
        parent = parent.parent
    return parent


def read_only_uri(path: Path) -> str:
    """An SQLite URI that reads `path` without writing a byte.

    Without a -wal file nobody has the database open for writing, so it is read as immutable:
    no lock and no -wal/-shm files (which a read-only folder could not hold anyway). With a
    -wal file, a plain read-only connection sees the latest commits.
    """
    in_use = Path(str(path) + "-wal").exists()
    return path.resolve().as_uri() + ("?mode=ro" if in_use else "?mode=ro&immutable=1")


@functools.cache
def session_class() -> type[Session]:
    """The session class every service uses; it carries the audit and search listeners.
    Made on first use: a command that only reads with plain SQL (`coprod list`) loads
    neither the ORM nor the models."""
    from sqlalchemy.orm import Session

    from coprod_desktop.store import audit

    class AppSession(Session):
        pass

    audit.install(AppSession)
    return AppSession


def resolve_target(db: str | None) -> str:
    """`--db`, then COPROD_DB, then the per-user default path."""
    if db:
        return db
    env = os.environ.get("COPROD_DB")
    if env:
        return env
    return str(paths.default_database_path())


def to_url(target: str) -> str:
    """The SQLAlchemy URL of a path or address; anything this app cannot open (a symbolic
    link loop, a malformed address, a kind of database other than SQLite and PostgreSQL
    through psycopg) is DatabaseAddressError."""
    if "://" in target:
        _check_url(target)
        return target
    try:
        path = str(Path(target).expanduser().resolve())
    except (RuntimeError, OSError):  # RuntimeError: a symbolic link loop (Python < 3.13)
        raise DatabaseAddressError("db_symlink_loop", where=target) from None
    # the address is read back as a URL: a % would start an escape and a ? or # end the
    # path ("pct %20 x" would open "pct   x", "q?mark/p.sqlite" a file "q"), so those are
    # escaped; everything else stays readable
    for character, escaped in _URL_SPECIAL:
        path = path.replace(character, escaped)
    return "sqlite:///" + path


_URL_SPECIAL = (("%", "%25"), ("?", "%3F"), ("#", "%23"))


SUPPORTED_DRIVERS = frozenset({("sqlite", "pysqlite"), ("postgresql", "psycopg")})


def _check_url(target: str) -> None:
    try:
        parsed = make_url(target)
        kind = (parsed.get_backend_name(), parsed.get_driver_name())
    except Exception:  # ArgumentError, ValueError (a bad port), NoSuchModuleError …
        shown = target.split("://", 1)[0] + "://…"  # the rest may hold a password
        raise DatabaseAddressError("db_bad_url", where=shown) from None
    if kind not in SUPPORTED_DRIVERS:
        raise DatabaseAddressError(
            "db_unsupported_url",
            where=parsed.render_as_string(hide_password=True),
            kind=parsed.drivername,
        )


def sqlite_path(url: str) -> Path | None:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database:
        return None
    return Path(parsed.database)


def default_user(url: str | None = None) -> str:
    """Who the audit trail names: the configured name, else the database user of a shared
    database, else the login name."""
    configured = os.environ.get("COPROD_USER")
    if configured:
        return configured
    if url and "://" in url and not url.startswith("sqlite"):
        database_user = make_url(url).username
        if database_user:
            return database_user
    try:
        return getpass.getuser()
    except Exception:  # no login name on this platform or container
        return "unknown"


def _lower(value: object) -> object:
    return value.lower() if isinstance(value, str) else value


def _unicode_functions(dbapi_connection: Any) -> None:
    # SQLite's own lower() folds only A-Z, so "ØRUM" would not match "ørum" in the owner filter,
    # the stakeholder search or a case-insensitive sort; use Python's Unicode-aware lower().
    dbapi_connection.create_function("lower", 1, _lower, deterministic=True)


# sqlite3 binds a None the slow way: it finds no adapter for NoneType, then asks the protocol
# and the value for one (eight times an integer's cost); with the identity registered, a None
# takes one dict lookup. It binds exactly as before (NULL); a bulk import binds 340,000 of them.
_NOTHING_REGISTERED: dict[Any, Any] = {}
sqlite3.register_adapter(type(None), _NOTHING_REGISTERED.get)
# A date binds as its ISO text, as sqlite3's default adapter does (a Python function, deprecated
# since 3.12) and as SQLAlchemy writes one on SQLite; date.isoformat itself is called from C.
# The bulk import binds its dates this way (exchange.bulk).
sqlite3.register_adapter(date, date.isoformat)


# The page size of a new portfolio file: 8 KiB where SQLite's default is 4. Rows of a few
# kilobytes (an imported record's history event, a long journal entry) leave less of a page
# empty, and a bulk import of 10,000 initiatives is some 4 % faster. A file keeps the page
# size it was made with (SQLite changes it only while the file has no table).
NEW_FILE_PAGE_SIZE = 8192


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    _unicode_functions(dbapi_connection)
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {busy_timeout_ms()}")
    cursor.execute("PRAGMA foreign_keys = ON")
    # only a file without tables takes it (before WAL mode, which fixes it)
    cursor.execute(f"PRAGMA page_size = {NEW_FILE_PAGE_SIZE}")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.close()


def _sqlite_read_only_pragmas(dbapi_connection: Any, _record: Any) -> None:
    _unicode_functions(dbapi_connection)
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {busy_timeout_ms()}")
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.close()


def make_engine(
    url: str,
    *,
    read_only: bool = False,
    user: str | None = None,
    first_connection: sqlite3.Connection | None = None,
) -> Engine:
    """The engine of a database. `first_connection` (SQLite): the connection its file was just
    checked on (`inspect_sqlite_for_use`), set up and pooled as the engine's first."""
    timeout = busy_timeout_ms() / 1000
    path = sqlite_path(url)
    if path is not None and read_only:
        uri = read_only_uri(path)

        def connect() -> sqlite3.Connection:
            return sqlite3.connect(uri, uri=True, timeout=timeout, check_same_thread=False)

        engine = create_engine("sqlite://", creator=connect)
        event.listen(engine, "connect", _sqlite_read_only_pragmas)
        return engine
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": timeout})
        event.listen(engine, "connect", _sqlite_pragmas)
        if first_connection is not None:
            handed = [first_connection]

            def adopt(*_args: Any) -> sqlite3.Connection | None:
                return handed.pop() if handed else None  # None: connect as usual

            event.listen(engine, "do_connect", adopt)
        return engine
    return create_engine(url, pool_pre_ping=True, connect_args=server_connect_args(url, user))


#: seconds to wait for a server that does not answer (a dead network), before "cannot reach"
CONNECT_TIMEOUT_S = 10


def server_connect_args(url: str, user: str | None = None) -> dict[str, Any]:
    """Connection options for a shared database: the server's session list names the program
    and who uses it (`application_name`), and an unreachable server is given up on in seconds."""
    if make_url(url).get_backend_name() != "postgresql":
        return {}
    who = user or default_user(url)
    # PostgreSQL keeps 63 bytes of it and wants plain ASCII there
    name = f"coprod-desktop ({who})".encode("ascii", "replace").decode()[:63]
    return {"application_name": name, "connect_timeout": CONNECT_TIMEOUT_S}


@dataclass(frozen=True)
class SqliteInspection:
    exists: bool
    tables: frozenset[str]
    revision: str | None


def inspect_sqlite_file(path: Path) -> SqliteInspection:
    """Look at an SQLite file without changing it: its tables and Alembic revision.

    Raises DatabaseCorruptError for anything that is not a usable SQLite file.
    """
    # A read-only connection to a WAL database leaves -wal/-shm files behind. Without a -wal
    # file nobody has the database open, so read it as immutable: no lock, no side files.
    found, connection = _inspect(path, read_only_uri(path))
    if connection is not None:
        connection.close()
    return found


def inspect_sqlite_for_use(path: Path) -> tuple[SqliteInspection, sqlite3.Connection | None]:
    """`inspect_sqlite_file`, on the connection the engine will then use when it may.

    Opening a portfolio read its schema twice, once to check it and once to use it: a third
    of what opening costs at 100,000 initiatives (issue 22). When nothing else has the file
    open (no -wal file) and no interrupted write waits to be rolled back (no -journal), a
    plain connection that only reads changes nothing either (a WAL file's -wal/-shm come and
    go with it), so the check runs on a read-write connection the engine adopts
    (`make_engine(..., first_connection=)`; nothing is set on it before the check). Otherwise,
    or when the file is not there, it is inspected read-only as ever and None comes back.
    """
    if not path.is_file() or any(
        Path(str(path) + suffix).exists() for suffix in ("-wal", "-journal")
    ):
        return inspect_sqlite_file(path), None
    # what SQLAlchemy opens for a file URL (make_engine), but never creating the file
    return _inspect(path, path.resolve().as_uri() + "?mode=rw", check_same_thread=False)


def _inspect(
    path: Path, uri: str, *, check_same_thread: bool = True
) -> tuple[SqliteInspection, sqlite3.Connection | None]:
    """The inspection through a connection to `uri`, and that connection (None when the file
    does not exist). The connection is closed when the inspection raises."""
    where = str(path)
    if not path.exists():
        return SqliteInspection(False, frozenset(), None), None
    if path.is_dir():
        raise DatabaseUnavailableError(where=where, reason="it is a folder")
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as error:
        raise DatabaseUnavailableError(where=where, reason=error.strerror or str(error)) from None
    if header != SQLITE_HEADER:
        reason = "the file is empty" if not header else "it is not an SQLite database"
        raise DatabaseCorruptError(where=where, reason=reason)
    connection: sqlite3.Connection | None = None
    try:
        connection = sqlite3.connect(
            uri, uri=True, timeout=busy_timeout_ms() / 1000, check_same_thread=check_same_thread
        )
        tables = frozenset(
            row[0]
            for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
        )
        revision = None
        if "alembic_version" in tables:
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
    except sqlite3.OperationalError as error:
        if connection is not None:
            connection.close()
        if "locked" in str(error) or "busy" in str(error):
            raise DatabaseLockedError(where=where) from None
        raise DatabaseCorruptError(where=where, reason=str(error)) from None
    except sqlite3.DatabaseError as error:
        if connection is not None:
            connection.close()
        raise DatabaseCorruptError(where=where, reason=str(error)) from None
    return SqliteInspection(True, tables, revision), connection


# What psycopg and the server say when the server cannot be reached (down, restarting, network)
_CONNECTION_LOST_HINTS = (
    "connection failed",
    "could not connect",
    "connection refused",
    "server closed the connection",
    "terminating connection",
    "connection is closed",
    "connection is lost",
    "no connection to the server",
    "could not receive data",
    "could not send data",
    "consuming input failed",
    "sending query failed",
    "timeout expired",
    "connection timed out",
    "network is unreachable",
    "no route to host",
    "the database system is shutting down",
    "the database system is starting up",
    "the database system is in recovery mode",
    "could not translate host name",
)


def is_connection_lost(error: BaseException) -> bool:
    """True when a shared database's server cannot be reached (as opposed to a problem of the
    data or the request). SQLite files are never "unreachable" in this sense."""
    if getattr(error, "connection_invalidated", False):
        return True
    original = getattr(error, "orig", error)
    if not type(original).__module__.startswith("psycopg"):
        return False
    text = str(original).lower()
    return any(hint in text for hint in _CONNECTION_LOST_HINTS)


def translate_db_error(error: BaseException, where: str) -> CoprodError:
    """A known error for a database exception (locked, read-only, damaged, gone)."""
    if is_connection_lost(error):
        return ConnectionLostError(where=where)
    text = str(getattr(error, "orig", error)).lower()
    if "locked" in text or "busy" in text:
        return DatabaseLockedError(where=where)
    if "readonly" in text or "read-only" in text:
        return DatabaseReadOnlyError(where=where)
    if "disk is full" in text or "disk full" in text:
        return DatabaseFullError(where=where)
    if "malformed" in text or "not a database" in text or "corrupt" in text:
        return DatabaseCorruptError(where=where, reason=text)
    return DatabaseUnavailableError(where=where, reason=text.splitlines()[0] if text else "")


#: every SQLite portfolio opened in this process: no file the user asks to write may replace
#: one of them (services.safe_write)
OPEN_DATABASE_FILES: set[Path] = set()


class Database:
    """An open portfolio: an engine plus short sessions, one per service operation."""

    def __init__(
        self, url: str, engine: Engine, user: str | None = None, *, read_only: bool = False
    ) -> None:
        self.url = url
        self.engine = engine
        self.user = user or default_user(url)
        self.path = sqlite_path(url)
        if self.path is not None:
            OPEN_DATABASE_FILES.add(self.path)
        #: opened read-only (the file or its folder cannot be written): every write fails with
        #: DatabaseReadOnlyError; the GUI shows a banner and disables editing
        self.read_only = read_only
        #: the automatic daily backup taken when this database was opened (None when today's
        #: already existed or none is made) and, if it could not be made, why (opening goes on)
        self.auto_backup: Path | None = None
        self.auto_backup_problem: str | None = None
        self._sessions: Any = None  # a sessionmaker, on first use

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @property
    def display_name(self) -> str:
        if self.path is not None:
            return str(self.path)
        return make_url(self.url).render_as_string(hide_password=True)

    @property
    def location(self) -> str:
        """Where the portfolio is, without the user: the file, or `database on host:port`."""
        if self.path is not None:
            return str(self.path)
        parsed = make_url(self.url)
        host = parsed.host or "localhost"
        if parsed.port:
            host += f":{parsed.port}"
        return f"{parsed.database or ''} @ {host}"

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session that commits on success and rolls back on any error.

        Database exceptions become known errors (locked, conflict, unavailable).
        """
        from sqlalchemy.orm import sessionmaker
        from sqlalchemy.orm.exc import StaleDataError

        if self._sessions is None:
            self._sessions = sessionmaker(
                bind=self.engine, class_=session_class(), expire_on_commit=False
            )
        session: Session = self._sessions()
        session.info["user"] = self.user
        try:
            yield session
            session.commit()
        except StaleDataError as error:
            session.rollback()
            raise ConflictError(_stale_entity(error)) from None
        except exc.OperationalError as error:
            session.rollback()
            raise translate_db_error(error, self.display_name) from None
        except exc.DatabaseError as error:
            session.rollback()
            raise translate_db_error(error, self.display_name) from None
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        """A connection for plain reads without the ORM (lists, briefs), with the same
        translation of database errors as `session`."""
        try:
            with self.engine.connect() as connection:
                yield connection
        except exc.DatabaseError as error:  # OperationalError included
            raise translate_db_error(error, self.display_name) from None

    def dispose(self) -> None:
        self.engine.dispose()


def translating_db_errors(
    function: Callable[Concatenate[Database, P], R],
) -> Callable[Concatenate[Database, P], R]:
    """For a service that uses `db.engine` directly rather than `db.session()`: database
    exceptions become the same known errors (read-only, locked, full, damaged)."""

    @functools.wraps(function)
    def wrapper(db: Database, /, *args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return function(db, *args, **kwargs)
        except exc.DBAPIError as error:
            raise translate_db_error(error, db.display_name) from None

    return wrapper


def _stale_entity(error: StaleDataError) -> str:
    # "UPDATE statement on table 'initiative' expected to update 1 row(s); 0 were matched."
    text = str(error)
    return "stakeholder" if "'stakeholder'" in text else "initiative"
