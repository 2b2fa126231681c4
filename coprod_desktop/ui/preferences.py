"""Preferences and window state in QSettings (nothing else lives there).

With COPROD_DATA_DIR set (tests, portable installs) the settings file sits in that folder
too, so such an install leaves nothing behind in the user's profile.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings

from coprod_desktop import paths

ORGANISATION = "coprod"
APPLICATION = "coprod-desktop"
MAX_RECENT = 8


def settings() -> QSettings:
    if os.environ.get("COPROD_DATA_DIR"):
        return QSettings(str(paths.data_dir() / "settings.ini"), QSettings.Format.IniFormat)
    return QSettings(ORGANISATION, APPLICATION)


def get_str(key: str, default: str = "") -> str:
    value: Any = settings().value(key, default)
    return str(value) if value is not None else default


def set_value(key: str, value: Any) -> None:
    store = settings()
    store.setValue(key, value)
    store.sync()


def get_list(key: str) -> list[str]:
    value: Any = settings().value(key, [])
    if value is None or value == "":
        return []
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value]


def user_name() -> str:
    """The name written into the audit trail (empty = the login name)."""
    return get_str("user/name")


def language() -> str:
    return get_str("ui/language")


def default_database() -> str:
    return get_str("db/default")


def last_database() -> str:
    return get_str("db/last")


def recent_databases() -> list[str]:
    return get_list("db/recent")


def remember_database(target: str) -> None:
    """Make `target` the last used database and the top of the recent list."""
    recent = [target, *[r for r in recent_databases() if r != target]][:MAX_RECENT]
    store = settings()
    store.setValue("db/last", target)
    store.setValue("db/recent", recent)
    store.sync()


def resolve_start_database(cli_db: str | None) -> str | None:
    """--db, then COPROD_DB, then the last one used, then the default from the settings
    (None = the per-user default path, chosen by the store)."""
    if cli_db:
        return cli_db
    env = os.environ.get("COPROD_DB")
    if env:
        return env
    last = last_database()
    if last and ("://" in last or Path(last).expanduser().exists()):
        return last
    return default_database() or None
