"""The Classification tab: the typology's cards, the assistant, and the fields that go with a
type (secondary type, rationale, participation level, public values, phases, frontline role)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from coprod_desktop.domain import assessment
from coprod_desktop.domain import vocab as v
from coprod_desktop.domain.classification import suggest
from coprod_desktop.domain.fields import PLAIN_EDITOR_FIELDS
from coprod_desktop.ui import i18n
from coprod_desktop.ui.assistant import tab_lands_on_checked
from coprod_desktop.ui.dialogs import typology_card_html
from coprod_desktop.ui.editor.binding import (
    add_row,
    bind_checks,
    bind_widget,
    form_page,
    place_declared_fields,
)
from coprod_desktop.ui.editor.undo import FieldCommand
from coprod_desktop.ui.widgets import ErrorLabel, VocabCombo, vocab_label

if TYPE_CHECKING:
    from coprod_desktop.ui.editor.editor_base import EditorBase

_PLACED = (
    "type",
    "secondary_type",
    "type_rationale",
    "participation_level",
    "public_values",
    "frontline_role",
)
# The fields shown on this tab (a problem with one of them brings the tab forward): those
# placed here by hand and the plain fields declared on it (domain.fields).
FIELDS = _PLACED + tuple(
    f.name for f in PLAIN_EDITOR_FIELDS if f.tab == "classification" and f.name not in _PLACED
)


def classification_tab(editor: EditorBase) -> QWidget:
    scroll, page = form_page(editor)
    layout = QVBoxLayout(page)
    intro = QLabel(
        QCoreApplication.translate(
            "InitiativeEditor",
            "Which practice of co-production is this? Each card summarises one type of the "
            "typology by Agger & Tortzen (2023).",
        ),
        page,
    )
    intro.setWordWrap(True)
    layout.addWidget(intro)
    _type_cards(editor, page, layout)
    editor.suggestion = QLabel(page)
    editor.suggestion.setWordWrap(True)
    editor.assistant_button = QPushButton(
        QCoreApplication.translate("InitiativeEditor", "Classification &assistant…"), page
    )
    editor.assistant_button.setToolTip(
        QCoreApplication.translate(
            "InitiativeEditor", "Answer a few plain questions; the assistant suggests a type"
        )
    )
    editor.assistant_button.clicked.connect(editor.open_assistant)
    suggestion_row = QHBoxLayout()
    suggestion_row.addWidget(editor.suggestion, 1)
    suggestion_row.addWidget(editor.assistant_button)
    layout.addLayout(suggestion_row)
    editor.errors["type"] = ErrorLabel(page)
    layout.addWidget(editor.errors["type"])

    form = QFormLayout()
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    editor.secondary_type = VocabCombo(
        v.InitiativeType,
        empty=QCoreApplication.translate("InitiativeEditor", "(none)"),
        parent=page,
    )
    editor.type_rationale = QPlainTextEdit(page)
    editor.type_rationale.setFixedHeight(editor.fontMetrics().lineSpacing() * 3 + 14)
    editor.participation_level = VocabCombo(v.ParticipationLevel, empty="", parent=page)
    editor.participation_level.setToolTip(
        QCoreApplication.translate(
            "InitiativeEditor", "The IAP2 spectrum: inform, consult, involve, collaborate, empower"
        )
    )
    editor.frontline_role = VocabCombo(v.FrontlineRole, empty="", parent=page)
    values_box = QWidget(page)
    grid = QGridLayout(values_box)
    grid.setContentsMargins(0, 0, 0, 0)
    editor.value_boxes = {}
    for position, value in enumerate(v.PublicValue):
        box = QCheckBox(value.label(i18n.lang()), values_box)
        grid.addWidget(box, position // 2, position % 2)
        editor.value_boxes[value.value] = box
    bind_checks(editor, "public_values", editor.value_boxes)
    phases_box = _phase_boxes(editor, page)
    add_row(editor, form, "secondary_type", editor.secondary_type, page)
    bind_widget(editor, "secondary_type", editor.secondary_type)
    add_row(editor, form, "type_rationale", editor.type_rationale, page)
    bind_widget(editor, "type_rationale", editor.type_rationale)
    add_row(editor, form, "participation_level", editor.participation_level, page)
    bind_widget(editor, "participation_level", editor.participation_level)
    add_row(editor, form, "public_values", values_box, page)
    add_row(editor, form, "co_phases", phases_box, page)
    add_row(editor, form, "frontline_role", editor.frontline_role, page)
    bind_widget(editor, "frontline_role", editor.frontline_role)
    place_declared_fields(editor, "classification", form, page)
    layout.addLayout(form)
    layout.addStretch(1)
    return scroll


def _type_cards(editor: EditorBase, page: QWidget, column: QVBoxLayout) -> None:
    """ "Not classified yet" and one card with a radio button per type, bound to `type`."""
    editor.type_group = QButtonGroup(page)
    editor.type_buttons = {}
    none = QRadioButton(QCoreApplication.translate("InitiativeEditor", "Not classified yet"), page)
    editor.type_buttons[None] = none
    editor.type_group.addButton(none)
    column.addWidget(none)
    cards = QHBoxLayout()
    editor.type_cards = {}
    for member in v.InitiativeType:
        frame = QFrame(page)
        frame.setObjectName("type-card")
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        inner = QVBoxLayout(frame)
        button = QRadioButton(member.label(i18n.lang()), frame)
        button.setAccessibleName(
            QCoreApplication.translate("InitiativeEditor", "Type: %1").replace(
                "%1", member.label(i18n.lang())
            )
        )
        card = QLabel(typology_card_html(member.value, i18n.lang()), frame)
        card.setWordWrap(True)
        card.setTextFormat(Qt.TextFormat.RichText)
        card.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        card.setMinimumWidth(220)
        inner.addWidget(button)
        inner.addWidget(card, 1)
        cards.addWidget(frame, 1)
        editor.type_buttons[member.value] = button
        editor.type_cards[member.value] = card
        editor.type_group.addButton(button)
    column.addLayout(cards)

    def get_type() -> Any:
        for key, button in editor.type_buttons.items():
            if button.isChecked():
                return key
        return None

    def put_type(value: Any) -> None:
        editor.type_buttons.get(value, none).setChecked(True)

    editor.bindings["type"] = (get_type, put_type)
    editor.type_group.buttonToggled.connect(lambda _b, on: type_edited(editor) if on else None)
    tab_lands_on_checked(editor.type_group)


def _phase_boxes(editor: EditorBase, page: QWidget) -> QWidget:
    """Check boxes for the four Co's (Loeffler & Bovaird), bound to `co_phases`."""
    box = QWidget(page)
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    editor.phase_boxes = {}
    for phase in v.CoPhase:
        check = QCheckBox(phase.label(i18n.lang()), box)
        row.addWidget(check)
        editor.phase_boxes[phase.value] = check
    row.addStretch(1)
    bind_checks(editor, "co_phases", editor.phase_boxes)
    return box


