"""My work (the start page), marking a commitment done in one click, and making a commitment
from a journal entry in the editor."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QPushButton

from coprod_desktop.domain.errors import ConflictError
from coprod_desktop.services import commitments, initiatives
from coprod_desktop.ui import preferences as prefs
from coprod_desktop.ui.error_messages import plain
from coprod_desktop.ui.my_work import DONE_COLUMN, ROLE, MyWorkView
from tests.ui.helpers import save_and_wait, write_done

TODAY = dt.date(2026, 12, 5)


def lines(view: MyWorkView) -> dict[str, list[str]]:
    """Section heading -> the first column of its lines."""
    found: dict[str, list[str]] = {}
    current = ""
    for index in range(view.tree.topLevelItemCount()):
        item = view.tree.topLevelItem(index)
        if item.data(0, ROLE) is None:
            current = item.text(0).rsplit(" (", 1)[0]
            found[current] = []
        else:
            found[current].append(item.text(0))
    return found


def as_user(window, name: str) -> MyWorkView:  # type: ignore[no-untyped-def]
    prefs.set_value("user/name", name)
    view: MyWorkView = window.my_work
    view.today = TODAY
    view.reload()
    return view


def test_my_work_is_the_start_page_with_my_commitments_overdue_first(window):
    assert window.workspace.currentWidget() is window.my_work
    assert window.workspace.tabText(0) == "My work"
    view = as_user(window, "Hanne Vestergaard")
    sections = lines(view)
    assert "Overdue" not in sections  # nothing of hers is late
    assert sections["Later"][0].startswith("Send the quay plan")
    assert view.heading.text() == "My work — Hanne Vestergaard"

    view = as_user(window, "anne-mette bruun")  # any case
    sections = lines(view)
    assert next(iter(sections)) == "Overdue"
    assert sections["Overdue"] == ["Send the quarterly figures to the Employment Committee"]
    assert sections["Reviews due"] == ["Review"]  # her review was due in September
    assert "1 overdue" in view.summary.text()


def test_an_empty_database_keeps_its_own_start_page(empty_window):
    assert empty_window.workspace.currentWidget() is empty_window.portfolio
    assert lines(empty_window.my_work) == {}


def test_done_is_one_click_and_saved(window, qtbot):
    view = as_user(window, "Anne-Mette Bruun")
    item = view.tree.topLevelItem(1)
    assert item.text(DONE_COLUMN) == "Done"
    where = view.tree.visualItemRect(item)
    x = view.tree.header().sectionViewportPosition(DONE_COLUMN) + 10
    qtbot.mouseClick(
        view.tree.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, where.center().y())
    )
    qtbot.waitUntil(lambda: "Overdue" not in lines(view), timeout=5000)
    saved = initiatives.get_initiative(window.db, "CP-2024-003").commitments[0]
    assert saved.status == "done" and saved.done_on == dt.date.today()
    history = initiatives.history(window.db, "CP-2024-003")
    changed = {(a.entity, a.field, a.new_value) for a in history[:3]}
    assert ("commitment", "status", "done") in changed


OVERDUE = ["Send the quarterly figures to the Employment Committee"]


def test_done_returns_at_once_and_the_list_follows_the_write(
    window, qtbot, monkeypatch, held_write
):
    view = as_user(window, "Anne-Mette Bruun")
    item = view.tree.topLevelItem(1)
    assert lines(view)["Overdue"] == OVERDUE
    held = held_write
    monkeypatch.setattr(commitments, "mark_done", held.hold(commitments.mark_done))
    changed: list[bool] = []
    view.changed.connect(lambda: changed.append(True))
    job = view.mark_done(item)
    assert job is not None and job.ok is None  # the click returned; the write is under way
    assert view.mark_done(item) is None  # a second click on the line: saved once, not twice
    assert lines(view)["Overdue"] == OVERDUE  # nothing shown as kept before it is saved
    held.release()
    assert write_done(qtbot, job)
    assert "Overdue" not in lines(view)  # reloaded once the write was done
    assert changed == [True] and held.calls == 1
    saved = initiatives.get_initiative(window.db, "CP-2024-003").commitments[0]
    assert saved.status == "done"


def test_a_done_that_conflicts_says_so_plainly_and_shows_what_is_true_now(
    window, qtbot, monkeypatch, message_boxes
):
    view = as_user(window, "Anne-Mette Bruun")
    item = view.tree.topLevelItem(1)
    real = commitments.mark_done
    conflict = ConflictError("commitment", "Send the quarterly figures")

    def a_colleague_was_first(db, commitment_id, **_kwargs):  # type: ignore[no-untyped-def]
        real(db, commitment_id)  # kept by a colleague a moment earlier
        raise conflict

    monkeypatch.setattr(commitments, "mark_done", a_colleague_was_first)
    message_boxes.expect(1)
    changed: list[bool] = []
    view.changed.connect(lambda: changed.append(True))
    assert not write_done(qtbot, view.mark_done(item))
    assert message_boxes.problems() == [("warning", "Not saved", plain(conflict))]
    assert "Overdue" not in lines(view)  # reloaded after the failure: what is true now
    assert changed == []
    item = view.tree.topLevelItem(0)
    assert item is not None  # the list is usable again


def test_a_done_finishing_after_another_portfolio_opened_leaves_that_one_alone(
    window, qtbot, monkeypatch, empty_db, held_write
):
    demo = window.db
    view = as_user(window, "Anne-Mette Bruun")
    held = held_write
    monkeypatch.setattr(commitments, "mark_done", held.hold(commitments.mark_done))
    job = view.mark_done(view.tree.topLevelItem(1))
    window.set_database(empty_db)  # opened while the write was under way
    view.reload()
    reloads: list[bool] = []
    monkeypatch.setattr(view, "reload", lambda: reloads.append(True))
    changed: list[bool] = []
    view.changed.connect(lambda: changed.append(True))
    held.release()
    assert write_done(qtbot, job)
    assert reloads == [] and changed == []  # the demo's list is not shown over the empty one
    assert lines(view) == {}
    assert initiatives.get_initiative(demo, "CP-2024-003").commitments[0].status == "done"


def test_the_calendar_file_is_written_on_the_worker(window, qtbot, tmp_path):
    view = as_user(window, "Anne-Mette Bruun")
    target = tmp_path / "mine.ics"
    job = view.write_calendar(target)
    assert write_done(qtbot, job)
    text = target.read_text(encoding="utf-8")
    assert text.startswith("BEGIN:VCALENDAR") and "quarterly figures" in text


def test_a_line_opens_its_initiative_at_the_right_tab(window):
    view = as_user(window, "Anne-Mette Bruun")
    for index in range(view.tree.topLevelItemCount()):
        item = view.tree.topLevelItem(index)
        if item.text(0) == "Review":
            view.tree.itemActivated.emit(item, 0)
            break
    editor = window.current_editor()
    assert editor is not None and editor.data.reference == "CP-2024-003"
    assert editor.tabs.currentWidget() is editor.pages["reviews"]
    window.my_work.tree.itemActivated.emit(window.my_work.tree.topLevelItem(1), 0)
    assert window.current_editor() is editor
    assert editor.tabs.currentWidget() is editor.pages["commitments"]


def test_a_journal_follow_up_becomes_a_commitment_in_one_step(window, qtbot):
    ident = initiatives.get_initiative(window.db, "CP-2024-003").id
    editor = window.open_initiative(ident)
    entry = editor.data.journal[4]
    assert entry.follow_up_on == dt.date(2026, 12, 1) and entry.key is None
    editor.tabs.setCurrentWidget(editor.pages["journal"])
    editor.tables["journal"].setCurrentIndex(editor.models["journal"].index(4, 0))
    button = next(
        b
        for b in editor.pages["journal"].findChildren(QPushButton)
        if b.text() == "Commitment from this entry"
    )
    button.click()
    assert editor.tabs.currentWidget() is editor.pages["commitments"]
    made = editor.data.commitments[-1]
    assert made.due_on == dt.date(2026, 12, 1)
    assert made.journal == editor.data.journal[4].key is not None
    assert made.text.startswith("Lars Østergaard presented")
    model = editor.models["commitments"]
    journal_column = [c.field for c in model.columns].index("journal")
    assert model.index(len(editor.data.commitments) - 1, journal_column).data() == (
        "2026-10-06 Workshop"
    )
    # one undo step takes back both the commitment and the journal entry's new key
    editor.undo.undo()
    assert len(editor.data.commitments) == 1 and editor.data.journal[4].key is None
    editor.undo.redo()
    assert save_and_wait(qtbot, editor)
    saved = initiatives.get_initiative(window.db, ident)
    assert saved.commitments[-1].journal == saved.journal[4].key
    assert saved.commitments[-1].due_on == dt.date(2026, 12, 1)


def test_commitments_tab_adds_and_marks_done(window, qtbot):
    from coprod_desktop.ui.record_forms import RecordForm

    ident = initiatives.get_initiative(window.db, "CP-2024-002").id
    editor = window.open_initiative(ident)
    tab = editor.pages["commitments"]
    before = len(editor.data.commitments)
    buttons = {b.text(): b for b in tab.findChildren(QPushButton)}
    buttons["&Add commitment"].click()  # a form: nothing is added until it is saved
    form = editor.findChild(RecordForm)
    assert form is not None and len(editor.data.commitments) == before
    qtbot.keyClicks(form.field("text"), "Send the brochure to the hotels")
    form.accept()
    new_row = len(editor.data.commitments) - 1
    assert new_row == before and editor.data.commitments[new_row].status == "open"
    model = editor.models["commitments"]
    editor.tables["commitments"].setCurrentIndex(model.index(new_row, 0))
    buttons["Mark &done"].click()
    assert editor.data.commitments[new_row].status == "done"
    assert editor.data.commitments[new_row].done_on == dt.date.today()
    assert save_and_wait(qtbot, editor)
    saved = initiatives.get_initiative(window.db, ident).commitments[new_row]
    assert (saved.text, saved.status) == ("Send the brochure to the hotels", "done")
    # a commitment set open again (in its form) loses its done date
    form = editor.edit_record("commitments", new_row)
    form.field("status").set_key("open")
    form.accept()
    assert editor.data.commitments[new_row].status == "open"
    assert editor.data.commitments[new_row].done_on is None


def test_removing_a_meeting_keeps_the_commitments_made_at_it(window, qtbot):
    ident = initiatives.get_initiative(window.db, "CP-2024-001").id
    editor = window.open_initiative(ident)
    assert editor.data.commitments[0].journal == "first-meeting"
    editor.tables["journal"].setCurrentIndex(editor.models["journal"].index(0, 0))
    removed = editor.data.journal[0].summary
    editor.remove_journal_entry()
    assert removed not in [j.summary for j in editor.data.journal]
    assert len(editor.data.commitments) == 3 and editor.data.commitments[0].journal is None
    assert save_and_wait(qtbot, editor)
    assert initiatives.get_initiative(window.db, ident).commitments[0].journal is None


def test_in_team_mode_what_colleagues_changed_since_i_last_looked(window):
    view: MyWorkView = window.my_work
    view.show_changes = True  # as on a shared database
    view = as_user(window, "Hanne Vestergaard")
    heading = "Changed by colleagues since you last looked"
    assert heading in lines(view)  # the demo was loaded by someone else
    assert any(line.startswith("tester made ") for line in lines(view)[heading])
    view.reload()  # looked just now: nothing new
    assert heading not in lines(view)


def test_the_dashboard_shows_commitments_kept_on_time_per_type_and_sector(window, qtbot):
    view = window.analysis_views.show_dashboard()
    qtbot.waitUntil(lambda: view.data is not None, timeout=10000)
    harbours = view.data.commitments["sector"]["harbours"]
    assert (harbours["kept"], harbours["kept_on_time"], harbours["open"]) == (1, 1, 2)
    assert sum(c["dropped"] for c in view.data.commitments["type"].values()) == 1
    text = view.commitments_label.text()
    assert "Commitments kept on time" in text and "Harbours" in text and "1 (100 %)" in text


def test_the_conflict_dialog_summarises_commitments(qtbot):
    import copy

    from coprod_desktop.domain import merge as merging
    from coprod_desktop.domain import model as d
    from coprod_desktop.ui.conflict import ConflictDialog, row_summary

    theirs = d.InitiativeData(
        id=1, version=2, title="Havnen", commitments=[d.CommitmentData("Ryd stenene", id=5)]
    )
    base = copy.deepcopy(theirs)
    mine = copy.deepcopy(theirs)
    mine.commitments[0].status = "done"
    mine.commitments[0].due_on = TODAY
    theirs.commitments[0].status = "dropped"
    result = merging.merge(base, mine, theirs)
    dialog = ConflictDialog(result, lambda name: name, "anna", {})
    qtbot.addWidget(dialog)
    assert [c.key.list_name for c in dialog.conflicts] == ["commitments"]
    summary = row_summary("commitments", mine.commitments[0])
    assert "Ryd stenene" in summary and "Done" in summary and TODAY.isoformat() in summary
