"""Plain fields of the initiative bound to their widgets.

A binding is a (get, put) pair: `get()` reads the widget as the value stored on the
initiative, `put(value)` shows a value without making an undo step. Every change a user makes
goes to `editor.edited(name)`, which pushes one undoable step.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QWidget,
)

from coprod_desktop.domain.fields import PLAIN_EDITOR_FIELDS
from coprod_desktop.ui.widgets import DateField, VocabCombo, with_error

if TYPE_CHECKING:
    from coprod_desktop.ui.editor.editor_base import EditorBase

Binding = tuple[Callable[[], Any], Callable[[Any], None]]


def form_page(editor: EditorBase) -> tuple[QScrollArea, QWidget]:
    """A scrolling page for a form tab."""
    scroll = QScrollArea(editor)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    # Ctrl+Tab onto the page puts the focus on its first field, not on the scroll area.
    scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    page = QWidget(scroll)
    scroll.setWidget(page)
    return scroll, page


def add_row(
    editor: EditorBase, form: QFormLayout, name: str, widget: QWidget, parent: QWidget
) -> None:
    """A labelled row for the field `name`, with its error label under the widget."""
    label = QLabel(editor.field_label(name), parent)
    label.setBuddy(widget)
    label.setWordWrap(False)
    widget.setAccessibleName(editor.field_label(name))
    box, editor.errors[name] = with_error(widget, parent)
    form.addRow(label, box)


def bind_text(editor: EditorBase, name: str, edit: QLineEdit) -> None:
    def get() -> Any:
        text = edit.text().strip()
        return text if name == "title" else (text or None)

    def put(value: Any) -> None:
        if get() != value:
            edit.setText(value or "")

    editor.bindings[name] = (get, put)
    edit.textChanged.connect(lambda _t: editor.edited(name))


def bind_long_text(editor: EditorBase, name: str, edit: QPlainTextEdit) -> None:
    def get() -> Any:
        return edit.toPlainText().strip() or None

    def put(value: Any) -> None:
        if get() != value:
            edit.setPlainText(value or "")

    editor.bindings[name] = (get, put)
    edit.setTabChangesFocus(True)
    edit.textChanged.connect(lambda: editor.edited(name))


def bind_coordinate(editor: EditorBase, name: str, edit: QLineEdit) -> None:
    """Decimal degrees; a comma is read as a decimal point. Text that is not a number is
    kept as typed, so saving reports it beside the field instead of dropping it."""

    def get() -> Any:
        text = edit.text().strip()
        if not text:
            return None
        try:
            return float(text.replace(",", "."))
        except ValueError:
            return text

    def put(value: Any) -> None:
        if get() != value:
            edit.setText("" if value is None else str(value))

    editor.bindings[name] = (get, put)
    edit.textChanged.connect(lambda _t: editor.edited(name))


def bind_combo(editor: EditorBase, name: str, combo: VocabCombo) -> None:
    editor.bindings[name] = (combo.key, combo.set_key)
    combo.currentIndexChanged.connect(lambda _i: editor.edited(name))


def bind_date(editor: EditorBase, name: str, field: DateField) -> None:
    def get() -> Any:
        return field.value()[1]

    def put(value: Any) -> None:
        field.set_value(value)

    editor.bindings[name] = (get, put)
    field.changed.connect(lambda: editor.date_edited(name, field))


def bind_checks(editor: EditorBase, name: str, boxes: dict[str, QCheckBox]) -> None:
    """A list of keys as check boxes, one per key (public values, co-production phases)."""

    def get() -> Any:
        return [key for key, box in boxes.items() if box.isChecked()]

    def put(value: Any) -> None:
        for key, box in boxes.items():
            box.setChecked(key in (value or []))

    editor.bindings[name] = (get, put)
    for box in boxes.values():
        box.toggled.connect(lambda _on: editor.edited(name))


def bind_widget(editor: EditorBase, name: str, widget: QWidget) -> None:
    """Bind a plain field by the kind of its widget."""
    if name in ("latitude", "longitude") and isinstance(widget, QLineEdit):
        bind_coordinate(editor, name, widget)
    elif isinstance(widget, QLineEdit):
        bind_text(editor, name, widget)
    elif isinstance(widget, QPlainTextEdit):
        bind_long_text(editor, name, widget)
    elif isinstance(widget, VocabCombo):
        bind_combo(editor, name, widget)
    elif isinstance(widget, DateField):
        bind_date(editor, name, widget)


def place_declared_fields(
    editor: EditorBase, tab: str, form: QFormLayout, parent: QWidget
) -> list[tuple[str, QWidget]]:
    """Rows for the plain fields declared on `tab` (`domain.fields`) that the tab did not
    place itself: a line, a box or a date field by the declared kind, labelled, bound and
    kept as `editor.<name>`. Returns them (name, widget) in declaration order."""
    placed: list[tuple[str, QWidget]] = []
    for declared in PLAIN_EDITOR_FIELDS:
        if declared.tab != tab or declared.name in editor.bindings:
            continue
        if hasattr(editor, declared.name):  # the editor's own attribute: a clash, not a field
            raise ValueError(f"the field {declared.name!r} clashes with the editor's attribute")
        widget: QWidget
        if declared.kind == "date":
            widget = DateField(parent)
        elif declared.kind == "long_text":
            box = QPlainTextEdit(parent)
            box.setFixedHeight(editor.fontMetrics().lineSpacing() * 3 + 14)
            widget = box
        else:
            widget = QLineEdit(parent)
        setattr(editor, declared.name, widget)
        add_row(editor, form, declared.name, widget, parent)
        bind_widget(editor, declared.name, widget)
        placed.append((declared.name, widget))
    return placed
