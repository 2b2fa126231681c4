"""The dashboard for middle managers: the briefs' charts on screen, every bar clickable.

The charts are the ReportLab drawings of `reports/charts.py` (the same definitions the PDF
briefs print), rendered to SVG. Each drawing records where its bars and segments are, so a
click maps back to a (bar, series) key; the dashboard knows which initiatives stand behind
each key and hands them to the portfolio.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from html import escape
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPointF,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QMouseEvent, QPainter
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QToolTip,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from coprod_desktop.domain import vocab as v
from coprod_desktop.domain.assessment import Thresholds
from coprod_desktop.domain.figures import (
    MUNICIPAL,
    UNCLASSIFIED,
    UNKNOWN,
    PortfolioFigures,
)
from coprod_desktop.domain.messages import message
from coprod_desktop.domain.outcomes import NO_PHASE
from coprod_desktop.reports.fonts import SANS, SANS_BOLD
from coprod_desktop.services import dashboard_figures
from coprod_desktop.services.dashboard_figures import AttentionEntry, Key
from coprod_desktop.services.settings import load_settings
from coprod_desktop.store.db import Database
from coprod_desktop.ui import i18n
from coprod_desktop.ui.background import Background, Operation, Progress
from coprod_desktop.ui.portfolio_view import signal_label
from coprod_desktop.ui.widgets import counted, vocab_label

if TYPE_CHECKING:
    from coprod_desktop.reports import charts

CHART_WIDTH = 400.0  # points; the drawings are laid out at this width and scaled to the screen
__all__ = ["AttentionEntry", "DashboardData", "DashboardView", "compute"]


@dataclass
class DashboardData:
    """Everything the dashboard shows, counted by the database off the GUI thread
    (services/dashboard_figures.py); the initiatives behind a bar and the attention list's
    entries are read when asked for."""

    today: dt.date
    figures: PortfolioFigures
    by_type: dict[str, PortfolioFigures]
    # chart name -> (bar, series) -> how many initiatives stand behind that cell or bar
    cells: dict[str, dict[Key, int]] = field(default_factory=dict)
    # "type" / "sector" -> key -> commitments kept, kept_on_time, overdue, dropped, open
    commitments: dict[str, dict[str, Counter[str]]] = field(default_factory=dict)
    attention: Sequence[AttentionEntry] = field(default_factory=list)
    signal_counts: dict[str, int] = field(default_factory=dict)
    # type -> co-production phase -> initiatives (the four Co's beside the typology)
    phase_counts: dict[str, dict[str, int]] = field(default_factory=dict)
    db: Database | None = None
    thresholds: Thresholds = field(default_factory=Thresholds)

    def count_for(self, chart: str, bar: str, series: str | None) -> int:
        return self.cells.get(chart, {}).get((bar, series), 0)

    def ids_for(self, chart: str, bar: str, series: str | None) -> tuple[int, ...]:
        """The initiatives behind a bar or segment (read from the database when clicked)."""
        if self.db is None or not self.count_for(chart, bar, series):
            return ()
        return dashboard_figures.ids_for(self.db, chart, bar, series, self.today, self.thresholds)


def compute(
    db: Database, today: dt.date | None = None, progress: Progress | None = None
) -> DashboardData:
    """Figures of the whole portfolio and the attention list's order (on the worker thread).

    A handful of GROUP BY counts over indexed columns (services/dashboard_figures.py, tested
    against the Python reference in tests/core/services/dashboard_reference.py). Between the queries a
    cancelled `progress` stops the work (Cancelled is raised)."""
    when = today or dt.date.today()
    thresholds = load_settings().thresholds()
    check = progress.check if progress is not None else None
    with ThreadPoolExecutor(max_workers=1) as beside:  # the list's order while counting
        ordering = beside.submit(dashboard_figures.attention_order, db, when, thresholds)
        found = dashboard_figures.sql_figures(
            db, when, thresholds, count_attention=False, check=check
        )
        order = ordering.result()
    if check is not None:
        check()
    attention = dashboard_figures.AttentionPages(db, order, when, thresholds)
    if order:
        attention[0]  # the first page is read here, not when the list is painted
    return DashboardData(
        today=when,
        figures=found.figures,
        by_type=found.by_type,
        cells=found.cells,
        commitments=found.commitments,
        attention=attention,
        signal_counts=found.signal_counts,
        phase_counts=found.phase_counts,
        db=db,
        thresholds=thresholds,
    )


def signals_chart(data: DashboardData, lang: str, title: str, width: float) -> charts.ChartDrawing:
    """How many initiatives each attention signal fires for (the shared bar definition)."""
    from coprod_desktop.reports import charts  # ReportLab: loaded when a chart is drawn

    bars = [
        charts.Bar(signal_label(key), (float(count),), key=key)
        for key, count in sorted(data.signal_counts.items(), key=lambda kv: -kv[1])
        if count
    ]
    return charts.bar_chart(
        title,
        bars,
        [charts.Series(message("chart_initiatives", lang), "#a61b1b", "count")],
        width,
        fmt=lambda value: f"{value:g}",
        empty_text=message("chart_no_data", lang),
    )


def screen_svg(svg: str) -> str:
    """ReportLab's SVG made fit for Qt's SVG renderer (SVG Tiny: no clip paths, so the clip
    rectangle would be painted black) and for the screen's fonts."""
    svg = re.sub(r"<clipPath.*?</clipPath>", "", svg, flags=re.S)
    svg = svg.replace('style="clip-path: url(#clip)"', "")
    svg = svg.replace(f"font-family: {SANS_BOLD};", "font-family: DejaVu Sans; font-weight: bold;")
    return svg.replace(f"font-family: {SANS};", "font-family: DejaVu Sans;")


