"""Drafts of open editors: written shortly after each change, offered again after a crash.

`keep(editor, database)` follows an editor: half a second after each change (and every
30 seconds while there are unsaved changes) it writes the editor's data to a draft in the
data folder (`services.drafts`); a save, a revert or closing without saving removes it.
When a database is opened, `offer_restore` lists the drafts left behind for it (the program
ended before they were saved) and reopens them as unsaved edits, or discards them.
"""

from __future__ import annotations

import copy
import logging
import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtWidgets import QMessageBox, QWidget

from coprod_desktop.domain.errors import CoprodError
from coprod_desktop.services import drafts
from coprod_desktop.store.db import Database
from coprod_desktop.ui.widgets import moment_text

if TYPE_CHECKING:
    from coprod_desktop.ui.editor import InitiativeEditor

log = logging.getLogger(__name__)

AFTER_CHANGE_MS = 500  # a draft lands this soon after typing stops (and at least every…)
PERIOD_MS = 30_000  # …30 s during continuous typing


def database_label(db: Database) -> str:
    """The database as drafts remember it (no password)."""
    if db.path is not None:
        return str(db.path)
    from coprod_desktop.services.credentials import without_password

    return without_password(db.url)


class DraftKeeper(QObject):
    """Keeps the draft of one editor in step with its unsaved changes."""

    def __init__(self, editor: InitiativeEditor, database: str) -> None:
        super().__init__(editor)
        self.editor = editor
        self.database = database
        ident = editor.data.id
        self.key = f"initiative-{ident}" if ident is not None else f"new-{uuid.uuid4().hex}"
        self.soon = QTimer(self)
        self.soon.setSingleShot(True)
        self.soon.setInterval(AFTER_CHANGE_MS)
        self.soon.timeout.connect(self.write)
        self.period = QTimer(self)
        self.period.setInterval(PERIOD_MS)
        self.period.timeout.connect(self.write)
        self.period.start()
        editor.undo.indexChanged.connect(self._changed)
        editor.saved.connect(self._saved)

    def _changed(self, _index: int) -> None:
        if not self.soon.isActive():
            self.soon.start()

    def _saved(self, ident: int) -> None:
        self.discard()
        self.key = f"initiative-{ident}"  # a new initiative's later drafts follow its id

    def write(self) -> None:
        """Write the draft now (or remove it when nothing is unsaved)."""
        self.soon.stop()
        editor = self.editor
        if not editor.dirty:
            self.discard()
            return
        # a full disk must not take the editor down: the edit is still here
        try:
            drafts.save_draft(self.key, self.database, editor.original, editor.data)
        except (OSError, CoprodError):
            log.warning("could not write the draft of %s", self.key, exc_info=True)

    def discard(self) -> None:
        self.soon.stop()
        try:
            drafts.discard_draft(self.key, self.database)
        except OSError:
            log.warning("could not remove the draft of %s", self.key, exc_info=True)


def keep(editor: InitiativeEditor, db: Database) -> DraftKeeper:
    return DraftKeeper(editor, database_label(db))  # the editor's child: found by keeper_of


def keeper_of(editor: QWidget) -> DraftKeeper | None:
    keeper = editor.findChild(DraftKeeper)
    return keeper


def apply_draft(editor: InitiativeEditor, draft: drafts.Draft) -> None:
    """Put the draft's edits into an editor opened on the draft's base, as one undo step."""
    from coprod_desktop.ui.editor import LISTS, FieldCommand, ListCommand

    editor.undo.beginMacro(QCoreApplication.translate("Drafts", "Restore draft"))
    for name in editor.bindings:
        old, new = getattr(editor.data, name), getattr(draft.data, name)
        if old != new:
            editor.undo.push(FieldCommand(editor, name, old, new, False))
    for name in LISTS:
        old, new = getattr(editor.data, name), getattr(draft.data, name)
        if old != new:
            editor.undo.push(
                ListCommand(
                    editor,
                    name,
                    old,
                    copy.deepcopy(new),
                    QCoreApplication.translate("Drafts", "Restore draft"),
                )
            )
    editor.undo.endMacro()


RESTORE, DISCARD, LATER = "restore", "discard", "later"


def ask(parent: QWidget, found: list[drafts.Draft]) -> str:
    """Restore, discard or keep for later the drafts left behind (one question for all)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("Drafts", "Unsaved work found"))
    box.setText(
        QCoreApplication.translate(
            "Drafts",
            "The program ended before %n initiative(s) were saved. Restore the unsaved changes?",
            "",
            len(found),
        )
    )
    lines = [
        f"• {draft.title or QCoreApplication.translate('Drafts', 'New initiative')} ({moment_text(draft.saved_at)})"
        for draft in found[:12]
    ]
    box.setInformativeText("\n".join(lines))
    restore = box.addButton(
        QCoreApplication.translate("Drafts", "&Restore"), QMessageBox.ButtonRole.AcceptRole
    )
    discard = box.addButton(
        QCoreApplication.translate("Drafts", "&Discard"), QMessageBox.ButtonRole.DestructiveRole
    )
    box.addButton(QCoreApplication.translate("Drafts", "&Later"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(restore)
    box.exec()
    clicked = box.clickedButton()
    if clicked is restore:
        return RESTORE
    if clicked is discard:
        return DISCARD
    return LATER


def offer_restore(
    parent: QWidget,
    db: Database,
    open_editor: Callable[[drafts.Draft], InitiativeEditor | None],
    answer: Callable[[QWidget, list[drafts.Draft]], str] | None = None,
) -> list[InitiativeEditor]:
    """Offer the drafts left for `db`; reopen them through `open_editor` when asked to."""
    database = database_label(db)
    found = drafts.list_drafts(database)
    if not found:
        return []
    choice = (answer or ask)(parent, found)
    if choice == DISCARD:
        for draft in found:
            drafts.discard_draft(draft.key, database)
        return []
    if choice != RESTORE:
        return []
    restored = []
    for draft in found:
        editor = open_editor(draft)
        if editor is None:
            continue
        apply_draft(editor, draft)
        drafts.discard_draft(draft.key, database)  # the editor's keeper writes it anew
        keeper = keeper_of(editor)
        if keeper is not None:
            keeper.write()
        restored.append(editor)
    return restored
