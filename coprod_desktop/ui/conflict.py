"""Working beside colleagues on one database: conflicts and live refresh.

- `ConflictDialog`: an initiative was saved by someone else while the user edited it. Both
  versions are shown field by field (child lists summarised per row); the user keeps theirs,
  takes the other, or picks per field. The merge is saved on top of the version now in the
  database, so a third save in between raises the conflict again: nothing is overwritten
  silently.
- `LiveRefresh`: polls the audit trail (services.changes) every few seconds off the GUI thread
  (a Background worker of its own: reads need not wait behind long writes); when other users changed something the portfolio is refreshed in place (selection and
  scroll position kept) and open editors of changed initiatives get a quiet notice.
"""

from __future__ import annotations

import copy
import logging
import os
from collections.abc import Callable
from enum import Enum
from html import escape
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QCoreApplication,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    Qt,
    QTimer,
)
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coprod_desktop.domain import model as d
from coprod_desktop.domain import vocab as v
from coprod_desktop.domain.errors import ConflictError, ConnectionLostError, CoprodError
from coprod_desktop.services import changes, convert, initiatives
from coprod_desktop.ui.background import Background
from coprod_desktop.ui.widgets import vocab_label

if TYPE_CHECKING:
    from coprod_desktop.store.db import Database
    from coprod_desktop.ui.editor import InitiativeEditor
    from coprod_desktop.ui.main_window import MainWindow
    from coprod_desktop.ui.portfolio import PortfolioView
    from coprod_desktop.ui.safety import WriteJob

log = logging.getLogger(__name__)

MINE = "mine"
THEIRS = "theirs"
LIST_FIELDS = (
    "involvements",
    "mandates",
    "resources",
    "cross_pressures",
    "journal",
    "reviews",
    "commitments",
)
VOCABULARIES: dict[str, type[Enum]] = {
    "sector": v.Sector,
    "status": v.Status,
    "origin": v.Origin,
    "type": v.InitiativeType,
    "secondary_type": v.InitiativeType,
    "participation_level": v.ParticipationLevel,
    "frontline_role": v.FrontlineRole,
}


def _label(vocabulary: type[Enum], key: str | None) -> str:
    return vocab_label(vocabulary, key) if key else ""  # type: ignore[arg-type]


def _date(value: Any) -> str:
    return value.isoformat() if value is not None else ""


def _short(text: str | None, length: int = 60) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= length else text[: length - 1] + "…"


def row_summary(name: str, record: Any) -> str:
    """One line for one child record (what the conflict dialog shows per row)."""
    parts: list[str]
    if name == "involvements":
        parts = [record.stakeholder_name or f"#{record.stakeholder_id}"]
        parts.append(_label(v.InvolvementRole, record.role))
        if record.trust:
            parts.append(_label(v.Level3, record.trust))
    elif name == "mandates":
        parts = [_date(record.decided_on), _label(v.MandateLevel, record.level)]
        parts.append(_label(v.Clarity, record.clarity))
        parts.append(_short(record.scope, 40))
    elif name == "resources":
        amount = f"{record.amount:g} {record.unit}"
        parts = [_date(record.date), _label(v.ResourceKind, record.kind), amount]
        parts.append(_short(record.note, 40))
    elif name == "cross_pressures":
        parts = [_label(v.PressureCategory, record.category), str(record.severity)]
        parts.append(_label(v.PressureStatus, record.status))
        parts.append(_short(record.description, 40))
    elif name == "journal":
        parts = [_date(record.date), _label(v.JournalKind, record.kind), _short(record.summary)]
    elif name == "commitments":
        parts = [_short(record.text, 50), _label(v.CommitmentStatus, record.status)]
        parts += [_date(record.due_on), record.owner or "", record.counterpart_name]
    else:  # reviews
        parts = [_date(record.date), record.reviewer, _short(record.assessment, 40)]
    return " · ".join(p for p in parts if p)


