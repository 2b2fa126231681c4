"""A small form per record (mandate, resource, cross-pressure, journal entry, involvement).

Typing into table cells lost values (Tab left the table, Space pressed the next button);
a form shows every field of one record top to bottom, Return or Ctrl+Return saves it as one
undo step, and Escape asks before it drops anything that was typed.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from itertools import pairwise
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from coprod_desktop.domain.messages import message
from coprod_desktop.ui import i18n
from coprod_desktop.ui.records import Column
from coprod_desktop.ui.widgets import DateField, ErrorLabel, VocabCombo, with_error

# Free-text fields that take more than a line; Tab still moves on, Ctrl+Return saves.
LONG_FIELDS = frozenset({"summary", "description", "resolution", "scope", "evidence", "text"})

# The form's order (the table keeps its own): what is typed most comes first, so a trained
# hand reaches it with the fewest Tabs; dates that default to today come late.
FORM_ORDER: dict[str, tuple[str, ...]] = {
    "mandates": (
        "level",
        "clarity",
        "committee",
        "reference",
        "valid_until",
        "decided_on",
        "granted_by",
        "scope",
        "political_anchoring",
    ),
    "resources": (
        "kind",
        "amount",
        "unit",
        "planned",
        "source_id",
        "internal_unit",
        "date",
        "note",
    ),
    "cross_pressures": (
        "category",
        "coping_strategy",
        "severity",
        "status",
        "level",
        "description",
        "raised_on",
        "resolved_on",
        "resolution",
    ),
    "journal": ("summary", "participant_names", "follow_up_on", "kind", "date"),
    "commitments": ("text", "counterpart_id", "due_on", "owner", "status", "done_on", "note"),
    "outcomes": (
        "indicator",
        "unit",
        "baseline",
        "target",
        "achieved",
        "measured_on",
        "public_value",
        "co_assessed",
        "evidence",
    ),
}

Choices = Callable[[], list[tuple[Any, str]]]


class RecordForm(QDialog):
    """Every editable column of one record as a labelled field, in table order."""

    def __init__(
        self,
        title: str,
        columns: list[Column],
        record: Any,
        *,
        choices: dict[str, Choices] | None = None,
        participants: list[tuple[int, str]] | None = None,
        order: tuple[str, ...] = (),
        new: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("record-form")
        self.setWindowTitle(title)
        self.original = copy.deepcopy(record)
        self.new = new
        rank = {name: position for position, name in enumerate(order)}
        ordered = sorted(columns, key=lambda c: rank.get(c.field, len(rank)))
        self.columns = [c for c in ordered if c.kind != "readonly"]
        self.fields: dict[str, QWidget] = {}
        self.errors: dict[str, ErrorLabel] = {}
        self.participants: QListWidget | None = None
        choices = choices or {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        rows: list[tuple[str, QLabel, QWidget, QWidget]] = []
        for column in self.columns:
            widget = self._field(column, choices)
            self.fields[column.field] = widget
            self._put(column, widget, getattr(record, column.field))
            widget.setAccessibleName(column.header)
            box, self.errors[column.field] = with_error(widget, self)
            # A star where a required field can be left empty (the choices always hold one).
            starred = column.required and column.kind in ("text", "date")
            label = QLabel(column.header + ("*" if starred else ""), self)
            label.setBuddy(widget)
            rows.append((column.field, label, box, widget))
        if participants is not None:
            self.participants = QListWidget(self)
            self.participants.setObjectName("participants")
            header = QCoreApplication.translate("RecordForm", "Participants")
            self.participants.setAccessibleName(header)
            chosen = set(getattr(record, "participant_ids", []))
            for ident, name in participants:
                item = QListWidgetItem(name, self.participants)
                item.setData(Qt.ItemDataRole.UserRole, ident)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(
                    Qt.CheckState.Checked if ident in chosen else Qt.CheckState.Unchecked
                )
            if participants:
                self.participants.setCurrentRow(0)
            visible = max(2, min(len(participants), 5))
            self.participants.setFixedHeight(self.fontMetrics().lineSpacing() * visible + 16)
            label = QLabel(header, self)
            label.setBuddy(self.participants)
            rows.append(("participant_names", label, self.participants, self.participants))
            rows.sort(key=lambda row: rank.get(row[0], len(rank)))
        focus_order: list[QWidget] = []
        for _name, label, box, widget in rows:
            form.addRow(label, box)
            focus_order.append(widget.edit if isinstance(widget, DateField) else widget)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        hint = QLabel(
            QCoreApplication.translate(
                "RecordForm", "Tab moves to the next field; Ctrl+Return saves; Escape cancels."
            ),
            self,
        )
        hint.setWordWrap(True)
        hint.setEnabled(False)
        self.nothing = ErrorLabel(self)
        self.nothing.setObjectName("nothing-entered")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.nothing)
        layout.addWidget(hint)
        layout.addWidget(self.buttons)
        for previous, following in pairwise(focus_order):
            QWidget.setTabOrder(previous, following)
        for sequence in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(sequence), self, self.accept)
        self.result_record: Any = None
        self._confirmed_discard = False
        self.setMinimumWidth(480)  # room for a participant's name without a scroll bar
        if focus_order:
            focus_order[0].setFocus()
        self.start = self.current_values()

    # ------------------------------------------------------------------ fields

    def _field(self, column: Column, choices: dict[str, Choices]) -> QWidget:
        if column.kind == "vocab" and column.vocabulary is not None:
            return VocabCombo(
                column.vocabulary,
                empty=None if column.required else "",
                tooltips=column.tooltips,
                parent=self,
            )
        if column.kind == "choice":
            combo = QComboBox(self)
            combo.addItem("", None)
            for key, label in choices.get(column.field, list)():
                combo.addItem(label, key)
            return combo
        if column.kind == "date":
            return DateField(self)
        if column.kind == "bool":
            return QCheckBox(self)  # the label beside it says what it is
        if column.kind == "number":
            spin = QDoubleSpinBox(self)
            spin.setRange(0, 1e12)
            spin.setDecimals(2)
            spin.setGroupSeparatorShown(True)
            return spin
        if column.kind == "severity":
            box = QSpinBox(self)
            box.setRange(1, 3)
            return box
        if column.field in LONG_FIELDS:
            edit = QPlainTextEdit(self)
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 14)
            return edit
        return QLineEdit(self)

    @staticmethod
    def _put(column: Column, widget: QWidget, value: Any) -> None:
        if isinstance(widget, VocabCombo):
            widget.set_key(value)
        elif isinstance(widget, QComboBox):
            widget.setCurrentIndex(max(widget.findData(value), 0))
        elif isinstance(widget, DateField):
            widget.set_value(value)
        elif isinstance(widget, QCheckBox):
            widget.setChecked(bool(value))
        elif isinstance(widget, QDoubleSpinBox):
            widget.setValue(float(value or 0))
        elif isinstance(widget, QSpinBox):
            widget.setValue(int(value or 2))
        elif isinstance(widget, QPlainTextEdit):
            widget.setPlainText("" if value is None else str(value))
        elif isinstance(widget, QLineEdit) and column.kind == "measure":
            from coprod_desktop.ui.records import measure_text

            widget.setText("" if value is None else measure_text(value))
        elif isinstance(widget, QLineEdit):
            widget.setText("" if value is None else str(value))

    def _raw(self, widget: QWidget) -> Any:
        if isinstance(widget, VocabCombo):
            return widget.key()
        if isinstance(widget, QComboBox):
            return widget.currentData()
        if isinstance(widget, DateField):
            return widget.text().strip()
        if isinstance(widget, QCheckBox):
            return widget.isChecked()
        if isinstance(widget, (QDoubleSpinBox, QSpinBox)):
            return widget.value()
        if isinstance(widget, QPlainTextEdit):
            return widget.toPlainText()
        if isinstance(widget, QLineEdit):
            return widget.text()
        return None

    def current_values(self) -> dict[str, Any]:
        values = {name: self._raw(widget) for name, widget in self.fields.items()}
        values["participants"] = self.checked_participants()
        return values

    def field(self, name: str) -> QWidget:
        return self.fields[name]

    def checked_participants(self) -> list[int]:
        if self.participants is None:
            return []
        out = []
        for row in range(self.participants.count()):
            item = self.participants.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(int(item.data(Qt.ItemDataRole.UserRole)))
        return out

    def changed(self) -> bool:
        """Has anything been typed or chosen since the form opened?"""
        return self.current_values() != self.start

    # ------------------------------------------------------------------ closing

    def record(self) -> Any | None:
        """The edited record, or None (problems shown beside the fields)."""
        lang = i18n.lang()
        record = copy.deepcopy(self.original)
        ok = True
        for column in self.columns:
            widget = self.fields[column.field]
            self.errors[column.field].show_message("")
            raw = self._raw(widget)
            value: Any = raw
            if isinstance(widget, DateField):
                valid, value = widget.value()
                if not valid:
                    self.errors[column.field].show_message(
                        message("bad_date", lang, value=widget.text())
                    )
                    ok = False
                    continue
                if value is None and column.required:
                    self.errors[column.field].show_message(message("required", lang))
                    ok = False
                    continue
            elif column.kind == "measure" and isinstance(widget, QLineEdit):
                from coprod_desktop.ui.records import parse_measure

                valid, value = parse_measure(raw)
                if not valid:  # kept in the field, never dropped: the form says why
                    self.errors[column.field].show_message(
                        QCoreApplication.translate("Records", "“%1” is not a number").replace(
                            "%1", raw.strip()
                        )
                    )
                    ok = False
                    continue
            elif isinstance(widget, (QLineEdit, QPlainTextEdit)):
                value = raw.strip() or None
                if value is None and column.required:
                    self.errors[column.field].show_message(message("required", lang))
                    ok = False
                    continue
                if value is None and column.field == "summary":
                    value = ""
            elif isinstance(widget, QCheckBox):
                before = getattr(self.original, column.field)
                # An untouched, never-answered yes/no stays unanswered.
                value = None if before is None and not raw else raw
            elif isinstance(widget, QSpinBox):
                value = int(raw)
            elif isinstance(widget, QDoubleSpinBox):
                value = float(raw)
            setattr(record, column.field, value)
        if self.participants is not None:
            record.participant_ids = self.checked_participants()
        return record if ok else None

    def accept(self) -> None:
        if self.new and not self.changed():
            # Saving an untouched form would add the blank record the issue was about.
            self.nothing.show_message(
                QCoreApplication.translate(
                    "RecordForm", "Nothing entered yet: fill in a field, or press Escape."
                )
            )
            return
        self.nothing.show_message("")
        record = self.record()
        if record is None:
            first = next((self.fields[k] for k, e in self.errors.items() if not e.isHidden()), None)
            if first is not None:
                first.setFocus()
            return
        self.result_record = record
        super().accept()

    def reject(self) -> None:
        if self.changed() and not self._confirmed_discard:
            answer = QMessageBox.question(
                self,
                self.windowTitle(),
                QCoreApplication.translate("RecordForm", "Discard what you typed in this form?"),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Discard:
                return
        self._confirmed_discard = False
        super().reject()
