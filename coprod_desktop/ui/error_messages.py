"""Database faults in plain words: a known error is one sentence in the GUI's language (never a
traceback); a locked database asks whether to try again."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from coprod_desktop.domain.errors import ConnectionLostError, CoprodError
from coprod_desktop.ui import i18n

log = logging.getLogger(__name__)


def plain(error: BaseException) -> str:
    """A known error in the GUI's language, as a sentence (no traceback, ever)."""
    if isinstance(error, CoprodError):
        text = error.message(i18n.lang())
    else:
        text = QCoreApplication.translate("Safety", "Something unexpected went wrong: %1").replace(
            "%1", str(error)
        )
    return text[:1].upper() + text[1:]


def show_error(
    parent: QWidget | None,
    error: BaseException,
    title: str | None = None,
    not_connected: Callable[[ConnectionLostError], None] | None = None,
) -> None:
    """One plain message box; a lost connection goes to `not_connected` (the window's banner)
    instead, since nothing is wrong with the data."""
    if isinstance(error, ConnectionLostError):
        if not_connected is not None:
            not_connected(error)
        else:
            QMessageBox.information(
                parent, QCoreApplication.translate("Safety", "Not connected"), plain(error)
            )
        return
    if not isinstance(error, CoprodError):
        log.error("unexpected error", exc_info=error)
    QMessageBox.warning(
        parent, title or QCoreApplication.translate("Safety", "Something went wrong"), plain(error)
    )


def ask_retry(parent: QWidget | None, error: BaseException) -> bool:
    """ "In use by another program": True when the user wants to try again."""
    answer = QMessageBox.warning(
        parent,
        QCoreApplication.translate("Safety", "Database in use"),
        plain(error)
        + "\n\n"
        + QCoreApplication.translate(
            "Safety",
            "Another program is using the database. Close it there, or wait a moment, then retry.",
        ),
        QMessageBox.StandardButton.Retry | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Retry,
    )
    return answer == QMessageBox.StandardButton.Retry


def write_kept(parent: QWidget | None) -> None:
    """A write met a lost connection: nothing was changed, and what was entered is still
    there to save again."""
    QMessageBox.information(
        parent,
        QCoreApplication.translate("Safety", "Not saved yet"),
        QCoreApplication.translate(
            "Safety",
            "The shared database cannot be reached just now, so nothing was changed. What you "
            "entered is kept here: do it again when the connection is back (the banner at the "
            "top says when).",
        ),
    )
