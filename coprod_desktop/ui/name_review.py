"""Review of name-like phrases before a public brief is written.

The committee brief is public. Persons in the register are anonymised automatically; any
other run of capitalised words the brief would print ("Anna Berg", "Recovery Group") that is
not a known organisation, place or label is shown here, one row each with where it occurs
and the text around it, to keep or to replace (replacing with a neutral word is the default:
a name nobody looked at must not be published). The decisions are stored in the database
by `services.names`, so the next brief does not ask again.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coprod_desktop.domain.public_names import NameLike

KEEP, REPLACE = 0, 1
PHRASE, WHERE, CONTEXT, DECISION, REPLACEMENT = range(5)


class NameReviewDialog(QDialog):
    """One row per name-like phrase: keep it, or replace it (default: a neutral word)."""

    def __init__(self, found: Sequence[NameLike], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("name-review-dialog")
        self.setWindowTitle(self.tr("Names in the public brief"))
        self.found = list(found)
        self.intro = QLabel(
            self.tr(
                "The brief would print these phrases, which look like names and are not a "
                "known organisation, place or label. Keep a phrase only if it may be "
                "published; otherwise replace it. Your decisions are remembered for the next "
                "brief and shared with everyone using this database."
            ),
            self,
        )
        self.intro.setWordWrap(True)
        self.table = QTableWidget(len(self.found), 5, self)
        self.table.setObjectName("name-review-table")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Phrase"),
                self.tr("Where"),
                self.tr("Text around it"),
                self.tr("Decision"),
                self.tr("Print instead"),
            ]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.decisions_boxes: list[QComboBox] = []
        self.replacement_edits: list[QLineEdit] = []
        neutral = self.tr("a person")
        for row, item in enumerate(self.found):
            where = "; ".join(dict.fromkeys(place for place, _context in item.places))
            self._text(row, PHRASE, item.phrase, bold=True)
            self._text(row, WHERE, where)
            self._text(row, CONTEXT, item.places[0][1] if item.places else "")
            box = QComboBox(self.table)
            box.addItem(self.tr("Keep"))
            box.addItem(self.tr("Replace"))
            box.setCurrentIndex(REPLACE)
            box.setAccessibleName(self.tr("Decision on %1").replace("%1", item.phrase))
            edit = QLineEdit(neutral, self.table)
            edit.setAccessibleName(self.tr("Print instead of %1").replace("%1", item.phrase))
            box.currentIndexChanged.connect(lambda index, e=edit: self._decided(index, e))
            edit.textChanged.connect(lambda _text: self._update_ok())
            self.table.setCellWidget(row, DECISION, box)
            self.table.setCellWidget(row, REPLACEMENT, edit)
            self.decisions_boxes.append(box)
            self.replacement_edits.append(edit)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(PHRASE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(WHERE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(CONTEXT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(DECISION, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(REPLACEMENT, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(REPLACEMENT, 170)
        if self.decisions_boxes:  # one even row height that fits the editors
            height = max(self.decisions_boxes[0].sizeHint().height(), 24) + 8
            self.table.verticalHeader().setDefaultSectionSize(height)
        self.hint = QLabel(self)
        self.hint.setObjectName("name-review-hint")
        self.hint.setStyleSheet("color: #b00020;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Save and make the brief"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.hint)
        layout.addWidget(self.buttons)
        self.resize(960, 480)
        self._update_ok()
        self.ok_button.setFocus()

    def _text(self, row: int, column: int, text: str, *, bold: bool = False) -> None:
        cell = QTableWidgetItem(text)
        cell.setToolTip(text)
        cell.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if bold:
            font = cell.font()
            font.setBold(True)
            cell.setFont(font)
        self.table.setItem(row, column, cell)

    def _decided(self, index: int, edit: QLineEdit) -> None:
        edit.setEnabled(index == REPLACE)
        self._update_ok()

    def _update_ok(self) -> None:
        missing = [
            self.found[row].phrase
            for row, (box, edit) in enumerate(
                zip(self.decisions_boxes, self.replacement_edits, strict=True)
            )
            if box.currentIndex() == REPLACE and not edit.text().strip()
        ]
        self.ok_button.setEnabled(not missing)
        self.hint.setText(
            self.tr("Say what to print instead of “%1”, or keep it.").replace("%1", missing[0])
            if missing
            else ""
        )
        self.hint.setVisible(bool(missing))

    def decisions(self) -> list[tuple[str, str | None]]:
        """(phrase, replacement) for each row; the replacement is None when kept."""
        return [
            (
                item.phrase,
                None if box.currentIndex() == KEEP else edit.text().strip(),
            )
            for item, box, edit in zip(
                self.found, self.decisions_boxes, self.replacement_edits, strict=True
            )
        ]
