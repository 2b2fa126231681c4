"""Working beside colleagues on one database: conflicts and live refresh.

- `resolve_conflict`: an initiative was saved by someone else while the user edited it. The
  two edits are merged three ways (`domain.merge`) with the version the editor started from:
  what only one of them changed is combined without asking (and said in a notice), and only
  what both changed is shown in the `ConflictDialog` (before, mine, theirs, who changed what).
  The result is saved on top of the version now in the database, so a third save in between
  is merged again: nothing is overwritten silently.
- `LiveRefresh`: polls the audit trail (services.changes) every few seconds off the GUI thread
  (a Background worker of its own: reads need not wait behind long writes); when other users changed something the portfolio is refreshed in place (selection and
  scroll position kept) and open editors of changed initiatives get a quiet notice.
"""

from __future__ import annotations

import copy
import logging
import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, fields
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
    QVBoxLayout,
    QWidget,
)

from coprod_desktop.domain import merge as merging
from coprod_desktop.domain import model as d
from coprod_desktop.domain import vocab as v
from coprod_desktop.domain.errors import (
    ConflictError,
    ConnectionLostError,
    CoprodError,
    ValidationError,
)
from coprod_desktop.domain.merge import MINE, THEIRS, Change, Conflict, ItemKey, MergeResult, Side
from coprod_desktop.services import changes
from coprod_desktop.ui import i18n
from coprod_desktop.ui.background import Background
from coprod_desktop.ui.records import Column
from coprod_desktop.ui.widgets import vocab_label

if TYPE_CHECKING:
    from coprod_desktop.store.db import Database
    from coprod_desktop.ui.editor import EditorBase, InitiativeEditor, SaveJob
    from coprod_desktop.ui.portfolio_view import PortfolioView

log = logging.getLogger(__name__)

