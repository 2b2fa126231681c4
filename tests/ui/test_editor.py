"""The initiative editor: typing, classifying, stakeholders, saving, undo, validation."""

from __future__ import annotations

import datetime as dt
import threading

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from coprod_desktop.domain import model as d
from coprod_desktop.domain.typology import PRESSURE_DEFINITIONS
from coprod_desktop.domain.vocab import PressureCategory
from coprod_desktop.services import initiatives, stakeholders
from coprod_desktop.ui.editor import InitiativeEditor
from tests.ui.helpers import save_and_wait


def open_ref(window, reference: str) -> InitiativeEditor:
    ident = initiatives.get_initiative(window.db, reference).id
    editor = window.open_initiative(ident)
    assert editor is not None
    return editor


def test_create_classify_add_stakeholder_save_and_reopen(window, qtbot):
    editor = window.new_initiative()
    qtbot.keyClicks(editor.title, "Harbour bath by the old quay")
    qtbot.keyClicks(editor.area, "Strandholm")
    editor.sector.set_key("harbours")
    editor.status.set_key("preparing")
    editor.summary.setPlainText("Swimmers and the sailing club want a harbour bath.")
    editor.tabs.setCurrentIndex(1)
    editor.type_buttons["co_management"].click()
    editor.participation_level.set_key("collaborate")
    editor.value_boxes["sustainable_solutions"].setChecked(True)
    qtbot.keyClicks(editor.type_rationale, "Several actors share the work.")
    club = stakeholders.create_stakeholder(
        window.db, d.StakeholderData(name="Strandholm Sailing Club", kind="association")
    )
    editor.add_involvement(club, "partner")
    assert editor.dirty
    assert save_and_wait(qtbot, editor)
    ident = editor.data.id
    assert ident is not None and editor.data.reference
    assert not editor.dirty
    window.close_tab(window.workspace.indexOf(editor))

    again = window.open_initiative(ident)
    assert again.title.text() == "Harbour bath by the old quay"
    assert again.area.text() == "Strandholm"
    assert again.sector.key() == "harbours" and again.status.key() == "preparing"
    assert again.type_buttons["co_management"].isChecked()
    assert again.frontline_role.key() == "facilitating_collaboration"  # defaulted from the type
    assert again.participation_level.key() == "collaborate"
    assert again.value_boxes["sustainable_solutions"].isChecked()
    assert again.type_rationale.toPlainText() == "Several actors share the work."
    model = again.models["involvements"]
    assert model.rowCount() == 1
    assert model.index(0, 0).data() == "Strandholm Sailing Club"
    assert window.portfolio.model.rowCount() == 17


def test_typing_is_one_undo_step_and_redo_restores_it(window, qtbot):
    editor = open_ref(window, "CP-2024-003")
    before = editor.title.text()
    qtbot.keyClicks(editor.title, " (phase 2)")
    assert editor.data.title == before + " (phase 2)"
    assert editor.undo.count() == 1
    window.undo_action.trigger()
    assert editor.title.text() == before and editor.data.title == before
    assert not editor.dirty
    window.redo_action.trigger()
    assert editor.title.text() == before + " (phase 2)"
    assert editor.dirty


