"""The stakeholder registry: search, where-used, edit, merge."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from coprod_desktop.domain import model as d
from coprod_desktop.domain.errors import ConflictError, NotFoundError
from coprod_desktop.services import stakeholders
from coprod_desktop.ui.error_messages import plain
from tests.ui.helpers import write_done


def test_registry_lists_and_searches(window, qtbot, qtmodeltester):
    registry = window.show_registry()
    total = registry.model.rowCount()
    qtmodeltester.check(registry.model)
    assert total == len(stakeholders.list_stakeholders(window.db))
    qtbot.keyClicks(registry.search, "harbour")
    qtbot.waitUntil(lambda: registry.model.rowCount() < total, timeout=3000)
    assert all(
        "harbour" in (p.name + (p.organisation or "")).lower() for p in registry.model.people
    )


def test_where_used_lists_the_initiatives(window):
    registry = window.show_registry()
    registry.search.setText("Strandholm Harbour Association")
    registry.reload()
    registry.table.selectRow(0)
    assert registry.usage.count() >= 1
    assert "CP-2024-001" in registry.usage.item(0).text()


def test_edit_a_stakeholder(window, qtbot):
    registry = window.show_registry()
    row = next(i for i, p in enumerate(registry.model.people) if not p.is_person)
    registry.table.selectRow(row)
    person = registry.current()
    registry.form.phone.setText("+45 12 34 56 78")
    assert write_done(qtbot, registry.save_current())
    assert stakeholders.get_stakeholder(window.db, person.id).phone == "+45 12 34 56 78"


def test_merge_two_duplicates(window, qtbot, monkeypatch):
    keep = stakeholders.create_stakeholder(
        window.db, d.StakeholderData(name="Sønderby Rowing Club", kind="association")
    )
    duplicate = stakeholders.create_stakeholder(
        window.db,
        d.StakeholderData(name="Sonderby Rowing Club", kind="association", email="row@x.dk"),
    )
    registry = window.show_registry()
    registry.search.setText("Rowing")
    registry.reload()
    assert registry.model.rowCount() == 2
    rows = {p.id: i for i, p in enumerate(registry.model.people)}
    registry.table.selectRow(rows[keep.id])
    selection = registry.table.selectionModel()
    selection.select(
        registry.model.index(rows[duplicate.id], 0),
        selection.SelectionFlag.Select | selection.SelectionFlag.Rows,
    )
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    assert write_done(qtbot, registry.merge_selected())
    assert registry.model.rowCount() == 1
    merged = stakeholders.get_stakeholder(window.db, keep.id)
    assert merged.email == "row@x.dk"


def test_new_stakeholder_dialog_validates_inline(window):
    from coprod_desktop.ui.dialogs import StakeholderDialog

    dialog = StakeholderDialog(lambda data: stakeholders.create_stakeholder(window.db, data))
    dialog.accept()
    assert dialog.form.errors["name"].text()
    dialog.form.name.setText("Havnens Venner")
    dialog.form.kind.set_key("association")
    dialog.accept()
    assert dialog.saved is not None and dialog.saved.id is not None


def _a_person(registry):  # type: ignore[no-untyped-def]
    for row, person in enumerate(registry.model.people):
        if person.is_person and person.email:
            registry.table.selectRow(row)
            return person
    raise AssertionError("the demo portfolio has persons with an e-mail")


def test_a_persons_details_need_a_purpose_and_every_opening_is_logged(window, monkeypatch):
    from coprod_desktop.services import privacy
    from coprod_desktop.ui import persons_view

    persons_view.set_session_purpose(window.db, None)
    registry = window.show_registry()
    person = _a_person(registry)
    # Without a purpose: no contact details, nothing to save, a way to ask.
    assert registry.form.email.text() == ""
    assert not registry.save_button.isEnabled()
    assert registry.details_button.isVisibleTo(registry)
    assert privacy.access_log(window.db, person.id) == []
    monkeypatch.setattr(persons_view, "ask_purpose", lambda parent, db: "Sagsbehandling")
    registry.reveal_current()
    assert registry.form.email.text() == person.email
    assert registry.save_button.isEnabled()
    log = privacy.access_log(window.db, person.id)
    assert len(log) == 1 and log[0].purpose == "Sagsbehandling"


def test_the_session_purpose_opens_the_next_person_directly_and_logs_it(window):
    from coprod_desktop.services import privacy
    from coprod_desktop.ui import persons_view

    persons_view.set_session_purpose(window.db, "Opfølgning")
    registry = window.show_registry()
    person = _a_person(registry)
    assert registry.form.email.text() == person.email
    assert not registry.details_button.isVisibleTo(registry)
    assert [entry.purpose for entry in privacy.access_log(window.db, person.id)] == ["Opfølgning"]
    persons_view.set_session_purpose(window.db, None)


def test_every_column_is_in_view_at_1366_by_768(window, qtbot):
    window.resize(1366, 728)
    registry = window.show_registry()
    qtbot.waitUntil(lambda: registry.table.viewport().width() > 100)
    table = registry.table
    header = table.horizontalHeader()
    used = sum(header.sectionSize(c) for c in range(header.count()))
    assert used <= table.viewport().width()  # nothing pushed behind a scroll bar
    metrics = header.fontMetrics()
    for column, title in enumerate(registry.model.headers()):
        assert header.sectionSize(column) >= metrics.horizontalAdvance(title), title


def test_a_citizen_or_volunteer_is_shown_as_always_a_private_person(qtbot):  # type: ignore[no-untyped-def]
    from coprod_desktop.domain.model import StakeholderData
    from coprod_desktop.ui.dialogs import StakeholderForm

    form = StakeholderForm()
    qtbot.addWidget(form)
    form.show()
    form.set_data(StakeholderData(name="Dahl ApS", kind="business", is_person=False))
    assert form.is_person.isEnabled() and not form.is_person.isChecked()
    assert not form.person_hint.isVisible()
    form.kind.set_key("citizen")
    assert form.is_person.isChecked() and not form.is_person.isEnabled()
    assert form.person_hint.isVisible()
    assert "always private persons" in form.person_hint.text()
    data = form.data()
    assert data is not None and data.is_person
    form.kind.set_key("association")  # an organisation's kind: the box is the user's again
    assert form.is_person.isEnabled() and not form.person_hint.isVisible()
    form.set_data(StakeholderData(name="Per Vang", kind="volunteer", is_person=False))
    assert form.is_person.isChecked() and not form.is_person.isEnabled()


def _organisation(registry):  # type: ignore[no-untyped-def]
    """Selects an organisation (its details need no purpose) and returns it."""
    row = next(i for i, p in enumerate(registry.model.people) if not p.is_person)
    registry.table.selectRow(row)
    return registry.current()


def _phone_saved_while_the_write_is_held(window, monkeypatch, held_write):  # type: ignore[no-untyped-def]
    """The registry, an organisation in it and the job of saving its new phone number, the
    write held until `held_write.release()`."""
    registry = window.show_registry()
    person = _organisation(registry)
    monkeypatch.setattr(
        stakeholders, "save_stakeholder", held_write.hold(stakeholders.save_stakeholder)
    )
    registry.form.phone.setText("+45 87 65 43 21")
    return registry, person, registry.save_current()


def test_save_returns_at_once_and_the_list_follows_the_write(
    window, qtbot, monkeypatch, held_write
):
    registry = window.show_registry()
    person = _organisation(registry)
    monkeypatch.setattr(
        stakeholders, "save_stakeholder", held_write.hold(stakeholders.save_stakeholder)
    )
    changed: list[bool] = []
    registry.changed.connect(lambda: changed.append(True))
    registry.form.phone.setText("+45 87 65 43 21")
    job = registry.save_current()
    assert job is not None and job.ok is None  # Save returned; the write is under way
    assert registry.save_current() is None  # a second Save meanwhile: written once
    assert "still being saved" in registry.status.text()
    assert registry.status.text() != "Saved."
    held_write.release()
    assert write_done(qtbot, job)
    assert registry.status.text() == "Saved."
    assert registry.current().id == person.id  # the saved one stays chosen
    assert registry.current().phone == "+45 87 65 43 21"  # the list was reloaded
    assert changed == [True] and held_write.calls == 1


def test_what_is_typed_while_a_save_runs_stays_and_saves_next(
    window, qtbot, monkeypatch, held_write
):
    """No keystroke is lost to a save under way: what is typed meanwhile stays in the form
    (the status says it is not saved yet), a second Save meanwhile says why it waits, and the
    next Save writes it on top of the first (no conflict with one's own save)."""
    registry = window.show_registry()
    person = _organisation(registry)
    real = stakeholders.save_stakeholder
    monkeypatch.setattr(stakeholders, "save_stakeholder", held_write.hold(real))
    registry.form.phone.setText("+45 87 65 43 21")
    job = registry.save_current()
    assert job is not None
    registry.form.email.setText("havn@example.dk")  # typed while it saves
    assert registry.save_current() is None
    assert "still being saved" in registry.status.text()
    held_write.release()
    assert write_done(qtbot, job)
    assert registry.form.email.text() == "havn@example.dk"
    assert registry.form.phone.text() == "+45 87 65 43 21"
    assert registry.status.text() == "Saved. What you typed since is not saved yet."
    monkeypatch.setattr(stakeholders, "save_stakeholder", real)
    assert write_done(qtbot, registry.save_current())
    assert registry.status.text() == "Saved."
    (saved,) = [p for p in stakeholders.list_stakeholders(window.db) if p.id == person.id]
    assert (saved.phone, saved.email) == ("+45 87 65 43 21", "havn@example.dk")


def test_a_save_that_conflicts_says_so_plainly_and_keeps_what_was_typed(
    window, qtbot, monkeypatch, message_boxes
):
    registry = window.show_registry()
    person = _organisation(registry)
    conflict = ConflictError("stakeholder", person.name)
    real = stakeholders.save_stakeholder
    monkeypatch.setattr(
        stakeholders, "save_stakeholder", lambda db, data: (_ for _ in ()).throw(conflict)
    )
    message_boxes.expect(1)
    registry.form.phone.setText("+45 87 65 43 21")
    assert not write_done(qtbot, registry.save_current())
    assert message_boxes.problems() == [("warning", "Not saved", plain(conflict))]
    assert registry.form.phone.text() == "+45 87 65 43 21"
    assert registry.status.text() != "Saved."
    monkeypatch.setattr(stakeholders, "save_stakeholder", real)
    assert write_done(qtbot, registry.save_current())  # the registry writes again
    assert stakeholders.get_stakeholder(window.db, person.id).phone == "+45 87 65 43 21"


def test_closing_the_registry_while_it_saves_still_saves(window, qtbot, monkeypatch, held_write):
    import shiboken6

    registry, person, job = _phone_saved_while_the_write_is_held(window, monkeypatch, held_write)
    assert window.close_tab(window.workspace.indexOf(registry))
    qtbot.waitUntil(lambda: not shiboken6.isValid(registry), timeout=3000)
    held_write.release()
    assert write_done(qtbot, job)  # no error from the closed tab's callbacks
    assert stakeholders.get_stakeholder(window.db, person.id).phone == "+45 87 65 43 21"
    assert window.registry is None


def test_a_save_finishing_after_another_portfolio_opened_leaves_that_one_alone(
    window, qtbot, monkeypatch, empty_db, held_write
):
    demo = window.db
    registry, person, job = _phone_saved_while_the_write_is_held(window, monkeypatch, held_write)
    window.set_database(empty_db)  # the registry now lists the empty portfolio
    assert registry.model.rowCount() == 0
    held_write.release()
    assert write_done(qtbot, job)
    assert registry.model.rowCount() == 0 and registry.status.text() != "Saved."
    assert stakeholders.get_stakeholder(demo, person.id).phone == "+45 87 65 43 21"


def test_delete_returns_at_once_and_the_row_goes_when_it_is_done(
    window, qtbot, monkeypatch, held_write
):
    gone = stakeholders.create_stakeholder(
        window.db, d.StakeholderData(name="Lapsed Allotment Society", kind="association")
    )
    registry = window.show_registry()
    registry.search.setText("Lapsed Allotment")
    registry.reload()
    registry.table.selectRow(0)
    monkeypatch.setattr(
        stakeholders, "delete_stakeholder", held_write.hold(stakeholders.delete_stakeholder)
    )
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    job = registry.delete_current()
    assert job is not None and job.ok is None
    assert registry.model.rowCount() == 1  # still listed while the write runs
    held_write.release()
    assert write_done(qtbot, job)
    assert registry.model.rowCount() == 0
    with pytest.raises(NotFoundError):
        stakeholders.get_stakeholder(window.db, gone.id)