def value_text(name: str, value: Any) -> str:
    """A scalar field's value in words (vocabulary labels, ISO dates)."""
    if value is None or value == "" or value == []:
        return ""
    if name in VOCABULARIES:
        return _label(VOCABULARIES[name], value)
    if name == "public_values":
        return ", ".join(_label(v.PublicValue, key) for key in value)
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    return str(value)


def differences(mine: d.InitiativeData, theirs: d.InitiativeData) -> list[str]:
    """The fields (scalars, then child lists) in which the two versions differ."""
    names = [*convert.INITIATIVE_SCALARS, *LIST_FIELDS]
    return [n for n in names if getattr(mine, n) != getattr(theirs, n)]


class ConflictDialog(QDialog):
    """Both versions field by field; per field the user picks which one is saved."""

    def __init__(
        self,
        mine: d.InitiativeData,
        theirs: d.InitiativeData,
        base: d.InitiativeData | None = None,
        label: Callable[[str], str] | None = None,
        by: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("conflict-dialog")
        self.setWindowTitle(self.tr("Saved by someone else"))
        self.mine = copy.deepcopy(mine)
        self.theirs = copy.deepcopy(theirs)
        self.base = copy.deepcopy(base) if base is not None else None
        self._label = label
        self.names = differences(mine, theirs)
        self.groups: dict[str, QButtonGroup] = {}
        self.buttons_by_field: dict[str, dict[str, QRadioButton]] = {}

        layout = QVBoxLayout(self)
        who = escape(by) if by else self.tr("someone else")
        intro = QLabel(
            self.tr(
                "<b>%1 saved “%2” while you were editing it.</b> Nothing has been overwritten. "
                "For each difference, choose the version to keep, then save."
            )
            .replace("%1", who)
            .replace("%2", escape(theirs.title or mine.title or "")),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        self.table = QTableWidget(len(self.names), 3, self)
        self.table.setObjectName("conflict-table")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Field"), self.tr("Your version"), self.tr("Their version (saved)")]
        )
        self.table.setAccessibleName(self.tr("Differences between the two versions"))
        self.table.verticalHeader().hide()
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for row, name in enumerate(self.names):
            self._fill_row(row, name)
        metrics = self.table.fontMetrics()
        widest = max([metrics.horizontalAdvance(self.field_label(n)) for n in self.names] + [80])
        self.table.setColumnWidth(0, min(widest + 24, 260))
        self.table.resizeRowsToContents()
        layout.addWidget(self.table, 1)

        self.legend = QLabel(
            self.tr("Rows in bold differ from the other version. ⚠ = changed by both of you."),
            self,
        )
        self.legend.setWordWrap(True)
        layout.addWidget(self.legend)
        choices = QHBoxLayout()
        self.all_mine = QPushButton(self.tr("Keep all &mine"), self)
        self.all_theirs = QPushButton(self.tr("Take all &theirs"), self)
        self.all_mine.clicked.connect(lambda: self.choose_all(MINE))
        self.all_theirs.clicked.connect(lambda: self.choose_all(THEIRS))
        choices.addWidget(self.all_mine)
        choices.addWidget(self.all_theirs)
        choices.addStretch(1)
        layout.addLayout(choices)
        self.button_box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.save_button = self.button_box.addButton(
            self.tr("&Save the chosen versions"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setDefault(True)
        self.button_box.accepted.connect(self.accept)
        self.button_box.rejected.connect(self.reject)
        layout.addWidget(self.button_box)
        self.resize(980, 620)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.table.resizeRowsToContents()  # now that the columns have their real widths

    # ------------------------------------------------------------------ building

    def field_label(self, name: str) -> str:
        lists = {
            "involvements": self.tr("Stakeholders"),
            "mandates": self.tr("Mandates"),
            "resources": self.tr("Resources"),
            "cross_pressures": self.tr("Cross-pressures"),
            "journal": self.tr("Journal"),
            "reviews": self.tr("Reviews"),
            "commitments": self.tr("Commitments"),
        }
        if name in lists:
            return lists[name]
        return self._label(name) if self._label is not None else name

    def _cell_html(self, name: str, side: str) -> str:
        value = getattr(self.mine if side == MINE else self.theirs, name)
        other = getattr(self.theirs if side == MINE else self.mine, name)
        if name in LIST_FIELDS:
            if not value:
                return "<i>{}</i>".format(self.tr("(none)"))
            lines = []
            for record in value:
                text = escape(row_summary(name, record))
                lines.append(f"<b>{text}</b>" if record not in other else text)
            gone = sum(1 for record in other if record not in value)
            if gone:
                lines.append(
                    "<i>{}</i>".format(
                        self.tr("(%n row(s) of the other version missing)", "", gone)
                    )
                )
            return "<br>".join(lines)
        text = value_text(name, value)
        return (
            escape(text).replace("\n", "<br>") if text else "<i>{}</i>".format(self.tr("(empty)"))
        )

    def _fill_row(self, row: int, name: str) -> None:
        changed_by_both = (
            self.base is not None
            and getattr(self.base, name) != getattr(self.mine, name)
            and getattr(self.base, name) != getattr(self.theirs, name)
        )
        item = QTableWidgetItem(("⚠ " if changed_by_both else "") + self.field_label(name))
        item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        if changed_by_both:
            item.setToolTip(self.tr("Changed by both of you"))
        self.table.setItem(row, 0, item)
        group = QButtonGroup(self)
        self.groups[name] = group
        self.buttons_by_field[name] = {}
        for column, side in ((1, MINE), (2, THEIRS)):
            cell = QWidget(self.table)
            inner = QHBoxLayout(cell)
            inner.setContentsMargins(6, 4, 6, 4)
            button = QRadioButton(cell)
            button.setAccessibleName(
                (self.tr("Keep mine: %1") if side == MINE else self.tr("Take theirs: %1")).replace(
                    "%1", self.field_label(name)
                )
            )
            text = QLabel(self._cell_html(name, side), cell)
            text.setTextFormat(Qt.TextFormat.RichText)
            text.setWordWrap(True)
            text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            text.setBuddy(button)
            inner.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
            inner.addWidget(text, 1)
            group.addButton(button)
            self.buttons_by_field[name][side] = button
            self.table.setCellWidget(row, column, cell)
        # Default: what changed since the user opened it; the user's own edit wins a tie.
        untouched_by_me = self.base is not None and getattr(self.base, name) == getattr(
            self.mine, name
        )
        self.choose(name, THEIRS if untouched_by_me else MINE)

    # ------------------------------------------------------------------ choices

    def choose(self, name: str, side: str) -> None:
        self.buttons_by_field[name][side].setChecked(True)

    def choose_all(self, side: str) -> None:
        for name in self.names:
            self.choose(name, side)

    def choice(self, name: str) -> str:
        return MINE if self.buttons_by_field[name][MINE].isChecked() else THEIRS

    def merged(self) -> d.InitiativeData:
        """Their version with the fields the user kept from theirs replaced by the user's own;
        it carries the version now in the database."""
        result = copy.deepcopy(self.theirs)
        for name in self.names:
            if self.choice(name) == MINE:
                setattr(result, name, copy.deepcopy(getattr(self.mine, name)))
        result.id = self.theirs.id
        result.version = self.theirs.version
        return result


def last_editor(db: Database, ident: int) -> str | None:
    """Who saved the initiative last (from its audit trail), if anyone is recorded."""
    try:
        entries = initiatives.history(db, ident)
    except CoprodError:
        return None
    return entries[0].who if entries else None


def erased_since(db: Database, ident: int, read: d.InitiativeData) -> bool:
    """Whether a person was erased from the initiative after the editor read it."""
    try:
        entries = initiatives.history(db, ident)
    except CoprodError:
        return False
    return any(
        e.action == "erase" and (read.updated_at is None or e.at > read.updated_at) for e in entries
    )


def warn_erased(dialog: ConflictDialog) -> None:
    """Their version is the erased one: keeping mine could write the person's data back, so
    theirs is chosen everywhere and the user is told why."""
    dialog.choose_all(THEIRS)
    warning = QLabel(
        QCoreApplication.translate(
            "ConflictDialog",
            "<b>A person was erased from this initiative after you opened it.</b> Their "
            "version is chosen everywhere: keeping your text could bring the erased name, "
            "e-mail or phone back. Re-type your own changes after saving if you need them.",
        ),
        dialog,
    )
    warning.setObjectName("erased-warning")
    warning.setWordWrap(True)
    layout = dialog.layout()
    if isinstance(layout, QVBoxLayout):
        layout.insertWidget(1, warning)


def resolve_conflict(editor: InitiativeEditor, job: WriteJob, error: ConflictError) -> bool:
    """The editor's save met a newer version: show both, save the user's choice on top of it.

    Returns True (handled): either the merge is being saved (`job` restarted) or the user
    cancelled and the editor keeps everything it had.
    """
    mine = copy.deepcopy(editor.data)
    if mine.id is None:
        return False
    try:
        theirs = initiatives.get_initiative(editor.db, mine.id)
    except CoprodError:
        return False  # deleted meanwhile: the plain message says so
    dialog = ConflictDialog(
        mine,
        theirs,
        editor.original,
        editor.field_label,
        last_editor(editor.db, mine.id),
        editor,
    )
    if erased_since(editor.db, mine.id, editor.original):
        warn_erased(dialog)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        editor.summary_error.show_message(
            QCoreApplication.translate(
                "ConflictDialog", "Not saved. Your changes are still here; save again to compare."
            )
        )
        return True
    merged = dialog.merged()
    db = editor.db
    notice = editor.findChild(EditorNotice)
    if notice is not None:
        notice.hide()
    job.restart(lambda: initiatives.save_initiative(db, merged))
    return True


# ---------------------------------------------------------------------- live refresh


def poll_interval_ms() -> int:
    try:
        return max(200, int(os.environ.get("COPROD_POLL_MS", "4000")))
    except ValueError:
        return 4000


def refresh_keeping_place(view: PortfolioView) -> None:
    """Reload the portfolio; the same initiatives stay selected and the view where it was."""
    table = view.table
    model = view.model
    selected = set(view.selected_ids())
    current = table.currentIndex()
    current_id = model.row_id(current.row()) if current.isValid() else None
    current_column = current.column() if current.isValid() else 0
    vertical = table.verticalScrollBar().value()
    horizontal = table.horizontalScrollBar().value()
    loaded = model.rowCount()
    view.reload()
    while model.rowCount() < loaded and model.canFetchMore(QModelIndex()):
        before = model.rowCount()
        model.fetchMore(QModelIndex())
        if model.rowCount() == before:
            break
    selection = QItemSelection()
    current_row: int | None = None
    last = model.columnCount() - 1
    for row in range(model.rowCount()):
        ident = model.row_id(row)
        if ident in selected:
            selection.select(model.index(row, 0), model.index(row, last))
        if ident is not None and ident == current_id:
            current_row = row
    selection_model = table.selectionModel()
    flag = QItemSelectionModel.SelectionFlag
    if current_row is not None:
        selection_model.setCurrentIndex(model.index(current_row, current_column), flag.NoUpdate)
    selection_model.select(selection, flag.ClearAndSelect | flag.Rows)
    table.verticalScrollBar().setValue(vertical)
    table.horizontalScrollBar().setValue(horizontal)


class EditorNotice(QFrame):
    """A quiet strip in an editor: this initiative was changed by someone else — reload?"""

    def __init__(self, editor: InitiativeEditor) -> None:
        super().__init__(editor)
        self.editor = editor
        self.setObjectName("changed-notice")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "QFrame#changed-notice { background: #e8f1fb; border: 1px solid #9dbbe0; }"
            "QFrame#changed-notice QLabel { color: #10304f; }"
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.reload_button = QPushButton(self.tr("Reload"), self)
        self.reload_button.setToolTip(self.tr("Show the version now in the database"))
        self.dismiss_button = QPushButton(self.tr("Dismiss"), self)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.reload_button)
        layout.addWidget(self.dismiss_button)
        self.reload_button.clicked.connect(self.reload)
        self.dismiss_button.clicked.connect(self.hide)
        self.hide()

    def show_changed_by(self, who: list[str]) -> None:
        names = ", ".join(sorted(who)) or self.tr("someone else")
        text = self.tr("Changed by %1 since you opened it — reload?").replace("%1", names)
        if self.editor.dirty:
            text += " " + self.tr("(If you save your changes instead, you will see both versions.)")
        self.label.setText(text)
        self.show()

    def reload(self) -> None:
        if self.editor.dirty:
            answer = QMessageBox.question(
                self,
                self.tr("Reload"),
                self.tr("Reload the saved version and throw away your unsaved changes?"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.editor.revert()
        self.hide()


def notice_for(editor: InitiativeEditor) -> EditorNotice:
    found = editor.findChild(EditorNotice)
    if found is not None:
        return found
    notice = EditorNotice(editor)
    layout = editor.layout()
    if isinstance(layout, QVBoxLayout):
        layout.insertWidget(1, notice)
    return notice


class LiveRefresh(QObject):
    """Polls for other users' changes while a database is open."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.db: Database | None = None
        self.marker: int | None = None
        self.polling = False
        # Reads only, so not queued behind the window's writes: a serial worker of its own.
        self.reader = Background(self)
        self.timer = QTimer(self)
        self.timer.setInterval(poll_interval_ms())
        self.timer.timeout.connect(self.poll)

    def start(self, db: Database) -> None:
        self.db = db
        self.polling = False
        try:  # one quick query: where the audit trail stands now
            self.marker = changes.current_marker(db)
        except CoprodError as error:
            log.info("cannot read the change marker yet: %s", error)
            self.marker = None
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        self.db = None
        self.reader.wait()

    def poll(self) -> None:
        db = self.db
        if db is None or self.polling:
            return
        marker = self.marker
        user = db.user

        def work(_progress: Any) -> changes.Changes:
            if marker is None:
                return changes.Changes(changes.current_marker(db), frozenset(), frozenset())
            return changes.changes_since(db, marker, ignore_user=user)

        self.polling = True
        self.reader.run(
            work, lambda found: self._found(db, found), lambda error: self._failed(db, error)
        )

    def _failed(self, db: Database, error: BaseException) -> None:
        self.polling = False
        log.info("polling for changes failed: %s", error)  # quiet: the next tick tries again
        watch = getattr(self.window, "connection", None)
        if db is self.db and isinstance(error, ConnectionLostError) and watch is not None:
            watch.lost()

    def _found(self, db: Database, found: changes.Changes) -> None:
        self.polling = False
        if db is not self.db:
            return
        watch = getattr(self.window, "connection", None)
        if watch is not None:
            watch.reached()
        self.marker = found.marker
        if found.any:
            self.apply(found)

    def apply(self, found: changes.Changes) -> None:
        window = self.window
        try:
            refresh_keeping_place(window.portfolio)
            if window.registry is not None:
                window.registry.reload()
        except ConnectionLostError:  # gone again between the poll and the refresh
            watch = getattr(window, "connection", None)
            if watch is not None:
                watch.lost()
            return
        for editor in window.editors():
            if editor.initiative_id is not None and editor.initiative_id in found.initiative_ids:
                notice_for(editor).show_changed_by(sorted(found.by))
        who = ", ".join(sorted(found.by))
        window.statusBar().showMessage(
            self.tr("Updated with changes by %1").replace("%1", who), 8000
        )
