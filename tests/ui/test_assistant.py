"""The classification assistant: pre-answered from the record, live suggestion, accept + undo."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QGroupBox

from coprod_desktop.domain.classification import QUESTIONS, pre_answer
from coprod_desktop.services import initiatives
from coprod_desktop.ui.assistant import NOT_SURE, ClassificationAssistant


def open_ref(window, reference: str):  # type: ignore[no-untyped-def]
    return window.open_initiative(initiatives.get_initiative(window.db, reference).id)


def test_questions_are_pre_answered_from_the_record_and_the_suggestion_follows(window, qtbot):
    editor = open_ref(window, "CP-2024-001")
    dialog = ClassificationAssistant(editor.data, editor)
    qtbot.addWidget(dialog)
    expected = pre_answer(editor.data)
    assert sum(a is not None for a in expected.values()) >= 4
    for question in QUESTIONS:
        chosen = expected[question.key] or NOT_SURE
        assert dialog.buttons[question.key][chosen].isChecked()
    assert "Co-management" in dialog.verdict.text()
    assert dialog.accept_button.isEnabled()
    assert "typology" in dialog.rationale.text()
    for question in QUESTIONS:  # the user disagrees with everything: empowerment
        dialog.answer(question.key, question.options[1].key)
    assert "Empowerment" in dialog.verdict.text()
    assert "7 of 7" in dialog.rationale.text()
    for question in QUESTIONS:
        dialog.answer(question.key, None)
    assert "No suggestion" in dialog.verdict.text()
    assert not dialog.accept_button.isEnabled()


def test_accepting_sets_type_secondary_and_rationale_and_ctrl_z_reverts(window, qtbot, monkeypatch):
    editor = open_ref(window, "CP-2026-002")  # not classified yet
    editor.tabs.setCurrentIndex(1)
    before_rationale = editor.data.type_rationale
    assert editor.data.type is None
    seen = {}

    def answer(dialog: ClassificationAssistant) -> int:
        for question in QUESTIONS[:4]:
            dialog.answer(question.key, question.options[2].key)  # coordination
        for question in QUESTIONS[4:6]:
            dialog.answer(question.key, question.options[1].key)  # empowerment
        seen["rationale"] = dialog.rationale.text()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ClassificationAssistant, "exec", answer)
    editor.assistant_button.click()
    assert editor.type_buttons["coordination"].isChecked()
    assert editor.data.type == "coordination"
    assert editor.secondary_type.key() == "empowerment"
    assert editor.type_rationale.toPlainText() == seen["rationale"]
    assert "Secondary traits of empowerment" in seen["rationale"]
    assert editor.frontline_role.key() == "coordinating_volunteers"
    window.undo_action.trigger()  # one step undoes all of it
    assert editor.type_buttons[None].isChecked() and editor.data.type is None
    assert editor.secondary_type.key() is None
    assert editor.data.type_rationale == before_rationale
    assert not editor.dirty


def test_cancel_changes_nothing(window, monkeypatch):
    editor = open_ref(window, "CP-2024-003")
    monkeypatch.setattr(ClassificationAssistant, "exec", lambda self: QDialog.DialogCode.Rejected)
    editor.assistant_button.click()
    assert not editor.dirty and editor.undo.count() == 0


def _answer_all(dialog: ClassificationAssistant, option: int) -> None:
    for question in QUESTIONS:
        dialog.answer(question.key, question.options[option].key)


def test_tab_lands_on_the_chosen_option_and_arrow_keys_choose(window, qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    editor = open_ref(window, "CP-2024-001")
    dialog = ClassificationAssistant(editor.data, editor)
    qtbot.addWidget(dialog)
    dialog.answer(QUESTIONS[1].key, QUESTIONS[1].options[2].key)  # not the first option
    dialog.show()
    dialog.activateWindow()
    first = QUESTIONS[0].key
    qtbot.waitUntil(lambda: dialog.isAncestorOf(QApplication.focusWidget()))
    assert QApplication.focusWidget() is dialog.groups[first].checkedButton()
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    second = QUESTIONS[1].key
    assert QApplication.focusWidget() is dialog.buttons[second][QUESTIONS[1].options[2].key]
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Up)
    assert dialog.answers()[second] == QUESTIONS[1].options[1].key
    assert QApplication.focusWidget() is dialog.buttons[second][QUESTIONS[1].options[1].key]
    QTest.keyClick(
        QApplication.focusWidget(), Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier
    )
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.buttons[second][QUESTIONS[1].options[1].key]
    dialog.close()


def test_answers_are_there_again_when_the_assistant_is_reopened(window, monkeypatch):
    editor = open_ref(window, "CP-2024-003")
    seen: list[dict] = []

    def answer_then_cancel(dialog: ClassificationAssistant) -> int:
        seen.append(dialog.answers())
        if len(seen) == 1:
            _answer_all(dialog, 1)
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(ClassificationAssistant, "exec", answer_then_cancel)
    editor.assistant_button.click()
    editor.assistant_button.click()
    assert seen[1] == {q.key: q.options[1].key for q in QUESTIONS}
    assert not editor.dirty


def test_from_the_record_only_what_the_record_says(window, qtbot):
    editor = window.new_initiative()
    qtbot.keyClicks(editor.title, "Harbour festival")
    editor.description.setPlainText(
        "Many organisations, the association, businesses and the harbour office share decisions."
    )
    dialog = ClassificationAssistant(editor.data, editor)
    qtbot.addWidget(dialog)
    assert dialog.answers()["participants"] is None  # no stakeholder is recorded
    box = dialog.findChild(QGroupBox, "question-participants")
    assert "from the record" not in box.title()


def test_recorded_facts_line_follows_an_accepted_type(window, monkeypatch):
    editor = open_ref(window, "CP-2024-001")  # co-management
    editor.tabs.setCurrentIndex(1)
    editor.type_buttons[None].click()
    assert "Co-management" in editor.suggestion.text()
    monkeypatch.setattr(
        ClassificationAssistant,
        "exec",
        lambda dialog: (_answer_all(dialog, 1), QDialog.DialogCode.Accepted)[1],
    )
    editor.assistant_button.click()
    assert editor.data.type == "empowerment"
    assert "Co-management" not in editor.suggestion.text()


def test_accepting_offers_to_tick_the_types_public_values(window, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    editor = open_ref(window, "CP-2026-002")
    before = list(editor.data.public_values)
    asked: list[str] = []

    def yes(parent, title, text, *args):  # type: ignore[no-untyped-def]
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", yes)
    monkeypatch.setattr(
        ClassificationAssistant,
        "exec",
        lambda dialog: (_answer_all(dialog, 1), QDialog.DialogCode.Accepted)[1],
    )
    editor.assistant_button.click()
    assert editor.data.type == "empowerment"
    assert asked and "Better results" in asked[0]
    assert editor.value_boxes["better_results"].isChecked()
    assert editor.value_boxes["user_satisfaction"].isChecked()
    window.undo_action.trigger()  # still one step
    assert editor.data.type is None and editor.data.public_values == before
