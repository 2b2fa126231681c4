"""Two people, one initiative: the conflict dialog, and live refresh of the portfolio."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from coprod_desktop.services import exchange, initiatives
from coprod_desktop.store.migrate import backup_sqlite, open_database
from coprod_desktop.ui.conflict import MINE, THEIRS, ConflictDialog, EditorNotice
from tests.ui.helpers import save_and_wait


@pytest.fixture
def colleague(window):
    """A second connection to the same file, as another user."""
    other = open_database(str(window.db.path), user="colleague")
    yield other
    other.dispose()


# ---------------------------------------------------------------------- two editors, one database


@pytest.fixture(scope="session")
def _pg_demo(postgres_server) -> str:  # type: ignore[no-untyped-def]
    """The demo portfolio on PostgreSQL, built once; each test gets a copy of it."""
    url = postgres_server.new_database()
    database = open_database(url, user="tester")
    exchange.load_demo(database, "en")
    database.dispose()
    return url.rsplit("/", 1)[1]


@pytest.fixture(params=["sqlite", "postgresql"])
def shared(request, tmp_path, demo_template) -> str:  # type: ignore[no-untyped-def]
    """Where the team's portfolio lives: a file, or a real PostgreSQL database."""
    if request.param == "sqlite":
        path = tmp_path / "team.sqlite"
        backup_sqlite(demo_template, path)
        return str(path)
    server = request.getfixturevalue("postgres_server")
    return str(server.new_database(request.getfixturevalue("_pg_demo")))


@pytest.fixture
def pair(qtbot, shared):  # type: ignore[no-untyped-def]
    """My window and my colleague's, each with its own connection to the shared database."""
    from coprod_desktop.ui.main_window import MainWindow

    windows = []
    for user in ("tester", "colleague"):
        database = open_database(shared, user=user)
        win = MainWindow()
        qtbot.addWidget(win)
        win.set_database(database)
        win.live_refresh.stop()
        windows.append((win, database))
    windows[0][0].show()
    yield windows[0][0], windows[1][0]
    for win, database in windows:
        win.stop_reading()
        win.background.wait()
        database.dispose()


def open_both(pair, reference="CP-2024-010"):  # type: ignore[no-untyped-def]
    me, them = pair
    ident = initiatives.get_initiative(me.db, reference).id
    return ident, me.open_initiative(ident), them.open_initiative(ident)


def add_journal(editor, summary: str) -> None:  # type: ignore[no-untyped-def]
    editor.add_journal()
    row = len(editor.data.journal) - 1
    editor.models["journal"].setData(editor.models["journal"].index(row, 2), summary)


def answer_dialog(monkeypatch, choose):  # type: ignore[no-untyped-def]
    seen: list[ConflictDialog] = []

    def run(dialog):  # type: ignore[no-untyped-def]
        seen.append(dialog)
        return choose(dialog)

    monkeypatch.setattr(ConflictDialog, "exec", run)
    return seen


def press_enter(qtbot):  # type: ignore[no-untyped-def]
    """The dialog answered as a tired user would: Enter, which accepts the preselection."""

    def choose(dialog):  # type: ignore[no-untyped-def]
        dialog.show()
        qtbot.keyClick(dialog, Qt.Key.Key_Return)
        return dialog.result()

    return choose


def test_both_add_a_journal_entry_and_both_are_saved_without_asking(pair, monkeypatch, qtbot):
    ident, mine, theirs = open_both(pair)
    add_journal(theirs, "Their meeting with the rowing club")
    assert save_and_wait(qtbot, theirs)
    add_journal(mine, "My site visit")
    seen = answer_dialog(monkeypatch, lambda d: pytest.fail("nothing to ask"))
    assert save_and_wait(qtbot, mine)
    assert not seen
    saved = initiatives.get_initiative(mine.db, ident)
    summaries = [j.summary for j in saved.journal]
    assert "Their meeting with the rowing club" in summaries and "My site visit" in summaries
    assert [j.summary for j in mine.data.journal] == summaries and not mine.dirty
    notice = mine.findChild(EditorNotice)
    assert notice is not None and notice.isVisibleTo(mine)
    assert "colleague" in notice.label.text() and "Journal (1 added)" in notice.label.text()
    assert not notice.reload_button.isVisibleTo(mine)


