"""My work: the start page once a portfolio is open.

My open commitments (overdue first, then due this week, then later), reviews of my initiatives
that are due, journal follow-ups not yet turned into a commitment and, in team mode, what
colleagues changed in my initiatives since I last looked. "My" is the user name in Settings,
else the login. Each line opens its initiative at the right tab; "Done" on a commitment line
marks it kept in one action.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QPalette
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coprod_desktop.domain.errors import CoprodError
from coprod_desktop.services import commitments
from coprod_desktop.ui import i18n
from coprod_desktop.ui import preferences as prefs
from coprod_desktop.ui.background import Background
from coprod_desktop.ui.writer import WriteJob, Writer

if TYPE_CHECKING:
    from coprod_desktop.store.db import Database

ROLE = Qt.ItemDataRole.UserRole  # (kind, initiative id, record id, initiative version)
DONE_COLUMN = 4
_LAST_SEEN = "mywork/last_seen/"


SHOWN_PER_SECTION = commitments.SHOWN  # lines per section; the rest is counted ("… and N more")


def _date(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


def my_name(db: Database | None) -> str:
    """Whose work: the user name in Settings, else the database's user (the login)."""
    return prefs.user_name() or (db.user if db is not None else "")


class MyWorkView(QWidget):
    open_requested = Signal(int, str)  # initiative id, editor page ("commitments", …)
    changed = Signal()  # something was written (the portfolio may show it)

    def __init__(
        self, db: Database | None, writer: Writer | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("my-work")
        self.db = db
        # the window's one serial worker; a view on its own (a benchmark) gets one of its own
        self.writer = writer if writer is not None else Writer(Background(self), self)
        self.work: commitments.MyWork | None = None
        self.today: dt.date | None = None  # tests fix the day
        self.show_changes: bool | None = None  # None: in team mode (a shared database)
        self._marking: set[int] = set()  # commitments whose "Done" is being saved
        self.heading = QLabel(self)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.heading.setFont(font)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.refresh_button = QPushButton(self.tr("&Refresh"), self)
        self.refresh_button.clicked.connect(self.reload)
        self.done_button = QPushButton(self.tr("Mark &done"), self)
        self.done_button.setToolTip(self.tr("Mark the chosen commitment as kept"))
        self.done_button.clicked.connect(self.mark_current_done)
        self.calendar_button = QPushButton(self.tr("Calendar file…"), self)
        self.calendar_button.setToolTip(
            self.tr("Save my open commitments and reviews as an .ics file for Outlook and others")
        )
        self.calendar_button.clicked.connect(self.save_calendar)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("my-work-list")
        self.tree.setColumnCount(5)
        self.tree.setHeaderLabels(
            [self.tr("What"), self.tr("Initiative"), self.tr("Date"), self.tr("Promised to"), ""]
        )
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        for column, width in ((1, 300), (2, 95), (3, 200), (4, 80)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.tree.setColumnWidth(column, width)
        self.tree.itemActivated.connect(lambda item, _c: self.open_item(item))
        self.tree.itemClicked.connect(self._clicked)
        self._link = QBrush(self.palette().color(QPalette.ColorRole.Link))
        self._link_font = QFont(self.tree.font())
        self._link_font.setUnderline(True)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.calendar_button)
        top.addWidget(self.done_button)
        top.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 4)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)

    # ------------------------------------------------------------------ reading

    def _settings_key(self) -> str:
        return _LAST_SEEN + (self.db.display_name if self.db is not None else "")

    def _team_mode(self) -> bool:
        if self.show_changes is not None:
            return self.show_changes
        return self.db is not None and self.db.dialect != "sqlite"

    def reload(self) -> None:
        self.tree.clear()
        if self.db is None:
            self.work = None
            return
        me = my_name(self.db)
        since: dt.datetime | None = None
        if self._team_mode():
            seen = prefs.get_str(self._settings_key())
            try:
                since = dt.datetime.fromisoformat(seen) if seen else dt.datetime(1970, 1, 1)
            except ValueError:
                since = dt.datetime(1970, 1, 1)
        try:
            work = commitments.my_work(self.db, me, self.today, since=since)
        except CoprodError as error:
            self.summary.setText(error.message(i18n.lang()))
            return
        self.work = work
        if since is not None:
            prefs.set_value(
                self._settings_key(), dt.datetime.now(dt.UTC).replace(tzinfo=None).isoformat()
            )
        self.heading.setText(self.tr("My work — %1").replace("%1", me))
        self._fill(work)

    def _section(self, title: str, count: int) -> QTreeWidgetItem:
        item = QTreeWidgetItem(self.tree, [f"{title} ({count})"])
        font = QFont(item.font(0))
        font.setBold(True)
        item.setFont(0, font)
        item.setFirstColumnSpanned(True)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        return item

    def _line(self, values: list[str], data: tuple[Any, ...]) -> QTreeWidgetItem:
        item = QTreeWidgetItem(self.tree, values)
        item.setData(0, ROLE, data)
        item.setToolTip(0, values[0])
        return item

    def _more(self, hidden: int) -> None:
        """The lines a section leaves out (a page of thousands helps nobody and paints slowly);
        the heading keeps the whole count."""
        if hidden > 0:
            item = QTreeWidgetItem(self.tree, [self.tr("… and %n more", "", hidden)])
            item.setFirstColumnSpanned(True)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)

    def _commitment_lines(
        self, title: str, rows: list[commitments.CommitmentRow], total: int
    ) -> None:
        if not rows:
            return
        self._section(title, total)
        for row in rows[:SHOWN_PER_SECTION]:
            item = self._line(
                [
                    row.text,
                    f"{row.reference} {row.title}",
                    _date(row.due_on),
                    row.counterpart or "",
                ],
                ("commitment", row.initiative_id, row.id, row.initiative_version),
            )
            if self.work is not None and row.overdue(self.work.today):
                item.setForeground(2, QBrush(QColor("#b00020")))  # late: the date in red
            # a link-like cell rather than a button per line: hundreds of lines stay fast
            item.setText(DONE_COLUMN, self.tr("Done"))
            item.setToolTip(DONE_COLUMN, self.tr("Mark this commitment as kept today"))
            item.setForeground(DONE_COLUMN, self._link)
            item.setFont(DONE_COLUMN, self._link_font)
        self._more(total - min(len(rows), SHOWN_PER_SECTION))

    def _fill(self, work: commitments.MyWork) -> None:
        overdue, week, later = work.totals()
        self._commitment_lines(self.tr("Overdue"), work.overdue, overdue)
        self._commitment_lines(self.tr("Due this week"), work.this_week, week)
        self._commitment_lines(self.tr("Later"), work.later, later)
        if work.reviews:
            self._section(self.tr("Reviews due"), len(work.reviews))
            for review in work.reviews[:SHOWN_PER_SECTION]:
                self._line(
                    [
                        self.tr("Review"),
                        f"{review.reference} {review.title}",
                        _date(review.next_review),
                        "",
                    ],
                    ("review", review.initiative_id, None, None),
                )
            self._more(len(work.reviews) - SHOWN_PER_SECTION)
        if work.follow_ups:
            self._section(self.tr("Follow-ups"), len(work.follow_ups))
            for follow in work.follow_ups[:SHOWN_PER_SECTION]:
                self._line(
                    [
                        follow.summary,
                        f"{follow.reference} {follow.title}",
                        _date(follow.follow_up_on),
                        "",
                    ],
                    ("follow_up", follow.initiative_id, follow.journal_id, None),
                )
            self._more(len(work.follow_ups) - SHOWN_PER_SECTION)
        if work.changes:
            self._section(self.tr("Changed by colleagues since you last looked"), len(work.changes))
            for change in work.changes[:SHOWN_PER_SECTION]:
                text = self.tr("%1 made %n change(s)", "", change.changes).replace("%1", change.who)
                self._line(
                    [text, f"{change.reference} {change.title}", _date(change.at.date()), ""],
                    ("change", change.initiative_id, None, None),
                )
            self._more(len(work.changes) - SHOWN_PER_SECTION)
        if work.is_empty():
            self.summary.setText(
                self.tr("Nothing is due. Open the portfolio to find an initiative.")
            )
        else:
            self.summary.setText(
                self.tr("Open commitments: %1 overdue, %2 due this week, %3 later.")
                .replace("%1", str(overdue))
                .replace("%2", str(week))
                .replace("%3", str(later))
            )
        self.done_button.setEnabled(bool(overdue or week or later) and not self._read_only())

    def _read_only(self) -> bool:
        return self.db is None or bool(self.db.read_only)

    # ------------------------------------------------------------------ acting

    def open_item(self, item: QTreeWidgetItem) -> None:
        data = item.data(0, ROLE)
        if not data:
            return
        kind, initiative_id = data[0], data[1]
        page = {
            "commitment": "commitments",
            "review": "reviews",
            "follow_up": "journal",
            "change": "history",
        }[kind]
        self.open_requested.emit(initiative_id, page)

    def _clicked(self, item: QTreeWidgetItem, column: int) -> None:
        if column == DONE_COLUMN and item.text(DONE_COLUMN):
            self.mark_done(item)

    def mark_current_done(self) -> None:
        item = self.tree.currentItem()
        if item is not None:
            self.mark_done(item)

    def mark_done(self, item: QTreeWidgetItem) -> WriteJob | None:
        """One action: the commitment is saved as kept today and leaves the list.

        Returns at once (the write runs on the worker); the list is reloaded when it is done,
        also after a failed write (someone changed it meanwhile: show what is true now)."""
        data = item.data(0, ROLE)
        if not data or data[0] != "commitment" or self.db is None or self._read_only():
            return None
        db, commitment_id, version = self.db, data[2], data[3]
        if commitment_id in self._marking:
            return None  # a second click while the first is being saved: done once
        self._marking.add(commitment_id)
        job = self.writer.write(
            lambda: commitments.mark_done(db, commitment_id, expected_version=version),
            label=QCoreApplication.translate("MyWorkView", "Saving…"),
        )
        job.finished.connect(lambda ok: self._marked_done(db, commitment_id, bool(ok)))
        return job

    def _marked_done(self, db: Database, commitment_id: int, ok: bool) -> None:
        if not shiboken6.isValid(self):
            return  # the view was closed while the write ran
        self._marking.discard(commitment_id)
        if self.db is not db:
            return  # another portfolio was opened meanwhile: the list already shows it
        self.reload()
        if ok:
            self.changed.emit()

    def save_calendar(self) -> None:
        if self.db is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Calendar file"), "coprod.ics", self.tr("Calendar files (*.ics)")
        )
        if not path:
            return
        if not path.lower().endswith(".ics"):
            path += ".ics"
        self.write_calendar(Path(path))

    def write_calendar(self, path: Path) -> WriteJob:
        """Writes the .ics file on the worker and returns at once; a failure is shown there."""
        from coprod_desktop.services import calendar

        db, me, lang = self.db, my_name(self.db), i18n.lang()
        assert db is not None
        return self.writer.write(
            lambda: calendar.write_calendar(db, path, me, lang),
            label=self.tr("Writing the calendar file…"),
        )
