"""What every part of the editor works on: `EditorBase`, the editor's state (the data being
edited, its undo stack, the field bindings, the widgets the tabs made) and the edits every tab
makes the same way.

The tab modules, `binding.py`, `lists.py` and `saving.py` are written against this class, not
against `InitiativeEditor` (`widget.py`), which builds them: so nothing the editor imports
imports the editor back. The methods at the end are done by `InitiativeEditor`.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QTableView,
    QTabWidget,
    QWidget,
)

from coprod_desktop.domain import model as d
from coprod_desktop.domain.messages import message
from coprod_desktop.store.db import Database
from coprod_desktop.ui import i18n
from coprod_desktop.ui.editor.context import EditorContext
from coprod_desktop.ui.editor.field_lists import (
    LONG_TEXT_FIELDS,
    TEXT_FIELDS,
    field_labels,
    unit_label,
)
from coprod_desktop.ui.editor.undo import FieldCommand, ListCommand
from coprod_desktop.ui.records import Column, RecordModel
from coprod_desktop.ui.widgets import DateField, ErrorLabel, VocabCombo

if TYPE_CHECKING:
    from coprod_desktop.ui.history import AuditModel
    from coprod_desktop.ui.record_forms import RecordForm

Binding = tuple[Callable[[], Any], Callable[[Any], None]]


class EditorBase(QWidget):
    """The state of one initiative being edited; nothing is written until Save."""

    saved = Signal(int)
    save_finished = Signal(bool)  # every save's outcome, after its callbacks ran
    dirty_changed = Signal(bool)
    title_changed = Signal(str)
    brief_requested = Signal()

    # Made by the shell: the buttons and the tabs …
    heading: QLabel
    save_button: QPushButton
    revert_button: QPushButton
    brief_button: QPushButton
    summary_error: ErrorLabel
    tabs: QTabWidget
    # … by the Overview …
    title: QLineEdit
    reference: QLineEdit
    summary: QPlainTextEdit
    description: QPlainTextEdit
    sector: VocabCombo
    area: QLineEdit
    status: VocabCombo
    origin: VocabCombo
    owner: QLineEdit
    responsible_manager: QLineEdit
    start_date: DateField
    end_date: DateField
    next_review: DateField
    kle_topic: QLineEdit
    latitude: QLineEdit
    longitude: QLineEdit
    glance: QLabel
    # … by the Classification …
    type_group: QButtonGroup
    type_buttons: dict[str | None, QRadioButton]
    type_cards: dict[str, QLabel]
    suggestion: QLabel
    assistant_button: QPushButton
    secondary_type: VocabCombo
    type_rationale: QPlainTextEdit
    participation_level: VocabCombo
    frontline_role: VocabCombo
    value_boxes: dict[str, QCheckBox]
    phase_boxes: dict[str, QCheckBox]
    # … and what the list tabs show beside their tables.
    totals: QLabel
    definition: QLabel
    history: QTableView
    history_model: AuditModel

    def __init__(
        self,
        db: Database,
        data: d.InitiativeData,
        parent: QWidget | None = None,
        *,
        context: EditorContext[EditorBase] | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.context = context  # the writer and handlers Save uses (none: cannot save)
        # The version as read: the base both edits started from when a colleague saves first.
        self.original = copy.deepcopy(data)
        self.data = copy.deepcopy(data)
        self.merge_state: Any = None  # a merge with a colleague's save being saved (conflict.py)
        self.saving = False
        self.save_waiters: list[Callable[[bool], object]] = []
        # Nothing can be changed or saved (a read-only database: ui/read_only.py sets it).
        self.read_only = False
        self.undo = QUndoStack(self)
        self.undo.cleanChanged.connect(self._clean_changed)
        self.loading = False  # widgets being filled from the data: no undo steps
        self.bindings: dict[str, Binding] = {}
        self.errors: dict[str, ErrorLabel] = {}
        self.date_problems: set[str] = set()
        self.models: dict[str, RecordModel] = {}
        self.tables: dict[str, QTableView] = {}
        self.pages: dict[str, QWidget] = {}
        self.list_errors: dict[str, ErrorLabel] = {}
        self.names: dict[int, str] = {}
        self._labels: dict[str, str] | None = None
        # The classification assistant's answers (reopening shows them) and those accepted
        # (the "recorded facts point to" line follows them once a type has been accepted).
        self.assistant_answers: dict[str, str | None] | None = None
        self.accepted_answers: dict[str, str | None] | None = None

    # ------------------------------------------------------------------ state

    def field_label(self, name: str) -> str:
        if self._labels is None:  # some 40 translations, looked up once per editor
            self._labels = field_labels()
        return self._labels.get(name, name)

    def _clean_changed(self, clean: bool) -> None:
        self.dirty_changed.emit(not clean)

    @property
    def initiative_id(self) -> int | None:
        return self.data.id

    @property
    def dirty(self) -> bool:
        return not self.undo.isClean()

    def unit_label(self, unit: str) -> str:
        return unit_label(unit)

    def stakeholder_choices(self) -> list[tuple[Any, str]]:
        return sorted(self.names.items(), key=lambda item: item[1].casefold())

    # ------------------------------------------------------------------ editing

    def edited(self, name: str) -> None:
        """The widget of field `name` changed: one undo step (typing merges into one)."""
        if self.loading:
            return
        get, _put = self.bindings[name]
        new = get()
        old = getattr(self.data, name)
        if new == old:
            return
        merge = name in TEXT_FIELDS or name in LONG_TEXT_FIELDS
        if name in self.errors:
            self.errors[name].show_message("")
        self.undo.push(FieldCommand(self, name, old, new, merge))

    def date_edited(self, name: str, field: DateField) -> None:
        """A date that cannot be read is said beside the field and blocks Save."""
        if self.loading:
            return
        ok, _value = field.value()
        if not ok:
            self.date_problems.add(name)
            self.errors[name].show_message(
                message("sheet_bad_date", i18n.lang(), value=field.text())
            )
            return
        self.date_problems.discard(name)
        self.errors[name].show_message("")
        self.edited(name)

    def apply_value(self, name: str, value: Any) -> None:
        """Show `value` as the field `name` (an undo step being done or undone)."""
        setattr(self.data, name, copy.deepcopy(value))
        self.loading = True
        try:
            self.bindings[name][1](value)
        finally:
            self.loading = False
        if name in self.errors:
            self.errors[name].show_message("")
        self.refresh_derived()

    def change_list(self, name: str, records: list[Any], text: str) -> None:
        self.undo.push(ListCommand(self, name, getattr(self.data, name), records, text))

    def apply_list(self, name: str, records: list[Any]) -> None:
        """Show `records` as the list `name` (an undo step being done or undone)."""
        setattr(self.data, name, copy.deepcopy(records))
        model = self.models[name]
        if model.records != records:
            table = self.tables[name]
            current = table.currentIndex()
            model.set_records(records)
            if current.isValid() and current.row() < len(records):
                table.setCurrentIndex(model.index(current.row(), current.column()))
        self.list_errors[name].show_message("")
        model.set_problems({})
        self.refresh_derived()

    # ------------------------------------------------------------------ done by the shell

    def refresh_derived(self) -> None:
        """What follows from the data: the heading, the glance, the suggestion, the totals."""
        raise NotImplementedError

    def load_widgets(self) -> None:
        raise NotImplementedError

    def save(self, on_done: Callable[[bool], object] | None = None) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError

    def open_assistant(self) -> None:
        raise NotImplementedError

    def new_record(self, name: str) -> RecordForm | None:
        raise NotImplementedError

    def edit_record(self, name: str, row: int | None = None) -> RecordForm | None:
        raise NotImplementedError

    def remove_row(self, name: str) -> None:
        raise NotImplementedError

    def add_involvement(self, person: d.StakeholderData, role: str = "partner") -> None:
        raise NotImplementedError

    def add_existing_stakeholder(self) -> None:
        raise NotImplementedError

    def create_stakeholder(self) -> None:
        raise NotImplementedError

    def commitment_from_journal(self) -> None:
        raise NotImplementedError

    def remove_journal_entry(self) -> None:
        raise NotImplementedError

    def _list_page(
        self,
        name: str,
        columns: list[Column],
        title: str,
        buttons: list[tuple[str, Callable[[], object]]],
        extra: QWidget | None = None,
    ) -> QWidget:
        raise NotImplementedError

    def _append(self, name: str, record: Any, text: str, edit_field: str | None = None) -> None:
        raise NotImplementedError
