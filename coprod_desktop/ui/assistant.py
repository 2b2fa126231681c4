"""The classification assistant: plain questions from the typology, pre-answered from the record.

The questions, the pre-answers and the suggestion come from `domain/classification.py`; this
dialog only shows them. Accepting sets the editor's type, secondary type and rationale (and,
if the user agrees, the type's public values) as one undoable step (nothing is saved until the
editor is). The answers given stay with the editor, so reopening the assistant shows them.
"""

from __future__ import annotations

import copy
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from coprod_desktop.domain import vocab as v
from coprod_desktop.domain.classification import QUESTIONS, Suggestion, pre_answer, suggest
from coprod_desktop.domain.model import InitiativeData
from coprod_desktop.domain.typology import TYPOLOGY
from coprod_desktop.ui import i18n

if TYPE_CHECKING:
    from coprod_desktop.ui.editor.editor_base import EditorBase

NOT_SURE = "__not_sure__"


def tab_lands_on_checked(group: QButtonGroup) -> None:
    """Tab enters an exclusive group of radio buttons at the checked one (the arrow keys then
    choose), as a radio group should; Qt otherwise enters at whichever had the focus last."""

    def fix(_button: QAbstractButton | None = None, _on: bool = True) -> None:
        checked = group.checkedButton()
        for button in group.buttons():
            focus = button.focusPolicy()
            if button is checked or (checked is None and button is group.buttons()[0]):
                button.setFocusPolicy(focus | Qt.FocusPolicy.TabFocus)
            else:
                button.setFocusPolicy(Qt.FocusPolicy(focus.value & ~Qt.FocusPolicy.TabFocus.value))

    fix()
    group.buttonToggled.connect(fix)


