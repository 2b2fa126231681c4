"""The stakeholder registry's timeline: what a colleague sees before a phone call."""

from __future__ import annotations

from coprod_desktop.services import initiatives


def test_the_registry_shows_the_timeline_of_an_organisation(window, qtbot):  # type: ignore[no-untyped-def]
    registry = window.show_registry()
    row = next(
        i
        for i, p in enumerate(registry.model.people)
        if not p.is_person and p.name == "Strandholm Harbour Association"
    )
    registry.table.selectRow(row)
    view = registry.timeline
    assert view.topLevelItemCount() >= 2
    lines = [view.topLevelItem(i) for i in range(view.topLevelItemCount())]
    dates = [line.data(1, 0x0100) for line in lines if line.text(0)]  # Qt.UserRole: ISO dates
    assert any(line.text(2) == "CP-2024-001" for line in lines)
    assert any(line.text(1) == "Joined" for line in lines)
    assert dates and dates == sorted(dates, reverse=True)  # newest first
    ident = initiatives.get_initiative(window.db, "CP-2024-001").id
    first = next(line for line in lines if line.text(2) == "CP-2024-001")
    with qtbot.waitSignal(registry.open_initiative, timeout=2000) as opened:
        view.itemActivated.emit(first, 0)
    assert opened.args == [ident]


def test_a_persons_timeline_waits_for_the_purpose(window):  # type: ignore[no-untyped-def]
    registry = window.show_registry()
    row = next(i for i, p in enumerate(registry.model.people) if p.is_person)
    registry.table.selectRow(row)
    assert registry.timeline.topLevelItemCount() == 0
    assert registry.details_button.isVisible() or registry.details_button.isVisibleTo(registry)
