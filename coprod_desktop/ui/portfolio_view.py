"""The portfolio: a lazily fetched table model sorted and filtered in SQL, and its view."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QHelpEvent, QIcon, QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QStackedWidget,
    QStyle,
    QTableView,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from coprod_desktop.domain import vocab as v
from coprod_desktop.domain.assessment import SIGNAL_KEYS
from coprod_desktop.domain.assessment import Signal as AttentionSignal
from coprod_desktop.domain.messages import message
from coprod_desktop.domain.model import PortfolioRow
from coprod_desktop.domain.typology import PRESSURE_DEFINITIONS
from coprod_desktop.services import portfolio_assessment, portfolio_query
from coprod_desktop.services.portfolio_query import PortfolioFilter
from coprod_desktop.store.db import Database
from coprod_desktop.ui import i18n
from coprod_desktop.ui import preferences as prefs
from coprod_desktop.ui.widgets import VocabCombo, date_text

Index = QModelIndex | QPersistentModelIndex

# (key, sort key or None)
COLUMNS: tuple[tuple[str, str | None], ...] = (
    ("reference", "reference"),
    ("title", "title"),
    ("type", "type"),
    ("sector", "sector"),
    ("status", "status"),
    ("owner", "owner"),
    ("open_pressures", "open_pressures"),
    ("attention", None),
    ("next_review", "next_review"),
    ("completeness", None),
)
# plain ints: a page sets some 250 values, and converting an enum costs more than setting
_DISPLAY = Qt.ItemDataRole.DisplayRole.value
_ACCESSIBLE = Qt.ItemDataRole.AccessibleTextRole.value
_DECORATION = Qt.ItemDataRole.DecorationRole.value
_ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole.value
_CENTRED = Qt.AlignmentFlag.AlignCenter.value
_RIGHT = (Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value
_ALIGNMENTS = {6: _CENTRED, 7: _CENTRED, 9: _RIGHT}  # open pressures, attention, complete
_ATTENTION = 7
_NO_TOOLTIP = frozenset({6})  # the number says it all
PAGE = 50  # rows per fetch: one screenful or two, so each fetch assesses few initiatives
ROW_ID_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class _PageTexts:
    """The labels a page of rows shows, in one language (worked out once per language)."""

    lang: str
    types: dict[str, str]
    sectors: dict[str, str]
    statuses: dict[str, str]
    not_classified: str
    no_signals: str


class PortfolioModel(QStandardItemModel):
    """Light rows, fetched a page at a time; sorting and filtering happen in SQL.

    The rows on screen are plain Qt items, filled once per fetch: painting asks for seven
    roles of every visible cell on every repaint, and answered in Python that was most of
    the time a filter change took (issue 22)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(0, len(COLUMNS), parent)
        # what each cell's item is made from (`_fill`): not editable, as every cell
        prototype = QStandardItem()
        prototype.setEditable(False)
        self.setItemPrototype(prototype)
        self.db: Database | None = None
        self.filter = PortfolioFilter()
        self.sort_key = "reference"
        self.descending = False
        self.total = 0
        self.rows: list[PortfolioRow] = []
        self.signal_keys: dict[int, list[str]] = {}  # the signals that fire, per listed id
        self.signals: dict[int, list[AttentionSignal]] = {}  # explained, when asked for
        self.completeness: dict[int, int] = {}
        self.today = dt.date.today()
        self._icon: QIcon | None = None
        self._headers: tuple[str, list[str]] | None = None  # (language, titles)
        self._texts_cache: _PageTexts | None = None

    def headers(self) -> list[str]:
        lang = i18n.lang()
        if self._headers is None or self._headers[0] != lang:  # the header asks on every paint
            titles = [
                self.tr("Reference"),
                self.tr("Title"),
                self.tr("Type"),
                self.tr("Sector"),
                self.tr("Status"),
                self.tr("Owner"),
                self.tr("Open pressures"),
                self.tr("Attention"),
                self.tr("Next review"),
                self.tr("Complete"),
            ]
            self._headers = (lang, titles)
        return list(self._headers[1])

    # --------------------------------------------------------------- loading

    def set_database(self, db: Database | None) -> None:
        self.db = db
        self.refresh()

    def set_filter(self, flt: PortfolioFilter) -> None:
        self.filter = flt
        self.refresh()

    def refresh(self, total: int | None = None) -> None:
        """Read the filtered portfolio's count (unless the caller has just counted it: `total`)
        and its first page again."""
        # The count and the first page are read before anything is cleared: when the database
        # cannot be read (a lost connection) the error leaves the rows on screen as they were.
        if total is None:
            total = portfolio_query.count(self.db, self.filter) if self.db is not None else 0
        today = dt.date.today()
        page, marks = self._page(0, today) if total else ([], {})
        # One reset for views, however many rows change (the item model would announce each).
        self.beginResetModel()
        blocked = self.blockSignals(True)
        try:
            self.setRowCount(0)
            self.rows = []
            self.signal_keys = {}
            self.signals = {}
            self.completeness = {}
            self.today = today
            self.total = total
            self._add(page, marks)
        finally:
            self.blockSignals(blocked)
            self.endResetModel()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid() or self.db is None:
            return False
        return len(self.rows) < self.total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self.db is None:
            return
        self._add(*self._page(len(self.rows), self.today))

    def _page(
        self, offset: int, today: dt.date
    ) -> tuple[list[PortfolioRow], dict[int, portfolio_assessment.ListMarks]]:
        """One page of rows from `offset`, with their signal keys and completeness."""
        assert self.db is not None
        page = portfolio_query.rows(
            self.db,
            self.filter,
            sort=self.sort_key,
            descending=self.descending,
            offset=offset,
            limit=PAGE,
        )
        if not page:
            return [], {}
        # in SQL over the facts the database keeps; the signals' explanations (a tooltip)
        # are worked out when asked for (`explained`)
        return page, portfolio_assessment.list_marks(self.db, [r.id for r in page], today)

    def _add(
        self, page: list[PortfolioRow], marks: dict[int, portfolio_assessment.ListMarks]
    ) -> None:
        if not page:
            self.total = len(self.rows)
            return
        self.signal_keys.update({ident: mark.signal_keys for ident, mark in marks.items()})
        self.completeness.update({ident: mark.completeness for ident, mark in marks.items()})
        start = len(self.rows)
        self.rows.extend(page)
        if self.signalsBlocked():  # a reset: views hear of it once, at its end
            self.setRowCount(start + len(page))
            self._fill(start, page)
            return
        # one announcement for the page (appending row by row would make one per row), then
        # the cells, told as one change
        self.insertRows(start, len(page))
        self.blockSignals(True)
        try:
            self._fill(start, page)
        finally:
            self.blockSignals(False)
        last = self.index(start + len(page) - 1, len(COLUMNS) - 1)
        self.dataChanged.emit(self.index(start, 0), last)

    def _texts(self) -> _PageTexts:
        """What every row of a page shows the same way, in the current language."""
        lang = i18n.lang()
        if self._texts_cache is None or self._texts_cache.lang != lang:
            self._texts_cache = _PageTexts(
                lang,
                {m.value: m.label(lang) for m in v.InitiativeType},
                {m.value: m.label(lang) for m in v.Sector},
                {m.value: m.label(lang) for m in v.Status},
                self.tr("(not classified)"),
                self.tr("No signals"),
            )
        return self._texts_cache

    def _fill(self, start: int, page: list[PortfolioRow]) -> None:
        """The cells of `page`'s rows (added empty from row `start`): the labels looked up
        once here, not on every repaint.

        Each cell's item is made by the model as its first value is set: a copy of the
        not-editable prototype, in C++. An item made in Python is a binding object that
        painting asks about each of its values (whether Python overrides them), and setting
        its flags one by one cost more than the item (issue 22). Nothing here keeps an item."""
        texts = self._texts()
        index, set_data = self.index, self.setData
        for number, row in enumerate(page, start):
            found = self.signal_keys.get(row.id)
            share = self.completeness.get(row.id)
            # in the order of COLUMNS; a key not in its vocabulary shows as it is (vocab_label)
            kind, sector, status = row.type, row.sector, row.status
            values = (
                row.reference,
                row.title,
                texts.types.get(kind, kind) if kind else texts.not_classified,
                texts.sectors.get(sector, sector) if sector else "",
                texts.statuses.get(status, status) if status else "",
                row.owner or "",
                row.open_pressures,  # a number, as the sort is
                str(len(found)) if found else "",
                date_text(row.next_review),
                f"{share} %" if share is not None else "",
            )
            for column, value in enumerate(values):
                cell = index(number, column)
                set_data(cell, value, _DISPLAY)
                if column in _ALIGNMENTS:
                    set_data(cell, _ALIGNMENTS[column], _ALIGNMENT)
                if column == 0:
                    set_data(cell, row.id, ROW_ID_ROLE)
                elif column == _ATTENTION:
                    if found:
                        set_data(cell, self.attention_icon(), _DECORATION)
                        # screen readers hear the signals' names; the tooltip explains them
                        names = "; ".join(signal_label(k) for k in found)
                        set_data(cell, names, _ACCESSIBLE)
                    else:
                        set_data(cell, texts.no_signals, _ACCESSIBLE)

    def tooltip(self, index: QModelIndex) -> str | None:
        """A cell's tooltip: its text in full (a long title is cut short), the signals'
        explanations in the attention column."""
        column, row = index.column(), index.row()
        if column in _NO_TOOLTIP or not (0 <= row < len(self.rows)):
            return None
        if column == _ATTENTION:
            found = self.explained(self.rows[row].id)
            return "\n".join("• " + s.explanation.get(i18n.lang()) for s in found) or None
        return str(index.data(_DISPLAY) or "") or None

    def explained(self, ident: int) -> list[AttentionSignal]:
        """The signals of one listed initiative with their explanations (the Python
        assessment, read when its tooltip is asked for; kept until the next reset)."""
        if ident not in self.signals:
            found = []
            if self.db is not None and self.signal_keys.get(ident):
                assessed = portfolio_assessment.assess(self.db, [ident], self.today, suggest=False)
                found = assessed[ident].signals if ident in assessed else []
            self.signals[ident] = found
        return self.signals[ident]

    # --------------------------------------------------------------- Qt model

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.headers()[section]
            if role == Qt.ItemDataRole.ToolTipRole and COLUMNS[section][0] == "attention":
                return self.tr("Signals that need a manager's attention")
            if role == Qt.ItemDataRole.ToolTipRole and COLUMNS[section][0] == "completeness":
                return self.tr("Share of the fields a manager expects to be filled")
        return None

    def attention_icon(self) -> QIcon:
        if self._icon is None:
            from PySide6.QtWidgets import QApplication

            self._icon = QApplication.style().standardIcon(
                QStyle.StandardPixmap.SP_MessageBoxWarning
            )
        return self._icon

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not (0 <= column < len(COLUMNS)):
            return
        key = COLUMNS[column][1]
        if key is None:
            return
        self.sort_key = key
        self.descending = order == Qt.SortOrder.DescendingOrder
        self.refresh()

    def row_id(self, row: int) -> int | None:
        return self.rows[row].id if 0 <= row < len(self.rows) else None


