"""The classification assistant: pre-answered from the record, live suggestion, accept + undo."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog

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