def test_ctrl_z_in_a_field_goes_to_the_editor_stack(window, qtbot):
    editor = open_ref(window, "CP-2024-003")
    editor.area.setFocus()
    editor.area.clear()
    qtbot.keyClicks(editor.area, "Nørrevig")
    editor.owner.setFocus()
    qtbot.keyClicks(editor.owner, "X")
    assert editor.undo.count() == 2
    qtbot.keyClick(editor.owner, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.undo.index() in (1, 2)
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert editor.data.area == editor.original.area
    assert editor.data.owner == editor.original.owner


def test_choosing_a_type_defaults_the_role_and_undo_reverts_both(window):
    editor = window.new_initiative()
    editor.type_buttons["coordination"].click()
    assert editor.frontline_role.key() == "coordinating_volunteers"
    window.undo_action.trigger()
    assert editor.data.type is None and editor.data.frontline_role is None
    assert editor.type_buttons[None].isChecked()
    window.redo_action.trigger()
    assert editor.data.frontline_role == "coordinating_volunteers"


def test_list_edits_undo_and_redo(window):
    editor = open_ref(window, "CP-2024-001")
    count = len(editor.data.mandates)
    editor.add_mandate()
    assert editor.models["mandates"].rowCount() == count + 1
    model = editor.models["mandates"]
    level = [c.field for c in model.columns].index("clarity")
    assert model.setData(model.index(count, level), "clear")
    assert editor.data.mandates[-1].clarity == "clear"
    window.undo_action.trigger()
    assert editor.data.mandates[-1].clarity == "partial"
    window.undo_action.trigger()
    assert len(editor.data.mandates) == count
    window.redo_action.trigger()
    assert len(editor.data.mandates) == count + 1


def test_empty_title_is_shown_beside_the_field(window, qtbot):
    editor = window.new_initiative()
    assert not save_and_wait(qtbot, editor)
    assert editor.errors["title"].isVisibleTo(editor)
    assert "required" in editor.errors["title"].text()
    assert editor.data.id is None
    assert "Not saved" in editor.summary_error.text()


def test_bad_date_is_shown_inline_and_blocks_saving(window, qtbot):
    editor = open_ref(window, "CP-2024-002")
    editor.next_review.edit.setText("2026-02-30")
    editor.next_review.edit.editingFinished.emit()
    assert "is not a date" in editor.errors["next_review"].text()
    assert not save_and_wait(qtbot, editor)
    editor.next_review.edit.setText("2026-02-28")
    editor.next_review.edit.editingFinished.emit()
    assert editor.errors["next_review"].text() == ""
    assert save_and_wait(qtbot, editor)
    assert initiatives.get_initiative(window.db, "CP-2024-002").next_review == dt.date(2026, 2, 28)


def test_the_date_picker_opens_on_the_fields_date_and_fills_the_field(window, qtbot):
    editor = open_ref(window, "CP-2024-002")
    field = editor.next_review
    field.set_value(dt.date(2026, 3, 14))
    field.menu.aboutToShow.emit()  # what opening the "…" menu does
    assert field.calendar.selectedDate().toPython() == dt.date(2026, 3, 14)
    field.calendar.clicked.emit(field.calendar.selectedDate().addDays(3))
    assert field.edit.text() == "2026-03-17"
    assert save_and_wait(qtbot, editor)
    assert initiatives.get_initiative(window.db, "CP-2024-002").next_review == dt.date(2026, 3, 17)


def test_problems_in_a_list_row_are_marked_in_that_tab(window, qtbot):
    editor = open_ref(window, "CP-2024-001")
    entry = d.JournalData(date=dt.date(2026, 1, 5), kind="meeting", summary="")
    editor.change_list("journal", [*editor.data.journal, entry], "add")
    assert not save_and_wait(qtbot, editor)
    row = len(editor.data.journal)
    assert editor.tabs.currentWidget() is editor.pages["journal"]
    assert f"Row {row}" in editor.list_errors["journal"].text()
    model = editor.models["journal"]
    summary = [c.field for c in model.columns].index("summary")
    assert model.index(row - 1, summary).data(Qt.ItemDataRole.ToolTipRole)


def test_unsaved_changes_prompt_cancel_discard_save(window, qtbot, monkeypatch):
    editor = open_ref(window, "CP-2024-005")
    qtbot.keyClicks(editor.title, "!")
    answers = []

    def answer(button):
        def ask(*args, **kwargs):
            answers.append(args[1])
            return button

        return ask

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Cancel))
    assert not window.close_tab(window.workspace.indexOf(editor))
    assert editor in window.editors() and answers
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Save))
    title = editor.data.title
    closed: list[bool] = []
    assert not window.close_tab(window.workspace.indexOf(editor), closed.append)  # saving first
    qtbot.waitUntil(lambda: closed == [True], timeout=10000)
    assert editor not in window.editors()
    assert initiatives.get_initiative(window.db, "CP-2024-005").title == title

    editor = open_ref(window, "CP-2024-005")
    qtbot.keyClicks(editor.title, "?")
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Discard))
    assert window.close_tab(window.workspace.indexOf(editor))
    assert initiatives.get_initiative(window.db, "CP-2024-005").title == title