class ChartView(QWidget):
    """A ReportLab drawing shown as SVG, scaled to the width; bars and segments are clickable."""

    clicked = Signal(str, object)  # bar key, series key (None: the whole bar)

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"chart-{name}")
        self.name = name
        self.renderer = QSvgRenderer(self)
        self.drawing_size = QSize(1, 1)
        self.hit_areas: list[charts.HitArea] = []
        self.describe: Callable[[charts.HitArea], str] = lambda hit: ""
        self.setMouseTracking(True)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setMinimumWidth(320)

    def set_drawing(self, drawing: charts.ChartDrawing) -> None:
        from reportlab.graphics import renderSVG  # not at start-up: only when a chart shows

        svg = screen_svg(renderSVG.drawToString(drawing))
        self.renderer.load(QByteArray(svg.encode("utf-8")))
        self.drawing_size = QSize(max(int(drawing.width), 1), max(int(drawing.height), 1))
        self.hit_areas = list(drawing.hit_areas)
        self.setAccessibleDescription(
            "; ".join(self.describe(h) for h in self.hit_areas if h.series is None)
        )
        self.updateGeometry()
        self.update()

    def scale(self) -> float:
        return self.width() / self.drawing_size.width()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return int(width * self.drawing_size.height() / self.drawing_size.width()) + 1

    def sizeHint(self) -> QSize:
        width = 560
        return QSize(width, self.heightForWidth(width))

    def paintEvent(self, _event: Any) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        height = self.width() * self.drawing_size.height() / self.drawing_size.width()
        painter.fillRect(self.rect(), QColor("white"))  # the charts' colours assume paper
        self.renderer.render(painter, QRectF(0, 0, self.width(), height))
        painter.end()

    # ------------------------------------------------------------------ hits

    def hit_at(self, point: QPointF) -> charts.HitArea | None:
        scale = self.scale()
        x = point.x() / scale
        y = self.drawing_size.height() - point.y() / scale
        inside = [h for h in self.hit_areas if h.contains(x, y)]
        segments = [h for h in inside if h.series is not None]
        found = segments or inside
        return found[0] if found else None

    def point_of(self, bar: str, series: str | None) -> QPointF:
        """The centre of a bar's segment (or of the whole bar) on screen."""
        hit = next(h for h in self.hit_areas if h.bar == bar and h.series == series)
        scale = self.scale()
        x = (hit.x + hit.width / 2) * scale
        y = (self.drawing_size.height() - hit.y - hit.height / 2) * scale
        return QPointF(x, y)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        hit = self.hit_at(event.position())
        if hit is None:
            self.unsetCursor()
            QToolTip.hideText()
            return
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        QToolTip.showText(event.globalPosition().toPoint(), self.describe(hit), self)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        hit = self.hit_at(event.position())
        if hit is not None:
            self.clicked.emit(hit.bar, hit.series)


