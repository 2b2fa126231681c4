"""The portfolio table: lazy model, SQL sorting and filtering, state, bulk changes."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAccessible, QHelpEvent
from PySide6.QtWidgets import QApplication, QInputDialog, QToolTip

from coprod_desktop.domain.errors import ConflictError
from coprod_desktop.services import initiatives, portfolio_assessment, portfolio_query
from coprod_desktop.services.portfolio_query import PortfolioFilter
from coprod_desktop.ui import portfolio_view as portfolio_ui
from coprod_desktop.ui import preferences as prefs
from coprod_desktop.ui.error_messages import plain
from coprod_desktop.ui.portfolio_view import COLUMNS, ROW_ID_ROLE, PortfolioModel, PortfolioView
from tests.ui.helpers import write_done


def column(key: str) -> int:
    return [c for c, _ in COLUMNS].index(key)


def shown_refs(view: PortfolioView) -> list[str]:
    return [r.reference for r in view.model.rows]


def test_model_shows_the_demo_portfolio(window, qtmodeltester):
    model = window.portfolio.model
    qtmodeltester.check(model)
    assert model.rowCount() == portfolio_query.count(window.db) == 16
    assert model.index(0, column("reference")).data() == "CP-2024-001"
    assert model.index(0, column("type")).data() == "Co-management"
    assert model.index(0, column("sector")).data() == "Harbours"


def test_model_fetches_lazily_in_pages(demo_db, monkeypatch, qtmodeltester):
    monkeypatch.setattr(portfolio_ui, "PAGE", 5)
    model = PortfolioModel()
    model.set_database(demo_db)
    assert model.rowCount() == 5
    assert model.canFetchMore()
    inserted: list[tuple[int, int]] = []
    model.rowsInserted.connect(lambda _parent, first, last: inserted.append((first, last)))
    model.fetchMore()
    assert model.rowCount() == 10
    assert inserted == [(5, 9)]  # one announcement per page: the status bar counts once
    assert model.index(7, column("reference")).data() == model.rows[7].reference
    qtmodeltester.check(model)
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == 16


def test_every_cell_of_every_page_reads_only_and_carries_its_roles(qtbot, demo_db, monkeypatch):
    """The first page (a reset) and the pages fetched after it: no cell is editable (a screen
    reader would announce it so), the number column holds numbers, the attention column says
    its signals, the first column the row's id."""
    monkeypatch.setattr(portfolio_ui, "PAGE", 5)
    model = PortfolioModel()
    model.set_database(demo_db)
    model.fetchMore()
    assert model.rowCount() == 10
    read_only = (
        Qt.ItemFlag.ItemIsSelectable
        | Qt.ItemFlag.ItemIsEnabled
        | Qt.ItemFlag.ItemIsDragEnabled
        | Qt.ItemFlag.ItemIsDropEnabled
    )
    right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    for row in range(model.rowCount()):
        listed = model.rows[row]
        for col in range(len(COLUMNS)):
            assert model.flags(model.index(row, col)) == read_only, (row, col)
        assert model.index(row, 0).data(ROW_ID_ROLE) == listed.id
        assert model.index(row, column("open_pressures")).data() == listed.open_pressures
        attention = model.index(row, column("attention"))
        spoken = attention.data(Qt.ItemDataRole.AccessibleTextRole)
        if attention.data():
            assert spoken.count("; ") == int(attention.data()) - 1
            assert attention.data(Qt.ItemDataRole.DecorationRole) is not None
        else:
            assert spoken == "No signals"
        alignment = model.index(row, column("completeness")).data(Qt.ItemDataRole.TextAlignmentRole)
        assert Qt.AlignmentFlag(alignment) == right
        assert model.index(row, column("completeness")).data().endswith(" %")


def test_a_screen_reader_hears_each_cell_as_read_only_text(window):
    view = window.portfolio
    view.table.resizeColumnsToContents()
    table = QAccessible.queryAccessibleInterface(view.table)
    cells = [
        table.child(i)
        for i in range(table.childCount())
        if table.child(i).role() == QAccessible.Role.Cell
    ]
    assert len(cells) == view.model.rowCount() * len(COLUMNS)
    assert not any(cell.state().editable for cell in cells)
    assert all(cell.state().selectable for cell in cells)
    first = view.model.rows[0]
    names = [cell.text(QAccessible.Text.Name) for cell in cells[: len(COLUMNS)]]
    assert names[column("reference")] == first.reference
    spoken = view.model.index(0, column("attention")).data(Qt.ItemDataRole.AccessibleTextRole)
    assert names[column("attention")] == spoken


