"""The main window: portfolio, editors and registry as tabs; menus, toolbar, status bar."""

from __future__ import annotations

import copy
import logging
import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import shiboken6
from PySide6.QtCore import QByteArray, QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoGroup
from PySide6.QtWidgets import (
    QFileDialog,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStyle,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from coprod_desktop import __version__
from coprod_desktop.domain import vocab as v
from coprod_desktop.domain.errors import ConnectionLostError, CoprodError
from coprod_desktop.domain.model import InitiativeData
from coprod_desktop.services import portfolio_query
from coprod_desktop.store.db import Database
from coprod_desktop.ui import draft_keeper, i18n, read_only, window_fit
from coprod_desktop.ui import preferences as prefs
from coprod_desktop.ui.analysis_views import AnalysisViews
from coprod_desktop.ui.background import Background, Progress
from coprod_desktop.ui.brief_dialogs import ReportsController
from coprod_desktop.ui.conflict import (
    LiveRefresh,
    after_save,
    merge_invalid,
    refresh_keeping_place,
    resolve_conflict,
)
from coprod_desktop.ui.connection import ConnectionWatch
from coprod_desktop.ui.error_messages import show_error
from coprod_desktop.ui.my_work import MyWorkView
from coprod_desktop.ui.open_failure import open_failed
from coprod_desktop.ui.portfolio_view import PortfolioView
from coprod_desktop.ui.writer import WriteJob, Writer

if TYPE_CHECKING:
    from coprod_desktop.services.backups import BackupInfo
    from coprod_desktop.ui.editor import EditorBase, EditorContext, InitiativeEditor
    from coprod_desktop.ui.stakeholder_registry import StakeholderRegistry

# The editor, the registry and the dialogs load when first opened, not at start: the first
# screen (portfolio, My work) needs none of them.
EDITOR_MODULE = "coprod_desktop.ui.editor.widget"


def _as_editor(widget: QWidget | None) -> InitiativeEditor | None:
    """`widget` when it is an initiative editor. Before the editor's module is loaded no
    editor exists, so the check does not load it."""
    module = sys.modules.get(EDITOR_MODULE)
    if module is None or not isinstance(widget, module.InitiativeEditor):
        return None
    return cast("InitiativeEditor", widget)


log = logging.getLogger(__name__)
DB_FILTER = "*.sqlite *.db *.sqlite3"


class MainWindow(QMainWindow):
    """The shell: menus, toolbar, banners and the workspace's tabs. It makes the views and
    hands each what it needs (the database, the writer, callbacks); none of them reaches back
    for the window."""

    database_opened = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("coprod-desktop")
        self.db: Database | None = None
        self.background = Background(self)
        # every write, one serial worker; a write that finds the server gone shows the banner
        self.writer = Writer(self.background, self, on_connection_lost=self._connection_lost)
        # Long reads (the dashboard's figures) on a worker of their own: a save must not wait
        # half a minute behind them on a large portfolio.
        self.reader = Background(self)
        self.live_refresh = LiveRefresh(
            self,
            refresh=self._refresh_in_place,
            open_editors=self.editors,
            show_status=self.show_status,
            reached=lambda: self.connection.reached(),
            lost=self._connection_lost,
        )
        # the banner when the database is unreachable
        self.connection = ConnectionWatch(
            self,
            poll=self.live_refresh.poll,
            show_status=self.show_status,
            where=lambda: self.db.display_name if self.db is not None else "",
            open_editors=self.editors,
            refresh=lambda: refresh_keeping_place(self.portfolio),
        )
        self.read_only_banner: read_only.ReadOnlyBanner | None = None
        self.undo_group = QUndoGroup(self)
        self.registry: StakeholderRegistry | None = None
        self.actions_by_name: dict[str, QAction] = {}
        self.report_actions: dict[str, QAction] = {}
        self.briefs = ReportsController(self, self)
        self.analysis_views = AnalysisViews(
            self,
            reader=self.reader,
            db_of=lambda: self.db,
            open_initiative=self.open_initiative,
            show_portfolio=self.show_portfolio,
        )
        self._build()
        self.restore_window()

    # ------------------------------------------------------------------ building

    def _build(self) -> None:
        self.status_counts = QLabel(self)
        self.status_db = QLabel(self)
        self.statusBar().addWidget(self.status_counts, 1)
        self.statusBar().addPermanentWidget(self.status_db)
        self.workspace = QTabWidget(self)
        self.workspace.setObjectName("workspace")
        self.workspace.setTabsClosable(True)
        self.workspace.setMovable(True)
        self.workspace.setDocumentMode(True)
        self.workspace.tabCloseRequested.connect(self.close_tab)
        self.workspace.currentChanged.connect(self._tab_changed)
        self.portfolio = PortfolioView(self.workspace)
        self.workspace.addTab(self.portfolio, self.tr("Portfolio"))
        self.workspace.tabBar().setTabButton(
            0,
            self.workspace.tabBar().ButtonPosition.RightSide,
            None,
        )
        # Above the workspace: the connection banner, then the read-only banner.
        holder = QWidget(self)
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.connection.install_banner(layout)
        self.read_only_banner = read_only.ReadOnlyBanner(holder)
        layout.addWidget(self.read_only_banner)
        layout.addWidget(self.workspace, 1)
        self.setCentralWidget(holder)
        self.portfolio.open_requested.connect(self.open_initiative)
        self.portfolio.new_requested.connect(self.new_initiative)
        self.portfolio.demo_requested.connect(self.load_demo)
        self.portfolio.counts_changed.connect(self.update_status)
        self.portfolio.table.customContextMenuRequested.connect(self._table_menu)
        from coprod_desktop.ui.documents_tab import install_portfolio_drop

        # files dropped on a row
        install_portfolio_drop(self.portfolio, lambda: self.db, self.writer, self.show_status)
        self.portfolio.restore_state()
        self.portfolio.table.horizontalHeader().sortIndicatorChanged.connect(
            lambda *_: self.portfolio.save_state()
        )
        self.portfolio.table.horizontalHeader().sectionResized.connect(
            lambda *_: self.portfolio.save_state()
        )
        self._build_my_work()
        self.analysis_views.rebuilt(self.workspace, self.portfolio)
        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self.update_title()
        self.update_status()
        self.apply_read_only()

    def _build_my_work(self) -> None:
        """My work in front of the portfolio: shown whenever a portfolio with initiatives is
        opened; an empty database keeps its own start page, the portfolio's."""
        view = MyWorkView(self.db, self.writer, self.workspace)
        self.my_work = view
        self.workspace.insertTab(0, view, QCoreApplication.translate("MyWorkView", "My work"))
        bar = self.workspace.tabBar()
        bar.setTabButton(0, bar.ButtonPosition.RightSide, None)
        view.open_requested.connect(self.open_initiative_at)
        view.changed.connect(self.portfolio.reload)
        self.workspace.currentChanged.connect(
            lambda index: view.reload() if self.workspace.widget(index) is view else None
        )
        if self.db is not None:
            view.reload()

    def _action(
        self,
        name: str,
        text: str,
        slot: Any,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | list[QKeySequence] | None = None,
        icon: QStyle.StandardPixmap | None = None,
        tip: str | None = None,
        tool_tip: bool = True,
    ) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if isinstance(shortcut, list):
            action.setShortcuts(shortcut)
        elif shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if icon is not None:
            action.setIcon(self.style().standardIcon(icon))
        if tip:
            action.setStatusTip(tip)
            if tool_tip:
                action.setToolTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        self.actions_by_name[name] = action
        return action

    def _build_actions(self) -> None:
        sp = QStyle.StandardPixmap
        self.actions_by_name = {}
        a = self._action
        a(
            "new_initiative",
            self.tr("&New initiative"),
            self.new_initiative,
            "Ctrl+N",
            sp.SP_FileIcon,
            self.tr("Log a new co-production initiative"),
        )
        a("new_database", self.tr("New &database…"), self.new_database_dialog)
        a(
            "open_database",
            self.tr("&Open database…"),
            self.open_database_dialog,
            QKeySequence.StandardKey.Open,
            sp.SP_DirOpenIcon,
        )
        safety = partial(QCoreApplication.translate, "Safety")
        a(
            "connect_database",
            safety("Connect to a shared &database…"),
            self.connect_dialog,
            tip=safety("Open a portfolio on a PostgreSQL server shared by your team"),
            tool_tip=False,
        )
        a(
            "restore_backup",
            safety("Restore from bac&kup…"),
            self.restore_backup_dialog,
            tip=safety("Put an automatic backup of this database back in place"),
            tool_tip=False,
        )
        a(
            "save",
            self.tr("&Save"),
            self.save_current,
            "Ctrl+S",
            sp.SP_DialogSaveButton,
            self.tr("Save the initiative in the current tab"),
        )
        a("close_tab", self.tr("&Close tab"), self.close_current_tab, "Ctrl+W")
        a("backup", self.tr("&Backup…"), self.backup_dialog)
        a("import", self.tr("&Import…"), self.import_dialog)
        a("export", self.tr("&Export…"), self.export_dialog)
        a("settings", self.tr("Se&ttings…"), self.settings_dialog)
        a("quit", self.tr("&Quit"), self.close, "Ctrl+Q")
        a("find", self.tr("&Find"), self.focus_search, "Ctrl+F")
        a("bulk_status", self.tr("Change &status of selected…"), self.bulk_status)
        a("bulk_owner", self.tr("Change &owner of selected…"), self.bulk_owner)
        a(
            "show_my_work",
            QCoreApplication.translate("MyWorkView", "&My work"),
            self.show_my_work,
            "Ctrl+0",
        )
        a("show_portfolio", self.tr("&Portfolio"), self.show_portfolio, "Ctrl+1")
        a(
            "show_stakeholders",
            self.tr("&Stakeholder registry"),
            self.show_registry,
            "Ctrl+2",
            sp.SP_DirHomeIcon,
            self.tr("Search, edit and merge stakeholders"),
        )
        views = partial(QCoreApplication.translate, "AnalysisViews")
        a(
            "show_dashboard",
            views("&Dashboard"),
            self.analysis_views.show_dashboard,
            "Ctrl+3",
            tip=views("Charts of the whole portfolio; click a bar to see those initiatives"),
            tool_tip=False,
        )
        a(
            "review_mode",
            views("Re&view mode"),
            self.analysis_views.show_review_mode,
            "Ctrl+4",
            tip=views(
                "Walk the shown initiatives, those that need attention first, and record reviews"
            ),
            tool_tip=False,
        )
        a(
            "refresh",
            self.tr("&Refresh"),
            self.refresh,
            QKeySequence.StandardKey.Refresh,
            sp.SP_BrowserReload,
        )
        a(
            "typology",
            self.tr("&Typology guide"),
            self.show_typology,
            QKeySequence.StandardKey.HelpContents,
        )
        a("about", self.tr("&About coprod-desktop"), self.about)
        a("field_guide", self.tr("&Field guide (spreadsheet columns)"), self.show_field_guide)
        a("show_persons", self.tr("P&ersons (personal data)"), self.show_persons)
        a("retention_review", self.tr("Re&tention review"), self.show_retention_review)
        self.undo_action = self.undo_group.createUndoAction(self, self.tr("Undo"))
        self.undo_action.setShortcut(QKeySequence("Ctrl+Z"))
        self.undo_action.setIcon(self.style().standardIcon(sp.SP_ArrowBack))
        self.redo_action = self.undo_group.createRedoAction(self, self.tr("Redo"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.redo_action.setIcon(self.style().standardIcon(sp.SP_ArrowForward))

    def _build_menus(self) -> None:
        bar = self.menuBar()
        bar.clear()
        get = self.actions_by_name
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addAction(get["new_initiative"])
        file_menu.addAction(get["save"])
        file_menu.addAction(get["close_tab"])
        file_menu.addSeparator()
        file_menu.addAction(get["new_database"])
        file_menu.addAction(get["open_database"])
        file_menu.addAction(get["connect_database"])
        self.recent_menu = file_menu.addMenu(self.tr("Open &recent"))
        self.recent_menu.aboutToShow.connect(self.fill_recent_menu)
        self.fill_recent_menu()
        file_menu.addAction(get["backup"])
        file_menu.addAction(get["restore_backup"])
        file_menu.addSeparator()
        file_menu.addAction(get["import"])
        file_menu.addAction(get["export"])
        file_menu.addSeparator()
        file_menu.addAction(get["settings"])
        file_menu.addSeparator()
        file_menu.addAction(get["quit"])
        edit_menu = bar.addMenu(self.tr("&Edit"))
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        edit_menu.addAction(get["find"])
        edit_menu.addSeparator()
        edit_menu.addAction(get["bulk_status"])
        edit_menu.addAction(get["bulk_owner"])
        view_menu = bar.addMenu(self.tr("&View"))
        view_menu.addAction(get["show_my_work"])
        view_menu.addAction(get["show_portfolio"])
        view_menu.addAction(get["show_stakeholders"])
        view_menu.addAction(get["show_dashboard"])
        view_menu.addAction(get["review_mode"])
        view_menu.addAction(get["show_persons"])
        view_menu.addAction(get["retention_review"])
        self.columns_menu = view_menu.addMenu(self.tr("Portfolio &columns"))
        self.columns_menu.aboutToShow.connect(self.fill_columns_menu)
        view_menu.addSeparator()
        view_menu.addAction(get["refresh"])
        self.reports_menu = bar.addMenu(self.tr("&Reports"))
        self.report_actions = {}
        for key, text in (
            ("initiative_brief", self.tr("Initiative brief (PDF)…")),
            ("portfolio_review", self.tr("Portfolio review (PDF)…")),
            ("committee_brief", self.tr("Committee brief (PDF)…")),
        ):
            action = QAction(text, self)
            action.setObjectName(f"report_{key}")
            self.reports_menu.addAction(action)
            self.report_actions[key] = action
        self.briefs.wire(self.report_actions)
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(get["typology"])
        help_menu.addAction(get["field_guide"])
        help_menu.addAction(get["about"])

    def _build_toolbar(self) -> None:
        for old in self.findChildren(QToolBar):
            self.removeToolBar(old)
            old.deleteLater()
        toolbar = QToolBar(self.tr("Main toolbar"), self)
        toolbar.setObjectName("main-toolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        get = self.actions_by_name
        for name in ("new_initiative", "save"):
            toolbar.addAction(get[name])
        toolbar.addAction(self.undo_action)
        toolbar.addAction(self.redo_action)
        toolbar.addSeparator()
        toolbar.addAction(get["show_stakeholders"])
        toolbar.addAction(get["refresh"])
        self.addToolBar(toolbar)
        self.toolbar = toolbar

    def fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = prefs.recent_databases()
        for target in recent:
            action = self.recent_menu.addAction(target)
            action.triggered.connect(partial(self.open_database, target))
        if not recent:
            empty = self.recent_menu.addAction(self.tr("(no recent databases)"))
            empty.setEnabled(False)

    def fill_columns_menu(self) -> None:
        self.columns_menu.clear()
        for action in self.portfolio.column_menu().actions():
            action.setParent(self.columns_menu)
            self.columns_menu.addAction(action)

    # ------------------------------------------------------------------ status

    def update_title(self) -> None:
        """Who works where, once: "portfolio.sqlite — anna — coprod-desktop". Ending with the
        application's display name keeps the platform from adding it a second time."""
        app_name = "coprod-desktop"
        if self.db is None:
            self.setWindowTitle(f"{self.tr('no database open')} — {app_name}")
            self.status_db.setText(self.tr("no database open"))
            return
        user = prefs.user_name() or self.db.user
        self.setWindowTitle(f"{self.db.location} — {user} — {app_name}")
        self.status_db.setText(self.db.display_name)

    def update_status(self) -> None:
        if self.db is None:
            self.status_counts.setText(self.tr("Opening the database…"))
            return
        # The count is the portfolio's: on an editor or My work it would describe a list
        # that is not on screen.
        self.status_counts.setVisible(self.workspace.currentWidget() is self.portfolio)
        model = self.portfolio.model
        selected = len(self.portfolio.table.selectionModel().selectedRows())
        text = self.tr("%1 of %2 initiatives shown").replace("%1", str(model.total))
        text = text.replace("%2", str(self.portfolio.total_all))
        if selected:
            text += " · " + self.tr("%n selected", "", selected)
        self.status_counts.setText(text)

    def _tab_changed(self, index: int) -> None:
        widget = self.workspace.widget(index)
        self.status_counts.setVisible(widget is self.portfolio)
        editor = _as_editor(widget)
        if editor is not None:
            self.undo_group.setActiveStack(editor.undo)
        else:
            self.undo_group.setActiveStack(None)  # type: ignore[arg-type]

    # ------------------------------------------------------------------ database

    def open_database(self, target: str | None) -> None:
        """Open (create or upgrade) a database off the GUI thread, then show it."""
        if not self.when_editors_closed(lambda: self.open_database(target)):
            return
        user = prefs.user_name() or None
        from coprod_desktop.services.credentials import with_password

        url = with_password(target) if target else target  # a shared database's password

        def work(_progress: Progress) -> Database:
            from coprod_desktop.services import erasure_ledger
            from coprod_desktop.store.migrate import open_database  # alembic: load off-thread

            db = open_database(url, user=user, auto_backup=True)
            try:
                # an older copy never brings an erased person back; an erase's unfinished
                # clean-up of the file is finished now (privacy loads the ORM: only when an
                # erasure is known at all)
                if erasure_ledger.known_to(db):
                    from coprod_desktop.services import privacy

                    privacy.reapply_erasures(db)
                    if not db.read_only and privacy.cleanup_pending(db):
                        privacy.finish_cleanup(db)
            except BaseException:
                db.dispose()
                raise
            return db

        self.background.run(
            work,
            self.set_database,
            lambda error: open_failed(
                self, target, error, reopen=self.open_database, restore=self.restore_backup
            ),
            label=self.tr("Opening the database…"),
            parent=self,
        )

    def set_database(self, db: Database) -> None:
        old = self.db
        self.db = db
        if old is not None and old is not db:
            old.dispose()
        if db.path is not None or "://" in db.url:
            from coprod_desktop.services.credentials import without_password

            stored = str(db.path) if db.path is not None else without_password(db.url)
            prefs.remember_database(stored)
        if self.registry is not None:
            self.registry.db = db
            self.registry.reload()
        self.connection.reset()
        self.portfolio.set_database(db)
        self.update_title()
        self.update_status()
        self.database_ready(db)
        self.briefs.update_actions()
        self.analysis_views.database_opened()
        self._my_work_opened()
        self.database_opened.emit()
        if not db.read_only:
            QTimer.singleShot(0, lambda: self.offer_drafts(db))

    def database_ready(self, db: Database) -> None:
        """After a database was opened: banner, editing state, a quiet notice about backups."""
        self.apply_read_only()
        if db.auto_backup_problem:
            self.show_status(
                QCoreApplication.translate(
                    "Safety", "Today's automatic backup could not be made: %1"
                ).replace("%1", db.auto_backup_problem),
                15000,
            )
        self.live_refresh.start(db)

    def apply_read_only(self) -> None:
        """Banner, actions and open editors follow `self.db.read_only`."""
        db = self.db
        locked = bool(db is not None and db.read_only)
        if self.read_only_banner is not None:
            self.read_only_banner.setVisible(locked)
        for name in read_only.EDITING_ACTIONS:
            self.actions_by_name[name].setEnabled(not locked)
        self.actions_by_name["restore_backup"].setEnabled(
            db is not None and db.path is not None and not locked
        )
        self.portfolio.new_button.setEnabled(not locked)
        self.portfolio.demo_button.setEnabled(not locked)
        if locked:
            for editor in self.editors():
                read_only.make_editor_read_only(editor)

    def _my_work_opened(self) -> None:
        """My work shows the newly opened portfolio, in front when it has initiatives."""
        self.my_work.db = self.db
        if self.db is not None and self.portfolio.total_all > 0:
            if self.workspace.currentWidget() is self.my_work:
                self.my_work.reload()
            else:  # showing it reloads it (currentChanged): once, not twice, at every start
                self.workspace.setCurrentWidget(self.my_work)
        else:
            self.my_work.reload()
            self.workspace.setCurrentWidget(self.portfolio)

    def connect_dialog(self) -> None:
        from coprod_desktop.ui.connect import ConnectDialog

        dialog = ConnectDialog(self)
        if dialog.exec() == ConnectDialog.DialogCode.Accepted:
            self.open_database(dialog.url())

    def offer_drafts(self, db: Database) -> None:
        """Unsaved edits left behind when the program ended: restore, discard or keep."""
        if db is not self.db:
            return
        draft_keeper.offer_restore(
            self, db, lambda draft: self._add_editor(copy.deepcopy(draft.base))
        )

    def new_database_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("New database"),
            "portfolio.sqlite",
            self.tr("Portfolio databases (%1)").replace("%1", DB_FILTER),
        )
        if path:
            if Path(path).exists():
                QMessageBox.warning(
                    self,
                    self.tr("New database"),
                    self.tr("That file already exists; use Open database to open it."),
                )
                return
            self.open_database(path)

    def open_database_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open database"),
            "",
            self.tr("Portfolio databases (%1)").replace("%1", DB_FILTER),
        )
        if path:
            self.open_database(path)

    def refresh(self) -> None:
        if self.db is not None:
            self.portfolio.reload()
            if self.registry is not None:
                self.registry.reload()

    # ------------------------------------------------------------------ status and errors

    def show_status(self, text: str, timeout: int) -> None:
        self.statusBar().showMessage(text, timeout)

    def _connection_lost(self) -> None:
        self.connection.lost()

    def _refresh_in_place(self) -> None:
        """Others' changes: reload what is shown, keeping the portfolio's place."""
        refresh_keeping_place(self.portfolio)
        if self.registry is not None:
            self.registry.reload()

    def show_error(self, error: BaseException) -> None:
        if isinstance(error, ConnectionLostError):
            self.connection.not_connected(error)
        elif isinstance(error, CoprodError):
            QMessageBox.warning(self, self.tr("Something went wrong"), error.message(i18n.lang()))
        else:
            log.error("unexpected error", exc_info=error)
            QMessageBox.critical(
                self,
                self.tr("Unexpected error"),
                self.tr("Something unexpected went wrong: %1").replace("%1", str(error)),
            )

    # ------------------------------------------------------------------ editors

    def editors(self) -> list[InitiativeEditor]:
        found = []
        for index in range(self.workspace.count()):
            editor = _as_editor(self.workspace.widget(index))
            if editor is not None:
                found.append(editor)
        return found

    def current_editor(self) -> InitiativeEditor | None:
        return _as_editor(self.workspace.currentWidget())

    def _add_editor(self, data: InitiativeData) -> InitiativeEditor:
        from coprod_desktop.ui.editor import InitiativeEditor

        assert self.db is not None
        editor = InitiativeEditor(self.db, data, self.workspace, context=self.editor_context())
        self.undo_group.addStack(editor.undo)
        index = self.workspace.addTab(editor, editor.tab_title())
        self.workspace.setTabToolTip(index, data.title or "")
        editor.title_changed.connect(partial(self._retitle, editor))
        editor.dirty_changed.connect(lambda _d, e=editor: self._retitle(e, e.tab_title()))
        editor.saved.connect(self._editor_saved)
        if self.db.read_only:
            read_only.make_editor_read_only(editor)
        editor.brief_requested.connect(partial(self.briefs.brief_for_editor, editor))
        if not self.db.read_only:
            draft_keeper.keep(editor, self.db)  # typed work survives a crash
        self.workspace.setCurrentWidget(editor)
        editor.title.setFocus()
        return editor

    def editor_context(self) -> EditorContext[EditorBase]:
        """What an editor's Save needs from this window: its writer and the handlers for a
        colleague's save in between and for a lost connection."""
        from coprod_desktop.ui.editor import EditorContext

        return EditorContext(
            writer=self.writer,
            resolve_conflict=resolve_conflict,
            merge_invalid=merge_invalid,
            after_save=after_save,
            connection_lost=self.connection.keep_for_later,
        )

    def _retitle(self, editor: InitiativeEditor, title: str) -> None:
        index = self.workspace.indexOf(editor)
        if index >= 0:
            self.workspace.setTabText(index, editor.tab_title())

    def _editor_saved(self, _ident: int) -> None:
        self.portfolio.reload()

    def new_initiative(self) -> InitiativeEditor | None:
        if self.db is None or self.db.read_only:
            return None
        owner = prefs.user_name() or self.db.user
        return self._add_editor(InitiativeData(owner=owner, status="idea"))

    def open_initiative(self, ident: int) -> InitiativeEditor | None:
        for editor in self.editors():
            if editor.initiative_id == ident:
                self.workspace.setCurrentWidget(editor)
                return editor
        if self.db is None:
            return None
        from coprod_desktop.services import initiatives  # the ORM: when first opened

        try:
            data = initiatives.get_initiative(self.db, ident)
        except CoprodError as error:
            self.show_error(error)
            return None
        return self._add_editor(data)

    def save_current(self) -> None:
        editor = self.current_editor()
        if editor is not None:
            editor.save()
        elif self.registry is not None and self.workspace.currentWidget() is self.registry:
            self.registry.save_current()

    def close_tab(self, index: int, then: Callable[[bool], None] | None = None) -> bool:
        """Close the tab at `index`; an editor with unsaved changes asks first. True when the
        tab closed at once; `then(closed)` is told in every case (after the save when the
        user chose to save first)."""
        widget = self.workspace.widget(index)
        if widget is None or widget is self.portfolio:
            if then is not None:
                then(False)
            return False
        closed_now: list[bool] = []

        def may_close(yes: bool) -> None:
            closed = yes and self._remove_tab(widget)
            closed_now.append(closed)
            if then is not None:
                then(closed)

        editor = _as_editor(widget)
        if editor is not None:
            editor.maybe_close(may_close)
        else:
            may_close(True)
        return bool(closed_now) and closed_now[0]

    def _remove_tab(self, widget: QWidget) -> bool:
        index = self.workspace.indexOf(widget)
        if index < 0:
            return False  # closed meanwhile (while its save was under way)
        editor = _as_editor(widget)
        if editor is not None:
            keeper = draft_keeper.keeper_of(editor)
            if keeper is not None:
                keeper.discard()  # saved, or the user chose to discard the changes
            self.undo_group.removeStack(editor.undo)
        if widget is self.registry:
            self.registry = None
        self.workspace.removeTab(index)
        widget.deleteLater()
        return True

    def close_current_tab(self) -> None:
        self.close_tab(self.workspace.currentIndex())

    def close_all_editors(self, then: Callable[[bool], None] | None = None) -> bool:
        """Close every editor, asking about unsaved changes one at a time. True when all
        closed at once; `then(all_closed)` is told in every case (once the last save the
        user asked for has gone through)."""
        finished: list[bool] = []

        def close_next(closed: bool) -> None:
            editors = self.editors()
            if not closed or not editors:
                finished.append(closed)
                if then is not None:
                    then(closed)
                return
            self.workspace.setCurrentWidget(editors[0])
            self.close_tab(self.workspace.indexOf(editors[0]), close_next)

        close_next(True)
        return bool(finished) and finished[0]

    def when_editors_closed(self, then: Callable[[], object]) -> bool:
        """Close every editor; True when they all closed at once. When the user chose to save
        one first, False now and `then()` once the save went through and all are closed."""
        waiting: list[bool] = []

        def closed(all_closed: bool) -> None:
            if all_closed and waiting:
                QTimer.singleShot(0, then)  # after the save's callbacks have run

        if self.close_all_editors(closed):
            return True
        waiting.append(True)
        return False

    # ------------------------------------------------------------------ views

    def show_portfolio(self) -> None:
        self.workspace.setCurrentWidget(self.portfolio)

    def show_my_work(self) -> None:
        self.workspace.setCurrentWidget(self.my_work)

    def open_initiative_at(self, ident: int, page: str) -> None:
        """Open an initiative on one of its editor's pages ("commitments", "history", …)."""
        editor = self.open_initiative(ident)
        if editor is None:
            return
        if page == "history":
            editor.tabs.setCurrentIndex(editor.tabs.count() - 1)
        elif page in editor.pages:
            editor.tabs.setCurrentWidget(editor.pages[page])

    def focus_search(self) -> None:
        self.show_portfolio()
        self.portfolio.filters.search.setFocus()
        self.portfolio.filters.search.selectAll()

    def show_registry(self) -> StakeholderRegistry | None:
        if self.db is None:
            return None
        if self.registry is None:
            from coprod_desktop.ui.stakeholder_registry import StakeholderRegistry

            self.registry = StakeholderRegistry(self.db, self.writer, self.workspace)
            self.registry.open_initiative.connect(self.open_initiative)
            self.registry.changed.connect(self.portfolio.reload)
            self.workspace.addTab(self.registry, self.tr("Stakeholders"))
        self.workspace.setCurrentWidget(self.registry)
        return self.registry

    def show_typology(self) -> None:
        from coprod_desktop.ui.dialogs import TypologyGuide

        TypologyGuide(self).exec()

    def about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About coprod-desktop"),
            self.tr(
                "<p><b>coprod-desktop %1</b></p><p>Case management for frontline co-producers "
                "in Danish municipalities.</p><p>The typology and the cross-pressures follow "
                "Agger &amp; Tortzen (2023), “Co-production on the inside”, <i>Local Government "
                "Studies</i> 49(4).</p>"
            ).replace("%1", __version__),
        )

    def _table_menu(self, pos: Any) -> None:
        menu = QMenu(self)
        menu.addAction(self.actions_by_name["bulk_status"])
        menu.addAction(self.actions_by_name["bulk_owner"])
        menu.popup(self.portfolio.table.viewport().mapToGlobal(pos))

    # ------------------------------------------------------------------ bulk

    def bulk_update(self, status: str | None = None, owner: str | None = None) -> WriteJob | None:
        """Changes the selected initiatives on the worker and returns at once; the portfolio
        and the status bar follow when the write is done (`job.result`: how many changed)."""
        from coprod_desktop.services import initiatives

        ids = self.portfolio.selected_ids()
        if not ids or self.db is None:
            return None
        db = self.db

        def changed(count: int) -> None:
            if not shiboken6.isValid(self):
                return  # the window closed while the write ran
            if db is self.db:  # not reloaded into another portfolio opened meanwhile
                self.portfolio.reload()
            self.statusBar().showMessage(self.tr("%n initiative(s) changed", "", int(count)), 5000)

        return self.writer.write(
            lambda: initiatives.bulk_update(db, ids, status=status, owner=owner),
            changed,
            label=self.tr("Saving…"),
        )

    def bulk_status(self) -> WriteJob | None:
        if not self.portfolio.selected_ids():
            self.statusBar().showMessage(self.tr("Select initiatives in the portfolio first"), 5000)
            return None
        labels = [m.label(i18n.lang()) for m in v.Status]
        label, ok = QInputDialog.getItem(
            self,
            self.tr("Change status"),
            self.tr("New status for the selected initiatives:"),
            labels,
            0,
            False,
        )
        if not ok:
            return None
        return self.bulk_update(status=list(v.Status)[labels.index(label)].value)

    def bulk_owner(self) -> WriteJob | None:
        if not self.portfolio.selected_ids() or self.db is None:
            self.statusBar().showMessage(self.tr("Select initiatives in the portfolio first"), 5000)
            return None
        owners = portfolio_query.owners(self.db)
        owner, ok = QInputDialog.getItem(
            self,
            self.tr("Change owner"),
            self.tr("New owner for the selected initiatives:"),
            owners,
            0,
            True,
        )
        if not ok:
            return None
        return self.bulk_update(owner=owner.strip())

    # ------------------------------------------------------------------ files

    def load_demo(self) -> None:
        if self.db is None:
            return
        from coprod_desktop.services import exchange

        db = self.db
        lang = i18n.lang()
        self.background.run(
            lambda _p: exchange.load_demo(db, lang),
            lambda _r: self.refresh(),
            self.show_error,
            label=self.tr("Loading the demo portfolio…"),
            parent=self,
        )

    def import_dialog(self, path: str | None = None) -> Any:
        """The import wizard (.json, .csv, .xlsx); the portfolio refreshes after an import."""
        if self.db is None:
            return None
        from coprod_desktop.ui.import_wizard import ImportWizard

        wizard = ImportWizard(self.db, self.background, self, path)
        wizard.imported.connect(lambda _result: self.refresh())
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.open()
        return wizard

    def export_dialog(self) -> None:
        """Export the portfolio as filtered to .json, .csv or .xlsx, in the background."""
        if self.db is None:
            return
        from coprod_desktop.ui.import_wizard import export_portfolio

        export_portfolio(
            self,
            self.background,
            self.db,
            self.portfolio.model.filter,
            lambda text: self.statusBar().showMessage(text, 8000),
            self.show_error,
        )

    def show_field_guide(self) -> None:
        from coprod_desktop.ui.field_guide_view import show_field_guide

        show_field_guide(self)

    def show_persons(self, retention: bool = False) -> Any:
        """The Persons tab (created on first use); None without a database."""
        from coprod_desktop.ui.persons_view import show_persons

        if self.db is None:
            return None
        return show_persons(
            self.workspace,
            self.db,
            self.background,
            retention,
            open_initiative=self.open_initiative,
            refresh=self.refresh,
            open_editors=self.editors,
            database_opened=self.database_opened,
            db_of=lambda: self.db,
        )

    def show_retention_review(self) -> Any:
        return self.show_persons(retention=True)

    def backup_dialog(self) -> None:
        if self.db is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Back up the database"),
            "portfolio-backup.sqlite",
            self.tr("Portfolio databases (%1)").replace("%1", DB_FILTER),
        )
        if not path:
            return
        from coprod_desktop.services import backups

        db = self.db
        self.background.run(
            lambda _p: backups.backup(db, Path(path)),
            lambda written: self.statusBar().showMessage(
                self.tr("Backup written to %1").replace("%1", str(written)), 8000
            ),
            self.show_error,
            label=self.tr("Backing up…"),
            parent=self,
        )

    def restore_backup_dialog(self) -> None:
        """File > Restore from backup…: the backups of the open file; the chosen one restored."""
        from coprod_desktop.ui.restore_dialog import choose_backup

        db = self.db
        if db is None or db.path is None:
            return
        info = choose_backup(db.path, self)
        if info is not None:
            self.restore_backup(info, db.path)

    def restore_backup(self, info: BackupInfo, target: Path) -> None:
        """Dispose the open database (if it is `target`), restore `info` over it, reopen it."""
        from coprod_desktop.services import backups
        from coprod_desktop.ui.restore_dialog import restored_message

        if not self.when_editors_closed(lambda: self.restore_backup(info, target)):
            return  # goes on once the save the user asked for went through
        db = self.db
        if db is not None and db.path is not None and db.path.resolve() == target.resolve():
            self.live_refresh.stop()
            self.background.wait()
            db.dispose()

        def done(result: backups.RestoreResult) -> None:
            self.show_status(restored_message(result), 15000)
            self.open_database(str(target))

        def failed(error: BaseException) -> None:
            show_error(
                self,
                error,
                QCoreApplication.translate("Safety", "Cannot restore the backup"),
                self.connection.not_connected,
            )
            if db is not None:
                self.open_database(str(target))

        self.background.run(
            lambda _p: backups.restore_backup(info, target),
            done,
            failed,
            label=QCoreApplication.translate("Safety", "Restoring the backup…"),
            parent=self,
        )

    # ------------------------------------------------------------------ settings

    def settings_dialog(self) -> None:
        from coprod_desktop.ui.dialogs import SettingsDialog

        dialog = SettingsDialog(self)
        if dialog.exec() != SettingsDialog.DialogCode.Accepted:
            return
        dialog.store()
        if self.db is not None:
            self.db.user = prefs.user_name() or self.db.user
            self.refresh()  # the attention signals follow the thresholds just saved
        if dialog.chosen_language() != i18n.lang():
            self.switch_language(dialog.chosen_language())

    def switch_language(self, language: str, reopen: list[int] | None = None) -> bool:
        """Speak another language: the window is rebuilt, open initiatives (or `reopen`)
        reopened. False when it waits for a save the user asked for (it goes on after)."""
        open_ids = [e.initiative_id for e in self.editors() if e.initiative_id is not None]
        if reopen is not None:
            open_ids = reopen
        if not self.when_editors_closed(lambda: self.switch_language(language, open_ids)):
            return False
        had_registry = self.registry is not None
        if self.registry is not None:
            self.close_tab(self.workspace.indexOf(self.registry))
        self.portfolio.save_state()
        self.stop_reading()
        prefs.set_value("ui/language", language)
        i18n.set_language(language)
        old = self.centralWidget()
        assert old is not None
        self.statusBar().removeWidget(self.status_counts)
        self.statusBar().removeWidget(self.status_db)
        self.status_counts.deleteLater()
        self.status_db.deleteLater()
        for action in self.actions_by_name.values():
            action.deleteLater()
        self.undo_action.deleteLater()
        self.redo_action.deleteLater()
        self._build()  # a new connection banner too: the old one goes with the old central widget
        old.deleteLater()
        if self.db is not None:
            self.portfolio.set_database(self.db)
            for ident in open_ids:
                self.open_initiative(ident)
            if had_registry:
                self.show_registry()
            self.show_portfolio()
        self.update_status()
        return True

    # ------------------------------------------------------------------ window

    def restore_window(self) -> None:
        store = prefs.settings()
        window_fit.restore(self, store)  # fits the screen; remembered per screen
        state = store.value("window/state")
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state)

    def save_window(self) -> None:
        store = prefs.settings()
        window_fit.save(self, store)
        store.setValue("window/state", self.saveState())
        store.sync()
        self.portfolio.save_state()

    def stop_reading(self) -> None:
        """Stop long reads (the dashboard's figures) and wait for the worker to let go."""
        for view in self.findChildren(QWidget, "dashboard"):
            stop = getattr(view, "stop", None)
            if callable(stop):
                stop()
        self.reader.wait(10000)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.when_editors_closed(self.close):
            event.ignore()
            return
        self.save_window()
        self.stop_reading()
        self.background.wait(10000)
        event.accept()
