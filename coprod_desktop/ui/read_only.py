"""A database opened read-only: the visible banner above the workspace, and editors in which
nothing can be changed or saved."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QTabBar,
    QWidget,
)

if TYPE_CHECKING:
    from coprod_desktop.ui.editor import InitiativeEditor

#: the main window's actions that change data, switched off while the database is read-only
EDITING_ACTIONS = ("new_initiative", "save", "import", "bulk_status", "bulk_owner")


class ReadOnlyBanner(QFrame):
    """A strip above the workspace: the database was opened read-only, editing is off."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("read-only-banner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "QFrame#read-only-banner { background: #fff4ce; border: 1px solid #d6b656; }"
            "QFrame#read-only-banner QLabel { color: #3d3000; }"
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setText(
            "<b>{}</b> {}".format(
                self.tr("Opened read-only."),
                self.tr(
                    "The file or its folder cannot be written, so you can look but not change "
                    "anything. Copy the file to a folder you may write to, or ask for write "
                    "access, to edit."
                ),
            )
        )
        self.label.setAccessibleName(self.tr("Opened read-only"))
        layout.addWidget(self.label, 1)
        self.hide()


def make_editor_read_only(editor: InitiativeEditor) -> None:
    """Nothing in `editor` can be changed or saved (a read-only database)."""
    for edit in editor.findChildren(QLineEdit):
        edit.setReadOnly(True)
    for text in editor.findChildren(QPlainTextEdit):
        text.setReadOnly(True)
    for widget in (
        editor.findChildren(QComboBox)
        + editor.findChildren(QCheckBox)
        + editor.findChildren(QRadioButton)
        + editor.findChildren(QAbstractSpinBox)
    ):
        widget.setEnabled(False)
    for view in editor.findChildren(QAbstractItemView):
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    # Editing buttons only: those on the editor's tabs, Save and Revert (a brief may still be
    # printed from a read-only database).
    buttons = editor.tabs.findChildren(QAbstractButton)
    for button in [*buttons, editor.save_button, editor.revert_button]:
        if not isinstance(button.parentWidget(), QTabBar):  # tab scroll arrows stay usable
            button.setEnabled(False)
    editor.read_only = True