def test_sorting_happens_in_sql(window):
    view = window.portfolio
    view.table.sortByColumn(column("title"), Qt.SortOrder.DescendingOrder)
    expected = [r.reference for r in portfolio_query.rows(window.db, sort="title", descending=True)]
    assert shown_refs(view) == expected
    assert view.model.sort_key == "title" and view.model.descending


def test_attention_filter_lists_the_flagged_at_once_and_combines_with_other_filters(window):
    view = window.portfolio
    flagged = portfolio_assessment.ids_with_attention(window.db, PortfolioFilter(), ["no_mandate"])
    assert flagged and len(flagged) < 16
    combo = view.filters.attention
    combo.setCurrentIndex(combo.findData("no_mandate"))
    # no background job: the signal is a condition in the query
    assert sorted(r.id for r in view.model.rows) == sorted(flagged)
    # ... that narrows together with the rest of the filter bar
    harbours = set(portfolio_query.ids(window.db, PortfolioFilter(sectors=("harbours",))))
    view.filters.sector.set_key("harbours")
    assert {r.id for r in view.model.rows} == set(flagged) & harbours
    view.filters.sector.set_key(None)
    combo.setCurrentIndex(combo.findData("any"))
    assert view.model.rowCount() == len(
        portfolio_assessment.ids_with_attention(window.db, PortfolioFilter(), ["any"])
    )
    combo.setCurrentIndex(0)
    assert view.model.rowCount() == 16


def test_type_filter_narrows_the_table(window):
    view = window.portfolio
    view.filters.type.set_key("coordination")
    assert view.model.rowCount() == portfolio_query.count(
        window.db, PortfolioFilter(types=("coordination",))
    )
    assert view.model.rowCount() < 16
    assert all(r.type == "coordination" for r in view.model.rows)


def test_sector_and_status_filters_combine(window):
    view = window.portfolio
    view.filters.sector.set_key("eldercare")
    view.filters.status.set_key("active")
    assert {(r.sector, r.status) for r in view.model.rows} == {("eldercare", "active")}


def test_pressure_and_origin_filters(window):
    view = window.portfolio
    view.filters.pressure.set_key("silo_structure")
    expected = portfolio_query.count(window.db, PortfolioFilter(pressures=("silo_structure",)))
    assert view.model.rowCount() == expected > 0
    view.filters.pressure.set_key(None)
    view.filters.origin.set_key("protest_response")
    assert all(r.origin == "protest_response" for r in view.model.rows)


def test_search_as_you_type_is_debounced(window, qtbot):
    view = window.portfolio
    qtbot.keyClicks(view.filters.search, "harbour")
    assert view.model.rowCount() == 16  # not yet: the search waits for a pause
    qtbot.waitUntil(lambda: view.model.rowCount() < 16, timeout=3000)
    assert view.model.rowCount() == portfolio_query.count(
        window.db, PortfolioFilter(search="harbour")
    )
    assert "CP-2024-001" in shown_refs(view)


def test_my_initiatives_uses_the_user_name(window):
    prefs.set_value("user/name", "Rasmus Skov")
    window.portfolio.filters.mine.setChecked(True)
    assert window.portfolio.model.rowCount() == 2
    assert {r.owner for r in window.portfolio.model.rows} == {"Rasmus Skov"}


def test_attention_marker_tooltip_lists_the_signals(window):
    model = window.portfolio.model
    row = shown_refs(window.portfolio).index("CP-2024-002")
    index = model.index(row, column("attention"))
    assert index.data() == "5"  # four from the demo's story, and no outcome after two years
    assert index.data(Qt.ItemDataRole.DecorationRole) is not None
    tooltip = hover_tooltip(window.portfolio.table, index)
    assert tooltip.count("•") == 5
    # a screen reader hears the signals' names
    assert index.data(Qt.ItemDataRole.AccessibleTextRole).count("; ") == 4


def hover_tooltip(table, index) -> str:
    """The tooltip the table shows when the mouse rests on a cell."""
    table.scrollTo(index)
    spot = table.visualRect(index).center()
    event = QHelpEvent(QEvent.Type.ToolTip, spot, table.viewport().mapToGlobal(spot))
    QApplication.sendEvent(table.viewport(), event)
    return QToolTip.text() if event.isAccepted() and QToolTip.isVisible() else ""


