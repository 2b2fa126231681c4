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
    """A top-level folder of the checkout that the wheel ships inside the package.

    Frozen (PyInstaller onedir) it is sys._MEIPASS/<name>, i.e. `_internal/<name>` next to the
    executables (packaging/coprod-desktop.spec puts it there); then next to the package (a
    wheel); then at the top of the checkout.
    """
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


ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def icon_path(size: int | None = None) -> Path:
    """The application icon: the SVG, or its PNG rendition of size x size (one of ICON_SIZES)."""
    if size is None:
        return resource_path("icons", "coprod-desktop.svg")
    return resource_path("icons", "hicolor", f"{size}x{size}", "apps", "coprod-desktop.png")


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
