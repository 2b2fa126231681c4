"""The Mandate tab: the mandates granted over time (the latest one is the current mandate)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QWidget

from coprod_desktop.domain import model as d
from coprod_desktop.domain import vocab as v
from coprod_desktop.ui.editor.lists import append, list_page
from coprod_desktop.ui.records import Column

if TYPE_CHECKING:
    from coprod_desktop.ui.editor.editor_base import EditorBase


def mandate_tab(editor: EditorBase) -> QWidget:
    columns = [
        Column(
            "decided_on",
            QCoreApplication.translate("InitiativeEditor", "Decided on"),
            "date",
            width=100,
        ),
        Column(
            "level",
            QCoreApplication.translate("InitiativeEditor", "Level"),
            "vocab",
            v.MandateLevel,
            width=170,
            required=True,
        ),
        Column(
            "clarity",
            QCoreApplication.translate("InitiativeEditor", "Clarity"),
            "vocab",
            v.Clarity,
            width=90,
            required=True,
        ),
        Column(
            "granted_by", QCoreApplication.translate("InitiativeEditor", "Granted by"), width=170
        ),
        Column(
            "scope",
            QCoreApplication.translate("InitiativeEditor", "Scope (may decide without asking)"),
            width=230,
        ),
        Column(
            "political_anchoring",
            QCoreApplication.translate("InitiativeEditor", "Political anchoring"),
            "bool",
            width=130,
        ),
        Column("committee", QCoreApplication.translate("InitiativeEditor", "Committee"), width=150),
        Column("reference", QCoreApplication.translate("InitiativeEditor", "Case no."), width=100),
        Column(
            "valid_until",
            QCoreApplication.translate("InitiativeEditor", "Valid until"),
            "date",
            width=100,
        ),
    ]
    intro = QLabel(
        QCoreApplication.translate(
            "InitiativeEditor",
            "The mandates granted over time; the latest one is the current mandate.",
        ),
        editor,
    )
    intro.setWordWrap(True)
    return list_page(
        editor,
        "mandates",
        columns,
        QCoreApplication.translate("InitiativeEditor", "Mandates"),
        [
            (
                QCoreApplication.translate("InitiativeEditor", "&Add mandate…"),
                lambda: editor.new_record("mandates"),
            ),
            (
                QCoreApplication.translate("InitiativeEditor", "Edit…"),
                lambda: editor.edit_record("mandates"),
            ),
            (
                QCoreApplication.translate("InitiativeEditor", "Remove"),
                lambda: editor.remove_row("mandates"),
            ),
        ],
        intro,
    )


def add_mandate(editor: EditorBase) -> None:
    """A new row in the table, its level being edited (the form is for Return/double-click)."""
    mandate = d.MandateData(
        level="immediate_manager", clarity="partial", decided_on=dt.date.today()
    )
    append(
        editor,
        "mandates",
        mandate,
        QCoreApplication.translate("InitiativeEditor", "Add mandate"),
        "level",
    )