def test_a_long_title_shows_in_full_in_its_tooltip(window):
    view = window.portfolio
    view.resize(1000, 600)
    view.table.setColumnWidth(column("title"), 40)
    index = view.model.index(0, column("title"))
    assert hover_tooltip(view.table, index) == view.model.rows[0].title
    # a cell without signals has no attention tooltip
    quiet = next(r for r, row in enumerate(view.model.rows) if not view.model.signal_keys[row.id])
    assert hover_tooltip(view.table, view.model.index(quiet, column("attention"))) == ""


def test_hidden_columns_and_sort_are_remembered(window, qtbot):
    view = window.portfolio
    view.set_column_visible(column("owner"), False)
    view.table.sortByColumn(column("status"), Qt.SortOrder.DescendingOrder)
    again = PortfolioView()
    qtbot.addWidget(again)
    again.restore_state()
    assert again.table.horizontalHeader().isSectionHidden(column("owner"))
    assert again.model.sort_key == "status" and again.model.descending


def test_column_chooser_menu_toggles_a_column(window):
    menu = window.portfolio.column_menu()
    action = menu.actions()[column("sector")]
    action.setChecked(False)
    assert window.portfolio.table.horizontalHeader().isSectionHidden(column("sector"))
    assert "sector" in prefs.get_list("portfolio/hidden")


def test_enter_and_double_click_open_the_initiative(window, qtbot):
    table = window.portfolio.table
    table.setFocus()
    table.setCurrentIndex(window.portfolio.model.index(2, 0))
    qtbot.keyClick(table, Qt.Key.Key_Return)
    editor = window.current_editor()
    assert editor is not None and editor.data.reference == "CP-2024-003"
    index = window.portfolio.model.index(3, 1)
    table.doubleClicked.emit(index)
    assert window.current_editor().data.reference == "CP-2024-004"
    assert len(window.editors()) == 2


def test_bulk_status_change_of_the_selection(window, qtbot, monkeypatch):
    table = window.portfolio.table
    table.selectRow(0)
    table.selectionModel().select(
        window.portfolio.model.index(1, 0),
        table.selectionModel().SelectionFlag.Select | table.selectionModel().SelectionFlag.Rows,
    )
    ids = window.portfolio.selected_ids()
    assert len(ids) == 2
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("Paused", True))
    assert write_done(qtbot, window.bulk_status())
    for ident in ids:
        assert initiatives.get_initiative(window.db, ident).status == "paused"


def test_bulk_owner_change(window, qtbot, monkeypatch):
    window.portfolio.table.selectRow(4)
    ident = window.portfolio.selected_ids()[0]
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("Ny Ejer", True))
    assert write_done(qtbot, window.bulk_owner())
    assert initiatives.get_initiative(window.db, ident).owner == "Ny Ejer"


def _status_shown(window, ident: int) -> str:  # type: ignore[no-untyped-def]
    return next(r.status for r in window.portfolio.model.rows if r.id == ident)


def test_a_bulk_change_returns_at_once_and_the_portfolio_follows(
    window, qtbot, monkeypatch, held_write
):
    row = next(i for i, r in enumerate(window.portfolio.model.rows) if r.status != "paused")
    window.portfolio.table.selectRow(row)
    ident = window.portfolio.selected_ids()[0]
    monkeypatch.setattr(initiatives, "bulk_update", held_write.hold(initiatives.bulk_update))
    job = window.bulk_update(status="paused")
    assert job is not None and job.ok is None  # the action returned; the write is under way
    assert _status_shown(window, ident) != "paused"
    assert "changed" not in window.statusBar().currentMessage()
    held_write.release()
    assert write_done(qtbot, job) and job.result == 1
    assert _status_shown(window, ident) == "paused"  # the portfolio was reloaded
    assert window.statusBar().currentMessage() == "1 initiative changed"


def test_a_bulk_change_that_conflicts_says_so_plainly_and_changes_nothing(
    window, qtbot, monkeypatch, message_boxes
):
    window.portfolio.table.selectRow(0)
    ident = window.portfolio.selected_ids()[0]
    before = initiatives.get_initiative(window.db, ident).owner
    conflict = ConflictError("initiative", ident)
    monkeypatch.setattr(initiatives, "bulk_update", lambda *a, **k: (_ for _ in ()).throw(conflict))
    message_boxes.expect(1)
    assert not write_done(qtbot, window.bulk_update(owner="Ny Ejer"))
    assert message_boxes.problems() == [("warning", "Not saved", plain(conflict))]
    assert "changed" not in window.statusBar().currentMessage()
    assert initiatives.get_initiative(window.db, ident).owner == before