VOCABULARIES: dict[str, type[Enum]] = {
    "sector": v.Sector,
    "status": v.Status,
    "origin": v.Origin,
    "type": v.InitiativeType,
    "secondary_type": v.InitiativeType,
    "participation_level": v.ParticipationLevel,
    "frontline_role": v.FrontlineRole,
}
# A stored field of a child row -> the display field that names it.
_SHOWN_AS = {
    "stakeholder_id": "stakeholder_name",
    "source_id": "source_name",
    "participant_ids": "participant_names",
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
    elif name == "reviews":
        parts = [_date(record.date), record.reviewer, _short(record.assessment, 40)]
    elif name == "outcomes":
        values = "/".join("" if x is None else f"{x:g}" for x in (record.achieved, record.target))
        parts = [_short(record.indicator, 40), values, _date(record.measured_on)]
    else:  # a kind of record this dialog does not know yet: its first few values
        parts = [str(getattr(record, f.name)) for f in fields(record)[:3]]
    return " · ".join(p for p in parts if p)


def value_text(name: str, value: Any) -> str:
    """A scalar field's value in words (vocabulary labels, ISO dates)."""
    if value is None or value == "" or value == []:
        return ""
    if name in VOCABULARIES:
        return _label(VOCABULARIES[name], value)
    if name == "public_values":
        return ", ".join(_label(v.PublicValue, key) for key in value)
    if name == "co_phases":
        return ", ".join(_label(v.CoPhase, key) for key in value)
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    return str(value)


def find_row(data: d.InitiativeData | None, list_name: str, row: object) -> Any | None:
    """The child record of `data` with id `row` (None when it has none)."""
    if data is None or not isinstance(row, int):
        return None
    return next((r for r in getattr(data, list_name) if r.id == row), None)


class ConflictDialog(QDialog):
    """What both people changed, item by item, with the version they started from; what only
    one of them changed is combined already and only listed. Per item the user picks whose
    version is saved; the preselection never throws away what the other person wrote."""

    def __init__(
        self,
        result: MergeResult,
        label: Callable[[str], str] | None = None,
        by: str | None = None,
        columns: Mapping[str, Sequence[Column]] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("conflict-dialog")
        self.setWindowTitle(self.tr("Saved by someone else"))
        self.merge_result = result
        self._label = label
        self._columns = dict(columns or {})
        self.who = by or self.tr("someone else")
        self.conflicts = list(result.conflicts)
        self.keys = [c.key for c in self.conflicts]
        self.buttons_by_key: dict[ItemKey, dict[str, QRadioButton]] = {}

        layout = QVBoxLayout(self)
        title = result.theirs.title or result.mine.title or ""
        intro = QLabel(
            self.tr(
                "<b>%1 saved “%2” while you were editing it.</b> Nothing has been overwritten. "
                "What only one of you changed is combined; below is what you both changed. "
                "Preselected is whatever keeps both people's work."
            )
            .replace("%1", escape(self.who))
            .replace("%2", escape(title)),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.combined = QLabel(self.combined_text(), self)
        self.combined.setObjectName("combined-automatically")
        self.combined.setWordWrap(True)
        self.combined.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.combined)

        self.table = QTableWidget(len(self.conflicts), 4, self)
        self.table.setObjectName("conflict-table")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Changed by both"),
                self.tr("Before (when you opened it)"),
                self.tr("Your version"),
                self.tr("Their version (saved)"),
            ]
        )
        self.table.setAccessibleName(self.tr("What you both changed"))
        self.table.verticalHeader().hide()
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        for row, found in enumerate(self.conflicts):
            self._fill_row(row, found)
        self.table.setColumnWidth(0, 250)
        self.table.resizeRowsToContents()
        layout.addWidget(self.table, 1)

        choices = QHBoxLayout()
        self.all_mine = QPushButton(self.tr("Keep all &mine"), self)
        self.all_theirs = QPushButton(self.tr("Take all &theirs"), self)
        for button in (self.all_mine, self.all_theirs):
            button.setToolTip(
                self.tr("Only for the items listed; what was combined automatically stays.")
            )
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
        self.resize(1100, 640)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.table.resizeRowsToContents()  # now that the columns have their real widths

    # ------------------------------------------------------------------ words

    def list_label(self, name: str) -> str:
        lists = {
            "involvements": self.tr("Stakeholders"),
            "mandates": self.tr("Mandates"),
            "resources": self.tr("Resources"),
            "cross_pressures": self.tr("Cross-pressures"),
            "journal": self.tr("Journal"),
            "reviews": self.tr("Reviews"),
            "commitments": self.tr("Commitments"),
            "outcomes": self.tr("Outcomes"),
        }
        return lists.get(name, name)

    def field_label(self, name: str) -> str:
        return self._label(name) if self._label is not None else name

    def _column(self, list_name: str, name: str) -> Column | None:
        shown = _SHOWN_AS.get(name, name)
        return next((c for c in self._columns.get(list_name, ()) if c.field == shown), None)

    def row_field_label(self, list_name: str, name: str) -> str:
        column = self._column(list_name, name)
        return column.header if column is not None else name

    def row_value_text(self, list_name: str, name: str, value: Any, record: Any) -> str:
        """A child row's field in words: the stakeholder's name for an id, vocabulary labels."""
        if name in _SHOWN_AS and record is not None:
            shown = getattr(record, _SHOWN_AS[name])
            return ", ".join(shown) if isinstance(shown, list) else str(shown or "")
        if value is None or value == "":
            return ""
        column = self._column(list_name, name)
        if isinstance(value, bool):
            return self.tr("Yes") if value else self.tr("No")
        if column is not None and column.vocabulary is not None:
            return _label(column.vocabulary, value)
        if hasattr(value, "isoformat"):
            return str(value.isoformat())
        if isinstance(value, float):
            return f"{value:g}"
        return str(value)

    def item_title(self, found: Conflict) -> str:
        key = found.key
        if key.list_name is None:
            return self.field_label(key.field or "")
        if key.field is None:
            return self.list_label(key.list_name)
        return (
            f"{self.list_label(key.list_name)} · {self.row_field_label(key.list_name, key.field)}"
        )

    def who_changed(self, found: Conflict) -> str:
        if found.kind == merging.DELETED_BY_MINE:
            return self.tr("You deleted this row; %1 changed it.").replace("%1", self.who)
        if found.kind == merging.DELETED_BY_THEIRS:
            return self.tr("%1 deleted this row; you changed it.").replace("%1", self.who)
        if found.kind == merging.BOTH_CHANGED:
            return self.tr("Changed by you and by %1.").replace("%1", self.who)
        return self.tr("The two versions differ.")

    def value_html(self, found: Conflict, which: str) -> str:
        """One version of a conflicting item (`which`: base, mine or theirs)."""
        key = found.key
        value = getattr(found, which)
        source = getattr(self.merge_result, which)
        if key.list_name is None:
            text = value_text(key.field or "", value)
        elif key.field is None:
            if value is None:
                return "<i>{}</i>".format(self.tr("(deleted)"))
            text = row_summary(key.list_name, value)
        else:
            record = find_row(source, key.list_name, key.row)
            text = self.row_value_text(key.list_name, key.field, value, record)
        if not text:
            return "<i>{}</i>".format(self.tr("(empty)"))
        return escape(text).replace("\n", "<br>")

    def _row_context(self, found: Conflict) -> str:
        """Which row a row-field conflict is in (its summary as it was)."""
        key = found.key
        if key.list_name is None or key.field is None:
            return ""
        record = (
            find_row(self.merge_result.base, key.list_name, key.row)
            or find_row(self.merge_result.theirs, key.list_name, key.row)
            or find_row(self.merge_result.mine, key.list_name, key.row)
        )
        return row_summary(key.list_name, record) if record is not None else ""

    def combined_text(self) -> str:
        """What the merge took without asking, and from whom."""
        parts = []
        for side, who in ((THEIRS, self.who), (MINE, self.tr("you"))):
            described = describe_changes(self.merge_result.taken_from(side), self)
            if described:
                parts.append(
                    self.tr("From %1: %2")
                    .replace("%1", escape(who))
                    .replace("%2", escape("; ".join(described)))
                )
        if not parts:
            return ""
        return "<b>{}</b> {}".format(self.tr("Combined automatically."), " · ".join(parts))

    # ------------------------------------------------------------------ building

    def _fill_row(self, row: int, found: Conflict) -> None:
        title = QLabel(self.table)
        context = self._row_context(found)
        lines = [f"<b>{escape(self.item_title(found))}</b>"]
        if context:
            lines.append(escape(context))
        lines.append(f"<span style='color:#5a5a5a'>{escape(self.who_changed(found))}</span>")
        title.setText("<br>".join(lines))
        title.setTextFormat(Qt.TextFormat.RichText)
        title.setWordWrap(True)
        title.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        title.setContentsMargins(6, 4, 6, 4)
        self.table.setCellWidget(row, 0, title)
        before = QLabel(self.value_html(found, "base"), self.table)
        before.setTextFormat(Qt.TextFormat.RichText)
        before.setWordWrap(True)
        before.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        before.setContentsMargins(6, 4, 6, 4)
        before.setStyleSheet("color: #5a5a5a")
        self.table.setCellWidget(row, 1, before)
        group = QButtonGroup(self)
        self.buttons_by_key[found.key] = {}
        for column, side in ((2, MINE), (3, THEIRS)):
            cell = QWidget(self.table)
            inner = QHBoxLayout(cell)
            inner.setContentsMargins(6, 4, 6, 4)
            button = QRadioButton(cell)
            button.setAccessibleName(
                (self.tr("Keep mine: %1") if side == MINE else self.tr("Take theirs: %1")).replace(
                    "%1", self.item_title(found)
                )
            )
            text = QLabel(self.value_html(found, side), cell)
            text.setTextFormat(Qt.TextFormat.RichText)
            text.setWordWrap(True)
            text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            text.setBuddy(button)
            inner.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
            inner.addWidget(text, 1)
            group.addButton(button)
            self.buttons_by_key[found.key][side] = button
            self.table.setCellWidget(row, column, cell)
        self.choose(found.key, found.default)

    # ------------------------------------------------------------------ choices

    def choose(self, key: ItemKey, side: str) -> None:
        self.buttons_by_key[key][side].setChecked(True)

    def choose_all(self, side: str) -> None:
        for key in self.keys:
            self.choose(key, side)

    def choice(self, key: ItemKey) -> Side:
        return MINE if self.buttons_by_key[key][MINE].isChecked() else THEIRS

    def conflict_for(self, list_name: str | None, field: str | None = None) -> Conflict:
        """The first conflict about `field` of the initiative or of a row of `list_name`."""
        return next(c for c in self.conflicts if (c.list_name, c.field) == (list_name, field))

    def merged(self) -> d.InitiativeData:
        """The combination with the chosen side for each conflict; it carries the version now
        in the database."""
        return self.merge_result.resolved({key: self.choice(key) for key in self.keys})


