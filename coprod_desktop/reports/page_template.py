"""What the three briefs share: settings, page template, styles, tables, the footer.

Every page carries the municipality's name (and logo) at the top and "page x of y", the
generation date and the author at the bottom. Tables repeat their header row on each page and
wrap every cell in a Paragraph, so nothing is clipped; long text is cut into paragraphs that
flow over pages (see `reports.text`).
"""

from __future__ import annotations

import bisect
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    LongTable,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    TableStyle,
)
from reportlab.platypus.tables import CellStyle

from coprod_desktop import __version__
from coprod_desktop.domain.messages import message
from coprod_desktop.reports import text as tx
from coprod_desktop.reports.fonts import SANS, SANS_BOLD, register_fonts

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 18 * mm
HEADER_HEIGHT = 16 * mm
FOOTER_HEIGHT = 10 * mm
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN
# Landscape pages (a wide one-line-per-row table) keep the side margins but less above/below.
WIDE_MARGIN_Y = 11 * mm
WIDE_CONTENT_WIDTH = PAGE_HEIGHT - 2 * MARGIN
# The compact table: one line per record for long listings (the portfolio review's 500 rows).
COMPACT_SIZE = 6.6
COMPACT_LEADING = 7.5

INK = colors.HexColor("#1f2933")
MUTED = colors.HexColor("#52606d")
ACCENT = colors.HexColor("#0b5563")
RULE = colors.HexColor("#c5ced6")
HEADER_FILL = colors.HexColor("#e3ecef")
ZEBRA = colors.HexColor("#f5f7f9")
WARN = colors.HexColor("#a61b1b")

ProgressCallback = Callable[[int, int], None]


