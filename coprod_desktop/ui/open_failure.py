"""What the window does when opening a database fails: Retry when it is locked, offer the
latest automatic backup when the file is damaged, else one plain message."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from coprod_desktop.domain.errors import (
    ConnectionLostError,
    CoprodError,
    DatabaseCorruptError,
    DatabaseLockedError,
)
from coprod_desktop.ui.error_messages import ask_retry, plain, show_error
from coprod_desktop.ui.widgets import moment_text

if TYPE_CHECKING:
    from coprod_desktop.services.backups import BackupInfo


def open_failed(
    parent: QWidget,
    target: str | None,
    error: BaseException,
    *,
    reopen: Callable[[str | None], None],
    restore: Callable[[BackupInfo, Path], None],
) -> None:
    """Opening `target` failed: `reopen(target)` on Retry when locked; a damaged file offers its
    latest automatic backup, `restore(backup, file)` when taken."""
    if isinstance(error, DatabaseLockedError):
        if ask_retry(parent, error):
            reopen(target)
        return
    if isinstance(error, DatabaseCorruptError) and error.where:
        from coprod_desktop.services import backups

        path = Path(error.where)
        try:
            latest = backups.latest_backup_for(path)
        except (OSError, CoprodError):
            latest = None
        if latest is not None:
            when = moment_text(latest.created)
            answer = QMessageBox.question(
                parent,
                QCoreApplication.translate("Safety", "Database damaged"),
                plain(error)
                + "\n\n"
                + QCoreApplication.translate(
                    "Safety",
                    "An automatic backup from %1 is available. Restore it? The damaged file "
                    "is kept in the backups folder.",
                ).replace("%1", when),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.Yes,
            )
            if answer == QMessageBox.StandardButton.Yes:
                restore(latest, path)
            return
    title = QCoreApplication.translate("Safety", "Cannot open the database")
    if isinstance(error, ConnectionLostError):  # about the new one: the open one is fine
        QMessageBox.warning(parent, title, plain(error))
        return
    show_error(parent, error, title)