def test_enter_in_the_dialog_keeps_both_journal_entries(pair, qtbot, monkeypatch):
    """The reported case: both add a journal entry (and both change the title); Enter used to
    record "delete journal <the colleague's entry>"."""
    ident, mine, theirs = open_both(pair)
    add_journal(theirs, "Their meeting")
    theirs.title.setText("Their title")
    assert save_and_wait(qtbot, theirs)
    add_journal(mine, "My meeting")
    mine.title.setText("My title")
    shown: list[tuple[list[tuple[str | None, str | None]], str]] = []
    enter = press_enter(qtbot)

    def look_then_enter(dialog):  # type: ignore[no-untyped-def]
        keys = [(k.list_name, k.field) for k in dialog.keys]
        shown.append((keys, dialog.combined.text()))
        return enter(dialog)

    answer_dialog(monkeypatch, look_then_enter)
    assert save_and_wait(qtbot, mine)
    ((keys, combined),) = shown
    assert keys == [(None, "title")]  # only the clash is asked
    assert "Journal (1 added)" in combined
    saved = initiatives.get_initiative(mine.db, ident)
    summaries = [j.summary for j in saved.journal]
    assert "Their meeting" in summaries and "My meeting" in summaries
    assert saved.title == "Their title"  # the default keeps what the colleague wrote
    assert not any(e.action == "delete" for e in initiatives.history(mine.db, ident)[:5])


def test_keep_all_mine_keeps_the_title_only_the_colleague_changed(pair, monkeypatch, qtbot):
    """The reported case: "Keep all mine" undid the colleague's new title, a field I never
    touched. Now it applies to what we both changed (the status) only."""
    ident, mine, theirs = open_both(pair)
    before = initiatives.get_initiative(mine.db, ident)
    theirs.title.setText("Their title")
    theirs.status.set_key("paused")
    assert save_and_wait(qtbot, theirs)
    mine.summary.setPlainText("My new summary")
    mine.status.set_key("completed")

    def keep_all_mine(dialog):  # type: ignore[no-untyped-def]
        assert [k.field for k in dialog.keys] == ["status"]
        dialog.all_mine.click()
        dialog.save_button.click()
        return dialog.result()

    seen = answer_dialog(monkeypatch, keep_all_mine)
    assert save_and_wait(qtbot, mine) and len(seen) == 1
    saved = initiatives.get_initiative(mine.db, ident)
    assert (saved.title, saved.summary, saved.status) == (
        "Their title",
        "My new summary",
        "completed",
    )
    assert saved.version > before.version + 1  # type: ignore[operator]
    assert mine.title.text() == "Their title"


def test_the_dialog_shows_before_mine_theirs_and_who_changed_it(pair, monkeypatch, qtbot):
    from PySide6.QtWidgets import QLabel

    _ident, mine, theirs = open_both(pair)
    original_owner = mine.data.owner
    theirs.owner.setText("Anna Havn")
    assert save_and_wait(qtbot, theirs)
    mine.owner.setText("Bo Strand")
    texts: list[str] = []

    def look(dialog):  # type: ignore[no-untyped-def]
        row = dialog.keys.index(dialog.conflict_for(None, "owner").key)
        for column in range(4):
            texts.append(
                dialog.table.cellWidget(row, column).findChild(QLabel).text()
                if column >= 2
                else dialog.table.cellWidget(row, column).text()
            )
        return dialog.DialogCode.Rejected

    answer_dialog(monkeypatch, look)
    assert not save_and_wait(qtbot, mine)
    what, before, my_text, their_text = texts
    assert "Changed by you and by colleague" in what
    assert (original_owner or "(empty)") in before
    assert "Bo Strand" in my_text and "Anna Havn" in their_text