def progress_part(
    progress: ProgressCallback | None, start: int, end: int
) -> ProgressCallback | None:
    """`progress` for one part of the work: the part's (done, total) told as start..end of
    100."""
    if progress is None:
        return None
    whole = progress

    def report(done: int, total: int) -> None:
        whole(start + (end - start) * done // max(total, 1), 100)

    return report


@dataclass(frozen=True)
class BriefSettings:
    """What a brief needs besides its data: who it is for, by whom, in which language."""

    municipality_name: str = ""
    logo_path: Path | None = None
    author: str = ""
    lang: str = "en"
    generated_at: datetime = field(default_factory=datetime.now)

    def with_lang(self, lang: str) -> BriefSettings:
        return replace(self, lang=lang)


class Styles:
    """Paragraph styles of the briefs (built once per process)."""

    def __init__(self) -> None:
        register_fonts()
        base = ParagraphStyle(
            "body",
            fontName=SANS,
            fontSize=9,
            leading=12,
            textColor=INK,
            spaceAfter=4,
            splitLongWords=1,
        )
        self.body = base
        self.small = ParagraphStyle("small", base, fontSize=8.3, leading=10.6, spaceAfter=0)
        self.muted = ParagraphStyle("muted", self.small, textColor=MUTED)
        self.cell = ParagraphStyle("cell", base, fontSize=8.3, leading=10.4, spaceAfter=0)
        self.cell_right = ParagraphStyle("cell_right", self.cell, alignment=TA_RIGHT)
        self.cell_head = ParagraphStyle("cell_head", self.cell, fontName=SANS_BOLD)
        self.title = ParagraphStyle(
            "title", base, fontName=SANS_BOLD, fontSize=17, leading=21, spaceAfter=3
        )
        self.kicker = ParagraphStyle(
            "kicker", base, fontName=SANS_BOLD, fontSize=9, textColor=ACCENT, spaceAfter=1
        )
        self.h2 = ParagraphStyle(
            "h2",
            base,
            fontName=SANS_BOLD,
            fontSize=12,
            leading=15,
            textColor=ACCENT,
            spaceBefore=6,
            spaceAfter=2.5,
            keepWithNext=1,
        )
        self.h3 = ParagraphStyle(
            "h3",
            base,
            fontName=SANS_BOLD,
            fontSize=10,
            leading=13,
            spaceBefore=5,
            spaceAfter=2,
            keepWithNext=1,
        )
        self.bullet = ParagraphStyle(
            "bullet", base, leftIndent=11, bulletIndent=2, spaceAfter=2, bulletFontName=SANS
        )
        self.warning = ParagraphStyle("warning", base, textColor=WARN, fontName=SANS_BOLD)


@lru_cache(maxsize=1)
def styles() -> Styles:
    return Styles()


@lru_cache(maxsize=8)
def _logo(path: str) -> ImageReader | None:
    try:
        return ImageReader(path)
    except Exception:  # a missing or unreadable logo must not stop the brief
        return None


class Brief:
    """One brief being written: its language, its flowables and shorthand to add to them."""

    def __init__(
        self,
        settings: BriefSettings,
        kind_key: str,
        title: str,
        subject: str,
        header_note: str = "",
    ) -> None:
        self.settings = settings
        self.header_note = header_note
        self.wide = False  # whether landscape pages follow
        self.lang = settings.lang
        self.kind = message(kind_key, self.lang)
        self.title = title
        self.subject = subject
        self.s = styles()
        self.story: list[Flowable] = []
        # told (rows laid out, rows in all) as a long table is laid out page by page; it may
        # raise to stop the brief (a Cancel)
        self.on_rows: ProgressCallback | None = None

    # ---- words

    def t(self, key: str, **params: Any) -> str:
        return message(key, self.lang, **params)

    def date(self, value: Any) -> str:
        return tx.day(value, self.lang)

    def num(self, value: float) -> str:
        return tx.number(value, self.lang)

    # ---- flowables

    def para(self, markup: str, style: ParagraphStyle | None = None) -> Paragraph:
        return Paragraph(markup, style or self.s.body)

    def add(self, *flowables: Flowable) -> None:
        self.story.extend(flowables)

    def heading(self, title: str, keep: float = 60) -> None:
        """A section heading that does not end up alone at the foot of a page."""
        self.story.append(CondPageBreak(keep))
        self.story.append(Paragraph(tx.escape(title), self.s.h2))

    def text(self, value: object, style: ParagraphStyle | None = None) -> None:
        """Free text as paragraphs (escaped, split so it flows over pages)."""
        for piece in tx.paragraphs(value):
            self.story.append(Paragraph(piece, style or self.s.body))

    def bullets(self, items: Sequence[str]) -> None:
        """Items already escaped (may hold <b>)."""
        for item in items:
            self.story.append(Paragraph(item, self.s.bullet, bulletText="•"))

    def facts(
        self,
        pairs: Sequence[tuple[str, str]],
        label_width: float = 40 * mm,
        columns: int = 1,
    ) -> None:
        """Label/value pairs (plain text) in one or two columns; empty values are left out
        when `columns` is 2, shown as a dash otherwise."""
        if columns == 2:
            pairs = [(label, value) for label, value in pairs if value]
        cells = [
            (
                Paragraph(tx.escape(label), self.s.cell_head),
                Paragraph(tx.escape(value) or "–", self.s.cell),
            )
            for label, value in pairs
        ]
        if not cells:
            return
        if columns == 2:
            half = (len(cells) + 1) // 2
            rows: list[list[Any]] = []
            for index in range(half):
                left = list(cells[index])
                other = index + half
                rows.append(left + (list(cells[other]) if other < len(cells) else ["", ""]))
            value_width = CONTENT_WIDTH / 2 - label_width
            col_widths = [label_width, value_width, label_width, value_width]
        else:
            rows = [list(pair) for pair in cells]
            col_widths = [label_width, CONTENT_WIDTH - label_width]
        table = LongTable(rows, colWidths=col_widths)
        table.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 5),
                    ("TOPPADDING", (0, 0), (-1, -1), 0.9),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 0.9),
                ]
            )
        )
        self.story.append(table)

    def landscape_pages(self) -> None:
        """What follows goes on landscape pages (a wide table), from a new page."""
        self.wide = True
        self.story.extend([NextPageTemplate("wide"), PageBreak()])

    def table(
        self,
        header: Sequence[str],
        rows: Sequence[Sequence[str | Flowable]],
        widths: Sequence[float | None],
        right: Sequence[int] = (),
        total: float = CONTENT_WIDTH,
        compact: bool = False,
    ) -> FastTable:
        """A table with a repeated header row. `widths` holds, per column, a share of the free
        width or None for "as wide as its content needs" (whole words never split); plain-text
        cells are escaped and wrapped; `right` lists right-aligned columns. `total` is the
        width to fill; `compact` sets smaller type and tighter rows (long listings)."""
        s = self.s
        size = COMPACT_SIZE if compact else s.cell.fontSize
        col_widths = fit_widths(header, rows, widths, total, size)
        # Plain-text cells are wrapped here into lines, not put in Paragraphs: a Paragraph
        # costs a markup parse and several line-breaking passes per cell, which for a
        # 500-row table is most of the time of the whole review.
        head_wrap = wrapper(SANS_BOLD, size)
        body_wrap = wrapper(SANS, size)
        inner = [w - 2 * CELL_PAD_X - 0.5 for w in col_widths]
        data: list[list[Any]] = [
            ["\n".join(head_wrap.lines(h, inner[i])) for i, h in enumerate(header)]
        ]
        for row in rows:
            data.append(
                [
                    cell
                    if isinstance(cell, Flowable)
                    else "\n".join(body_wrap.lines(cell, inner[i]))
                    for i, cell in enumerate(row)
                ]
            )
        # Every cell gets its style from one of four shared CellStyles, and every row of plain
        # text its height, up front: ReportLab would otherwise apply each style command cell by
        # cell and measure every remaining row again at each page break (most of the time of
        # a 500-row table). Only rows holding a Flowable are left for ReportLab to measure.
        heights = [_row_height(row, compact) for row in data]
        return _fast_table(data, col_widths, heights, right, compact)

    def add_table(self, *args: Any, **kwargs: Any) -> None:
        # no Spacer before it: a heading keeps with the next flowable, which must be the table
        table: Flowable = self.table(*args, **kwargs)
        if len(table._cellvalues) > PAGED_ROWS and None not in table._argH:
            table = PagedTable(table, self.on_rows)
        table.spaceBefore, table.spaceAfter = 2, 5
        self.story.append(table)

    def keep(self, *flowables: Flowable) -> None:
        self.story.append(KeepTogether(list(flowables)))

    # ---- the document

    def render(self) -> bytes:
        """The finished PDF."""
        register_fonts()
        buffer = io.BytesIO()
        settings = self.settings
        document = BaseDocTemplate(
            buffer,
            pagesize=A4,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN + HEADER_HEIGHT,
            bottomMargin=MARGIN + FOOTER_HEIGHT,
            title=self.title,
            author=settings.author or "coprod-desktop",
            subject=self.subject,
            creator=f"coprod-desktop {__version__}",
            keywords=[self.kind],
            lang="da-DK" if self.lang == "da" else "en",
            displayDocTitle=True,
            initialFontName=SANS,
        )
        frame = Frame(
            MARGIN,
            MARGIN + FOOTER_HEIGHT,
            CONTENT_WIDTH,
            PAGE_HEIGHT - 2 * MARGIN - HEADER_HEIGHT - FOOTER_HEIGHT,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id="content",
        )
        templates = [PageTemplate("page", [frame], onPage=self._draw_header)]
        if self.wide:
            wide_frame = Frame(
                MARGIN,
                WIDE_MARGIN_Y + FOOTER_HEIGHT,
                WIDE_CONTENT_WIDTH,
                PAGE_WIDTH - 2 * WIDE_MARGIN_Y - HEADER_HEIGHT - FOOTER_HEIGHT,
                leftPadding=0,
                rightPadding=0,
                topPadding=0,
                bottomPadding=0,
                id="wide",
            )
            templates.append(
                PageTemplate("wide", [wide_frame], onPage=self._draw_header, pagesize=landscape(A4))
            )
        document.addPageTemplates(templates)
        footer_left = self.t(
            "brief_footer",
            date=tx.day(settings.generated_at, self.lang),
            author=settings.author or "coprod-desktop",
        )
        lang = self.lang

        def footer(canvas: Canvas, page: int, pages: int) -> None:
            width, _height = canvas._pagesize
            canvas.saveState()
            canvas.setStrokeColor(RULE)
            canvas.setLineWidth(0.5)
            y = (WIDE_MARGIN_Y if width > PAGE_WIDTH else MARGIN) + 3 * mm
            canvas.line(MARGIN, y + 4 * mm, width - MARGIN, y + 4 * mm)
            canvas.setFont(SANS, 7.5)
            canvas.setFillColor(MUTED)
            canvas.drawString(MARGIN, y, tx.shorten(footer_left, 110))
            canvas.drawRightString(
                width - MARGIN, y, message("brief_page", lang, page=page, pages=pages)
            )
            canvas.restoreState()

        document.build(self.story or [Spacer(1, 1)], canvasmaker=_numbered_canvas(footer))
        return buffer.getvalue()

    def _draw_header(self, canvas: Canvas, _doc: BaseDocTemplate) -> None:
        settings = self.settings
        canvas.saveState()
        page_width, page_height = canvas._pagesize
        wide = page_width > PAGE_WIDTH
        top = page_height - (WIDE_MARGIN_Y if wide else MARGIN)
        logo = _logo(str(settings.logo_path)) if settings.logo_path else None
        right = page_width - MARGIN
        if logo is not None:
            width, height = logo.getSize()
            if width and height:
                draw_h = 12 * mm
                draw_w = min(draw_h * width / height, 45 * mm)
                draw_h = draw_w * height / width
                canvas.drawImage(
                    logo,
                    right - draw_w,
                    top - draw_h,
                    draw_w,
                    draw_h,
                    mask="auto",
                    preserveAspectRatio=True,
                )
                right -= draw_w + 4 * mm
        text_width = right - MARGIN
        canvas.setFillColor(INK)
        canvas.setFont(SANS_BOLD, 10.5)
        name = settings.municipality_name or "coprod-desktop"
        canvas.drawString(MARGIN, top - 4 * mm, _fit(name, SANS_BOLD, 10.5, text_width))
        canvas.setFont(SANS, 8.5)
        canvas.setFillColor(MUTED)
        canvas.drawString(
            MARGIN,
            top - 8.5 * mm,
            _fit(" · ".join(x for x in (self.kind, self.header_note) if x), SANS, 8.5, text_width),
        )
        canvas.setStrokeColor(ACCENT)
        canvas.setLineWidth(1)
        line_y = top - HEADER_HEIGHT + 3 * mm
        canvas.line(MARGIN, line_y, page_width - MARGIN, line_y)
        canvas.restoreState()