def test_ctrl_w_closes_a_clean_tab_without_asking(window, qtbot):
    editor = open_ref(window, "CP-2024-006")
    assert window.current_editor() is editor
    window.actions_by_name["close_tab"].trigger()
    assert editor not in window.editors()


def test_revert_throws_away_changes(window, qtbot):
    editor = open_ref(window, "CP-2024-006")
    original = editor.title.text()
    qtbot.keyClicks(editor.title, " changed")
    editor.status.set_key("paused")
    editor.revert()
    assert editor.title.text() == original
    assert editor.status.key() == "active"
    assert not editor.dirty


def test_conflict_is_reported_in_plain_words(window, qtbot, monkeypatch):
    editor = open_ref(window, "CP-2024-007")
    other = initiatives.get_initiative(window.db, "CP-2024-007")
    other.area = "changed elsewhere"
    other.title = "Their title"
    initiatives.save_initiative(window.db, other)
    qtbot.keyClicks(editor.title, " mine")
    from coprod_desktop.ui.conflict import ConflictDialog

    compared = []
    monkeypatch.setattr(
        ConflictDialog,
        "exec",
        lambda self: compared.append([k.field for k in self.keys]) or self.DialogCode.Rejected,
    )
    assert not save_and_wait(
        qtbot, editor
    )  # the user closed the comparison: nothing saved, nothing lost
    assert compared == [["title"]]  # only what both changed is asked; their area is combined
    assert editor.data.title.endswith(" mine") and editor.dirty
    assert "Not saved" in editor.summary_error.text()
    assert initiatives.get_initiative(window.db, "CP-2024-007").area == "changed elsewhere"


def test_resource_totals_split_municipal_and_mobilised(window):
    editor = open_ref(window, "CP-2024-001")
    text = editor.totals.text()
    assert "Municipal input" in text and "Mobilised from outside" in text
    assert "2,400,000 DKK" in text
    editor.add_resource()
    model = editor.models["resources"]
    amount = [c.field for c in model.columns].index("amount")
    model.setData(model.index(model.rowCount() - 1, amount), 30.0)
    assert "30 hours" in editor.totals.text()


def test_resource_kind_sets_the_unit(window):
    editor = open_ref(window, "CP-2024-001")
    editor.add_resource()
    model = editor.models["resources"]
    kind = [c.field for c in model.columns].index("kind")
    model.setData(model.index(model.rowCount() - 1, kind), "external_funding")
    assert editor.data.resources[-1].unit == "DKK"


def test_cross_pressure_category_shows_its_definition(window):
    editor = open_ref(window, "CP-2024-001")
    editor.tabs.setCurrentWidget(editor.pages["cross_pressures"])
    table = editor.tables["cross_pressures"]
    table.setCurrentIndex(editor.models["cross_pressures"].index(0, 0))
    category = PressureCategory.get(editor.data.cross_pressures[0].category)
    assert PRESSURE_DEFINITIONS[category].en in editor.definition.text()
    index = editor.models["cross_pressures"].index(0, 0)
    assert index.data(Qt.ItemDataRole.ToolTipRole) == PRESSURE_DEFINITIONS[category].en


def test_journal_participants(window, qtbot):
    editor = open_ref(window, "CP-2024-001")
    editor.add_journal()
    row = len(editor.data.journal) - 1
    first = editor.data.involvements[0]
    editor.set_participants(row, [first.stakeholder_id])
    model = editor.models["journal"]
    model.setData(model.index(row, 2), "Harbour walk with the association")
    assert save_and_wait(qtbot, editor)
    saved = initiatives.get_initiative(window.db, "CP-2024-001")
    entry = next(j for j in saved.journal if j.summary == "Harbour walk with the association")
    assert entry.participant_ids == [first.stakeholder_id]


