"""The performance benchmark: each goal of the app beside raw `sqlite3` on the same file.

    python tests/benchmarks/run.py --initiatives 100000 [--keep DIR] [--runs 5]

Builds (or reuses, with --keep) a synthetic portfolio of N initiatives (generate.py), then
measures each metric in the app and the same question asked of the same database file through
the standard library's `sqlite3`, and prints a table: metric, ours, raw, ratio, goal, holds?;
then peak RSS; the last line says `all goals met: yes` or `all goals met: no`.

In-process times are the best of --runs runs after a warm-up; whole-process times the best
of three. The GUI metrics use the real PortfolioView (model and view) and InitiativeEditor,
offscreen, at 1280x800; "shown" means the view has painted the first page. Wall-clock time is
judged against the goals; the machine's load average is printed beside the table, since on a
busy machine the wall clock also counts other processes' time. It is a script, not a test:
pytest does not collect it and nothing asserts times.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.benchmarks import generate  # noqa: E402

MS = 1000.0
PAGE = 50  # rows on the first screen


@dataclass
class Result:
    metric: str
    ours: float  # seconds (or initiatives per second for a rate)
    raw: float | None
    goal: str
    holds: bool
    unit: str = "ms"
    # GUI metrics that show rows: the raw question plus the same rows painted by a plain Qt
    # model and view (issue 22: their baseline, shown in the raw column as "+ Qt"); `raw` is
    # then the question alone, printed below the table for information
    raw_painted: float | None = None
    # whole processes: the least CPU time of ours and of raw (for information)
    cpu: tuple[float, float | None] | None = None

    def cells(self) -> list[str]:
        if self.unit == "/s":
            ours = f"{self.ours:,.0f}/s"
            raw = f"{self.raw:,.0f}/s" if self.raw else "—"
            ratio = f"{self.raw / self.ours:.1f}×" if self.raw and self.ours else "—"
        else:
            base = self.raw_painted if self.raw_painted is not None else self.raw
            ours = f"{self.ours * MS:.{1 if self.ours < 0.01 else 0}f} ms"
            raw = f"{base * MS:.1f} ms" if base is not None else "—"
            raw += " + Qt" if self.raw_painted is not None else ""
            ratio = f"{self.ours / base:.1f}×" if base else "—"
        return [self.metric, ours, raw, ratio, self.goal, "yes" if self.holds else "NO"]


def best(runs: int, action: Callable[[], Any], setup: Callable[[], Any] | None = None) -> float:
    """The best wall-clock time of `runs` runs after one warm-up (setup is not timed)."""
    times = []
    for index in range(runs + 1):
        if setup is not None:
            setup()
        start = time.perf_counter()
        action()
        if index:
            times.append(time.perf_counter() - start)
    return min(times)


# ---------------------------------------------------------------- raw sqlite3 questions

# open_pressures is the stored count the triggers of migration 0005 keep, as the app reads it
ROW_COLUMNS = (
    "i.id, i.reference, i.title, i.type, i.sector, i.status, i.origin, i.owner, "
    "i.open_pressures, i.next_review, i.updated_at"
)
CHILD_QUERIES = (
    "SELECT v.*, s.name, s.kind, s.is_person FROM involvement v JOIN stakeholder s "
    "ON s.id = v.stakeholder_id WHERE v.initiative_id IN ({ids})",
    "SELECT * FROM mandate WHERE initiative_id IN ({ids})",
    "SELECT r.*, s.name FROM resource_entry r LEFT JOIN stakeholder s ON s.id = r.source_id "
    "WHERE r.initiative_id IN ({ids})",
    "SELECT * FROM cross_pressure WHERE initiative_id IN ({ids})",
    "SELECT j.*, p.stakeholder_id FROM journal_entry j LEFT JOIN journal_participant p "
    "ON p.journal_entry_id = j.id WHERE j.initiative_id IN ({ids})",
    "SELECT * FROM review WHERE initiative_id IN ({ids})",
)


def raw_connect(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(path)
    connection.execute("SELECT version_num FROM alembic_version").fetchone()
    return connection


def raw_children(connection: sqlite3.Connection, ids: list[int]) -> None:
    marks = ",".join("?" * len(ids))
    for sql in CHILD_QUERIES:
        connection.execute(sql.format(ids=marks), ids).fetchall()


def raw_page(
    connection: sqlite3.Connection, where: str = "", params: tuple[Any, ...] = (), order: str = ""
) -> list[Any]:
    """What the first screen shows: the count, the first rows and their attention data."""
    clause = f" WHERE {where}" if where else ""
    connection.execute(f"SELECT count(*) FROM initiative i{clause}", params).fetchone()
    rows = connection.execute(
        f"SELECT {ROW_COLUMNS} FROM initiative i{clause} "
        f"ORDER BY {order or 'i.reference'} LIMIT {PAGE}",
        params,
    ).fetchall()
    raw_children(connection, [r[0] for r in rows])
    return rows


def fts_where(word: str) -> tuple[str, tuple[Any, ...]]:
    from coprod_desktop.store.search import search_words

    match = " AND ".join(f'"{w}"*' for w in search_words(word))
    return "i.id IN (SELECT rowid FROM initiative_fts WHERE initiative_fts MATCH ?)", (match,)


def attention_where(key: str) -> tuple[str, tuple[Any, ...]]:
    """The app's SQL rule for an attention signal, with today's date, for plain sqlite3."""
    import datetime as dt
    import re

    from coprod_desktop.domain.assessment import Thresholds
    from coprod_desktop.services import attention

    named = attention.parameters(dt.date.today(), Thresholds(), "sqlite")
    sql = attention.predicate(key, "sqlite")
    order = re.findall(r":(\w+)", sql)
    return re.sub(r":\w+", "?", sql), tuple(named[name] for name in order)


# ---------------------------------------------------------------- the GUI metrics


def paint_counter(widget: Any) -> Any:
    """Counts the paint events a widget receives (an event filter, so painting is not changed)."""
    from PySide6.QtCore import QEvent, QObject

    class Counter(QObject):
        def __init__(self) -> None:
            super().__init__(widget)
            self.count = 0
            widget.installEventFilter(self)

        def eventFilter(self, watched: Any, event: Any) -> bool:
            if event.type() == QEvent.Type.Paint:
                self.count += 1
            return False

    return Counter()


def plain_table(app: Any, size: Any) -> Callable[[list[Any]], None]:
    """Rows shown as plainly as Qt can: a QStandardItemModel in a QTableView of the given
    size, one text item per cell, the same ten columns as the portfolio."""
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QTableView

    model = QStandardItemModel()
    table = QTableView()
    table.setModel(model)
    table.resize(size)
    table.show()
    app.processEvents()

    def show(rows: list[Any]) -> None:
        model.setRowCount(0)
        for row in rows:
            # reference, title, type, sector, status, owner, open pressures, attention,
            # next review, completeness
            values = [*row[1:6], row[7], row[8], "", row[9], ""]
            model.appendRow([QStandardItem("" if x is None else str(x)) for x in values])
        table.viewport().repaint()

    return show


def gui_metrics(path: Path, runs: int, results: list[Result]) -> float:
    """First screen, filter, search, sorts, editor. Returns the peak RSS (MB) afterwards."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from coprod_desktop.services import initiatives
    from coprod_desktop.store.migrate import open_database
    from coprod_desktop.ui import i18n
    from coprod_desktop.ui.editor import InitiativeEditor
    from coprod_desktop.ui.portfolio_view import COLUMNS, PortfolioView

    app = QApplication.instance() or QApplication([sys.argv[0]])
    i18n.set_language("da")
    view = PortfolioView()
    view.resize(1280, 800)
    view.show()
    app.processEvents()
    state: dict[str, Any] = {}

    painted = paint_counter(view.table.viewport())
    plain = plain_table(app, view.table.size())

    def against_raw(
        metric: str,
        action: Callable[[], Any],
        question: Callable[[], list[Any]],
        setup: Callable[[], Any] | None = None,
    ) -> Result:
        """A GUI metric whose goal (issue 22) is at most 1.5 × (raw sqlite3 plus the same rows
        painted by a plain QStandardItemModel/QTableView) and under 100 ms. Ours, that baseline
        and raw alone are timed in turn, 3 × --runs times after a warm-up (best of each), so
        all three meet the same moments of a busy machine; `setup` (untimed) runs before
        each of the three, so each starts from the same state."""
        ours: list[float] = []
        baseline: list[float] = []
        alone: list[float] = []
        for index in range(3 * runs + 1):
            for times, timed in (
                (ours, action),
                (baseline, lambda: plain(question())),
                (alone, question),
            ):
                if setup is not None:
                    setup()
                app.processEvents()  # what the one before left pending is not this one's
                start = time.perf_counter()
                timed()
                if index:
                    times.append(time.perf_counter() - start)
        return Result(
            metric,
            min(ours),
            min(alone),
            "≤ 1.5× (raw + plain Qt), < 100 ms",
            min(ours) <= 1.5 * min(baseline) and min(ours) < 0.1,
            raw_painted=min(baseline),
        )

    def shown() -> None:
        """Until the changed rows are on screen: pending events (Qt paints the viewport
        when it handles the update request), and a paint forced only if none came."""
        before = painted.count
        app.processEvents()
        if painted.count == before:
            view.table.viewport().repaint()  # paints the visible rows: data() for each cell
        assert painted.count > before
        assert view.model.rowCount() >= min(PAGE, view.model.total)

    def close_db() -> None:
        if state.get("db") is not None:
            view.set_database(None)
            state["db"].dispose()
            state["db"] = None

    raw_open: list[sqlite3.Connection] = []

    def close_all() -> None:
        """Nothing open before ours or the raw first screen: each opens the file as it is when
        nobody has it open (no -wal file), and neither is timed closing it (ours was not)."""
        close_db()
        while raw_open:
            raw_open.pop().close()

    def first_screen() -> None:
        db = open_database(str(path))
        state["db"] = db
        view.set_database(db)
        shown()

    def raw_first() -> list[Any]:
        connection = raw_connect(path)
        raw_open.append(connection)  # closed by close_all, untimed
        return raw_page(connection)

    results.append(
        against_raw(
            "portfolio first screen (open → 50 rows shown)", first_screen, raw_first, close_all
        )
    )
    close_all()
    if state.get("db") is None:
        first_screen()
    db = state["db"]

    # a filter change: the status filter between two values
    combo = view.filters.status
    wanted = ["active", "completed"]

    def flip_filter() -> None:
        key = wanted[0]
        wanted.reverse()
        combo.setCurrentIndex(combo.findData(key))
        shown()

    connection = raw_connect(path)
    statuses = ["active", "completed"]

    def raw_filter() -> list[Any]:
        key = statuses[0]
        statuses.reverse()
        return raw_page(connection, "i.status = ?", (key,))

    results.append(against_raw("filter change → model updated", flip_filter, raw_filter))
    combo.setCurrentIndex(0)
    app.processEvents()

    # the attention filter: between two signals (a condition on the facts kept by triggers)
    signals = view.filters.attention
    chosen = ["no_mandate", "review_overdue"]

    def flip_attention() -> None:
        key = chosen[0]
        chosen.reverse()
        signals.setCurrentIndex(signals.findData(key))
        shown()

    ours = best(runs, flip_attention)
    raw_chosen = ["no_mandate", "review_overdue"]

    def raw_attention() -> list[Any]:
        key = raw_chosen[0]
        raw_chosen.reverse()
        return raw_page(connection, *attention_where(key))

    results.append(
        Result(
            "attention filter → model updated",
            ours,
            best(runs, raw_attention),
            "< 100 ms",
            ours < 0.1,
        )
    )
    signals.setCurrentIndex(0)
    app.processEvents()

    # a search keystroke: the text grows by one letter (the 300 ms debounce is not counted)
    word = generate.MARKED_PLACE
    lengths = [len(word) - 1, len(word)]

    def keystroke() -> None:
        size = lengths[0]
        lengths.reverse()
        view.filters.search.setText(word[:size])
        view.filters.debounce.stop()
        view.apply_filters()
        shown()

    raw_lengths = [len(word) - 1, len(word)]

    def raw_keystroke() -> list[Any]:
        size = raw_lengths[0]
        raw_lengths.reverse()
        where, params = fts_where(word[:size])
        return raw_page(connection, where, params)

    results.append(against_raw("search keystroke → model updated", keystroke, raw_keystroke))
    view.filters.search.setText("")
    view.filters.debounce.stop()
    view.apply_filters()
    app.processEvents()

    # sorting by each visible column
    raw_orders = {
        "reference": "i.reference",
        "title": "i.title_key",  # the stored lower-case keys (migration 0004), as the app
        "type": "i.type IS NULL, i.type",
        "sector": "i.sector",
        "status": "i.status",
        "owner": "i.owner_key IS NULL, i.owner_key",
        "open_pressures": "i.open_pressures",
        "next_review": "i.next_review IS NULL, i.next_review",
    }
    header = view.table.horizontalHeader()
    for column, (key, sort_key) in enumerate(COLUMNS):
        if sort_key is None or header.isSectionHidden(column):
            continue
        orders = [Qt.SortOrder.DescendingOrder, Qt.SortOrder.AscendingOrder]

        def sort(column: int = column, orders: list[Any] = orders) -> None:
            order = orders[0]
            orders.reverse()
            # what a click on the header does (QTableView.sortByColumn would sort twice)
            header.setSortIndicator(column, order)
            shown()

        ours = best(runs, sort)
        directions = ["DESC", "ASC"]

        def raw_sort(sort_key: str = sort_key, directions: list[str] = directions) -> None:
            direction = directions[0]
            directions.reverse()
            order = raw_orders[sort_key]
            parts = [f"{part} {direction}" for part in order.split(", ")]
            raw_page(connection, order=", ".join(parts) + f", i.id {direction}")

        raw = best(runs, raw_sort)
        results.append(Result(f"sort by {key}", ours, raw, "< 200 ms", ours < 0.2))
    header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
    app.processEvents()

    # opening an initiative in the editor
    ident = view.model.row_id(0) or 1
    editors: list[Any] = []

    def open_editor() -> None:
        data = initiatives.get_initiative(db, ident)
        editor = InitiativeEditor(db, data)
        editor.resize(1280, 800)
        editor_painted = paint_counter(editor)
        editor.show()
        app.processEvents()  # the first paint of the shown editor
        if not editor_painted.count:
            editor.repaint()
        editors.append(editor)

    def drop_editors() -> None:
        while editors:
            editor = editors.pop()
            editor.hide()
            editor.deleteLater()
        app.processEvents()

    ours = best(runs, open_editor, setup=drop_editors)
    drop_editors()

    def raw_editor() -> None:
        connection.execute("SELECT * FROM initiative WHERE id = ?", (ident,)).fetchone()
        raw_children(connection, [ident])

    raw = best(runs, raw_editor)
    results.append(Result("open an initiative in the editor", ours, raw, "< 150 ms", ours < 0.15))

    # My work: the start page of the staff member with the most commitments
    from coprod_desktop.ui import preferences as prefs
    from coprod_desktop.ui.my_work import MyWorkView

    me = connection.execute(
        "SELECT owner FROM commitment GROUP BY owner_key ORDER BY count(*) DESC LIMIT 1"
    ).fetchone()[0]
    prefs.set_value("user/name", me)
    work_view = MyWorkView(db)
    work_view.resize(1280, 800)
    work_view.show()

    def my_work() -> None:
        work_view.reload()
        app.processEvents()

    ours = best(runs, my_work)

    def raw_my_work() -> None:
        connection.execute(
            "SELECT * FROM commitment WHERE owner_key = ? AND status IN ('open', 'in_progress')",
            (me.lower(),),
        ).fetchall()

    raw = best(runs, raw_my_work)
    results.append(Result("open My work", ours, raw, "< 150 ms", ours < 0.15))
    work_view.close()
    connection.close()
    rss = peak_rss_mb()
    close_db()
    view.close()
    return rss


