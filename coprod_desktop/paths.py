"""Where things are: shipped resources and migrations, the per-user data folder.

One function per question so the checkout, an installed wheel and a frozen bundle all agree.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "coprod-desktop"
APP_AUTHOR = "coprod"
_PACKAGE_DIR = Path(__file__).resolve().parent


def _bundled_dir(name: str) -> Path:
    """A top-level folder of the checkout that the wheel ships inside the package."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    candidates = []
    if frozen_root:
        candidates.append(Path(frozen_root) / name)
    candidates += [_PACKAGE_DIR / name, _PACKAGE_DIR.parent / name]
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"cannot find the {name}/ folder of coprod-desktop")


def resource_path(*parts: str) -> Path:
    """A file or folder under resources/ (translations, fonts, icons, demo, schema)."""
    return _bundled_dir("resources").joinpath(*parts)


def migrations_dir() -> Path:
    return _bundled_dir("migrations")


def data_dir() -> Path:
    """The per-user data folder; COPROD_DATA_DIR overrides it (tests, portable installs)."""
    override = os.environ.get("COPROD_DATA_DIR")
    path = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_database_path() -> Path:
    return data_dir() / "portfolio.sqlite"


def backups_dir() -> Path:
    path = data_dir() / "backups"
    path.mkdir(parents=True, exist_ok=True)
    return path
