"""Languages: Qt translators for our strings and Qt's own, and the current language.

The Danish catalogue is a Qt Linguist source (`resources/translations/coprod_da.ts`). The
compiled `.qm` is never shipped stale: at start-up it is rebuilt into the cache folder
whenever it is missing or older than the `.ts` (a build may also place a fresh one next to
the `.ts`; the newer of the two wins). Qt's own Danish catalogue (qtbase_da) misses a few
strings Qt 6 renamed (the file dialog's "&Look in:"); our catalogue carries those under Qt's
context names, and it is consulted first.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from coprod_desktop import paths

LANGUAGES = ("en", "da")
TS_NAME = "coprod_da.ts"
log = logging.getLogger(__name__)

_state: dict[str, object] = {"lang": "en", "translators": []}
_built: dict[Path, Path] = {}


def lang() -> str:
    """The language the GUI currently speaks ("en" or "da")."""
    return str(_state["lang"])


def ts_path(language: str = "da") -> Path:
    """The Qt Linguist source of `language`: the Danish catalogue, or the English plural forms
    ("1 initiative", "2 initiatives" for a source written "%n initiative(s)")."""
    return paths.resource_path(
        "translations", TS_NAME if language == "da" else f"coprod_{language}.ts"
    )


def cache_dir() -> Path:
    folder = paths.data_dir() / "cache"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _lrelease() -> list[str] | None:
    """The lrelease command that ships with PySide6 (or one on PATH)."""
    try:
        import PySide6

        folder = Path(PySide6.__file__).resolve().parent
        for name in ("lrelease", "lrelease.exe"):
            if (folder / name).is_file():
                return [str(folder / name)]
    except ImportError:  # pragma: no cover
        pass
    found = shutil.which("pyside6-lrelease") or shutil.which("lrelease")
    return [found] if found else None


def build_qm(ts: Path, qm: Path) -> bool:
    """Compile `ts` to `qm` with lrelease; False when lrelease is not available or fails."""
    command = _lrelease()
    if command is None:
        return False
    qm.parent.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(
        [*command, "-silent", str(ts), "-qm", str(qm)],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        log.warning("lrelease failed: %s", result.stderr.strip())
        return False
    return qm.is_file()


def fresh_qm(language: str = "da") -> Path | None:
    """A compiled catalogue no older than its .ts source (built here when needed)."""
    try:
        ts = ts_path(language)
    except FileNotFoundError:
        return None
    if not ts.is_file():
        return None
    source_time = ts.stat().st_mtime
    shipped = ts.with_suffix(".qm")
    if shipped.is_file() and shipped.stat().st_mtime >= source_time:
        return shipped
    cached = cache_dir() / ts.with_suffix(".qm").name
    if cached.is_file() and cached.stat().st_mtime >= source_time:
        return cached
    built = _built.get(ts)  # built by this process already, for another data folder
    if built is not None and built.is_file() and built.stat().st_mtime >= source_time:
        shutil.copy2(built, cached)
        return cached
    if build_qm(ts, cached):
        _built[ts] = cached
        return cached
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen and shipped.is_file():  # a frozen bundle cannot rebuild; use what it carries
        return shipped
    return None


def set_language(language: str) -> str:
    """Install the translators for `language` (en or da) and return the language in use."""
    app = QCoreApplication.instance()
    language = language if language in LANGUAGES else "en"
    if app is not None:
        for old in list(_state["translators"]):  # type: ignore[call-overload]
            app.removeTranslator(old)
    installed: list[QTranslator] = []
    if language == "da" and app is not None:
        qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        qt_translator = QTranslator(app)
        if qt_translator.load("qtbase_da", qt_folder):
            app.installTranslator(qt_translator)
            installed.append(qt_translator)
        qm = fresh_qm()
        own = QTranslator(app)
        if qm is not None and own.load(str(qm)):
            app.installTranslator(own)
            installed.append(own)
        else:
            log.warning("the Danish translation could not be loaded")
        QLocale.setDefault(QLocale(QLocale.Language.Danish, QLocale.Country.Denmark))
    else:
        qm = fresh_qm("en")
        plurals = QTranslator(app)
        if app is not None and qm is not None and plurals.load(str(qm)):
            app.installTranslator(plurals)
            installed.append(plurals)
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    _state["translators"] = installed
    _state["lang"] = language
    return language