# ---------------------------------------------------------------- reports


# the dashboard's questions asked of plain sqlite3: the same GROUP BY counts (the attention
# signals left out: raw has no rules), for scale
RAW_FIGURES = (
    "SELECT type, sector, status, origin, count(*) FROM initiative"
    " GROUP BY type, sector, status, origin",
    "SELECT type, co_phases, public_values, count(*) FROM initiative"
    " GROUP BY type, co_phases, public_values",
    "SELECT i.type, c.category, c.severity, count(*), count(DISTINCT i.id) FROM initiative i"
    " JOIN cross_pressure c ON c.initiative_id = i.id AND c.status != 'resolved'"
    " GROUP BY i.type, c.category, c.severity",
    "SELECT i.type, r.kind, r.planned, sum(r.amount), count(*), count(DISTINCT i.id)"
    " FROM initiative i JOIN resource_entry r ON r.initiative_id = i.id"
    " GROUP BY i.type, r.kind, r.planned",
    "SELECT i.type, i.sector, m.status, count(*) FROM initiative i"
    " JOIN commitment m ON m.initiative_id = i.id GROUP BY i.type, i.sector, m.status",
)


def dashboard_metric(path: Path, runs: int, results: list[Result]) -> None:
    """The dashboard's first paint with the whole portfolio open (figures worked out, the
    charts drawn and painted), and the committee brief of the whole portfolio."""
    from PySide6.QtWidgets import QApplication

    from coprod_desktop.reports.page_template import BriefSettings
    from coprod_desktop.services import briefs
    from coprod_desktop.store.migrate import open_database
    from coprod_desktop.ui import i18n
    from coprod_desktop.ui.background import Background
    from coprod_desktop.ui.dashboard import DashboardView

    app = QApplication.instance() or QApplication([sys.argv[0]])
    i18n.set_language("da")
    db = open_database(str(path))
    background = Background()
    shown: list[Any] = []

    def first_paint() -> None:
        view = DashboardView(db, background)
        view.resize(1366, 768)
        view.show()
        view.reload()
        while view.data is None:  # the figures come back from the worker thread
            app.processEvents()
            time.sleep(0.001)
        view.grab()  # the charts and the first rows of the attention list painted
        shown.append(view)

    def close() -> None:
        while shown:
            shown.pop().close()
        app.processEvents()

    ours = best(runs, first_paint, setup=close)
    close()
    connection = raw_connect(path)

    def raw_figures() -> None:
        for sql in RAW_FIGURES:
            connection.execute(sql).fetchall()

    raw = best(runs, raw_figures)
    results.append(
        Result("dashboard first paint, whole portfolio", ours, raw, "< 1.0 s", ours < 1.0)
    )

    settings = BriefSettings(municipality_name="Sønderby Kommune", author="bench", lang="da")
    ours = best(max(2, runs // 2), lambda: briefs.committee_brief(db, None, settings))
    raw = best(runs, raw_figures)  # the brief's counts are the same GROUP BYs
    results.append(Result("committee brief, whole portfolio", ours, raw, "< 3.0 s", ours < 3.0))
    connection.close()
    db.dispose()


def dashboard_rss(path: Path, env: dict[str, str]) -> float:
    """Peak RSS (MB) of a process with the main window on the portfolio and the dashboard
    shown (its figures worked out and painted)."""
    script = (
        "import sys, time\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from coprod_desktop.store.migrate import open_database\n"
        "from coprod_desktop.ui.main_window import MainWindow\n"
        "app = QApplication([sys.argv[0]])\n"
        "window = MainWindow()\n"
        "window.set_database(open_database(sys.argv[1]))\n"
        "window.resize(1366, 768)\n"
        "window.show()\n"
        "view = window.analysis_views.show_dashboard()\n"
        "while view.data is None:\n"
        "    app.processEvents()\n"
        "    time.sleep(0.005)\n"
        "window.grab()\n"
        # the process's own peak (VmHWM): its ru_maxrss would also count the benchmark's
        # memory, shared with the child from the fork until the exec
        "print(next(line for line in open('/proc/self/status') if line.startswith('VmHWM')))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(path)],
        env={**env, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        raise SystemExit("the dashboard did not show:\n" + done.stderr)
    kib = int(done.stdout.split("VmHWM:")[1].split()[0])
    return kib / 1024


def report_metrics(path: Path, runs: int, results: list[Result]) -> None:
    from coprod_desktop.reports.page_template import BriefSettings
    from coprod_desktop.services import briefs, portfolio_query
    from coprod_desktop.services.portfolio_query import PortfolioFilter
    from coprod_desktop.store.migrate import open_database

    db = open_database(str(path))
    settings = BriefSettings(municipality_name="Sønderby Kommune", author="bench", lang="da")
    flt = PortfolioFilter(search=generate.MARKED_PLACE)
    chosen = [row.id for row in portfolio_query.rows(db, flt)]
    ident = chosen[0]
    ours = best(runs, lambda: briefs.initiative_brief(db, ident, settings))
    connection = raw_connect(path)

    def raw_brief() -> None:
        connection.execute("SELECT * FROM initiative WHERE id = ?", (ident,)).fetchone()
        raw_children(connection, [ident])

    raw = best(runs, raw_brief)
    results.append(Result("initiative brief PDF (in-process)", ours, raw, "< 150 ms", ours < 0.15))

    ours = best(max(2, runs // 2), lambda: briefs.portfolio_review(db, flt, settings))
    where, params = fts_where(generate.MARKED_PLACE)

    def raw_review() -> None:
        rows = connection.execute(
            f"SELECT i.* FROM initiative i WHERE {where} ORDER BY i.reference", params
        ).fetchall()
        raw_children(connection, [r[0] for r in rows])

    raw = best(runs, raw_review)
    results.append(
        Result(
            f"portfolio review PDF, {len(chosen)} initiatives (in-process)",
            ours,
            raw,
            "< 700 ms",
            ours < 0.7,
        )
    )

    # a large review as the GUI makes it (issue 22): 10,000 initiatives, with progress
    # reported (each report is where Cancel would stop it)
    large = PortfolioFilter(ids=tuple(portfolio_query.ids(db)[:10_000]))
    steps: list[int] = []
    ours = best(
        1,
        lambda: briefs.portfolio_review(
            db, large, settings, progress=lambda d, _t: steps.append(d)
        ),
    )
    count = len(large.ids or ())
    marks = ",".join(str(i) for i in large.ids or ())

    def raw_large() -> None:
        rows = connection.execute(
            f"SELECT i.* FROM initiative i WHERE i.id IN ({marks})"
        ).fetchall()
        for start in range(0, len(rows), 500):
            raw_children(connection, [r[0] for r in rows[start : start + 500]])

    raw = best(1, raw_large)
    results.append(
        Result(
            f"portfolio review PDF, {count:,} initiatives (in-process, with progress)",
            ours,
            raw,
            "< 5 s",
            ours < 5,
        )
    )
    connection.close()
    db.dispose()


# ---------------------------------------------------------------- whole processes


# the CPU time (user + system, with the processes it waited for) of each process run, in order:
# on a busy machine the wall clock also counts the time a process waited for a core
CPU_LOG: list[float] = []


def run_process(command: list[str], env: dict[str, str], timeout: float = 120) -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=timeout)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    CPU_LOG.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stderr}")
    return elapsed


def least_cpu(runs: int = 3) -> float:
    """The least CPU time of the last `runs` processes."""
    return min(CPU_LOG[-runs:])


RAW_SCRIPT = """
import sqlite3, sys
connection = sqlite3.connect(sys.argv[1])
connection.execute("SELECT version_num FROM alembic_version").fetchone()
rows = connection.execute(sys.argv[2], sys.argv[3:]).fetchall()
ids = [r[0] for r in rows]
marks = ",".join("?" * len(ids))
for sql in {children!r}:
    connection.execute(sql.format(ids=marks), ids).fetchall()
for row in rows:
    print(*row, sep=" | ")
"""


def raw_process(
    path: Path,
    sql: str,
    params: tuple[Any, ...],
    env: dict[str, str],
    children: tuple[str, ...] = CHILD_QUERIES,
) -> float:
    script = RAW_SCRIPT.format(children=children)
    command = [sys.executable, "-c", script, str(path), sql, *map(str, params)]
    return min(run_process(command, env) for _ in range(3))


RAW_JSON_SCRIPT = """
import json, sqlite3, sys
connection = sqlite3.connect(sys.argv[1])
connection.execute("SELECT version_num FROM alembic_version").fetchone()
cursor = connection.execute(sys.argv[2], sys.argv[3:])
names = [column[0] for column in cursor.description]
rows = [dict(zip(names, row)) for row in cursor]
print(json.dumps(rows, ensure_ascii=False, indent=2))
"""

# `coprod list --format json` of about a fifth of the portfolio (19,960 of 100,000)
JSON_FILTER = (("--status", "active"), ("--type", "co_management,coordination"))
JSON_WHERE = "i.status = 'active' AND i.type IN ('co_management', 'coordination')"


def libreoffice_pdf(
    path: Path, folder: Path, env: dict[str, str], where: str, params: Any
) -> float | None:
    """LibreOffice printing a CSV of the same rows to PDF as a cold whole process (a fresh
    user profile each run), best of three; None when `soffice` is not installed."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        return None
    import csv

    connection = raw_connect(path)
    cursor = connection.execute(
        f"SELECT {ROW_COLUMNS} FROM initiative i WHERE {where} ORDER BY i.reference", params
    )
    source = folder / "libreoffice" / "portfolio.csv"
    source.parent.mkdir(parents=True, exist_ok=True)
    with source.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow([column[0] for column in cursor.description])
        writer.writerows(cursor)
    connection.close()
    printed = source.with_suffix(".pdf")
    times: list[float] = []
    cpus: list[float] = []
    for run in range(3):
        printed.unlink(missing_ok=True)
        profile = Path(tempfile.mkdtemp(prefix=f"coprod-bench-lo{run}-"))
        command = [
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(source.parent),
            str(source),
        ]
        try:
            times.append(run_process(command, env, timeout=300))
            cpus.append(CPU_LOG[-1])
        finally:
            shutil.rmtree(profile, ignore_errors=True)
        if not printed.exists() or not printed.read_bytes().startswith(b"%PDF"):
            raise SystemExit("LibreOffice wrote no PDF")
    CPU_LOG.append(min(cpus))
    return min(times)


def process_metrics(
    path: Path, folder: Path, env: dict[str, str], results: list[Result]
) -> list[float]:
    """Cold start, `coprod report portfolio`, `coprod list --search`. Returns the peak RSS
    (MB) of each of the three starts of the app."""
    coprod = [sys.executable, "-m", "coprod_desktop.cli", "--db", str(path), "--lang", "da"]
    word = generate.MARKED_PLACE
    where, params = fts_where(word)

    # cold start of the desktop app to a usable window (the first page on screen)
    starts: list[float] = []
    rss: list[float] = []
    for _ in range(3):
        ready_env = {**env, "COPROD_REPORT_READY": "quit", "QT_QPA_PLATFORM": "offscreen"}
        start = time.perf_counter()
        process = subprocess.Popen(
            [sys.executable, "-m", "coprod_desktop", "--db", str(path), "--lang", "da"],
            env=ready_env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert process.stdout is not None
        line = ""
        for line in process.stdout:
            if line.startswith("coprod-ready"):
                starts.append(time.perf_counter() - start)
                break
        _pid, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        if not line.startswith("coprod-ready"):
            raise SystemExit("coprod-desktop did not report a usable window:\n" + line)
        # The app's own peak (VmHWM) when the window is ready: the child's ru_maxrss also
        # counts this benchmark's memory, which the child shares from the fork until exec
        # (that was the 270-482 MB "peak" of earlier runs).
        fields = line.split()
        own = int(fields[2]) if len(fields) > 2 else 0
        rss.append((own or usage.ru_maxrss) / 1024)
    ours = min(starts)
    first_page = f"SELECT {ROW_COLUMNS} FROM initiative i ORDER BY i.reference LIMIT {PAGE}"
    raw = raw_process(path, first_page, (), env)
    results.append(Result("cold start of coprod-desktop", ours, raw, "< 1.5 s", ours < 1.5))

    # issue 22: no slower than LibreOffice printing a CSV of the same rows to PDF, in this run
    office = libreoffice_pdf(path, folder, env, where, params)
    if office is None:
        print("LibreOffice (soffice) is not installed: its baseline could not be measured")
        results.append(
            Result("LibreOffice: CSV of the same rows -> PDF", 0, None, "measured", False)
        )
        versus = "≤ LibreOffice (not measured)"
    else:
        results.append(
            Result(
                "LibreOffice: CSV of the same rows -> PDF",
                office,
                None,
                "(baseline)",
                True,
                cpu=(least_cpu(1), None),
            )
        )
        versus = f"≤ LibreOffice {office * MS:,.0f} ms"

    def against_office(ours: float) -> bool:
        return ours < 1.0 and office is not None and ours <= office

    output = folder / "portfolio.pdf"
    report = [*coprod, "report", "portfolio", "--search", word, "-o", str(output)]
    ours = min(run_process(report, env) for _ in range(3))
    ours_cpu = least_cpu()
    review_sql = f"SELECT i.* FROM initiative i WHERE {where} ORDER BY i.reference"
    raw = raw_process(path, review_sql, params, env)
    results.append(
        Result(
            "coprod report portfolio, 500 initiatives",
            ours,
            raw,
            f"< 1.0 s, {versus}",
            against_office(ours),
            cpu=(ours_cpu, least_cpu()),
        )
    )

    listing = [*coprod, "list", "--search", word]
    ours = min(run_process(listing, env) for _ in range(3))
    ours_cpu = least_cpu()
    list_sql = f"SELECT {ROW_COLUMNS} FROM initiative i WHERE {where} ORDER BY i.reference"
    raw = raw_process(path, list_sql, params, env)
    results.append(
        Result(
            f"coprod list --search {word}",
            ours,
            raw,
            f"< 1.0 s, {versus}",
            against_office(ours),
            cpu=(ours_cpu, least_cpu()),
        )
    )

    # the JSON of a fifth of the portfolio, each row with its signals, suggested type and
    # completeness; raw: a Python process printing the same rows' columns as JSON
    json_sql = f"SELECT {ROW_COLUMNS} FROM initiative i WHERE {JSON_WHERE} ORDER BY i.reference"
    connection = raw_connect(path)
    count = len(connection.execute(json_sql).fetchall())
    connection.close()
    listing = [
        *coprod,
        "list",
        *(part for pair in JSON_FILTER for part in pair),
        "--format",
        "json",
    ]
    ours = min(run_process(listing, env) for _ in range(3))
    ours_cpu = least_cpu()
    script = [sys.executable, "-c", RAW_JSON_SCRIPT, str(path), json_sql]
    raw = min(run_process(script, env) for _ in range(3))
    results.append(
        Result(
            f"coprod list --format json ({count:,} rows)",
            ours,
            raw,
            "< 1.5 s",
            ours < 1.5,
            cpu=(ours_cpu, least_cpu()),
        )
    )

    # the table of every initiative without a mandate, with each one's number of signals
    listing = [*coprod, "list", "--attention", "no_mandate"]
    ours = min(run_process(listing, env) for _ in range(3))
    ours_cpu = least_cpu()
    flagged, flagged_params = attention_where("no_mandate")
    raw = raw_process(
        path,
        f"SELECT {ROW_COLUMNS} FROM initiative i WHERE {flagged} ORDER BY i.reference",
        flagged_params,
        env,
        children=(),
    )
    results.append(
        Result(
            "coprod list --attention no_mandate",
            ours,
            raw,
            "< 1.0 s",
            ours < 1.0,
            cpu=(ours_cpu, least_cpu()),
        )
    )
    return rss


# ---------------------------------------------------------------- import


# Documents: text drawn from a municipal vocabulary (the generated portfolio's theme words and
# some 2,000 made-up words, the common ones far more often, as in real prose). None holds
# MARKED_PLACE or DOCUMENT_WORD; DOCUMENT_WORD is put into exactly DOCUMENT_HITS documents.
DOCUMENT_WORD = "Ålegræsbed"
DOCUMENT_HITS = 20
_SYLLABLES = (
    "an", "be", "dri", "for", "ge", "hus", "kom", "la", "mø", "ne", "or", "pla", "ret", "sam",
    "ti", "ud", "vej", "yd", "æn", "bud", "get", "tal", "fri", "vil", "lig", "hed", "ning",
    "sel", "skab", "byg", "råd", "sty", "gaf", "kul", "tur", "mil", "jø", "trafik", "sko",
)  # fmt: skip


def document_vocabulary(rnd: Any) -> tuple[list[str], list[float]]:
    """Words and their weights (Zipf: the n-th word 1/n as often as the first)."""
    from coprod_desktop.store.search import fold

    kept_out = tuple(fold(w)[:5] for w in (generate.MARKED_PLACE, DOCUMENT_WORD))
    words = [w for theme in generate.THEMES for w in theme[1:]]
    words += ["og", "i", "at", "der", "er", "til", "med", "for", "om", "på", "af", "som"]
    words += ["en", "et", "den", "det", "kommunen", "borgerne", "forvaltningen", "udvalget"]
    while len(words) < 2_000:
        words.append("".join(rnd.choice(_SYLLABLES) for _ in range(rnd.randint(2, 4))))
    words = [w for w in dict.fromkeys(words) if not fold(w).startswith(kept_out)]
    rnd.shuffle(words)
    return words, [1 / rank for rank in range(1, len(words) + 1)]


def document_text(rnd: Any, vocabulary: tuple[list[str], list[float]], size: int) -> bytes:
    words, weights = vocabulary
    chosen = rnd.choices(words, weights, k=size // 7 + 10)
    sentences = (" ".join(chosen[i : i + 12]).capitalize() + "." for i in range(0, len(chosen), 12))
    # cut at `size` bytes, not inside a letter (a broken UTF-8 file would be read as cp1252)
    return " ".join(sentences).encode()[:size].decode(errors="ignore").encode()


def attachment_metrics(
    path: Path, folder: Path, runs: int, count: int, size: int, results: list[Result]
) -> None:
    """On a copy of the portfolio before and after `count` documents of `size` bytes are
    attached (their words extracted): the first page, a search for a word in no document,
    opening, saving and the brief of the initiative with the most documents (each ≤ 1.5×
    without + 2 ms); and a search for a word in DOCUMENT_HITS documents, with which
    document matched on the page, against raw sqlite3 asking the same of the same tables."""
    import random

    from coprod_desktop.services import attachments, briefs, initiatives, portfolio_query
    from coprod_desktop.services.portfolio_query import PortfolioFilter
    from coprod_desktop.store.backup_files import backup_sqlite
    from coprod_desktop.store.migrate import open_database
    from coprod_desktop.store.search import matching_documents_sql, matching_ids_sql

    # two copies of the portfolio: documents go into one; both are timed turn about at the
    # end, so a busy spell on the machine weighs on both sides alike
    copies = [folder / "attachments.sqlite", folder / "attachments-without.sqlite"]
    for copy in copies:
        for suffix in ("", "-wal", "-shm"):
            Path(str(copy) + suffix).unlink(missing_ok=True)
        backup_sqlite(path, copy)
    copy = copies[0]
    db, db_without = (open_database(str(c)) for c in copies)
    ids = portfolio_query.ids(db, PortfolioFilter())
    busiest = ids[0]  # 100 documents (10 MB at 100 kB each); the others 10 each
    settings = briefs.settings_from_environment("en")

    def questions(db: Any) -> dict[str, Callable[[], Any]]:
        titles = ["Ny titel", "Anden titel"]

        def save_title() -> None:
            data = initiatives.get_initiative(db, busiest)
            data.title = titles[0]
            titles.reverse()
            initiatives.save_initiative(db, data)

        def page(word: str) -> tuple[int, list[Any]]:
            flt = PortfolioFilter(search=word)
            return portfolio_query.count(db, flt), portfolio_query.rows(db, flt, limit=PAGE)

        word = generate.MARKED_PLACE
        return {
            "portfolio first page": lambda: portfolio_query.rows(db, PortfolioFilter(), limit=PAGE),
            f"search '{word}' (in no document; count + page)": lambda: page(word),
            "open the initiative with the most documents": lambda: initiatives.get_initiative(
                db, busiest
            ),
            "save its title (editor save)": save_title,
            "its brief (PDF)": lambda: briefs.initiative_brief(db, busiest, settings),
            f"search '{DOCUMENT_WORD}' (count + page)": lambda: page(DOCUMENT_WORD),
        }

    before = portfolio_query.count(db, PortfolioFilter(search=DOCUMENT_WORD))
    assert before == 0, f"{DOCUMENT_WORD} is already in {before} initiatives"

    rnd = random.Random(20)
    vocabulary = document_vocabulary(rnd)
    files = folder / "attachment-files"
    files.mkdir(exist_ok=True)
    with_word = set(range(0, count, max(1, count // DOCUMENT_HITS))[:DOCUMENT_HITS])
    start = time.perf_counter()
    index, target_index = 0, 0
    while index < count:
        batch = min(count - index, 100 if target_index == 0 else 10)
        paths = []
        for number in range(index, index + batch):
            target = files / f"doc{number}.txt"
            data = document_text(rnd, vocabulary, size)
            if number in with_word:
                ending = f" {DOCUMENT_WORD.lower()} ved molen.".encode()
                data = data[: size - len(ending)].decode(errors="ignore").encode() + ending
            target.write_bytes(data)
            paths.append(target)
        attachments.attach_files(db, ids[target_index % len(ids)], paths)
        for target in paths:
            target.unlink()
        index += batch
        target_index += 1
    attached = time.perf_counter() - start
    attachments.extract_pending(db)
    extracted = time.perf_counter() - start - attached
    asked, asked_without = questions(db), questions(db_without)
    for name, ask in asked.items():
        if name.startswith(f"search '{DOCUMENT_WORD}'"):
            continue  # different results with and without documents: timed against raw below
        times: tuple[list[float], list[float]] = ([], [])
        for _ in range(runs):  # best of runs (each after a warm-up), turn about
            times[0].append(best(1, ask))
            times[1].append(best(1, asked_without[name]))
        ours, without = min(times[0]), min(times[1])
        results.append(
            Result(
                f"{name}, {count:,} documents ({count * size / 1e6:,.0f} MB)",
                ours,
                without,
                "≤ 1.5× without + 2 ms",
                ours <= without * 1.5 + 0.002,
            )
        )
    db_without.dispose()

    # a word in DOCUMENT_HITS documents: the page and which document matched on it, against
    # raw sqlite3 asking the same FTS questions of the same tables
    def found_in_documents() -> list[Any]:
        _total, rows = asked[f"search '{DOCUMENT_WORD}' (count + page)"]()
        return attachments.matching_documents(db, DOCUMENT_WORD, [r.id for r in rows])

    ours = best(runs, found_in_documents)
    hits = found_in_documents()
    matched = portfolio_query.count(db, PortfolioFilter(search=DOCUMENT_WORD))
    assert len(hits) == DOCUMENT_HITS, hits  # every one on the first page
    connection = raw_connect(copy)
    matching = matching_ids_sql("sqlite", DOCUMENT_WORD)
    documents = matching_documents_sql("sqlite", DOCUMENT_WORD)
    assert matching is not None and documents is not None

    def raw_found() -> list[Any]:
        sql, params = matching
        where = f"WHERE i.id IN ({sql})"
        connection.execute(f"SELECT count(*) FROM initiative i {where}", params).fetchone()
        rows = connection.execute(
            f"SELECT {ROW_COLUMNS} FROM initiative i {where} ORDER BY i.reference LIMIT {PAGE}",
            params,
        ).fetchall()
        marks = ",".join(str(r[0]) for r in rows)
        return connection.execute(
            f"SELECT a.id, a.initiative_id, a.name FROM attachment a WHERE a.id IN ({documents[0]})"
            f" AND a.initiative_id IN ({marks}) ORDER BY a.id",
            documents[1],
        ).fetchall()

    raw = best(runs, raw_found)
    connection.close()
    results.append(
        Result(
            f"search '{DOCUMENT_WORD}' (in {DOCUMENT_HITS} documents; + which matched)",
            ours,
            raw,
            "≤ 1.5× raw + 2 ms",
            ours <= raw * 1.5 + 0.002,
        )
    )
    print(
        f"attached {count:,} documents in {attached:.1f} s, extracted their words in "
        f"{extracted:.1f} s; {matched} initiatives hold '{DOCUMENT_WORD}' (in documents only)"
    )
    db.dispose()
    shutil.rmtree(files, ignore_errors=True)


def import_metric(folder: Path, count: int, results: list[Result], runs: int = 3) -> None:
    """JSON import into an empty database against raw sqlite3 inserting the same rows, each
    the best of `runs` (alternating, so both see the same machine)."""
    from coprod_desktop.services import exchange
    from coprod_desktop.store.migrate import open_database

    document = generate.interchange(count)
    ours_times: list[float] = []
    raw_times: list[float] = []
    created = 0
    for _ in range(max(runs, 1)):
        target = folder / "import.sqlite"
        for suffix in ("", "-wal", "-shm"):
            Path(str(target) + suffix).unlink(missing_ok=True)
        db = open_database(str(target))
        copy = json.loads(json.dumps(document))  # the import fills in references in place
        start = time.perf_counter()
        result = exchange.import_document(db, copy)
        ours_times.append(time.perf_counter() - start)
        created = result.created
        db.dispose()

        # raw: the same rows with executemany into an empty copy of the schema
        empty = folder / "import-raw.sqlite"
        for suffix in ("", "-wal", "-shm"):
            Path(str(empty) + suffix).unlink(missing_ok=True)
        fresh = open_database(str(empty))
        fresh.dispose()
        connection = sqlite3.connect(empty)
        start = time.perf_counter()
        raw_insert(connection, document)
        raw_times.append(time.perf_counter() - start)
        connection.close()
    ours = created / min(ours_times)
    raw = len(document["initiatives"]) / min(raw_times)
    results.append(
        Result(
            f"JSON import, {count:,} initiatives with children",
            ours,
            raw,
            "≥ 5,000/s and ≥ 0.5× raw",
            ours >= 5000 and ours >= 0.5 * raw,
            unit="/s",
        )
    )


def raw_insert(connection: sqlite3.Connection, document: dict[str, Any]) -> None:
    """Insert an interchange document's rows as plainly as sqlite3 can (no checks)."""
    with connection:
        keys: dict[str, int] = {}
        for index, s in enumerate(document["stakeholders"], start=1):
            keys[s["key"]] = index
        connection.executemany(
            "INSERT INTO stakeholder (id, name, kind, is_person, created_at, updated_at, version)"
            " VALUES (?, ?, ?, ?, '2026-11-01', '2026-11-01', 1)",
            [
                (keys[s["key"]], s["name"], s["kind"], s["is_person"])
                for s in document["stakeholders"]
            ],
        )
        initiatives, involvements, pressures, journal, resources, mandates = [], [], [], [], [], []
        for ident, item in enumerate(document["initiatives"], start=1):
            initiatives.append(
                (ident, f"CP-2026-{ident:06d}", item["title"], item.get("summary"),
                 item.get("description"), item["sector"], item.get("area"), item["status"],
                 item.get("type"), "[]")
            )  # fmt: skip
            for x in item["stakeholders"]:
                involvements.append((ident, keys[x["stakeholder"]], x["role"]))
            for x in item["mandates"]:
                mandates.append((ident, x["level"], x["clarity"]))
            for x in item["cross_pressures"]:
                pressures.append((ident, x["category"], x["severity"], x["status"]))
            for x in item["journal"]:
                journal.append((ident, x["date"], x["kind"], x["summary"]))
            for x in item["resources"]:
                resources.append((ident, x["kind"], x["amount"], x["unit"]))
        connection.executemany(
            "INSERT INTO initiative (id, reference, title, summary, description, sector, area,"
            " status, type, public_values, created_at, updated_at, version)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '2026-11-01', '2026-11-01', 1)",
            initiatives,
        )
        connection.executemany(
            "INSERT INTO involvement (initiative_id, stakeholder_id, role) VALUES (?, ?, ?)",
            involvements,
        )
        connection.executemany(
            "INSERT INTO mandate (initiative_id, level, clarity) VALUES (?, ?, ?)", mandates
        )
        connection.executemany(
            "INSERT INTO cross_pressure (initiative_id, category, severity, status)"
            " VALUES (?, ?, ?, ?)",
            pressures,
        )
        connection.executemany(
            "INSERT INTO journal_entry (initiative_id, date, kind, summary) VALUES (?, ?, ?, ?)",
            journal,
        )
        connection.executemany(
            "INSERT INTO resource_entry (initiative_id, kind, amount, unit) VALUES (?, ?, ?, ?)",
            resources,
        )
        connection.executemany(
            "INSERT INTO initiative_fts (rowid, body) VALUES (?, ?)",
            [(row[0], " ".join(str(p) for p in row[1:5] if p)) for row in initiatives],
        )


# ---------------------------------------------------------------- output


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def print_table(results: list[Result]) -> None:
    headers = ["metric", "ours", "raw", "ratio", "goal", "holds?"]
    rows = [r.cells() for r in results]
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(headers)]
    line = "  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True))
    print(line)
    print("  ".join("-" * w for w in widths))
    for row in rows:
        print("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)))


GROUPS = ("gui", "reports", "dashboard", "processes", "import", "attachments")


def chosen(args: argparse.Namespace, group: str) -> bool:
    """Whether a metric group runs: all of them unless --only names some. With --only, the
    last line says whether the goals of the groups that ran are met."""
    return args.only is None or group in args.only


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--initiatives", type=int, default=10_000, metavar="N")
    parser.add_argument("--keep", type=Path, help="folder to keep (and reuse) the databases in")
    parser.add_argument("--runs", type=int, default=5, help="timed runs of in-process metrics")
    parser.add_argument(
        "--import-count", type=int, default=10_000, help="initiatives in the import test"
    )
    parser.add_argument(
        "--attachments",
        type=int,
        default=0,
        metavar="N",
        help="also measure with N attached documents (e.g. 10000; 0: skip)",
    )
    parser.add_argument(
        "--attachment-size", type=int, default=100_000, help="bytes per attached document"
    )
    parser.add_argument(
        "--only",
        type=lambda text: {part.strip() for part in text.split(",") if part.strip()},
        default=None,
        metavar="NAME[,NAME]",
        help=f"run only these metric groups ({', '.join(GROUPS)})",
    )
    parser.add_argument(
        "--import-runs", type=int, default=3, help="timed runs of the import metric (best of)"
    )
    args = parser.parse_args()
    if args.only and not args.only <= set(GROUPS):
        parser.error(f"--only: unknown group(s) {', '.join(sorted(args.only - set(GROUPS)))}")
    folder = args.keep or Path(tempfile.mkdtemp(prefix="coprod-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    os.environ["COPROD_DATA_DIR"] = str(folder / "data")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    path = folder / f"portfolio-{args.initiatives}.sqlite"
    if not path.exists():
        generate.build(path, args.initiatives)
    size = path.stat().st_size / 1e6

    results: list[Result] = []
    gui_rss = board_rss = 0.0
    app_rss: list[float] = []
    if chosen(args, "gui"):
        gui_rss = gui_metrics(path, args.runs, results)
    if chosen(args, "reports"):
        report_metrics(path, args.runs, results)
    if chosen(args, "dashboard"):
        dashboard_metric(path, args.runs, results)
        board_rss = dashboard_rss(path, env)
    if chosen(args, "processes"):
        # Whole processes run from compiled bytecode, as an installed app does (pip compiles
        # at install); a checkout under PYTHONDONTWRITEBYTECODE=1 would recompile the package
        # in every process and measure that instead.
        compileall.compile_dir(ROOT / "coprod_desktop", quiet=1)
        app_rss = process_metrics(path, folder, env, results)
    if chosen(args, "import"):
        import_metric(
            folder,
            min(args.import_count, max(args.initiatives, 500)),
            results,
            args.import_runs,
        )
    if args.attachments and chosen(args, "attachments"):
        attachment_metrics(path, folder, args.runs, args.attachments, args.attachment_size, results)
    # the median of three starts: one start can differ for reasons of its own (the first
    # opening of a day also takes the automatic daily backup)
    median_rss = sorted(app_rss)[len(app_rss) // 2] if app_rss else 0.0
    holds_rss = max(median_rss, board_rss) < 400
    if chosen(args, "processes") or chosen(args, "dashboard"):
        results.append(
            Result(
                "peak RSS, coprod-desktop with the portfolio open", 0, None, "< 400 MB", holds_rss
            )
        )

    load = os.getloadavg()
    print()
    print(
        f"{args.initiatives:,} initiatives ({size:.0f} MB) in {path}; {os.cpu_count()} CPUs; "
        f"load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}"
    )
    rss_metric = "peak RSS, coprod-desktop with the portfolio open"
    print_table([r for r in results if r.metric != rss_metric])
    painted = [r for r in results if r.raw_painted]
    if painted:
        print()
        print(
            '"+ Qt": raw sqlite3 plus the same rows painted by a plain QStandardItemModel in a'
            " QTableView of the same size, in this run (the baseline of issue 22); raw alone:"
        )
        for r in painted:
            assert r.raw_painted and r.raw
            print(f"  {r.metric}: {r.raw * MS:.1f} ms (ours {r.ours / r.raw:.1f}× that)")
    office = next((r for r in results if r.metric.startswith("LibreOffice")), None)
    if office is not None and office.ours:
        print()
        print(
            f"LibreOffice printing a CSV of the same {generate.MARKED_PLACE} rows to PDF "
            f"(cold, a fresh profile each run, best of 3): {office.ours * MS:,.0f} ms; ours:"
        )
        for r in results:
            if r.metric.startswith(("coprod report portfolio", "coprod list --search")):
                print(f"  {r.metric}: {r.ours * MS:,.0f} ms, {r.ours / office.ours:.2f}× that")
    timed = [r for r in results if r.cpu is not None]
    if timed:
        print()
        print("CPU time (user + system) of the same whole processes, least of 3 (the wall clock")
        print("above also counts waiting for a core when the machine is busy):")
        for r in timed:
            assert r.cpu is not None
            raw_cpu = f"; raw {r.cpu[1] * MS:,.0f} ms" if r.cpu[1] is not None else ""
            print(f"  {r.metric}: {r.cpu[0] * MS:,.0f} ms{raw_cpu}")
    if chosen(args, "processes") or chosen(args, "dashboard"):
        print()
        each = ", ".join(f"{mb:.0f}" for mb in app_rss) or "not measured"
        print(
            f"peak RSS: coprod-desktop with the portfolio open {median_rss:.0f} MB, the median"
            f" of three starts ({each} MB); with the dashboard shown {board_rss:.0f} MB"
            f" (goal < 400 MB: {'yes' if holds_rss else 'NO'}); this benchmark's GUI part"
            f" {gui_rss:.0f} MB"
        )
    if not args.keep:
        shutil.rmtree(folder, ignore_errors=True)
    scope = f" (only {', '.join(sorted(args.only))})" if args.only else ""
    print(f"all goals met{scope}: {'yes' if all(r.holds for r in results) else 'no'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
