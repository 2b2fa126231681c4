"""The initiative editor: one tab per open initiative, with its own tabs and undo stack."""

from __future__ import annotations

import copy
import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from coprod_desktop.domain import analysis
from coprod_desktop.domain import model as d
from coprod_desktop.domain import vocab as v
from coprod_desktop.domain.classification import suggest
from coprod_desktop.domain.errors import ConflictError, CoprodError, ValidationError
from coprod_desktop.domain.messages import message
from coprod_desktop.domain.typology import PRESSURE_DEFINITIONS
from coprod_desktop.services import initiatives, stakeholders
from coprod_desktop.store.db import Database
from coprod_desktop.ui import i18n
from coprod_desktop.ui.assistant import tab_lands_on_checked
from coprod_desktop.ui.dialogs import (
    StakeholderDialog,
    StakeholderPicker,
    typology_card_html,
)
from coprod_desktop.ui.history import AuditModel
from coprod_desktop.ui.record_forms import FORM_ORDER, RecordForm
from coprod_desktop.ui.records import Column, RecordDelegate, RecordModel, format_number
from coprod_desktop.ui.widgets import DateField, ErrorLabel, VocabCombo, vocab_label, with_error

TEXT_FIELDS = (
    "reference",
    "title",
    "area",
    "owner",
    "responsible_manager",
    "kle_topic",
)
LONG_TEXT_FIELDS = ("summary", "description", "type_rationale")
DATE_FIELDS = ("start_date", "end_date", "next_review")
LISTS = d.INITIATIVE_LISTS
# interchange list name -> attribute, interchange field -> attribute
LIST_PATHS = {
    "stakeholders": "involvements",
    "mandates": "mandates",
    "resources": "resources",
    "cross_pressures": "cross_pressures",
    "journal": "journal",
    "reviews": "reviews",
    "commitments": "commitments",
    "outcomes": "outcomes",
}
FIELD_ALIASES = {
    "stakeholder": "stakeholder_name",
    "source": "source_id",
    "counterpart": "counterpart_id",
}
_PATH = re.compile(r"^(\w+)\[(\d+)\]\.(\w+)$")


class FieldCommand(QUndoCommand):
    """One field of the initiative changed; typing in the same field merges into one step."""

    def __init__(
        self, editor: InitiativeEditor, name: str, old: Any, new: Any, merge: bool
    ) -> None:
        super().__init__(editor.field_label(name))
        self.editor = editor
        self.name = name
        self.old = copy.deepcopy(old)
        self.new = copy.deepcopy(new)
        self.merge = merge

    def id(self) -> int:
        return 1 + (TEXT_FIELDS + LONG_TEXT_FIELDS).index(self.name) if self.merge else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if isinstance(other, FieldCommand) and other.name == self.name and self.merge:
            self.new = copy.deepcopy(other.new)
            return True
        return False

    def redo(self) -> None:
        self.editor.apply_value(self.name, self.new)

    def undo(self) -> None:
        self.editor.apply_value(self.name, self.old)


class ListCommand(QUndoCommand):
    """A child list (stakeholders, mandates, …) changed."""

    def __init__(
        self, editor: InitiativeEditor, name: str, old: list[Any], new: list[Any], text: str
    ) -> None:
        super().__init__(text)
        self.editor = editor
        self.name = name
        self.old = copy.deepcopy(old)
        self.new = copy.deepcopy(new)

    def redo(self) -> None:
        self.editor.apply_list(self.name, self.new)

    def undo(self) -> None:
        self.editor.apply_list(self.name, self.old)