def test_history_tab_shows_the_audit_trail(window, qtbot, qtmodeltester):
    editor = open_ref(window, "CP-2024-008")
    qtbot.keyClicks(editor.area, " Nord")
    assert save_and_wait(qtbot, editor)
    editor.tabs.setCurrentIndex(editor.tabs.count() - 1)
    model = editor.history_model
    qtmodeltester.check(model)
    assert model.rowCount() > 0
    assert model.index(0, 1).data() == "tester"
    assert model.index(0, 4).data() == "Area"  # the label, not the column name


def test_record_models_pass_the_model_tester(window, qtmodeltester):
    editor = open_ref(window, "CP-2024-001")
    for model in editor.models.values():
        assert model.rowCount() > 0
        qtmodeltester.check(model)


def test_several_editors_and_the_undo_group(window, qtbot):
    first = open_ref(window, "CP-2024-001")
    second = open_ref(window, "CP-2024-002")
    assert window.undo_group.activeStack() is second.undo
    qtbot.keyClicks(second.area, "x")
    window.workspace.setCurrentWidget(first)
    assert window.undo_group.activeStack() is first.undo
    assert not window.undo_action.isEnabled()
    window.workspace.setCurrentWidget(second)
    assert window.undo_action.isEnabled()
    assert window.workspace.tabText(window.workspace.indexOf(second)).startswith("* ")


def test_keyboard_shortcuts_are_set(window):
    get = window.actions_by_name
    assert get["new_initiative"].shortcut().toString() == "Ctrl+N"
    assert get["save"].shortcut().toString() == "Ctrl+S"
    assert get["find"].shortcut().toString() == "Ctrl+F"
    assert get["close_tab"].shortcut().toString() == "Ctrl+W"
    assert get["quit"].shortcut().toString() == "Ctrl+Q"
    assert window.undo_action.shortcut().toString() == "Ctrl+Z"
    assert window.redo_action.shortcut().toString() == "Ctrl+Shift+Z"


def test_ctrl_s_saves_the_current_editor(window, qtbot):
    editor = open_ref(window, "CP-2024-009")
    qtbot.keyClicks(editor.area, " Syd")
    window.actions_by_name["save"].trigger()
    qtbot.waitUntil(lambda: not editor.dirty, timeout=10000)  # the write runs off the GUI thread
    assert initiatives.get_initiative(window.db, "CP-2024-009").area.endswith(" Syd")


def test_inputs_have_accessible_names(window):
    from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit

    editor = open_ref(window, "CP-2024-001")
    overview = editor.tabs.widget(0)
    inputs = overview.findChildren(QLineEdit) + overview.findChildren(QComboBox)
    inputs += overview.findChildren(QPlainTextEdit)
    missing = [w for w in inputs if not w.accessibleName() and not w.objectName().startswith("qt_")]
    assert inputs and not missing


def test_danish_dates_are_typed_and_shown_as_danes_write_them(qtbot, demo_db):
    from coprod_desktop.ui import i18n
    from coprod_desktop.ui.main_window import MainWindow

    i18n.set_language("da")
    win = MainWindow()
    qtbot.addWidget(win)
    win.set_database(demo_db)
    editor = open_ref(win, "CP-2024-002")
    field = editor.next_review
    assert field.edit.placeholderText() == "D.M.ÅÅÅÅ"
    for typed in ("15-01-2027", "15/1 2027", "2027-01-15", "15.1.2027"):
        field.edit.clear()
        qtbot.keyClicks(field.edit, typed)
        qtbot.keyClick(field.edit, Qt.Key.Key_Return)
        assert editor.errors["next_review"].text() == ""
        assert field.edit.text() == "15.1.2027"  # read back in the form the briefs print
    assert save_and_wait(qtbot, editor)
    assert initiatives.get_initiative(demo_db, "CP-2024-002").next_review == dt.date(2027, 1, 15)

    mandates = editor.models["mandates"]
    column = [c.field for c in mandates.columns].index("valid_until")
    index = mandates.index(0, column)
    assert mandates.setData(index, "31/12 2027")
    assert index.data() == "31.12.2027"
    field.edit.setText("31.2.2027")
    field.edit.editingFinished.emit()
    assert "er ikke en dato" in editor.errors["next_review"].text()
    win.stop_reading()
    win.background.wait()