def test_a_bulk_change_finishing_after_another_portfolio_opened_leaves_that_one_alone(
    window, qtbot, monkeypatch, empty_db, held_write
):
    demo = window.db
    window.portfolio.table.selectRow(0)
    ident = window.portfolio.selected_ids()[0]
    monkeypatch.setattr(initiatives, "bulk_update", held_write.hold(initiatives.bulk_update))
    job = window.bulk_update(owner="Ny Ejer")
    window.set_database(empty_db)
    reloads: list[bool] = []
    monkeypatch.setattr(window.portfolio, "reload", lambda: reloads.append(True))
    held_write.release()
    assert write_done(qtbot, job)
    assert reloads == [] and window.portfolio.model.rowCount() == 0
    assert initiatives.get_initiative(demo, ident).owner == "Ny Ejer"


def test_status_bar_counts(window):
    assert "16 of 16 initiatives shown" in window.status_counts.text()
    window.portfolio.filters.type.set_key("empowerment")
    n = window.portfolio.model.rowCount()
    assert f"{n} of 16 initiatives shown" in window.status_counts.text()


def test_first_run_empty_state_loads_the_demo(empty_window, qtbot):
    view = empty_window.portfolio
    assert view.stack.currentWidget() is view.empty
    view.demo_button.click()
    qtbot.waitUntil(lambda: view.model.rowCount() == 16, timeout=15000)
    assert view.stack.currentWidget() is view.table_page


def test_empty_state_new_initiative_opens_an_editor(empty_window):
    empty_window.portfolio.new_button.click()
    editor = empty_window.current_editor()
    assert editor is not None and editor.data.id is None


def test_row_id_role(window):
    model = window.portfolio.model
    assert model.index(0, 0).data(ROW_ID_ROLE) == model.rows[0].id


def test_an_empty_result_says_so_and_one_button_clears_every_filter(window, qtbot):
    view = window.portfolio
    assert not view.no_match_bar.isVisibleTo(view)
    view.filters.sector.set_key("eldercare")
    view.filters.mine.setChecked(True)
    qtbot.keyClicks(view.filters.search, "no such words anywhere")
    qtbot.waitUntil(lambda: view.model.rowCount() == 0, timeout=3000)
    assert view.no_match_bar.isVisibleTo(view)
    assert view.no_match_label.text() == "No initiatives match these filters."
    view.clear_filters_button.click()
    assert view.model.rowCount() == 16
    assert not view.no_match_bar.isVisibleTo(view)
    assert not view.filters.is_filtering() and view.filters.search.text() == ""
    assert view.filters.sector.key() is None and not view.filters.mine.isChecked()


def test_the_attention_filter_words_no_filter_and_any_signal_apart(window):
    combo = window.portfolio.filters.attention
    assert combo.itemData(0) is None and combo.itemData(1) == "any"
    assert combo.itemText(0) == "Any attention"  # no filter, as "Any type" is
    assert combo.itemText(1) == "Needs attention (any signal)"


def test_danish_headers_and_labels_fit_even_after_english_widths_were_saved(qtbot, demo_db):
    from coprod_desktop.domain import vocab as v
    from coprod_desktop.ui import i18n
    from coprod_desktop.ui.main_window import MainWindow

    english = MainWindow()
    qtbot.addWidget(english)
    english.portfolio.table.horizontalHeader().resizeSection(7, 40)  # narrow, then remembered
    english.portfolio.save_state()
    i18n.set_language("da")
    win = MainWindow()
    qtbot.addWidget(win)
    win.set_database(demo_db)
    view = win.portfolio
    header = view.table.horizontalHeader()
    metrics = header.fontMetrics()
    for column, title in enumerate(view.model.headers()):
        if column != 1:  # the title column stretches and elides
            assert header.sectionSize(column) >= metrics.horizontalAdvance(title) + 12, title
    longest_status = max(metrics.horizontalAdvance(m.label("da")) for m in v.Status)
    assert header.sectionSize(4) >= longest_status + 8  # "Under forberedelse"
    win.stop_reading()
    win.background.wait()


def test_the_status_bar_count_belongs_to_the_portfolio_tab(window):
    window.show_portfolio()
    assert window.status_counts.isVisible()
    editor = window.new_initiative()
    assert window.workspace.currentWidget() is editor
    assert not window.status_counts.isVisible()  # not a count of a list that is not shown
    window.show_portfolio()
    assert window.status_counts.isVisible() and "of 16" in window.status_counts.text()