class FilterBar(QWidget):
    """Type, sector, status, origin, pressure, "my initiatives" and a debounced search."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search titles, places, journal…"))
        self.search.setAccessibleName(self.tr("Search"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(180)
        any_ = self.tr("Any type")
        self.type = VocabCombo(v.InitiativeType, empty=any_, parent=self)
        self.type.addItem(self.tr("Not classified"), portfolio_query.UNCLASSIFIED)
        self.sector = VocabCombo(v.Sector, empty=self.tr("Any sector"), parent=self)
        self.status = VocabCombo(v.Status, empty=self.tr("Any status"), parent=self)
        self.origin = VocabCombo(v.Origin, empty=self.tr("Any origin"), parent=self)
        definitions = {k.value: t.get(i18n.lang()) for k, t in PRESSURE_DEFINITIONS.items()}
        self.pressure = VocabCombo(
            v.PressureCategory,
            empty=self.tr("Any cross-pressure"),
            tooltips=definitions,
            parent=self,
        )
        self.mine = QCheckBox(self.tr("My initiatives"), self)
        self.mine.setToolTip(self.tr("Only initiatives whose owner is your user name"))
        self.attention = QComboBox(self)
        # "Any attention" beside "Any attention signal" read as the same thing: the first is
        # no filter at all (as "Any type" is), the second keeps those with a signal.
        self.attention.addItem(self.tr("Any attention"), None)
        self.attention.addItem(self.tr("Needs attention (any signal)"), "any")
        for key in SIGNAL_KEYS:
            self.attention.addItem(signal_label(key), key)
        names = (
            (self.type, self.tr("Type filter")),
            (self.sector, self.tr("Sector filter")),
            (self.status, self.tr("Status filter")),
            (self.origin, self.tr("Origin filter")),
            (self.pressure, self.tr("Cross-pressure filter")),
            (self.attention, self.tr("Attention filter")),
        )
        layout.addWidget(self.search, 2)
        for combo, name in names:
            combo.setAccessibleName(name)
            combo.setToolTip(name)
            combo.setMinimumContentsLength(8)
            combo.currentIndexChanged.connect(self.changed)
            layout.addWidget(combo, 1)
        layout.addWidget(self.mine)
        self.mine.toggled.connect(self.changed)
        self.debounce = QTimer(self)
        self.debounce.setSingleShot(True)
        self.debounce.setInterval(300)
        self.debounce.timeout.connect(self.changed)
        self.search.textChanged.connect(lambda _t: self.debounce.start())

    def combos(self) -> tuple[QComboBox, ...]:
        return (self.type, self.sector, self.status, self.origin, self.pressure, self.attention)

    def is_filtering(self) -> bool:
        return (
            any(combo.currentIndex() > 0 for combo in self.combos())
            or self.mine.isChecked()
            or bool(self.search.text().strip())
        )

    def clear(self) -> None:
        """Every filter back to "any", the search emptied: one `changed`, not eight."""
        self.blockSignals(True)
        for combo in self.combos():
            combo.setCurrentIndex(0)
        self.mine.setChecked(False)
        self.search.clear()
        self.debounce.stop()
        self.blockSignals(False)

    def current(self, user: str) -> PortfolioFilter:
        def one(combo: QComboBox) -> tuple[str, ...]:
            value = combo.currentData()
            return (str(value),) if value else ()

        return PortfolioFilter(
            types=one(self.type),
            sectors=one(self.sector),
            statuses=one(self.status),
            origins=one(self.origin),
            pressures=one(self.pressure),
            search=self.search.text().strip(),
            owner=user if self.mine.isChecked() and user else None,
        )

    def attention_key(self) -> str | None:
        """The attention signal the portfolio is filtered on ("any": any signal), or None."""
        value = self.attention.currentData()
        return str(value) if value else None


def signal_label(key: str) -> str:
    """The translated name of an attention signal (from the core's vocabulary of messages)."""
    text = message(f"sig_{key}", i18n.lang())
    return text[:1].upper() + text[1:]


class PortfolioTable(QTableView):
    """Enter opens the current initiative (double-click too)."""

    open_requested = Signal(int)

    def viewportEvent(self, event: QEvent) -> bool:
        # Tooltips are worked out for the cell under the mouse, not stored in every cell.
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            model = self.model()
            index = self.indexAt(event.pos())
            if isinstance(model, PortfolioModel) and index.isValid():
                text = model.tooltip(index)
                if text:
                    QToolTip.showText(
                        event.globalPos(), text, self.viewport(), self.visualRect(index)
                    )
                else:
                    QToolTip.hideText()
                    event.ignore()
                return True
        return super().viewportEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self._open(self.currentIndex())
            return
        super().keyPressEvent(event)

    def _open(self, index: QModelIndex) -> None:
        ident = index.siblingAtColumn(0).data(ROW_ID_ROLE)
        if ident is not None:
            self.open_requested.emit(int(ident))


class PortfolioView(QWidget):
    """The filter bar and the table, or the first-run empty state."""

    open_requested = Signal(int)
    new_requested = Signal()
    demo_requested = Signal()
    counts_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = PortfolioModel(self)
        self.filters = FilterBar(self)
        self.table = PortfolioTable(self)
        self.table.setModel(self.model)
        self.table.setObjectName("portfolio-table")
        self.table.setAccessibleName(self.tr("Portfolio"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setSortingEnabled(True)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSectionsMovable(True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self.column_menu)
        # Widths from the header texts and the (few) vocabulary labels, never from the rows.
        metrics = self.table.fontMetrics()
        # Narrow enough that the stretching title keeps room at 1280 px (it elides, with a tooltip).
        widths = [104, 320, 130, 150, 100, 130, 60, 60, 90, 60]
        vocabularies = {2: v.InitiativeType, 3: v.Sector, 4: v.Status}
        for column, title in enumerate(self.model.headers()):
            widths[column] = max(widths[column], metrics.horizontalAdvance(title) + 20)
            if column in vocabularies:
                longest = max(
                    metrics.horizontalAdvance(m.label(i18n.lang())) for m in vocabularies[column]
                )
                widths[column] = max(widths[column], longest + 16)
        for column, width in enumerate(widths):
            self.table.setColumnWidth(column, width)
        # What the header and the labels need in this language: widths remembered from the
        # other language (or an older version) are widened to it, so nothing is clipped.
        self.needed_widths = widths
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self.table._open)
        self.table.open_requested.connect(self.open_requested)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.filters.changed.connect(self.apply_filters)
        self.model.modelReset.connect(self.counts_changed)
        self.model.rowsInserted.connect(self.counts_changed)

        self.empty = QWidget(self)
        empty_layout = QVBoxLayout(self.empty)
        empty_layout.addStretch(1)
        heading = QLabel(self.tr("This portfolio is empty"), self.empty)
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        heading.setFont(font)
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint = QLabel(
            self.tr(
                "Log your first co-production initiative, or load the demo portfolio to look "
                "around."
            ),
            self.empty,
        )
        hint.setWordWrap(True)
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.new_button = QPushButton(self.tr("New initiative"), self.empty)
        self.demo_button = QPushButton(self.tr("Load demo portfolio"), self.empty)
        self.new_button.clicked.connect(self.new_requested)
        self.demo_button.clicked.connect(self.demo_requested)
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.demo_button)
        buttons.addStretch(1)
        empty_layout.addWidget(heading)
        empty_layout.addWidget(hint)
        empty_layout.addLayout(buttons)
        empty_layout.addStretch(2)

        self.table_page = QWidget(self)
        table_layout = QVBoxLayout(self.table_page)
        table_layout.setContentsMargins(0, 0, 0, 0)
        table_layout.addWidget(self.filters)
        self.scope: tuple[str, tuple[int, ...]] | None = None  # (label, ids) from the dashboard
        self.scope_bar, self.scope_label, self.scope_clear = self._notice_bar(
            self.tr("Show all"), self.tr("Clear the selection from the dashboard"), self.clear_scope
        )
        self.scope_bar.setObjectName("portfolio-scope")
        self.scope_bar.setStyleSheet(
            "QWidget#portfolio-scope { background: palette(alternate-base);"
            " border: 1px solid palette(highlight); border-radius: 3px; }"
        )
        self.scope_label.setWordWrap(True)
        table_layout.addWidget(self.scope_bar)
        # An empty result says so, with one way back to the whole portfolio.
        self.no_match_bar, self.no_match_label, self.clear_filters_button = self._notice_bar(
            self.tr("Clear all filters"),
            self.tr("Show the whole portfolio again"),
            self.clear_filters,
        )
        self.no_match_bar.setObjectName("portfolio-no-match")
        self.no_match_label.setText(self.tr("No initiatives match these filters."))
        table_layout.addWidget(self.no_match_bar)
        self.counts_changed.connect(self._show_no_match)
        table_layout.addWidget(self.table, 1)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.table_page)
        self.stack.addWidget(self.empty)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.stack)
        self.setFocusProxy(self.table)
        self.total_all = 0

    def _notice_bar(
        self, button_text: str, tooltip: str, clicked: Any
    ) -> tuple[QWidget, QLabel, QPushButton]:
        """A hidden strip above the table: a message and one button."""
        bar = QWidget(self.table_page)
        layout = QHBoxLayout(bar)
        layout.setContentsMargins(8, 3, 3, 3)
        label = QLabel(bar)
        button = QPushButton(button_text, bar)
        button.setToolTip(tooltip)
        button.clicked.connect(clicked)
        layout.addWidget(label, 1)
        layout.addWidget(button)
        bar.hide()
        return bar, label, button

    # --------------------------------------------------------------- data

    def set_database(self, db: Database | None) -> None:
        self.model.db = db
        self.scope = None
        self.scope_bar.hide()
        self.model.filter = self.base_filter()
        self.reload()
        if self.filters.attention_key() is not None:
            self.apply_filters()

    def user(self) -> str:
        if self.model.db is not None:
            return prefs.user_name() or self.model.db.user
        return prefs.user_name()

    def reload(self) -> None:
        db = self.model.db
        self.total_all = portfolio_query.count(db) if db is not None else 0
        # the whole portfolio is counted once, not again as the unfiltered list's total
        self.model.refresh(self.total_all if self.model.filter.is_empty() else None)
        self.stack.setCurrentWidget(
            self.empty if db is not None and self.total_all == 0 else self.table_page
        )
        self.counts_changed.emit()

    def apply_filters(self) -> None:
        """The filter bar (and the dashboard's selection) to the list. An attention signal is
        one more condition in SQL, on the facts the database keeps (services/attention.py)."""
        flt = self.base_filter()
        key = self.filters.attention_key()
        self.model.set_filter(flt if key is None else replace(flt, attention=(key,)))

    def base_filter(self) -> PortfolioFilter:
        """The filter bar, narrowed to the dashboard's selection, without attention."""
        # the user name (a settings read) only counts with "My initiatives" ticked
        flt = self.filters.current(self.user() if self.filters.mine.isChecked() else "")
        if self.scope is not None:
            flt = replace(flt, ids=self.scope[1])
        return flt

    def set_scope(self, label: str, ids: tuple[int, ...]) -> None:
        """Show exactly these initiatives (a click in the dashboard); the bar says so."""
        self.filters.clear()
        self.scope = (label, tuple(ids))
        self.scope_label.setText(
            self.tr("Showing %n initiative(s) from the dashboard: %1", "", len(ids)).replace(
                "%1", label
            )
        )
        self.scope_bar.show()
        self.apply_filters()

    def clear_filters(self) -> None:
        """Every filter and the dashboard's selection off: the whole portfolio."""
        self.filters.clear()
        self.scope = None
        self.scope_bar.hide()
        self.apply_filters()

    def _show_no_match(self) -> None:
        nothing = self.model.db is not None and self.total_all > 0 and self.model.total == 0
        self.no_match_bar.setVisible(nothing)

    def clear_scope(self) -> None:
        self.scope = None
        self.scope_bar.hide()
        self.apply_filters()

    def selected_ids(self) -> list[int]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [i for i in (self.model.row_id(r) for r in rows) if i is not None]

    # --------------------------------------------------------------- state

    def column_menu(self, _pos: Any = None) -> QMenu:
        menu = QMenu(self)
        header = self.table.horizontalHeader()
        for column, title in enumerate(self.model.headers()):
            action = QAction(title, menu)
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(column))
            action.setEnabled(column != 1)  # the title always stays
            action.toggled.connect(lambda on, c=column: self.set_column_visible(c, on))
            menu.addAction(action)
        if _pos is not None:
            menu.popup(header.mapToGlobal(_pos))
        return menu

    def set_column_visible(self, column: int, visible: bool) -> None:
        self.table.horizontalHeader().setSectionHidden(column, not visible)
        self.save_state()

    def save_state(self) -> None:
        store = prefs.settings()
        store.setValue("portfolio/header", self.table.horizontalHeader().saveState())
        store.setValue(
            "portfolio/hidden",
            [
                COLUMNS[c][0]
                for c in range(len(COLUMNS))
                if self.table.horizontalHeader().isSectionHidden(c)
            ],
        )
        store.setValue("portfolio/sort", self.model.sort_key)
        store.setValue("portfolio/descending", self.model.descending)
        store.sync()

    def restore_state(self) -> None:
        store = prefs.settings()
        state = store.value("portfolio/header")
        header = self.table.horizontalHeader()
        if state is not None:
            header.restoreState(state)
            for column, width in enumerate(self.needed_widths):
                if column != 1 and header.sectionSize(column) < width:
                    header.resizeSection(column, width)
        hidden = prefs.get_list("portfolio/hidden")
        for column, (key, _sort) in enumerate(COLUMNS):
            header.setSectionHidden(column, key in hidden)
        sort_key = prefs.get_str("portfolio/sort", "reference")
        descending = str(store.value("portfolio/descending", False)).lower() == "true"
        column = next((c for c, (_k, s) in enumerate(COLUMNS) if s == sort_key), 0)
        self.model.sort_key = COLUMNS[column][1] or "reference"
        self.model.descending = descending
        header.blockSignals(True)
        header.setSortIndicator(
            column, Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
        )
        header.blockSignals(False)
