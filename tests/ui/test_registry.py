"""The stakeholder registry: search, where-used, edit, merge."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from coprod_desktop.domain import model as d
from coprod_desktop.services import stakeholders


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


def test_edit_a_stakeholder(window):
    registry = window.show_registry()
    registry.table.selectRow(0)
    person = registry.current()
    registry.form.phone.setText("+45 12 34 56 78")
    registry.save_current()
    assert stakeholders.get_stakeholder(window.db, person.id).phone == "+45 12 34 56 78"


def test_merge_two_duplicates(window, monkeypatch):
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
    registry.merge_selected()
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
