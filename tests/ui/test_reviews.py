"""Manager reviews: the editor's Reviews tab (round trip, undo) and review mode."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QMessageBox

from coprod_desktop.services import initiatives, portfolio_assessment
from coprod_desktop.ui.reviews import ReviewMode, ReviewsPanel
from tests.ui.helpers import save_and_wait


def open_ref(window, reference: str):  # type: ignore[no-untyped-def]
    return window.open_initiative(initiatives.get_initiative(window.db, reference).id)


def say_yes(monkeypatch) -> list[str]:  # type: ignore[no-untyped-def]
    asked: list[str] = []

    def question(_parent, _title, text, *_a, **_k):  # type: ignore[no-untyped-def]
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def test_recording_a_review_in_the_editor_round_trip(window, qtbot, monkeypatch):
    asked = say_yes(monkeypatch)
    editor = open_ref(window, "CP-2024-002")
    editor.tabs.setCurrentWidget(editor.pages["reviews"])
    before = len(editor.data.reviews)
    panel = editor.findChild(ReviewsPanel)
    form = panel.form
    assert form.reviewer.text() == "tester"  # the user name by default
    assert form.date.text() == dt.date.today().isoformat()
    qtbot.keyClicks(form.assessment, "Going well; the mandate has lapsed.")
    qtbot.keyClicks(
        form.decisions, "Clarify the mandate with the committee; allocate 40 staff hours"
    )
    form.next_review.set_value(dt.date(2027, 3, 1))
    panel.record_button.click()
    assert asked == []  # the date typed in the review is the answer: no second question
    assert editor.models["reviews"].rowCount() == before + 1
    assert editor.next_review.text() == "2027-03-01"
    assert form.assessment.toPlainText() == ""  # ready for the next one
    window.undo_action.trigger()  # one step: the review and the next review date
    assert editor.models["reviews"].rowCount() == before
    assert editor.next_review.text() != "2027-03-01"
    window.redo_action.trigger()
    assert save_and_wait(qtbot, editor)
    stored = initiatives.get_initiative(window.db, editor.data.id)
    review = stored.reviews[-1]
    assert review.reviewer == "tester" and review.date == dt.date.today()
    assert review.decisions.startswith("Clarify the mandate")
    assert review.next_review == dt.date(2027, 3, 1)
    assert stored.next_review == dt.date(2027, 3, 1)


def test_a_review_without_a_date_is_not_recorded(window, qtbot):
    editor = open_ref(window, "CP-2024-002")
    panel = editor.findChild(ReviewsPanel)
    panel.form.date.edit.setText("1 March")
    assert not panel.record()
    assert "YYYY-MM-DD" in panel.form.error.text()
    assert not editor.dirty


def test_review_mode_walks_the_attention_list_and_records(window, qtbot, monkeypatch):
    asked = say_yes(monkeypatch)
    window.actions_by_name["review_mode"].trigger()
    mode = window.workspace.currentWidget()
    assert isinstance(mode, ReviewMode)
    assert len(mode.ids) == 16 and mode.counter.text() == "Initiative 1 of 16"
    assessed = portfolio_assessment.assess(window.db, mode.ids)
    flagged = [i for i in mode.ids if assessed[i].signals]
    assert mode.ids[: len(flagged)] == flagged  # those with signals first
    assert any(s.severity == "high" for s in assessed[mode.ids[0]].signals)
    assert not assessed[mode.ids[-1]].signals
    assert "High:" in mode.signal_text.text()
    assert mode.current.reference in mode.summary.text()
    assert not mode.previous_button.isEnabled()
    mode.next_button.click()
    assert mode.counter.text() == "Initiative 2 of 16"
    mode.previous_button.click()
    first = mode.current.id
    count = len(mode.current.reviews)
    qtbot.keyClicks(mode.form.assessment, "Discussed in the team meeting")
    mode.form.next_review.set_value(dt.date(2027, 1, 15))
    mode.record_and_next.click()
    assert mode.counter.text() == "Initiative 2 of 16"
    stored = initiatives.get_initiative(window.db, first)
    assert len(stored.reviews) == count + 1
    assert stored.reviews[-1].assessment == "Discussed in the team meeting"
    assert stored.next_review == dt.date(2027, 1, 15)
    assert asked == []  # not asked again about the date just filled in


def test_review_mode_follows_the_portfolio_filter(window):
    bar = window.portfolio.filters
    bar.sector.set_key("eldercare")
    window.actions_by_name["review_mode"].trigger()
    mode = window.workspace.currentWidget()
    assert {r.sector for r in (initiatives.get_initiative(window.db, i) for i in mode.ids)} == {
        "eldercare"
    }
    mode.open_button.click()
    assert window.current_editor().data.id == mode.ids[0]
