"""Starting the GUI: `coprod-desktop [--db PATH_OR_URL] [--lang en|da]`."""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
import traceback
from collections.abc import Sequence
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QSize, QTimer
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from coprod_desktop import __version__, paths
from coprod_desktop.domain.errors import ConnectionLostError
from coprod_desktop.ui import i18n
from coprod_desktop.ui import preferences as prefs
from coprod_desktop.ui.main_window import MainWindow

log = logging.getLogger("coprod_desktop")


def parse_args(argv: Sequence[str]) -> tuple[argparse.Namespace, list[str]]:
    parser = argparse.ArgumentParser(
        prog="coprod-desktop", description="The coprod-desktop workbench."
    )
    parser.add_argument("--db", metavar="PATH_OR_URL", help="the portfolio database to open")
    parser.add_argument("--lang", choices=("en", "da"), help="language of the window")
    return parser.parse_known_args(list(argv)[1:])


def choose_language(cli_lang: str | None) -> str:
    """--lang, then the saved setting, then COPROD_LANG, then English."""
    return cli_lang or prefs.language() or os.environ.get("COPROD_LANG") or "en"


def setup_logging() -> None:
    handler = logging.FileHandler(paths.data_dir() / "coprod-desktop.log", encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    if not any(isinstance(h, logging.FileHandler) for h in root.handlers):
        root.addHandler(handler)
    root.setLevel(logging.INFO)


def excepthook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
    """Log any unexpected error and tell the user in plain words (no traceback shown)."""
    if isinstance(error, ConnectionLostError):
        from coprod_desktop.ui.connection import main_watch

        watch = main_watch()
        if watch is not None:  # a state, not an error: the banner says it
            log.info("a read found the shared database unreachable: %s", error)
            watch.not_connected(error)
            return
    log.error("unexpected error:\n%s", "".join(traceback.format_exception(kind, error, tb)))
    if QApplication.instance() is None:
        return
    box = QMessageBox(QApplication.activeWindow())
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(QCoreApplication.translate("App", "Unexpected error"))
    box.setText(
        QCoreApplication.translate(
            "App",
            "Something unexpected went wrong. Your saved work is safe; unsaved changes in "
            "open initiatives are still there. The details were written to the log file.",
        )
    )
    box.setInformativeText(f"{kind.__name__}: {error}")
    box.exec()


def report_ready(mode: str) -> None:
    """Print a marker once the window is usable, with the peak memory of this program so
    far (kB; 0 where the system does not say); COPROD_REPORT_READY=quit also quits."""
    print(f"coprod-ready {time.time():.6f} {peak_memory_kb()}", flush=True)
    if mode == "quit":
        QCoreApplication.quit()


def peak_memory_kb() -> int:
    """The peak resident memory of this program (Linux's VmHWM). Not getrusage: that also
    counts the memory of the process this one was forked from, before it became the app."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return 0


DESKTOP_ID = "dk.coprod.CoprodDesktop"


def application_icon() -> QIcon:
    """The app's icon from its PNG renditions (every size in paths.ICON_SIZES that exists)."""
    icon = QIcon()
    for size in paths.ICON_SIZES:
        try:
            path = paths.icon_path(size)
        except FileNotFoundError:
            continue
        if path.is_file():
            icon.addFile(str(path), QSize(size, size))
    return icon


def quit_after_ms() -> int | None:
    """COPROD_QUIT_AFTER_MS: quit that many milliseconds after the window shows."""
    value = os.environ.get("COPROD_QUIT_AFTER_MS", "").strip()
    if not value:
        return None
    try:
        return max(0, int(value))
    except ValueError:
        log.warning("COPROD_QUIT_AFTER_MS is not a number: %r", value)
        return None


def quit_cleanly(window: MainWindow) -> None:
    """Close dialogs, then the window (its state is saved, background work waited for)."""
    for widget in QApplication.topLevelWidgets():
        if widget is not window and widget.isVisible():
            widget.close()
    if not window.close():  # unsaved edits would ask; a timed quit must not hang on that
        log.warning("timed quit: the window did not close; quitting anyway")
    QCoreApplication.quit()


def run(argv: Sequence[str]) -> int:
    args, qt_args = parse_args(argv)
    QCoreApplication.setOrganizationName(prefs.ORGANISATION)
    QCoreApplication.setApplicationName("coprod-desktop")
    QCoreApplication.setApplicationVersion(__version__)
    QGuiApplication.setDesktopFileName(DESKTOP_ID)  # the .desktop file: its icon and name
    app = QApplication([argv[0], *qt_args])
    app.setApplicationDisplayName("coprod-desktop")
    app.setWindowIcon(application_icon())
    setup_logging()
    sys.excepthook = excepthook
    i18n.set_language(choose_language(args.lang))
    window = MainWindow()
    window.show()
    target = prefs.resolve_start_database(args.db)
    QTimer.singleShot(0, lambda: window.open_database(target))
    quit_after = quit_after_ms()
    if quit_after is not None:  # packaging/smoke_test.sh: start, show, quit by itself
        QTimer.singleShot(quit_after, lambda: quit_cleanly(window))
    ready = os.environ.get("COPROD_REPORT_READY")
    if ready:  # the benchmark's hook: say when the portfolio's first page is on screen
        window.database_opened.connect(lambda: QTimer.singleShot(0, lambda: report_ready(ready)))
    code = app.exec()
    window.live_refresh.stop()
    window.background.wait()
    if window.db is not None:
        window.db.dispose()
    return code
