"""The initiative editor's shell: the heading, Save/Revert/Brief, the tabs and the state they
share (the data being edited, its undo stack, the field bindings).

Each tab is built by its own module (`tab_*.py` here; commitments, reviews, outcomes and
documents beside the editor in ui/); saving, reverting and closing are in `saving.py`.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from coprod_desktop.domain import model as d
from coprod_desktop.domain.errors import ValidationError
from coprod_desktop.domain.messages import message
from coprod_desktop.store.db import Database
from coprod_desktop.ui import i18n
from coprod_desktop.ui.editor import (
    binding,
    lists,
    saving,
    tab_classification,
    tab_history,
    tab_journal,
    tab_mandate,
    tab_overview,
    tab_pressures,
    tab_resources,
    tab_stakeholders,
)
from coprod_desktop.ui.editor.binding import LONG_TEXT_FIELDS, TEXT_FIELDS, Binding
from coprod_desktop.ui.editor.context import EditorContext
from coprod_desktop.ui.editor.undo import FieldCommand, ListCommand, UndoKeysToStack
from coprod_desktop.ui.records import Column, RecordModel
from coprod_desktop.ui.widgets import DateField, ErrorLabel, VocabCombo

if TYPE_CHECKING:
    from coprod_desktop.ui.history import AuditModel
    from coprod_desktop.ui.record_forms import RecordForm


class InitiativeEditor(QWidget):
    """Edits one initiative; nothing is written until Save."""

    saved = Signal(int)
    save_finished = Signal(bool)  # every save's outcome, after its callbacks ran
    dirty_changed = Signal(bool)
    title_changed = Signal(str)
    brief_requested = Signal()

    # Built by the tab modules: the Overview's fields …
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
    # … the Classification's …
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
        context: EditorContext | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("initiative-editor")
        self.db = db
        self.context = context  # the writer and handlers Save uses (none: cannot save)
        # The version as read: the base both edits started from when a colleague saves first.
        self.original = copy.deepcopy(data)
        self.data = copy.deepcopy(data)
        self.merge_state: Any = None  # a merge with a colleague's save being saved (conflict.py)
        self.saving = False
        self.save_waiters: list[Callable[[bool], None]] = []
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
        self._undo_filter = UndoKeysToStack(self)
        self._labels: dict[str, str] | None = None
        # The classification assistant's answers (reopening shows them) and those accepted
        # (the "recorded facts point to" line follows them once a type has been accepted).
        self.assistant_answers: dict[str, str | None] | None = None
        self.accepted_answers: dict[str, str | None] | None = None

        self.heading = QLabel(self)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.save_button = QPushButton(self.tr("&Save"), self)
        self.save_button.setToolTip(self.tr("Save this initiative (Ctrl+S)"))
        self.revert_button = QPushButton(self.tr("Rever&t"), self)
        self.revert_button.setToolTip(self.tr("Throw away the changes since the last save"))
        self.save_button.clicked.connect(lambda: self.save())
        self.revert_button.clicked.connect(self.revert)
        self.brief_button = QPushButton(self.tr("Brief…"), self)
        self.brief_button.setObjectName("brief-button")
        self.brief_button.setToolTip(self.tr("Preview and print a brief of this initiative (PDF)"))
        self.brief_button.clicked.connect(self.brief_requested)
        self.summary_error = ErrorLabel(self)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.brief_button)
        top.addWidget(self.revert_button)
        top.addWidget(self.save_button)

        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self._add_tabs()
        self.tabs.currentChanged.connect(self._tab_changed)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 4)
        layout.addLayout(top)
        layout.addWidget(self.summary_error)
        layout.addWidget(self.tabs, 1)
        for child in self.findChildren(QLineEdit) + self.findChildren(QPlainTextEdit):
            child.installEventFilter(self._undo_filter)
        for child in self.findChildren(QPlainTextEdit):
            child.setUndoRedoEnabled(False)
        self.load_widgets()
        self.setFocusProxy(self.title)

    def _add_tabs(self) -> None:
        from coprod_desktop.ui.attachments_ui import attachments_tab
        from coprod_desktop.ui.commitments_tab import commitments_tab
        from coprod_desktop.ui.outcomes_tab import outcomes_tab
        from coprod_desktop.ui.reviews import reviews_tab

        tabs = self.tabs
        tabs.addTab(tab_overview.overview_tab(self), self.tr("Overview"))
        tabs.addTab(tab_classification.classification_tab(self), self.tr("Classification"))
        tabs.addTab(tab_stakeholders.stakeholders_tab(self), self.tr("Stakeholders"))
        tabs.addTab(tab_mandate.mandate_tab(self), self.tr("Mandate"))
        tabs.addTab(tab_resources.resources_tab(self), self.tr("Resources"))
        tabs.addTab(tab_pressures.pressures_tab(self), self.tr("Cross-pressures"))
        tabs.addTab(tab_journal.journal_tab(self), self.tr("Journal"))
        tabs.addTab(commitments_tab(self), self.tr("Commitments"))
        tabs.addTab(reviews_tab(self), self.tr("Reviews"))
        tabs.addTab(outcomes_tab(self), self.tr("Outcomes"))
        tabs.addTab(attachments_tab(self), self.tr("Documents"))
        tabs.addTab(tab_history.history_tab(self), self.tr("History"))

    # ------------------------------------------------------------------ state

    def field_label(self, name: str) -> str:
        if self._labels is None:  # some 40 translations, looked up once per editor
            self._labels = binding.field_labels()
        return self._labels.get(name, name)

    def _clean_changed(self, clean: bool) -> None:
        self.dirty_changed.emit(not clean)

    @property
    def initiative_id(self) -> int | None:
        return self.data.id

    @property
    def dirty(self) -> bool:
        return not self.undo.isClean()

    def tab_title(self) -> str:
        title = self.data.title or self.tr("New initiative")
        short = title if len(title) <= 28 else title[:27] + "…"
        return ("* " if self.dirty else "") + short

    def load_widgets(self) -> None:
        """Put `self.data` into every widget (no undo steps)."""
        self.loading = True
        try:
            for name, (_get, put) in self.bindings.items():
                put(getattr(self.data, name))
            self.names = {
                i.stakeholder_id: i.stakeholder_name
                for i in self.data.involvements
                if i.stakeholder_id
            }
            for res in self.data.resources:
                if res.source_id is not None:
                    self.names.setdefault(res.source_id, res.source_name)
            for promise in self.data.commitments:
                if promise.counterpart_id is not None:
                    self.names.setdefault(promise.counterpart_id, promise.counterpart_name)
            for name in lists.LISTS:
                self.models[name].set_records(getattr(self.data, name))
        finally:
            self.loading = False
        self.clear_problems()
        self.refresh_derived()
        if self.tabs.currentIndex() == self.tabs.count() - 1:
            self.load_history()

    def refresh_derived(self) -> None:
        """What follows from the data: the heading, the glance, the suggestion, the totals."""
        reference = self.data.reference or self.tr("(new)")
        self.heading.setText(f"{reference} — {self.data.title or self.tr('New initiative')}")
        self.title_changed.emit(self.tab_title())
        suggestion = tab_classification.suggested_type(self)
        tab_overview.show_glance(self, suggestion)
        tab_classification.show_suggestion(self, suggestion)
        tab_resources.show_totals(self)
        tab_pressures.show_definition(self)

    def unit_label(self, unit: str) -> str:
        return tab_resources.unit_label(unit)

    def stakeholder_choices(self) -> list[tuple[Any, str]]:
        return sorted(self.names.items(), key=lambda item: item[1].casefold())

    def open_assistant(self) -> None:
        from coprod_desktop.ui.assistant import run_assistant

        run_assistant(self)

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
        setattr(self.data, name, copy.deepcopy(records))
        lists.apply_list(self, name, records)
        self.refresh_derived()

    def _list_page(
        self,
        name: str,
        columns: list[Column],
        title: str,
        buttons: list[tuple[str, Callable[[], object]]],
        extra: QWidget | None = None,
    ) -> QWidget:
        """A child list's tab (for the tab modules beside the editor)."""
        return lists.list_page(self, name, columns, title, buttons, extra)

    def _append(self, name: str, record: Any, text: str, edit_field: str | None = None) -> None:
        lists.append(self, name, record, text, edit_field)

    def remove_row(self, name: str) -> None:
        lists.remove_row(self, name)

    def new_record(self, name: str) -> RecordForm | None:
        """Open the form for a new record; nothing is added until the form is saved."""
        return lists.new_record(self, name)

    def edit_record(self, name: str, row: int | None = None) -> RecordForm | None:
        """Open the form for the current (or given) row."""
        return lists.edit_record(self, name, row)

    def add_involvement(self, person: d.StakeholderData, role: str = "partner") -> None:
        tab_stakeholders.add_involvement(self, person, role)

    def add_existing_stakeholder(self) -> None:
        tab_stakeholders.add_existing_stakeholder(self)

    def create_stakeholder(self) -> None:
        tab_stakeholders.create_stakeholder(self)

    def add_mandate(self) -> None:
        tab_mandate.add_mandate(self)

    def add_resource(self) -> None:
        tab_resources.add_resource(self)

    def add_pressure(self) -> None:
        tab_pressures.add_pressure(self)

    def add_journal(self) -> None:
        tab_journal.add_journal(self)

    def set_participants(self, row: int, ids: list[int]) -> None:
        tab_journal.set_participants(self, row, ids)

    def commitment_from_journal(self) -> None:
        from coprod_desktop.ui.commitments_tab import from_journal

        from_journal(self)

    def remove_journal_entry(self) -> None:
        from coprod_desktop.ui.commitments_tab import remove_journal_entry

        remove_journal_entry(self)

    # ------------------------------------------------------------------ saving

    def clear_problems(self) -> None:
        saving.clear_problems(self)

    def show_problems(self, error: ValidationError) -> None:
        saving.show_problems(self, error)

    def save(self, on_done: Callable[[bool], None] | None = None) -> None:
        """Start saving and return at once; `on_done(ok)` and `save_finished(ok)` tell how it
        went (inline errors on invalid input)."""
        saving.save(self, on_done)

    def revert(self) -> None:
        """Back to the stored version (re-read, so someone else's save shows up)."""
        saving.revert(self)

    def maybe_close(self, then: Callable[[bool], None]) -> None:
        """Ask about unsaved changes; `then(True)` when the tab may close (at once, or once
        the save the user asked for has gone through)."""
        saving.maybe_close(self, then)

    # ------------------------------------------------------------------ history

    def _tab_changed(self, index: int) -> None:
        if index == self.tabs.count() - 1:
            self.load_history()

    def load_history(self) -> None:
        tab_history.load_history(self)
