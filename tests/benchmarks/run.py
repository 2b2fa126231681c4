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

    def cells(self) -> list[str]:
        if self.unit == "/s":
            ours = f"{self.ours:,.0f}/s"
            raw = f"{self.raw:,.0f}/s" if self.raw else "—"
            ratio = f"{self.raw / self.ours:.1f}×" if self.raw and self.ours else "—"
        else:
            base = self.raw_painted if self.raw_painted is not None else self.raw
            ours = f"{self.ours * MS:.0f} ms"
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

    from coprod_desktop.domain.analysis import Thresholds
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
    from coprod_desktop.ui.portfolio import COLUMNS, PortfolioView

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
        all three meet the same moments of a busy machine."""
        ours: list[float] = []
        baseline: list[float] = []
        alone: list[float] = []
        for index in range(3 * runs + 1):
            for times, timed in (
                (ours, action),
                (baseline, lambda: plain(question())),
                (alone, question),
            ):
                if setup is not None and timed is action:
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

    def first_screen() -> None:
        db = open_database(str(path))
        state["db"] = db
        view.set_database(db)
        shown()

    def raw_first() -> list[Any]:
        connection = raw_connect(path)
        rows = raw_page(connection)
        connection.close()
        return rows

    results.append(
        against_raw(
            "portfolio first screen (open → 50 rows shown)", first_screen, raw_first, close_db
        )
    )
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
    from coprod_desktop.ui import settings as prefs
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


def dashboard_metric(path: Path, results: list[Result]) -> None:
    """The dashboard's figures for the whole portfolio (what its first paint waits for)."""
    from coprod_desktop.store.migrate import open_database
    from coprod_desktop.ui import dashboard

    db = open_database(str(path))
    ours = best(1, lambda: dashboard.compute(db))
    db.dispose()
    connection = raw_connect(path)

    def raw_figures() -> None:  # a few of the same counts, grouped in SQL
        connection.execute(
            "SELECT type, sector, status, origin, count(*) FROM initiative"
            " GROUP BY type, sector, status, origin"
        ).fetchall()
        connection.execute(
            "SELECT category, severity, count(*) FROM cross_pressure"
            " WHERE status != 'resolved' GROUP BY category, severity"
        ).fetchall()

    raw = best(3, raw_figures)
    connection.close()
    results.append(Result("dashboard figures, whole portfolio", ours, raw, "< 1.0 s", ours < 1.0))


