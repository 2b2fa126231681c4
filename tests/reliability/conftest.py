"""Fixtures for the fault and bad-input tests, the hypothesis profiles and the figures.

Profiles: `default` (a hundred-odd cases per format, the normal suite) and `thorough`
(`pytest tests/reliability --hypothesis-profile=thorough`: at least 1,000 cases per format and
more SIGKILLs). Both print the figures for the README at the end of the run.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

from coprod_desktop.store.db import Database
from coprod_desktop.store.migrate import open_database
from tests.reliability.helpers import FIGURES

_COMMON: dict[str, Any] = {
    "deadline": None,
    "derandomize": False,
    "suppress_health_check": [
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.large_base_example,
    ],
}
settings.register_profile("default", max_examples=100, **_COMMON)
settings.register_profile("thorough", max_examples=1000, **_COMMON)
settings.load_profile("default")  # `--hypothesis-profile=thorough` loads the other one later


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if not FIGURES:
        return
    profile = "thorough" if settings().max_examples >= 1000 else "default"
    parts = [f"{key} {value}" for key, value in sorted(FIGURES.items())]
    terminalreporter.write_line(f"reliability figures ({profile} profile): " + ", ".join(parts))


@pytest.fixture(scope="session")
def head_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    template = tmp_path_factory.mktemp("reliability-template") / "head.sqlite"
    open_database(str(template), user="template").dispose()
    return template


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "portfolio.sqlite"


@pytest.fixture
def fresh_db(db_path: Path, head_template: Path) -> Iterator[Database]:
    shutil.copyfile(head_template, db_path)
    database = open_database(str(db_path))
    yield database
    database.dispose()
