"""Small input widgets shared by the views: vocabulary combos, optional dates, inline errors."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCalendarWidget,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from coprod_desktop.domain.dates import read_date, show_date
from coprod_desktop.domain.vocab import Vocabulary
from coprod_desktop.ui import i18n


def vocab_label(vocabulary: type[Vocabulary], key: str | None, empty: str = "") -> str:
    """The label of a stored key in the current language (the key itself if unknown)."""
    if not key:
        return empty
    try:
        return vocabulary.get(key).label(i18n.lang())
    except KeyError:
        return key


class VocabCombo(QComboBox):
    """A choice from one vocabulary; the item data is the stable key."""

    def __init__(
        self,
        vocabulary: type[Vocabulary],
        *,
        empty: str | None = None,
        tooltips: dict[str, str] | None = None,
        keys: Iterable[str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.vocabulary = vocabulary
        if empty is not None:
            self.addItem(empty, None)
        for member in vocabulary:
            if keys is not None and member.value not in keys:
                continue
            self.addItem(member.label(i18n.lang()), member.value)
            if tooltips and member.value in tooltips:
                self.setItemData(
                    self.count() - 1, tooltips[member.value], Qt.ItemDataRole.ToolTipRole
                )
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(12)

    def key(self) -> str | None:
        value = self.currentData()
        return str(value) if value is not None else None

    def set_key(self, key: str | None) -> None:
        index = self.findData(key) if key is not None else self.findData(None)
        if index < 0 and key is None:
            index = 0
        if index >= 0:
            self.setCurrentIndex(index)


def parse_date(text: str) -> tuple[bool, dt.date | None]:
    """(ok, value) for a typed date (ISO, or Danish `15-01-2027`, `15.1.2027`, `15/1 2027`);
    an empty text is a valid 'no date'."""
    text = text.strip()
    if not text:
        return True, None
    value = read_date(text)
    return value is not None, value


def date_text(value: dt.date | None) -> str:
    """A date as the GUI shows it: the form the briefs print (ISO, or 15.1.2027 in Danish)."""
    return show_date(value, i18n.lang())


def moment_text(value: dt.datetime) -> str:
    """A date and time as the GUI shows them (2026-03-01 14:05, or 1.3.2026 14:05 in Danish)."""
    return f"{date_text(value.date())} {value:%H:%M}"


def date_placeholder() -> str:
    return (
        QCoreApplication.translate("Widgets", "D.M.YYYY")
        if i18n.lang() == "da"
        else QCoreApplication.translate("Widgets", "YYYY-MM-DD")
    )


class DateField(QWidget):
    """An optional date: typed text (shown as the briefs print it) plus a calendar button."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(date_placeholder())
        self.edit.setMaxLength(24)
        self.edit.editingFinished.connect(self._finished)
        self.button = QToolButton(self)
        self.button.setText("…")
        self.button.setToolTip(QCoreApplication.translate("Widgets", "Pick a date"))
        self.button.setAccessibleName(QCoreApplication.translate("Widgets", "Pick a date"))
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.menu = QMenu(self.button)
        # The calendar is made when the menu first opens: an editor has several dates and a
        # QCalendarWidget each made opening an initiative noticeably slower.
        self._calendar: QCalendarWidget | None = None
        self.menu.aboutToShow.connect(self._show_calendar)
        self.button.setMenu(self.menu)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.button)
        self.setFocusProxy(self.edit)
        self._last = ""

    def setAccessibleName(self, name: str) -> None:
        super().setAccessibleName(name)
        self.edit.setAccessibleName(name)

    @property
    def calendar(self) -> QCalendarWidget:
        if self._calendar is None:
            self._calendar = QCalendarWidget(self.menu)
            action = QWidgetAction(self.menu)
            action.setDefaultWidget(self._calendar)
            self.menu.addAction(action)
            self._calendar.clicked.connect(self._picked)
            self._calendar.clicked.connect(lambda _d: self.menu.close())
        return self._calendar

    def _show_calendar(self) -> None:
        ok, value = self.value()
        if ok and value is not None:
            self.calendar.setSelectedDate(QDate(value.year, value.month, value.day))
        else:
            self.calendar.setSelectedDate(QDate.currentDate())

    def _picked(self, value: QDate) -> None:
        self.edit.setText(date_text(dt.date(value.year(), value.month(), value.day())))
        self._finished()

    def _finished(self) -> None:
        ok, value = self.value()
        if ok and value is not None:  # 15/1 2027 reads back as the briefs print it
            self.edit.setText(date_text(value))
        if self.edit.text() != self._last:
            self._last = self.edit.text()
            self.changed.emit()

    def text(self) -> str:
        return self.edit.text()

    def value(self) -> tuple[bool, dt.date | None]:
        return parse_date(self.edit.text())

    def set_value(self, value: dt.date | None) -> None:
        self._last = date_text(value)
        self.edit.setText(self._last)


def setup_list_view(
    table: QTableView,
    name: str,
    *,
    selection: QAbstractItemView.SelectionMode | None = None,
    widths: Sequence[int] = (),
    alternating: bool = True,
) -> None:
    """A read-only list of records: whole rows selected, no row numbers, no wrapping, the
    given column widths, the last column taking the rest."""
    table.setAccessibleName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    if selection is not None:
        table.setSelectionMode(selection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.setWordWrap(False)
    table.setAlternatingRowColors(alternating)
    for column, width in enumerate(widths):
        table.setColumnWidth(column, width)
    table.horizontalHeader().setStretchLastSection(True)


def counted(text: str, done: int, total: int) -> str:
    """A translated "… %1 of %2 …" progress text with both numbers in the user's locale."""
    locale = QLocale()
    return text.replace("%1", locale.toString(done)).replace("%2", locale.toString(total))


def with_error(widget: QWidget, parent: QWidget) -> tuple[QWidget, ErrorLabel]:
    """`widget` with its inline error message beneath it, in one box for a form row."""
    box = QWidget(parent)
    inner = QVBoxLayout(box)
    inner.setContentsMargins(0, 0, 0, 0)
    inner.setSpacing(1)
    inner.addWidget(widget)
    error = ErrorLabel(box)
    inner.addWidget(error)
    return box, error


class ErrorLabel(QLabel):
    """The inline message beside a field; hidden while there is nothing to say."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        # A palette, not a style sheet: style sheets on the many labels of an editor made
        # opening it measurably slower.
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.WindowText, QColor("#b00020"))
        self.setPalette(palette)
        self.setAccessibleName(QCoreApplication.translate("Widgets", "Error"))
        self.hide()

    def show_message(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))


class ListTableModel(QAbstractTableModel):
    """A read-only table over a short Python list: rows from `items()`, columns and their
    titles from `headers()`. Subclasses supply those two and `data()`."""

    def headers(self) -> list[str]:
        raise NotImplementedError

    def items(self) -> Sequence[Any]:
        raise NotImplementedError

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items())

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers())

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            headers = self.headers()
            if 0 <= section < len(headers):
                return headers[section]
        return None
