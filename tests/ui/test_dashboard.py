"""The dashboard (click-through to the portfolio), the attention filter, thresholds, completeness."""

from __future__ import annotations

import json
from collections import Counter

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QDialog

from coprod_desktop import cli
from coprod_desktop.services.settings import load_settings
from coprod_desktop.ui.dialogs import SettingsDialog
from coprod_desktop.ui.portfolio_view import COLUMNS
from tests.core.services import dashboard_reference
from tests.ui.helpers import save_and_wait


def column(key: str) -> int:
    return [c for c, _ in COLUMNS].index(key)


@pytest.fixture
def coprod_list(window, capsys):  # type: ignore[no-untyped-def]
    """`coprod list … --format json` on the window's database, as a list of dicts."""

    def run(*args: str) -> list[dict]:  # type: ignore[type-arg]
        capsys.readouterr()
        code = cli.main(["--db", str(window.db.path), "list", *args, "--format", "json"])
        assert code == 0
        return json.loads(capsys.readouterr().out)

    return run


def open_dashboard(window, qtbot):  # type: ignore[no-untyped-def]
    view = window.analysis_views.show_dashboard()
    qtbot.waitUntil(lambda: view.data is not None, timeout=10000)
    assert window.workspace.currentWidget() is view
    return view


def click(qtbot, chart, bar: str, series: str | None) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=chart.point_of(bar, series).toPoint())


def shown_ids(window) -> list[int]:  # type: ignore[no-untyped-def]
    model = window.portfolio.model
    while model.canFetchMore():
        model.fetchMore()
    return sorted(r.id for r in model.rows)


def test_clicking_a_matrix_cell_shows_exactly_what_coprod_list_returns(window, qtbot, coprod_list):
    view = open_dashboard(window, qtbot)
    chart = view.charts["type_sector"]
    click(qtbot, chart, "planning_environment", "co_management")
    assert window.workspace.currentWidget() is window.portfolio
    expected = sorted(
        r["id"] for r in coprod_list("--type", "co_management", "--sector", "planning_environment")
    )
    assert expected and shown_ids(window) == expected
    bar = window.portfolio.scope_bar
    assert bar.isVisible()
    assert "Planning" in window.portfolio.scope_label.text()
    assert "Co-management" in window.portfolio.scope_label.text()
    window.portfolio.scope_clear.click()
    assert not bar.isVisible()
    assert len(shown_ids(window)) == 16


def test_every_number_on_the_dashboard_agrees_with_coprod_list(window, qtbot, coprod_list):
    view = open_dashboard(window, qtbot)
    listed = coprod_list()
    cells = Counter((r["sector"], r["type"] or "unclassified") for r in listed)
    segments = {
        (h.bar, h.series): h.value for h in view.charts["type_sector"].hit_areas if h.series
    }
    assert segments == {key: float(count) for key, count in cells.items()}
    origins = Counter(r["origin"] or "unknown" for r in listed)
    bars = {h.bar: h.value for h in view.charts["origins"].hit_areas if h.series is None}
    assert bars == {key: float(count) for key, count in origins.items()}
    signals = Counter(key for r in listed for key in r["attention"])
    bars = {h.bar: h.value for h in view.charts["signals"].hit_areas if h.series is None}
    assert bars == {key: float(count) for key, count in signals.items()}
    assert [e.reference for e in view.data.attention] != []
    assert {e.reference for e in view.data.attention} == {
        r["reference"] for r in listed if r["attention"]
    }
    # each pressure category's bar leads to the initiatives `--pressure CATEGORY` lists
    for hit in view.charts["pressures"].hit_areas:
        if hit.series is None:
            expected = sorted(r["id"] for r in coprod_list("--pressure", hit.bar))
            assert sorted(view.data.ids_for("pressures", hit.bar, None)) == expected
    total_open = sum(r["open_pressures"] for r in listed)
    assert f"{total_open} open cross-pressures" in view.summary.text()