def test_save_returns_at_once_and_tells_the_outcome_once_written(window, qtbot):
    editor = open_ref(window, "CP-2024-003")
    qtbot.keyClicks(editor.area, " Vest")
    told: list[bool] = []
    signalled: list[bool] = []
    editor.save_finished.connect(signalled.append)
    editor.save(told.append)
    assert editor.dirty and told == []  # the write runs off the GUI thread; typing goes on
    editor.save(told.append)  # Save pressed again meanwhile: the save under way answers it
    qtbot.waitUntil(lambda: told == [True, True], timeout=10000)
    assert signalled == [True] and not editor.dirty
    assert initiatives.get_initiative(window.db, "CP-2024-003").area.endswith(" Vest")


def test_closing_the_window_saves_first_when_asked_and_then_closes(window, qtbot, monkeypatch):
    editor = open_ref(window, "CP-2024-004")
    qtbot.keyClicks(editor.title, " (saved on closing)")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Save)
    assert not window.close()  # not yet: the save goes first
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=10000)
    assert window.editors() == []
    saved = initiatives.get_initiative(window.db, "CP-2024-004")
    assert saved.title.endswith(" (saved on closing)")


def test_a_save_that_fails_on_closing_keeps_the_window_and_what_was_typed(
    window, qtbot, monkeypatch
):
    editor = window.new_initiative()  # no title: the save is refused
    qtbot.keyClicks(editor.area, "Nordhavn")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Save)
    outcome: list[bool] = []
    editor.save_finished.connect(outcome.append)
    assert not window.close()
    qtbot.waitUntil(lambda: outcome == [False], timeout=10000)
    qtbot.wait(50)  # nothing closes later either
    assert window.isVisible() and editor in window.editors()
    assert editor.area.text() == "Nordhavn" and "required" in editor.errors["title"].text()


def test_discarding_while_a_save_is_under_way_closes_the_tab_cleanly(window, qtbot, monkeypatch):
    editor = open_ref(window, "CP-2024-008")
    qtbot.keyClicks(editor.area, " Øst")
    editor.save()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    assert window.close_tab(window.workspace.indexOf(editor))
    qtbot.waitUntil(lambda: not window.background.busy, timeout=10000)
    qtbot.wait(50)  # the write's callbacks ran against a closed editor: nothing raised
    assert editor not in window.editors()
    assert initiatives.get_initiative(window.db, "CP-2024-008").area.endswith(" Øst")


def test_what_is_typed_while_a_save_runs_is_kept_and_still_unsaved(window, qtbot):
    editor = open_ref(window, "CP-2024-005")
    qtbot.keyClicks(editor.area, " Vest")
    writer = editor.context.writer
    started = threading.Event()
    release = threading.Event()
    real_write = writer.write

    def slow_write(work, on_success, on_failure):  # type: ignore[no-untyped-def]
        def held():  # type: ignore[no-untyped-def]
            started.set()
            release.wait(10)
            return work()

        return real_write(held, on_success, on_failure)

    writer.write = slow_write  # type: ignore[method-assign]
    try:
        told: list[bool] = []
        editor.save(told.append)
        assert started.wait(10)
        qtbot.keyClicks(editor.title, " (typed during the save)")
        release.set()
        qtbot.waitUntil(lambda: told == [True], timeout=10000)
    finally:
        writer.write = real_write  # type: ignore[method-assign]
    assert editor.title.text().endswith(" (typed during the save)")
    assert editor.area.text().endswith(" Vest")
    assert editor.dirty  # the title typed meanwhile is not saved yet
    stored = initiatives.get_initiative(window.db, "CP-2024-005")
    assert stored.area.endswith(" Vest") and not stored.title.endswith("the save)")
    told.clear()
    editor.save(told.append)
    qtbot.waitUntil(lambda: told == [True], timeout=10000)
    assert not editor.dirty
    stored = initiatives.get_initiative(window.db, "CP-2024-005")
    assert stored.title.endswith(" (typed during the save)")
