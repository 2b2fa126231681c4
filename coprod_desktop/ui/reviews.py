"""Manager reviews: the editor's Reviews tab and a review mode that walks the portfolio.

A review (date, reviewer, assessment, decisions or support promised, next review) is part
of the initiative: in the editor it is one undoable change saved with the rest; in review
mode it is saved at once through the initiatives service.
"""

from __future__ import annotations

import copy
import datetime as dt
from html import escape
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from coprod_desktop.domain import vocab as v
from coprod_desktop.domain.assessment import Signal as AttentionSignal
from coprod_desktop.domain.errors import CoprodError, ValidationError
from coprod_desktop.domain.figures import SIGNAL_RANK
from coprod_desktop.domain.messages import message
from coprod_desktop.domain.model import InitiativeData, ReviewData
from coprod_desktop.services import initiatives, portfolio_assessment, portfolio_query
from coprod_desktop.services.portfolio_query import PortfolioFilter
from coprod_desktop.store.db import Database
from coprod_desktop.ui import i18n
from coprod_desktop.ui import preferences as prefs
from coprod_desktop.ui.records import Column
from coprod_desktop.ui.widgets import DateField, ErrorLabel, date_text, vocab_label

if TYPE_CHECKING:
    from coprod_desktop.ui.editor.editor_base import EditorBase


def default_reviewer(db: Database | None) -> str:
    return prefs.user_name() or (db.user if db is not None else "")


class ReviewForm(QWidget):
    """Date, reviewer, assessment, decisions and the next review; `review()` reads them."""

    def __init__(self, reviewer: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.default_reviewer = reviewer
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.date = DateField(self)
        self.reviewer = QLineEdit(self)
        self.assessment = QPlainTextEdit(self)
        self.assessment.setPlaceholderText(self.tr("How is it going? What works, what does not?"))
        self.decisions = QPlainTextEdit(self)
        self.decisions.setPlaceholderText(
            self.tr("Decisions and support promised, e.g. “clarify the mandate with the committee”")
        )
        for edit in (self.assessment, self.decisions):
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 14)
        self.next_review = DateField(self)
        self.next_review.setToolTip(self.tr("The initiative's next review is set to this date"))
        self.error = ErrorLabel(self)
        for text, widget in (
            (self.tr("Review &date"), self.date),
            (self.tr("Revie&wer"), self.reviewer),
            (self.tr("&Assessment"), self.assessment),
            (self.tr("De&cisions"), self.decisions),
            (self.tr("&Next review"), self.next_review),
        ):
            label = QLabel(text, self)
            label.setBuddy(widget)
            widget.setAccessibleName(text.replace("&", ""))
            form.addRow(label, widget)
        form.addRow(self.error)
        self.reset()

    def reset(self) -> None:
        self.date.set_value(dt.date.today())
        self.reviewer.setText(self.default_reviewer)
        self.assessment.clear()
        self.decisions.clear()
        self.next_review.set_value(None)
        self.error.show_message("")

    def review(self) -> ReviewData | None:
        """The review as entered, or None (and a message) when something is missing."""
        ok_date, when = self.date.value()
        ok_next, next_review = self.next_review.value()
        problems = []
        if not ok_date or when is None:
            problems.append(self.tr("Enter the date of the review as YYYY-MM-DD."))
        if not ok_next:
            problems.append(self.tr("Enter the next review as YYYY-MM-DD, or leave it empty."))
        if not self.reviewer.text().strip():
            problems.append(self.tr("Enter who reviewed."))
        self.error.show_message("\n".join(problems))
        if problems:
            return None
        return ReviewData(
            date=when,
            reviewer=self.reviewer.text().strip(),
            assessment=self.assessment.toPlainText().strip() or None,
            decisions=self.decisions.toPlainText().strip() or None,
            next_review=next_review,
        )


class ReviewsPanel(QWidget):
    """Below the editor's table of reviews: the form to record a new one."""

    def __init__(self, editor: EditorBase, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        box = QGroupBox(self.tr("Record a review"), self)
        inner = QVBoxLayout(box)
        self.form = ReviewForm(default_reviewer(editor.db), box)
        self.record_button = QPushButton(self.tr("Rec&ord review"), box)
        self.record_button.setToolTip(
            self.tr("Add the review to this initiative (saved with the initiative)")
        )
        self.record_button.clicked.connect(self.record)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.record_button)
        inner.addWidget(self.form)
        inner.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(box)

    def record(self) -> bool:
        review = self.form.review()
        if review is None:
            return False
        editor = self.editor
        # The next review typed here is the initiative's next review: no second question.
        move = review.next_review is not None and review.next_review != editor.data.next_review
        from coprod_desktop.ui.editor.undo import FieldCommand

        editor.undo.beginMacro(self.tr("Record review"))
        editor.change_list("reviews", [*editor.data.reviews, review], self.tr("Record review"))
        if move:
            editor.undo.push(
                FieldCommand(
                    editor, "next_review", editor.data.next_review, review.next_review, False
                )
            )
        editor.undo.endMacro()
        self.form.reset()
        return True


