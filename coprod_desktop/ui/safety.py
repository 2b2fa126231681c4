"""Keeping work safe: every write through the one serial worker, database faults in plain words,
read-only databases, restoring automatic backups.

- `Writer.write(work, on_success, on_failure)` runs a write on the Background worker. A locked
  database asks "in use by another program — Retry?" and retries the very same call; a full disk,
  a read-only file and other known errors are shown in plain words. The caller's data is never
  touched on failure, so an editor keeps what the user typed and Save can simply be tried again.
- `ReadOnlyBanner`: the visible "opened read-only" strip above the workspace.
- `RestoreDialog`: File > Restore from backup… lists the backups of the open file and restores
  the chosen one (after confirmation), keeping a safety copy of the file it replaces.
- `open_failed`: what the window does when opening fails (Retry when locked, offer the latest
  automatic backup when the file is damaged).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QRadioButton,
    QTabBar,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coprod_desktop.domain.errors import (
    ConnectionLostError,
    CoprodError,
    DatabaseCorruptError,
    DatabaseLockedError,
)
from coprod_desktop.ui import i18n
from coprod_desktop.ui.background import Background
from coprod_desktop.ui.widgets import moment_text

if TYPE_CHECKING:
    from coprod_desktop.services.backups import BackupInfo
    from coprod_desktop.store.db import Database
    from coprod_desktop.ui.editor import InitiativeEditor
    from coprod_desktop.ui.main_window import MainWindow

log = logging.getLogger(__name__)


def plain(error: BaseException) -> str:
    """A known error in the GUI's language, as a sentence (no traceback, ever)."""
    if isinstance(error, CoprodError):
        text = error.message(i18n.lang())
    else:
        text = QCoreApplication.translate("Safety", "Something unexpected went wrong: %1").replace(
            "%1", str(error)
        )
    return text[:1].upper() + text[1:]


def show_error(parent: QWidget | None, error: BaseException, title: str | None = None) -> None:
    if isinstance(error, ConnectionLostError):
        _not_connected(parent, error)
        return
    if not isinstance(error, CoprodError):
        log.error("unexpected error", exc_info=error)
    QMessageBox.warning(
        parent, title or QCoreApplication.translate("Safety", "Something went wrong"), plain(error)
    )


def ask_retry(parent: QWidget | None, error: BaseException) -> bool:
    """ "In use by another program": True when the user wants to try again."""
    answer = QMessageBox.warning(
        parent,
        QCoreApplication.translate("Safety", "Database in use"),
        plain(error)
        + "\n\n"
        + QCoreApplication.translate(
            "Safety",
            "Another program is using the database. Close it there, or wait a moment, then retry.",
        ),
        QMessageBox.StandardButton.Retry | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Retry,
    )
    return answer == QMessageBox.StandardButton.Retry


def _not_connected(parent: QWidget | None, error: ConnectionLostError) -> None:
    """A read says "not connected" (the window's banner tells the rest); nothing is shown as
    an error, since nothing is wrong with the data."""
    from coprod_desktop.ui.connection import watch_of

    watch = watch_of(parent)
    if watch is not None:
        watch.not_connected(error)
    else:
        QMessageBox.information(
            parent, QCoreApplication.translate("Safety", "Not connected"), plain(error)
        )


def write_kept(parent: QWidget | None, error: ConnectionLostError) -> None:
    """A write met a lost connection: nothing was changed, and what was entered is still
    there to save again."""
    from coprod_desktop.ui.connection import watch_of

    watch = watch_of(parent)
    if watch is not None:
        watch.lost()
    QMessageBox.information(
        parent,
        QCoreApplication.translate("Safety", "Not saved yet"),
        QCoreApplication.translate(
            "Safety",
            "The shared database cannot be reached just now, so nothing was changed. What you "
            "entered is kept here: do it again when the connection is back (the banner at the "
            "top says when).",
        ),
    )


# ---------------------------------------------------------------------- writes


