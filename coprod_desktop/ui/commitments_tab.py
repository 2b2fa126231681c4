"""The editor's Commitments tab, and making a commitment from a journal entry.

Commitments are edited like the editor's other child lists (a `RecordModel` that hands a new
list to the editor, which pushes an undoable `ListCommand`); nothing is written until Save.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from coprod_desktop.domain import model as d
from coprod_desktop.domain import vocab as v
from coprod_desktop.ui.records import Column
from coprod_desktop.ui.widgets import vocab_label

if TYPE_CHECKING:
    from coprod_desktop.ui.editor.editor_base import EditorBase

CLOSED = ("done", "dropped")


def commitments_tab(editor: EditorBase) -> QWidget:
    columns = [
        Column(
            "text",
            QCoreApplication.translate("Commitments", "Commitment"),
            width=320,
            required=True,
        ),
        Column(
            "status",
            QCoreApplication.translate("Commitments", "Status"),
            "vocab",
            v.CommitmentStatus,
            width=110,
            required=True,
        ),
        Column("owner", QCoreApplication.translate("Commitments", "Owner"), width=150),
        Column(
            "counterpart_id",
            QCoreApplication.translate("Commitments", "Promised to"),
            "choice",
            width=200,
        ),
        Column("due_on", QCoreApplication.translate("Commitments", "Due on"), "date", width=100),
        Column("done_on", QCoreApplication.translate("Commitments", "Done on"), "date", width=100),
        Column(
            "journal",
            QCoreApplication.translate("Commitments", "From journal entry"),
            "readonly",
            width=170,
        ),
        Column("note", QCoreApplication.translate("Commitments", "Note"), width=200),
    ]
    page = editor._list_page(
        "commitments",
        columns,
        QCoreApplication.translate("Commitments", "Commitments"),
        [
            (QCoreApplication.translate("Commitments", "&Add commitment"), lambda: add(editor)),
            (QCoreApplication.translate("Commitments", "Mark &done"), lambda: mark_done(editor)),
            (
                QCoreApplication.translate("Commitments", "Remove"),
                lambda: editor.remove_row("commitments"),
            ),
        ],
    )
    model = editor.models["commitments"]
    model.choices["counterpart_id"] = editor.stakeholder_choices
    model.display_hooks["journal"] = lambda record: journal_label(editor.data, record.journal)

    def follow(record: Any, field: str) -> None:
        if field == "status":
            if record.status in CLOSED and record.done_on is None:
                record.done_on = dt.date.today()
            elif record.status not in CLOSED:
                record.done_on = None
        if field == "counterpart_id":
            record.counterpart_name = editor.names.get(record.counterpart_id, "")

    model.after_edit = follow
    return page


def journal_label(data: d.InitiativeData, key: str | None) -> str:
    if key is None:
        return ""
    for entry in data.journal:
        if entry.key == key:
            when = entry.date.isoformat() if entry.date else ""
            return f"{when} {vocab_label(v.JournalKind, entry.kind)}".strip()
    return key


def add(editor: EditorBase, record: d.CommitmentData | None = None) -> None:
    """A new commitment: the form (nothing is added until it is saved), or a record already
    filled in (from a journal entry), added as it is; Return then edits it in the form."""
    if record is None:
        editor.new_record("commitments")
        return
    editor._append(
        "commitments", record, QCoreApplication.translate("Commitments", "Add commitment")
    )


def mark_done(editor: EditorBase) -> None:
    row = editor.tables["commitments"].currentIndex().row()
    records = copy.deepcopy(editor.data.commitments)
    if not (0 <= row < len(records)) or records[row].status == "done":
        return
    records[row].status = "done"
    records[row].done_on = records[row].done_on or dt.date.today()
    editor.change_list(
        "commitments", records, QCoreApplication.translate("Commitments", "Mark commitment done")
    )


def remove_journal_entry(editor: EditorBase) -> None:
    """Remove the chosen journal entry; commitments made at it stay, without the link."""
    row = editor.tables["journal"].currentIndex().row()
    if not (0 <= row < len(editor.data.journal)):
        return
    key = editor.data.journal[row].key
    linked = key is not None and any(c.journal == key for c in editor.data.commitments)
    if not linked:
        editor.remove_row("journal")
        return
    promises = copy.deepcopy(editor.data.commitments)
    for promise in promises:
        if promise.journal == key:
            promise.journal = None
    editor.undo.beginMacro(QCoreApplication.translate("Commitments", "Remove journal entry"))
    editor.change_list(
        "commitments", promises, QCoreApplication.translate("Commitments", "Unlink commitments")
    )
    editor.remove_row("journal")
    editor.undo.endMacro()


def _free_key(data: d.InitiativeData, entry: d.JournalData) -> str:
    """A key for a journal entry that has none: its date and a number, unique here."""
    taken = {j.key for j in data.journal if j.key}
    stem = re.sub(r"[^0-9a-z-]", "", (entry.date.isoformat() if entry.date else "entry"))
    number = 1
    while f"{stem}-{number}" in taken:
        number += 1
    return f"{stem}-{number}"


def from_journal(editor: EditorBase) -> None:
    """ "Commitment from this entry": a new commitment linked to the chosen journal entry, due
    on its follow-up date (so an old follow-up date becomes a commitment), in one undo step."""
    row = editor.tables["journal"].currentIndex().row()
    if not (0 <= row < len(editor.data.journal)):
        editor.list_errors["journal"].show_message(
            QCoreApplication.translate("Commitments", "Choose a journal entry first.")
        )
        return
    journal = copy.deepcopy(editor.data.journal)
    entry = journal[row]
    if entry.key is None:
        entry.key = _free_key(editor.data, entry)
    summary = entry.summary.strip()
    made = d.CommitmentData(
        text=summary if len(summary) <= 120 else summary[:119] + "…",
        owner=editor.db.user or None,
        due_on=entry.follow_up_on,
        journal=entry.key,
    )
    if len(entry.participant_ids) == 1:
        made.counterpart_id = entry.participant_ids[0]
        made.counterpart_name = entry.participant_names[0] if entry.participant_names else ""
    editor.undo.beginMacro(
        QCoreApplication.translate("Commitments", "Commitment from journal entry")
    )
    if journal != editor.data.journal:
        editor.change_list(
            "journal", journal, QCoreApplication.translate("Commitments", "Name journal entry")
        )
    add(editor, made)
    editor.undo.endMacro()