def type_edited(editor: EditorBase) -> None:
    """A type was chosen: one undo step, the frontline role following the type's default
    unless the user chose another role."""
    if editor.loading:
        return
    get, _put = editor.bindings["type"]
    new = get()
    old = editor.data.type
    if new == old:
        return
    role_before = editor.data.frontline_role
    old_default = v.DEFAULT_FRONTLINE_ROLE[v.InitiativeType.get(old)].value if old else None
    new_default = v.DEFAULT_FRONTLINE_ROLE[v.InitiativeType.get(new)].value if new else None
    editor.undo.beginMacro(editor.field_label("type"))
    editor.undo.push(FieldCommand(editor, "type", old, new, False))
    if new_default and (role_before is None or role_before == old_default):
        editor.undo.push(FieldCommand(editor, "frontline_role", role_before, new_default, False))
    editor.undo.endMacro()


def suggested_type(editor: EditorBase) -> str | None:
    """The type the recorded facts point to (the assistant's, once one has been accepted)."""
    if editor.accepted_answers is not None:
        accepted = suggest(editor.accepted_answers).primary
        return accepted.value if accepted is not None else None
    return assessment.suggested_type(editor.data)


def show_suggestion(editor: EditorBase, suggestion: str | None) -> None:
    """The line under the cards, and the chosen type's card outlined."""
    data = editor.data
    if suggestion and suggestion != data.type:
        editor.suggestion.setText(
            QCoreApplication.translate(
                "InitiativeEditor", "The recorded facts point to: %1"
            ).replace("%1", vocab_label(v.InitiativeType, suggestion))
        )
    elif not suggestion and not data.type and (data.summary or data.description):
        # too few facts for the assistant: read the text (domain/text_classification.py)
        from coprod_desktop.domain.text_classification import suggest_for_text

        editor.suggestion.setText(
            QCoreApplication.translate("InitiativeEditor", "From the text: %1").replace(
                "%1", suggest_for_text(data).rationale(i18n.lang())
            )
        )
    else:
        editor.suggestion.setText("")
    for key, card in editor.type_cards.items():
        card.setEnabled(True)
        frame = card.parentWidget()
        assert frame is not None
        frame.setStyleSheet(
            "QFrame#type-card { border: 2px solid palette(highlight); }" if key == data.type else ""
        )