class _UndoKeysToStack(QObject):
    """Let Ctrl+Z / Ctrl+Shift+Z reach the editor's undo stack instead of a line edit's own."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            if event.matches(QKeySequence.StandardKey.Undo) or event.matches(
                QKeySequence.StandardKey.Redo
            ):
                event.ignore()
                return True
            combo = event.keyCombination()
            if combo.key() == Qt.Key.Key_Z and combo.keyboardModifiers() & (
                Qt.KeyboardModifier.ControlModifier
            ):
                event.ignore()
                return True
        return False


class _RecordKeys(QObject):
    """Keys on a record table: Return edits the current row in its form, Insert adds one,
    Delete removes the current row (undoable). Typing never lands in a cell."""

    def __init__(self, editor: InitiativeEditor, name: str) -> None:
        super().__init__(editor)
        self.editor = editor
        self.name = name

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
                return False
            key = event.key()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.editor.edit_record(self.name)
                return True
            if key == Qt.Key.Key_Insert:
                self.editor.new_record(self.name)
                return True
            if key == Qt.Key.Key_Delete:
                self.editor.remove_row(self.name)
                return True
        return False


def _table(model: RecordModel, parent: QWidget, name: str) -> QTableView:
    table = QTableView(parent)
    table.setModel(model)
    table.setItemDelegate(RecordDelegate(table))
    table.setAccessibleName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    # Records are edited in a form (Return, double-click); cell editors lost typed values.
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setTabKeyNavigation(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    metrics = table.fontMetrics()
    for column, spec in enumerate(model.columns):
        width = max(spec.width, metrics.horizontalAdvance(spec.header) + 24)
        if spec.kind == "vocab" and spec.vocabulary is not None:
            longest = max(metrics.horizontalAdvance(m.label(i18n.lang())) for m in spec.vocabulary)
            width = max(width, min(longest + 16, 260))
        table.setColumnWidth(column, width)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 12)
    return table


class InitiativeEditor(QWidget):
    """Edits one initiative; nothing is written until Save."""

    saved = Signal(int)
    dirty_changed = Signal(bool)
    title_changed = Signal(str)
    brief_requested = Signal()

    def __init__(self, db: Database, data: d.InitiativeData, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("initiative-editor")
        self.db = db
        # The version as read: the base both edits started from when a colleague saves first.
        self.original = copy.deepcopy(data)
        self.data = copy.deepcopy(data)
        self.merge_state: Any = None  # a merge with a colleague's save being saved (conflict.py)
        self.undo = QUndoStack(self)
        self.undo.cleanChanged.connect(self._clean_changed)
        self._loading = False
        self.bindings: dict[str, tuple[Callable[[], Any], Callable[[Any], None]]] = {}
        self.errors: dict[str, ErrorLabel] = {}
        self.date_problems: set[str] = set()
        self.models: dict[str, RecordModel] = {}
        self.tables: dict[str, QTableView] = {}
        self.pages: dict[str, QWidget] = {}
        self.list_errors: dict[str, ErrorLabel] = {}
        self.names: dict[int, str] = {}
        self._undo_filter = _UndoKeysToStack(self)
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
        self.save_button.clicked.connect(self.save)
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
        self.tabs.addTab(self._overview_tab(), self.tr("Overview"))
        self.tabs.addTab(self._classification_tab(), self.tr("Classification"))
        self.tabs.addTab(self._stakeholders_tab(), self.tr("Stakeholders"))
        self.tabs.addTab(self._mandate_tab(), self.tr("Mandate"))
        self.tabs.addTab(self._resources_tab(), self.tr("Resources"))
        self.tabs.addTab(self._pressures_tab(), self.tr("Cross-pressures"))
        self.tabs.addTab(self._journal_tab(), self.tr("Journal"))
        from coprod_desktop.ui.commitments_tab import commitments_tab

        self.tabs.addTab(commitments_tab(self), self.tr("Commitments"))
        from coprod_desktop.ui.reviews import reviews_tab

        self.tabs.addTab(reviews_tab(self), self.tr("Reviews"))
        from coprod_desktop.ui.outcomes_tab import outcomes_tab

        self.tabs.addTab(outcomes_tab(self), self.tr("Outcomes"))
        from coprod_desktop.ui.attachments_ui import attachments_tab

        self.tabs.addTab(attachments_tab(self), self.tr("Documents"))
        self.tabs.addTab(self._history_tab(), self.tr("History"))
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

    # ------------------------------------------------------------------ building

    def field_label(self, name: str) -> str:
        if self._labels is None:  # some 40 translations, looked up once per editor
            self._labels = self._field_labels()
        return self._labels.get(name, name)

    def _field_labels(self) -> dict[str, str]:
        return {
            "reference": self.tr("Reference"),
            "title": self.tr("Title"),
            "summary": self.tr("Summary"),
            "description": self.tr("Description"),
            "sector": self.tr("Sector"),
            "area": self.tr("Area"),
            "status": self.tr("Status"),
            "origin": self.tr("Origin"),
            "owner": self.tr("Owner"),
            "responsible_manager": self.tr("Responsible manager"),
            "start_date": self.tr("Start date"),
            "end_date": self.tr("End date"),
            "next_review": self.tr("Next review"),
            "kle_topic": self.tr("KLE topic"),
            "type": self.tr("Type"),
            "secondary_type": self.tr("Secondary type"),
            "type_rationale": self.tr("Rationale"),
            "participation_level": self.tr("Participation level (IAP2)"),
            "public_values": self.tr("Public values"),
            "frontline_role": self.tr("Frontline role"),
            "co_phases": self.tr("Co-production phases"),
            "latitude": self.tr("Latitude"),
            "longitude": self.tr("Longitude"),
        }

    def _with_error(self, name: str, widget: QWidget, parent: QWidget) -> QWidget:
        box, self.errors[name] = with_error(widget, parent)
        return box

    def _add_row(self, form: QFormLayout, name: str, widget: QWidget, parent: QWidget) -> None:
        label = QLabel(self.field_label(name), parent)
        label.setBuddy(widget)
        label.setWordWrap(False)
        widget.setAccessibleName(self.field_label(name))
        form.addRow(label, self._with_error(name, widget, parent))

    def _bind_text(self, name: str, edit: QLineEdit) -> None:
        def get() -> Any:
            text = edit.text().strip()
            return text if name == "title" else (text or None)

        def put(value: Any) -> None:
            if get() != value:
                edit.setText(value or "")

        self.bindings[name] = (get, put)
        edit.textChanged.connect(lambda _t: self._edited(name))

    def _bind_long_text(self, name: str, edit: QPlainTextEdit) -> None:
        def get() -> Any:
            return edit.toPlainText().strip() or None

        def put(value: Any) -> None:
            if get() != value:
                edit.setPlainText(value or "")

        self.bindings[name] = (get, put)
        edit.setTabChangesFocus(True)
        edit.textChanged.connect(lambda: self._edited(name))

    def _bind_coordinate(self, name: str, edit: QLineEdit) -> None:
        """Decimal degrees; a comma is read as a decimal point. Text that is not a number is
        kept as typed, so saving reports it beside the field instead of dropping it."""

        def get() -> Any:
            text = edit.text().strip()
            if not text:
                return None
            try:
                return float(text.replace(",", "."))
            except ValueError:
                return text

        def put(value: Any) -> None:
            if get() != value:
                edit.setText("" if value is None else str(value))

        self.bindings[name] = (get, put)
        edit.textChanged.connect(lambda _t: self._edited(name))

    def _phase_boxes(self, page: QWidget) -> QWidget:
        """Check boxes for the four Co's (Loeffler & Bovaird), bound to `co_phases`."""
        box = QWidget(page)
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        self.phase_boxes: dict[str, QCheckBox] = {}
        for phase in v.CoPhase:
            check = QCheckBox(phase.label(i18n.lang()), box)
            check.toggled.connect(lambda _on: self._edited("co_phases"))
            row.addWidget(check)
            self.phase_boxes[phase.value] = check
        row.addStretch(1)

        def get() -> Any:
            return [k for k, check in self.phase_boxes.items() if check.isChecked()]

        def put(value: Any) -> None:
            for key, check in self.phase_boxes.items():
                check.setChecked(key in (value or []))

        self.bindings["co_phases"] = (get, put)
        return box

    def _bind_combo(self, name: str, combo: VocabCombo) -> None:
        self.bindings[name] = (combo.key, combo.set_key)
        combo.currentIndexChanged.connect(lambda _i: self._edited(name))

    def _bind_date(self, name: str, field: DateField) -> None:
        def get() -> Any:
            return field.value()[1]

        def put(value: Any) -> None:
            field.set_value(value)

        self.bindings[name] = (get, put)
        field.changed.connect(lambda: self._date_edited(name, field))

    def _form_page(self) -> tuple[QScrollArea, QWidget]:
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        # Ctrl+Tab onto the page puts the focus on its first field, not on the scroll area.
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        page = QWidget(scroll)
        scroll.setWidget(page)
        return scroll, page

    def _overview_tab(self) -> QWidget:
        scroll, page = self._form_page()
        columns = QHBoxLayout(page)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.reference = QLineEdit(page)
        self.reference.setPlaceholderText(self.tr("Given on first save, e.g. CP-2026-001"))
        self.title = QLineEdit(page)
        self.summary = QPlainTextEdit(page)
        self.summary.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 14)
        self.description = QPlainTextEdit(page)
        self.description.setMinimumHeight(self.fontMetrics().lineSpacing() * 5 + 14)
        self.sector = VocabCombo(v.Sector, parent=page)
        self.area = QLineEdit(page)
        self.status = VocabCombo(v.Status, parent=page)
        self.origin = VocabCombo(v.Origin, empty="", parent=page)
        self.owner = QLineEdit(page)
        self.responsible_manager = QLineEdit(page)
        self.start_date = DateField(page)
        self.end_date = DateField(page)
        self.next_review = DateField(page)
        self.kle_topic = QLineEdit(page)
        self.kle_topic.setPlaceholderText(self.tr("e.g. 00.01.00"))
        self.latitude = QLineEdit(page)
        self.latitude.setPlaceholderText(self.tr("WGS84, e.g. 56.1572"))
        self.longitude = QLineEdit(page)
        self.longitude.setPlaceholderText(self.tr("WGS84, e.g. 10.2107"))
        widgets: list[tuple[str, QWidget]] = [
            ("title", self.title),
            ("reference", self.reference),
            ("summary", self.summary),
            ("description", self.description),
            ("sector", self.sector),
            ("area", self.area),
            ("status", self.status),
            ("origin", self.origin),
            ("owner", self.owner),
            ("responsible_manager", self.responsible_manager),
            ("start_date", self.start_date),
            ("end_date", self.end_date),
            ("next_review", self.next_review),
            ("kle_topic", self.kle_topic),
            ("latitude", self.latitude),
            ("longitude", self.longitude),
        ]
        for name, widget in widgets:
            self._add_row(form, name, widget, page)
            if name in ("latitude", "longitude") and isinstance(widget, QLineEdit):
                self._bind_coordinate(name, widget)
            elif isinstance(widget, QLineEdit):
                self._bind_text(name, widget)
            elif isinstance(widget, QPlainTextEdit):
                self._bind_long_text(name, widget)
            elif isinstance(widget, VocabCombo):
                self._bind_combo(name, widget)
            elif isinstance(widget, DateField):
                self._bind_date(name, widget)
        previous: QWidget | None = None
        for _name, widget in widgets:
            target = widget.edit if isinstance(widget, DateField) else widget
            if previous is not None:
                QWidget.setTabOrder(previous, target)
            previous = target

        glance = QGroupBox(self.tr("At a glance"), page)
        glance_layout = QVBoxLayout(glance)
        self.glance = QLabel(glance)
        self.glance.setWordWrap(True)
        self.glance.setTextFormat(Qt.TextFormat.RichText)
        self.glance.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        glance_layout.addWidget(self.glance)
        glance_layout.addStretch(1)
        columns.addLayout(form, 3)
        columns.addWidget(glance, 2)
        return scroll

    def _classification_tab(self) -> QWidget:
        scroll, page = self._form_page()
        layout = QVBoxLayout(page)
        intro = QLabel(
            self.tr(
                "Which practice of co-production is this? Each card summarises one type of the "
                "typology by Agger & Tortzen (2023)."
            ),
            page,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.type_group = QButtonGroup(page)
        self.type_buttons: dict[str | None, QRadioButton] = {}
        none = QRadioButton(self.tr("Not classified yet"), page)
        self.type_buttons[None] = none
        self.type_group.addButton(none)
        layout.addWidget(none)
        cards = QHBoxLayout()
        self.type_cards: dict[str, QLabel] = {}
        for member in v.InitiativeType:
            frame = QFrame(page)
            frame.setObjectName("type-card")
            frame.setFrameShape(QFrame.Shape.StyledPanel)
            inner = QVBoxLayout(frame)
            button = QRadioButton(member.label(i18n.lang()), frame)
            button.setAccessibleName(self.tr("Type: %1").replace("%1", member.label(i18n.lang())))
            card = QLabel(typology_card_html(member.value, i18n.lang()), frame)
            card.setWordWrap(True)
            card.setTextFormat(Qt.TextFormat.RichText)
            card.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            card.setMinimumWidth(220)
            inner.addWidget(button)
            inner.addWidget(card, 1)
            cards.addWidget(frame, 1)
            self.type_buttons[member.value] = button
            self.type_cards[member.value] = card
            self.type_group.addButton(button)
        layout.addLayout(cards)
        self.suggestion = QLabel(page)
        self.suggestion.setWordWrap(True)
        self.assistant_button = QPushButton(self.tr("Classification &assistant…"), page)
        self.assistant_button.setToolTip(
            self.tr("Answer a few plain questions; the assistant suggests a type")
        )
        self.assistant_button.clicked.connect(self.open_assistant)
        suggestion_row = QHBoxLayout()
        suggestion_row.addWidget(self.suggestion, 1)
        suggestion_row.addWidget(self.assistant_button)
        layout.addLayout(suggestion_row)
        self.errors["type"] = ErrorLabel(page)
        layout.addWidget(self.errors["type"])

        def get_type() -> Any:
            for key, button in self.type_buttons.items():
                if button.isChecked():
                    return key
            return None

        def put_type(value: Any) -> None:
            self.type_buttons.get(value, none).setChecked(True)

        self.bindings["type"] = (get_type, put_type)
        self.type_group.buttonToggled.connect(lambda _b, on: self._type_edited() if on else None)
        tab_lands_on_checked(self.type_group)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.secondary_type = VocabCombo(v.InitiativeType, empty=self.tr("(none)"), parent=page)
        self.type_rationale = QPlainTextEdit(page)
        self.type_rationale.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 14)
        self.participation_level = VocabCombo(v.ParticipationLevel, empty="", parent=page)
        self.participation_level.setToolTip(
            self.tr("The IAP2 spectrum: inform, consult, involve, collaborate, empower")
        )
        self.frontline_role = VocabCombo(v.FrontlineRole, empty="", parent=page)
        values_box = QWidget(page)
        grid = QGridLayout(values_box)
        grid.setContentsMargins(0, 0, 0, 0)
        self.value_boxes: dict[str, QCheckBox] = {}
        for position, value in enumerate(v.PublicValue):
            box = QCheckBox(value.label(i18n.lang()), values_box)
            box.toggled.connect(lambda _on: self._edited("public_values"))
            grid.addWidget(box, position // 2, position % 2)
            self.value_boxes[value.value] = box

        def get_values() -> Any:
            return [k for k, box in self.value_boxes.items() if box.isChecked()]

        def put_values(value: Any) -> None:
            for key, box in self.value_boxes.items():
                box.setChecked(key in (value or []))

        self.bindings["public_values"] = (get_values, put_values)
        phases_box = self._phase_boxes(page)
        self._add_row(form, "secondary_type", self.secondary_type, page)
        self._bind_combo("secondary_type", self.secondary_type)
        self._add_row(form, "type_rationale", self.type_rationale, page)
        self._bind_long_text("type_rationale", self.type_rationale)
        self._add_row(form, "participation_level", self.participation_level, page)
        self._bind_combo("participation_level", self.participation_level)
        self._add_row(form, "public_values", values_box, page)
        self._add_row(form, "co_phases", phases_box, page)
        self._add_row(form, "frontline_role", self.frontline_role, page)
        self._bind_combo("frontline_role", self.frontline_role)
        layout.addLayout(form)
        layout.addStretch(1)
        return scroll

    def _list_page(
        self,
        name: str,
        columns: list[Column],
        title: str,
        buttons: list[tuple[str, Callable[[], object]]],
        extra: QWidget | None = None,
    ) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        model = RecordModel(columns, lambda records: self._list_edited(name, records), page)
        table = _table(model, page, title)
        self.models[name] = model
        self.tables[name] = table
        self.pages[name] = page
        table.installEventFilter(_RecordKeys(self, name))
        table.doubleClicked.connect(lambda index: self.edit_record(name, index.row()))
        bar = QHBoxLayout()
        for text, action in buttons:
            button = QPushButton(text, page)
            # Space or Return typed elsewhere must never press "Add …" or "Remove".
            button.setAutoDefault(False)
            button.setDefault(False)
            button.clicked.connect(action)
            bar.addWidget(button)
        bar.addStretch(1)
        error = ErrorLabel(page)
        self.list_errors[name] = error
        layout.addLayout(bar)
        layout.addWidget(table, 1)
        if extra is not None:
            layout.addWidget(extra)
        layout.addWidget(error)
        return page

    def _stakeholders_tab(self) -> QWidget:
        columns = [
            Column("stakeholder_name", self.tr("Stakeholder"), "readonly", width=250),
            Column("stakeholder_kind", self.tr("Kind"), "readonly", width=180),
            Column("role", self.tr("Role"), "vocab", v.InvolvementRole, required=True),
            Column("influence", self.tr("Influence"), "vocab", v.Level3, width=80),
            Column("interest", self.tr("Interest"), "vocab", v.Level3, width=80),
            Column("trust", self.tr("Trust"), "vocab", v.Level3, width=80),
            Column("joined_on", self.tr("Joined"), "date", width=90),
            Column("left_on", self.tr("Left"), "date", width=90),
            Column("note", self.tr("Note"), width=120),
        ]
        page = self._list_page(
            "involvements",
            columns,
            self.tr("Stakeholders of this initiative"),
            [
                (self.tr("Add e&xisting…"), self.add_existing_stakeholder),
                (self.tr("&New stakeholder…"), self.create_stakeholder),
                (self.tr("Edit…"), lambda: self.edit_record("involvements")),
                (self.tr("Remove"), lambda: self.remove_row("involvements")),
            ],
        )
        self.models["involvements"].display_hooks["stakeholder_kind"] = lambda r: vocab_label(
            v.StakeholderKind, r.stakeholder_kind
        )
        return page

    def _mandate_tab(self) -> QWidget:
        columns = [
            Column("decided_on", self.tr("Decided on"), "date", width=100),
            Column("level", self.tr("Level"), "vocab", v.MandateLevel, width=170, required=True),
            Column("clarity", self.tr("Clarity"), "vocab", v.Clarity, width=90, required=True),
            Column("granted_by", self.tr("Granted by"), width=170),
            Column("scope", self.tr("Scope (may decide without asking)"), width=230),
            Column("political_anchoring", self.tr("Political anchoring"), "bool", width=130),
            Column("committee", self.tr("Committee"), width=150),
            Column("reference", self.tr("Case no."), width=100),
            Column("valid_until", self.tr("Valid until"), "date", width=100),
        ]
        intro = QLabel(
            self.tr("The mandates granted over time; the latest one is the current mandate."),
            self,
        )
        intro.setWordWrap(True)
        return self._list_page(
            "mandates",
            columns,
            self.tr("Mandates"),
            [
                (self.tr("&Add mandate…"), lambda: self.new_record("mandates")),
                (self.tr("Edit…"), lambda: self.edit_record("mandates")),
                (self.tr("Remove"), lambda: self.remove_row("mandates")),
            ],
            intro,
        )

    def _resources_tab(self) -> QWidget:
        columns = [
            Column("date", self.tr("Date"), "date", width=100),
            Column("kind", self.tr("Kind"), "vocab", v.ResourceKind, width=160, required=True),
            Column("amount", self.tr("Amount"), "number", width=100, required=True),
            Column("unit", self.tr("Unit"), width=70, required=True),
            Column("planned", self.tr("Planned"), "bool", width=80),
            Column("source_id", self.tr("From stakeholder"), "choice", width=240),
            Column("internal_unit", self.tr("Internal unit"), width=150),
            Column("note", self.tr("Note"), width=200),
        ]
        self.totals = QLabel(self)
        self.totals.setTextFormat(Qt.TextFormat.RichText)
        self.totals.setWordWrap(True)
        page = self._list_page(
            "resources",
            columns,
            self.tr("Resource ledger"),
            [
                (self.tr("&Add entry…"), lambda: self.new_record("resources")),
                (self.tr("Edit…"), lambda: self.edit_record("resources")),
                (self.tr("Remove"), lambda: self.remove_row("resources")),
            ],
            self.totals,
        )
        model = self.models["resources"]
        model.choices["source_id"] = self.stakeholder_choices

        def unit_follows_kind(record: Any, field: str) -> None:
            if field == "kind":
                unit = v.RESOURCE_UNITS.get(v.ResourceKind.get(record.kind))
                if unit:
                    record.unit = unit
            if field == "source_id":
                record.source_name = self.names.get(record.source_id, "")

        model.after_edit = unit_follows_kind
        model.display_hooks["unit"] = lambda r: self.unit_label(r.unit)
        return page

    def _pressures_tab(self) -> QWidget:
        lang = i18n.lang()
        definitions = {k.value: t.get(lang) for k, t in PRESSURE_DEFINITIONS.items()}
        columns = [
            Column(
                "category",
                self.tr("Category"),
                "vocab",
                v.PressureCategory,
                definitions,
                width=180,
                required=True,
            ),
            Column("severity", self.tr("Severity"), "severity", width=60),
            Column(
                "status", self.tr("Status"), "vocab", v.PressureStatus, width=115, required=True
            ),
            Column("level", self.tr("Level"), "vocab", v.PressureLevel, width=115),
            Column(
                "coping_strategy", self.tr("Coping strategy"), "vocab", v.CopingStrategy, width=180
            ),
            Column("raised_on", self.tr("Raised on"), "date", width=95),
            Column("resolved_on", self.tr("Resolved on"), "date", width=95),
            Column("description", self.tr("Description"), width=170),
            Column("resolution", self.tr("Resolution"), width=150),
        ]
        self.definition = QLabel(self)
        self.definition.setWordWrap(True)
        self.definition.setTextFormat(Qt.TextFormat.RichText)
        page = self._list_page(
            "cross_pressures",
            columns,
            self.tr("Cross-pressures"),
            [
                (self.tr("&Add cross-pressure…"), lambda: self.new_record("cross_pressures")),
                (self.tr("Edit…"), lambda: self.edit_record("cross_pressures")),
                (self.tr("Remove"), lambda: self.remove_row("cross_pressures")),
            ],
            self.definition,
        )
        self.tables["cross_pressures"].selectionModel().currentRowChanged.connect(
            lambda *_: self._show_definition()
        )
        self.models["cross_pressures"].dataChanged.connect(lambda *_: self._show_definition())
        return page

    def _journal_tab(self) -> QWidget:
        columns = [
            Column("date", self.tr("Date"), "date", width=100, required=True),
            Column("kind", self.tr("Kind"), "vocab", v.JournalKind, width=120, required=True),
            Column("summary", self.tr("Summary"), width=520, required=True),
            Column("participant_names", self.tr("Participants"), "readonly", width=330),
            Column("follow_up_on", self.tr("Follow up on"), "date", width=110),
        ]
        return self._list_page(
            "journal",
            columns,
            self.tr("Journal"),
            [
                (self.tr("&Add entry…"), lambda: self.new_record("journal")),
                (self.tr("Edit…"), lambda: self.edit_record("journal")),
                (self.tr("Commitment from this entry"), self.commitment_from_journal),
                (self.tr("Remove"), self.remove_journal_entry),
            ],
        )

    def _history_tab(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.history_model = AuditModel(page)
        self.history = QTableView(page)
        self.history.setModel(self.history_model)
        self.history.setAccessibleName(self.tr("Audit trail"))
        self.history.setAlternatingRowColors(True)
        self.history.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history.verticalHeader().hide()
        self.history.setWordWrap(False)
        for column, width in enumerate((150, 90, 80, 110, 140, 220, 220)):
            self.history.setColumnWidth(column, width)
        self.history.horizontalHeader().setStretchLastSection(True)
        note = QLabel(self.tr("Every saved change, newest first."), page)
        layout.addWidget(note)
        layout.addWidget(self.history, 1)
        return page

    # ------------------------------------------------------------------ state

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
        self._loading = True
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
            self._loading = False
        self.clear_problems()
        self.refresh_derived()
        if self.tabs.currentIndex() == self.tabs.count() - 1:
            self.load_history()

    def refresh_derived(self) -> None:
        lang = i18n.lang()
        reference = self.data.reference or self.tr("(new)")
        self.heading.setText(f"{reference} — {self.data.title or self.tr('New initiative')}")
        self.title_changed.emit(self.tab_title())
        # at a glance
        signals = analysis.attention_signals(self.data, dt.date.today())
        if self.accepted_answers is not None:
            accepted = suggest(self.accepted_answers).primary
            suggestion = accepted.value if accepted is not None else None
        else:
            suggestion = analysis.suggested_type(self.data)
        lines = [
            "<p><b>{}</b> {}%</p>".format(
                self.tr("Completeness:"), analysis.completeness(self.data)
            ),
            "<p><b>{}</b> {}</p>".format(
                self.tr("Type:"),
                vocab_label(v.InitiativeType, self.data.type, self.tr("not classified")),
            ),
        ]
        if suggestion:
            lines.append(
                "<p><b>{}</b> {}</p>".format(
                    self.tr("Suggested type:"), vocab_label(v.InitiativeType, suggestion)
                )
            )
        open_pressures = sum(p.status != "resolved" for p in self.data.cross_pressures)
        lines.append("<p><b>{}</b> {}</p>".format(self.tr("Open cross-pressures:"), open_pressures))
        promised = [c for c in self.data.commitments if c.status in ("open", "in_progress")]
        if promised:
            today = dt.date.today()
            late = sum(1 for c in promised if c.due_on is not None and c.due_on < today)
            lines.append(
                "<p><b>{}</b> {}</p>".format(
                    self.tr("Open commitments:"),
                    self.tr("%1 (%2 overdue)")
                    .replace("%1", str(len(promised)))
                    .replace("%2", str(late)),
                )
            )
        if signals:
            items = "".join(f"<li>{s.explanation.get(lang)}</li>" for s in signals)
            lines.append(
                "<p><b>{}</b></p><ul style='margin-top:0'>{}</ul>".format(
                    self.tr("Needs attention:"), items
                )
            )
        else:
            lines.append("<p>{}</p>".format(self.tr("No attention signals.")))
        self.glance.setText("".join(lines))
        if suggestion and suggestion != self.data.type:
            self.suggestion.setText(
                self.tr("The recorded facts point to: %1").replace(
                    "%1", vocab_label(v.InitiativeType, suggestion)
                )
            )
        elif not suggestion and not self.data.type and (self.data.summary or self.data.description):
            # too few facts for the assistant: read the text (domain/text_classification.py)
            from coprod_desktop.domain.text_classification import suggest_for_text

            self.suggestion.setText(
                self.tr("From the text: %1").replace(
                    "%1", suggest_for_text(self.data).rationale(lang)
                )
            )
        else:
            self.suggestion.setText("")
        for key, card in self.type_cards.items():
            card.setEnabled(True)
            frame = card.parentWidget()
            assert frame is not None
            frame.setStyleSheet(
                "QFrame#type-card { border: 2px solid palette(highlight); }"
                if key == self.data.type
                else ""
            )
        self._update_totals()
        self._show_definition()

    def unit_label(self, unit: str) -> str:
        if unit == "hours":
            return self.tr("hours")
        return unit

    def _update_totals(self) -> None:
        sums: dict[tuple[bool, bool], dict[str, float]] = {}
        for res in self.data.resources:
            municipal = v.ResourceKind.get(res.kind) in v.MUNICIPAL_RESOURCE_KINDS
            key = (municipal, bool(res.planned))
            bucket = sums.setdefault(key, {})
            bucket[res.unit] = bucket.get(res.unit, 0) + float(res.amount)

        def cell(municipal: bool, planned: bool) -> str:
            bucket = sums.get((municipal, planned), {})
            if not bucket:
                return "–"
            return " · ".join(
                f"{format_number(amount)} {self.unit_label(unit)}"
                for unit, amount in sorted(bucket.items())
            )

        header = "<tr><th></th><th align='left'>{}</th><th align='left'>{}</th></tr>".format(
            self.tr("Planned"), self.tr("Actual")
        )
        rows = "".join(
            f"<tr><td><b>{label}</b></td><td>{cell(municipal, True)}</td><td>{cell(municipal, False)}</td></tr>"
            for municipal, label in (
                (True, self.tr("Municipal input")),
                (False, self.tr("Mobilised from outside")),
            )
        )
        self.totals.setText(
            "<p><b>{}</b></p><table cellspacing='0' cellpadding='4'>{}{}</table>".format(
                self.tr("Totals"), header, rows
            )
        )

    def _show_definition(self) -> None:
        table = self.tables["cross_pressures"]
        row = table.currentIndex().row()
        records = self.models["cross_pressures"].records
        if not (0 <= row < len(records)):
            self.definition.setText(
                self.tr("Select a cross-pressure to see what its category means.")
            )
            return
        category = v.PressureCategory.get(records[row].category)
        text = PRESSURE_DEFINITIONS[category].get(i18n.lang())
        from html import escape

        record = records[row]
        details = f"<b>{escape(category.label(i18n.lang()))}:</b> {escape(text)}"
        if record.description:
            details += "<br><b>{}:</b> {}".format(
                self.tr("Description"), escape(record.description)
            )
        if record.resolution:
            details += "<br><b>{}:</b> {}".format(self.tr("Resolution"), escape(record.resolution))
        self.definition.setText(details)

    def open_assistant(self) -> None:
        from coprod_desktop.ui.assistant import run_assistant

        run_assistant(self)

    def stakeholder_choices(self) -> list[tuple[Any, str]]:
        return sorted(self.names.items(), key=lambda item: item[1].casefold())

    # ------------------------------------------------------------------ editing

    def _edited(self, name: str) -> None:
        if self._loading:
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

    def _date_edited(self, name: str, field: DateField) -> None:
        if self._loading:
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
        self._edited(name)

    def _type_edited(self) -> None:
        if self._loading:
            return
        get, _put = self.bindings["type"]
        new = get()
        old = self.data.type
        if new == old:
            return
        role_before = self.data.frontline_role
        old_default = v.DEFAULT_FRONTLINE_ROLE[v.InitiativeType.get(old)].value if old else None
        new_default = v.DEFAULT_FRONTLINE_ROLE[v.InitiativeType.get(new)].value if new else None
        self.undo.beginMacro(self.field_label("type"))
        self.undo.push(FieldCommand(self, "type", old, new, False))
        if new_default and (role_before is None or role_before == old_default):
            self.undo.push(FieldCommand(self, "frontline_role", role_before, new_default, False))
        self.undo.endMacro()

    def apply_value(self, name: str, value: Any) -> None:
        setattr(self.data, name, copy.deepcopy(value))
        self._loading = True
        try:
            self.bindings[name][1](value)
        finally:
            self._loading = False
        if name in self.errors:
            self.errors[name].show_message("")
        self.refresh_derived()

    def _list_edited(self, name: str, records: list[Any]) -> None:
        if self._loading:
            return
        old = getattr(self.data, name)
        text = {
            "involvements": self.tr("Edit stakeholders"),
            "mandates": self.tr("Edit mandates"),
            "resources": self.tr("Edit resources"),
            "cross_pressures": self.tr("Edit cross-pressures"),
            "journal": self.tr("Edit journal"),
            "reviews": self.tr("Edit reviews"),
            "commitments": self.tr("Edit commitments"),
            "outcomes": self.tr("Edit outcomes"),
        }[name]
        self.undo.push(ListCommand(self, name, old, records, text))

    def change_list(self, name: str, records: list[Any], text: str) -> None:
        self.undo.push(ListCommand(self, name, getattr(self.data, name), records, text))

    def apply_list(self, name: str, records: list[Any]) -> None:
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

    def _append(self, name: str, record: Any, text: str, edit_field: str | None = None) -> None:
        records = [*getattr(self.data, name), record]
        self.change_list(name, records, text)
        table = self.tables[name]
        self.tabs.setCurrentWidget(self.pages[name])
        column = 0
        if edit_field is not None:
            column = [c.field for c in self.models[name].columns].index(edit_field)
        index = self.models[name].index(len(records) - 1, column)
        table.setCurrentIndex(index)
        if edit_field is not None and self.isVisible():
            table.edit(index)

    def remove_row(self, name: str) -> None:
        if self.property("read_only"):
            return
        row = self.tables[name].currentIndex().row()
        records = list(getattr(self.data, name))
        if 0 <= row < len(records):
            del records[row]
            self.change_list(name, records, self.tr("Remove row"))

    # ------------------------------------------------------------------ record forms

    def _default_record(self, name: str) -> Any:
        today = dt.date.today()
        if name == "mandates":
            return d.MandateData(level="immediate_manager", clarity="partial", decided_on=today)
        if name == "resources":
            return d.ResourceData(
                kind="staff_hours", amount=0, unit="hours", planned=True, date=today
            )
        if name == "cross_pressures":
            return d.PressureData(
                category="insufficient_resources",
                severity=2,
                status="open",
                raised_on=today,
                raised_by=self.db.user,
            )
        if name == "commitments":
            return d.CommitmentData(text="", owner=self.db.user or None)
        if name == "outcomes":
            return d.OutcomeData(indicator="", co_assessed=False)
        return d.JournalData(date=today, kind="meeting", summary="")

    def new_record(self, name: str) -> RecordForm | None:
        """Open the form for a new record; nothing is added until the form is saved."""
        if self.property("read_only"):
            return None
        if name == "involvements":
            self.add_existing_stakeholder()
            return None
        return self._open_form(name, self._default_record(name), None)

    def edit_record(self, name: str, row: int | None = None) -> RecordForm | None:
        """Open the form for the current (or given) row."""
        if self.property("read_only"):
            return None
        if row is None:
            row = self.tables[name].currentIndex().row()
        records = getattr(self.data, name)
        if not (0 <= row < len(records)):
            return None
        return self._open_form(name, records[row], row)

    def _form_title(self, name: str, new: bool) -> str:
        titles = {
            "involvements": (self.tr("Stakeholder"), self.tr("Stakeholder")),
            "mandates": (self.tr("New mandate"), self.tr("Mandate")),
            "resources": (self.tr("New resource entry"), self.tr("Resource entry")),
            "cross_pressures": (self.tr("New cross-pressure"), self.tr("Cross-pressure")),
            "journal": (self.tr("New journal entry"), self.tr("Journal entry")),
            "commitments": (self.tr("New commitment"), self.tr("Commitment")),
            "outcomes": (self.tr("New outcome"), self.tr("Outcome")),
        }
        return titles[name][0 if new else 1]

    def _open_form(self, name: str, record: Any, row: int | None) -> RecordForm | None:
        if self.property("read_only"):
            return None
        model = self.models[name]
        participants = None
        if name == "journal":
            participants = self.stakeholder_choices()
            for pid, person in zip(record.participant_ids, record.participant_names, strict=False):
                if pid not in self.names:
                    participants.append((pid, person))
        form = RecordForm(
            self._form_title(name, row is None),
            model.columns,
            record,
            choices=model.choices,
            participants=participants,
            order=FORM_ORDER.get(name, ()),
            new=row is None,
            parent=self,
        )
        if name == "resources":
            kind = form.field("kind")
            unit = form.field("unit")
            assert isinstance(kind, VocabCombo) and isinstance(unit, QLineEdit)
            unit.setText(self.unit_label(record.unit))  # "timer" in Danish, stored as "hours"
            form.start = form.current_values()

            def unit_follows_kind(_index: int) -> None:
                default = v.RESOURCE_UNITS.get(v.ResourceKind.get(kind.key() or "staff_hours"))
                if default:
                    unit.setText(self.unit_label(default))

            kind.currentIndexChanged.connect(unit_follows_kind)
        form.finished.connect(lambda result: self._form_closed(name, form, row, result))
        form.open()
        return form

    def _form_closed(self, name: str, form: RecordForm, row: int | None, result: int) -> None:
        record = form.result_record
        form.deleteLater()
        table = self.tables[name]
        table.setFocus()
        if result != RecordForm.DialogCode.Accepted or record is None:
            return
        if name == "resources":
            if record.unit == self.unit_label("hours"):
                record.unit = "hours"
            record.source_name = self.names.get(record.source_id, "") if record.source_id else ""
        if name == "commitments":
            record.counterpart_name = (
                self.names.get(record.counterpart_id, "") if record.counterpart_id else ""
            )
            if record.status in ("done", "dropped") and record.done_on is None:
                record.done_on = dt.date.today()  # kept or given up today unless said otherwise
            elif record.status not in ("done", "dropped"):
                record.done_on = None
        if name == "journal":
            known = dict(self.stakeholder_choices())
            old = getattr(form.original, "participant_ids", [])
            known.update(zip(old, form.original.participant_names, strict=False))
            record.participant_names = [known.get(i, str(i)) for i in record.participant_ids]
        records = list(getattr(self.data, name))
        if row is None:
            records.append(record)
            row = len(records) - 1
            text = {
                "mandates": self.tr("Add mandate"),
                "resources": self.tr("Add resource"),
                "cross_pressures": self.tr("Add cross-pressure"),
                "journal": self.tr("Add journal entry"),
                "commitments": self.tr("Add commitment"),
                "outcomes": self.tr("Add outcome"),
            }[name]
        else:
            if records[row] == record:
                return
            records[row] = record
            text = self._form_title(name, False)
        self.change_list(name, records, text)
        table.setCurrentIndex(self.models[name].index(row, 0))

    def add_involvement(self, person: d.StakeholderData, role: str = "partner") -> None:
        if person.id is None:
            return
        self.names[person.id] = person.name
        involvement = d.InvolvementData(
            stakeholder_id=person.id,
            role=role,
            joined_on=dt.date.today(),
            stakeholder_name=person.name,
            stakeholder_kind=person.kind,
            stakeholder_is_person=person.is_person,
        )
        self._append("involvements", involvement, self.tr("Add stakeholder"))

    def add_existing_stakeholder(self) -> None:
        known = stakeholders.list_stakeholders(self.db)
        present = {i.stakeholder_id for i in self.data.involvements if i.stakeholder_id}
        picker = StakeholderPicker(known, present, self)
        by_id = {s.id: s for s in known}

        def chosen(result: int) -> None:
            picker.deleteLater()
            self.tables["involvements"].setFocus()
            if result != StakeholderPicker.DialogCode.Accepted or not picker.chosen():
                return
            role = picker.role.key() or "partner"
            self.undo.beginMacro(self.tr("Add stakeholders"))
            for ident in picker.chosen():
                self.add_involvement(by_id[ident], role)
            self.undo.endMacro()

        picker.finished.connect(chosen)
        picker.open()

    def create_stakeholder(self) -> None:
        dialog = StakeholderDialog(
            lambda data: stakeholders.create_stakeholder(self.db, data), None, self
        )

        def created(result: int) -> None:
            dialog.deleteLater()
            self.tables["involvements"].setFocus()
            if result == StakeholderDialog.DialogCode.Accepted and dialog.saved is not None:
                self.add_involvement(dialog.saved)

        dialog.finished.connect(created)
        dialog.open()

    def add_mandate(self) -> None:
        mandate = d.MandateData(
            level="immediate_manager", clarity="partial", decided_on=dt.date.today()
        )
        self._append("mandates", mandate, self.tr("Add mandate"), "level")

    def add_resource(self) -> None:
        resource = d.ResourceData(
            kind="staff_hours", amount=0, unit="hours", planned=True, date=dt.date.today()
        )
        self._append("resources", resource, self.tr("Add resource"), "amount")

    def add_pressure(self) -> None:
        pressure = d.PressureData(
            category="insufficient_resources",
            severity=2,
            status="open",
            raised_on=dt.date.today(),
            raised_by=self.db.user,
        )
        self._append("cross_pressures", pressure, self.tr("Add cross-pressure"), "category")

    def add_journal(self) -> None:
        entry = d.JournalData(date=dt.date.today(), kind="meeting", summary="")
        self._append("journal", entry, self.tr("Add journal entry"), "summary")

    def commitment_from_journal(self) -> None:
        from coprod_desktop.ui.commitments_tab import from_journal

        from_journal(self)

    def remove_journal_entry(self) -> None:
        from coprod_desktop.ui.commitments_tab import remove_journal_entry

        remove_journal_entry(self)

    def set_participants(self, row: int, ids: list[int]) -> None:
        records = copy.deepcopy(self.data.journal)
        known = dict(self.stakeholder_choices())
        known.update(
            zip(records[row].participant_ids, records[row].participant_names, strict=False)
        )
        records[row].participant_ids = list(ids)
        records[row].participant_names = [known.get(i, str(i)) for i in ids]
        self.change_list("journal", records, self.tr("Edit participants"))

    # ------------------------------------------------------------------ saving

    def clear_problems(self) -> None:
        for label in self.errors.values():
            label.show_message("")
        for name, label in self.list_errors.items():
            label.show_message("")
            self.models[name].set_problems({})
        self.summary_error.show_message("")

    def show_problems(self, error: ValidationError) -> None:
        self.clear_problems()
        lang = i18n.lang()
        per_list: dict[str, dict[tuple[int, str], str]] = {}
        first_tab: int | None = None
        for problem in error.problems:
            text = message(problem.code, lang, **problem.params)
            match = _PATH.match(problem.path)
            if match and match.group(1) in LIST_PATHS:
                name = LIST_PATHS[match.group(1)]
                row = int(match.group(2))
                field = FIELD_ALIASES.get(match.group(3), match.group(3))
                if name == "journal" and field == "participants":
                    field = "participant_names"
                per_list.setdefault(name, {})[(row, field)] = text
                header = next(
                    (c.header for c in self.models[name].columns if c.field == field), field
                )
                current = self.list_errors[name].text()
                line = self.tr("Row %1, %2: %3").replace("%1", str(row + 1))
                line = line.replace("%2", header).replace("%3", text)
                self.list_errors[name].show_message((current + "\n" if current else "") + line)
                tab = self.tabs.indexOf(self.pages[name])
            elif problem.path in self.errors:
                self.errors[problem.path].show_message(text)
                tab = (
                    1
                    if problem.path
                    in (
                        "type",
                        "secondary_type",
                        "type_rationale",
                        "participation_level",
                        "public_values",
                        "frontline_role",
                    )
                    else 0
                )
            else:
                current = self.summary_error.text()
                line = problem.message(lang)
                self.summary_error.show_message((current + "\n" if current else "") + line)
                tab = None
            if tab is not None and first_tab is None:
                first_tab = tab
        for name, problems in per_list.items():
            self.models[name].set_problems(problems)
        if first_tab is not None:
            self.tabs.setCurrentIndex(first_tab)
        count = len(error.problems)
        if not self.summary_error.text():
            self.summary_error.show_message(
                self.tr("Not saved: %n field(s) need attention (marked below).", "", count)
            )

    def save(self) -> bool:
        """Save through the service; inline errors on invalid input. True when saved."""
        if self.date_problems:
            self.summary_error.show_message(
                self.tr("Not saved: correct the dates marked below (use YYYY-MM-DD).")
            )
            self.tabs.setCurrentIndex(0)
            return False
        if self.property("saving"):
            return False
        # On the window's one serial worker; the data stays here untouched if the write fails
        # (locked: Retry; full disk: a plain message; conflict: both versions side by side).
        from coprod_desktop.domain.errors import ConnectionLostError
        from coprod_desktop.ui import conflict, connection, safety

        db = self.db
        data = copy.deepcopy(self.data)
        self.merge_state = None  # a new save by the user merges from the editor's own data

        def work() -> d.InitiativeData:
            if data.id is None:
                return initiatives.create_initiative(db, data)
            return initiatives.save_initiative(db, data)

        def failed(error: BaseException) -> bool:
            if isinstance(error, ValidationError):
                if self.merge_state is not None:  # the combination with a colleague's save
                    conflict.merge_invalid(self, error)
                else:
                    self.show_problems(error)
                return True
            if isinstance(error, ConflictError):
                return conflict.resolve_conflict(self, job, error)
            if isinstance(error, ConnectionLostError):
                watch = connection.watch_of(self)
                return watch.keep_for_later(self) if watch is not None else False
            return False

        self.setProperty("saving", True)
        self.save_button.setEnabled(False)
        try:
            job = safety.writer_for(self).write(work, self._saved, failed)
            return job.wait()
        finally:
            self.setProperty("saving", False)
            self.save_button.setEnabled(not self.property("read_only"))

    def _saved(self, saved: d.InitiativeData) -> None:
        from coprod_desktop.ui import conflict

        self.original = copy.deepcopy(saved)
        self.data = copy.deepcopy(saved)
        self.undo.clear()
        self.load_widgets()
        self.dirty_changed.emit(False)
        conflict.after_save(self)
        assert saved.id is not None
        self.saved.emit(saved.id)

    def revert(self) -> None:
        """Back to the stored version (re-read, so someone else's save shows up)."""
        fresh = self.original
        if self.data.id is not None:
            try:
                fresh = initiatives.get_initiative(self.db, self.data.id)
            except CoprodError as error:
                QMessageBox.warning(self, self.tr("Cannot revert"), error.message(i18n.lang()))
                return
        self.original = copy.deepcopy(fresh)
        self.data = copy.deepcopy(fresh)
        self.date_problems.clear()
        self.undo.clear()
        self.load_widgets()
        self.dirty_changed.emit(False)

    def maybe_close(self) -> bool:
        """Ask about unsaved changes; True when the tab may close."""
        if not self.dirty and not self.date_problems:
            return True
        self.window().raise_()
        answer = QMessageBox.question(
            self,
            self.tr("Unsaved changes"),
            self.tr("Save the changes to “%1” before closing?").replace(
                "%1", self.data.title or self.tr("New initiative")
            ),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    # ------------------------------------------------------------------ history

    def _tab_changed(self, index: int) -> None:
        if index == self.tabs.count() - 1:
            self.load_history()

    def load_history(self) -> None:
        if self.data.id is None:
            self.history_model.set_entries([])
            return
        try:
            self.history_model.set_entries(initiatives.history(self.db, self.data.id))
        except CoprodError:
            self.history_model.set_entries([])