def reviews_tab(editor: EditorBase) -> QWidget:
    """The editor's Reviews tab: the reviews so far (editable) and the form for a new one."""
    columns = [
        Column(
            "date", QCoreApplication.translate("Reviews", "Date"), "date", width=100, required=True
        ),
        Column(
            "reviewer", QCoreApplication.translate("Reviews", "Reviewer"), width=150, required=True
        ),
        Column("assessment", QCoreApplication.translate("Reviews", "Assessment"), width=300),
        Column("decisions", QCoreApplication.translate("Reviews", "Decisions"), width=300),
        Column(
            "next_review", QCoreApplication.translate("Reviews", "Next review"), "date", width=110
        ),
    ]
    panel = ReviewsPanel(editor, editor)
    return editor._list_page(
        "reviews",
        columns,
        QCoreApplication.translate("Reviews", "Manager reviews"),
        [(QCoreApplication.translate("Reviews", "Remove"), lambda: editor.remove_row("reviews"))],
        panel,
    )


# ---------------------------------------------------------------------- review mode


def agenda(db: Database, flt: PortfolioFilter, today: dt.date | None = None) -> list[int]:
    """The filtered portfolio in its order, those with attention signals first (worst first)."""
    ids = portfolio_query.ids(db, flt)
    assessed = portfolio_assessment.assess(db, ids, today)

    def rank(position: int) -> tuple[int, int, int, int]:
        found = assessed[ids[position]].signals if ids[position] in assessed else []
        worst = min((SIGNAL_RANK.get(s.severity, 3) for s in found), default=3)
        return (0 if found else 1, worst, -len(found), position)

    return [ids[p] for p in sorted(range(len(ids)), key=rank)]


