"""The History tab: every saved change of the initiative, newest first (read when shown)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractItemView, QLabel, QTableView, QVBoxLayout, QWidget

from coprod_desktop.domain.errors import CoprodError
from coprod_desktop.services import initiatives
from coprod_desktop.ui.history import AuditModel

if TYPE_CHECKING:
    from coprod_desktop.ui.editor.editor_base import EditorBase


def history_tab(editor: EditorBase) -> QWidget:
    page = QWidget(editor)
    layout = QVBoxLayout(page)
    editor.history_model = AuditModel(page)
    editor.history = QTableView(page)
    editor.history.setModel(editor.history_model)
    editor.history.setAccessibleName(QCoreApplication.translate("InitiativeEditor", "Audit trail"))
    editor.history.setAlternatingRowColors(True)
    editor.history.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    editor.history.verticalHeader().hide()
    editor.history.setWordWrap(False)
    for column, width in enumerate((150, 90, 80, 110, 140, 220, 220)):
        editor.history.setColumnWidth(column, width)
    editor.history.horizontalHeader().setStretchLastSection(True)
    note = QLabel(
        QCoreApplication.translate("InitiativeEditor", "Every saved change, newest first."), page
    )
    layout.addWidget(note)
    layout.addWidget(editor.history, 1)
    return page


def load_history(editor: EditorBase) -> None:
    if editor.data.id is None:
        editor.history_model.set_entries([])
        return
    try:
        editor.history_model.set_entries(initiatives.history(editor.db, editor.data.id))
    except CoprodError:
        editor.history_model.set_entries([])
