"""Import and export of initiatives: the import wizard (.json, .csv, .xlsx) and the export.

The wizard goes: choose a file → (spreadsheets) map the headings the import does not know,
remembered per heading layout → a preview of the first rows with every problem listed by row
and column, before anything is written → the import, all or nothing, in the background → a
summary. Reading and checking the file also runs in the background; the widgets only show
plain data (`Analysis`) that the worker hands back.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coprod_desktop.domain import columns as cols
from coprod_desktop.domain.errors import CoprodError, ValidationError
from coprod_desktop.services import file_import
from coprod_desktop.services.file_import import Analysis
from coprod_desktop.services.portfolio_query import PortfolioFilter
from coprod_desktop.store.db import Database
from coprod_desktop.ui import i18n
from coprod_desktop.ui import preferences as prefs
from coprod_desktop.ui.background import Background, Progress

MAPPING_KEY = "import/mapping/"
PROBLEM_BRUSH = QColor(255, 214, 214)


# ---------------------------------------------------------------- what the preview shows


def load_mapping(layout_key: str) -> dict[str, str]:
    """The column mapping remembered for a heading layout (heading -> field, "" = ignore)."""
    raw = prefs.get_str(MAPPING_KEY + layout_key)
    if not raw:
        return {}
    try:
        value = json.loads(raw)
    except ValueError:
        return {}
    if not isinstance(value, dict):
        return {}
    return {str(k): str(v) for k, v in value.items() if isinstance(v, str)}


def save_mapping(layout_key: str, mapping: dict[str, str]) -> None:
    prefs.set_value(MAPPING_KEY + layout_key, json.dumps(mapping, ensure_ascii=False))


def read_details(analysis: Analysis) -> str:
    """How the file was read, as the preview says it (separator, decimal mark, encoding)."""
    if analysis.kind == "json":
        return QCoreApplication.translate("ImportWizard", "coprod interchange file (JSON)")
    parts = []
    if analysis.kind == "csv":
        separator = {
            ";": QCoreApplication.translate("ImportWizard", "“;” (semicolon)"),
            ",": QCoreApplication.translate("ImportWizard", "“,” (comma)"),
            "\t": QCoreApplication.translate("ImportWizard", "tab"),
        }.get(analysis.delimiter or "", analysis.delimiter or "?")
        parts.append(
            QCoreApplication.translate("ImportWizard", "CSV, separator %1").replace("%1", separator)
        )
        parts.append(
            QCoreApplication.translate("ImportWizard", "decimal comma")
            if analysis.decimal_comma
            else QCoreApplication.translate("ImportWizard", "decimal point")
        )
        if analysis.encoding:
            parts.append(
                QCoreApplication.translate("ImportWizard", "encoding %1").replace(
                    "%1", analysis.encoding
                )
            )
    else:
        parts.append(QCoreApplication.translate("ImportWizard", "Excel workbook"))
    if analysis.header_row:
        parts.append(
            QCoreApplication.translate("ImportWizard", "headings in row %1").replace(
                "%1", str(analysis.header_row)
            )
        )
    return ", ".join(parts)


def read_as(field: str, text: str, decimal_comma: bool, lang: str) -> str:
    """How the import reads a cell, as the user's language writes it ("" if as written or
    not readable: a problem says so). "15-01-2027" → "15.1.2027", "havne" → "Havne"."""
    from coprod_desktop.domain import sheetparse as sp
    from coprod_desktop.domain.dates import show_date
    from coprod_desktop.reports.text import number as show_number

    spec = cols.IMPORT_COLUMNS.get(field)
    if spec is None or not text.strip():
        return ""
    shown = ""
    if spec.kind == "vocab" and spec.vocabulary is not None:
        member = spec.vocabulary.from_key_or_label(text)
        shown = member.label(lang) if member is not None else ""
    elif spec.kind == "vocab_list" and spec.vocabulary is not None:
        members = [spec.vocabulary.from_key_or_label(part) for part in sp.split_list(text)]
        if all(m is not None for m in members):
            shown = "; ".join(m.label(lang) for m in members if m is not None)
    elif spec.kind == "date":
        day = sp.parse_date_value(text)
        shown = show_date(day, lang) if day is not None else ""
    elif spec.kind == "number":
        value = sp.parse_number(text, decimal_comma)
        if value is not None:
            decimals = next((d for d in range(3) if round(value, d) == value), 2)
            shown = show_number(float(value), lang, decimals)
    return "" if shown == text.strip() else shown


def cell_text(analysis: Analysis, key: str, text: str, lang: str) -> str:
    """A preview cell as written, and how the import reads it when that differs."""
    fields = {k: f for k, _heading, f in analysis.columns}
    read = read_as(fields.get(key) or "", text, analysis.decimal_comma, lang)
    return f"{text} → {read}" if read else text


# ---------------------------------------------------------------- the wizard


class ImportWizard(QDialog):
    """Choose a file → map unknown headings → preview with every problem → import → summary."""

    imported = Signal(object)  # exchange.ImportResult

    STEP_FILE, STEP_MAPPING, STEP_PREVIEW, STEP_RESULT = range(4)

    def __init__(
        self,
        db: Database,
        background: Background,
        parent: QWidget | None = None,
        path: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("import-wizard")
        self.setWindowTitle(self.tr("Import initiatives"))
        self.db = db
        self.background = background
        self.lang = i18n.lang()
        self.analysis: Analysis | None = None
        self.layout_key: str | None = None
        self.mapping: dict[str, str] = {}
        self.combos: dict[str, QComboBox] = {}
        self.first: Analysis | None = None  # the headings as first read (for going back)
        self.result: Any = None
        self.busy = False

        self.heading = QLabel(self)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.heading.setFont(font)
        self.steps = QStackedWidget(self)
        self.steps.addWidget(self._build_file_step())
        self.steps.addWidget(self._build_mapping_step())
        self.steps.addWidget(self._build_preview_step())
        self.steps.addWidget(self._build_result_step())

        self.back_button = QPushButton(self.tr("< &Back"), self)
        self.back_button.clicked.connect(self.back)
        self.recheck_button = QPushButton(self.tr("Check &again"), self)
        self.recheck_button.setToolTip(self.tr("Read the file again after correcting it"))
        self.recheck_button.clicked.connect(self.check)
        self.next_button = QPushButton(self.tr("&Next >"), self)
        self.next_button.setDefault(True)
        self.next_button.clicked.connect(self.next)
        self.import_button = QPushButton(self.tr("&Import"), self)
        self.import_button.clicked.connect(self.start_import)
        self.close_button = QPushButton(self.tr("Cancel"), self)
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.recheck_button)
        buttons.addWidget(self.next_button)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.steps, 1)
        layout.addLayout(buttons)
        self.resize(980, 640)
        if path:
            self.path_edit.setText(path)
        self.go(self.STEP_FILE)

    # ------------------------------------------------------------ building the steps

    def _build_file_step(self) -> QWidget:
        page = QWidget(self)
        intro = QLabel(
            self.tr(
                "Choose a coprod interchange file (.json) or a spreadsheet (.csv or .xlsx) with "
                "one initiative per row. Column headings may be the field names or their "
                "English or Danish labels; Danish Excel files (semicolons, decimal comma, "
                "dd-mm-yyyy dates) are recognised by themselves. Nothing is written until you "
                "have seen the preview and pressed Import."
            ),
            page,
        )
        intro.setWordWrap(True)
        self.path_edit = QLineEdit(page)
        self.path_edit.setAccessibleName(self.tr("File to import"))
        self.path_edit.setPlaceholderText(self.tr("Path of a .json, .csv or .xlsx file"))
        self.path_edit.textChanged.connect(lambda _t: self._update_buttons())
        browse = QPushButton(self.tr("&Browse…"), page)
        browse.clicked.connect(self.browse)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        self.merge_box = QCheckBox(
            self.tr("&Update initiatives whose reference already exists (merge)"), page
        )
        self.merge_box.setToolTip(
            self.tr("Without this, a reference that already exists is reported as a problem")
        )
        self.file_error = QLabel(page)
        self.file_error.setWordWrap(True)
        self.file_error.setStyleSheet("color: #a40000;")
        form = QFormLayout()
        label = QLabel(self.tr("&File:"), page)
        label.setBuddy(self.path_edit)
        form.addRow(label, row)
        layout = QVBoxLayout(page)
        layout.addWidget(intro)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addWidget(self.merge_box)
        layout.addWidget(self.file_error)
        layout.addStretch(1)
        return page

    def _build_mapping_step(self) -> QWidget:
        page = QWidget(self)
        self.mapping_intro = QLabel(page)
        self.mapping_intro.setWordWrap(True)
        self.mapping_form_host = QWidget(page)
        self.mapping_form = QFormLayout(self.mapping_form_host)
        self.mapping_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        scroll = QScrollArea(page)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.mapping_form_host)
        self.mapping_memory = QLabel(page)
        self.mapping_memory.setWordWrap(True)
        layout = QVBoxLayout(page)
        layout.addWidget(self.mapping_intro)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.mapping_memory)
        return page

    def _build_preview_step(self) -> QWidget:
        page = QWidget(self)
        self.summary = QLabel(page)
        self.summary.setWordWrap(True)
        self.summary.setObjectName("import-summary")
        self.details = QLabel(page)
        self.details.setWordWrap(True)
        self.details.setStyleSheet("color: #505050;")
        self.table = QTableWidget(page)
        self.table.setAccessibleName(self.tr("First rows of the file"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.problems_label = QLabel(self.tr("Problems:"), page)
        self.problem_list = QListWidget(page)
        self.problem_list.setAccessibleName(self.tr("Problems"))
        self.problem_list.setWordWrap(True)
        self.problem_list.currentItemChanged.connect(lambda item, _old: self._show_problem(item))
        self.problems_label.setBuddy(self.problem_list)
        lower = QWidget(page)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.problems_label)
        lower_layout.addWidget(self.problem_list, 1)
        splitter = QSplitter(Qt.Orientation.Vertical, page)
        splitter.addWidget(self.table)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(page)
        layout.addWidget(self.summary)
        layout.addWidget(self.details)
        layout.addWidget(splitter, 1)
        return page

    def _build_result_step(self) -> QWidget:
        page = QWidget(self)
        self.result_label = QLabel(page)
        self.result_label.setWordWrap(True)
        self.result_label.setObjectName("import-result")
        self.result_list = QListWidget(page)
        self.result_list.setAccessibleName(self.tr("Imported initiatives"))
        layout = QVBoxLayout(page)
        layout.addWidget(self.result_label)
        layout.addWidget(self.result_list, 1)
        return page

    # ------------------------------------------------------------ navigation

    def path(self) -> Path | None:
        text = self.path_edit.text().strip()
        return Path(text).expanduser() if text else None

    def is_sheet(self) -> bool:
        path = self.path()
        return path is not None and file_import.is_sheet(path)

    def go(self, step: int) -> None:
        self.steps.setCurrentIndex(step)
        self.heading.setText(
            {
                self.STEP_FILE: self.tr("Step 1: choose a file"),
                self.STEP_MAPPING: self.tr("Step 2: match the columns"),
                self.STEP_PREVIEW: self.tr("Step 3: check before importing"),
                self.STEP_RESULT: self.tr("Done"),
            }[step]
        )
        self._update_buttons()

    def _update_buttons(self) -> None:
        step = self.steps.currentIndex()
        busy = self.busy
        self.back_button.setVisible(step in (self.STEP_MAPPING, self.STEP_PREVIEW))
        self.back_button.setEnabled(not busy)
        self.next_button.setVisible(step in (self.STEP_FILE, self.STEP_MAPPING))
        self.next_button.setEnabled(
            not busy and (step != self.STEP_FILE or self.path() is not None)
        )
        self.recheck_button.setVisible(step == self.STEP_PREVIEW)
        self.recheck_button.setEnabled(not busy)
        self.import_button.setVisible(step == self.STEP_PREVIEW)
        ready = self.analysis is not None and self.analysis.ok
        self.import_button.setEnabled(not busy and ready)
        self.import_button.setDefault(step == self.STEP_PREVIEW)
        self.close_button.setText(
            self.tr("Close") if step == self.STEP_RESULT else self.tr("Cancel")
        )
        self.close_button.setEnabled(not busy)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self._update_buttons()

    def browse(self) -> None:
        start = self.path_edit.text() or prefs.get_str("import/folder")
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import initiatives"),
            start,
            self.tr(
                "Importable files (*.json *.csv *.xlsx);;Interchange files (*.json);;"
                "Spreadsheets (*.csv *.xlsx)"
            ),
        )
        if path:
            self.path_edit.setText(path)
            prefs.set_value("import/folder", str(Path(path).parent))

    def back(self) -> None:
        """From the preview of a sheet back to the columns (every one, also those recognised
        by name, the ones with problems first): that is where a wrong reading is changed. A
        JSON file, or the columns step, go back to choosing the file."""
        step = self.steps.currentIndex()
        first = self.first
        if step == self.STEP_PREVIEW and self.is_sheet() and first is not None:
            troubled = {p.column for p in (self.analysis.problems if self.analysis else [])}
            headers = [*first.unknown_headers, *first.recognised]
            headers.sort(key=lambda header: header not in troubled)  # stable: problems first
            self._fill_mapping(headers, {**first.recognised, **self.mapping}, first.samples)
            self.mapping_intro.setText(
                self.tr(
                    "Change the field a column is read as, or leave it out; the columns with "
                    "problems come first."
                )
            )
            self.mapping_memory.setText("")  # these are this file's readings, not a memory
            self.go(self.STEP_MAPPING)
        else:
            self.go(self.STEP_FILE)

    def next(self) -> None:
        step = self.steps.currentIndex()
        if step == self.STEP_FILE:
            self.file_step_done()
        elif step == self.STEP_MAPPING:
            self.mapping_step_done()

    def _failed(self, error: BaseException) -> None:
        self._set_busy(False)
        if isinstance(error, CoprodError):
            text = error.message(self.lang)
        else:
            text = self.tr("Something unexpected went wrong: %1").replace("%1", str(error))
        if self.steps.currentIndex() == self.STEP_FILE:
            self.file_error.setText(text)
        else:
            QMessageBox.warning(self, self.tr("Import"), text)

    # ------------------------------------------------------------ step 1 → 2

    def file_step_done(self) -> None:
        path = self.path()
        if path is None:
            return
        self.file_error.clear()
        if path.suffix.lower() not in file_import.IMPORT_SUFFIXES:
            self.file_error.setText(
                self.tr("Choose a .json, .csv or .xlsx file; “%1” cannot be imported.").replace(
                    "%1", path.name
                )
            )
            return
        self.combos = {}
        self.mapping = {}
        self.layout_key = None
        self.first = None
        if not self.is_sheet():
            self.check()
            return
        self._set_busy(True)
        self.background.run(
            lambda _p: file_import.first_look(path),
            self._looked,
            self._failed,
            label=self.tr("Reading the file…"),
            parent=self,
        )

    def _looked(self, first: Analysis) -> None:
        self._set_busy(False)
        self.first = first
        self.layout_key = first.layout_key
        remembered = load_mapping(first.layout_key) if first.layout_key else {}
        if not first.unknown_headers:
            self.check()
            return
        self._fill_mapping(first.unknown_headers, remembered, first.samples)
        self.go(self.STEP_MAPPING)

    def _fill_mapping(
        self,
        headers: list[str],
        remembered: dict[str, str],
        samples: dict[str, list[str]] | None = None,
    ) -> None:
        while self.mapping_form.rowCount():
            self.mapping_form.removeRow(0)
        self.combos = {}
        known = {cols.normalise_header(k): v for k, v in remembered.items()}
        used_memory = False
        for header in headers:
            combo = QComboBox(self.mapping_form_host)
            combo.setAccessibleName(self.tr("Field for the column “%1”").replace("%1", header))
            combo.addItem(self.tr("(choose a field)"), None)
            combo.addItem(self.tr("Leave this column out"), "")
            for column in cols.INITIATIVE_COLUMNS:
                combo.addItem(f"{column.label(self.lang)} ({column.field})", column.field)
                combo.setItemData(
                    combo.count() - 1, column.help(self.lang), Qt.ItemDataRole.ToolTipRole
                )
            combo.setMinimumContentsLength(28)
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            target = known.get(cols.normalise_header(header))
            if target is not None:
                index = combo.findData(target)
                if index >= 0:
                    combo.setCurrentIndex(index)
                    used_memory = True
            self.combos[header] = combo
            label = QLabel(f"“{header}”", self.mapping_form_host)
            label.setBuddy(combo)
            row = QHBoxLayout()
            row.addWidget(combo)
            examples = (samples or {}).get(header) or []
            if examples:
                hint = QLabel(
                    self.tr("for example: %1").replace("%1", ", ".join(examples)),
                    self.mapping_form_host,
                )
                hint.setStyleSheet("color: #505050;")
                row.addWidget(hint)
            row.addStretch(1)
            self.mapping_form.addRow(label, row)
        self.mapping_intro.setText(
            self.tr(
                "These column headings are not known. Choose the field each one holds, or leave "
                "the column out. Your choice is remembered for files with the same headings."
            )
        )
        self.mapping_memory.setText(
            self.tr("The choices you made last time for these headings are filled in.")
            if used_memory
            else ""
        )

    def chosen_mapping(self) -> dict[str, str]:
        chosen: dict[str, str] = {}
        for header, combo in self.combos.items():
            value = combo.currentData()
            if value is not None:
                chosen[header] = str(value)
        return chosen

    # ------------------------------------------------------------ step 2 → 3

    def mapping_step_done(self) -> None:
        self.mapping = self.chosen_mapping()
        if self.layout_key:
            save_mapping(self.layout_key, self.mapping)
        self.check()

    def check(self) -> None:
        """Read and check the whole file in the background, then show the preview."""
        path = self.path()
        if path is None:
            return
        db, mapping, merge, lang = (
            self.db,
            dict(self.mapping),
            self.merge_box.isChecked(),
            self.lang,
        )
        self._set_busy(True)
        self.background.run(
            lambda _p: file_import.analyse(db, path, mapping, merge, lang),
            self.show_preview,
            self._failed,
            label=self.tr("Checking the file…"),
            parent=self,
        )

    # ------------------------------------------------------------ step 3

    def show_preview(self, analysis: Analysis) -> None:
        self._set_busy(False)
        self.analysis = analysis
        problems_at: dict[tuple[int | None, str | None], list[str]] = {}
        for problem in analysis.problems:
            problems_at.setdefault((problem.row, problem.column), []).append(problem.text)
        bad_rows = {p.row for p in analysis.problems if p.row is not None}
        table = self.table
        table.clear()
        table.setColumnCount(len(analysis.columns) + 1)
        table.setRowCount(len(analysis.rows))
        row_heading = self.tr("Row") if analysis.kind != "json" else self.tr("No.")
        headings = [row_heading, *(heading for _key, heading, _field in analysis.columns)]
        shown_rows = [
            (
                number,
                {
                    key: cell_text(analysis, key, values.get(key, ""), self.lang)
                    for key, _heading, _field in analysis.columns
                },
            )
            for number, values in analysis.rows
        ]
        table.setHorizontalHeaderLabels(headings)
        for column_index, (key, _heading, _field) in enumerate(analysis.columns, start=1):
            item = table.horizontalHeaderItem(column_index)
            if item is not None and (None, key) in problems_at:
                item.setToolTip("\n".join(problems_at[(None, key)]))
        brush = QBrush(PROBLEM_BRUSH)
        for row_index, (number, values) in enumerate(shown_rows):
            number_item = QTableWidgetItem(str(number))
            number_item.setData(Qt.ItemDataRole.UserRole, number)
            if number in bad_rows:
                number_item.setBackground(brush)
                number_item.setIcon(
                    self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
                )
            table.setItem(row_index, 0, number_item)
            for column_index, (key, _heading, _field) in enumerate(analysis.columns, start=1):
                item = QTableWidgetItem(values.get(key, ""))
                found = problems_at.get((number, key))
                if found:
                    item.setBackground(brush)
                    item.setToolTip("\n".join(found))
                table.setItem(row_index, column_index, item)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        metrics = table.fontMetrics()
        texts = [
            [str(number)] + [values.get(k, "") for k, _h, _f in analysis.columns]
            for number, values in shown_rows
        ]
        for column_index, heading in enumerate(headings):
            widest = max(
                [metrics.horizontalAdvance(heading) + 24]
                + [metrics.horizontalAdvance(cells[column_index]) + 16 for cells in texts]
            )
            table.setColumnWidth(column_index, min(max(widest, 50), 320))

        self.problem_list.clear()
        icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        for problem in analysis.problems:
            entry = QListWidgetItem(icon, problem.text, self.problem_list)
            entry.setData(Qt.ItemDataRole.UserRole, (problem.row, problem.column))
        count = len(analysis.problems)
        self.problems_label.setText(
            self.tr("Problems (%n):", "", count) if count else self.tr("Problems: none")
        )
        self.problem_list.setVisible(bool(count))
        if count:
            text = self.tr(
                "%n problem(s) found. Nothing has been written. Correct the file and press "
                "Check again, or go back and change the column choices.",
                "",
                count,
            )
            colour = "#a40000"
        elif analysis.row_count == 0:
            text = self.tr("The file holds no initiatives. Nothing has been written.")
            colour = "#a40000"
        else:
            text = self.tr(
                "%n initiative(s) are ready to import. Nothing has been written yet.",
                "",
                analysis.row_count,
            )
            colour = "#1a5e1a"
        self.summary.setText(f"<b style='color:{colour}'>{text}</b>")
        shown = len(analysis.rows)
        details = self.tr("Showing the first %1 of %2 rows.").replace("%1", str(shown))
        details = details.replace("%2", str(analysis.row_count))
        details = self.tr("Read as: %1.").replace("%1", read_details(analysis)) + " " + details
        self.details.setText(details)
        self.go(self.STEP_PREVIEW)

    def _show_problem(self, item: QListWidgetItem | None) -> None:
        if item is None or self.analysis is None:
            return
        row, column = item.data(Qt.ItemDataRole.UserRole)
        keys = [key for key, _h, _f in self.analysis.columns]
        for row_index, (number, _values) in enumerate(self.analysis.rows):
            if number == row:
                column_index = keys.index(column) + 1 if column in keys else 0
                self.table.setCurrentCell(row_index, column_index)
                cell = self.table.item(row_index, column_index)
                if cell is not None:
                    self.table.scrollToItem(cell)
                return

    # ------------------------------------------------------------ step 3 → 4

    def start_import(self) -> None:
        path = self.path()
        if path is None or self.analysis is None or not self.analysis.ok:
            return
        db, mapping, merge = self.db, dict(self.mapping), self.merge_box.isChecked()
        self._set_busy(True)

        def work(_progress: Progress) -> tuple[Any, dict[str, str]]:
            result = file_import.import_file(db, path, column_map=dict(mapping), merge=merge)
            return result, file_import.imported_titles(db, result.references)

        self.background.run(
            work,
            self._imported,
            self._import_failed,
            label=self.tr("Importing…"),
            parent=self,
        )

    def _import_failed(self, error: BaseException) -> None:
        if isinstance(error, ValidationError):  # the database changed since the check
            self._set_busy(False)
            self.check()
            return
        self._failed(error)

    def _imported(self, outcome: tuple[Any, dict[str, str]]) -> None:
        self._set_busy(False)
        result, titles = outcome
        self.result = result
        self.result_label.setText(
            self.tr("Imported %1 new and %2 updated initiatives, %3 new stakeholders.")
            .replace("%1", str(result.created))
            .replace("%2", str(result.updated))
            .replace("%3", str(result.stakeholders_created))
        )
        self.result_list.clear()
        for reference in result.references:  # by title: a reference alone says little
            title = titles.get(reference)
            QListWidgetItem(f"{title} ({reference})" if title else reference, self.result_list)
        self.go(self.STEP_RESULT)
        self.imported.emit(result)

    def reject(self) -> None:
        if self.busy:
            return
        super().reject()


# ---------------------------------------------------------------- export

EXPORT_FORMATS = (".json", ".coprodz", ".csv", ".xlsx", ".geojson")  # = file_export's (a test)


def export_filters() -> list[tuple[str, str]]:
    return [
        (
            ".xlsx",
            QCoreApplication.translate(
                "ImportWizard", "Excel workbook, a sheet per entity (*.xlsx)"
            ),
        ),
        (
            ".csv",
            QCoreApplication.translate("ImportWizard", "CSV for Excel, initiatives only (*.csv)"),
        ),
        (".json", QCoreApplication.translate("ImportWizard", "Interchange file (*.json)")),
        (
            ".coprodz",
            QCoreApplication.translate(
                "ImportWizard", "Interchange file with the documents (*.coprodz)"
            ),
        ),
        (
            ".geojson",
            QCoreApplication.translate(
                "ImportWizard", "Public map of the initiatives with a place, for a GIS (*.geojson)"
            ),
        ),
    ]


def export_path(path: str, selected_filter: str) -> Path:
    """The chosen file, with the suffix of the chosen format when it has none we know."""
    chosen = Path(path)
    if chosen.suffix.lower() in EXPORT_FORMATS:
        return chosen
    for suffix, text in export_filters():
        if text == selected_filter:
            return chosen.with_name(chosen.name + suffix)
    return chosen.with_name(chosen.name + ".json")


def export_portfolio(
    parent: QWidget,
    background: Background,
    db: Database,
    flt: PortfolioFilter,
    on_done: Callable[[str], None],
    on_failure: Callable[[BaseException], None],
) -> None:
    """Ask for a file and export the portfolio as filtered, in the background."""
    filters = export_filters()
    last = prefs.get_str("export/format", ".xlsx")
    chosen_filter = next((text for suffix, text in filters if suffix == last), filters[0][1])
    folder = prefs.get_str("export/folder")
    start = str(Path(folder) / f"portfolio{last}") if folder else f"portfolio{last}"
    path, selected = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("ImportWizard", "Export the shown initiatives"),
        start,
        ";;".join(text for _s, text in filters),
        chosen_filter,
    )
    if not path:
        return
    target = export_path(path, selected)
    prefs.set_value("export/format", target.suffix.lower())
    prefs.set_value("export/folder", str(target.parent))
    lang = i18n.lang()

    def work(_progress: Progress) -> int:
        from coprod_desktop.services import file_export

        return file_export.export_file(db, target, flt, lang)

    def done(count: int) -> None:
        on_done(
            QCoreApplication.translate("ImportWizard", "Exported %1 initiatives to %2")
            .replace("%1", str(count))
            .replace("%2", str(target))
        )

    background.run(
        work,
        done,
        on_failure,
        label=QCoreApplication.translate("ImportWizard", "Exporting…"),
        parent=parent,
    )
