"""Charts as ReportLab vector drawings.

Each function returns a `reportlab.graphics.shapes.Drawing` built from plain numbers and
labels (no database, no PDF document), so the same chart can go into a brief (a Drawing is a
flowable) or be rendered elsewhere, e.g. to SVG for an on-screen dashboard with
`reportlab.graphics.renderSVG.drawToString(drawing)`.

The bars are drawn by hand rather than with ReportLab's chart widgets: the labels are long
(Danish category names), and here they wrap instead of overlapping, every bar shows its total,
and segments wide enough show their own number.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.lib import colors
from reportlab.lib.attrmap import AttrMap, AttrMapValue
from reportlab.pdfbase.pdfmetrics import stringWidth

from coprod_desktop.domain.figures import (
    MOBILISED,
    MUNICIPAL,
    UNCLASSIFIED,
    UNKNOWN,
    PortfolioFigures,
)
from coprod_desktop.domain.messages import message
from coprod_desktop.domain.vocab import InitiativeType, Origin, PressureCategory, Sector
from coprod_desktop.reports.fonts import SANS, SANS_BOLD, register_fonts
from coprod_desktop.reports.text import amount, number

TYPE_COLOURS = {
    "co_management": "#0b5563",
    "empowerment": "#d98e04",
    "coordination": "#6a994e",
    "unclassified": "#9aa5b1",
}
SEVERITY_COLOURS = {1: "#f2c57c", 2: "#e07b39", 3: "#a61b1b"}
ACTUAL_COLOUR = "#0b5563"
PLANNED_COLOUR = "#9cc5cf"
SINGLE_COLOUR = "#0b5563"
_INK = colors.HexColor("#1f2933")
_MUTED = colors.HexColor("#52606d")
_GRID = colors.HexColor("#d9e0e6")

FONT_SIZE = 7.6
TITLE_SIZE = 9.2


@dataclass(frozen=True)
class Series:
    name: str
    colour: str
    key: str = ""  # what the series stands for (a type key, a severity, …) for click-through


@dataclass(frozen=True)
class Bar:
    label: str
    values: tuple[float, ...]  # one per series
    group: str = ""  # bars of one group share a scale (e.g. DKK apart from hours)
    total_text: str | None = None  # printed after the bar (default: the formatted sum)
    key: str = ""  # what the bar stands for (a sector key, …) for click-through


@dataclass(frozen=True)
class HitArea:
    """A clickable region of a chart, in drawing coordinates (points, y upwards).

    `series` is None for the band of a whole bar (its label and every segment)."""

    x: float
    y: float
    width: float
    height: float
    bar: str
    series: str | None
    value: float

    def contains(self, x: float, y: float) -> bool:
        return self.x <= x <= self.x + self.width and self.y <= y <= self.y + self.height


class ChartDrawing(Drawing):  # type: ignore[misc]
    """A Drawing that also knows where its bars and segments are (for an on-screen chart)."""

    _attrMap = AttrMap(BASE=Drawing, hit_areas=AttrMapValue(None, desc="list of HitArea"))

    def __init__(self, width: float, height: float) -> None:
        super().__init__(width, height)
        self.hit_areas: list[HitArea] = []


def _wrap(text: str, font: str, size: float, width: float, max_lines: int = 2) -> list[str]:
    words = text.split()
    lines: list[str] = []
    current = ""
    for word in words:
        candidate = f"{current} {word}".strip()
        if stringWidth(candidate, font, size) <= width or not current:
            current = candidate
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] += " …"
    fitted = []
    for line in lines:
        while stringWidth(line, font, size) > width and len(line) > 1:
            line = line[:-2] + "…"
        fitted.append(line)
    return fitted


def bar_chart(
    title: str,
    bars: Sequence[Bar],
    series: Sequence[Series],
    width: float,
    *,
    fmt: Callable[[float], str] = lambda v: f"{v:g}",
    empty_text: str = "–",
    label_share: float = 0.36,
    group_titles: dict[str, str] | None = None,
) -> ChartDrawing:
    """Horizontal bars, stacked by series, with a legend when there is more than one series."""
    register_fonts()
    bar_h, gap, line_h = 10.0, 4.0, FONT_SIZE * 1.18
    label_w = width * label_share
    totals = [bar.total_text or fmt(sum(bar.values)) for bar in bars]
    value_w = max((stringWidth(t, SANS_BOLD, FONT_SIZE) for t in totals), default=0) + 8
    plot_x = label_w + 6
    plot_w = max(width - plot_x - value_w, 20)

    # layout from the top down; y grows downwards here and is flipped when drawn
    items: list[tuple[str, float, object]] = [("title", TITLE_SIZE + 4, title)]
    if len(series) > 1:
        legend_rows: list[list[Series]] = [[]]
        used = 0.0
        for entry in series:
            need = 14 + stringWidth(entry.name, SANS, FONT_SIZE) + 12
            if used + need > width and legend_rows[-1]:
                legend_rows.append([])
                used = 0
            legend_rows[-1].append(entry)
            used += need
        for row in legend_rows:
            items.append(("legend", line_h + 3, row))
        items.append(("space", 3, None))
    if not bars:
        items.append(("empty", line_h + 4, empty_text))
    previous_group: str | None = None
    for index, bar in enumerate(bars):
        if group_titles and bar.group != previous_group and bar.group in group_titles:
            items.append(("group", line_h + 4, group_titles[bar.group]))
        previous_group = bar.group
        lines = _wrap(bar.label, SANS, FONT_SIZE, label_w)
        height = max(bar_h, len(lines) * line_h) + gap
        items.append(("bar", height, (index, lines)))
    total_h = sum(height for _, height, _ in items) + 2

    scale: dict[str, float] = {}
    for bar in bars:
        scale[bar.group] = max(scale.get(bar.group, 0.0), sum(bar.values))

    drawing = ChartDrawing(width, total_h)
    y = total_h
    for kind, height, payload in items:
        top = y
        y -= height
        if kind == "title":
            drawing.add(
                String(0, top - TITLE_SIZE, str(payload), fontName=SANS_BOLD, fontSize=TITLE_SIZE)
            )
        elif kind == "legend":
            x = 0.0
            for entry in payload:  # type: ignore[attr-defined]
                drawing.add(
                    Rect(
                        x,
                        top - FONT_SIZE,
                        9,
                        FONT_SIZE,
                        fillColor=colors.HexColor(entry.colour),
                        strokeColor=None,
                    )
                )
                drawing.add(
                    String(
                        x + 12,
                        top - FONT_SIZE + 1,
                        entry.name,
                        fontName=SANS,
                        fontSize=FONT_SIZE,
                        fillColor=_INK,
                    )
                )
                x += 14 + stringWidth(entry.name, SANS, FONT_SIZE) + 12
        elif kind == "empty":
            drawing.add(
                String(
                    0,
                    top - FONT_SIZE - 2,
                    str(payload),
                    fontName=SANS,
                    fontSize=FONT_SIZE,
                    fillColor=_MUTED,
                )
            )
        elif kind == "group":
            drawing.add(
                String(
                    0,
                    top - FONT_SIZE - 2,
                    str(payload),
                    fontName=SANS_BOLD,
                    fontSize=FONT_SIZE,
                    fillColor=_MUTED,
                )
            )
        elif kind == "bar":
            index, lines = payload  # type: ignore[misc]
            bar = bars[index]
            body_h = height - gap
            bar_top = top - (body_h - bar_h) / 2
            for number, line in enumerate(lines):
                drawing.add(
                    String(
                        0,
                        top - (number + 1) * line_h + 1.5,
                        line,
                        fontName=SANS,
                        fontSize=FONT_SIZE,
                        fillColor=_INK,
                    )
                )
            drawing.add(
                Rect(plot_x, bar_top - bar_h, 0.6, bar_h, fillColor=_GRID, strokeColor=None)
            )
            maximum = scale.get(bar.group) or 1.0
            drawing.hit_areas.append(
                HitArea(0, top - body_h, width, body_h, bar.key, None, sum(bar.values))
            )
            x = plot_x
            for value, entry in zip(bar.values, series, strict=False):
                if value <= 0:
                    continue
                seg_w = plot_w * value / maximum
                drawing.hit_areas.append(
                    HitArea(x, bar_top - bar_h, seg_w, bar_h, bar.key, entry.key, value)
                )
                drawing.add(
                    Rect(
                        x,
                        bar_top - bar_h,
                        seg_w,
                        bar_h,
                        fillColor=colors.HexColor(entry.colour),
                        strokeColor=colors.white,
                        strokeWidth=0.4,
                    )
                )
                label = fmt(value)
                if len(series) > 1 and stringWidth(label, SANS, FONT_SIZE - 0.6) + 4 <= seg_w:
                    drawing.add(
                        String(
                            x + seg_w / 2,
                            bar_top - bar_h + 2.6,
                            label,
                            fontName=SANS,
                            fontSize=FONT_SIZE - 0.6,
                            fillColor=_segment_ink(entry.colour),
                            textAnchor="middle",
                        )
                    )
                x += seg_w
            drawing.add(
                String(
                    x + 4,
                    bar_top - bar_h + 2.6,
                    totals[index],
                    fontName=SANS_BOLD,
                    fontSize=FONT_SIZE,
                    fillColor=_INK,
                )
            )
    return drawing


def _segment_ink(colour: str) -> colors.Color:
    c = colors.HexColor(colour)
    luminance = 0.299 * c.red + 0.587 * c.green + 0.114 * c.blue
    return _INK if luminance > 0.6 else colors.white


# ---------------------------------------------------------------- the charts of the briefs


def type_by_sector_chart(figures: PortfolioFigures, lang: str, width: float) -> ChartDrawing:
    """Initiatives per sector, stacked by type of co-production."""
    types = [t.value for t in InitiativeType] + [UNCLASSIFIED]
    present = [t for t in types if figures.by_type.get(t)]
    series = [Series(_type_label(t, lang), TYPE_COLOURS[t], t) for t in present]
    sectors = sorted(figures.type_by_sector, key=lambda s: (-figures.by_sector[s], s))
    bars = [
        Bar(
            Sector.get(sector).label(lang),
            tuple(float(figures.type_by_sector[sector].get(t, 0)) for t in present),
            key=sector,
        )
        for sector in sectors
    ]
    return bar_chart(
        message("chart_type_by_sector", lang),
        bars,
        series,
        width,
        fmt=lambda v: number(v, lang),
        empty_text=message("chart_no_data", lang),
    )


def pressures_chart(figures: PortfolioFigures, lang: str, width: float) -> ChartDrawing:
    """Open cross-pressures per category, stacked by severity."""
    series = [
        Series(message("chart_severity", lang, value=level), SEVERITY_COLOURS[level], str(level))
        for level in (1, 2, 3)
    ]
    categories = sorted(
        figures.open_pressures,
        key=lambda c: (
            -sum(figures.open_pressures[c].values()),
            -figures.open_pressures[c].get(3, 0),
            c,
        ),
    )
    bars = [
        Bar(
            PressureCategory.get(category).label(lang),
            tuple(float(figures.open_pressures[category].get(level, 0)) for level in (1, 2, 3)),
            key=category,
        )
        for category in categories
    ]
    return bar_chart(
        message("chart_open_pressures", lang),
        bars,
        series,
        width,
        fmt=lambda v: number(v, lang),
        empty_text=message("chart_no_open_pressures", lang),
    )


def _resources_drawing(bars: list[Bar], lang: str, width: float) -> ChartDrawing:
    """The resource bars (actual and planned, grouped into money and hours) as one chart."""
    series = [
        Series(message("label_actual", lang).capitalize(), ACTUAL_COLOUR, "actual"),
        Series(message("label_planned", lang).capitalize(), PLANNED_COLOUR, "planned"),
    ]
    return bar_chart(
        message("chart_resources", lang),
        bars,
        series,
        width,
        fmt=lambda v: number(v, lang),
        empty_text=message("chart_no_data", lang),
        group_titles={
            "DKK": message("chart_money", lang),
            "hours": message("chart_hours", lang),
        },
    )


def resources_chart(figures: PortfolioFigures, lang: str, width: float) -> ChartDrawing:
    """Municipal input against resources mobilised from outside, in DKK and in hours."""
    bars = []
    for unit in ("DKK", "hours"):
        for side in (MUNICIPAL, MOBILISED):
            line = figures.resource(side, unit)
            if (
                not figures.resource(MUNICIPAL, unit).total
                and not figures.resource(MOBILISED, unit).total
            ):
                continue
            bars.append(
                Bar(
                    message(
                        "label_municipal" if side == MUNICIPAL else "label_mobilised", lang
                    ).capitalize(),
                    (line.actual, line.planned),
                    group=unit,
                    total_text=amount(line.total, unit, lang),
                    key=f"{side}:{unit}",
                )
            )
    return _resources_drawing(bars, lang, width)


def origins_chart(figures: PortfolioFigures, lang: str, width: float) -> ChartDrawing:
    """How the initiatives started."""
    keys = sorted(figures.by_origin, key=lambda k: (-figures.by_origin[k], k))
    bars = [
        Bar(
            Origin.get(key).label(lang) if key != UNKNOWN else message("label_unknown", lang),
            (float(figures.by_origin[key]),),
            key=key,
        )
        for key in keys
    ]
    return bar_chart(
        message("chart_origins", lang),
        bars,
        [Series(message("chart_initiatives", lang), SINGLE_COLOUR, "count")],
        width,
        fmt=lambda v: number(v, lang),
        empty_text=message("chart_no_data", lang),
    )


def resources_by_type_chart(
    by_type: dict[str, PortfolioFigures], lang: str, width: float
) -> ChartDrawing:
    """Municipal input against resources mobilised from outside, per type of co-production.

    `by_type` holds the figures of each type's initiatives (UNCLASSIFIED for those without one);
    bars are keyed "type:side:unit"."""
    types = [t.value for t in InitiativeType] + [UNCLASSIFIED]
    bars = []
    for unit in ("DKK", "hours"):
        for kind in types:
            figures = by_type.get(kind)
            if figures is None:
                continue
            for side in (MUNICIPAL, MOBILISED):
                line = figures.resource(side, unit)
                if not line.total:
                    continue
                side_label = message(
                    "label_municipal" if side == MUNICIPAL else "label_mobilised", lang
                )
                bars.append(
                    Bar(
                        f"{_type_label(kind, lang)}: {side_label}",
                        (line.actual, line.planned),
                        group=unit,
                        total_text=amount(line.total, unit, lang),
                        key=f"{kind}:{side}:{unit}",
                    )
                )
    return _resources_drawing(bars, lang, width)


def _type_label(key: str, lang: str) -> str:
    return (
        message("unclassified", lang)
        if key == UNCLASSIFIED
        else InitiativeType.get(key).label(lang)
    )


def type_by_phase_chart(
    crosstab: dict[str, dict[str, int]], lang: str, width: float
) -> ChartDrawing:
    """Initiatives per co-production phase (the four Co's), stacked by type: the second lens
    beside the typology. An initiative counts once in every phase it covers."""
    from coprod_desktop.domain.outcomes import NO_PHASE
    from coprod_desktop.domain.vocab import CoPhase

    types = [t.value for t in InitiativeType] + [UNCLASSIFIED]
    present = [t for t in types if any(crosstab.get(t, {}).values())]
    series = [Series(_type_label(t, lang), TYPE_COLOURS[t], t) for t in present]
    phases = [p.value for p in CoPhase] + [NO_PHASE]
    bars = [
        Bar(
            message("phase_none", lang) if phase == NO_PHASE else CoPhase.get(phase).label(lang),
            tuple(float(crosstab.get(t, {}).get(phase, 0)) for t in present),
            key=phase,
        )
        for phase in phases
        if phase != NO_PHASE or any(crosstab.get(t, {}).get(NO_PHASE) for t in present)
    ]
    return bar_chart(
        message("chart_type_by_phase", lang),
        bars,
        series,
        width,
        fmt=lambda v: number(v, lang),
        empty_text=message("chart_no_data", lang),
    )
