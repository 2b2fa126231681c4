"""The editor shows every plain field the declaration (domain.fields) lists: a labelled widget
of the declared kind whose value is saved and read back."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

from coprod_desktop.domain.fields import PLAIN_EDITOR_FIELDS
from coprod_desktop.ui.widgets import DateField
from tests.ui.helpers import save_and_wait

WIDGETS = {"text": QLineEdit, "long_text": QPlainTextEdit, "date": DateField}


def _value(name: str, kind: str) -> Any:
    if kind == "date":
        return dt.date(2031, 3, 4)  # one day for all: start, end and review stay in order
    return f"Strandholm {name.replace('_', ' ')}"


def test_every_declared_plain_field_is_bound_labelled_and_saved(window, qtbot):  # type: ignore[no-untyped-def]
    editor = window.new_initiative()
    editor.sector.set_key("harbours")
    values: dict[str, Any] = {}
    for declared in PLAIN_EDITOR_FIELDS:
        name = declared.name
        assert name in editor.bindings, f"the editor does not bind {name}"
        widget = getattr(editor, name, None)
        assert isinstance(widget, WIDGETS[declared.kind]), f"{name}: {widget!r}"
        label = widget.accessibleName()
        assert label and label != name, f"{name} has no heading"
        if name == "reference":  # given on the first save
            continue
        values[name] = _value(name, declared.kind)
        if isinstance(widget, DateField):  # as typed, then left
            widget.edit.setText(values[name].strftime("%d-%m-%Y"))
            widget.edit.editingFinished.emit()
        elif isinstance(widget, QLineEdit):
            widget.setText(values[name])
        else:
            widget.setPlainText(values[name])
        assert getattr(editor.data, name) == values[name], f"{name}: the edit was not taken"
    assert save_and_wait(qtbot, editor)
    ident = editor.data.id
    window.close_tab(window.workspace.indexOf(editor))
    again = window.open_initiative(ident)
    for name, value in values.items():
        assert again.bindings[name][0]() == value, f"{name} was not saved"
