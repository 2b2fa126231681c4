"""A table model over a list of plain records (mandates, resources, …) and its delegate.

The model never writes anywhere: an edit produces a new list and hands it to `on_change`,
which the initiative editor turns into an undoable command.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QLineEdit,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from coprod_desktop.domain.vocab import Vocabulary
from coprod_desktop.ui import i18n
from coprod_desktop.ui.widgets import (
    VocabCombo,
    date_placeholder,
    date_text,
    parse_date,
    vocab_label,
)

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    field: str
    header: str
    kind: str = "text"  # text | vocab | date | bool | number | severity | readonly | choice
    # | measure (a number that may be negative or blank, typed as text)
    vocabulary: type[Vocabulary] | None = None
    tooltips: dict[str, str] | None = None
    width: int = 120
    required: bool = False


def format_number(value: float) -> str:
    locale = QLocale()
    if float(value).is_integer():
        return locale.toString(int(value))
    return locale.toString(float(value), "f", 2)


class RecordModel(QAbstractTableModel):
    """Rows are dataclass records; columns are `Column`s; edits go to `on_change`."""

    def __init__(
        self,
        columns: list[Column],
        on_change: Callable[[list[Any]], None] | None = None,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self.columns = columns
        self.records: list[Any] = []
        self.on_change = on_change
        self.choices: dict[str, Callable[[], list[tuple[Any, str]]]] = {}
        self.display_hooks: dict[str, Callable[[Any], str]] = {}
        self.after_edit: Callable[[Any, str], None] | None = None
        self.problems: dict[tuple[int, str], str] = {}

    def set_records(self, records: list[Any]) -> None:
        self.beginResetModel()
        self.records = copy.deepcopy(records)
        self.endResetModel()

    def set_problems(self, problems: dict[tuple[int, str], str]) -> None:
        self.problems = problems
        if self.records:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self.records) - 1, len(self.columns) - 1)
            )

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.records)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            return self.columns[section].header
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self.records):
            return str(section + 1)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        column = self.columns[index.column()]
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if column.kind == "readonly" or self.on_change is None:
            return base
        if column.kind == "bool":
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base | Qt.ItemFlag.ItemIsEditable

    def display(self, record: Any, column: Column) -> str:
        if column.field in self.display_hooks:
            return str(self.display_hooks[column.field](record))
        value = getattr(record, column.field)
        if value is None or value == "":
            return ""
        if column.kind == "vocab" and column.vocabulary is not None:
            return vocab_label(column.vocabulary, str(value))
        if column.kind == "date" and isinstance(value, dt.date):
            return date_text(value)
        if column.kind in ("number", "measure") and isinstance(value, int | float):
            return format_number(float(value))
        if column.kind == "choice":
            options = dict(self.choices[column.field]()) if column.field in self.choices else {}
            return str(options.get(value, value))
        if isinstance(value, list):
            return ", ".join(str(x) for x in value)
        return str(value)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self.records)):
            return None
        record = self.records[index.row()]
        column = self.columns[index.column()]
        problem = self.problems.get((index.row(), column.field))
        if column.kind == "bool":
            if role == Qt.ItemDataRole.CheckStateRole:
                value = getattr(record, column.field)
                return Qt.CheckState.Checked if value else Qt.CheckState.Unchecked
            if role == Qt.ItemDataRole.DisplayRole:
                return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.display(record, column)
        if role == Qt.ItemDataRole.EditRole:
            return getattr(record, column.field)
        if role == Qt.ItemDataRole.ToolTipRole:
            if problem:
                return problem
            value = getattr(record, column.field)
            if column.tooltips and value in column.tooltips:
                return column.tooltips[value]
            text = self.display(record, column)
            return text if len(text) > 20 else None
        if role == Qt.ItemDataRole.BackgroundRole and problem:
            from PySide6.QtGui import QColor

            return QColor("#fde7ea")
        if role == Qt.ItemDataRole.TextAlignmentRole and column.kind in (
            "number",
            "severity",
            "measure",
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or self.on_change is None:
            return False
        column = self.columns[index.column()]
        if column.kind == "bool":
            if role != Qt.ItemDataRole.CheckStateRole:
                return False
            checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, 2, True)
            value = bool(checked)
        elif role != Qt.ItemDataRole.EditRole:
            return False
        if column.kind == "date" and isinstance(value, str):
            ok, parsed = parse_date(value)
            if not ok:
                return False
            value = parsed
        if column.kind == "text" and isinstance(value, str):
            value = value if value.strip() or column.required else None
        if column.kind == "measure" and isinstance(value, str):
            ok, number = parse_measure(value)
            if not ok:
                # kept visible, never dropped: the cell turns red and says why
                self.problems[(index.row(), column.field)] = QCoreApplication.translate(
                    "Records", "“%1” is not a number"
                ).replace("%1", value.strip())
                self.dataChanged.emit(index, index)
                return False
            self.problems.pop((index.row(), column.field), None)
            value = number
        records = copy.deepcopy(self.records)
        record = records[index.row()]
        if getattr(record, column.field) == value:
            return False
        setattr(record, column.field, value)
        if self.after_edit is not None:
            self.after_edit(record, column.field)
        self.records = records
        self.dataChanged.emit(
            self.index(index.row(), 0), self.index(index.row(), len(self.columns) - 1)
        )
        self.on_change(copy.deepcopy(records))
        return True


def parse_measure(text: str) -> tuple[bool, float | int | None]:
    """A typed measure: (True, None) when blank, (True, number), or (False, None) when it is
    not a number. Danish users may type a decimal comma and thousands points."""
    from coprod_desktop.domain.sheetparse import parse_number

    if not text.strip():
        return True, None
    number = parse_number(text, decimal_comma=i18n.lang() == "da")
    return (number is not None), number


def measure_text(value: float) -> str:
    """A measure as it is typed: every digit kept (no rounding, no grouping), with a decimal
    comma in Danish, so opening and leaving a cell never changes its value."""
    text = str(int(value)) if float(value).is_integer() else repr(float(value))
    return text.replace(".", ",") if i18n.lang() == "da" else text


class RecordDelegate(QStyledItemDelegate):
    """Editors by column kind: vocabulary combos, ISO dates, numbers, severity 1-3."""

    def _column(self, index: Index) -> Column:
        model = index.model()
        assert isinstance(model, RecordModel)
        return model.columns[index.column()]

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        column = self._column(index)
        model = index.model()
        assert isinstance(model, RecordModel)
        if column.kind == "vocab" and column.vocabulary is not None:
            empty = None if column.required else ""
            return VocabCombo(
                column.vocabulary, empty=empty, tooltips=column.tooltips, parent=parent
            )
        if column.kind == "choice":
            combo = QComboBox(parent)
            combo.addItem("", None)
            for key, label in model.choices.get(column.field, list)():
                combo.addItem(label, key)
            return combo
        if column.kind == "number":
            spin = QDoubleSpinBox(parent)
            spin.setRange(0, 1e12)
            spin.setDecimals(2)
            spin.setGroupSeparatorShown(True)
            return spin
        if column.kind == "severity":
            box = QSpinBox(parent)
            box.setRange(1, 3)
            return box
        edit = QLineEdit(parent)
        if column.kind == "measure":
            edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        if column.kind == "date":
            edit.setPlaceholderText(date_placeholder())
        return edit

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, VocabCombo):
            editor.set_key(value)
        elif isinstance(editor, QComboBox):
            found = editor.findData(value)
            editor.setCurrentIndex(max(found, 0))
        elif isinstance(editor, QDoubleSpinBox):
            editor.setValue(float(value or 0))
        elif isinstance(editor, QSpinBox):
            editor.setValue(int(value or 2))
        elif isinstance(editor, QLineEdit):
            if isinstance(value, dt.date):
                editor.setText(date_text(value))
            elif self._column(index).kind == "measure" and isinstance(value, int | float):
                editor.setText(measure_text(value))
            else:
                editor.setText("" if value is None else str(value))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, VocabCombo):
            model.setData(index, editor.key())
        elif isinstance(editor, QComboBox):
            model.setData(index, editor.currentData())
        elif isinstance(editor, (QDoubleSpinBox, QSpinBox)):
            model.setData(index, editor.value())
        elif isinstance(editor, QLineEdit):
            model.setData(index, editor.text())


def lang() -> str:
    return i18n.lang()