CELL_PAD_X = 3.0
CELL_PADDING = 2 * CELL_PAD_X + 1.5  # a point to spare, so a word that fits is never cut
FIT_CAP = 125.0
FLEX_SHARE = 0.24  # what the weighted columns keep if they can
MIN_FLEX_SHARE = 0.12  # what they keep at least


def fit_widths(
    header: Sequence[str],
    rows: Sequence[Sequence[str | Flowable]],
    widths: Sequence[float | None],
    total: float = CONTENT_WIDTH,
    size: float | None = None,
) -> list[float]:
    """Column widths that add up to `total`: content-fitted columns (None) take what their
    text needs (the whole text up to FIT_CAP points, never less than their longest word, so
    words are not split), the weighted columns share the rest but keep at least FLEX_SHARE."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    size = size or styles().cell.fontSize
    natural: dict[int, float] = {}
    minimum: dict[int, float] = {}
    for index, weight in enumerate(widths):
        if weight is not None:
            continue
        longest_word = max(
            (stringWidth(word, SANS_BOLD, size) for word in header[index].split()), default=0.0
        )
        longest_line = 0.0
        seen: set[str] = set()
        for row in rows:
            cell = row[index]
            if isinstance(cell, Flowable) or cell in seen:
                continue
            seen.add(cell)
            for line in cell.split("\n"):
                longest_line = max(longest_line, stringWidth(line, SANS, size))
                for word in line.split():
                    longest_word = max(longest_word, stringWidth(word, SANS, size))
        minimum[index] = longest_word + CELL_PADDING
        natural[index] = max(min(longest_line, FIT_CAP), longest_word) + CELL_PADDING
    budget = total * (1 - FLEX_SHARE) if any(w is not None for w in widths) else total
    # whole words matter more than a wide title column: give up some of the flexible width
    budget = max(budget, min(sum(minimum.values()), total * (1 - MIN_FLEX_SHARE)))
    wanted = sum(natural.values())
    if wanted > budget:
        # shrink the fitted columns towards their longest word, wider ones first
        slack = sum(natural[i] - minimum[i] for i in natural)
        cut = min(wanted - budget, slack)
        for i in natural:
            if slack > 0:
                natural[i] -= cut * (natural[i] - minimum[i]) / slack
        wanted = sum(natural.values())
        if wanted > budget:  # even the longest words do not fit: scale everything
            for i in natural:
                natural[i] *= budget / wanted
            wanted = budget
    free = total - wanted
    weights = sum(w for w in widths if w is not None) or 1.0
    return [
        free * weight / weights if weight is not None else natural[index]
        for index, weight in enumerate(widths)
    ]


CELL_PAD_TOP = 1.6
CELL_PAD_BOTTOM = 2.6
COMPACT_PAD_TOP = 0.4
COMPACT_PAD_BOTTOM = 1.0


def _cell_style(name: str, font: str, alignment: str, compact: bool = False) -> CellStyle:
    s = styles()
    style = CellStyle(name)
    style.fontname = font
    style.fontsize = COMPACT_SIZE if compact else s.cell.fontSize
    style.leading = COMPACT_LEADING if compact else s.cell.leading
    style.color = INK
    style.valign = "TOP"
    style.alignment = alignment
    style.leftPadding = style.rightPadding = CELL_PAD_X
    style.topPadding, style.bottomPadding = (
        (COMPACT_PAD_TOP, COMPACT_PAD_BOTTOM) if compact else (CELL_PAD_TOP, CELL_PAD_BOTTOM)
    )
    return style


def _cell_styles(
    rows: int, columns: int, right: Sequence[int], compact: bool = False
) -> list[list[CellStyle]]:
    """The cell styles of a `Brief.table`: bold header row, `right` columns right-aligned.

    Cells share their style objects. ReportLab changes a cell's style in place only when it
    splits a row across pages, which these tables never do (FastTable.splitInRow is 0)."""
    head = [
        _cell_style("head", SANS_BOLD, "LEFT", compact),
        _cell_style("head_right", SANS_BOLD, "RIGHT", compact),
    ]
    body = [
        _cell_style("cell", SANS, "LEFT", compact),
        _cell_style("cell_right", SANS, "RIGHT", compact),
    ]
    aligned = [int(index in right) for index in range(columns)]
    return [[(head if row == 0 else body)[a] for a in aligned] for row in range(rows)]


def _row_height(row: Sequence[Any], compact: bool = False) -> float | None:
    """The height ReportLab works out for a row of plain-text cells (None: it holds a
    Flowable, so ReportLab measures it)."""
    if any(isinstance(cell, Flowable) for cell in row):
        return None
    leading: float = COMPACT_LEADING if compact else styles().cell.leading
    # added in ReportLab's order: same float result
    padding = COMPACT_PAD_BOTTOM + COMPACT_PAD_TOP if compact else CELL_PAD_BOTTOM + CELL_PAD_TOP
    height: float = max(leading * (cell.count("\n") + 1) + padding for cell in row)
    return height


def _fast_table(
    data: list[list[Any]],
    col_widths: Sequence[float],
    heights: Sequence[float | None],
    right: Sequence[int],
    compact: bool,
) -> FastTable:
    """A `Brief.table` of `data` (the header row first)."""
    table = FastTable(
        data,
        colWidths=col_widths,
        rowHeights=list(heights),
        repeatRows=1,
        cellStyles=_cell_styles(len(data), len(data[0]), right, compact),
    )
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT),
                ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, ZEBRA]),
                ("LINEBELOW", (0, 1), (-1, -1), 0.25, RULE),
            ]
        )
    )
    table._coprod_parts = (col_widths, right, compact)
    return table


PAGED_ROWS = 200  # a table longer than this is laid out a page at a time (PagedTable)


class PagedTable(Flowable):  # type: ignore[misc]
    """A long table of plain-text rows laid out a page at a time: each page gets a table of
    its own rows under the repeated header.

    ReportLab splits one long table at each page break by building a new table of all the
    rows still to come and measuring them again: for the 10,000 rows of a large portfolio
    review (some 200 pages) that was most of the time of the whole brief. Here every row
    height is known beforehand, so a page costs only its own rows."""

    def __init__(self, table: FastTable, on_rows: ProgressCallback | None, start: int = 1) -> None:
        super().__init__()
        self.data: list[list[Any]] = table._cellvalues
        self.heights: list[float] = list(table._argH)
        self.parts: tuple[Sequence[float], Sequence[int], bool] = table._coprod_parts
        self.on_rows = on_rows
        self.start = start
        # below[i]: the height of the body rows before row i (one list shared by all pages)
        self.below: list[float] = getattr(table, "_coprod_below", None) or _running_sums(
            self.heights
        )
        table._coprod_below = self.below

    def _height(self, end: int) -> float:
        return self.heights[0] + self.below[end] - self.below[self.start]

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = sum(self.parts[0])
        self.height = self._height(len(self.data))
        return self.width, self.height

    def _page(self, end: int) -> FastTable:
        col_widths, right, compact = self.parts
        rows = [self.data[0], *self.data[self.start : end]]
        heights = [self.heights[0], *self.heights[self.start : end]]
        # the stripes start again under each page's header, as ReportLab's own split does
        page = _fast_table(rows, col_widths, heights, right, compact)
        if self.on_rows is not None:
            self.on_rows(end - 1, len(self.data) - 1)
        return page

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        # the most rows that fit under the header (a hair of room for rounding)
        end = (
            bisect.bisect_right(
                self.below, available_height - self.heights[0] + 1e-6 + self.below[self.start]
            )
            - 1
        )
        end = min(end, len(self.data))
        if end <= self.start:  # not one row fits: the next page
            return []
        page = self._page(end)
        page.spaceBefore = getattr(self, "spaceBefore", 0)
        if end >= len(self.data):
            page.spaceAfter = getattr(self, "spaceAfter", 0)
            return [page]
        rest = PagedTable.__new__(PagedTable)
        Flowable.__init__(rest)  # not a copy of this one: ReportLab marks a postponed flowable
        for name in ("data", "heights", "parts", "on_rows", "below"):
            setattr(rest, name, getattr(self, name))
        rest.spaceAfter = getattr(self, "spaceAfter", 0)
        rest.start = end
        return [page, rest]

    def draw(self) -> None:
        page = self._page(len(self.data))
        page.wrapOn(self.canv, self.width, self.height)
        page.drawOn(self.canv, 0, 0)


def _running_sums(heights: Sequence[float]) -> list[float]:
    """below[i] = the sum of heights[1:i] (the header, row 0, is not counted)."""
    below = [0.0, 0.0]
    for height in heights[1:]:
        below.append(below[-1] + height)
    return below


class FastTable(LongTable):  # type: ignore[misc]
    """A LongTable that draws its plain-text cells in one PDF text object per piece, instead
    of one text object per line of every cell: much less work for 500-row tables."""

    _batch: list[tuple[float, float, str, str, float, float, Any, bool]] | None = None

    def draw(self) -> None:
        from reportlab.pdfbase.pdfmetrics import stringWidth

        self._batch = []
        try:
            super().draw()
            batch = self._batch
        finally:
            self._batch = None
        if not batch:
            return
        text = self.canv.beginText()
        font: tuple[str, float, float] | None = None
        colour: Any = None
        for x, y, value, fontname, size, leading, color, right in batch:
            if font != (fontname, size, leading):
                text.setFont(fontname, size, leading)
                font = (fontname, size, leading)
            if color is not colour and color != colour:  # Color.__eq__ is slow; mostly shared
                text.setFillColor(color)
                colour = color
            text.setTextOrigin(x - stringWidth(value, fontname, size) if right else x, y)
            text.textOut(value)
        self.canv.drawText(text)

    def _drawCell(self, cellval: Any, cellstyle: Any, pos: Any, size: Any) -> None:
        batch = self._batch
        if (
            batch is None
            or not isinstance(cellval, str)
            or cellstyle.valign != "TOP"
            or cellstyle.alignment not in ("LEFT", "RIGHT")
            or cellstyle.href
            or cellstyle.destination
        ):
            super()._drawCell(cellval, cellstyle, pos, size)
            return
        colpos, rowpos = pos
        colwidth, rowheight = size
        right = cellstyle.alignment == "RIGHT"
        x = colpos + colwidth - cellstyle.rightPadding if right else colpos + cellstyle.leftPadding
        y = rowpos + rowheight - cellstyle.topPadding - cellstyle.fontsize
        for line in cellval.split("\n"):
            if line:
                batch.append(
                    (
                        x,
                        y,
                        line,
                        cellstyle.fontname,
                        cellstyle.fontsize,
                        cellstyle.leading,
                        cellstyle.color,
                        right,
                    )
                )
            y -= cellstyle.leading


class Wrapper:
    """Fast word wrapping for table cells in one font (word widths cached)."""

    def __init__(self, font: str, size: float) -> None:
        from reportlab.pdfbase.pdfmetrics import stringWidth

        self._measure = stringWidth
        self.font = font
        self.size = size
        self._widths: dict[str, float] = {}
        self.space = stringWidth(" ", font, size)

    def width(self, word: str) -> float:
        found = self._widths.get(word)
        if found is None:
            found = self._measure(word, self.font, self.size)
            if len(self._widths) < 50_000:
                self._widths[word] = found
        return found

    def _split_word(self, word: str, width: float) -> list[str]:
        pieces: list[str] = []
        current = ""
        for char in word:
            if current and self._measure(current + char, self.font, self.size) > width:
                pieces.append(current)
                current = char
            else:
                current += char
        if current:
            pieces.append(current)
        return pieces

    def lines(self, value: object, width: float) -> list[str]:
        """The text broken into lines no wider than `width` points (newlines kept)."""
        out: list[str] = []
        for paragraph in tx.clean(value).split("\n"):
            line, line_width = "", 0.0
            for word in paragraph.split():
                word_width = self.width(word)
                if word_width > width:  # a word wider than the column is cut
                    if line:
                        out.append(line)
                    *full, word = self._split_word(word, width)
                    out.extend(full)
                    line, line_width = word, self.width(word)
                elif not line:
                    line, line_width = word, word_width
                elif line_width + self.space + word_width <= width:
                    line += " " + word
                    line_width += self.space + word_width
                else:
                    out.append(line)
                    line, line_width = word, word_width
            out.append(line)
        return out


_wrappers: dict[tuple[str, float], Wrapper] = {}


def wrapper(font: str, size: float) -> Wrapper:
    key = (font, size)
    if key not in _wrappers:
        _wrappers[key] = Wrapper(font, size)
    return _wrappers[key]


def _fit(value: str, font: str, size: float, width: float) -> str:
    """`value` shortened with an ellipsis until it fits `width` points."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    value = " ".join(tx.clean(value).split())
    if stringWidth(value, font, size) <= width:
        return value
    low, high = 0, len(value)
    while low < high:
        mid = (low + high + 1) // 2
        if stringWidth(value[:mid] + "…", font, size) <= width:
            low = mid
        else:
            high = mid - 1
    return value[:low].rstrip() + "…"


def _numbered_canvas(footer: Callable[[Canvas, int, int], None]) -> type[Canvas]:
    """A canvas that holds its pages back until the end, to print "page x of y"."""

    class NumberedCanvas(Canvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                footer(self, number, total)
                super().showPage()
            super().save()

    return NumberedCanvas
