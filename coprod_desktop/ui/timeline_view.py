"""A stakeholder's timeline in the stakeholder registry (services/timeline.py): journal
entries, documents and involvements across initiatives, newest first."""

from __future__ import annotations

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QTreeWidget, QTreeWidgetItem, QWidget

from coprod_desktop.domain import vocab as v
from coprod_desktop.domain.errors import CoprodError
from coprod_desktop.services import timeline
from coprod_desktop.store.db import Database
from coprod_desktop.ui.widgets import vocab_label


class TimelineView(QTreeWidget):
    """Double-clicking a line asks to open its initiative (`open_initiative`)."""

    open_initiative = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stakeholder-timeline")
        self.setAccessibleName(self.tr("Timeline"))
        self.setRootIsDecorated(False)
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setHeaderLabels(
            [self.tr("Date"), self.tr("What"), self.tr("Initiative"), self.tr("Details")]
        )
        for column, width in enumerate((90, 120, 110)):
            self.setColumnWidth(column, width)
        self.itemActivated.connect(
            lambda item, _column: self.open_initiative.emit(
                int(item.data(0, Qt.ItemDataRole.UserRole))
            )
        )

    def what(self, item: timeline.TimelineItem) -> str:
        if item.kind == "journal":
            return vocab_label(v.JournalKind, item.detail)
        if item.kind == "document":
            return self.tr("Document")
        if item.kind == "commitment":
            status = vocab_label(v.CommitmentStatus, item.detail)
            return self.tr("Commitment (%1)").replace("%1", status)
        if item.kind == "joined":
            return self.tr("Joined")
        return self.tr("Left")

    def show_for(self, db: Database, stakeholder_id: int | None) -> None:
        self.clear()
        if stakeholder_id is None:
            return
        try:
            items = timeline.stakeholder_timeline(db, stakeholder_id)
        except CoprodError:
            return
        for item in items:
            when = (
                QLocale().toString(
                    QDate(item.date.year, item.date.month, item.date.day),
                    QLocale.FormatType.ShortFormat,
                )
                if item.date
                else ""
            )
            if item.kind in ("joined", "left"):
                details = vocab_label(v.InvolvementRole, item.detail)
            else:
                details = " ".join(item.text.split())[:200]
            line = QTreeWidgetItem(self, [when, self.what(item), item.reference, details])
            line.setToolTip(3, f"{item.title}\n\n{item.text[:1000]}")
            line.setData(0, Qt.ItemDataRole.UserRole, item.initiative_id)
            line.setData(1, Qt.ItemDataRole.UserRole, item.date.isoformat() if item.date else "")
