"""The editor's Outcomes tab, the four Co's, coordinates and the CVR field (issue 21)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from coprod_desktop.domain import model as d
from coprod_desktop.services import initiatives, stakeholders
from coprod_desktop.ui.dialogs import StakeholderForm
from tests.ui.helpers import save_and_wait


def _open(window, reference: str):  # type: ignore[no-untyped-def]
    ident = initiatives.get_initiative(window.db, reference).id
    editor = window.open_initiative(ident)
    assert editor is not None
    return editor


def _column(model, field: str) -> int:  # type: ignore[no-untyped-def]
    return [c.field for c in model.columns].index(field)


def test_add_an_outcome_type_values_save_and_undo(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    editor = _open(window, "CP-2024-005")
    before = len(editor.data.outcomes)
    editor.tabs.setCurrentWidget(editor.pages["outcomes"])
    buttons = [b for b in editor.pages["outcomes"].findChildren(type(editor.save_button))]
    add = next(b for b in buttons if b.text() == "&Add outcome")
    add.click()  # a form: nothing is added until it is saved
    from coprod_desktop.ui.record_forms import RecordForm

    form = editor.findChild(RecordForm)
    assert form is not None and len(editor.data.outcomes) == before
    qtbot.keyClicks(form.field("indicator"), "Refugees with a mentor")
    qtbot.keyClicks(form.field("baseline"), "-2.5")
    qtbot.keyClicks(form.field("target"), "forty")
    qtbot.keyClicks(form.field("achieved"), "1,250")  # grouped
    form.field("co_assessed").setChecked(True)
    form.accept()  # text that is no number is refused visibly, never stored silently
    assert form.isVisible() and form.field("target").text() == "forty"
    assert "forty" in form.errors["target"].text()
    form.field("target").clear()
    qtbot.keyClicks(form.field("target"), "40")
    form.accept()
    assert len(editor.data.outcomes) == before + 1
    summary = editor.findChild(type(editor.heading), "outcomes-summary")
    assert "1 reached it" in summary.text()
    assert save_and_wait(qtbot, editor)
    saved = initiatives.get_initiative(window.db, "CP-2024-005").outcomes[-1]
    assert (saved.indicator, saved.baseline, saved.target, saved.achieved) == (
        "Refugees with a mentor",
        -2.5,
        40,
        1250,
    )
    assert saved.co_assessed is True
    assert len(initiatives.get_initiative(window.db, "CP-2024-005").outcomes) == before + 1


def test_phases_and_coordinates_are_edited_and_a_bad_coordinate_is_reported(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    editor = _open(window, "CP-2024-008")
    editor.phase_boxes["co_design"].setChecked(True)
    editor.phase_boxes["co_assessment"].setChecked(True)
    qtbot.keyClicks(editor.latitude, "56,2")
    qtbot.keyClicks(editor.longitude, "north")
    assert not save_and_wait(qtbot, editor)  # refused: the typed text stays and the field says why
    assert editor.longitude.text() == "north"
    assert "number" in editor.errors["longitude"].text()
    editor.longitude.clear()
    qtbot.keyClicks(editor.longitude, "10.5")
    assert save_and_wait(qtbot, editor)
    again = initiatives.get_initiative(window.db, "CP-2024-008")
    assert again.co_phases == ["co_design", "co_assessment"]
    assert (again.latitude, again.longitude) == (56.2, 10.5)


def test_the_stakeholder_form_takes_a_cvr_and_refuses_it_for_a_person(qtbot) -> None:  # type: ignore[no-untyped-def]
    form = StakeholderForm()
    qtbot.addWidget(form)
    form.set_data(d.StakeholderData(name="Værftet ApS", kind="business"))
    qtbot.keyClicks(form.cvr, "29403473")
    data = form.data()
    assert data is not None and data.cvr == "29403473"
    form.set_data(d.StakeholderData(name="Ole", kind="citizen", is_person=True))
    assert not form.cvr.isEnabled()


def test_a_person_with_a_cvr_is_refused_by_the_service_with_the_field_named(window) -> None:  # type: ignore[no-untyped-def]
    import pytest

    from coprod_desktop.domain.errors import ValidationError

    with pytest.raises(ValidationError) as caught:
        stakeholders.create_stakeholder(
            window.db, d.StakeholderData(name="Ole", kind="citizen", cvr="29403473")
        )
    form = StakeholderForm()
    form.show_problems(caught.value)
    assert "CVR" in form.errors["cvr"].text()
    form.deleteLater()


def test_the_dashboard_phase_chart_clicks_through_to_the_initiatives_of_that_cell(
    window, qtbot
) -> None:  # type: ignore[no-untyped-def]
    view = window.analysis_views.show_dashboard()
    qtbot.waitUntil(lambda: view.data is not None, timeout=10000)
    chart = view.charts["phases"]
    qtbot.mouseClick(
        chart,
        Qt.MouseButton.LeftButton,
        pos=chart.point_of("co_delivery", "coordination").toPoint(),
    )
    assert window.workspace.currentWidget() is window.portfolio
    model = window.portfolio.model
    shown = sorted(model.rows[r].id for r in range(model.rowCount()))
    expected = sorted(
        i.id
        for i in (initiatives.get_initiative(window.db, r.id) for r in model.rows)
        if i.type == "coordination" and "co_delivery" in i.co_phases
    )
    everything = [
        initiatives.get_initiative(window.db, ident)
        for ident in view.data.ids_for("phases", "co_delivery", None)
    ]
    assert expected and shown == expected
    assert all("co_delivery" in i.co_phases for i in everything)
    assert view.data.phase_counts["coordination"]["co_delivery"] == len(expected)
    assert "Co-delivery" in window.portfolio.scope_label.text()


def test_a_description_alone_gets_a_suggestion_from_the_text(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    editor = window.new_initiative()
    qtbot.keyClicks(editor.title, "Inspections as dialogue")
    # the assistant's questions find nothing to answer in this text (issue 21's case)
    editor.description.setPlainText(
        "The food inspectors now visit restaurants as partners: they go through the kitchen "
        "together with the owner and agree how to improve."
    )
    editor.tabs.setCurrentIndex(1)
    text = editor.suggestion.text()
    assert text.startswith("From the text: Empowerment (confidence: high)"), text
    assert "“as partners”" in text
