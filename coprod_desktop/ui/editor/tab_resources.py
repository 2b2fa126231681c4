"""The Resources tab: the ledger of what was planned and spent, municipal and mobilised, with
its totals underneath."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QWidget

from coprod_desktop.domain import model as d
from coprod_desktop.domain import vocab as v
from coprod_desktop.ui.editor.field_lists import unit_label
from coprod_desktop.ui.editor.lists import append, list_page
from coprod_desktop.ui.records import Column, format_number

if TYPE_CHECKING:
    from coprod_desktop.ui.editor.editor_base import EditorBase


def resources_tab(editor: EditorBase) -> QWidget:
    columns = [
        Column("date", QCoreApplication.translate("InitiativeEditor", "Date"), "date", width=100),
        Column(
            "kind",
            QCoreApplication.translate("InitiativeEditor", "Kind"),
            "vocab",
            v.ResourceKind,
            width=160,
            required=True,
        ),
        Column(
            "amount",
            QCoreApplication.translate("InitiativeEditor", "Amount"),
            "number",
            width=100,
            required=True,
        ),
        Column(
            "unit", QCoreApplication.translate("InitiativeEditor", "Unit"), width=70, required=True
        ),
        Column(
            "planned", QCoreApplication.translate("InitiativeEditor", "Planned"), "bool", width=80
        ),
        Column(
            "source_id",
            QCoreApplication.translate("InitiativeEditor", "From stakeholder"),
            "choice",
            width=240,
        ),
        Column(
            "internal_unit",
            QCoreApplication.translate("InitiativeEditor", "Internal unit"),
            width=150,
        ),
        Column("note", QCoreApplication.translate("InitiativeEditor", "Note"), width=200),
    ]
    editor.totals = QLabel(editor)
    editor.totals.setTextFormat(Qt.TextFormat.RichText)
    editor.totals.setWordWrap(True)
    page = list_page(
        editor,
        "resources",
        columns,
        QCoreApplication.translate("InitiativeEditor", "Resource ledger"),
        [
            (
                QCoreApplication.translate("InitiativeEditor", "&Add entry…"),
                lambda: editor.new_record("resources"),
            ),
            (
                QCoreApplication.translate("InitiativeEditor", "Edit…"),
                lambda: editor.edit_record("resources"),
            ),
            (
                QCoreApplication.translate("InitiativeEditor", "Remove"),
                lambda: editor.remove_row("resources"),
            ),
        ],
        editor.totals,
    )
    model = editor.models["resources"]
    model.choices["source_id"] = editor.stakeholder_choices

    def unit_follows_kind(record: Any, field: str) -> None:
        if field == "kind":
            unit = v.RESOURCE_UNITS.get(v.ResourceKind.get(record.kind))
            if unit:
                record.unit = unit
        if field == "source_id":
            record.source_name = editor.names.get(record.source_id, "")

    model.after_edit = unit_follows_kind
    model.display_hooks["unit"] = lambda r: unit_label(r.unit)
    return page


def add_resource(editor: EditorBase) -> None:
    resource = d.ResourceData(
        kind="staff_hours", amount=0, unit="hours", planned=True, date=dt.date.today()
    )
    append(
        editor,
        "resources",
        resource,
        QCoreApplication.translate("InitiativeEditor", "Add resource"),
        "amount",
    )


def show_totals(editor: EditorBase) -> None:
    """Planned and actual, municipal input and mobilised from outside, per unit."""
    sums: dict[tuple[bool, bool], dict[str, float]] = {}
    for res in editor.data.resources:
        municipal = v.ResourceKind.get(res.kind) in v.MUNICIPAL_RESOURCE_KINDS
        key = (municipal, bool(res.planned))
        bucket = sums.setdefault(key, {})
        bucket[res.unit] = bucket.get(res.unit, 0) + float(res.amount)

    def cell(municipal: bool, planned: bool) -> str:
        bucket = sums.get((municipal, planned), {})
        if not bucket:
            return "–"
        return " · ".join(
            f"{format_number(amount)} {unit_label(unit)}" for unit, amount in sorted(bucket.items())
        )

    header = "<tr><th></th><th align='left'>{}</th><th align='left'>{}</th></tr>".format(
        QCoreApplication.translate("InitiativeEditor", "Planned"),
        QCoreApplication.translate("InitiativeEditor", "Actual"),
    )
    rows = "".join(
        f"<tr><td><b>{label}</b></td><td>{cell(municipal, True)}</td><td>{cell(municipal, False)}</td></tr>"
        for municipal, label in (
            (True, QCoreApplication.translate("InitiativeEditor", "Municipal input")),
            (False, QCoreApplication.translate("InitiativeEditor", "Mobilised from outside")),
        )
    )
    editor.totals.setText(
        "<p><b>{}</b></p><table cellspacing='0' cellpadding='4'>{}{}</table>".format(
            QCoreApplication.translate("InitiativeEditor", "Totals"), header, rows
        )
    )
