"""The Journal tab: meetings, calls and e-mails with their participants and follow-ups."""

from __future__ import annotations

import copy
import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from coprod_desktop.domain import model as d
from coprod_desktop.domain import vocab as v
from coprod_desktop.ui.editor.lists import append, list_page
from coprod_desktop.ui.records import Column

if TYPE_CHECKING:
    from coprod_desktop.ui.editor.editor_base import EditorBase


def journal_tab(editor: EditorBase) -> QWidget:
    columns = [
        Column(
            "date",
            QCoreApplication.translate("InitiativeEditor", "Date"),
            "date",
            width=100,
            required=True,
        ),
        Column(
            "kind",
            QCoreApplication.translate("InitiativeEditor", "Kind"),
            "vocab",
            v.JournalKind,
            width=120,
            required=True,
        ),
        Column(
            "summary",
            QCoreApplication.translate("InitiativeEditor", "Summary"),
            width=520,
            required=True,
        ),
        Column(
            "participant_names",
            QCoreApplication.translate("InitiativeEditor", "Participants"),
            "readonly",
            width=330,
        ),
        Column(
            "follow_up_on",
            QCoreApplication.translate("InitiativeEditor", "Follow up on"),
            "date",
            width=110,
        ),
    ]
    return list_page(
        editor,
        "journal",
        columns,
        QCoreApplication.translate("InitiativeEditor", "Journal"),
        [
            (
                QCoreApplication.translate("InitiativeEditor", "&Add entry…"),
                lambda: editor.new_record("journal"),
            ),
            (
                QCoreApplication.translate("InitiativeEditor", "Edit…"),
                lambda: editor.edit_record("journal"),
            ),
            (
                QCoreApplication.translate("InitiativeEditor", "Commitment from this entry"),
                editor.commitment_from_journal,
            ),
            (
                QCoreApplication.translate("InitiativeEditor", "Remove"),
                editor.remove_journal_entry,
            ),
        ],
    )


def add_journal(editor: EditorBase) -> None:
    entry = d.JournalData(date=dt.date.today(), kind="meeting", summary="")
    append(
        editor,
        "journal",
        entry,
        QCoreApplication.translate("InitiativeEditor", "Add journal entry"),
        "summary",
    )


def set_participants(editor: EditorBase, row: int, ids: list[int]) -> None:
    records = copy.deepcopy(editor.data.journal)
    known = dict(editor.stakeholder_choices())
    known.update(zip(records[row].participant_ids, records[row].participant_names, strict=False))
    records[row].participant_ids = list(ids)
    records[row].participant_names = [known.get(i, str(i)) for i in ids]
    editor.change_list(
        "journal", records, QCoreApplication.translate("InitiativeEditor", "Edit participants")
    )
