"""The initiative editor's shell: the heading, Save/Revert/Brief and the tabs, each built by
its own module (`tab_*.py` here; commitments, reviews, outcomes and documents beside the editor
in ui/). The state the tabs share is `EditorBase` (`base.py`); saving, reverting and closing
are in `saving.py`; the child lists and their forms in `lists.py`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

import coprod_desktop.ui.editor.lists as lists
import coprod_desktop.ui.editor.saving as saving
from coprod_desktop.domain import model as d
from coprod_desktop.domain.errors import ValidationError
from coprod_desktop.store.db import Database
from coprod_desktop.ui.editor.context import EditorContext
from coprod_desktop.ui.editor.editor_base import EditorBase
from coprod_desktop.ui.editor.lists import LISTS
from coprod_desktop.ui.editor.tab_classification import (
    classification_tab,
    show_suggestion,
    suggested_type,
)
from coprod_desktop.ui.editor.tab_history import history_tab, load_history
from coprod_desktop.ui.editor.tab_journal import add_journal, journal_tab, set_participants
from coprod_desktop.ui.editor.tab_mandate import add_mandate, mandate_tab
from coprod_desktop.ui.editor.tab_overview import overview_tab, show_glance
from coprod_desktop.ui.editor.tab_pressures import add_pressure, pressures_tab, show_definition
from coprod_desktop.ui.editor.tab_resources import add_resource, resources_tab, show_totals
from coprod_desktop.ui.editor.tab_stakeholders import (
    add_existing_stakeholder,
    add_involvement,
    create_stakeholder,
    stakeholders_tab,
)
from coprod_desktop.ui.editor.undo import UndoKeysToStack
from coprod_desktop.ui.record_forms import RecordForm
from coprod_desktop.ui.records import Column
from coprod_desktop.ui.widgets import ErrorLabel


class InitiativeEditor(EditorBase):
    """Edits one initiative; nothing is written until Save."""

    def __init__(
        self,
        db: Database,
        data: d.InitiativeData,
        parent: QWidget | None = None,
        *,
        context: EditorContext[EditorBase] | None = None,
    ) -> None:
        super().__init__(db, data, parent, context=context)
        self.setObjectName("initiative-editor")
        self._undo_filter = UndoKeysToStack(self)

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
        # the tabs beside the editor in ui/, imported when the first editor opens
        from coprod_desktop.ui.commitments_tab import commitments_tab
        from coprod_desktop.ui.documents_tab import attachments_tab
        from coprod_desktop.ui.outcomes_tab import outcomes_tab
        from coprod_desktop.ui.reviews import reviews_tab

        tabs = self.tabs
        tabs.addTab(overview_tab(self), self.tr("Overview"))
        tabs.addTab(classification_tab(self), self.tr("Classification"))
        tabs.addTab(stakeholders_tab(self), self.tr("Stakeholders"))
        tabs.addTab(mandate_tab(self), self.tr("Mandate"))
        tabs.addTab(resources_tab(self), self.tr("Resources"))
        tabs.addTab(pressures_tab(self), self.tr("Cross-pressures"))
        tabs.addTab(journal_tab(self), self.tr("Journal"))
        tabs.addTab(commitments_tab(self), self.tr("Commitments"))
        tabs.addTab(reviews_tab(self), self.tr("Reviews"))
        tabs.addTab(outcomes_tab(self), self.tr("Outcomes"))
        tabs.addTab(attachments_tab(self), self.tr("Documents"))
        tabs.addTab(history_tab(self), self.tr("History"))

    # ------------------------------------------------------------------ state

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
            for name in LISTS:
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
        suggestion = suggested_type(self)
        show_glance(self, suggestion)
        show_suggestion(self, suggestion)
        show_totals(self)
        show_definition(self)

    def open_assistant(self) -> None:
        from coprod_desktop.ui.assistant import run_assistant

        run_assistant(self)

    # ------------------------------------------------------------------ the child lists

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
        add_involvement(self, person, role)

    def add_existing_stakeholder(self) -> None:
        add_existing_stakeholder(self)

    def create_stakeholder(self) -> None:
        create_stakeholder(self)

    def add_mandate(self) -> None:
        add_mandate(self)

    def add_resource(self) -> None:
        add_resource(self)

    def add_pressure(self) -> None:
        add_pressure(self)

    def add_journal(self) -> None:
        add_journal(self)

    def set_participants(self, row: int, ids: list[int]) -> None:
        set_participants(self, row, ids)

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

    def save(self, on_done: Callable[[bool], object] | None = None) -> None:
        """Start saving and return at once; `on_done(ok)` and `save_finished(ok)` tell how it
        went (inline errors on invalid input)."""
        saving.save(self, on_done)

    def revert(self) -> None:
        """Back to the stored version (re-read, so someone else's save shows up)."""
        saving.revert(self)

    def maybe_close(self, then: Callable[[bool], object]) -> None:
        """Ask about unsaved changes; `then(True)` when the tab may close (at once, or once
        the save the user asked for has gone through)."""
        saving.maybe_close(self, then)

    # ------------------------------------------------------------------ history

    def _tab_changed(self, index: int) -> None:
        if index == self.tabs.count() - 1:
            self.load_history()

    def load_history(self) -> None:
        load_history(self)
