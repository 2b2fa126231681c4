"""Keyboard entry: a whole initiative by keys alone, and no key sequence that drops a value."""

from __future__ import annotations

import datetime as dt

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtTest import QSignalSpy, QTest
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QMessageBox, QWidget

from coprod_desktop.services import initiatives, stakeholders
from coprod_desktop.ui.record_forms import RecordForm

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


class Keyboard:
    """Types into whatever has the focus, as a user would, and counts every key."""

    def __init__(self, window: QWidget) -> None:
        self.count = 0
        self.typed = 0  # of which characters of the values themselves
        self.window = window

    def target(self) -> QWidget:
        widget = QApplication.focusWidget()
        assert widget is not None, "nothing has the keyboard focus"
        return widget

    def type(self, text: str) -> None:
        for char in text:
            self.count += 1
            self.typed += 1
            QTest.keyClick(self.target(), char)
            self.settle()

    def press(
        self,
        key: Qt.Key,
        modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
        times: int = 1,
    ) -> None:
        for _ in range(times):
            self.count += 1
            QTest.keyClick(self.target(), key, modifier)
            self.settle()

    def settle(self) -> None:
        """Let a dialog that a key opened (or closed) take the focus, as a window manager does."""
        for _ in range(100):
            QApplication.processEvents()
            modal = QApplication.activeModalWidget()
            focus = QApplication.focusWidget()
            if modal is None and focus is not None and not isinstance(focus.window(), QDialog):
                return
            if modal is not None and focus is not None and modal.isAncestorOf(focus):
                return
            if modal is None and focus is None:
                # The offscreen platform has no window manager to hand the focus back.
                self.window.activateWindow()
            QTest.qWait(10)

    def tab(self, times: int = 1) -> None:
        self.press(Qt.Key.Key_Tab, times=times)

    def alt(self, letter: str) -> None:
        self.press(getattr(Qt.Key, f"Key_{letter.upper()}"), ALT)
        QTest.qWait(150)  # a mnemonic "clicks" the button after a short flash
        self.settle()

    def next_page(self) -> None:
        self.press(Qt.Key.Key_Tab, CTRL)


KEY_GOAL = 120


def closed(form: QWidget) -> bool:
    return not shiboken6.isValid(form) or not form.isVisible()


# The letters a user types: Alt+letter to add a record, and the first letters that choose
# sector "harbours", an association, a municipal budget and volunteer hours.
LETTERS = {
    "en": {"add": "a", "sector": "H", "association": "A", "budget": "M", "volunteer": "V"},
    "da": {"add": "t", "sector": "H", "association": "Fo", "budget": "K", "volunteer": "F"},
}


