"""Saving, reverting and closing an editor.

Save starts the write on the window's writer (`EditorContext.writer`) and returns at once; the
outcome comes back through the caller's `on_done(ok)` and the editor's `save_finished` signal.
The data typed stays in the editor untouched when a write fails (locked: Retry; full disk: a
plain message; a colleague saved first: `resolve_conflict`; the shared database gone:
`connection_lost`).
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from coprod_desktop.domain import model as d
from coprod_desktop.domain.errors import (
    ConflictError,
    ConnectionLostError,
    CoprodError,
    ValidationError,
)
from coprod_desktop.domain.merge import rebase_edits
from coprod_desktop.domain.messages import message
from coprod_desktop.services import initiatives
from coprod_desktop.ui import i18n
from coprod_desktop.ui.editor.context import SaveJob
from coprod_desktop.ui.editor.tab_classification import FIELDS as CLASSIFICATION_FIELDS

if TYPE_CHECKING:
    from coprod_desktop.ui.editor.editor_base import EditorBase

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

Done = Callable[[bool], object]


# ---------------------------------------------------------------------- problems


def clear_problems(editor: EditorBase) -> None:
    for label in editor.errors.values():
        label.show_message("")
    for name, label in editor.list_errors.items():
        label.show_message("")
        editor.models[name].set_problems({})
    editor.summary_error.show_message("")


def show_problems(editor: EditorBase, error: ValidationError) -> None:
    """Each problem beside its field or row; the tab of the first one brought forward."""
    clear_problems(editor)
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
                (c.header for c in editor.models[name].columns if c.field == field), field
            )
            current = editor.list_errors[name].text()
            line = QCoreApplication.translate("InitiativeEditor", "Row %1, %2: %3").replace(
                "%1", str(row + 1)
            )
            line = line.replace("%2", header).replace("%3", text)
            editor.list_errors[name].show_message((current + "\n" if current else "") + line)
            tab = editor.tabs.indexOf(editor.pages[name])
        elif problem.path in editor.errors:
            editor.errors[problem.path].show_message(text)
            tab = 1 if problem.path in CLASSIFICATION_FIELDS else 0
        else:
            current = editor.summary_error.text()
            line = problem.message(lang)
            editor.summary_error.show_message((current + "\n" if current else "") + line)
            tab = None
        if tab is not None and first_tab is None:
            first_tab = tab
    for name, problems in per_list.items():
        editor.models[name].set_problems(problems)
    if first_tab is not None:
        editor.tabs.setCurrentIndex(first_tab)
    count = len(error.problems)
    if not editor.summary_error.text():
        editor.summary_error.show_message(
            QCoreApplication.translate(
                "InitiativeEditor",
                "Not saved: %n field(s) need attention (marked below).",
                "",
                count,
            )
        )


# ---------------------------------------------------------------------- saving


def save(editor: EditorBase, on_done: Done | None = None) -> None:
    """Start saving through the service and return at once; `on_done(True)` once saved,
    `on_done(False)` when not (inline errors on invalid input)."""
    if editor.date_problems:
        editor.summary_error.show_message(
            QCoreApplication.translate(
                "InitiativeEditor", "Not saved: correct the dates marked below (use YYYY-MM-DD)."
            )
        )
        editor.tabs.setCurrentIndex(0)
        editor.save_finished.emit(False)
        if on_done is not None:
            on_done(False)
        return
    if on_done is not None:
        editor.save_waiters.append(on_done)
    if editor.saving:
        return  # the save under way answers this one too
    context = editor.context
    if context is None:
        raise RuntimeError("the editor was opened without an EditorContext: it cannot save")
    db = editor.db
    data = copy.deepcopy(editor.data)
    editor.merge_state = None  # a new save by the user merges from the editor's own data
    jobs: list[SaveJob] = []

    def work() -> d.InitiativeData:
        if data.id is None:
            return initiatives.create_initiative(db, data)
        return initiatives.save_initiative(db, data)

    def failed(error: BaseException) -> bool:
        if not shiboken6.isValid(editor):
            return False  # closed while the write ran: the writer says what went wrong
        if isinstance(error, ValidationError):
            if editor.merge_state is not None and context.merge_invalid is not None:
                context.merge_invalid(editor, error)  # the combination with a colleague's save
            else:
                show_problems(editor, error)
            return True
        if isinstance(error, ConflictError) and context.resolve_conflict is not None:
            return context.resolve_conflict(editor, jobs[0], error)
        if isinstance(error, ConnectionLostError) and context.connection_lost is not None:
            return context.connection_lost(editor)
        return False

    editor.saving = True
    editor.save_button.setEnabled(False)
    job = context.writer.write(work, lambda saved: _saved(editor, saved, data), failed)
    jobs.append(job)
    job.finished.connect(lambda ok: _finished(editor, bool(ok)))


def _saved(editor: EditorBase, saved: d.InitiativeData, sent: d.InitiativeData) -> None:
    if not shiboken6.isValid(editor):
        return  # closed (its changes discarded) while the write ran
    typed_meanwhile = editor.data != sent
    editor.original = copy.deepcopy(saved)
    # what was typed while the write ran stays, on top of what was saved (still unsaved)
    editor.data = (
        rebase_edits(sent, editor.data, saved) if typed_meanwhile else copy.deepcopy(saved)
    )
    editor.undo.clear()
    if typed_meanwhile:
        editor.undo.resetClean()  # unsaved again: closing asks, Save writes the rest
    else:
        editor.undo.setClean()  # clear() keeps a clean state reset by an earlier save
    editor.load_widgets()
    editor.dirty_changed.emit(editor.dirty)
    context = editor.context
    if context is not None and context.after_save is not None:
        context.after_save(editor)
    editor.merge_state = None
    assert saved.id is not None
    editor.saved.emit(saved.id)


def _finished(editor: EditorBase, ok: bool) -> None:
    if not shiboken6.isValid(editor):
        return
    editor.saving = False
    editor.save_button.setEnabled(not editor.read_only)
    waiting, editor.save_waiters = editor.save_waiters, []
    editor.save_finished.emit(ok)
    for on_done in waiting:
        on_done(ok)


def revert(editor: EditorBase) -> None:
    """Back to the stored version (re-read, so someone else's save shows up)."""
    fresh = editor.original
    if editor.data.id is not None:
        try:
            fresh = initiatives.get_initiative(editor.db, editor.data.id)
        except CoprodError as error:
            QMessageBox.warning(
                editor,
                QCoreApplication.translate("InitiativeEditor", "Cannot revert"),
                error.message(i18n.lang()),
            )
            return
    editor.original = copy.deepcopy(fresh)
    editor.data = copy.deepcopy(fresh)
    editor.date_problems.clear()
    editor.undo.clear()
    editor.undo.setClean()
    editor.load_widgets()
    editor.dirty_changed.emit(False)


def maybe_close(editor: EditorBase, then: Done) -> None:
    """Ask about unsaved changes; `then(True)` when the tab may close: at once (no changes,
    Discard) or once the save has gone through; `then(False)` on Cancel or a failed save."""
    if not editor.dirty and not editor.date_problems:
        then(True)
        return
    editor.window().raise_()
    answer = QMessageBox.question(
        editor,
        QCoreApplication.translate("InitiativeEditor", "Unsaved changes"),
        QCoreApplication.translate(
            "InitiativeEditor", "Save the changes to “%1” before closing?"
        ).replace(
            "%1",
            editor.data.title or QCoreApplication.translate("InitiativeEditor", "New initiative"),
        ),
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Save,
    )
    if answer == QMessageBox.StandardButton.Save:
        save(editor, then)
    else:
        then(answer == QMessageBox.StandardButton.Discard)
