"""The Cross-pressures tab: the pressures met, with the chosen category's definition below."""

from __future__ import annotations

import datetime as dt
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QWidget

from coprod_desktop.domain import model as d
from coprod_desktop.domain import vocab as v
from coprod_desktop.domain.typology import PRESSURE_DEFINITIONS
from coprod_desktop.ui import i18n
from coprod_desktop.ui.editor.lists import append, list_page
from coprod_desktop.ui.records import Column

if TYPE_CHECKING:
    from coprod_desktop.ui.editor.editor_base import EditorBase


def pressures_tab(editor: EditorBase) -> QWidget:
    lang = i18n.lang()
    definitions = {k.value: t.get(lang) for k, t in PRESSURE_DEFINITIONS.items()}
    columns = [
        Column(
            "category",
            QCoreApplication.translate("InitiativeEditor", "Category"),
            "vocab",
            v.PressureCategory,
            definitions,
            width=180,
            required=True,
        ),
        Column(
            "severity",
            QCoreApplication.translate("InitiativeEditor", "Severity"),
            "severity",
            width=60,
        ),
        Column(
            "status",
            QCoreApplication.translate("InitiativeEditor", "Status"),
            "vocab",
            v.PressureStatus,
            width=115,
            required=True,
        ),
        Column(
            "level",
            QCoreApplication.translate("InitiativeEditor", "Level"),
            "vocab",
            v.PressureLevel,
            width=115,
        ),
        Column(
            "coping_strategy",
            QCoreApplication.translate("InitiativeEditor", "Coping strategy"),
            "vocab",
            v.CopingStrategy,
            width=180,
        ),
        Column(
            "raised_on",
            QCoreApplication.translate("InitiativeEditor", "Raised on"),
            "date",
            width=95,
        ),
        Column(
            "resolved_on",
            QCoreApplication.translate("InitiativeEditor", "Resolved on"),
            "date",
            width=95,
        ),
        Column(
            "description",
            QCoreApplication.translate("InitiativeEditor", "Description"),
            width=170,
        ),
        Column(
            "resolution", QCoreApplication.translate("InitiativeEditor", "Resolution"), width=150
        ),
    ]
    editor.definition = QLabel(editor)
    editor.definition.setWordWrap(True)
    editor.definition.setTextFormat(Qt.TextFormat.RichText)
    page = list_page(
        editor,
        "cross_pressures",
        columns,
        QCoreApplication.translate("InitiativeEditor", "Cross-pressures"),
        [
            (
                QCoreApplication.translate("InitiativeEditor", "&Add cross-pressure…"),
                lambda: editor.new_record("cross_pressures"),
            ),
            (
                QCoreApplication.translate("InitiativeEditor", "Edit…"),
                lambda: editor.edit_record("cross_pressures"),
            ),
            (
                QCoreApplication.translate("InitiativeEditor", "Remove"),
                lambda: editor.remove_row("cross_pressures"),
            ),
        ],
        editor.definition,
    )
    editor.tables["cross_pressures"].selectionModel().currentRowChanged.connect(
        lambda *_: show_definition(editor)
    )
    editor.models["cross_pressures"].dataChanged.connect(lambda *_: show_definition(editor))
    return page


def add_pressure(editor: EditorBase) -> None:
    pressure = d.PressureData(
        category="insufficient_resources",
        severity=2,
        status="open",
        raised_on=dt.date.today(),
        raised_by=editor.db.user,
    )
    append(
        editor,
        "cross_pressures",
        pressure,
        QCoreApplication.translate("InitiativeEditor", "Add cross-pressure"),
        "category",
    )


def show_definition(editor: EditorBase) -> None:
    """What the current row's category means, with its description and resolution."""
    table = editor.tables["cross_pressures"]
    row = table.currentIndex().row()
    records = editor.models["cross_pressures"].records
    if not (0 <= row < len(records)):
        editor.definition.setText(
            QCoreApplication.translate(
                "InitiativeEditor", "Select a cross-pressure to see what its category means."
            )
        )
        return
    category = v.PressureCategory.get(records[row].category)
    text = PRESSURE_DEFINITIONS[category].get(i18n.lang())
    record = records[row]
    details = f"<b>{escape(category.label(i18n.lang()))}:</b> {escape(text)}"
    if record.description:
        details += "<br><b>{}:</b> {}".format(
            QCoreApplication.translate("InitiativeEditor", "Description"),
            escape(record.description),
        )
    if record.resolution:
        details += "<br><b>{}:</b> {}".format(
            QCoreApplication.translate("InitiativeEditor", "Resolution"),
            escape(record.resolution),
        )
    editor.definition.setText(details)