class AttentionModel(QAbstractTableModel):
    """The attention list as a model over the worked-out entries: texts are made when a row is
    painted, so tens of thousands of initiatives cost no widget item each (and no Qt setter
    call each, which PySide6 6.12.0 on Python 3.11 punished with a crash)."""

    COLUMNS = 4

    def __init__(
        self, headers: list[str], severity: dict[int, str], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.entries: Sequence[AttentionEntry] = []
        self.headers = headers  # translated by the view (their context is the dashboard's)
        self.severity = severity

    def set_entries(self, entries: Sequence[AttentionEntry]) -> None:
        self.beginResetModel()
        self.entries = entries
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        entry = self.entries[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return self.severity.get(entry.worst, "")
            if column == 1:
                return entry.reference
            if column == 2:
                return entry.title
            return ", ".join(signal_label(s.key) for s in entry.signals)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 2:
                return entry.title
            if column == 3:
                lang = i18n.lang()
                return "\n".join("• " + s.explanation.get(lang) for s in entry.signals)
            return None
        if role == Qt.ItemDataRole.UserRole:
            return entry.id
        return None

    def entry(self, row: int) -> AttentionEntry:
        return self.entries[row]


class DashboardView(QWidget):
    """Type × sector, open cross-pressures, resources per type, origins, the attention list."""

    drill_down = Signal(str, object)  # a label and the tuple of initiative ids behind it
    open_requested = Signal(int)
    loaded = Signal()

    def __init__(self, db: Database, background: Background, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboard")
        self.db = db
        self.background = background
        self.data: DashboardData | None = None
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        font = self.summary.font()
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.summary.setFont(font)
        hint = QLabel(self.tr("Click a bar or a segment to see those initiatives."), self)
        hint.setStyleSheet("color: palette(mid);")
        self.refresh_button = QPushButton(self.tr("&Refresh"), self)
        self.refresh_button.clicked.connect(self.reload)
        # a municipal portfolio takes a while: how far the work got, and a way to stop it
        self.progress_label = QLabel(self)
        self.progress_label.setObjectName("dashboard-progress")
        self.stop_button = QPushButton(self.tr("Stop"), self)
        self.stop_button.setToolTip(self.tr("Stop working out the figures"))
        self.stop_button.clicked.connect(self.stop)
        self.progress_label.hide()
        self.stop_button.hide()
        self._operation: Operation | None = None
        running: list[Operation] = []  # what to stop when the view goes (not through self)
        self._running = running

        def cancel_running(*_args: object) -> None:
            for operation in running:
                operation.cancel()

        self.destroyed.connect(cancel_running)
        texts = QVBoxLayout()
        texts.setSpacing(2)
        texts.addWidget(self.summary)
        texts.addWidget(hint)
        top = QHBoxLayout()
        top.addLayout(texts, 1)
        top.addWidget(self.progress_label)
        top.addWidget(self.stop_button)
        top.addWidget(self.refresh_button)

        self.charts: dict[str, ChartView] = {}
        grid_page = QWidget(self)
        grid = QGridLayout(grid_page)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(18)
        grid.setVerticalSpacing(14)
        for position, name in enumerate(
            ("type_sector", "pressures", "resources", "origins", "signals", "phases")
        ):
            chart = ChartView(name, grid_page)
            chart.clicked.connect(lambda bar, series, n=name: self.chart_clicked(n, bar, series))
            chart.describe = self._describer(name)
            self.charts[name] = chart
            grid.addWidget(chart, position // 2, position % 2, Qt.AlignmentFlag.AlignTop)
        self.attention_model = AttentionModel(
            [self.tr("Severity"), self.tr("Reference"), self.tr("Title"), self.tr("Signals")],
            {0: self.tr("High"), 1: self.tr("Medium"), 2: self.tr("Low")},
            self,
        )
        self.attention_list = QTreeView(grid_page)
        self.attention_list.setObjectName("attention-list")
        self.attention_list.setAccessibleName(self.tr("Initiatives that need attention"))
        self.attention_list.setRootIsDecorated(False)
        self.attention_list.setUniformRowHeights(True)  # no measuring of every row
        self.attention_list.setAlternatingRowColors(True)
        self.attention_list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.attention_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.attention_list.setModel(self.attention_model)
        for column, width in enumerate((70, 100, 220)):
            self.attention_list.setColumnWidth(column, width)
        self.attention_list.setMinimumHeight(220)
        self.attention_list.clicked.connect(self._attention_clicked)
        self.attention_list.activated.connect(self._attention_activated)
        attention_box = QWidget(grid_page)
        attention_layout = QVBoxLayout(attention_box)
        attention_layout.setContentsMargins(0, 0, 0, 0)
        heading = QLabel(
            self.tr("Attention list (click: show in the portfolio; double-click: open)")
        )
        heading.setWordWrap(True)
        bold = heading.font()
        bold.setBold(True)
        heading.setFont(bold)
        attention_layout.addWidget(heading)
        attention_layout.addWidget(self.attention_list, 1)
        grid.addWidget(attention_box, 3, 0, 1, 2)
        self.commitments_label = QLabel(grid_page)
        self.commitments_label.setObjectName("commitments-kept")
        self.commitments_label.setTextFormat(Qt.TextFormat.RichText)
        self.commitments_label.setWordWrap(True)
        grid.addWidget(self.commitments_label, 4, 0, 1, 2, Qt.AlignmentFlag.AlignTop)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(4, 1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(grid_page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 6)
        layout.addLayout(top)
        layout.addWidget(scroll, 1)
        self.summary.setText(self.tr("Working out the figures…"))

    # ------------------------------------------------------------------ data

    def reload(self) -> None:
        """Work the figures out afresh in the background (a newer reload wins)."""
        self.stop()
        db = self.db
        self.refresh_button.setEnabled(False)
        operation = self.background.run(
            lambda progress: self._work(db, progress), self.show_data, self._failed
        )
        operation.signals.progress.connect(self._progress)
        self._operation = operation
        self._running[:] = [operation]
        self.progress_label.setText(self.tr("Working out the figures…"))
        self.progress_label.show()
        if self.data is None:
            self.summary.clear()  # the progress label says it
        self.stop_button.show()

    @staticmethod
    def _work(db: Database, progress: Progress) -> DashboardData:
        return compute(db, progress=progress)

    def _progress(self, done: int, total: int) -> None:
        if self._operation is not None and total:
            self.progress_label.setText(
                counted(self.tr("Working out the figures… %1 of %2 initiatives"), done, total)
            )

    def _idle(self) -> None:
        self._operation = None
        self._running.clear()
        self.progress_label.hide()
        self.stop_button.hide()
        self.refresh_button.setEnabled(True)

    def stop(self) -> None:
        """Stop working out the figures (the user, or a newer reload, asked)."""
        if self._operation is None:
            return
        self._operation.cancel()  # it stops after the chunk in hand; its result is dropped
        self._idle()
        if self.data is None:
            self.summary.setText(self.tr("Stopped. Click Refresh to work out the figures."))

    def working(self) -> bool:
        return self._operation is not None

    def _failed(self, error: BaseException) -> None:
        self._idle()
        window = self.window()
        show = getattr(window, "show_error", None)
        if callable(show):
            show(error)

    def show_data(self, data: DashboardData) -> None:
        self._idle()
        self.data = data
        lang = i18n.lang()
        figures = data.figures
        number = QLocale().toString
        self.summary.setText(
            self.tr("%1 initiatives · %2 open cross-pressures (%3 serious) · %4 need attention")
            .replace("%1", number(figures.count))
            .replace("%2", number(figures.open_pressure_total))
            .replace("%3", number(figures.high_severity_open))
            .replace("%4", number(len(data.attention)))
        )
        from coprod_desktop.reports import charts  # ReportLab: loaded when charts are drawn

        self.charts["type_sector"].set_drawing(
            charts.type_by_sector_chart(figures, lang, CHART_WIDTH)
        )
        self.charts["pressures"].set_drawing(charts.pressures_chart(figures, lang, CHART_WIDTH))
        self.charts["resources"].set_drawing(
            charts.resources_by_type_chart(data.by_type, lang, CHART_WIDTH)
        )
        self.charts["origins"].set_drawing(charts.origins_chart(figures, lang, CHART_WIDTH))
        self.charts["signals"].set_drawing(
            signals_chart(data, lang, self.tr("Attention signals"), CHART_WIDTH)
        )
        self.charts["phases"].set_drawing(
            charts.type_by_phase_chart(data.phase_counts, lang, CHART_WIDTH)
        )
        self.attention_model.set_entries(data.attention)
        self.commitments_label.setText(self.commitments_html(data))
        self.loaded.emit()

    def commitments_html(self, data: DashboardData) -> str:
        """Commitments kept on time, overdue and dropped, per type and per sector."""
        if not any(data.commitments.values()):
            return ""
        head = "".join(
            f"<th align='right'>&nbsp;{text}&nbsp;</th>"
            for text in (
                self.tr("Kept"),
                self.tr("On time"),
                self.tr("Overdue"),
                self.tr("Dropped"),
                self.tr("Open"),
            )
        )
        parts = [f"<p><b>{self.tr('Commitments kept on time')}</b></p>"]
        for dimension, title in (("type", self.tr("Type")), ("sector", self.tr("Sector"))):
            rows = []
            for key, counts in sorted(data.commitments.get(dimension, {}).items()):
                name = self._type(key) if dimension == "type" else vocab_label(v.Sector, key)
                kept = counts["kept"]
                share = f" ({round(100 * counts['kept_on_time'] / kept)} %)" if kept else ""
                cells = [
                    str(kept),
                    f"{counts['kept_on_time']}{share}",
                    str(counts["overdue"]),
                    str(counts["dropped"]),
                    str(counts["open"]),
                ]
                rows.append(
                    f"<tr><td>{escape(name)}</td>"
                    + "".join(f"<td align='right'>{c}</td>" for c in cells)
                    + "</tr>"
                )
            parts.append(
                f"<table cellspacing='0' cellpadding='2'><tr><th align='left'>{title}</th>"
                f"{head}</tr>{''.join(rows)}</table>"
            )
        return "".join(parts)

    # ------------------------------------------------------------------ click-through

    def _type(self, key: str | None) -> str:
        if key == UNCLASSIFIED or key is None:
            return self.tr("not classified")
        return vocab_label(v.InitiativeType, key)

    def bar_label(self, chart: str, bar: str, series: str | None) -> str:
        """Plain words for what a bar or segment stands for (the portfolio shows them)."""
        if chart == "type_sector":
            text = vocab_label(v.Sector, bar)
            return text if series is None else f"{text} · {self._type(series)}"
        if chart == "pressures":
            text = self.tr("Open cross-pressure: %1").replace(
                "%1", vocab_label(v.PressureCategory, bar)
            )
            if series is None:
                return text
            return text + " · " + self.tr("severity %1").replace("%1", series)
        if chart == "resources":
            kind, side, unit = bar.split(":")
            side_text = self.tr("municipal input") if side == MUNICIPAL else self.tr("mobilised")
            unit_text = self.tr("money") if unit == "DKK" else self.tr("hours")
            text = f"{self._type(kind)} · {side_text} ({unit_text})"
            if series is not None:
                text += " · " + (self.tr("planned") if series == "planned" else self.tr("actual"))
            return text
        if chart == "origins":
            origin = (
                self.tr("origin not recorded") if bar == UNKNOWN else vocab_label(v.Origin, bar)
            )
            return self.tr("Origin: %1").replace("%1", origin)
        if chart == "signals":
            return self.tr("Attention: %1").replace("%1", signal_label(bar))
        if chart == "phases":
            phase = (
                self.tr("no co-production phase recorded")
                if bar == NO_PHASE
                else self.tr("Co-production phase: %1").replace("%1", vocab_label(v.CoPhase, bar))
            )
            return phase if series is None else f"{phase} · {self._type(series)}"
        return bar

    def _describer(self, chart: str) -> Callable[[charts.HitArea], str]:
        def describe(hit: charts.HitArea) -> str:
            return self.describe(chart, hit.bar, hit.series, hit.value)

        return describe

    def describe(self, chart: str, bar: str, series: str | None, value: float) -> str:
        count = self.data.count_for(chart, bar, series) if self.data else 0
        text = self.bar_label(chart, bar, series)
        return text + "\n" + self.tr("%n initiative(s) — click to show them", "", count)

    def chart_clicked(self, chart: str, bar: str, series: str | None) -> None:
        if self.data is None:
            return
        ids = self.data.ids_for(chart, bar, series)
        self.drill_down.emit(self.bar_label(chart, bar, series), ids)

    def _attention_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            entry = self.attention_model.entry(index.row())
            self.drill_down.emit(f"{entry.reference} {entry.title}", (entry.id,))

    def _attention_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_requested.emit(self.attention_model.entry(index.row()).id)
