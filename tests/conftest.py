"""Test configuration shared by every suite: no test touches the real per-user folders."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
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


@pytest.fixture(scope="session")
def postgres_server():  # type: ignore[no-untyped-def]
    """A real PostgreSQL server for the whole test session."""
    yield from _running_postgres()


@pytest.fixture
def stoppable_postgres():  # type: ignore[no-untyped-def]
    """A PostgreSQL server of the test's own, which it may halt and resume (a lost
    connection) without disturbing the session's server."""
    yield from _running_postgres()


def _running_postgres():  # type: ignore[no-untyped-def]
    """Start a server for as long as the fixture lasts.

    Without the server binaries the PostgreSQL tests are skipped on a developer machine,
    but in CI (CI=true) a missing server is a failure: team mode must be tested there.
    """
    from tests.pgserver import PostgresServer, find_bindir

    bindir = find_bindir()
    if bindir is None:
        if os.environ.get("CI") == "true":
            pytest.fail("PostgreSQL server binaries are missing (install postgresql-15)")
        pytest.skip("PostgreSQL server binaries are not installed")  # justified: dev machine only
    server = PostgresServer(bindir)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def pg_url(postgres_server) -> str:  # type: ignore[no-untyped-def]
    """The URL of a fresh, empty PostgreSQL database."""
    url: str = postgres_server.new_database()
    return url


@pytest.fixture
def memory_keyring():  # type: ignore[no-untyped-def]
    """An in-memory keyring in place of the desktop's, for the duration of a test."""
    import keyring
    from keyring.backend import KeyringBackend
    from keyring.errors import PasswordDeleteError

    class MemoryKeyring(KeyringBackend):
        priority = 1  # type: ignore[assignment]

        def __init__(self) -> None:
            super().__init__()
            self.store: dict[tuple[str, str], str] = {}

        def get_password(self, service: str, username: str) -> str | None:
            return self.store.get((service, username))

        def set_password(self, service: str, username: str, password: str) -> None:
            self.store[(service, username)] = password

        def delete_password(self, service: str, username: str) -> None:
            if (service, username) not in self.store:
                raise PasswordDeleteError(username)
            del self.store[(service, username)]

    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@dataclass
class CliResult:
    code: int
    out: str
    err: str


@pytest.fixture
def run_cli(capsys: pytest.CaptureFixture[str]) -> Callable[..., CliResult]:
    """Run `coprod ARGS…` in-process; returns exit code, stdout and stderr. An exit 1 or an
    "internal error" (an unknown failure) fails the test whatever it expected."""
    from coprod_desktop import cli

    def run(*args: str) -> CliResult:
        capsys.readouterr()
        try:
            code = cli.main(list(args))
        except SystemExit as exit_:  # argparse usage errors and --version
            code = int(exit_.code or 0)
        captured = capsys.readouterr()
        # exit 1 and "internal error" are bugs whatever a test expects: they fail the suite
        assert code != 1 and "internal error" not in captured.err, (args, code, captured.err)
        return CliResult(code, captured.out, captured.err)

    return run