class ReviewMode(QWidget):
    """Walks the shown initiatives one by one with the attention list as the agenda."""

    open_requested = Signal(int)
    changed = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("review-mode")
        self.db = db
        self.ids: list[int] = []
        self.position = 0
        self.current: InitiativeData | None = None
        self.signals: list[AttentionSignal] = []

        self.counter = QLabel(self)
        bold = self.counter.font()
        bold.setBold(True)
        self.counter.setFont(bold)
        self.previous_button = QPushButton(self.tr("◀ &Previous"), self)
        self.next_button = QPushButton(self.tr("&Next ▶"), self)
        self.open_button = QPushButton(self.tr("&Open in editor"), self)
        self.previous_button.clicked.connect(lambda: self.go(self.position - 1))
        self.next_button.clicked.connect(lambda: self.go(self.position + 1))
        self.open_button.clicked.connect(self._open)
        top = QHBoxLayout()
        top.addWidget(self.counter, 1)
        top.addWidget(self.open_button)
        top.addWidget(self.previous_button)
        top.addWidget(self.next_button)

        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.signal_text = QLabel(self)
        self.signal_text.setWordWrap(True)
        self.signal_text.setTextFormat(Qt.TextFormat.RichText)
        self.signal_text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        summary_box = QGroupBox(self.tr("The initiative"), self)
        summary_layout = QVBoxLayout(summary_box)
        summary_layout.addWidget(self.summary)
        summary_layout.addStretch(1)
        signals_box = QGroupBox(self.tr("Needs attention"), self)
        signals_layout = QVBoxLayout(signals_box)
        signals_layout.addWidget(self.signal_text)
        signals_layout.addStretch(1)
        self.history = QLabel(self)
        self.history.setWordWrap(True)
        self.history.setTextFormat(Qt.TextFormat.RichText)
        self.history.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        history_box = QGroupBox(self.tr("Earlier reviews"), self)
        history_layout = QVBoxLayout(history_box)
        history_layout.addWidget(self.history)
        history_layout.addStretch(1)

        form_box = QGroupBox(self.tr("Record a review"), self)
        form_layout = QVBoxLayout(form_box)
        self.form = ReviewForm(default_reviewer(db), form_box)
        self.record_button = QPushButton(self.tr("Record &review"), form_box)
        self.record_button.setToolTip(self.tr("Save the review with the initiative now"))
        self.record_button.clicked.connect(self.record)
        self.record_and_next = QPushButton(self.tr("Record and &go to next"), form_box)
        self.record_and_next.clicked.connect(self._record_and_next)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.record_button)
        buttons.addWidget(self.record_and_next)
        form_layout.addWidget(self.form)
        form_layout.addLayout(buttons)
        form_layout.addStretch(1)

        left = QVBoxLayout()
        left.addWidget(summary_box, 3)
        left.addWidget(history_box, 2)
        right = QVBoxLayout()
        right.addWidget(signals_box, 2)
        right.addWidget(form_box, 3)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        page = QWidget(self)
        page_layout = QVBoxLayout(page)
        page_layout.addLayout(top)
        page_layout.addLayout(columns, 1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(scroll)

    def set_database(self, db: Database) -> None:
        self.db = db
        self.start(PortfolioFilter())

    def start(self, flt: PortfolioFilter) -> None:
        """Walk this (filtered) portfolio from the top of the agenda."""
        try:
            self.ids = agenda(self.db, flt)
        except CoprodError as error:
            QMessageBox.warning(self, self.tr("Review mode"), error.message(i18n.lang()))
            self.ids = []
        self.go(0)

    def go(self, position: int) -> None:
        if not self.ids:
            self.position = 0
            self.current = None
            self.counter.setText(
                self.tr("No initiatives to review: the portfolio filter shows none.")
            )
            self.summary.setText("")
            self.signal_text.setText("")
            self.history.setText("")
            for button in (
                self.previous_button,
                self.next_button,
                self.open_button,
                self.record_button,
                self.record_and_next,
            ):
                button.setEnabled(False)
            return
        self.position = max(0, min(position, len(self.ids) - 1))
        ident = self.ids[self.position]
        try:
            self.current = initiatives.get_initiative(self.db, ident)
            self.signals = portfolio_assessment.assess(self.db, [ident])[ident].signals
        except CoprodError as error:
            QMessageBox.warning(self, self.tr("Review mode"), error.message(i18n.lang()))
            return
        self.counter.setText(
            self.tr("Initiative %1 of %2")
            .replace("%1", str(self.position + 1))
            .replace("%2", str(len(self.ids)))
        )
        self.previous_button.setEnabled(self.position > 0)
        self.next_button.setEnabled(self.position < len(self.ids) - 1)
        self.record_and_next.setEnabled(self.position < len(self.ids) - 1)
        self.open_button.setEnabled(True)
        self.record_button.setEnabled(True)
        self._show()
        self.form.reset()

    def _show(self) -> None:
        data = self.current
        assert data is not None
        lang = i18n.lang()
        from coprod_desktop.domain.assessment import completeness

        rows = [
            (self.tr("Type"), vocab_label(v.InitiativeType, data.type, self.tr("not classified"))),
            (self.tr("Sector"), vocab_label(v.Sector, data.sector)),
            (self.tr("Status"), vocab_label(v.Status, data.status)),
            (self.tr("Owner"), data.owner or "–"),
            (self.tr("Responsible manager"), data.responsible_manager or "–"),
            (self.tr("Next review"), date_text(data.next_review) if data.next_review else "–"),
            (self.tr("Completeness"), f"{completeness(data)} %"),
            (
                self.tr("Open cross-pressures"),
                str(sum(p.status != "resolved" for p in data.cross_pressures)),
            ),
        ]
        table = "".join(
            f"<tr><td><b>{escape(k)}</b></td><td>{escape(value)}</td></tr>" for k, value in rows
        )
        heading = f"<h3>{escape(data.reference or '')} — {escape(data.title)}</h3>"
        summary = f"<p>{escape(data.summary)}</p>" if data.summary else ""
        self.summary.setText(f"{heading}{summary}<table cellpadding='3'>{table}</table>")
        if self.signals:
            severity = {
                "high": message("signal_high", lang),
                "medium": message("signal_medium", lang),
                "low": message("signal_low", lang),
            }
            items = "".join(
                f"<li><b>{escape(severity.get(s.severity, s.severity))}:</b> "
                f"{escape(s.explanation.get(lang))}</li>"
                for s in self.signals
            )
            self.signal_text.setText(f"<ul style='margin-left:0'>{items}</ul>")
        else:
            self.signal_text.setText(self.tr("No attention signals."))
        if data.reviews:
            latest = sorted(data.reviews, key=lambda r: r.date or dt.date.min, reverse=True)
            parts = []
            for review in latest[:5]:
                line = f"<p><b>{escape(date_text(review.date))}</b> "
                line += f"{escape(review.reviewer)}"
                if review.assessment:
                    line += f"<br>{escape(review.assessment)}"
                if review.decisions:
                    line += "<br><i>{}</i> {}".format(
                        escape(self.tr("Decisions:")), escape(review.decisions)
                    )
                parts.append(line + "</p>")
            self.history.setText("".join(parts))
        else:
            self.history.setText(self.tr("Not reviewed before."))

    def _open(self) -> None:
        if self.current is not None and self.current.id is not None:
            self.open_requested.emit(self.current.id)

    def record(self) -> bool:
        """Save the review with the current initiative (and maybe its next review)."""
        if self.current is None or self.current.id is None:
            return False
        review = self.form.review()
        if review is None:
            return False
        try:
            data = initiatives.get_initiative(self.db, self.current.id)
            data = copy.deepcopy(data)
            data.reviews.append(review)
            if review.next_review is not None:  # what was typed is the answer: no question
                data.next_review = review.next_review
            initiatives.save_initiative(self.db, data)
        except ValidationError as error:
            self.form.error.show_message("\n".join(p.message(i18n.lang()) for p in error.problems))
            return False
        except CoprodError as error:
            QMessageBox.warning(self, self.tr("Review not saved"), error.message(i18n.lang()))
            return False
        self.changed.emit()
        self.go(self.position)
        self.form.error.show_message("")
        return True

    def _record_and_next(self) -> None:
        if self.record():
            self.go(self.position + 1)

    def current_id(self) -> Any:
        return self.current.id if self.current is not None else None