def report_metrics(path: Path, runs: int, results: list[Result]) -> None:
    from coprod_desktop import reports
    from coprod_desktop.reports.base import BriefSettings
    from coprod_desktop.services import portfolio
    from coprod_desktop.services.portfolio import PortfolioFilter
    from coprod_desktop.store.migrate import open_database

    db = open_database(str(path))
    settings = BriefSettings(municipality_name="Sønderby Kommune", author="bench", lang="da")
    flt = PortfolioFilter(search=generate.MARKED_PLACE)
    chosen = [row.id for row in portfolio.rows(db, flt)]
    ident = chosen[0]
    ours = best(runs, lambda: reports.initiative_brief(db, ident, settings))
    connection = raw_connect(path)

    def raw_brief() -> None:
        connection.execute("SELECT * FROM initiative WHERE id = ?", (ident,)).fetchone()
        raw_children(connection, [ident])

    raw = best(runs, raw_brief)
    results.append(Result("initiative brief PDF (in-process)", ours, raw, "< 150 ms", ours < 0.15))

    ours = best(max(2, runs // 2), lambda: reports.portfolio_review(db, flt, settings))
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
    large = PortfolioFilter(ids=tuple(portfolio.ids(db)[:10_000]))
    steps: list[int] = []
    ours = best(
        1,
        lambda: reports.portfolio_review(
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


def run_process(command: list[str], env: dict[str, str], timeout: float = 120) -> float:
    start = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=timeout)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stderr}")
    return elapsed


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

    output = folder / "portfolio.pdf"
    report = [*coprod, "report", "portfolio", "--search", word, "-o", str(output)]
    ours = min(run_process(report, env) for _ in range(3))
    review_sql = f"SELECT i.* FROM initiative i WHERE {where} ORDER BY i.reference"
    raw = raw_process(path, review_sql, params, env)
    results.append(
        Result("coprod report portfolio, 500 initiatives", ours, raw, "< 1.0 s", ours < 1.0)
    )

    listing = [*coprod, "list", "--search", word]
    ours = min(run_process(listing, env) for _ in range(3))
    list_sql = f"SELECT {ROW_COLUMNS} FROM initiative i WHERE {where} ORDER BY i.reference"
    raw = raw_process(path, list_sql, params, env)
    results.append(Result(f"coprod list --search {word}", ours, raw, "< 1.0 s", ours < 1.0))

    # the table of every initiative without a mandate, with each one's number of signals
    listing = [*coprod, "list", "--attention", "no_mandate"]
    ours = min(run_process(listing, env) for _ in range(3))
    flagged, flagged_params = attention_where("no_mandate")
    raw = raw_process(
        path,
        f"SELECT {ROW_COLUMNS} FROM initiative i WHERE {flagged} ORDER BY i.reference",
        flagged_params,
        env,
        children=(),
    )
    results.append(Result("coprod list --attention no_mandate", ours, raw, "< 1.0 s", ours < 1.0))
    return rss


# ---------------------------------------------------------------- import


def attachment_metrics(
    path: Path, folder: Path, runs: int, count: int, size: int, results: list[Result]
) -> None:
    """The portfolio page, a search, opening an initiative and a brief, on a copy of the
    portfolio before and after `count` documents of `size` bytes are attached (their words
    extracted): with them each must stay within 1.5× (+ 2 ms) of the time without."""
    import random

    from coprod_desktop import reports
    from coprod_desktop.reports.base import BriefSettings
    from coprod_desktop.services import attachments, initiatives, portfolio
    from coprod_desktop.services.portfolio import PortfolioFilter
    from coprod_desktop.store.backups import backup_sqlite
    from coprod_desktop.store.migrate import open_database

    copy = folder / "attachments.sqlite"
    for suffix in ("", "-wal", "-shm"):
        Path(str(copy) + suffix).unlink(missing_ok=True)
    backup_sqlite(path, copy)
    db = open_database(str(copy))
    ids = portfolio.ids(db, PortfolioFilter())
    first = ids[0]
    settings = BriefSettings.from_environment("en")
    questions: dict[str, Callable[[], Any]] = {
        "portfolio first page": lambda: portfolio.rows(db, PortfolioFilter(), limit=PAGE),
        "search (one word)": lambda: portfolio.rows(db, PortfolioFilter(search="havn"), limit=PAGE),
        "open an initiative": lambda: initiatives.get_initiative(db, first),
        "brief of an initiative": lambda: reports.initiative_brief(db, first, settings),
    }
    without = {name: best(runs, ask) for name, ask in questions.items()}
    rnd = random.Random(20)
    words = [
        "havn",
        "kaj",
        "ålegræs",
        "fisker",
        "borger",
        "møde",
        "plan",
        "budget",
        "tilladelse",
        "lokalplan",
    ]
    files = folder / "attachment-files"
    files.mkdir(exist_ok=True)
    start = time.perf_counter()
    for batch in range(0, count, 100):
        paths = []
        for index in range(batch, min(count, batch + 100)):
            target = files / f"doc{index}.txt"
            text = " ".join(rnd.choice(words) for _ in range(size // 8))
            target.write_bytes(text.encode()[:size])
            paths.append(target)
        attachments.attach_files(db, ids[(batch // 100) % len(ids)], paths)
        for target in paths:
            target.unlink()
    attachments.extract_pending(db)
    added = time.perf_counter() - start
    for name, ask in questions.items():
        ours = best(runs, ask)
        results.append(
            Result(
                f"{name} with {count:,} documents ({count * size / 1e6:,.0f} MB)",
                ours,
                without[name],
                "≤ 1.5× without",
                ours <= without[name] * 1.5 + 0.002,
            )
        )
    print(f"attached and extracted {count:,} documents in {added:.1f} s")
    db.dispose()
    shutil.rmtree(files, ignore_errors=True)


def import_metric(folder: Path, count: int, results: list[Result]) -> None:
    from coprod_desktop.services import exchange
    from coprod_desktop.store.migrate import open_database

    document = generate.interchange(count)
    target = folder / "import.sqlite"
    for suffix in ("", "-wal", "-shm"):
        Path(str(target) + suffix).unlink(missing_ok=True)
    db = open_database(str(target))
    start = time.perf_counter()
    result = exchange.import_document(db, document)
    ours = result.created / (time.perf_counter() - start)
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
    raw = len(document["initiatives"]) / (time.perf_counter() - start)
    connection.close()
    results.append(
        Result(
            f"JSON import, {count:,} initiatives with children",
            ours,
            raw,
            "≥ 5,000/s",
            ours >= 5000,
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


PARTS = ("gui", "reports", "dashboard", "processes", "import")


def chosen_parts(only: str | None) -> set[str]:
    """The parts of the benchmark `--only NAME[,NAME]` asks for (every part without it)."""
    if not only:
        return set(PARTS)
    names = {name.strip() for name in only.split(",") if name.strip()}
    unknown = names - set(PARTS)
    if unknown:
        raise SystemExit(
            f"--only: unknown {', '.join(sorted(unknown))} (one of {', '.join(PARTS)})"
        )
    return names


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
        "--only", metavar="NAME[,NAME]", help=f"only these parts: {', '.join(PARTS)}"
    )
    args = parser.parse_args()
    parts = chosen_parts(args.only)
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
    gui_rss = gui_metrics(path, args.runs, results) if "gui" in parts else 0.0
    if "reports" in parts:
        report_metrics(path, args.runs, results)
    if "dashboard" in parts:
        dashboard_metric(path, results)
    app_rss: list[float] = []
    if "processes" in parts:
        # Whole processes run from compiled bytecode, as an installed app does (pip compiles
        # at install); a checkout under PYTHONDONTWRITEBYTECODE=1 would recompile the package
        # in every process and measure that instead.
        compileall.compile_dir(ROOT / "coprod_desktop", quiet=1)
        app_rss = process_metrics(path, folder, env, results)
    if "import" in parts:
        import_metric(folder, min(args.import_count, max(args.initiatives, 500)), results)
    if args.attachments:
        attachment_metrics(path, folder, args.runs, args.attachments, args.attachment_size, results)
    # the median of three starts: one start can differ for reasons of its own (the first
    # opening of a day also takes the automatic daily backup)
    median_rss = sorted(app_rss)[len(app_rss) // 2] if app_rss else 0.0
    holds_rss = median_rss < 400
    if "processes" in parts:
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
    print_table([r for r in results if not r.metric.startswith("peak RSS")])
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
    print()
    each = ", ".join(f"{mb:.0f}" for mb in app_rss) or "not measured"
    print(
        f"peak RSS: coprod-desktop with the portfolio open {median_rss:.0f} MB, the median of "
        f"three starts ({each} MB; goal < 400 MB: {'yes' if holds_rss else 'NO'}); "
        f"this benchmark's GUI part {gui_rss:.0f} MB"
    )
    if not args.keep:
        shutil.rmtree(folder, ignore_errors=True)
    print(f"all goals met: {'yes' if all(r.holds for r in results) else 'no'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
