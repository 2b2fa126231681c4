"""The editor's Outcomes tab: what the initiative aims at and achieved, one indicator a row.

An outcome (indicator, unit, baseline, target, achieved, when measured, evidence, the public
value it serves, whether it was assessed together with citizens) is part of the initiative:
every edit is one undoable change saved with the rest.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QWidget

from coprod_desktop.domain import model as d
from coprod_desktop.domain import vocab as v
from coprod_desktop.domain.outcomes import outcome_reached

if TYPE_CHECKING:
    from coprod_desktop.ui.editor.editor_base import EditorBase


def outcome_columns() -> list[object]:
    from coprod_desktop.ui.records import Column

    return [
        Column(
            "indicator",
            QCoreApplication.translate("Outcomes", "Indicator"),
            width=260,
            required=True,
        ),
        Column("unit", QCoreApplication.translate("Outcomes", "Unit"), width=80),
        Column("baseline", QCoreApplication.translate("Outcomes", "Baseline"), "measure", width=90),
        Column("target", QCoreApplication.translate("Outcomes", "Target"), "measure", width=90),
        Column("achieved", QCoreApplication.translate("Outcomes", "Achieved"), "measure", width=90),
        Column(
            "measured_on", QCoreApplication.translate("Outcomes", "Measured on"), "date", width=100
        ),
        Column(
            "public_value",
            QCoreApplication.translate("Outcomes", "Public value"),
            "vocab",
            v.PublicValue,
            width=200,
        ),
        Column(
            "co_assessed", QCoreApplication.translate("Outcomes", "Co-assessed"), "bool", width=100
        ),
        Column("evidence", QCoreApplication.translate("Outcomes", "Evidence"), width=260),
    ]


def summary_text(outcomes: list[d.OutcomeData]) -> str:
    """One line under the table: how many outcomes reached their target, how many were
    assessed with citizens, and that value hard to measure still counts."""
    if not outcomes:
        return QCoreApplication.translate(
            "Outcomes",
            "No outcomes recorded yet. Record what the initiative aims at, even when its value "
            "is hard to measure: a target in words is better than none.",
        )
    with_target = [o for o in outcomes if o.target is not None and o.achieved is not None]
    measured = len(with_target)
    reached = sum(1 for o in with_target if outcome_reached(o))
    co_assessed = sum(1 for o in outcomes if o.co_assessed)
    return (
        QCoreApplication.translate(
            "Outcomes", "%n outcomes measured against a target", "", measured
        )
        + "; "
        + QCoreApplication.translate("Outcomes", "%n reached it", "", reached)
        + "; "
        + QCoreApplication.translate(
            "Outcomes", "%n assessed together with citizens", "", co_assessed
        )
        + "."
    )


def outcomes_tab(editor: EditorBase) -> QWidget:
    """The Outcomes tab, built on the editor's list page (undo, errors, save)."""
    summary = QLabel(editor)
    summary.setObjectName("outcomes-summary")
    summary.setWordWrap(True)
    summary.setTextFormat(Qt.TextFormat.PlainText)

    def add_outcome() -> None:
        editor.new_record("outcomes")  # the form: nothing is added until it is saved

    page = editor._list_page(
        "outcomes",
        outcome_columns(),  # type: ignore[arg-type]
        QCoreApplication.translate("Outcomes", "Outcomes"),
        [
            (QCoreApplication.translate("Outcomes", "&Add outcome"), add_outcome),
            (
                QCoreApplication.translate("Outcomes", "Remove"),
                lambda: editor.remove_row("outcomes"),
            ),
        ],
        summary,
    )
    model = editor.models["outcomes"]

    def refresh() -> None:
        summary.setText(summary_text(list(editor.data.outcomes)))

    model.modelReset.connect(refresh)
    editor.undo.indexChanged.connect(lambda _i: refresh())
    refresh()
    return page
