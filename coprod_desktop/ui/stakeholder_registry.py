"""The stakeholder registry: search, where-used, edit, merge duplicates."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from coprod_desktop.domain import vocab as v
from coprod_desktop.domain.errors import CoprodError, ValidationError
from coprod_desktop.domain.model import StakeholderData
from coprod_desktop.services import privacy, stakeholders
from coprod_desktop.store.db import Database
from coprod_desktop.ui import i18n
from coprod_desktop.ui.dialogs import StakeholderForm
from coprod_desktop.ui.widgets import ListTableModel, setup_list_view, vocab_label
from coprod_desktop.ui.writer import WriteJob, Writer

Index = QModelIndex | QPersistentModelIndex


class StakeholderModel(ListTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.people: list[StakeholderData] = []

    def headers(self) -> list[str]:
        return [self.tr("Name"), self.tr("Kind"), self.tr("Organisation"), self.tr("Person")]

    def set_people(self, people: list[StakeholderData]) -> None:
        self.beginResetModel()
        self.people = list(people)
        self.endResetModel()

    def items(self) -> list[Any]:
        return self.people

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self.people)):
            return None
        person = self.people[index.row()]
        if role == Qt.ItemDataRole.UserRole:
            return person.id
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 0:
            return person.name  # the name column elides long names
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                person.name,
                vocab_label(v.StakeholderKind, person.kind),
                person.organisation or "",
                self.tr("yes") if person.is_person else "",
            )[index.column()]
        return None


class StakeholderRegistry(QWidget):
    """A searchable list on the left; the selected stakeholder, where-used and merge right."""

    open_initiative = Signal(int)
    changed = Signal()

    def __init__(self, db: Database, writer: Writer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stakeholder-registry")
        self.db = db
        self.writer = writer  # the window's one serial worker
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search stakeholders by name or organisation"))
        self.search.setAccessibleName(self.tr("Search stakeholders"))
        self.search.setClearButtonEnabled(True)
        self.model = StakeholderModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        setup_list_view(
            self.table,
            self.tr("Stakeholders"),
            selection=QAbstractItemView.SelectionMode.ExtendedSelection,
            widths=(240, 170, 160, 60),
        )
        # The name takes what is left (eliding, with the full name on hover): at 1366 px the
        # fixed widths pushed the Person column out of sight behind a scroll bar.
        registry_header = self.table.horizontalHeader()
        registry_header.setStretchLastSection(False)
        registry_header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        metrics = self.table.fontMetrics()
        for column, title in enumerate(self.model.headers()[1:], start=1):
            needed = metrics.horizontalAdvance(title) + 24
            if column == 1:
                needed = max(
                    needed,
                    *(
                        metrics.horizontalAdvance(m.label(i18n.lang())) + 16
                        for m in v.StakeholderKind
                    ),
                )
            self.table.setColumnWidth(column, max(self.table.columnWidth(column), needed))
        self.merge_button = QPushButton(self.tr("&Merge selected…"), self)
        self.merge_button.setToolTip(
            self.tr("Select two duplicates; the first one selected is kept")
        )
        self.merge_button.clicked.connect(self.merge_selected)
        self.delete_button = QPushButton(self.tr("&Delete"), self)
        self.delete_button.clicked.connect(self.delete_current)
        self.form = StakeholderForm(self)
        self.save_button = QPushButton(self.tr("&Save stakeholder"), self)
        self.save_button.clicked.connect(self.save_current)
        # A natural person's contact details and notes are shown only for a stated purpose,
        # and every opening is logged (the same rule as the Persons view).
        self.details_button = QPushButton(self.tr("Show personal details…"), self)
        self.details_button.clicked.connect(self.reveal_current)
        self.details_button.hide()
        self._revealed_id: int | None = None
        self._writing: WriteJob | None = None  # the registry's write under way
        self.usage = QListWidget(self)
        self.usage.setAccessibleName(self.tr("Used in initiatives"))
        self.usage.itemActivated.connect(
            lambda item: self.open_initiative.emit(int(item.data(Qt.ItemDataRole.UserRole)))
        )
        self.status = QLabel(self)
        self.status.setWordWrap(True)

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.merge_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        left_layout.addLayout(buttons)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.form)
        save_row = QHBoxLayout()
        save_row.addWidget(self.details_button)
        save_row.addStretch(1)
        save_row.addWidget(self.save_button)
        right_layout.addLayout(save_row)
        used_label = QLabel(self.tr("Used in (double-click to open):"), right)
        used_label.setBuddy(self.usage)
        right_layout.addWidget(used_label)
        right_layout.addWidget(self.usage, 1)
        from coprod_desktop.ui.timeline_view import TimelineView

        self.timeline = TimelineView(right)  # every entry, document and involvement
        self.timeline.open_initiative.connect(self.open_initiative)
        timeline_label = QLabel(self.tr("Timeline, newest first:"), right)
        timeline_label.setBuddy(self.timeline)
        right_layout.addWidget(timeline_label)
        right_layout.addWidget(self.timeline, 3)
        right_layout.addWidget(self.status)
        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(splitter)

        self.debounce = QTimer(self)
        self.debounce.setSingleShot(True)
        self.debounce.setInterval(250)
        self.debounce.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _t: self.debounce.start())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self.show_current())
        self.reload()

    def reload(self) -> None:
        current = self.current()
        self.model.set_people(stakeholders.list_stakeholders(self.db, self.search.text() or None))
        if current is not None:
            self.select(current.id)
        elif self.model.people:
            self.table.selectRow(0)
        self.show_current()

    def select(self, ident: int | None) -> None:
        for row, person in enumerate(self.model.people):
            if person.id == ident:
                self.table.selectRow(row)
                return

    def current(self) -> StakeholderData | None:
        row = self.table.currentIndex().row()
        return self.model.people[row] if 0 <= row < len(self.model.people) else None

    def selected(self) -> list[StakeholderData]:
        rows = [i.row() for i in self.table.selectionModel().selectedRows()]
        return [self.model.people[r] for r in rows if 0 <= r < len(self.model.people)]

    def show_current(self) -> None:
        person = self.current()
        self.form.setEnabled(person is not None)
        self.save_button.setEnabled(person is not None)
        self.usage.clear()
        self.timeline.clear()
        if person is None or person.id is None:
            self.form.set_data(StakeholderData())
            return
        self.details_button.hide()
        if person.is_person and not self._revealed(person, ask=False):
            hidden = replace(person, email=None, phone=None, notes=None)
            self.form.set_data(hidden)
            self.form.setEnabled(False)
            self.save_button.setEnabled(False)
            self.details_button.show()
            self.status.setText(
                self.tr(
                    "Personal details are shown once you give the purpose; the opening is logged."
                )
            )
        else:
            if not person.is_person:
                self._revealed_id = None
            self.form.set_data(person)
        revealed = not person.is_person or self._revealed(person, ask=False)
        self.timeline.show_for(self.db, person.id if revealed else None)
        for use in stakeholders.where_used(self.db, person.id):
            role = vocab_label(v.InvolvementRole, use.role)
            item = QListWidgetItem(f"{use.reference} — {use.title} ({role})", self.usage)
            item.setData(Qt.ItemDataRole.UserRole, use.initiative_id)

    def _revealed(self, person: StakeholderData, *, ask: bool) -> bool:
        """Whether this person's details may be shown; logs the opening with its purpose."""
        from coprod_desktop.ui import persons_view

        if person.id is None:
            return False
        if person.id == self._revealed_id:
            return True
        purpose = (
            persons_view.ask_purpose(self, self.db)
            if ask
            else persons_view.session_purpose(self.db)
        )
        if not purpose:
            return False
        try:
            privacy.open_person(self.db, person.id, purpose)
        except CoprodError as error:
            self.status.setText(error.message(i18n.lang()))
            return False
        self._revealed_id = person.id
        self.status.clear()
        return True

    def reveal_current(self) -> None:
        person = self.current()
        if person is not None and self._revealed(person, ask=True):
            self.show_current()

    def save_current(self) -> WriteJob | None:
        """Saves the form on the worker and returns at once; the list follows when it is done."""
        data = self.form.data()
        if data is None:
            return None
        db, as_sent = self.db, self.form.snapshot()

        def failed(error: BaseException) -> bool:
            if isinstance(error, ValidationError) and self._showing(db):
                self.form.show_problems(error)
                return True
            return False  # a plain message; the form keeps what was typed

        def saved(person: StakeholderData) -> None:
            if not self._showing(db):
                return
            if self.form.snapshot() == as_sent:  # nothing typed since: show what is saved
                self.status.setText(self.tr("Saved."))
                self.reload()
                self.select(person.id)
            else:
                # typed (or another stakeholder chosen) while it saved: that stays on screen,
                # on top of the saved version when it is the same stakeholder
                shown = self.form.original
                if shown.id == person.id:
                    self.form.original = replace(shown, version=person.version)
                self.status.setText(self.tr("Saved. What you typed since is not saved yet."))
            self.changed.emit()

        return self._write(lambda: stakeholders.save_stakeholder(db, data), saved, failed)

    def merge(self, keep_id: int, duplicate_id: int) -> WriteJob | None:
        db = self.db

        def merged(_kept: StakeholderData) -> None:
            if self._showing(db):
                self.reload()
                self.select(keep_id)
                self.status.setText(self.tr("Merged."))
                self.changed.emit()

        return self._write(
            lambda: stakeholders.merge_stakeholders(db, keep_id, duplicate_id), merged
        )

    def _write(
        self,
        work: Callable[[], Any],
        on_success: Callable[[Any], None],
        on_failure: Callable[[BaseException], bool] | None = None,
    ) -> WriteJob | None:
        """One write of the registry at a time: a Save, Merge or Delete asked for while one is
        under way is not started, and the status says so (what is typed stays in the form)."""
        if self._writing is not None:
            self.status.setText(
                self.tr("The last change is still being saved; try again in a moment.")
            )
            return None
        job = self.writer.write(work, on_success, on_failure)
        self._writing = job
        job.finished.connect(lambda _ok: self._written(job))
        return job

    def _written(self, job: WriteJob) -> None:
        if shiboken6.isValid(self) and self._writing is job:
            self._writing = None

    def _showing(self, db: Database) -> bool:
        """Whether a write's outcome belongs here: the tab still open, on the same database."""
        return shiboken6.isValid(self) and self.db is db

    def merge_selected(self) -> WriteJob | None:
        chosen = self.selected()
        current = self.current()
        if len(chosen) != 2:
            QMessageBox.information(
                self,
                self.tr("Merge duplicates"),
                self.tr("Select exactly two stakeholders (Ctrl+click) to merge them."),
            )
            return None
        keep = current if current in chosen else chosen[0]
        duplicate = chosen[1] if keep is chosen[0] else chosen[0]
        answer = QMessageBox.question(
            self,
            self.tr("Merge duplicates"),
            self.tr(
                "Keep “%1” and fold “%2” into it? Every initiative, resource and journal entry "
                "of “%2” moves over; “%2” is deleted."
            )
            .replace("%1", keep.name)
            .replace("%2", duplicate.name),
        )
        if answer == QMessageBox.StandardButton.Yes and keep.id and duplicate.id:
            return self.merge(keep.id, duplicate.id)
        return None

    def delete_current(self) -> WriteJob | None:
        person = self.current()
        if person is None or person.id is None:
            return None
        answer = QMessageBox.question(
            self,
            self.tr("Delete stakeholder"),
            self.tr("Delete “%1”?").replace("%1", person.name),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return None
        db, ident = self.db, person.id

        def deleted(_none: None) -> None:
            if self._showing(db):
                self.reload()
                self.changed.emit()

        return self._write(lambda: stakeholders.delete_stakeholder(db, ident), deleted)