def describe_changes(changes: Sequence[Change], dialog: ConflictDialog) -> list[str]:
    """Changes in a few words: field labels, and per child list how many rows were added,
    changed and deleted."""
    words: list[str] = []
    rows: dict[str, dict[str, set[object]]] = {}
    for change in changes:
        key = change.key
        if key.list_name is None:
            words.append(dialog.field_label(key.field or ""))
        else:
            rows.setdefault(key.list_name, {}).setdefault(change.action, set()).add(key.row)
    for list_name in d.INITIATIVE_LISTS:
        if list_name not in rows:
            continue
        counts = []
        for action, ids in rows[list_name].items():
            count = len(ids)
            if action == "added":
                counts.append(QCoreApplication.translate("ConflictDialog", "%n added", "", count))
            elif action == "deleted":
                counts.append(QCoreApplication.translate("ConflictDialog", "%n deleted", "", count))
            else:
                counts.append(QCoreApplication.translate("ConflictDialog", "%n changed", "", count))
        words.append("{} ({})".format(dialog.list_label(list_name), ", ".join(counts)))
    return words


@dataclass
class MergeState:
    """A merge being saved: what it started from and what it holds, so a further save in
    between merges again from there (the user's choices are not asked twice)."""

    base: d.InitiativeData
    mine: d.InitiativeData
    by: str
    taken: list[str] = field(default_factory=list)


