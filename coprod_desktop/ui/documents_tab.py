"""Documents kept with an initiative: the editor's Documents tab, drag and drop of files and
e-mails onto the editor or a portfolio row, and the dialog that offers to add the people of
a dropped e-mail as stakeholders.

The bytes stay in the database (services/attachments.py); Open writes a private temporary
copy and hands it to the system's viewer, Save as writes through the one atomic writer.
"""

from __future__ import annotations

import atexit
import datetime as dt
import os
import shutil
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QEvent,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QUrl,
)
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from coprod_desktop.domain import model as d
from coprod_desktop.domain.errors import CoprodError
from coprod_desktop.store.db import Database
from coprod_desktop.ui import i18n
from coprod_desktop.ui.writer import Writer

if TYPE_CHECKING:
    from coprod_desktop.services import mail_import

# The attachment and mail services (and with them the ORM's models) load when a document is
# first dropped, listed or opened: the portfolio's drop target is made at start.

Index = QModelIndex | QPersistentModelIndex


def _date_text(value: dt.date, *, long: bool = False) -> str:
    form = QLocale.FormatType.LongFormat if long else QLocale.FormatType.ShortFormat
    return QLocale().toString(QDate(value.year, value.month, value.day), form)


def size_text(size: int) -> str:
    return QLocale().formattedDataSize(size, 1, QLocale.DataSizeFormat.DataSizeSIFormat)


