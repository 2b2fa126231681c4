"""The main window builds its whole shell itself: every menu entry in its place, once, in
either language, and again after the window rebuilt itself in another language."""

from __future__ import annotations

from PySide6.QtWidgets import QMenu

from coprod_desktop.ui.main_window import MainWindow

FILE_MENU = [
    "new_initiative",
    "save",
    "close_tab",
    "",
    "new_database",
    "open_database",
    "connect_database",
    "recent",
    "backup",
    "restore_backup",
    "",
    "import",
    "export",
    "",
    "settings",
    "",
    "quit",
]
VIEW_MENU = [
    "show_my_work",
    "show_portfolio",
    "show_stakeholders",
    "show_dashboard",
    "review_mode",
    "show_persons",
    "retention_review",
    "columns",
    "",
    "refresh",
]
SHORTCUTS = {
    "show_my_work": "Ctrl+0",
    "show_portfolio": "Ctrl+1",
    "show_stakeholders": "Ctrl+2",
    "show_dashboard": "Ctrl+3",
    "review_mode": "Ctrl+4",
}


def _menu(window: MainWindow, index: int) -> list[str]:
    menu = window.menuBar().actions()[index].menu()
    assert isinstance(menu, QMenu)
    names = []
    for action in menu.actions():
        if action.isSeparator():
            names.append("")
        elif action.menu() is window.recent_menu:
            names.append("recent")
        elif action.menu() is window.columns_menu:
            names.append("columns")
        else:
            names.append(action.objectName())
    return names


def _check_shell(window: MainWindow) -> None:
    assert _menu(window, 0) == FILE_MENU
    assert _menu(window, 2) == VIEW_MENU
    for name, keys in SHORTCUTS.items():
        assert window.actions_by_name[name].shortcut().toString() == keys
    assert window.workspace.widget(0) is window.my_work
    assert window.workspace.widget(1) is window.portfolio
    banners = [window.connection.banner, window.read_only_banner]
    assert all(b is not None and b.parentWidget() is window.centralWidget() for b in banners)


def test_the_window_builds_its_menus_tabs_and_banners_in_both_languages(window):
    _check_shell(window)
    assert window.switch_language("da")
    try:
        _check_shell(window)
        assert window.actions_by_name["show_dashboard"].text() == "&Overblikstavle"
        assert window.actions_by_name["connect_database"].statusTip().startswith("Åbn")
    finally:
        window.switch_language("en")
    _check_shell(window)


def test_the_view_menu_opens_the_dashboard_and_review_mode_as_tabs(window, qtbot):
    window.actions_by_name["show_dashboard"].trigger()
    dashboard = window.analysis_views.dashboard
    assert dashboard is not None and window.workspace.currentWidget() is dashboard
    window.actions_by_name["review_mode"].trigger()
    review = window.analysis_views.review_mode
    assert review is not None and window.workspace.currentWidget() is review
    window.actions_by_name["show_my_work"].trigger()
    assert window.workspace.currentWidget() is window.my_work
    dashboard.stop()
    window.reader.wait()
