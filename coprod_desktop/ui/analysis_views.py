"""The View menu's Dashboard and Review mode as tabs of the main window's workspace.

The window builds the two menu actions and calls `show_dashboard` / `show_review_mode`; it hands
over the workspace, the long-read worker and what a click leads to (open an initiative, show
the portfolio scoped to the clicked bar)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QTabWidget

from coprod_desktop.ui.background import Background

if TYPE_CHECKING:
    from coprod_desktop.store.db import Database
    from coprod_desktop.ui.dashboard import DashboardView
    from coprod_desktop.ui.portfolio_view import PortfolioView
    from coprod_desktop.ui.reviews import ReviewMode


class AnalysisViews(QObject):
    """The dashboard and review-mode tabs: made on first use, forgotten when closed."""

    def __init__(
        self,
        parent: QObject,
        *,
        reader: Background,
        db_of: Callable[[], Database | None],
        open_initiative: Callable[[int], object],
        show_portfolio: Callable[[], None],
    ) -> None:
        super().__init__(parent)
        self.reader = reader
        self.db_of = db_of
        self.open_initiative = open_initiative
        self.show_portfolio = show_portfolio
        self.workspace: QTabWidget | None = None
        self.portfolio: PortfolioView | None = None
        self.dashboard: DashboardView | None = None
        self.review_mode: ReviewMode | None = None

    def rebuilt(self, workspace: QTabWidget, portfolio: PortfolioView) -> None:
        """The window (re)built its workspace: start without these tabs."""
        self.workspace = workspace
        self.portfolio = portfolio
        self.dashboard = None
        self.review_mode = None
        workspace.currentChanged.connect(self._tab_changed)

    def database_opened(self) -> None:
        db = self.db_of()
        if self.dashboard is not None and db is not None:
            self.dashboard.db = db
            self.dashboard.reload()
        if self.review_mode is not None and db is not None:
            self.review_mode.set_database(db)

    def _forget(self, widget: QObject) -> None:
        if widget is self.dashboard:
            self.dashboard = None
        if widget is self.review_mode:
            self.review_mode = None

    def _tab_changed(self, index: int) -> None:
        widget = self.workspace.widget(index) if self.workspace is not None else None
        if widget is not None and widget is self.dashboard and self.dashboard.data is not None:
            self.dashboard.reload()  # fresh whenever it is looked at again

    def show_dashboard(self) -> DashboardView | None:
        db, workspace = self.db_of(), self.workspace
        if db is None or workspace is None:
            return None
        if self.dashboard is None:
            from coprod_desktop.ui.dashboard import DashboardView  # loaded when first shown

            view = DashboardView(db, self.reader, workspace)
            view.drill_down.connect(self.drill_down)
            view.open_requested.connect(self.open_initiative)
            view.destroyed.connect(lambda *_: self._forget(view))
            self.dashboard = view
            workspace.addTab(view, self.tr("Dashboard"))
            view.reload()
        workspace.setCurrentWidget(self.dashboard)
        return self.dashboard

    def drill_down(self, label: str, ids: tuple[int, ...]) -> None:
        if self.portfolio is not None:
            self.portfolio.set_scope(label, tuple(ids))
        self.show_portfolio()

    def show_review_mode(self) -> ReviewMode | None:
        db, workspace, portfolio = self.db_of(), self.workspace, self.portfolio
        if db is None or workspace is None or portfolio is None:
            return None
        from coprod_desktop.ui.reviews import ReviewMode

        if self.review_mode is None:
            view = ReviewMode(db, workspace)
            view.open_requested.connect(self.open_initiative)
            view.changed.connect(portfolio.reload)
            view.destroyed.connect(lambda *_: self._forget(view))
            self.review_mode = view
            workspace.addTab(view, self.tr("Review mode"))
        self.review_mode.start(portfolio.model.filter)
        workspace.setCurrentWidget(self.review_mode)
        return self.review_mode
