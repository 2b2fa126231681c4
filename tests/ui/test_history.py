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