class WriteJob(QObject):
    """One write: runs on the serial worker; `finished(ok)` after its callbacks ran.

    `on_failure(error)` returns True when it dealt with the error itself (no message then); it
    may call `restart(work)` to try again with other work (the job then goes on).
    """

    finished = Signal(bool)

    def __init__(
        self,
        writer: Writer,
        work: Callable[[], Any],
        on_success: Callable[[Any], None] | None,
        on_failure: Callable[[BaseException], bool] | None,
        label: str | None,
    ) -> None:
        super().__init__(writer)
        self.writer = writer
        self.work = work
        self.on_success = on_success
        self.on_failure = on_failure
        self.label = label
        self.ok: bool | None = None
        self.result: Any = None
        self.error: BaseException | None = None
        self._restarted = False

    def start(self) -> WriteJob:
        work = self.work
        self.writer.background.run(
            lambda _progress: work(),
            self._succeeded,
            self._failed,
            label=self.label,
            parent=self.writer.parent_widget(),
        )
        return self

    def restart(self, work: Callable[[], Any] | None = None) -> None:
        if work is not None:
            self.work = work
        self._restarted = True
        self.start()

    def _succeeded(self, result: Any) -> None:
        self.ok = True
        self.result = result
        try:
            if self.on_success is not None:
                self.on_success(result)
        finally:
            self.finished.emit(True)

    def _failed(self, error: BaseException) -> None:
        parent = self.writer.parent_widget()
        if isinstance(error, DatabaseLockedError) and ask_retry(parent, error):
            self.start()  # the same call with the same data
            return
        self._restarted = False
        handled = False
        if self.on_failure is not None:
            handled = bool(self.on_failure(error))
        if self._restarted:
            return
        self.ok = False
        self.error = error
        if not handled and isinstance(error, ConnectionLostError):
            write_kept(parent, error)
        elif not handled and not isinstance(error, DatabaseLockedError):
            show_error(parent, error, QCoreApplication.translate("Safety", "Not saved"))
        self.finished.emit(False)

    def wait(self) -> bool:
        """Keep the window alive (events run) until the write is done; True when it succeeded."""
        if self.ok is None:
            loop = QEventLoop()
            self.finished.connect(lambda _ok: loop.quit())
            if self.ok is None:
                loop.exec()
        return bool(self.ok)


class Writer(QObject):
    """All writes of one window: one serial worker, errors in plain words, Retry when locked."""

    def __init__(self, background: Background, parent: QWidget) -> None:
        super().__init__(parent)
        self.background = background
        self._parent = parent

    def parent_widget(self) -> QWidget:
        return self._parent

    def write(
        self,
        work: Callable[[], Any],
        on_success: Callable[[Any], None] | None = None,
        on_failure: Callable[[BaseException], bool] | None = None,
        *,
        label: str | None = None,
    ) -> WriteJob:
        return WriteJob(self, work, on_success, on_failure, label).start()


def writer_for(widget: QWidget) -> Writer:
    """The writer of the window `widget` lives in (its own serial worker when standalone)."""
    found = getattr(widget.window(), "writer", None)
    if isinstance(found, Writer):
        return found
    own = widget.findChild(Writer, "standalone-writer")
    if own is None:
        own = Writer(Background(widget), widget)
        own.setObjectName("standalone-writer")
    return own


# ---------------------------------------------------------------------- read-only