@pytest.mark.parametrize("lang", ["en", "da"])
def test_a_whole_initiative_by_keys_alone(empty_window, qtbot, lang):
    window = empty_window
    window.switch_language(lang)
    letters = LETTERS[lang]
    for other in QApplication.topLevelWidgets():  # a dialog an earlier test left open
        if other is not window and other.isVisible():
            other.close()
    window.raise_()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    keys = Keyboard(window)
    keys.settle()
    keys.press(Qt.Key.Key_N, CTRL)
    editor = window.current_editor()
    assert editor is not None
    qtbot.waitUntil(lambda: editor.title.hasFocus())
    keys.type("Harbour bath")
    keys.tab(4)  # reference, summary, description, sector
    keys.type(letters["sector"])  # Harbours
    keys.next_page()  # Classification: the focus is on "Not classified yet"
    keys.press(Qt.Key.Key_Down)  # the arrow selects the type below, as in a radio group
    keys.next_page()  # Stakeholders
    keys.alt("n")  # New stakeholder…
    keys.type("Sailors")
    keys.tab()
    keys.type(letters["association"])
    keys.press(Qt.Key.Key_Return)
    keys.alt("n")
    keys.type("Anna Holm")
    keys.tab(2)
    keys.type(" ")  # a private person
    keys.press(Qt.Key.Key_Return)
    keys.next_page()  # Mandate
    keys.alt(letters["add"])  # Add mandate…: level, clarity, committee, case no., …
    keys.tab(2)
    keys.type("Port board")  # the space once pressed "Add mandate"
    keys.tab()
    keys.type("26-12")
    keys.press(Qt.Key.Key_Return)
    keys.next_page()  # Resources
    keys.alt(letters["add"])  # kind, amount, …
    keys.type(letters["budget"])  # municipal budget
    keys.tab()
    keys.type("50000")
    keys.press(Qt.Key.Key_Return)
    keys.alt(letters["add"])
    keys.type(letters["volunteer"])  # Volunteer hours
    keys.tab()
    keys.type("120")
    keys.press(Qt.Key.Key_Return)
    keys.next_page()  # Cross-pressures
    keys.alt(letters["add"])  # category, coping strategy, …
    keys.tab()
    keys.type("E")  # Escalation
    keys.press(Qt.Key.Key_Return)
    keys.next_page()  # Journal
    keys.alt(letters["add"])
    keys.type("Quay walk")
    keys.tab()
    keys.type(" ")  # tick the first participant (Anna Holm)
    keys.tab()
    keys.type("2027-01-15")
    keys.press(Qt.Key.Key_Return)
    outcome = QSignalSpy(editor.save_finished)
    keys.press(Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: outcome.count() == 1, timeout=10000)
    assert not editor.dirty, editor.summary_error.text()

    saved = initiatives.get_initiative(window.db, editor.data.id)
    assert saved.title == "Harbour bath"
    assert saved.sector == "harbours"
    assert saved.type == "empowerment"
    people = {i.stakeholder_name: i for i in saved.involvements}
    assert set(people) == {"Sailors", "Anna Holm"}
    registry = {s.name: s for s in stakeholders.list_stakeholders(window.db)}
    assert registry["Sailors"].kind == "association" and not registry["Sailors"].is_person
    assert registry["Anna Holm"].is_person
    [mandate] = saved.mandates
    assert (mandate.committee, mandate.reference) == ("Port board", "26-12")
    budget, hours = saved.resources
    assert (budget.kind, budget.amount, budget.unit) == ("municipal_budget", 50000, "DKK")
    assert (hours.kind, hours.amount, hours.unit) == ("volunteer_hours", 120, "hours")
    [pressure] = saved.cross_pressures
    assert pressure.coping_strategy == "escalation"
    [entry] = saved.journal
    assert entry.summary == "Quay walk"
    assert entry.participant_ids == [people["Anna Holm"].stakeholder_id]
    assert entry.follow_up_on == dt.date(2027, 1, 15)

    print(
        f"{lang} keys: {keys.count} ({keys.typed} characters of values, {keys.count - keys.typed} others)"
    )
    assert keys.count < KEY_GOAL
    window.switch_language("en")


def open_mandate_form(window, qtbot) -> tuple[object, Keyboard, RecordForm]:
    window.activateWindow()
    editor = window.new_initiative()
    editor.tabs.setCurrentWidget(editor.pages["mandates"])
    editor.tables["mandates"].setFocus()
    keys = Keyboard(window)
    keys.settle()
    keys.alt("a")
    form = QApplication.activeModalWidget()
    assert isinstance(form, RecordForm)
    return editor, keys, form


def test_tab_through_every_field_and_spaces_never_press_a_button(window, qtbot):
    editor, keys, form = open_mandate_form(window, qtbot)
    keys.tab(2)
    keys.type("Harbour and marina committee")
    keys.tab()
    keys.type("2026 123")
    keys.tab()
    keys.type("2027-06-30")
    keys.tab(3)  # decided on, granted by, scope: Tab passes the yes/no box without losing anything
    keys.type("  ")
    keys.tab()
    keys.type(" ")  # political anchoring: ticked
    keys.press(Qt.Key.Key_Tab, SHIFT)
    keys.press(Qt.Key.Key_Tab)
    assert form.isVisible()  # no space reached a button
    keys.press(Qt.Key.Key_Return)
    assert closed(form)
    [mandate] = editor.data.mandates
    assert mandate.committee == "Harbour and marina committee"
    assert mandate.reference == "2026 123"
    assert mandate.valid_until == dt.date(2027, 6, 30)
    assert mandate.political_anchoring is True
    assert editor.tables["mandates"].hasFocus()
    window.undo_action.trigger()  # one form, one undo step
    assert editor.data.mandates == []


