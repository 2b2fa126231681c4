"""File > Restore from backup…: the backups of the open file, one restored after confirmation
(the restore keeps a safety copy of the file it replaces)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coprod_desktop.ui.widgets import moment_text

if TYPE_CHECKING:
    from coprod_desktop.services.backups import BackupInfo, RestoreResult


class RestoreDialog(QDialog):
    """Lists the backups of one database file; the chosen one is restored after confirmation."""

    def __init__(self, infos: list[BackupInfo], target: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Restore from backup"))
        self.setObjectName("restore-dialog")
        self.infos = infos
        self.target = target
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Put a backup of <b>%1</b> back in place. The current file is kept in the "
                "backups folder first, so the restore can be undone."
            ).replace("%1", _escape(str(target))),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        kinds = {
            "daily": self.tr("Daily (automatic)"),
            "pre-migration": self.tr("Before an upgrade"),
            "pre-restore": self.tr("Before a restore"),
            "manual": self.tr("Other"),
        }
        self.table = QTableWidget(len(infos), 3, self)
        self.table.setHorizontalHeaderLabels([self.tr("Made"), self.tr("Kind"), self.tr("Size")])
        self.table.setAccessibleName(self.tr("Backups"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        for row, info in enumerate(infos):
            cells = (
                moment_text(info.created),
                kinds.get(info.kind, info.kind),
                _size(info.size),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 0:
                    item.setToolTip(info.name)
                if column == 2:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, column, item)
        metrics = self.table.fontMetrics()
        self.table.setColumnWidth(0, metrics.horizontalAdvance("2026-12-31 23:59") + 28)
        self.table.setColumnWidth(1, max(metrics.horizontalAdvance(k) for k in kinds.values()) + 28)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        self.empty = QLabel(self.tr("There are no backups of this database yet."), self)
        self.empty.setVisible(not infos)
        layout.addWidget(self.empty)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.restore_button = self.buttons.addButton(
            self.tr("&Restore…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.restore_button.setEnabled(False)
        self.buttons.accepted.connect(self.confirm)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.table.itemSelectionChanged.connect(
            lambda: self.restore_button.setEnabled(self.chosen() is not None)
        )
        self.table.doubleClicked.connect(lambda _i: self.confirm())
        if infos:
            self.table.selectRow(0)
        self.resize(560, 380)

    def chosen(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.infos[rows[0].row()] if rows else None

    def confirm(self) -> None:
        info = self.chosen()
        if info is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Restore from backup"),
            self.tr(
                "Replace the database with the backup from %1? Changes made since then are "
                "set aside in the backups folder."
            ).replace("%1", moment_text(info.created)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.accept()


def choose_backup(target: Path, parent: QWidget | None) -> BackupInfo | None:
    """The backup of `target` the user chose and confirmed, or None."""
    from coprod_desktop.services import backups

    dialog = RestoreDialog(backups.list_backups(target), target, parent)
    if dialog.exec() == QDialog.DialogCode.Accepted:
        return dialog.chosen()
    return None


def restored_message(result: RestoreResult) -> str:
    """The status line after a restore: from when, and who was erased again."""
    message = QCoreApplication.translate("Safety", "Restored the backup from %1.").replace(
        "%1", moment_text(result.backup.created)
    )
    if result.erased_again:
        message += " " + QCoreApplication.translate(
            "Safety", "Erased persons it still held were erased again: %1."
        ).replace("%1", ", ".join(map(str, result.erased_again)))
    return message


def _size(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    return f"{max(1, round(size / 1024))} kB"


def _escape(text: str) -> str:
    from html import escape

    return escape(text)
