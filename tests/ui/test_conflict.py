"""Two people, one initiative: the conflict dialog, and live refresh of the portfolio."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from coprod_desktop.services import initiatives
from coprod_desktop.store.migrate import open_database
from coprod_desktop.ui.conflict import MINE, THEIRS, ConflictDialog, EditorNotice


@pytest.fixture
def colleague(window):
    """A second connection to the same file, as another user."""
    other = open_database(str(window.db.path), user="colleague")
    yield other
    other.dispose()


@pytest.fixture
def second_window(qtbot, colleague):
    from coprod_desktop.ui.main_window import MainWindow

    win = MainWindow()
    qtbot.addWidget(win)
    win.set_database(colleague)
    win.live_refresh.stop()
    yield win
    win.background.wait()


def two_editors(window, second_window, qtbot, reference="CP-2024-010"):
    ident = initiatives.get_initiative(window.db, reference).id
    mine = window.open_initiative(ident)
    theirs = second_window.open_initiative(ident)
    # The colleague changes the title and the status and adds a journal entry, then saves.
    theirs.title.setText("Their title")
    theirs.status.set_key("paused")
    theirs.add_journal()
    row = len(theirs.data.journal) - 1
    theirs.models["journal"].setData(theirs.models["journal"].index(row, 2), "Their meeting")
    assert theirs.save()
    # Meanwhile I changed the title and the area.
    mine.title.setText("My title")
    mine.area.setText("My area")
    return ident, mine


def answer_dialog(monkeypatch, choose):
    seen: list[ConflictDialog] = []

    def run(dialog):
        seen.append(dialog)
        choose(dialog)
        return dialog.DialogCode.Accepted

    monkeypatch.setattr(ConflictDialog, "exec", run)
    return seen


def test_second_save_opens_the_dialog_and_keep_mine(window, second_window, qtbot, monkeypatch):
    ident, mine = two_editors(window, second_window, qtbot)
    seen = answer_dialog(monkeypatch, lambda d: d.choose_all(MINE))
    assert mine.save()
    dialog = seen[0]
    assert {"title", "area", "status", "journal"} <= set(dialog.names)
    assert dialog.windowTitle() == "Saved by someone else"
    saved = initiatives.get_initiative(window.db, ident)
    assert saved.title == "My title" and saved.area == "My area"
    assert saved.status == mine.original.status  # my version had the old status
    assert "Their meeting" not in [j.summary for j in saved.journal]
    assert saved.version == mine.data.version and not mine.dirty


def test_take_all_theirs(window, second_window, qtbot, monkeypatch):
    ident, mine = two_editors(window, second_window, qtbot)
    answer_dialog(monkeypatch, lambda d: d.choose_all(THEIRS))
    assert mine.save()
    saved = initiatives.get_initiative(window.db, ident)
    assert saved.title == "Their title" and saved.status == "paused"
    assert saved.area != "My area"
    assert "Their meeting" in [j.summary for j in saved.journal]
    assert mine.title.text() == "Their title"


def test_pick_per_field_with_sensible_defaults(window, second_window, qtbot, monkeypatch):
    ident, mine = two_editors(window, second_window, qtbot)
    defaults: dict[str, str] = {}

    def choose(dialog):
        defaults.update({n: dialog.choice(n) for n in dialog.names})
        dialog.choose("title", THEIRS)  # their title, everything else as proposed

    seen = answer_dialog(monkeypatch, choose)
    before = initiatives.get_initiative(window.db, ident).version
    assert mine.save()
    # Untouched by me -> theirs proposed; changed by me -> mine proposed; both -> mine, marked.
    assert defaults["status"] == THEIRS and defaults["journal"] == THEIRS
    assert defaults["area"] == MINE and defaults["title"] == MINE
    title_row = seen[0].names.index("title")
    assert seen[0].table.item(title_row, 0).text().startswith("⚠")
    saved = initiatives.get_initiative(window.db, ident)
    assert saved.title == "Their title" and saved.area == "My area" and saved.status == "paused"
    assert "Their meeting" in [j.summary for j in saved.journal]
    assert saved.version > before


def test_cancel_keeps_my_edits_and_writes_nothing(window, second_window, qtbot, monkeypatch):
    ident, mine = two_editors(window, second_window, qtbot)
    monkeypatch.setattr(ConflictDialog, "exec", lambda self: self.DialogCode.Rejected)
    assert not mine.save()
    assert mine.title.text() == "My title" and mine.dirty
    assert initiatives.get_initiative(window.db, ident).title == "Their title"


def test_a_third_save_during_the_dialog_is_not_overwritten(
    window, second_window, colleague, qtbot, monkeypatch
):
    ident, mine = two_editors(window, second_window, qtbot)
    rounds: list[list[str]] = []

    def choose(dialog):
        rounds.append(list(dialog.names))
        if len(rounds) == 1:  # someone saves again while I am choosing
            initiatives.update_fields(colleague, ident, {"owner": "Third person"})
        dialog.choose_all(MINE)

    answer_dialog(monkeypatch, choose)
    assert mine.save()
    assert len(rounds) == 2 and "owner" in rounds[1]  # shown again, with the new difference
    saved = initiatives.get_initiative(window.db, ident)
    assert saved.title == "My title"


def test_child_lists_are_summarised_per_row(window, second_window, qtbot, monkeypatch):
    _ident, mine = two_editors(window, second_window, qtbot)
    texts: list[str] = []

    def choose(dialog):
        from PySide6.QtWidgets import QLabel

        row = dialog.names.index("journal")
        texts.append(dialog.table.cellWidget(row, 2).findChild(QLabel).text())
        texts.append(dialog.table.cellWidget(row, 1).findChild(QLabel).text())

    answer_dialog(monkeypatch, choose)
    assert mine.save()
    theirs_html, mine_html = texts
    assert "<b>" in theirs_html and "Their meeting" in theirs_html
    assert theirs_html.count("<br>") >= 1  # one line per row
    assert "missing" in mine_html  # my version lacks their new row


def test_live_refresh_keeps_selection_and_notices_open_editors(
    window, colleague, qtbot, monkeypatch
):
    view = window.portfolio
    table = view.table
    table.selectRow(3)
    selected = view.selected_ids()
    editor_ident = view.model.rows[5].id
    editor = window.open_initiative(editor_ident)
    window.show_portfolio()
    qtbot.keyClicks(editor.area, " (mine, unsaved)")
    window.live_refresh.timer.setInterval(50)
    qtbot.waitUntil(lambda: window.live_refresh.marker is not None, timeout=10000)
    other = view.model.rows[8]
    initiatives.update_fields(colleague, other.id, {"status": "paused"})
    initiatives.update_fields(colleague, editor_ident, {"owner": "Colleague"})
    qtbot.waitUntil(
        lambda: (
            view.model.rows[8].status == "paused"
            and editor.findChild(EditorNotice) is not None
            and editor.findChild(EditorNotice).isVisibleTo(editor)
        ),
        timeout=15000,
    )
    assert view.selected_ids() == selected
    assert editor.area.text().endswith(" (mine, unsaved)") and editor.dirty
    notice = editor.findChild(EditorNotice)
    assert "colleague" in notice.label.text()
    # Reload asks first because of the unsaved edit; then shows their version.
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    notice.reload_button.click()
    assert editor.owner.text() == "Colleague" and not editor.dirty
    assert not notice.isVisibleTo(editor)


def test_own_changes_do_not_trigger_a_refresh(window, qtbot):
    window.live_refresh.timer.setInterval(50)
    qtbot.waitUntil(lambda: window.live_refresh.marker is not None, timeout=10000)
    start = window.live_refresh.marker
    applied: list[object] = []
    window.live_refresh.apply = applied.append  # type: ignore[method-assign]
    initiatives.update_fields(window.db, window.portfolio.model.rows[0].id, {"owner": "Me"})
    qtbot.waitUntil(lambda: window.live_refresh.marker > start, timeout=10000)
    assert not applied