def test_a_severity_segment_and_an_attention_entry_click_through(window, qtbot):
    view = open_dashboard(window, qtbot)
    chart = view.charts["pressures"]
    hit = next(h for h in chart.hit_areas if h.series == "3")
    click(qtbot, chart, hit.bar, "3")
    shown = shown_ids(window)
    assert shown == sorted(view.data.ids_for("pressures", hit.bar, "3"))
    for row in window.portfolio.model.rows:
        from coprod_desktop.services import initiatives

        data = initiatives.get_initiative(window.db, row.id)
        assert any(
            p.category == hit.bar and p.severity == 3 and p.status != "resolved"
            for p in data.cross_pressures
        )
    window.analysis_views.show_dashboard()
    model = view.attention_list.model()
    first = model.index(0, 0)
    assert first.data() == "High"
    reference = model.index(0, 1).data()
    rect = view.attention_list.visualRect(first)
    qtbot.mouseClick(view.attention_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert [r.reference for r in window.portfolio.model.rows] == [reference]
    window.analysis_views.show_dashboard()
    qtbot.mouseDClick(view.attention_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    editor = window.current_editor()
    assert editor is not None and editor.data.reference == reference


def test_dashboard_in_danish_uses_danish_labels(window, qtbot):
    window.switch_language("da")
    view = open_dashboard(window, qtbot)
    assert "initiativer" in view.summary.text()
    assert view.bar_label("type_sector", "harbours", "co_management") == "Havne · Samstyring"


def test_attention_filter_matches_coprod_list_attention(window, coprod_list):
    bar = window.portfolio.filters
    bar.attention.setCurrentIndex(bar.attention.findData("stale_pressure"))
    expected = sorted(r["id"] for r in coprod_list("--attention", "stale_pressure"))
    assert expected and shown_ids(window) == expected
    bar.attention.setCurrentIndex(bar.attention.findData("any"))
    assert shown_ids(window) == sorted(r["id"] for r in coprod_list("--attention", "any"))
    bar.attention.setCurrentIndex(0)
    assert len(shown_ids(window)) == 16
    labels = [bar.attention.itemText(i) for i in range(bar.attention.count())]
    assert "No mandate" in labels and "no_mandate" not in labels


def test_thresholds_in_settings_change_the_attention_marker(window, monkeypatch):
    model = window.portfolio.model
    refs = [r.reference for r in model.rows]
    row = refs.index("CP-2024-001")  # its last journal entry is 38 days old
    assert model.index(row, column("attention")).data() == ""

    def answer(dialog: SettingsDialog) -> int:
        dialog.stale_journal.setValue(30)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(SettingsDialog, "exec", answer)
    window.actions_by_name["settings"].trigger()
    assert load_settings().stale_journal_days == 30
    row = [r.reference for r in model.rows].index("CP-2024-001")
    assert model.index(row, column("attention")).data() == "1"
    tooltip = model.tooltip(model.index(row, column("attention")))  # what the table shows
    assert tooltip is not None and "30 days" in tooltip
    again = SettingsDialog()
    assert again.stale_journal.value() == 30
    again.deleteLater()


def test_completeness_column(window):
    model = window.portfolio.model
    refs = [r.reference for r in model.rows]
    assert model.index(refs.index("CP-2024-001"), column("completeness")).data() == "100 %"
    assert model.index(refs.index("CP-2026-002"), column("completeness")).data() == "81 %"


class RecordingProgress:
    """Stands in for the worker's Progress: counts the checks, cancels when told to."""

    def __init__(self, cancel_after: int | None = None) -> None:
        self.checks = 0
        self.cancel_after = cancel_after

    def report(self, done: int, total: int) -> None:
        pass

    def check(self) -> None:
        from coprod_desktop.ui.background import Cancelled

        self.checks += 1
        if self.cancel_after is not None and self.checks > self.cancel_after:
            raise Cancelled()


def test_the_dashboards_figures_are_the_python_references(window):
    """What the database counts is what streaming every initiative through Python gives."""
    from coprod_desktop.ui import dashboard

    data = dashboard.compute(window.db)
    reference = dashboard_reference.python_figures(window.db, data.today, data.thresholds)
    assert data.figures.count == 16
    assert data.cells == reference.figures.cells
    for chart, table in reference.ids.items():
        for (bar, series), ids in table.items():
            assert sorted(data.ids_for(chart, bar, series)) == sorted(ids), (chart, bar, series)
    assert data.signal_counts == reference.figures.signal_counts
    assert data.phase_counts == reference.figures.phase_counts
    assert data.commitments == reference.figures.commitments
    assert [(e.id, e.signals) for e in data.attention] == [
        (e.id, e.signals) for e in reference.attention
    ]
    assert data.figures.open_pressures == reference.figures.figures.open_pressures
    assert data.figures.type_by_sector == reference.figures.figures.type_by_sector


def test_computing_the_figures_stops_when_cancelled(window):
    from coprod_desktop.ui import dashboard
    from coprod_desktop.ui.background import Cancelled

    progress = RecordingProgress(cancel_after=2)
    with pytest.raises(Cancelled):
        dashboard.compute(window.db, progress=progress)  # type: ignore[arg-type]
    assert progress.checks == 3  # it stopped at the third query, not after all of them


def test_the_dashboard_shows_its_progress_and_can_be_stopped(window, qtbot):
    view = window.analysis_views.show_dashboard()
    assert view.working()
    assert view.stop_button.isVisible() and view.progress_label.isVisible()
    assert "Working out the figures" in view.progress_label.text()
    view._progress(2000, 100000)
    done, total = QLocale().toString(2000), QLocale().toString(100000)
    assert f"{done} of {total} initiatives" in view.progress_label.text()
    view.stop_button.click()  # before the worker's result came back
    assert not view.working() and not view.stop_button.isVisible()
    assert "Stopped" in view.summary.text()
    assert view.refresh_button.isEnabled()
    window.reader.wait()
    qtbot.wait(50)
    assert view.data is None  # the stopped work's result is dropped
    view.refresh_button.click()
    qtbot.waitUntil(lambda: view.data is not None, timeout=10000)
    assert not view.stop_button.isVisible() and not view.progress_label.isVisible()
    assert "16 initiatives" in view.summary.text()


def test_a_save_does_not_wait_behind_the_dashboards_figures(window, qtbot, monkeypatch):
    """The figures of a large portfolio take long; they run on a reader of their own."""
    import threading

    from coprod_desktop.services import initiatives
    from coprod_desktop.ui import dashboard

    release = threading.Event()
    real_work = dashboard.DashboardView._work

    def slow_work(db, progress):  # type: ignore[no-untyped-def]
        release.wait(20)  # stands for half a minute of figures at 100,000 initiatives
        return real_work(db, progress)

    monkeypatch.setattr(dashboard.DashboardView, "_work", staticmethod(slow_work))
    view = window.analysis_views.show_dashboard()
    assert view.working()
    try:
        ident = initiatives.get_initiative(window.db, "CP-2024-002").id
        editor = window.open_initiative(ident)
        editor.title.setText("Oplev Sønderbybugten – nyt navn")
        editor.title.editingFinished.emit()
        assert save_and_wait(qtbot, editor)  # while the figures are still being worked out
        assert view.working()
        saved = initiatives.get_initiative(window.db, "CP-2024-002")
        assert saved.title == "Oplev Sønderbybugten – nyt navn"
    finally:
        release.set()
    qtbot.waitUntil(lambda: view.data is not None, timeout=10000)


def test_dashboard_on_a_portfolio_with_thirty_thousand_initiatives_needing_attention(
    qtbot, tmp_path
):
    """The issue's reproduction: one widget item (and several Qt setter calls) per initiative
    ended the program on PySide6 6.12.0 with Python 3.11; the list is now a lazy model."""
    from coprod_desktop.store.migrate import open_database
    from tests.benchmarks import generate
    from tests.ui.helpers import main_window

    path = tmp_path / "large.sqlite"
    generate.build(path, 48_000, quiet=True)
    db = open_database(str(path), user="tester")
    try:
        with main_window(qtbot, db) as win:
            view = win.analysis_views.show_dashboard()
            qtbot.waitUntil(lambda: view.data is not None, timeout=180_000)
            model = view.attention_list.model()
            assert model.rowCount() == len(view.data.attention) >= 30_000
            view.attention_list.scrollToBottom()
            last = model.index(model.rowCount() - 1, 1)
            assert last.data() and view.attention_list.visualRect(last).isValid()
            view.grab()  # paints the rows in view
    finally:
        db.dispose()
