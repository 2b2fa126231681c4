"""Fixtures for the headless core: a fresh database, the CLI run in-process."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from coprod_desktop.store.db import Database
from coprod_desktop.store.migrate import open_database


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "slow: takes several seconds (builds a wheel); deselect with -m 'not slow'"
    )


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "portfolio.sqlite"


@pytest.fixture(scope="session")
def _head_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database migrated to head once per session; `db` starts from a copy of it."""
    template = tmp_path_factory.mktemp("template") / "head.sqlite"
    open_database(str(template), user="template").dispose()
    return template


@pytest.fixture(scope="session")
def _demo_template(tmp_path_factory: pytest.TempPathFactory, _head_template: Path) -> Path:
    """The English demo portfolio, loaded once per session; `demo_db` hands out copies."""
    from coprod_desktop.services import exchange

    template = tmp_path_factory.mktemp("demo-template") / "demo.sqlite"
    shutil.copyfile(_head_template, template)
    database = open_database(str(template), user="tester")
    exchange.load_demo(database, "en")
    database.dispose()
    return template


@pytest.fixture
def demo_db(tmp_path: Path, _demo_template: Path) -> str:
    """The path of a fresh copy of a database holding the English demo portfolio."""
    target = tmp_path / "demo.sqlite"
    shutil.copyfile(_demo_template, target)
    return str(target)


@pytest.fixture
def db(db_path: Path, _head_template: Path) -> Iterator[Database]:
    shutil.copyfile(_head_template, db_path)
    database = open_database(str(db_path))
    yield database
    database.dispose()


@pytest.fixture(scope="session")
def _pg_head_template(postgres_server) -> str:  # type: ignore[no-untyped-def]
    """A PostgreSQL database migrated to head once; `any_db` copies it (CREATE … TEMPLATE)."""
    url: str = postgres_server.new_database()
    open_database(url, user="template").dispose()
    name: str = url.rsplit("/", 1)[1]
    return name


@pytest.fixture(params=["sqlite", "postgresql"])
def any_db(
    request: pytest.FixtureRequest, db_path: Path, _head_template: Path
) -> Iterator[Database]:
    """A fresh database on each backend: the service tests run on SQLite and PostgreSQL."""
    if request.param == "sqlite":
        shutil.copyfile(_head_template, db_path)
        database = open_database(str(db_path))
    else:
        server = request.getfixturevalue("postgres_server")
        template = request.getfixturevalue("_pg_head_template")
        database = open_database(server.new_database(template))
    yield database
    database.dispose()