class ReadOnlyBanner(QFrame):
    """A strip above the workspace: the database was opened read-only, editing is off."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("read-only-banner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "QFrame#read-only-banner { background: #fff4ce; border: 1px solid #d6b656; }"
            "QFrame#read-only-banner QLabel { color: #3d3000; }"
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setText(
            "<b>{}</b> {}".format(
                self.tr("Opened read-only."),
                self.tr(
                    "The file or its folder cannot be written, so you can look but not change "
                    "anything. Copy the file to a folder you may write to, or ask for write "
                    "access, to edit."
                ),
            )
        )
        self.label.setAccessibleName(self.tr("Opened read-only"))
        layout.addWidget(self.label, 1)
        self.hide()


def make_editor_read_only(editor: InitiativeEditor) -> None:
    """Nothing in `editor` can be changed or saved (a read-only database)."""
    for edit in editor.findChildren(QLineEdit):
        edit.setReadOnly(True)
    for text in editor.findChildren(QPlainTextEdit):
        text.setReadOnly(True)
    for widget in (
        editor.findChildren(QComboBox)
        + editor.findChildren(QCheckBox)
        + editor.findChildren(QRadioButton)
        + editor.findChildren(QAbstractSpinBox)
    ):
        widget.setEnabled(False)
    for view in editor.findChildren(QAbstractItemView):
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    # Editing buttons only: those on the editor's tabs, Save and Revert (a brief may still be
    # printed from a read-only database).
    buttons = editor.tabs.findChildren(QAbstractButton)
    for button in [*buttons, editor.save_button, editor.revert_button]:
        if not isinstance(button.parentWidget(), QTabBar):  # tab scroll arrows stay usable
            button.setEnabled(False)
    editor.setProperty("read_only", True)


def apply_read_only(window: MainWindow) -> None:
    """Banner and actions follow `window.db.read_only`."""
    db = window.db
    read_only = bool(db is not None and db.read_only)
    banner = getattr(window, "read_only_banner", None)
    if isinstance(banner, ReadOnlyBanner):
        banner.setVisible(read_only)
    for name in (
        "new_initiative",
        "save",
        "import",
        "bulk_status",
        "bulk_owner",
        "restore_backup",
    ):
        action = window.actions_by_name.get(name)
        if action is not None:
            if name == "restore_backup":
                action.setEnabled(db is not None and db.path is not None and not read_only)
            else:
                action.setEnabled(not read_only)
    window.portfolio.new_button.setEnabled(not read_only)
    window.portfolio.demo_button.setEnabled(not read_only)
    if read_only:
        for editor in window.editors():
            make_editor_read_only(editor)


def install(window: MainWindow) -> None:
    """Add this module's pieces to a freshly built window (called at the end of `_build`)."""
    workspace = window.takeCentralWidget()  # not setCentralWidget alone: that deletes it
    assert workspace is window.workspace
    holder = QWidget(window)
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    window.read_only_banner = ReadOnlyBanner(holder)
    layout.addWidget(window.read_only_banner)
    layout.addWidget(workspace, 1)
    window.setCentralWidget(holder)

    connect = QAction(
        QCoreApplication.translate("Safety", "Connect to a shared &database…"), window
    )
    connect.setObjectName("connect_database")
    connect.setStatusTip(
        QCoreApplication.translate(
            "Safety", "Open a portfolio on a PostgreSQL server shared by your team"
        )
    )
    connect.triggered.connect(lambda _c=False: connect_dialog(window))
    restore = QAction(QCoreApplication.translate("Safety", "Restore from bac&kup…"), window)
    restore.setObjectName("restore_backup")
    restore.setStatusTip(
        QCoreApplication.translate(
            "Safety", "Put an automatic backup of this database back in place"
        )
    )
    restore.triggered.connect(lambda _c=False: restore_dialog(window))
    window.actions_by_name["connect_database"] = connect
    window.actions_by_name["restore_backup"] = restore
    open_action = window.actions_by_name["open_database"]
    backup_action = window.actions_by_name["backup"]
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        if not isinstance(menu, QMenu) or open_action not in menu.actions():
            continue
        actions = menu.actions()
        after_open = actions[actions.index(open_action) + 1]
        menu.insertAction(after_open, connect)
        after_backup_index = actions.index(backup_action) + 1
        if after_backup_index < len(actions):
            menu.insertAction(actions[after_backup_index], restore)
        else:
            menu.addAction(restore)
        break
    apply_read_only(window)


def connect_dialog(window: MainWindow) -> None:
    from coprod_desktop.ui.connect import ConnectDialog

    dialog = ConnectDialog(window)
    if dialog.exec() == QDialog.DialogCode.Accepted:
        window.open_database(dialog.url())


def database_ready(window: MainWindow, db: Database) -> None:
    """After a database was opened: banner, editing state, a quiet notice about backups."""
    apply_read_only(window)
    if db.auto_backup_problem:
        window.statusBar().showMessage(
            QCoreApplication.translate(
                "Safety", "Today's automatic backup could not be made: %1"
            ).replace("%1", db.auto_backup_problem),
            15000,
        )
    live = getattr(window, "live_refresh", None)
    if live is not None:
        live.start(db)


# ---------------------------------------------------------------------- opening


def open_failed(window: MainWindow, target: str | None, error: BaseException) -> None:
    """Opening failed: Retry when locked; a damaged file offers its latest automatic backup."""
    if isinstance(error, DatabaseLockedError):
        if ask_retry(window, error):
            window.open_database(target)
        return
    if isinstance(error, DatabaseCorruptError) and error.where:
        from coprod_desktop.services import backups

        path = Path(error.where)
        try:
            latest = backups.latest_backup_for(path)
        except (OSError, CoprodError):
            latest = None
        if latest is not None:
            when = moment_text(latest.created)
            answer = QMessageBox.question(
                window,
                QCoreApplication.translate("Safety", "Database damaged"),
                plain(error)
                + "\n\n"
                + QCoreApplication.translate(
                    "Safety",
                    "An automatic backup from %1 is available. Restore it? The damaged file "
                    "is kept in the backups folder.",
                ).replace("%1", when),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.Yes,
            )
            if answer == QMessageBox.StandardButton.Yes:
                restore_and_reopen(window, latest, path)
            return
    title = QCoreApplication.translate("Safety", "Cannot open the database")
    if isinstance(error, ConnectionLostError):  # about the new one: the open one is fine
        QMessageBox.warning(window, title, plain(error))
        return
    show_error(window, error, title)