class ClassificationAssistant(QDialog):
    """Seven questions with radio options; the suggestion follows every answer."""

    def __init__(
        self,
        data: InitiativeData,
        parent: QWidget | None = None,
        answers: dict[str, str | None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("classification-assistant")
        self.setWindowTitle(self.tr("Classification assistant"))
        self.data = copy.deepcopy(data)
        self.pre_answers = pre_answer(self.data)
        self.groups: dict[str, QButtonGroup] = {}
        self.buttons: dict[str, dict[str, QRadioButton]] = {}
        lang = i18n.lang()

        intro = QLabel(
            self.tr(
                "The answers are filled in from what is recorded (marked “from the record”). "
                "Change any answer that does not fit; the suggestion follows."
            ),
            self,
        )
        intro.setWordWrap(True)
        questions = QWidget(self)
        questions_layout = QVBoxLayout(questions)
        questions_layout.setContentsMargins(0, 0, 6, 0)
        for number, question in enumerate(QUESTIONS, start=1):
            known = self.pre_answers.get(question.key)
            chosen = answers[question.key] if answers and question.key in answers else known
            title = f"{number}. {question.text.get(lang)}"
            if known is not None and chosen == known:
                title += "  " + self.tr("(from the record)")
            box = QGroupBox(title, questions)
            box.setObjectName(f"question-{question.key}")
            inner = QVBoxLayout(box)
            inner.setSpacing(2)
            group = QButtonGroup(box)
            self.groups[question.key] = group
            self.buttons[question.key] = {}
            options = [(o.key, o.text.get(lang)) for o in question.options]
            options.append((NOT_SURE, self.tr("Not sure / does not apply")))
            for key, text in options:
                button = QRadioButton(text, box)
                button.setObjectName(f"{question.key}-{key}")
                group.addButton(button)
                inner.addWidget(button)
                self.buttons[question.key][key] = button
                button.setChecked(key == (chosen or NOT_SURE))
            tab_lands_on_checked(group)
            group.buttonToggled.connect(lambda _b, on: self.update_suggestion() if on else None)
            questions_layout.addWidget(box)
        questions_layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setWidget(questions)

        self.verdict = QLabel(self)
        self.verdict.setObjectName("assistant-verdict")
        self.verdict.setWordWrap(True)
        self.verdict.setTextFormat(Qt.TextFormat.RichText)
        self.rationale = QLabel(self)
        self.rationale.setObjectName("assistant-rationale")
        self.rationale.setWordWrap(True)
        self.rationale.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.votes = QLabel(self)
        self.votes.setWordWrap(True)
        side = QGroupBox(self.tr("Suggestion"), self)
        side_layout = QVBoxLayout(side)
        side_layout.addWidget(self.verdict)
        side_layout.addWidget(self.rationale)
        side_layout.addWidget(self.votes)
        recorded = QLabel(
            self.tr("Recorded now: %1").replace(
                "%1",
                v.InitiativeType.get(self.data.type).label(lang)
                if self.data.type
                else self.tr("not classified"),
            ),
            side,
        )
        recorded.setWordWrap(True)
        side_layout.addWidget(recorded)
        side_layout.addStretch(1)
        side.setMinimumWidth(320)

        self.button_box = QDialogButtonBox(self)
        self.accept_button = self.button_box.addButton(
            self.tr("&Use this suggestion"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.accept_button.setToolTip(
            self.tr("Set the type, the secondary type and the rationale (Ctrl+Z undoes it)")
        )
        self.button_box.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.button_box.accepted.connect(self.accept)
        self.button_box.rejected.connect(self.reject)

        columns = QHBoxLayout()
        columns.addWidget(scroll, 3)
        columns.addWidget(side, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(columns, 1)
        layout.addWidget(self.button_box)
        # wide enough that the longest (Danish) option shows whole, within the screen
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        width, height = 1240, 720
        if screen is not None:
            width = min(width, screen.width() - 40)
            height = min(height, screen.height() - 60)
        self.resize(width, height)
        self.update_suggestion()
        first = self.groups[QUESTIONS[0].key].checkedButton()
        if first is not None:
            first.setFocus()

    def answers(self) -> dict[str, str | None]:
        chosen: dict[str, str | None] = {}
        for key, group in self.groups.items():
            button = group.checkedButton()
            found = next((k for k, b in self.buttons[key].items() if b is button), NOT_SURE)
            chosen[key] = None if found == NOT_SURE else found
        return chosen

    def answer(self, question: str, option: str | None) -> None:
        """Choose an option (None: not sure), as a click would."""
        self.buttons[question][option or NOT_SURE].click()

    def suggestion(self) -> Suggestion:
        return suggest(self.answers())

    def update_suggestion(self) -> None:
        lang = i18n.lang()
        found = self.suggestion()
        if found.primary is None:
            self.verdict.setText("<b>{}</b>".format(escape(self.tr("No suggestion yet"))))
        else:
            text = "<b>{}</b> {}".format(
                escape(self.tr("Suggested type:")), escape(found.primary.label(lang))
            )
            if found.secondary is not None:
                text += "<br><b>{}</b> {}".format(
                    escape(self.tr("Secondary type:")), escape(found.secondary.label(lang))
                )
            self.verdict.setText(text)
        self.rationale.setText(found.rationale(lang))
        counts = ", ".join(
            f"{kind.label(lang)}: {found.votes.get(kind, 0)}" for kind in v.InitiativeType
        )
        self.votes.setText(
            self.tr("Answers pointing to each type: %1").replace("%1", counts)
            if found.answered
            else ""
        )
        self.accept_button.setEnabled(found.primary is not None)


def apply_suggestion(
    editor: EditorBase, found: Suggestion, lang: str, tick_values: list[str] | None = None
) -> None:
    """Type, secondary type (and the frontline role that follows the type), rationale and the
    public values to tick as one undo step in the editor."""
    from coprod_desktop.ui.editor.undo import FieldCommand

    if found.primary is None:
        return
    data = editor.data
    new_type = found.primary.value
    new_secondary = found.secondary.value if found.secondary is not None else None
    rationale = found.rationale(lang)
    editor.undo.beginMacro(
        QCoreApplication.translate("ClassificationAssistant", "Use the assistant's suggestion")
    )
    if new_type != data.type:
        old_type = data.type
        role_before = data.frontline_role
        old_default = (
            v.DEFAULT_FRONTLINE_ROLE[v.InitiativeType.get(old_type)].value if old_type else None
        )
        new_default = v.DEFAULT_FRONTLINE_ROLE[v.InitiativeType.get(new_type)].value
        editor.undo.push(FieldCommand(editor, "type", old_type, new_type, False))
        if role_before is None or role_before == old_default:
            editor.undo.push(
                FieldCommand(editor, "frontline_role", role_before, new_default, False)
            )
    if new_secondary != data.secondary_type:
        editor.undo.push(
            FieldCommand(editor, "secondary_type", data.secondary_type, new_secondary, False)
        )
    if rationale != data.type_rationale:
        editor.undo.push(
            FieldCommand(editor, "type_rationale", data.type_rationale, rationale, False)
        )
    if tick_values:
        values = [*data.public_values, *(x for x in tick_values if x not in data.public_values)]
        editor.undo.push(FieldCommand(editor, "public_values", data.public_values, values, False))
    editor.undo.endMacro()


def offer_public_values(editor: EditorBase, found: Suggestion, lang: str) -> list[str]:
    """Ask whether to tick the public values the typology gives the type; the ones to tick."""
    if found.primary is None:
        return []
    missing = [
        value
        for value in TYPOLOGY[found.primary].public_values
        if value.value not in editor.data.public_values
    ]
    if not missing:
        return []
    names = "\n".join(f"• {value.label(lang)}" for value in missing)
    question = QCoreApplication.translate(
        "ClassificationAssistant", "Also tick the public values of %1?"
    ).replace("%1", found.primary.label(lang).lower())
    answer = QMessageBox.question(
        editor,
        QCoreApplication.translate("ClassificationAssistant", "Public values"),
        f"{question}\n\n{names}",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes,
    )
    return [v.value for v in missing] if answer == QMessageBox.StandardButton.Yes else []


def run_assistant(editor: EditorBase) -> ClassificationAssistant:
    """Open the assistant on the editor's current (unsaved) data; accept applies it."""
    dialog = ClassificationAssistant(editor.data, editor, editor.assistant_answers)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    editor.assistant_answers = dialog.answers()
    if accepted:
        found = dialog.suggestion()
        lang = i18n.lang()
        editor.accepted_answers = dict(editor.assistant_answers)
        apply_suggestion(editor, found, lang, offer_public_values(editor, found, lang))
    return dialog
