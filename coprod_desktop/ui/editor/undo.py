"""The editor's undo steps and the key filters that route keys to them.

Every change to the initiative is a step on the editor's own undo stack: a field (typing in
the same field merges into one step) or a whole child list (stakeholders, mandates, …).
"""

from __future__ import annotations

import copy
from typing import Any, Protocol

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QUndoCommand

from coprod_desktop.ui.editor.field_lists import LONG_TEXT_FIELDS, TEXT_FIELDS


class AppliesChanges(Protocol):
    """What an undo step does to the editor (`EditorBase`)."""

    def field_label(self, name: str) -> str: ...

    def apply_value(self, name: str, value: Any) -> None: ...

    def apply_list(self, name: str, records: list[Any]) -> None: ...


class EditsRecords(Protocol):
    """What the keys on a record table ask of the editor (`EditorBase`)."""

    def edit_record(self, name: str, row: int | None = None) -> object: ...

    def new_record(self, name: str) -> object: ...

    def remove_row(self, name: str) -> None: ...


class FieldCommand(QUndoCommand):
    """One field of the initiative changed; typing in the same field merges into one step."""

    def __init__(self, editor: AppliesChanges, name: str, old: Any, new: Any, merge: bool) -> None:
        super().__init__(editor.field_label(name))
        self.editor = editor
        self.name = name
        self.old = copy.deepcopy(old)
        self.new = copy.deepcopy(new)
        self.merge = merge

    def id(self) -> int:
        return 1 + (TEXT_FIELDS + LONG_TEXT_FIELDS).index(self.name) if self.merge else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if isinstance(other, FieldCommand) and other.name == self.name and self.merge:
            self.new = copy.deepcopy(other.new)
            return True
        return False

    def redo(self) -> None:
        self.editor.apply_value(self.name, self.new)

    def undo(self) -> None:
        self.editor.apply_value(self.name, self.old)


class ListCommand(QUndoCommand):
    """A child list (stakeholders, mandates, …) changed."""

    def __init__(
        self, editor: AppliesChanges, name: str, old: list[Any], new: list[Any], text: str
    ) -> None:
        super().__init__(text)
        self.editor = editor
        self.name = name
        self.old = copy.deepcopy(old)
        self.new = copy.deepcopy(new)

    def redo(self) -> None:
        self.editor.apply_list(self.name, self.new)

    def undo(self) -> None:
        self.editor.apply_list(self.name, self.old)


class UndoKeysToStack(QObject):
    """Let Ctrl+Z / Ctrl+Shift+Z reach the editor's undo stack instead of a line edit's own."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            if event.matches(QKeySequence.StandardKey.Undo) or event.matches(
                QKeySequence.StandardKey.Redo
            ):
                event.ignore()
                return True
            combo = event.keyCombination()
            if combo.key() == Qt.Key.Key_Z and combo.keyboardModifiers() & (
                Qt.KeyboardModifier.ControlModifier
            ):
                event.ignore()
                return True
        return False


class RecordKeys(QObject):
    """Keys on a record table: Return edits the current row in its form, Insert adds one,
    Delete removes the current row (undoable). Typing never lands in a cell."""

    def __init__(self, parent: QObject, editor: EditsRecords, name: str) -> None:
        super().__init__(parent)
        self.editor = editor
        self.name = name

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
                return False
            key = event.key()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.editor.edit_record(self.name)
                return True
            if key == Qt.Key.Key_Insert:
                self.editor.new_record(self.name)
                return True
            if key == Qt.Key.Key_Delete:
                self.editor.remove_row(self.name)
                return True
        return False
