"""History shows what people call the fields, in the GUI's language, not the column names."""

from __future__ import annotations

from coprod_desktop.domain import model as d
from coprod_desktop.services import initiatives
from coprod_desktop.ui import i18n
from coprod_desktop.ui.history import AuditModel


def _changed(db) -> list[d.AuditData]:  # type: ignore[no-untyped-def]
    data = initiatives.get_initiative(db, "CP-2024-003")
    data.participation_level = "empower"
    data.involvements[0].role = "critic"
    data.next_review = None
    initiatives.save_initiative(db, data)
    return initiatives.history(db, "CP-2024-003")


def _fields(model: AuditModel) -> set[str]:
    return {model.index(row, 4).data() for row in range(model.rowCount())} - {""}


def test_history_names_fields_by_their_labels_in_english_and_danish(qtbot, demo_db) -> None:
    entries = _changed(demo_db)
    model = AuditModel()
    model.set_entries(entries)
    assert {"Participation level", "Role", "Next review"} <= _fields(model)
    assert not any("_" in name for name in _fields(model))
    i18n.set_language("da")
    try:
        danish = AuditModel()
        danish.set_entries(entries)
        assert {"Rolle", "Næste gennemgang"} <= _fields(danish)
        assert "Deltagelsesniveau" in _fields(danish)
    finally:
        i18n.set_language("en")


def test_history_shows_an_import_as_one_event_with_its_values(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    """The demo is a JSON import: one event for the initiative (issue 22), saying where it came
    from and what it made; its tooltip lists the values it started with."""
    from PySide6.QtCore import Qt

    entries = initiatives.history(demo_db, "CP-2024-003")
    assert [e.action for e in entries] == ["import"]
    model = AuditModel()
    model.set_entries(entries)
    row = [model.index(0, column).data() for column in range(7)]
    title = initiatives.get_initiative(demo_db, "CP-2024-003").title
    assert row[2] == "imported" and row[3] == "initiative" and row[4] == ""
    assert row[5] == "from demo_en.json"
    assert row[6].startswith(f"{title}; ") and "involvement ×" in row[6]
    tip = model.index(0, 6).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("from demo_en.json\n") and f"Title: {title}" in tip and "Status: " in tip
    i18n.set_language("da")
    try:
        danish = AuditModel()
        danish.set_entries(entries)
        shown = [danish.index(0, column).data() for column in range(7)]
        assert shown[2] == "importeret" and shown[3] == "initiativ"
        assert shown[5] == "fra demo_en.json" and "deltagelse ×" in shown[6]
        assert f"Titel: {title}" in danish.index(0, 6).data(Qt.ItemDataRole.ToolTipRole)
    finally:
        i18n.set_language("en")
