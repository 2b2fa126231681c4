"""The Overview tab: the initiative's plain fields and an "at a glance" summary beside them."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from coprod_desktop.domain import assessment
from coprod_desktop.domain import vocab as v
from coprod_desktop.ui import i18n
from coprod_desktop.ui.editor.binding import (
    add_row,
    bind_widget,
    form_page,
    place_declared_fields,
)
from coprod_desktop.ui.widgets import DateField, VocabCombo, vocab_label

if TYPE_CHECKING:
    from coprod_desktop.ui.editor.editor_base import EditorBase


def overview_tab(editor: EditorBase) -> QWidget:
    scroll, page = form_page(editor)
    columns = QHBoxLayout(page)
    form = QFormLayout()
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
    line_spacing = editor.fontMetrics().lineSpacing()
    editor.reference = QLineEdit(page)
    editor.reference.setPlaceholderText(
        QCoreApplication.translate("InitiativeEditor", "Given on first save, e.g. CP-2026-001")
    )
    editor.title = QLineEdit(page)
    editor.summary = QPlainTextEdit(page)
    editor.summary.setFixedHeight(line_spacing * 3 + 14)
    editor.description = QPlainTextEdit(page)
    editor.description.setMinimumHeight(line_spacing * 5 + 14)
    editor.sector = VocabCombo(v.Sector, parent=page)
    editor.area = QLineEdit(page)
    editor.status = VocabCombo(v.Status, parent=page)
    editor.origin = VocabCombo(v.Origin, empty="", parent=page)
    editor.owner = QLineEdit(page)
    editor.responsible_manager = QLineEdit(page)
    editor.start_date = DateField(page)
    editor.end_date = DateField(page)
    editor.next_review = DateField(page)
    editor.kle_topic = QLineEdit(page)
    editor.kle_topic.setPlaceholderText(
        QCoreApplication.translate("InitiativeEditor", "e.g. 00.01.00")
    )
    editor.latitude = QLineEdit(page)
    editor.latitude.setPlaceholderText(
        QCoreApplication.translate("InitiativeEditor", "WGS84, e.g. 56.1572")
    )
    editor.longitude = QLineEdit(page)
    editor.longitude.setPlaceholderText(
        QCoreApplication.translate("InitiativeEditor", "WGS84, e.g. 10.2107")
    )
    widgets: list[tuple[str, QWidget]] = [
        ("title", editor.title),
        ("reference", editor.reference),
        ("summary", editor.summary),
        ("description", editor.description),
        ("sector", editor.sector),
        ("area", editor.area),
        ("status", editor.status),
        ("origin", editor.origin),
        ("owner", editor.owner),
        ("responsible_manager", editor.responsible_manager),
        ("start_date", editor.start_date),
        ("end_date", editor.end_date),
        ("next_review", editor.next_review),
        ("kle_topic", editor.kle_topic),
        ("latitude", editor.latitude),
        ("longitude", editor.longitude),
    ]
    for name, widget in widgets:
        add_row(editor, form, name, widget, page)
        bind_widget(editor, name, widget)
    # fields declared on this tab (domain.fields) and not placed above: after these
    widgets += place_declared_fields(editor, "overview", form, page)
    previous: QWidget | None = None
    for _name, widget in widgets:
        target = widget.edit if isinstance(widget, DateField) else widget
        if previous is not None:
            QWidget.setTabOrder(previous, target)
        previous = target

    glance = QGroupBox(QCoreApplication.translate("InitiativeEditor", "At a glance"), page)
    glance_layout = QVBoxLayout(glance)
    editor.glance = QLabel(glance)
    editor.glance.setWordWrap(True)
    editor.glance.setTextFormat(Qt.TextFormat.RichText)
    editor.glance.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    glance_layout.addWidget(editor.glance)
    glance_layout.addStretch(1)
    columns.addLayout(form, 3)
    columns.addWidget(glance, 2)
    return scroll


def show_glance(editor: EditorBase, suggestion: str | None) -> None:
    """Completeness, type, open cross-pressures and commitments, attention signals."""
    data = editor.data
    lang = i18n.lang()
    today = dt.date.today()
    signals = assessment.attention_signals(data, today)
    lines = [
        "<p><b>{}</b> {}%</p>".format(
            QCoreApplication.translate("InitiativeEditor", "Completeness:"),
            assessment.completeness(data),
        ),
        "<p><b>{}</b> {}</p>".format(
            QCoreApplication.translate("InitiativeEditor", "Type:"),
            vocab_label(
                v.InitiativeType,
                data.type,
                QCoreApplication.translate("InitiativeEditor", "not classified"),
            ),
        ),
    ]
    if suggestion:
        lines.append(
            "<p><b>{}</b> {}</p>".format(
                QCoreApplication.translate("InitiativeEditor", "Suggested type:"),
                vocab_label(v.InitiativeType, suggestion),
            )
        )
    open_pressures = sum(p.status != "resolved" for p in data.cross_pressures)
    lines.append(
        "<p><b>{}</b> {}</p>".format(
            QCoreApplication.translate("InitiativeEditor", "Open cross-pressures:"), open_pressures
        )
    )
    promised = [c for c in data.commitments if c.status in ("open", "in_progress")]
    if promised:
        late = sum(1 for c in promised if c.due_on is not None and c.due_on < today)
        lines.append(
            "<p><b>{}</b> {}</p>".format(
                QCoreApplication.translate("InitiativeEditor", "Open commitments:"),
                QCoreApplication.translate("InitiativeEditor", "%1 (%2 overdue)")
                .replace("%1", str(len(promised)))
                .replace("%2", str(late)),
            )
        )
    if signals:
        items = "".join(f"<li>{s.explanation.get(lang)}</li>" for s in signals)
        lines.append(
            "<p><b>{}</b></p><ul style='margin-top:0'>{}</ul>".format(
                QCoreApplication.translate("InitiativeEditor", "Needs attention:"), items
            )
        )
    else:
        lines.append(
            "<p>{}</p>".format(
                QCoreApplication.translate("InitiativeEditor", "No attention signals.")
            )
        )
    editor.glance.setText("".join(lines))