def restore_and_reopen(window: MainWindow, info: BackupInfo, target: Path) -> None:
    """Dispose the open database (if it is `target`), restore `info` over it, reopen it."""
    from coprod_desktop.services import backups

    if not window.when_editors_closed(lambda: restore_and_reopen(window, info, target)):
        return  # goes on once the save the user asked for went through
    db = window.db
    if db is not None and db.path is not None and db.path.resolve() == target.resolve():
        live = getattr(window, "live_refresh", None)
        if live is not None:
            live.stop()
        window.background.wait()
        db.dispose()

    def done(result: backups.RestoreResult) -> None:
        message = QCoreApplication.translate("Safety", "Restored the backup from %1.").replace(
            "%1", moment_text(result.backup.created)
        )
        if result.erased_again:
            message += " " + QCoreApplication.translate(
                "Safety", "Erased persons it still held were erased again: %1."
            ).replace("%1", ", ".join(map(str, result.erased_again)))
        window.statusBar().showMessage(message, 15000)
        window.open_database(str(target))

    def failed(error: BaseException) -> None:
        show_error(window, error, QCoreApplication.translate("Safety", "Cannot restore the backup"))
        if db is not None:
            window.open_database(str(target))

    window.background.run(
        lambda _p: backups.restore_backup(info, target),
        done,
        failed,
        label=QCoreApplication.translate("Safety", "Restoring the backup…"),
        parent=window,
    )


class RestoreDialog(QDialog):
    """Lists the backups of one database file; the chosen one is restored after confirmation."""

    def __init__(self, infos: list[BackupInfo], target: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Restore from backup"))
        self.setObjectName("restore-dialog")
        self.infos = infos
        self.target = target
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Put a backup of <b>%1</b> back in place. The current file is kept in the "
                "backups folder first, so the restore can be undone."
            ).replace("%1", _escape(str(target))),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        kinds = {
            "daily": self.tr("Daily (automatic)"),
            "pre-migration": self.tr("Before an upgrade"),
            "pre-restore": self.tr("Before a restore"),
            "manual": self.tr("Other"),
        }
        self.table = QTableWidget(len(infos), 3, self)
        self.table.setHorizontalHeaderLabels([self.tr("Made"), self.tr("Kind"), self.tr("Size")])
        self.table.setAccessibleName(self.tr("Backups"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        for row, info in enumerate(infos):
            cells = (
                moment_text(info.created),
                kinds.get(info.kind, info.kind),
                _size(info.size),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 0:
                    item.setToolTip(info.name)
                if column == 2:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, column, item)
        metrics = self.table.fontMetrics()
        self.table.setColumnWidth(0, metrics.horizontalAdvance("2026-12-31 23:59") + 28)
        self.table.setColumnWidth(1, max(metrics.horizontalAdvance(k) for k in kinds.values()) + 28)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        self.empty = QLabel(self.tr("There are no backups of this database yet."), self)
        self.empty.setVisible(not infos)
        layout.addWidget(self.empty)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.restore_button = self.buttons.addButton(
            self.tr("&Restore…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.restore_button.setEnabled(False)
        self.buttons.accepted.connect(self.confirm)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.table.itemSelectionChanged.connect(
            lambda: self.restore_button.setEnabled(self.chosen() is not None)
        )
        self.table.doubleClicked.connect(lambda _i: self.confirm())
        if infos:
            self.table.selectRow(0)
        self.resize(560, 380)

    def chosen(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.infos[rows[0].row()] if rows else None

    def confirm(self) -> None:
        info = self.chosen()
        if info is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Restore from backup"),
            self.tr(
                "Replace the database with the backup from %1? Changes made since then are "
                "set aside in the backups folder."
            ).replace("%1", moment_text(info.created)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.accept()


def restore_dialog(window: MainWindow) -> None:
    from coprod_desktop.services import backups

    db = window.db
    if db is None or db.path is None:
        return
    dialog = RestoreDialog(backups.list_backups(db.path), db.path, window)
    if dialog.exec() == QDialog.DialogCode.Accepted:
        info = dialog.chosen()
        if info is not None:
            restore_and_reopen(window, info, db.path)


def _size(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    return f"{max(1, round(size / 1024))} kB"


def _escape(text: str) -> str:
    from html import escape

    return escape(text)
