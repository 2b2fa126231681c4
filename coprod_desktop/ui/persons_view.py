"""Personal data of natural persons: the Persons view, the retention review, erasure and
access requests (services.privacy).

Opening a person's record asks once per working session why (the purpose) and logs every
opening with it through `privacy.open_person`; the record shows who opened it before. Erase
and the access request export run in the background.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
    SignalInstance,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from coprod_desktop.domain import vocab as v
from coprod_desktop.domain.errors import CoprodError
from coprod_desktop.services import privacy
from coprod_desktop.store.db import Database
from coprod_desktop.ui import i18n
from coprod_desktop.ui.background import Background, Progress
from coprod_desktop.ui.widgets import (
    ListTableModel,
    date_text,
    moment_text,
    setup_list_view,
    vocab_label,
)

Index = QModelIndex | QPersistentModelIndex
OVERDUE = QColor(164, 0, 0)

# The purpose given in this working session, per database (asked once, then reused).
_purposes: dict[str, str] = {}


def session_purpose(db: Database) -> str | None:
    return _purposes.get(db.url)


def set_session_purpose(db: Database, purpose: str | None) -> None:
    if purpose:
        _purposes[db.url] = purpose
    else:
        _purposes.pop(db.url, None)


def ask_purpose(parent: QWidget | None, db: Database) -> str | None:
    """The purpose of this working session; asks the first time. None if the user cancels."""
    known = session_purpose(db)
    if known:
        return known
    dialog = PurposeDialog(parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    purpose = dialog.purpose()
    set_session_purpose(db, purpose)
    return purpose


def _date(value: dt.date | dt.datetime | None) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return moment_text(value)
    return date_text(value)


class PurposeDialog(QDialog):
    """Why personal data is opened: a few common purposes or free text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("purpose-dialog")
        self.setWindowTitle(self.tr("Purpose of looking at personal data"))
        intro = QLabel(
            self.tr(
                "Every opening of a person's record is logged with its purpose, so that a "
                "citizen who asks can be told who looked at their data, when and why. Why are "
                "you opening personal data in this working session? You are asked once until "
                "the program is closed."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.group = QButtonGroup(self)
        self.choices: list[QRadioButton] = []
        for text in (
            self.tr("Case work on an initiative the person takes part in"),
            self.tr("Contacting the person"),
            self.tr("Answering the person's own request (access, correction, erasure)"),
            self.tr("Retention review"),
            self.tr("Correcting the person's details"),
        ):
            button = QRadioButton(text, self)
            self.group.addButton(button)
            self.choices.append(button)
        self.other = QRadioButton(self.tr("&Other:"), self)
        self.group.addButton(self.other)
        self.other_text = QLineEdit(self)
        self.other_text.setAccessibleName(self.tr("Other purpose"))
        self.other_text.setPlaceholderText(self.tr("Describe the purpose"))
        self.other_text.textEdited.connect(lambda _t: self.other.setChecked(True))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.group.buttonToggled.connect(lambda *_: self._update())
        self.other_text.textChanged.connect(lambda _t: self._update())
        other_row = QHBoxLayout()
        other_row.addWidget(self.other)
        other_row.addWidget(self.other_text, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        for button in self.choices:
            layout.addWidget(button)
        layout.addLayout(other_row)
        layout.addWidget(self.buttons)
        self.resize(560, self.sizeHint().height())
        self._update()

    def purpose(self) -> str:
        checked = self.group.checkedButton()
        if checked is None:
            return ""
        if checked is self.other:
            return self.other_text.text().strip()
        return checked.text()

    def _update(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.purpose()))


class EraseDialog(QDialog):
    """Confirm erasing a person, with the reason that goes into the audit trail."""

    def __init__(self, name: str, ident: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("erase-dialog")
        self.setWindowTitle(self.tr("Erase person"))
        anonymous = privacy.ERASED_NAME.format(id=ident)
        text = QLabel(
            self.tr(
                "<p><b>Erase “%1”?</b></p><p>The name becomes “%2” everywhere; e-mail, "
                "phone, notes, organisation, lawful basis and dates are removed, also where "
                "other texts mention them, and the erased values are wiped from the database "
                "file. Involvements and journal entries stay, anonymous.</p><p>This cannot be "
                "undone. Backups made before now still hold the data; restoring one erases "
                "the person again. The first name or surname alone is not replaced: you get "
                "a list of such possible mentions to review.</p>"
            )
            .replace("%1", name.replace("<", "&lt;"))
            .replace("%2", anonymous),
            self,
        )
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.RichText)
        self.reason = QPlainTextEdit(self)
        self.reason.setAccessibleName(self.tr("Reason for erasing"))
        self.reason.setPlaceholderText(
            self.tr("For example: the retention period has ended; the person asked (case no.)")
        )
        self.reason.setTabChangesFocus(True)
        self.reason.setMaximumHeight(90)
        reason_label = QLabel(self.tr("&Reason (required, kept in the audit trail):"), self)
        reason_label.setBuddy(self.reason)
        self.confirm = QCheckBox(self.tr("I understand that this cannot be &undone"), self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.erase_button = self.buttons.addButton(
            self.tr("&Erase person"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.erase_button.clicked.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.reason.textChanged.connect(self._update)
        self.confirm.toggled.connect(lambda _on: self._update())
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(reason_label)
        layout.addWidget(self.reason)
        layout.addWidget(self.confirm)
        layout.addWidget(self.buttons)
        self.resize(560, self.sizeHint().height())
        self._update()

    def reason_text(self) -> str:
        return self.reason.toPlainText().strip()

    def _update(self) -> None:
        self.erase_button.setEnabled(bool(self.reason_text()) and self.confirm.isChecked())


class MentionsDialog(QDialog):
    """The possible mentions an erase left (the first name or surname alone), to review one by
    one: each opens its initiative in the editor and is ticked off. Not modal, so the user
    can edit the initiative while the list stays open."""

    open_initiative = Signal(int)

    def __init__(
        self, mentions: tuple[privacy.PossibleMention, ...], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mentions-dialog")
        self.setWindowTitle(self.tr("Possible mentions to review"))
        self.mentions = list(mentions)
        intro = QLabel(
            self.tr(
                "The full name, e-mail and phone are replaced. These texts still contain the "
                "first name or the surname alone, which may or may not be the erased person "
                "(“Berg” may be a firm). Open each one and edit the text if it is them."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.table = _table(
            self,
            [self.tr("Reviewed"), self.tr("Initiative"), self.tr("Where"), self.tr("Text")],
            self.tr("Possible mentions"),
        )
        _fill(
            self.table,
            [["", x.reference or "–", self.place(x), x.excerpt] for x in self.mentions],
            list(range(len(self.mentions))),
        )
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 110)
        self.table.setColumnWidth(1, 110)
        self.table.setColumnWidth(2, 200)
        self.table.cellDoubleClicked.connect(lambda row, _c: self.review(row))
        self.progress = QLabel(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.next_button = self.buttons.addButton(
            self.tr("Review &next"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.next_button.clicked.connect(self.review_next)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)
        self.reviewed: set[int] = set()
        self.resize(760, 420)
        self._update()

    def place(self, mention: privacy.PossibleMention) -> str:
        where = {
            "initiative": self.tr("initiative"),
            "involvement": self.tr("stakeholder note"),
            "mandate": self.tr("mandate"),
            "resource_entry": self.tr("resource"),
            "cross_pressure": self.tr("cross-pressure"),
            "journal_entry": self.tr("journal"),
            "review": self.tr("review"),
            "person_access": self.tr("access log"),
        }.get(mention.entity, mention.entity)
        return f"{where}: {self.field_label(mention.entity, mention.field)}"

    def field_label(self, entity: str, field: str) -> str:
        from coprod_desktop.domain import columns

        sheets = {
            "initiative": columns.INITIATIVE_COLUMNS,
            "involvement": columns.INVOLVEMENT_COLUMNS,
            "mandate": columns.MANDATE_COLUMNS,
            "resource_entry": columns.RESOURCE_ENTRY_COLUMNS,
            "cross_pressure": columns.PRESSURE_COLUMNS,
            "journal_entry": columns.JOURNAL_COLUMNS,
            "review": columns.REVIEW_COLUMNS,
        }
        for column in sheets.get(entity, ()):
            if column.field == field:
                return column.label(i18n.lang()).lower()
        return self.tr("purpose") if field == "purpose" else field

    def review(self, row: int) -> None:
        """Open the mention's initiative and tick it off."""
        if not 0 <= row < len(self.mentions):
            return
        self.reviewed.add(row)
        ticked = self.table.item(row, 0)
        if ticked is not None:
            ticked.setText(self.tr("yes"))
        self.table.selectRow(row)
        initiative = self.mentions[row].initiative_id
        if initiative is not None:
            self.open_initiative.emit(initiative)
        self._update()

    def review_next(self) -> None:
        for row in range(len(self.mentions)):
            if row not in self.reviewed:
                self.review(row)
                return

    def _update(self) -> None:
        left = len(self.mentions) - len(self.reviewed)
        self.progress.setText(
            self.tr("%1 of %2 reviewed")
            .replace("%1", str(len(self.reviewed)))
            .replace("%2", str(len(self.mentions)))
        )
        self.next_button.setEnabled(left > 0)


class PersonModel(ListTableModel):
    """Natural persons (a few hundred at most): name, kind, organisation, retention, uses."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.people: list[privacy.PersonSummary] = []
        self.today = dt.date.today()

    def headers(self) -> list[str]:
        return [
            self.tr("Name"),
            self.tr("Kind"),
            self.tr("Organisation"),
            self.tr("Retain until"),
            self.tr("Initiatives"),
        ]

    def set_people(self, people: list[privacy.PersonSummary]) -> None:
        self.beginResetModel()
        self.people = list(people)
        self.today = dt.date.today()
        self.endResetModel()

    def items(self) -> list[Any]:
        return self.people

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self.people)):
            return None
        person = self.people[index.row()]
        overdue = person.retention_until is not None and person.retention_until < self.today
        if role == Qt.ItemDataRole.UserRole:
            return person.id
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                person.name,
                vocab_label(v.StakeholderKind, person.kind),
                person.organisation or "",
                _date(person.retention_until),
                str(person.initiatives),
            )[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and overdue and index.column() == 3:
            return QBrush(OVERDUE)
        if role == Qt.ItemDataRole.ToolTipRole and overdue:
            return self.tr("The retention date has passed: review or erase")
        return None


def _table(parent: QWidget, headers: list[str], name: str) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(headers)
    setup_list_view(table, name, alternating=False)
    return table


def _fill(table: QTableWidget, rows: list[list[str]], data: list[Any] | None = None) -> None:
    table.setRowCount(len(rows))
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if data is not None and c == 0:
                item.setData(Qt.ItemDataRole.UserRole, data[r])
            table.setItem(r, c, item)


class PersonRecordPanel(QWidget):
    """One person's record as opened (and logged): details, involvements, journal, log."""

    open_initiative = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.record: privacy.PersonRecord | None = None
        self.name = QLabel(self)
        font = self.name.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.name.setFont(font)
        self.name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fields: dict[str, QLabel] = {}
        form = QFormLayout()
        for key, label in (
            ("kind", self.tr("Kind")),
            ("organisation", self.tr("Organisation")),
            ("email", self.tr("E-mail")),
            ("phone", self.tr("Phone")),
            ("lawful_basis", self.tr("Lawful basis")),
            ("consent_date", self.tr("Consent date")),
            ("retention_until", self.tr("Retain until")),
            ("notes", self.tr("Notes")),
        ):
            value = QLabel(self)
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(label + ":", value)
            self.fields[key] = value
        self.tabs = QTabWidget(self)
        self.involvements = _table(
            self,
            [self.tr("Initiative"), self.tr("Title"), self.tr("Role"), self.tr("Joined")],
            self.tr("Involvements"),
        )
        self.involvements.cellDoubleClicked.connect(self._open_row)
        self.journal = _table(
            self,
            [self.tr("Date"), self.tr("Initiative"), self.tr("Kind"), self.tr("Summary")],
            self.tr("Journal"),
        )
        self.access = _table(
            self,
            [self.tr("When"), self.tr("Who"), self.tr("Action"), self.tr("Purpose")],
            self.tr("Access log"),
        )
        self.tabs.addTab(self.involvements, self.tr("Involvements"))
        self.tabs.addTab(self.journal, self.tr("Journal"))
        self.tabs.addTab(self.access, self.tr("Access log"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.name)
        layout.addLayout(form)
        layout.addWidget(self.tabs, 1)

    def _open_row(self, row: int, _column: int) -> None:
        item = self.involvements.item(row, 0)
        if item is not None:
            self.open_initiative.emit(int(item.data(Qt.ItemDataRole.UserRole)))

    def action_label(self, action: str) -> str:
        return {
            "view": self.tr("opened"),
            "export": self.tr("access request export"),
        }.get(action, action)

    def show_record(self, record: privacy.PersonRecord, log: list[privacy.AccessLogEntry]) -> None:
        self.record = record
        person = record.person
        self.name.setText(person.name)
        values = {
            "kind": vocab_label(v.StakeholderKind, person.kind),
            "organisation": person.organisation or "",
            "email": person.email or "",
            "phone": person.phone or "",
            "lawful_basis": vocab_label(v.LawfulBasis, person.lawful_basis),
            "consent_date": _date(person.consent_date),
            "retention_until": _date(person.retention_until),
            "notes": person.notes or "",
        }
        for key, text in values.items():
            self.fields[key].setText(text or "—")
        _fill(
            self.involvements,
            [
                [
                    inv.reference,
                    inv.title,
                    vocab_label(v.InvolvementRole, inv.role),
                    _date(inv.joined_on),
                ]
                for inv in record.involvements
            ],
            [inv.initiative_id for inv in record.involvements],
        )
        _fill(
            self.journal,
            [
                [_date(e.date), e.reference, vocab_label(v.JournalKind, e.kind), e.summary]
                for e in record.journal
            ],
        )
        _fill(
            self.access,
            [[_date(e.at), e.who, self.action_label(e.action), e.purpose] for e in reversed(log)],
        )
        for row in range(self.access.rowCount()):
            cell = self.access.item(row, 3)
            if cell is not None:
                cell.setToolTip(cell.text())
        for table, widths in (
            (self.involvements, (110, 260, 130)),
            (self.journal, (90, 110, 110)),
            (self.access, (125, 80, 100)),
        ):
            for column, width in enumerate(widths):
                table.setColumnWidth(column, width)
        self.tabs.setTabText(
            0, self.tr("Involvements (%1)").replace("%1", str(len(record.involvements)))
        )
        self.tabs.setTabText(1, self.tr("Journal (%1)").replace("%1", str(len(record.journal))))
        self.tabs.setTabText(2, self.tr("Access log (%1)").replace("%1", str(len(log))))


class PersonsView(QWidget):
    """Natural persons (or only those due for retention review) and one opened record."""

    changed = Signal()  # a person was erased: other views reload
    erased = Signal(int, str)  # stakeholder id, the anonymous name
    open_initiative = Signal(int)

    ALL, RETENTION = 0, 1

    def __init__(self, db: Database, background: Background, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("persons-view")
        self.db = db
        self.background = background
        self.opened_id: int | None = None
        self.db_of: Callable[[], Database | None] = lambda: self.db  # the window's database
        self.scope = QComboBox(self)
        self.scope.setAccessibleName(self.tr("Which persons"))
        self.scope.addItem(self.tr("All natural persons"), self.ALL)
        self.scope.addItem(self.tr("Retention review: retention date passed"), self.RETENTION)
        self.scope.currentIndexChanged.connect(lambda _i: self.reload())
        self.count = QLabel(self)
        self.model = PersonModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        setup_list_view(
            self.table,
            self.tr("Persons"),
            selection=QAbstractItemView.SelectionMode.SingleSelection,
            widths=(190, 100, 130, 95),
        )
        self.table.doubleClicked.connect(lambda _i: self.open_current())
        self.open_button = QPushButton(self.tr("&Open record"), self)
        self.open_button.setToolTip(self.tr("The opening is logged with its purpose"))
        self.open_button.clicked.connect(self.open_current)
        self.erase_button = QPushButton(self.tr("&Erase…"), self)
        self.erase_button.clicked.connect(self.erase_current)
        self.export_button = QPushButton(self.tr("&Access request…"), self)
        self.export_button.setToolTip(
            self.tr("Export everything held about the person as JSON and PDF")
        )
        self.export_button.clicked.connect(self.export_current)
        self.status = QLabel(self)
        self.status.setWordWrap(True)

        top = QHBoxLayout()
        top.addWidget(self.scope)
        top.addWidget(self.count, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.erase_button)
        buttons.addWidget(self.export_button)
        buttons.addStretch(1)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(top)
        left_layout.addWidget(self.table, 1)
        left_layout.addLayout(buttons)
        left_layout.addWidget(self.status)

        self.panel = PersonRecordPanel(self)
        self.panel.open_initiative.connect(self.open_initiative)
        self.placeholder = QLabel(
            self.tr(
                "Select a person and press Open record (or double-click). Each opening is "
                "logged with the purpose you give once per working session."
            ),
            self,
        )
        self.placeholder.setWordWrap(True)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.right = QStackedWidget(self)
        self.right.addWidget(self.placeholder)
        self.right.addWidget(self.panel)
        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(self.right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([600, 600])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(splitter)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update())
        self.reload()

    # ------------------------------------------------------------ list

    def set_retention_review(self, on: bool) -> None:
        self.scope.setCurrentIndex(self.RETENTION if on else self.ALL)

    def follow_database(self) -> None:
        """The main window opened another database."""
        db = self.db_of()
        if db is not None and db is not self.db:
            self.set_database(db)

    def set_database(self, db: Database) -> None:
        self.db = db
        self.opened_id = None
        self.right.setCurrentWidget(self.placeholder)
        self.reload()

    def reload(self) -> None:
        current = self.current()
        retention = self.scope.currentData() == self.RETENTION
        try:
            people = privacy.retention_due(self.db) if retention else privacy.list_persons(self.db)
        except CoprodError as error:
            self.status.setText(error.message(i18n.lang()))
            people = []
        self.model.set_people(people)
        if retention and not people:  # an empty result says so
            text = self.tr("No one is kept beyond their retention date.")
        elif retention:
            text = self.tr("%n person(s) kept beyond their retention date", "", len(people))
        else:
            text = self.tr("%n natural person(s)", "", len(people))
        self.count.setText(text)
        if current is not None:
            self.select(current.id)
        if self.opened_id is not None and all(p.id != self.opened_id for p in people):
            # The opened person left the list (erased, or no longer due): an empty retention
            # review must not go on showing the last record.
            self.opened_id = None
            self.panel.record = None
            self.right.setCurrentWidget(self.placeholder)
        self._update()

    def select(self, ident: int | None) -> bool:
        for row, person in enumerate(self.model.people):
            if person.id == ident:
                self.table.selectRow(row)
                return True
        return False

    def current(self) -> privacy.PersonSummary | None:
        row = self.table.currentIndex().row()
        return self.model.people[row] if 0 <= row < len(self.model.people) else None

    def _update(self) -> None:
        chosen = self.current() is not None
        for button in (self.open_button, self.erase_button, self.export_button):
            button.setEnabled(chosen)

    # ------------------------------------------------------------ the record

    def open_person(self, ident: int) -> bool:
        """Open a person's record: ask the purpose once, log the opening, show it."""
        purpose = ask_purpose(self, self.db)
        if not purpose:
            return False
        try:
            record = privacy.open_person(self.db, ident, purpose)
            log = privacy.access_log(self.db, ident)
        except CoprodError as error:
            QMessageBox.warning(self, self.tr("Cannot open"), error.message(i18n.lang()))
            return False
        self.opened_id = ident
        self.panel.show_record(record, log)
        self.right.setCurrentWidget(self.panel)
        return True

    def open_current(self) -> None:
        person = self.current()
        if person is not None:
            self.open_person(person.id)

    # ------------------------------------------------------------ erase

    def erase_current(self) -> None:
        person = self.current()
        if person is None:
            return
        dialog = EraseDialog(person.name, person.id, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        from coprod_desktop.ui import documents_tab

        # documents that concern the person cannot be anonymised inside: delete or keep each
        documents = privacy.person_documents(self.db, person.id)
        choices = documents_tab.ask_document_choices(self, documents) if documents else {}
        if choices is None:
            return
        self.erase(person.id, dialog.reason_text(), choices)

    def erase(self, ident: int, reason: str, documents: dict[int, str] | None = None) -> None:
        db = self.db
        was_open = self.opened_id == ident
        self.status.setText(self.tr("Erasing…"))

        def done(result: privacy.EraseResult) -> None:
            self.status.setText(
                self.tr("Erased. The record is now “%1”.").replace("%1", result.anonymous_name)
            )
            self.reload()
            if self.select(ident) and was_open:  # still listed: show what is left of it
                self.open_person(ident)
            self._update()
            self.erased.emit(ident, result.anonymous_name)
            self.changed.emit()
            if result.possible_mentions:
                self.show_mentions(result.possible_mentions)
            if self.db.dialect == "sqlite" and not result.file_compacted:
                self.cleanup_failed(result.cleanup_error)

        def failed(error: BaseException) -> None:
            self.status.clear()
            self._update()
            self._show_error(error)

        self.background.run(
            lambda _p: privacy.erase_person(db, ident, reason, documents=documents),
            done,
            failed,
            label=self.tr("Erasing the person and wiping the database file…"),
            parent=self,
        )
        self._update()

    def show_mentions(self, mentions: tuple[privacy.PossibleMention, ...]) -> MentionsDialog:
        dialog = MentionsDialog(mentions, self)
        dialog.open_initiative.connect(self.open_initiative)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        self.mentions_dialog = dialog
        return dialog

    def cleanup_failed(self, reason: str | None) -> None:
        """The person IS erased; only the final clean-up of the file must be repeated."""
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Personal data"),
            self.tr(
                "The person is erased. Only the final clean-up of the database file failed "
                "(%1), so erased values may remain in the file's free space until it is "
                "repeated. Close other programs that use the database and repeat it; it is "
                "also repeated the next time the database is opened."
            ).replace("%1", reason or "?"),
            QMessageBox.StandardButton.Close,
            self,
        )
        box.setObjectName("cleanup-failed")
        again = box.addButton(self.tr("&Repeat the clean-up"), QMessageBox.ButtonRole.AcceptRole)
        self.cleanup_box = box
        box.exec()
        if box.clickedButton() is again:
            self.repeat_cleanup()

    def repeat_cleanup(self) -> None:
        db = self.db

        def done(outcome: tuple[bool, str | None]) -> None:
            finished, reason = outcome
            if finished:
                self.status.setText(
                    self.tr("The clean-up is finished: the file holds no erased values.")
                )
            else:
                self.cleanup_failed(reason)

        self.background.run(
            lambda _p: privacy.finish_cleanup(db),
            done,
            self._show_error,
            label=self.tr("Wiping the database file…"),
            parent=self,
        )

    def _show_error(self, error: BaseException) -> None:
        if isinstance(error, CoprodError):
            text = error.message(i18n.lang())
        else:
            text = self.tr("Something unexpected went wrong: %1").replace("%1", str(error))
        QMessageBox.warning(self, self.tr("Personal data"), text)

    # ------------------------------------------------------------ access request

    def export_current(self) -> None:
        person = self.current()
        if person is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Access request: save everything held about %1").replace("%1", person.name),
            f"access-request-{person.id}.json",
            self.tr("JSON, with a PDF beside it (*.json)"),
        )
        if path:
            self.export_access(person.id, Path(path))

    def export_access(self, ident: int, path: Path) -> None:
        db = self.db
        lang = i18n.lang()
        purpose = self.tr("Access request (GDPR art. 15)")

        def work(_progress: Progress) -> list[Path]:
            from coprod_desktop.services.briefs import write_access_files

            return privacy.export_access_request(
                db, ident, purpose, lambda document: write_access_files(document, path, lang)
            )

        def done(written: list[Path]) -> None:
            self.status.setText(
                self.tr("Access request saved: %1").replace(
                    "%1", ", ".join(str(p) for p in written)
                )
            )
            record = self.panel.record
            if self.opened_id == ident and record is not None:  # the export is in the log now
                self.panel.show_record(record, privacy.access_log(db, ident))
            self._update()

        def failed(error: BaseException) -> None:
            self._update()
            self._show_error(error)

        self.background.run(
            work, done, failed, label=self.tr("Writing the access request…"), parent=self
        )
        self._update()


def show_persons(
    workspace: QTabWidget,
    db: Database,
    background: Background,
    retention: bool,
    *,
    open_initiative: Callable[[int], object],
    refresh: Callable[[], None],
    open_editors: Callable[[], Sequence[Any]],
    database_opened: SignalInstance,
    db_of: Callable[[], Database | None],
) -> PersonsView:
    """The Persons tab of the main window's `workspace` (created on first use)."""
    view: PersonsView | None = None
    for index in range(workspace.count()):
        widget = workspace.widget(index)
        if isinstance(widget, PersonsView):
            view = widget
    if view is None:
        made = PersonsView(db, background, workspace)
        made.open_initiative.connect(open_initiative)
        made.changed.connect(refresh)
        made.erased.connect(
            lambda ident, name: anonymise_open_editors(open_editors(), db_of(), ident, name)
        )
        made.db_of = db_of
        database_opened.connect(made.follow_database)
        workspace.addTab(made, QCoreApplication.translate("PersonsView", "Persons"))
        view = made
    elif view.db is not db:
        view.set_database(db)
    view.set_retention_review(retention)
    view.reload()
    workspace.setCurrentWidget(view)
    return view


def anonymise_open_editors(
    editors: Sequence[Any], db: Database | None, ident: int, anonymous: str
) -> None:
    """After an erase, open initiatives show the anonymous name too: unchanged ones are
    reloaded (their version may have moved), edited ones get the new name in place."""
    from coprod_desktop.services import initiatives

    for editor in editors:
        names = getattr(editor, "names", {})
        if ident not in names:
            continue
        if not editor.dirty and editor.initiative_id is not None and db is not None:
            try:
                editor.data = initiatives.get_initiative(db, editor.initiative_id)
            except CoprodError:
                continue
            editor.load_widgets()
            continue
        names[ident] = anonymous
        model = editor.models["involvements"]
        for record in model.records:
            if getattr(record, "stakeholder_id", None) == ident:
                record.stakeholder_name = anonymous
        for record in editor.data.involvements:
            if record.stakeholder_id == ident:
                record.stakeholder_name = anonymous
        if model.rowCount():
            model.dataChanged.emit(
                model.index(0, 0), model.index(model.rowCount() - 1, model.columnCount() - 1)
            )
