"""Starting the GUI (a minimal window until the workbench lands)."""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

from coprod_desktop import __version__
from coprod_desktop.domain.errors import CoprodError
from coprod_desktop.services import portfolio
from coprod_desktop.store.migrate import open_database


def run(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(prog="coprod-desktop")
    parser.add_argument("--db", metavar="PATH_OR_URL")
    parser.add_argument("--lang", choices=("en", "da"))
    args, qt_args = parser.parse_known_args(list(argv)[1:])
    app = QApplication([argv[0], *qt_args])
    app.setApplicationName("coprod-desktop")
    app.setApplicationVersion(__version__)
    window = QMainWindow()
    window.setObjectName("coprod-desktop")
    try:
        db = open_database(args.db)
        text = QApplication.translate("App", "%n initiatives", "", portfolio.count(db))
        window.setWindowTitle(f"coprod-desktop — {db.display_name}")
    except CoprodError as error:
        text = error.message(args.lang or "en")
    window.setCentralWidget(QLabel(text))
    window.resize(800, 500)
    window.show()
    return app.exec()