def test_a_row_i_deleted_but_the_colleague_changed_is_asked_and_kept(pair, monkeypatch, qtbot):
    ident, mine, theirs = open_both(pair)
    assert mine.data.journal, "the demo initiative has journal entries"
    first = mine.data.journal[0]
    theirs.models["journal"].setData(theirs.models["journal"].index(0, 2), "Corrected minutes")
    assert save_and_wait(qtbot, theirs)
    mine.tables["journal"].setCurrentIndex(mine.models["journal"].index(0, 0))
    mine.remove_row("journal")
    defaults = {}

    def accept_defaults(dialog):  # type: ignore[no-untyped-def]
        defaults.update({c.kind: dialog.choice(c.key) for c in dialog.conflicts})
        return dialog.DialogCode.Accepted

    answer_dialog(monkeypatch, accept_defaults)
    assert save_and_wait(qtbot, mine)
    assert defaults == {"deleted_by_mine": "theirs"}  # keep the colleague's corrected row
    saved = initiatives.get_initiative(mine.db, ident)
    kept = [j for j in saved.journal if j.id == first.id]
    assert kept and kept[0].summary == "Corrected minutes"


def test_cancel_keeps_my_edits_and_writes_nothing(pair, monkeypatch, qtbot):
    ident, mine, theirs = open_both(pair)
    theirs.title.setText("Their title")
    assert save_and_wait(qtbot, theirs)
    mine.title.setText("My title")
    monkeypatch.setattr(ConflictDialog, "exec", lambda self: self.DialogCode.Rejected)
    assert not save_and_wait(qtbot, mine)
    assert mine.title.text() == "My title" and mine.dirty
    assert initiatives.get_initiative(mine.db, ident).title == "Their title"
    assert mine.merge_state is None


def test_a_third_save_during_the_dialog_is_merged_too(pair, monkeypatch, qtbot):
    ident, mine, theirs = open_both(pair)
    theirs.title.setText("Their title")
    assert save_and_wait(qtbot, theirs)
    mine.title.setText("My title")
    rounds: list[list[object]] = []

    def choose(dialog):  # type: ignore[no-untyped-def]
        rounds.append(list(dialog.keys))
        # someone saves again while I am choosing
        initiatives.update_fields(theirs.db, ident, {"owner": "Third person"})
        dialog.choose_all(MINE)
        return dialog.DialogCode.Accepted

    answer_dialog(monkeypatch, choose)
    assert save_and_wait(qtbot, mine)
    assert len(rounds) == 1  # my choice is not asked again; the owner was only theirs
    saved = initiatives.get_initiative(mine.db, ident)
    assert (saved.title, saved.owner) == ("My title", "Third person")


def test_take_all_theirs_applies_to_the_clashes_only(pair, monkeypatch, qtbot):
    ident, mine, theirs = open_both(pair)
    theirs.title.setText("Their title")
    assert save_and_wait(qtbot, theirs)
    mine.title.setText("My title")
    mine.area.setText("My area")

    def all_theirs(dialog):  # type: ignore[no-untyped-def]
        dialog.choose_all(THEIRS)
        return dialog.DialogCode.Accepted

    answer_dialog(monkeypatch, all_theirs)
    assert save_and_wait(qtbot, mine)
    saved = initiatives.get_initiative(mine.db, ident)
    assert (saved.title, saved.area) == ("Their title", "My area")


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


def _set_date(editor, name: str, text: str) -> None:  # type: ignore[no-untyped-def]
    field = getattr(editor, name)
    field.edit.setText(text)
    field.edit.editingFinished.emit()


def test_a_combination_that_breaks_a_rule_is_not_saved_and_says_why(pair, monkeypatch, qtbot):
    ident, mine, theirs = open_both(pair)
    _set_date(theirs, "end_date", "2024-09-01")
    assert save_and_wait(qtbot, theirs)
    _set_date(mine, "start_date", "2024-10-01")  # fine with the end date I saw
    monkeypatch.setattr(ConflictDialog, "exec", lambda self: pytest.fail("nothing to ask"))
    assert not save_and_wait(qtbot, mine)
    assert "together with the changes colleague made" in mine.summary_error.text()
    assert mine.data.start_date.isoformat() == "2024-10-01" and mine.merge_state is None
    saved = initiatives.get_initiative(mine.db, ident)
    assert (saved.start_date.isoformat(), saved.end_date.isoformat()) == (
        "2024-05-15",
        "2024-09-01",
    )
    _set_date(mine, "start_date", "2024-08-01")  # fixed: now it merges and saves
    assert save_and_wait(qtbot, mine)
    saved = initiatives.get_initiative(mine.db, ident)
    assert (saved.start_date.isoformat(), saved.end_date.isoformat()) == (
        "2024-08-01",
        "2024-09-01",
    )