def last_editor(db: Database, ident: int) -> str | None:
    """Who saved the initiative last (from its audit trail), if anyone is recorded."""
    from coprod_desktop.services import initiatives  # not at start: the ORM's models

    try:
        entries = initiatives.history(db, ident)
    except CoprodError:
        return None
    return entries[0].who if entries else None


def erased_since(db: Database, ident: int, read: d.InitiativeData) -> bool:
    """Whether a person was erased from the initiative after the editor read it."""
    from coprod_desktop.services import initiatives

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


def _columns(editor: EditorBase) -> dict[str, Sequence[Column]]:
    return {name: model.columns for name, model in editor.models.items()}


def resolve_conflict(editor: EditorBase, job: SaveJob, error: ConflictError) -> bool:
    """The editor's save met a newer version: merge three ways with the version the editor
    started from. What only one side changed is combined without asking; when both changed
    the same thing the dialog asks. The combination is saved on top of the newer version.

    Returns True (handled): either the merge is being saved (`job` restarted) or the user
    cancelled and the editor keeps everything it had.
    """
    from coprod_desktop.services import initiatives

    if editor.data.id is None:
        return False
    state: MergeState | None = editor.merge_state
    base = state.base if state is not None else copy.deepcopy(editor.original)
    mine = state.mine if state is not None else copy.deepcopy(editor.data)
    try:
        theirs = initiatives.get_initiative(editor.db, editor.data.id)
    except CoprodError:
        editor.merge_state = None
        return False  # deleted meanwhile: the plain message says so
    by = last_editor(editor.db, editor.data.id) or QCoreApplication.translate(
        "ConflictDialog", "someone else"
    )
    erased = erased_since(editor.db, editor.data.id, editor.original)
    # After an erase nothing of mine is taken unasked: my own edits may name the person
    # (typed before the erase reached this editor), so every difference is asked, theirs
    # chosen by default (a two-way merge).
    result = merging.merge(None if erased else base, mine, theirs)
    dialog = ConflictDialog(result, editor.field_label, by, _columns(editor), editor)
    if result.conflicts:
        if erased:
            warn_erased(dialog)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            editor.merge_state = None
            editor.summary_error.show_message(
                QCoreApplication.translate(
                    "ConflictDialog",
                    "Not saved. Your changes are still here; save again to compare.",
                )
            )
            return True
        merged = dialog.merged()
    else:
        merged = result.merged
    taken = describe_changes(result.taken_from(THEIRS), dialog)
    dialog.deleteLater()
    editor.merge_state = MergeState(
        theirs, merged, by, (state.taken if state is not None else []) + taken
    )
    db = editor.db
    notice = editor.findChild(EditorNotice)
    if notice is not None:
        notice.hide()
    job.restart(lambda: initiatives.save_initiative(db, merged))
    return True


