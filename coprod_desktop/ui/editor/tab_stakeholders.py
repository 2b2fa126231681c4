"""The Stakeholders tab: who is involved in the initiative, in which role, with what trust."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from coprod_desktop.domain import model as d
from coprod_desktop.domain import vocab as v
from coprod_desktop.services import stakeholders
from coprod_desktop.ui.dialogs import StakeholderDialog, StakeholderPicker
from coprod_desktop.ui.editor.lists import append, list_page
from coprod_desktop.ui.records import Column
from coprod_desktop.ui.widgets import vocab_label

if TYPE_CHECKING:
    from coprod_desktop.ui.editor.editor_base import EditorBase


def stakeholders_tab(editor: EditorBase) -> QWidget:
    columns = [
        Column(
            "stakeholder_name",
            QCoreApplication.translate("InitiativeEditor", "Stakeholder"),
            "readonly",
            width=250,
        ),
        Column(
            "stakeholder_kind",
            QCoreApplication.translate("InitiativeEditor", "Kind"),
            "readonly",
            width=180,
        ),
        Column(
            "role",
            QCoreApplication.translate("InitiativeEditor", "Role"),
            "vocab",
            v.InvolvementRole,
            required=True,
        ),
        Column(
            "influence",
            QCoreApplication.translate("InitiativeEditor", "Influence"),
            "vocab",
            v.Level3,
            width=80,
        ),
        Column(
            "interest",
            QCoreApplication.translate("InitiativeEditor", "Interest"),
            "vocab",
            v.Level3,
            width=80,
        ),
        Column(
            "trust",
            QCoreApplication.translate("InitiativeEditor", "Trust"),
            "vocab",
            v.Level3,
            width=80,
        ),
        Column(
            "joined_on", QCoreApplication.translate("InitiativeEditor", "Joined"), "date", width=90
        ),
        Column("left_on", QCoreApplication.translate("InitiativeEditor", "Left"), "date", width=90),
        Column("note", QCoreApplication.translate("InitiativeEditor", "Note"), width=120),
    ]
    page = list_page(
        editor,
        "involvements",
        columns,
        QCoreApplication.translate("InitiativeEditor", "Stakeholders of this initiative"),
        [
            (
                QCoreApplication.translate("InitiativeEditor", "Add e&xisting…"),
                editor.add_existing_stakeholder,
            ),
            (
                QCoreApplication.translate("InitiativeEditor", "&New stakeholder…"),
                editor.create_stakeholder,
            ),
            (
                QCoreApplication.translate("InitiativeEditor", "Edit…"),
                lambda: editor.edit_record("involvements"),
            ),
            (
                QCoreApplication.translate("InitiativeEditor", "Remove"),
                lambda: editor.remove_row("involvements"),
            ),
        ],
    )
    editor.models["involvements"].display_hooks["stakeholder_kind"] = lambda r: vocab_label(
        v.StakeholderKind, r.stakeholder_kind
    )
    return page


def add_involvement(editor: EditorBase, person: d.StakeholderData, role: str) -> None:
    if person.id is None:
        return
    editor.names[person.id] = person.name
    involvement = d.InvolvementData(
        stakeholder_id=person.id,
        role=role,
        joined_on=dt.date.today(),
        stakeholder_name=person.name,
        stakeholder_kind=person.kind,
        stakeholder_is_person=person.is_person,
    )
    append(
        editor,
        "involvements",
        involvement,
        QCoreApplication.translate("InitiativeEditor", "Add stakeholder"),
    )


def add_existing_stakeholder(editor: EditorBase) -> None:
    """Pick stakeholders from the registry (one undo step for all those picked)."""
    known = stakeholders.list_stakeholders(editor.db)
    present = {i.stakeholder_id for i in editor.data.involvements if i.stakeholder_id}
    picker = StakeholderPicker(known, present, editor)
    by_id = {s.id: s for s in known}

    def chosen(result: int) -> None:
        picker.deleteLater()
        editor.tables["involvements"].setFocus()
        if result != StakeholderPicker.DialogCode.Accepted or not picker.chosen():
            return
        role = picker.role.key() or "partner"
        editor.undo.beginMacro(QCoreApplication.translate("InitiativeEditor", "Add stakeholders"))
        for ident in picker.chosen():
            editor.add_involvement(by_id[ident], role)
        editor.undo.endMacro()

    picker.finished.connect(chosen)
    picker.open()


def create_stakeholder(editor: EditorBase) -> None:
    """A new stakeholder in the registry, involved in this initiative at once."""
    dialog = StakeholderDialog(
        lambda data: stakeholders.create_stakeholder(editor.db, data), None, editor
    )

    def created(result: int) -> None:
        dialog.deleteLater()
        editor.tables["involvements"].setFocus()
        if result == StakeholderDialog.DialogCode.Accepted and dialog.saved is not None:
            editor.add_involvement(dialog.saved)

    dialog.finished.connect(created)
    dialog.open()