def test_escape_asks_before_dropping_typed_values(window, qtbot, monkeypatch):
    editor, keys, form = open_mandate_form(window, qtbot)
    keys.tab(2)
    keys.type("Harbour board")
    asked = []

    def keep(*args, **kwargs):
        asked.append(args)
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "question", keep)
    keys.press(Qt.Key.Key_Escape)
    assert asked and form.isVisible()
    committee = form.field("committee")
    assert isinstance(committee, QLineEdit) and committee.text() == "Harbour board"
    keys.press(Qt.Key.Key_Return)
    assert [m.committee for m in editor.data.mandates] == ["Harbour board"]


def test_an_untouched_form_adds_no_blank_record(window, qtbot):
    editor, keys, form = open_mandate_form(window, qtbot)
    keys.press(Qt.Key.Key_Return)
    assert form.isVisible() and form.nothing.isVisibleTo(form)
    keys.press(Qt.Key.Key_Escape)  # nothing typed: closes without asking
    assert closed(form)
    assert editor.data.mandates == [] and not editor.dirty


def test_return_on_a_row_edits_it_and_insert_adds_one(window, qtbot):
    ident = initiatives.get_initiative(window.db, "CP-2024-001").id
    editor = window.open_initiative(ident)
    editor.tabs.setCurrentWidget(editor.pages["journal"])
    table = editor.tables["journal"]
    table.setFocus()
    table.setCurrentIndex(editor.models["journal"].index(0, 0))
    keys = Keyboard(window)
    keys.settle()
    before = len(editor.data.journal)
    keys.press(Qt.Key.Key_Return)
    form = QApplication.activeModalWidget()
    assert isinstance(form, RecordForm) and not form.new
    keys.press(Qt.Key.Key_End, CTRL)
    keys.type(" (moved)")
    keys.press(Qt.Key.Key_Return, CTRL)
    assert editor.data.journal[0].summary.endswith(" (moved)")
    assert len(editor.data.journal) == before
    keys.press(Qt.Key.Key_Insert)
    form = QApplication.activeModalWidget()
    assert isinstance(form, RecordForm) and form.new
    keys.type("Phone call with the harbour master")
    keys.press(Qt.Key.Key_Return, CTRL)
    assert len(editor.data.journal) == before + 1
    assert editor.data.journal[-1].summary == "Phone call with the harbour master"


def test_double_click_edits_and_list_buttons_never_take_return(window, qtbot):
    from PySide6.QtWidgets import QPushButton

    ident = initiatives.get_initiative(window.db, "CP-2024-001").id
    editor = window.open_initiative(ident)
    for name, page in editor.pages.items():
        if name == "reviews":
            continue
        for button in page.findChildren(QPushButton):
            assert not button.autoDefault() and not button.isDefault(), (name, button.text())
    editor.tabs.setCurrentWidget(editor.pages["mandates"])
    table = editor.tables["mandates"]
    rect = table.visualRect(editor.models["mandates"].index(1, 1))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), RecordForm))
    form = QApplication.activeModalWidget()
    assert isinstance(form, RecordForm) and not form.new
    committee = form.field("committee")
    assert isinstance(committee, QLineEdit)
    assert committee.text() == editor.data.mandates[1].committee
    form.done(0)


def test_passing_a_person_kind_while_typing_leaves_no_person_tick(window, qtbot):
    from coprod_desktop.ui.dialogs import StakeholderForm

    form = StakeholderForm()
    qtbot.addWidget(form)
    form.kind.set_key("volunteer")  # "F" in Danish passes Frivillig on the way to Forening
    assert form.is_person.isChecked()
    form.kind.set_key("association")
    assert not form.is_person.isChecked()
    form.is_person.setChecked(True)  # ticked by the user: stays
    form.kind.set_key("business")
    assert form.is_person.isChecked()
