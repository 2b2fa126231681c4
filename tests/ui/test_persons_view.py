"""Personal data in the GUI: purpose asked once per session and logged, retention review,
erase everywhere, access request export."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from PySide6.QtWidgets import QDialog, QFileDialog, QLabel

from coprod_desktop.services import initiatives, privacy, stakeholders
from coprod_desktop.ui import persons_view
from coprod_desktop.ui.persons_view import EraseDialog, PersonsView, PurposeDialog
from tests.ui.helpers import save_and_wait


@pytest.fixture
def purposes(monkeypatch):  # type: ignore[no-untyped-def]
    """Answer the purpose dialog with its second choice; count how often it was shown."""
    shown: list[PurposeDialog] = []

    def exec_(self: PurposeDialog) -> int:
        shown.append(self)
        self.choices[1].setChecked(True)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(PurposeDialog, "exec", exec_)
    return shown


def _person(db, name: str):  # type: ignore[no-untyped-def]
    return next(p for p in privacy.list_persons(db) if p.name == name)


def _row(view: PersonsView, ident: int) -> None:
    assert view.select(ident)


def test_purpose_is_asked_once_per_session_and_every_opening_is_logged(window, purposes):
    view = window.show_persons()
    assert isinstance(view, PersonsView)
    assert window.workspace.currentWidget() is view
    first = _person(window.db, "Åse Mølgaard")
    second = _person(window.db, "Lars Østergaard")
    _row(view, first.id)
    view.open_button.click()
    assert len(purposes) == 1
    assert view.panel.name.text() == "Åse Mølgaard"
    purpose = purposes[0].choices[1].text()
    _row(view, second.id)
    view.open_button.click()
    _row(view, first.id)
    view.open_button.click()
    assert len(purposes) == 1  # not asked again in this session
    log = privacy.access_log(window.db, first.id)
    assert [(e.action, e.purpose, e.who) for e in log] == [("view", purpose, "tester")] * 2
    assert len(privacy.access_log(window.db, second.id)) == 1
    # The person's record shows the log.
    assert view.panel.access.rowCount() == 2
    assert view.panel.access.item(0, 3).text() == purpose
    assert "(2)" in view.panel.tabs.tabText(2)


def test_cancelling_the_purpose_opens_nothing(window, monkeypatch):
    monkeypatch.setattr(PurposeDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    view = window.show_persons()
    person = _person(window.db, "Åse Mølgaard")
    _row(view, person.id)
    view.open_button.click()
    assert view.right.currentWidget() is view.placeholder
    assert privacy.access_log(window.db, person.id) == []
    assert persons_view.session_purpose(window.db) is None


def test_purpose_dialog_needs_a_purpose(qtbot):
    dialog = PurposeDialog()
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert not ok.isEnabled()
    dialog.other.setChecked(True)
    assert not ok.isEnabled()  # "Other" without words
    qtbot.keyClicks(dialog.other_text, "Borgerhenvendelse om parkering")
    assert ok.isEnabled()
    assert dialog.purpose() == "Borgerhenvendelse om parkering"


def test_retention_review_lists_the_expired_persons(window):
    expired = _person(window.db, "Fatima Al-Hassan")
    data = stakeholders.get_stakeholder(window.db, expired.id)
    data.retention_until = dt.date.today() - dt.timedelta(days=3)
    stakeholders.save_stakeholder(window.db, data)
    window.actions_by_name["retention_review"].trigger()
    view = window.workspace.currentWidget()
    assert isinstance(view, PersonsView)
    assert [p.name for p in view.model.people] == ["Fatima Al-Hassan"]
    assert "1 person" in view.count.text()
    assert view.model.index(0, 3).data() == data.retention_until.isoformat()
    # All persons again: the others are there too.
    window.actions_by_name["show_persons"].trigger()
    assert view.model.rowCount() == len(privacy.list_persons(window.db)) > 1


def test_an_emptied_retention_review_does_not_go_on_showing_the_last_person(
    window, qtbot, purposes, monkeypatch
):
    expired = _person(window.db, "Fatima Al-Hassan")
    data = stakeholders.get_stakeholder(window.db, expired.id)
    data.retention_until = dt.date.today() - dt.timedelta(days=3)
    stakeholders.save_stakeholder(window.db, data)
    window.actions_by_name["retention_review"].trigger()
    view = window.workspace.currentWidget()
    _row(view, expired.id)
    view.open_button.click()
    assert view.right.currentWidget() is view.panel

    def answer(self: EraseDialog) -> int:
        self.reason.setPlainText("Retention period ended")
        self.confirm.setChecked(True)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(EraseDialog, "exec", answer)
    view.erase_button.click()
    qtbot.waitUntil(lambda: "Erased" in view.status.text(), timeout=20000)
    assert view.model.rowCount() == 0
    assert view.count.text() == "No one is kept beyond their retention date."
    assert view.right.currentWidget() is view.placeholder  # not the erased record
    assert view.opened_id is None and not view.open_button.isEnabled()
    assert len(purposes) == 1  # and no purpose asked again to reopen it


def test_erase_dialog_needs_reason_and_confirmation(qtbot):
    dialog = EraseDialog("Åse Mølgaard", 17)
    qtbot.addWidget(dialog)
    texts = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "Åse Mølgaard" in texts and "Erased person 17" in texts
    assert not dialog.erase_button.isEnabled()
    dialog.reason.setPlainText("Retention period ended")
    assert not dialog.erase_button.isEnabled()
    dialog.confirm.setChecked(True)
    assert dialog.erase_button.isEnabled()
    dialog.reason.setPlainText("   ")
    assert not dialog.erase_button.isEnabled()


def test_erase_from_the_gui_anonymises_the_person_everywhere(window, qtbot, purposes, monkeypatch):
    person = _person(window.db, "Åse Mølgaard")
    used_in = [u.initiative_id for u in stakeholders.where_used(window.db, person.id)]
    assert used_in
    registry = window.show_registry()
    assert any(p.name == "Åse Mølgaard" for p in registry.model.people)
    before = window.open_initiative(used_in[0])  # open while the person is erased
    assert before is not None
    involvements = before.models["involvements"]
    assert "Åse Mølgaard" in [r.stakeholder_name for r in involvements.records]
    view = window.show_persons()
    _row(view, person.id)
    view.open_button.click()

    def answer(self: EraseDialog) -> int:
        self.reason.setPlainText("Retention period ended")
        self.confirm.setChecked(True)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(EraseDialog, "exec", answer)
    view.erase_button.click()
    anonymous = f"Erased person {person.id}"
    qtbot.waitUntil(lambda: anonymous in view.status.text(), timeout=20000)
    # The persons list, the opened record, the registry and the initiatives say so.
    assert "Åse Mølgaard" not in [p.name for p in view.model.people]
    assert anonymous in [p.name for p in view.model.people]
    assert view.panel.name.text() == anonymous
    assert view.panel.fields["email"].text() == "—"
    names = [p.name for p in registry.model.people]
    assert "Åse Mølgaard" not in names and anonymous in names
    shown = [r.stakeholder_name for r in before.models["involvements"].records]
    assert "Åse Mølgaard" not in shown and anonymous in shown  # the open editor too
    for ident in used_in:
        data = initiatives.get_initiative(window.db, ident)
        ids = [i.stakeholder_id for i in data.involvements]
        assert person.id in ids  # the involvement stays, anonymous
    assert stakeholders.get_stakeholder(window.db, person.id).name == anonymous


def test_access_request_export_writes_json_and_pdf(window, qtbot, tmp_path, monkeypatch):
    person = _person(window.db, "Lars Østergaard")
    view = window.show_persons()
    _row(view, person.id)
    target = tmp_path / "lars.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    view.export_button.click()
    pdf = tmp_path / "lars.pdf"
    qtbot.waitUntil(lambda: "lars.pdf" in view.status.text(), timeout=20000)
    document = json.loads(target.read_text(encoding="utf-8"))
    assert document["person"]["name"] == "Lars Østergaard"
    assert document["involvements"]
    assert pdf.read_bytes().startswith(b"%PDF")
    log = privacy.access_log(window.db, person.id)
    assert [e.action for e in log] == ["export"]


def _erase_in_gui(window, qtbot, monkeypatch, person) -> PersonsView:  # type: ignore[no-untyped-def]
    view = window.show_persons()
    _row(view, person.id)

    def answer(self: EraseDialog) -> int:
        self.reason.setPlainText("Retention period ended")
        self.confirm.setChecked(True)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(EraseDialog, "exec", answer)
    view.erase_button.click()
    return view


def test_after_an_erase_the_possible_mentions_are_reviewed_one_by_one(window, qtbot, monkeypatch):  # type: ignore[no-untyped-def]
    person = _person(window.db, "Åse Mølgaard")
    used_in = [u.initiative_id for u in stakeholders.where_used(window.db, person.id)]
    initiatives.update_fields(
        window.db, used_in[0], {"summary": "Åse promised coffee; Mølgaard Rengøring cleans."}
    )
    view = _erase_in_gui(window, qtbot, monkeypatch, person)
    qtbot.waitUntil(lambda: getattr(view, "mentions_dialog", None) is not None, timeout=20000)
    dialog = view.mentions_dialog
    assert dialog.isVisible() and not dialog.isModal()
    rows = dialog.table.rowCount()
    texts = [dialog.table.item(r, 3).text() for r in range(rows)]
    assert any("Åse promised coffee" in t for t in texts)
    assert any("Mølgaard Rengøring" in t for t in texts)
    assert "0 of" in dialog.progress.text()
    reference = initiatives.get_initiative(window.db, used_in[0]).reference
    first = next(r for r in range(rows) if dialog.table.item(r, 1).text() == reference)
    dialog.review(first)
    assert dialog.table.item(first, 0).text() == "yes"
    assert "1 of" in dialog.progress.text()
    assert any(e.initiative_id == used_in[0] for e in window.editors())  # opened to edit
    while dialog.next_button.isEnabled():
        dialog.next_button.click()
    assert len(dialog.reviewed) == rows
    assert f"{rows} of {rows}" in dialog.progress.text()
    # the summary kept the first name and the surname alone: only the user can tell
    summary = initiatives.get_initiative(window.db, used_in[0]).summary
    assert summary == "Åse promised coffee; Mølgaard Rengøring cleans."


def test_a_failed_clean_up_says_the_person_is_erased_and_can_be_repeated(
    window, qtbot, monkeypatch
):  # type: ignore[no-untyped-def]
    import sqlite3

    from PySide6.QtWidgets import QMessageBox

    person = _person(window.db, "Lars Østergaard")
    real = privacy._compact_sqlite

    def failing(_db):  # type: ignore[no-untyped-def]
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(privacy, "_compact_sqlite", failing)
    shown: list[str] = []

    def exec_(box: QMessageBox) -> int:
        shown.append(box.text())
        monkeypatch.setattr(privacy, "_compact_sqlite", real)  # the other program closed
        again = next(b for b in box.buttons() if "Repeat" in b.text().replace("&", ""))
        again.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    view = _erase_in_gui(window, qtbot, monkeypatch, person)
    qtbot.waitUntil(lambda: "clean-up is finished" in view.status.text(), timeout=20000)
    assert len(shown) == 1
    assert "The person is erased" in shown[0] and "database is locked" in shown[0]
    assert "nothing was saved" not in shown[0]
    assert not privacy.cleanup_pending(window.db)
    assert stakeholders.get_stakeholder(window.db, person.id).name.startswith("Erased person")


def test_an_editor_opened_before_an_erase_cannot_save_the_person_back(window, monkeypatch, qtbot):  # type: ignore[no-untyped-def]
    from coprod_desktop.ui.conflict import THEIRS, ConflictDialog

    person = _person(window.db, "Åse Mølgaard")
    ident = stakeholders.where_used(window.db, person.id)[0].initiative_id
    editor = window.open_initiative(ident)
    editor.area.setText("Åse Mølgaard's garden")  # typed before the erase reached this editor
    privacy.erase_person(window.db, person.id, "asked", who="colleague")
    seen: list[tuple[str, list[str]]] = []

    def run(dialog: ConflictDialog) -> int:
        warning = dialog.findChild(QLabel, "erased-warning")
        seen.append((warning.text() if warning else "", [dialog.choice(k) for k in dialog.keys]))
        return dialog.DialogCode.Accepted

    monkeypatch.setattr(ConflictDialog, "exec", run)
    assert save_and_wait(qtbot, editor)
    ((warning, choices),) = seen
    assert "erased" in warning
    assert choices and all(choice == THEIRS for choice in choices)
    saved = initiatives.get_initiative(window.db, ident)
    assert "Mølgaard" not in (saved.area or "")
    history = " ".join(str(h.new_value) for h in initiatives.history(window.db, ident))
    assert "Åse Mølgaard" not in history
