"""The editor's child lists (stakeholders, mandates, resources, …): a read-only table per list,
edited in a record form, every change one undoable `ListCommand`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from coprod_desktop.domain import model as d
from coprod_desktop.domain import vocab as v
from coprod_desktop.ui import i18n
from coprod_desktop.ui.editor.undo import ListCommand, RecordKeys
from coprod_desktop.ui.record_forms import FORM_ORDER, RecordForm
from coprod_desktop.ui.records import Column, RecordDelegate, RecordModel
from coprod_desktop.ui.widgets import ErrorLabel, VocabCombo

if TYPE_CHECKING:
    from coprod_desktop.ui.editor.editor_base import EditorBase

LISTS = d.INITIATIVE_LISTS


def record_table(model: RecordModel, parent: QWidget, name: str) -> QTableView:
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


def list_page(
    editor: EditorBase,
    name: str,
    columns: list[Column],
    title: str,
    buttons: list[tuple[str, Callable[[], object]]],
    extra: QWidget | None = None,
) -> QWidget:
    """A tab for the child list `name`: its buttons, its table, `extra` and its error label."""
    page = QWidget(editor)
    layout = QVBoxLayout(page)
    model = RecordModel(columns, lambda records: list_edited(editor, name, records), page)
    table = record_table(model, page, title)
    editor.models[name] = model
    editor.tables[name] = table
    editor.pages[name] = page
    table.installEventFilter(RecordKeys(editor, editor, name))
    table.doubleClicked.connect(lambda index: editor.edit_record(name, index.row()))
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
    editor.list_errors[name] = error
    layout.addLayout(bar)
    layout.addWidget(table, 1)
    if extra is not None:
        layout.addWidget(extra)
    layout.addWidget(error)
    return page


# ---------------------------------------------------------------------- changing a list


def list_edited(editor: EditorBase, name: str, records: list[Any]) -> None:
    if editor.loading:
        return
    old = getattr(editor.data, name)
    text = {
        "involvements": QCoreApplication.translate("InitiativeEditor", "Edit stakeholders"),
        "mandates": QCoreApplication.translate("InitiativeEditor", "Edit mandates"),
        "resources": QCoreApplication.translate("InitiativeEditor", "Edit resources"),
        "cross_pressures": QCoreApplication.translate("InitiativeEditor", "Edit cross-pressures"),
        "journal": QCoreApplication.translate("InitiativeEditor", "Edit journal"),
        "reviews": QCoreApplication.translate("InitiativeEditor", "Edit reviews"),
        "commitments": QCoreApplication.translate("InitiativeEditor", "Edit commitments"),
        "outcomes": QCoreApplication.translate("InitiativeEditor", "Edit outcomes"),
    }[name]
    editor.undo.push(ListCommand(editor, name, old, records, text))


def append(
    editor: EditorBase, name: str, record: Any, text: str, edit_field: str | None = None
) -> None:
    records = [*getattr(editor.data, name), record]
    editor.change_list(name, records, text)
    table = editor.tables[name]
    editor.tabs.setCurrentWidget(editor.pages[name])
    column = 0
    if edit_field is not None:
        column = [c.field for c in editor.models[name].columns].index(edit_field)
    index = editor.models[name].index(len(records) - 1, column)
    table.setCurrentIndex(index)
    if edit_field is not None and editor.isVisible():
        table.edit(index)


def remove_row(editor: EditorBase, name: str) -> None:
    if editor.read_only:
        return
    row = editor.tables[name].currentIndex().row()
    records = list(getattr(editor.data, name))
    if 0 <= row < len(records):
        del records[row]
        editor.change_list(
            name, records, QCoreApplication.translate("InitiativeEditor", "Remove row")
        )


# ---------------------------------------------------------------------- record forms


def default_record(editor: EditorBase, name: str) -> Any:
    today = dt.date.today()
    if name == "mandates":
        return d.MandateData(level="immediate_manager", clarity="partial", decided_on=today)
    if name == "resources":
        return d.ResourceData(kind="staff_hours", amount=0, unit="hours", planned=True, date=today)
    if name == "cross_pressures":
        return d.PressureData(
            category="insufficient_resources",
            severity=2,
            status="open",
            raised_on=today,
            raised_by=editor.db.user,
        )
    if name == "commitments":
        return d.CommitmentData(text="", owner=editor.db.user or None)
    if name == "outcomes":
        return d.OutcomeData(indicator="", co_assessed=False)
    return d.JournalData(date=today, kind="meeting", summary="")


def form_title(name: str, new: bool) -> str:
    titles = {
        "involvements": (
            QCoreApplication.translate("InitiativeEditor", "Stakeholder"),
            QCoreApplication.translate("InitiativeEditor", "Stakeholder"),
        ),
        "mandates": (
            QCoreApplication.translate("InitiativeEditor", "New mandate"),
            QCoreApplication.translate("InitiativeEditor", "Mandate"),
        ),
        "resources": (
            QCoreApplication.translate("InitiativeEditor", "New resource entry"),
            QCoreApplication.translate("InitiativeEditor", "Resource entry"),
        ),
        "cross_pressures": (
            QCoreApplication.translate("InitiativeEditor", "New cross-pressure"),
            QCoreApplication.translate("InitiativeEditor", "Cross-pressure"),
        ),
        "journal": (
            QCoreApplication.translate("InitiativeEditor", "New journal entry"),
            QCoreApplication.translate("InitiativeEditor", "Journal entry"),
        ),
        "commitments": (
            QCoreApplication.translate("InitiativeEditor", "New commitment"),
            QCoreApplication.translate("InitiativeEditor", "Commitment"),
        ),
        "outcomes": (
            QCoreApplication.translate("InitiativeEditor", "New outcome"),
            QCoreApplication.translate("InitiativeEditor", "Outcome"),
        ),
    }
    return titles[name][0 if new else 1]


def new_record(editor: EditorBase, name: str) -> RecordForm | None:
    """Open the form for a new record; nothing is added until the form is saved."""
    if editor.read_only:
        return None
    if name == "involvements":
        editor.add_existing_stakeholder()
        return None
    return open_form(editor, name, default_record(editor, name), None)


def edit_record(editor: EditorBase, name: str, row: int | None = None) -> RecordForm | None:
    """Open the form for the current (or given) row."""
    if editor.read_only:
        return None
    if row is None:
        row = editor.tables[name].currentIndex().row()
    records = getattr(editor.data, name)
    if not (0 <= row < len(records)):
        return None
    return open_form(editor, name, records[row], row)


def open_form(editor: EditorBase, name: str, record: Any, row: int | None) -> RecordForm | None:
    if editor.read_only:
        return None
    model = editor.models[name]
    participants = None
    if name == "journal":
        participants = editor.stakeholder_choices()
        for pid, person in zip(record.participant_ids, record.participant_names, strict=False):
            if pid not in editor.names:
                participants.append((pid, person))
    form = RecordForm(
        form_title(name, row is None),
        model.columns,
        record,
        choices=model.choices,
        participants=participants,
        order=FORM_ORDER.get(name, ()),
        new=row is None,
        parent=editor,
    )
    if name == "resources":
        kind = form.field("kind")
        unit = form.field("unit")
        assert isinstance(kind, VocabCombo) and isinstance(unit, QLineEdit)
        unit.setText(editor.unit_label(record.unit))  # "timer" in Danish, stored as "hours"
        form.start = form.current_values()

        def unit_follows_kind(_index: int) -> None:
            default = v.RESOURCE_UNITS.get(v.ResourceKind.get(kind.key() or "staff_hours"))
            if default:
                unit.setText(editor.unit_label(default))

        kind.currentIndexChanged.connect(unit_follows_kind)
    form.finished.connect(lambda result: form_closed(editor, name, form, row, result))
    form.open()
    return form


def form_closed(
    editor: EditorBase, name: str, form: RecordForm, row: int | None, result: int
) -> None:
    record = form.result_record
    form.deleteLater()
    table = editor.tables[name]
    table.setFocus()
    if result != RecordForm.DialogCode.Accepted or record is None:
        return
    if name == "resources":
        if record.unit == editor.unit_label("hours"):
            record.unit = "hours"
        record.source_name = editor.names.get(record.source_id, "") if record.source_id else ""
    if name == "commitments":
        record.counterpart_name = (
            editor.names.get(record.counterpart_id, "") if record.counterpart_id else ""
        )
        if record.status in ("done", "dropped") and record.done_on is None:
            record.done_on = dt.date.today()  # kept or given up today unless said otherwise
        elif record.status not in ("done", "dropped"):
            record.done_on = None
    if name == "journal":
        known = dict(editor.stakeholder_choices())
        old = getattr(form.original, "participant_ids", [])
        known.update(zip(old, form.original.participant_names, strict=False))
        record.participant_names = [known.get(i, str(i)) for i in record.participant_ids]
    records = list(getattr(editor.data, name))
    if row is None:
        records.append(record)
        row = len(records) - 1
        text = {
            "mandates": QCoreApplication.translate("InitiativeEditor", "Add mandate"),
            "resources": QCoreApplication.translate("InitiativeEditor", "Add resource"),
            "cross_pressures": QCoreApplication.translate("InitiativeEditor", "Add cross-pressure"),
            "journal": QCoreApplication.translate("InitiativeEditor", "Add journal entry"),
            "commitments": QCoreApplication.translate("InitiativeEditor", "Add commitment"),
            "outcomes": QCoreApplication.translate("InitiativeEditor", "Add outcome"),
        }[name]
    else:
        if records[row] == record:
            return
        records[row] = record
        text = form_title(name, False)
    editor.change_list(name, records, text)
    table.setCurrentIndex(editor.models[name].index(row, 0))