class AttachmentModel(QAbstractTableModel):
    """The attachments of one initiative (plain records; no bytes, no words)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.items: list[d.AttachmentData] = []
        self.entries: dict[int, str] = {}  # journal entry id -> a short label

    def headers(self) -> list[str]:
        return [
            self.tr("Name"),
            self.tr("Size"),
            self.tr("Added"),
            self.tr("By"),
            self.tr("Journal entry"),
        ]

    def set_items(self, items: list[d.AttachmentData], entries: dict[int, str]) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.entries = entries
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self.items[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return item.name
            if column == 1:
                return size_text(item.size)
            if column == 2:
                return _date_text(item.added_on) if item.added_on else ""
            if column == 3:
                return item.added_by or ""
            if item.journal_entry_id is not None:
                return self.entries.get(item.journal_entry_id, "")
            return ""
        if role == Qt.ItemDataRole.ToolTipRole and column == 0:
            return f"{item.media_type or ''}\nSHA-256 {item.sha256}"
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


# ---------------------------------------------------------------- drag and drop


def dropped_files(event: QDragEnterEvent | QDropEvent) -> list[Path]:
    """The local files of a drag (no folders, no web addresses); empty when there are none."""
    mime = event.mimeData()
    if not mime.hasUrls():
        return []
    paths = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
    return [p for p in paths if p.is_file()]


class FileDropFilter(QObject):
    """Lets `widget` take files dropped on it; `on_drop(paths, event)` gets them."""

    def __init__(self, widget: QWidget, on_drop: Callable[[list[Path], QDropEvent], None]) -> None:
        super().__init__(widget)
        self.on_drop = on_drop
        widget.setAcceptDrops(True)
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            assert isinstance(event, QDragEnterEvent | QDropEvent)
            if dropped_files(event):
                event.acceptProposedAction()
                return True
        elif kind == QEvent.Type.Drop:
            assert isinstance(event, QDropEvent)
            paths = dropped_files(event)
            if paths:
                event.acceptProposedAction()
                self.on_drop(paths, event)
                return True
        return False


# ---------------------------------------------------------------- e-mails


class ParticipantsDialog(QDialog):
    """What a dropped e-mail or invitation becomes, and which unknown people to add."""

    def __init__(
        self, message: mail_import.Message, known: dict[str, int], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("email-drop-dialog")
        self.setWindowTitle(
            self.tr("Meeting invitation") if message.kind == "meeting" else self.tr("E-mail")
        )
        layout = QVBoxLayout(self)
        kind = self.tr("meeting") if message.kind == "meeting" else self.tr("e-mail")
        heading = QLabel(
            self.tr("A journal entry (%1) of %2 will be made:")
            .replace("%1", kind)
            .replace("%2", _date_text(message.date, long=True)),
            self,
        )
        heading.setWordWrap(True)
        layout.addWidget(heading)
        subject = QLabel(f"<b>{_escape(message.subject or '—')}</b>", self)
        subject.setWordWrap(True)
        layout.addWidget(subject)
        if message.files:
            files = QLabel(
                self.tr("Its attached files are kept with the entry: %1").replace(
                    "%1", ", ".join(name for name, _data in message.files)
                ),
                self,
            )
            files.setWordWrap(True)
            layout.addWidget(files)
        self.boxes: dict[str, QCheckBox] = {}
        found = [p for p in message.people if p.email in known]
        missing = [p for p in message.people if p.email not in known]
        if found:
            layout.addWidget(QLabel(self.tr("Participants found among the stakeholders:"), self))
            for person in found:
                layout.addWidget(
                    QLabel(f"  • {_escape(person.name)} &lt;{_escape(person.email)}&gt;", self)
                )
        if missing:
            layout.addWidget(
                QLabel(self.tr("Not yet stakeholders (tick those to add as participants):"), self)
            )
            for person in missing:
                shown = (
                    person.email
                    if person.name == person.email
                    else f"{person.name} <{person.email}>"
                )
                box = QCheckBox(shown, self)
                self.boxes[person.email] = box
                layout.addWidget(box)
        layout.addStretch(1)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Make the entry"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def chosen(self) -> list[str]:
        return [email for email, box in self.boxes.items() if box.isChecked()]


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def ask_participants(
    parent: QWidget, message: mail_import.Message, known: dict[str, int]
) -> list[str] | None:
    """The e-mail addresses to add as new stakeholders, or None when the user cancelled."""
    dialog = ParticipantsDialog(message, known, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.chosen()


def _writer(widget: QWidget) -> Writer:
    """The editor's tab finds its window's writer until the editor package hands it one."""
    from coprod_desktop.ui.writer import writer_for

    return writer_for(widget)


def attach_paths(
    widget: QWidget,
    writer: Writer,
    db: Database,
    initiative_id: int,
    paths: Sequence[Path],
    on_done: Callable[[bool], None],
) -> None:
    """Keep `paths` with the initiative: e-mails and invitations become journal entries
    (asking which unknown people to add), other files are attached. `on_done(made_entries)`
    runs afterwards on the GUI thread; the words for the search follow in the background."""
    from coprod_desktop.services import attachments, mail_import

    messages: list[tuple[Path, list[str]]] = []
    files = [p for p in paths if not mail_import.is_message(p)]
    for path in paths:
        if not mail_import.is_message(path):
            continue
        try:
            message = mail_import.read_message(path)
            known = mail_import.match_people(db, message.people)
        except CoprodError as error:
            QMessageBox.warning(
                widget,
                QCoreApplication.translate("Attachments", "Cannot read the e-mail"),
                error.message(i18n.lang()),
            )
            return
        chosen = ask_participants(widget, message, known)
        if chosen is None:
            return
        messages.append((path, chosen))

    def work() -> bool:
        if files:
            attachments.attach_files(db, initiative_id, files)
        for path, chosen in messages:
            mail_import.import_message(db, initiative_id, path, create=chosen)
        return bool(messages)

    def done(made_entries: bool) -> None:
        on_done(made_entries)
        writer.write(lambda: attachments.extract_pending(db))

    writer.write(work, done, label=QCoreApplication.translate("Attachments", "Keeping the files…"))


# ---------------------------------------------------------------- the editor's tab


class AttachmentsPage(QWidget):
    """The editor's Documents tab."""

    def __init__(self, editor: Any) -> None:
        super().__init__(editor)
        self.setObjectName("attachments-page")
        self.editor = editor
        self._extracting = False
        self.model = AttachmentModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("attachments-table")
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Documents"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        for column, width in enumerate((360, 90, 100, 120)):
            self.table.setColumnWidth(column, width)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("&Add…"), self)
        self.open_button = QPushButton(self.tr("&Open"), self)
        self.save_button = QPushButton(self.tr("Save a cop&y…"), self)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.add_button.clicked.connect(self.choose_files)
        self.open_button.clicked.connect(self.open_selected)
        self.save_button.clicked.connect(self.save_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        for button in (self.add_button, self.open_button, self.save_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        editor.saved.connect(lambda _ident: self.reload())
        self.reload()

    @property
    def db(self) -> Database:
        db: Database = self.editor.db
        return db

    def reload(self) -> None:
        from coprod_desktop.services import attachments

        ident = self.editor.data.id
        saved = ident is not None
        for button in (self.add_button, self.open_button, self.save_button, self.remove_button):
            button.setEnabled(saved)
        if not saved:
            self.note.setText(
                self.tr("Save the initiative first; then documents can be kept with it.")
            )
            self.model.set_items([], {})
            return
        self.note.setText(
            self.tr(
                "Files kept with this initiative, in the portfolio's database (shared in team "
                "mode). Drop files or e-mails (.eml, .msg, .ics) anywhere on the editor."
            )
        )
        try:
            items = attachments.list_attachments(self.db, ident)
        except CoprodError:
            items = []
        entries = {
            j.id: f"{j.date.isoformat() if j.date else ''} {j.summary.splitlines()[0] if j.summary else ''}"[
                :60
            ]
            for j in self.editor.data.journal
            if j.id is not None
        }
        self.model.set_items(items, entries)
        if any(item.text_status == "pending" for item in items) and not self._extracting:
            # words not yet extracted (the app stopped before): catch up in the background
            self._extracting = True
            db = self.db

            def extracted(_count: int) -> None:
                self._extracting = False

            _writer(self).write(lambda: attachments.extract_pending(db), extracted)

    def selected(self) -> list[d.AttachmentData]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.model.items[row] for row in rows]

    def choose_files(self) -> None:
        names, _filter = QFileDialog.getOpenFileNames(self, self.tr("Add documents"))
        if names:
            self.add_files([Path(n) for n in names])

    def add_files(self, paths: Sequence[Path]) -> None:
        from coprod_desktop.services import mail_import

        ident = self.editor.data.id
        if ident is None:
            QMessageBox.information(
                self,
                self.tr("Not saved yet"),
                self.tr("Save the initiative before adding documents."),
            )
            return
        # an e-mail adds a journal entry: the editor's changes are saved first
        messages = any(mail_import.is_message(p) for p in paths)
        if messages and self.editor.dirty:

            def saved(ok: bool) -> None:
                if ok:
                    self._attach(ident, paths)

            self.editor.save(saved)
            return
        self._attach(ident, paths)

    def _attach(self, ident: int, paths: Sequence[Path]) -> None:
        self.editor.tabs.setCurrentWidget(self)
        attach_paths(self, _writer(self), self.db, ident, paths, self._added)

    def _added(self, made_entries: bool) -> None:
        if made_entries and not self.editor.dirty:
            self.editor.revert()  # shows the new journal entry
        self.reload()

    def open_selected(self) -> None:
        for item in self.selected()[:1]:
            try:
                path = private_copy(self.db, item)
            except CoprodError as error:
                QMessageBox.warning(self, self.tr("Cannot open"), error.message(i18n.lang()))
                return
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def save_selected(self) -> None:
        from coprod_desktop.services import attachments

        for item in self.selected()[:1]:
            name, _filter = QFileDialog.getSaveFileName(
                self, self.tr("Save document as"), item.name
            )
            if not name:
                return
            try:
                attachments.save_as(self.db, item.id, Path(name))
            except CoprodError as error:
                QMessageBox.warning(self, self.tr("Not saved"), error.message(i18n.lang()))

    def remove_selected(self) -> None:
        from coprod_desktop.services import attachments

        chosen = self.selected()
        if not chosen:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Remove documents"),
            self.tr(
                "Remove %1 from this initiative? The file is deleted from the portfolio."
            ).replace("%1", ", ".join(f"“{a.name}”" for a in chosen)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        db = self.db

        def work() -> None:
            for item in chosen:
                attachments.delete_attachment(db, item.id)

        _writer(self).write(work, lambda _result: self.reload())


def attachments_tab(editor: Any) -> QWidget:
    """The Documents tab of an editor, which also takes files dropped anywhere on it."""
    page = AttachmentsPage(editor)
    editor.attachments_page = page

    def dropped(paths: list[Path], _event: QDropEvent) -> None:
        page.add_files(paths)

    FileDropFilter(editor, dropped)
    # Text fields take drops themselves (a file manager's drag carries the path as text too):
    # files dropped on them are kept as documents, never typed into the field.
    for child in editor.findChildren(QWidget):
        target = child.viewport() if isinstance(child, QAbstractScrollArea) else child
        if target.acceptDrops() and target is not editor:
            FileDropFilter(target, dropped)
    return page


# ---------------------------------------------------------------- the portfolio


def install_portfolio_drop(
    view: Any,
    db_of: Callable[[], Database | None],
    writer: Writer,
    show_status: Callable[[str, int], None],
) -> None:
    """Files dropped on a portfolio row are kept with that row's initiative."""
    table: QTableView = view.table

    def dropped(paths: list[Path], event: QDropEvent) -> None:
        db = db_of()
        row = table.indexAt(event.position().toPoint()).row()
        ident = view.model.row_id(row) if row >= 0 else None
        if db is None or ident is None:
            return

        count = len(paths)

        def done(_made_entries: bool) -> None:
            text = QCoreApplication.translate(
                "Attachments", "Kept %n file(s) with the initiative.", "", count
            )
            show_status(text, 5000)
            view.reload()

        attach_paths(view, writer, db, ident, paths, done)

    FileDropFilter(table.viewport(), dropped)


# ---------------------------------------------------------------- erasing a person


class DocumentChoicesDialog(QDialog):
    """Before a person is erased: each document that concerns them is deleted or kept as a
    whole (its contents cannot be anonymised); the choice goes into the audit trail."""

    def __init__(self, documents: Sequence[Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("erase-documents-dialog")
        self.setWindowTitle(self.tr("Documents about the person"))
        layout = QVBoxLayout(self)
        note = QLabel(
            self.tr(
                "These documents mention the person or belong to a journal entry they took "
                "part in. Their contents cannot be anonymised: tick those to delete; the others "
                "are kept as they are. Each choice is recorded."
            ),
            self,
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        self.boxes: dict[int, QCheckBox] = {}
        for doc in documents:
            box = QCheckBox(
                self.tr("Delete “%1” (%2, %3)")
                .replace("%1", doc.name)
                .replace("%2", doc.reference)
                .replace("%3", size_text(doc.size)),
                self,
            )
            self.boxes[doc.attachment_id] = box
            layout.addWidget(box)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def choices(self) -> dict[int, str]:
        return {ident: "delete" if box.isChecked() else "keep" for ident, box in self.boxes.items()}


def ask_document_choices(parent: QWidget, documents: Sequence[Any]) -> dict[int, str] | None:
    """Delete or keep for each document (attachment id -> choice); None when cancelled."""
    dialog = DocumentChoicesDialog(documents, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.choices()


# ---------------------------------------------------------------- private copies

_PRIVATE: list[Path] = []


def private_copy(db: Database, item: d.AttachmentData) -> Path:
    """A copy only this user can read, in a folder removed when the app ends, for the
    system's viewer (the database itself is never handed out)."""
    from coprod_desktop.services import attachments

    folder = Path(tempfile.mkdtemp(prefix="coprod-open-"))
    os.chmod(folder, 0o700)
    _PRIVATE.append(folder)
    target = folder / (Path(item.name).name or "document")
    attachments.save_as(db, item.id, target)
    os.chmod(target, 0o600)
    return target


@atexit.register
def _remove_private_copies() -> None:
    for folder in _PRIVATE:
        shutil.rmtree(folder, ignore_errors=True)