def merge_invalid(editor: EditorBase, error: ValidationError) -> None:
    """The combination with a colleague's save breaks a rule (say, their end date before my
    start date): nothing saved; say why, with the editor's own version left as it was."""
    state: MergeState | None = editor.merge_state
    editor.merge_state = None
    lang = i18n.lang()
    editor.summary_error.show_message(
        QCoreApplication.translate(
            "ConflictDialog",
            "Not saved: together with the changes %1 made meanwhile, this would be invalid: %2",
        )
        .replace("%1", state.by if state is not None else "")
        .replace("%2", "; ".join(p.message(lang) for p in error.problems))
    )


def after_save(editor: EditorBase) -> None:
    """The editor saved: if the save combined a colleague's changes, say which."""
    state: MergeState | None = editor.merge_state
    editor.merge_state = None
    if state is not None and state.taken:
        notice_for(editor).show_merged(state.by, state.taken)


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

    def __init__(self, editor: EditorBase) -> None:
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
        self.label.setTextFormat(Qt.TextFormat.PlainText)  # user names are shown as typed
        self.reload_button = QPushButton(self.tr("Reload"), self)
        self.reload_button.setToolTip(self.tr("Show the version now in the database"))
        self.dismiss_button = QPushButton(self.tr("Dismiss"), self)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.reload_button)
        layout.addWidget(self.dismiss_button)
        self.reload_button.clicked.connect(self.reload)
        self.dismiss_button.clicked.connect(self.hide)
        self.hide()

    def show_merged(self, by: str, taken: list[str]) -> None:
        """After a save that combined a colleague's changes: which ones (nothing to reload)."""
        self.label.setText(
            self.tr("Saved together with the changes %1 made meanwhile: %2.")
            .replace("%1", by)
            .replace("%2", "; ".join(taken))
        )
        self.reload_button.hide()
        self.show()

    def show_changed_by(self, who: list[str]) -> None:
        names = ", ".join(sorted(who)) or self.tr("someone else")
        text = self.tr("Changed by %1 since you opened it — reload?").replace("%1", names)
        if self.editor.dirty:
            text += " " + self.tr("(If you save your changes instead, you will see both versions.)")
        self.label.setText(text)
        self.reload_button.show()
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


def notice_for(editor: EditorBase) -> EditorNotice:
    found = editor.findChild(EditorNotice)
    if found is not None:
        return found
    notice = EditorNotice(editor)
    layout = editor.layout()
    if isinstance(layout, QVBoxLayout):
        layout.insertWidget(1, notice)
    return notice


class LiveRefresh(QObject):
    """Polls for other users' changes while a database is open.

    The window hands it `refresh` (reload what it shows; may raise `ConnectionLostError`),
    `open_editors`, `show_status`, and `reached`/`lost` for its connection watch."""

    def __init__(
        self,
        parent: QObject,
        *,
        refresh: Callable[[], None],
        open_editors: Callable[[], Sequence[InitiativeEditor]],
        show_status: Callable[[str, int], None],
        reached: Callable[[], None],
        lost: Callable[[], None],
    ) -> None:
        super().__init__(parent)
        self.refresh = refresh
        self.open_editors = open_editors
        self.show_status = show_status
        self.reached = reached
        self.lost = lost
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
        if db is self.db and isinstance(error, ConnectionLostError):
            self.lost()

    def _found(self, db: Database, found: changes.Changes) -> None:
        self.polling = False
        if db is not self.db:
            return
        self.reached()
        self.marker = found.marker
        if found.any:
            self.apply(found)

    def apply(self, found: changes.Changes) -> None:
        try:
            self.refresh()
        except ConnectionLostError:  # gone again between the poll and the refresh
            self.lost()
            return
        for editor in self.open_editors():
            if editor.initiative_id is not None and editor.initiative_id in found.initiative_ids:
                notice_for(editor).show_changed_by(sorted(found.by))
        who = ", ".join(sorted(found.by))
        self.show_status(self.tr("Updated with changes by %1").replace("%1", who), 8000)
