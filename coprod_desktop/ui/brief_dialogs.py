"""The printed briefs in the app: the Reports menu, the committee dialog, the PDF preview.

The briefs themselves are made headless by `coprod_desktop.reports`; here they are built off
the GUI thread (through the one background helper, with a progress dialog whose Cancel stops
the wait), written to a temporary file under the data folder and shown in a preview window
(QtPdf) that can print them (QPrintDialog, page ranges) and save a copy.
"""

from __future__ import annotations

import logging
import os
import re
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication, QObject, QPointF, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QGuiApplication,
    QIcon,
    QKeySequence,
    QPageSize,
    QPainter,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QStyle,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from coprod_desktop import paths
from coprod_desktop.domain.errors import CoprodError
from coprod_desktop.domain.public_names import NameLike
from coprod_desktop.ui import i18n
from coprod_desktop.ui import preferences as prefs
from coprod_desktop.ui.background import Cancelled, Operation, Progress

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

    from coprod_desktop.reports.page_template import BriefSettings
    from coprod_desktop.store.db import Database
    from coprod_desktop.ui.background import Background
    from coprod_desktop.ui.editor import InitiativeEditor
    from coprod_desktop.ui.portfolio_view import PortfolioView
    from coprod_desktop.ui.writer import Writer

log = logging.getLogger(__name__)

PRINT_DPI = 300  # pages are rendered for the printer at no more than this resolution
STALE_SECONDS = 24 * 3600  # temporary briefs left behind (a crash) are removed after a day


def brief_settings(db_user: str = "") -> BriefSettings:
    """The settings of a brief made in the GUI: municipality and logo from the preferences,
    the user name (or the database user) as author, the language the app speaks."""
    from coprod_desktop.reports.page_template import BriefSettings

    logo = prefs.get_str("briefs/logo").strip()
    return BriefSettings(
        municipality_name=prefs.get_str("briefs/municipality").strip(),
        logo_path=Path(logo) if logo else None,
        author=prefs.user_name() or db_user,
        lang=i18n.lang(),
    )


def preview_folder() -> Path:
    """Where the PDFs being previewed live (removed when their preview closes)."""
    folder = paths.data_dir() / "cache" / "briefs"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _remove_stale(folder: Path) -> None:
    limit = time.time() - STALE_SECONDS
    for old in folder.glob("brief-*.pdf"):
        try:
            if old.stat().st_mtime < limit:
                old.unlink()
        except OSError:
            pass


def write_temporary(pdf: bytes, folder: Path) -> Path:
    handle, name = tempfile.mkstemp(prefix="brief-", suffix=".pdf", dir=folder)
    with os.fdopen(handle, "wb") as out:
        out.write(pdf)
    return Path(name)


def file_name(title: str) -> str:
    """A file name for a brief titled `title` (no characters file systems refuse)."""
    cleaned = re.sub(r'[<>:"/\\|?*\x00-\x1f]+', " ", title)
    cleaned = " ".join(cleaned.split()).strip(" .")
    return f"{cleaned or 'brief'}.pdf"


@dataclass
class Built:
    """What a background build hands to the GUI thread."""

    path: Path
    title: str


IDENTITY_ASKED = "briefs/identity_asked"


class BriefIdentityDialog(QDialog):
    """Asked once, before the first brief: whose briefs these are (the municipality's name and
    logo in the header, the author's name in the footer) instead of "coprod-desktop" and the
    login name."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("brief-identity")
        self.setWindowTitle(self.tr("Your briefs"))
        intro = QLabel(
            self.tr(
                "Printed briefs carry the municipality's name and logo at the top and your "
                "name at the bottom. You can change them later under Settings."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.municipality = QLineEdit(prefs.get_str("briefs/municipality"), self)
        self.municipality.setPlaceholderText(self.tr("e.g. Sønderby Kommune"))
        self.logo = QLineEdit(prefs.get_str("briefs/logo"), self)
        self.logo.setPlaceholderText(self.tr("A PNG or JPEG file (optional)"))
        browse = QPushButton(self.tr("Browse…"), self)
        browse.setAccessibleName(self.tr("Browse for a logo"))
        browse.clicked.connect(self._browse)
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo, 1)
        logo_row.addWidget(browse)
        self.author = QLineEdit(prefs.user_name(), self)
        form = QFormLayout()
        for text, field, widget in (
            (self.tr("&Municipality name"), self.municipality, self.municipality),
            (self.tr("Municipality &logo"), logo_row, self.logo),
            (self.tr("Your &name"), self.author, self.author),
        ):
            label = QLabel(text, self)
            label.setBuddy(widget)
            widget.setAccessibleName(text.replace("&", ""))
            form.addRow(label, field)
        buttons = QDialogButtonBox(self)
        buttons.addButton(QDialogButtonBox.StandardButton.Save)
        later = buttons.addButton(self.tr("Not now"), QDialogButtonBox.ButtonRole.RejectRole)
        later.setToolTip(self.tr("Make the brief without them; you will not be asked again"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(520, 0)

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Municipality logo"), "", self.tr("Images (*.png *.jpg *.jpeg)")
        )
        if path:
            self.logo.setText(path)

    def store(self) -> None:
        prefs.set_value("briefs/municipality", self.municipality.text().strip())
        prefs.set_value("briefs/logo", self.logo.text().strip())
        if self.author.text().strip():
            prefs.set_value("user/name", self.author.text().strip())


def ask_brief_identity_once(parent: QWidget) -> None:
    """Before the first brief, unless the municipality is already set: ask who it is from."""
    if prefs.get_str("briefs/municipality").strip() or prefs.get_str(IDENTITY_ASKED) == "true":
        return
    dialog = BriefIdentityDialog(parent)
    try:
        if dialog.exec() == QDialog.DialogCode.Accepted:
            dialog.store()
    finally:
        dialog.deleteLater()
    prefs.set_value(IDENTITY_ASKED, "true")  # asked once, whatever the answer


class CommitteeDialog(QDialog):
    """Asks whether the committee brief may carry personal data (public-safe by default)."""

    def __init__(self, count: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("committee-dialog")
        self.setWindowTitle(self.tr("Committee brief"))
        self.intro = QLabel(
            self.tr(
                "A plain-language brief for a political committee. Initiatives covered: %1 "
                "(those shown in the portfolio, with its current filters)."
            ).replace("%1", str(count)),
            self,
        )
        self.intro.setWordWrap(True)
        self.safe_note = QLabel(
            self.tr(
                "Public-safe: no person's name, contact details or personal notes appear. "
                "Persons are only counted (“4 volunteers”), and a person's name inside titles, "
                "summaries and journal entries is replaced by a neutral word."
            ),
            self,
        )
        self.safe_note.setWordWrap(True)
        self.journal = QCheckBox(self.tr("Include &journal highlights"), self)
        self.journal.setObjectName("include-journal")
        self.journal.setToolTip(
            self.tr(
                "Each initiative's two latest decisions and milestones. Names in them are "
                "replaced, and you review any other name-like words before the brief is made."
            )
        )
        self.personal = QCheckBox(self.tr("&Include personal data"), self)
        self.personal.setObjectName("include-personal-data")
        self.personal.setToolTip(
            self.tr("Names, contact details and notes of the persons taking part")
        )
        self.warning = QFrame(self)
        self.warning.setObjectName("personal-data-warning")
        self.warning.setFrameShape(QFrame.Shape.StyledPanel)
        self.warning.setStyleSheet(
            "#personal-data-warning { background: #fdecea; border: 1px solid #b00020;"
            " border-radius: 4px; }"
        )
        icon = QLabel(self.warning)
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_MessageBoxIconSize)
        icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(size)
        )
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.warning_text = QLabel(
            self.tr(
                "<b>This brief will contain personal data.</b> It names the persons taking "
                "part and shows their contact details and notes. Do not publish it or put it "
                "on a public agenda; share it only with people who may see personal data, and "
                "delete copies when they are no longer needed."
            ),
            self.warning,
        )
        self.warning_text.setWordWrap(True)
        self.warning_text.setStyleSheet("color: #5f0010;")
        row = QHBoxLayout(self.warning)
        row.addWidget(icon)
        row.addWidget(self.warning_text, 1)
        self.warning.setVisible(False)
        self.personal.toggled.connect(self._toggled)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Make the brief"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.safe_note)
        layout.addSpacing(6)
        layout.addWidget(self.journal)
        layout.addWidget(self.personal)
        layout.addWidget(self.warning)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    def _toggled(self, checked: bool) -> None:
        self.warning.setVisible(checked)
        self.safe_note.setVisible(not checked)
        self.fit_height()

    def fit_height(self) -> None:
        """As tall as the wrapped texts need at the current width (no gap above the buttons)."""
        layout = self.layout()
        if layout is None:
            return
        layout.activate()
        if layout.hasHeightForWidth():
            self.resize(self.width(), layout.totalHeightForWidth(self.width()))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.fit_height()

    @property
    def include_personal_data(self) -> bool:
        return self.personal.isChecked()

    @property
    def include_journal(self) -> bool:
        return self.journal.isChecked()


class PdfPreview(QMainWindow):
    """A brief on screen: all pages, fit to width; Print… and Save as…

    It owns its temporary file and removes it when it closes."""

    def __init__(self, path: Path, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("pdf-preview")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.path = path
        self.title = title
        self.setWindowTitle(self.tr("%1 – preview").replace("%1", title))
        # Qt's PDF and print modules load with the first preview, not at start
        from PySide6.QtPdf import QPdfDocument
        from PySide6.QtPdfWidgets import QPdfView

        self.document = QPdfDocument(self)
        error = self.document.load(str(path))
        if error != QPdfDocument.Error.None_:
            raise OSError(f"the brief could not be opened ({error.name})")
        self.view = QPdfView(self)
        self.view.setObjectName("pdf-view")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(12)
        self.setCentralWidget(self.view)
        self.page_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.page_label)
        self.view.pageNavigator().currentPageChanged.connect(self._page_changed)
        self._build_toolbar()
        self._page_changed(0)
        self.resize(self._default_size())

    def _default_size(self) -> QSize:
        screen = QGuiApplication.primaryScreen()
        wanted = QSize(960, 1040)
        if screen is None:
            return wanted
        room = screen.availableGeometry().size()
        return QSize(
            min(wanted.width(), room.width() - 40), min(wanted.height(), room.height() - 60)
        )

    def _build_toolbar(self) -> None:
        sp = QStyle.StandardPixmap
        toolbar = QToolBar(self.tr("Preview"), self)
        toolbar.setObjectName("preview-toolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)

        def add(
            text: str,
            slot: Callable[[], object],
            shortcut: str | QKeySequence.StandardKey | None,
            icon: QStyle.StandardPixmap | None = None,
        ) -> QAction:
            action = QAction(text, self)
            if icon is not None:
                action.setIcon(self.style().standardIcon(icon))
            if shortcut is not None:
                action.setShortcut(QKeySequence(shortcut))
            action.triggered.connect(lambda _checked=False: slot())
            toolbar.addAction(action)
            return action

        self.print_action = add(
            self.tr("&Print…"), self.print_dialog, QKeySequence.StandardKey.Print
        )
        self.print_action.setIcon(QIcon.fromTheme("document-print"))
        self.save_action = add(
            self.tr("Save &as…"),
            self.save_as,
            QKeySequence.StandardKey.SaveAs,
            sp.SP_DialogSaveButton,
        )
        toolbar.addSeparator()
        self.fit_width_action = add(self.tr("Fit &width"), self.fit_width, "Ctrl+0")
        self.fit_page_action = add(self.tr("Whole &page"), self.fit_page, None)
        self.zoom_out_action = add(
            self.tr("Zoom &out"), lambda: self.zoom(1 / 1.25), QKeySequence.StandardKey.ZoomOut
        )
        self.zoom_in_action = add(
            self.tr("Zoom &in"), lambda: self.zoom(1.25), QKeySequence.StandardKey.ZoomIn
        )
        toolbar.addSeparator()
        self.close_action = add(self.tr("&Close"), self.close, QKeySequence.StandardKey.Close)
        self.addToolBar(toolbar)
        self.toolbar = toolbar

    # ------------------------------------------------------------------ viewing

    @property
    def page_count(self) -> int:
        return self.document.pageCount()

    def _page_changed(self, page: int) -> None:
        self.page_label.setText(
            self.tr("Page %1 of %2")
            .replace("%1", str(page + 1))
            .replace("%2", str(self.page_count))
        )

    def fit_width(self) -> None:
        self.view.setZoomMode(self.view.ZoomMode.FitToWidth)

    def fit_page(self) -> None:
        self.view.setZoomMode(self.view.ZoomMode.FitInView)

    def zoom(self, factor: float) -> None:
        current = self.view.zoomFactor()
        if self.view.zoomMode() != self.view.ZoomMode.Custom:
            # the factor the fitted view shows, so zooming goes on from what is seen
            page = self.document.pagePointSize(0)
            width = self.view.viewport().width() - 2 * 12
            current = width / (page.width() * self.logicalDpiX() / 72) if page.width() else 1.0
        self.view.setZoomMode(self.view.ZoomMode.Custom)
        self.view.setZoomFactor(max(0.25, min(6.0, current * factor)))

    # ------------------------------------------------------------------ saving

    def save_as(self) -> Path | None:
        folder = prefs.get_str("briefs/save_folder") or str(Path.home())
        chosen, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the brief"),
            str(Path(folder) / file_name(self.title)),
            self.tr("PDF documents (*.pdf)"),
        )
        if not chosen:
            return None
        target = Path(chosen)
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        from coprod_desktop.services.briefs import write_pdf

        try:
            write_pdf(self.path.read_bytes(), target)
        except CoprodError as error:  # the database, a backup, a folder or device, a full disk
            QMessageBox.warning(self, self.tr("Not saved"), error.message(i18n.lang()))
            return None
        except OSError as error:  # the preview file itself could not be read
            QMessageBox.warning(
                self,
                self.tr("Not saved"),
                self.tr("The brief could not be saved to %1: %2")
                .replace("%1", str(target))
                .replace("%2", error.strerror or str(error)),
            )
            return None
        prefs.set_value("briefs/save_folder", str(target.parent))
        self.statusBar().showMessage(self.tr("Saved to %1").replace("%1", str(target)), 8000)
        return target

    # ------------------------------------------------------------------ printing

    def make_printer(self) -> QPrinter:
        from PySide6.QtPrintSupport import QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.title)
        printer.setFullPage(True)  # the brief carries its own margins
        if self.page_count:
            size = self.document.pagePointSize(0)
            printer.setPageSize(
                QPageSize(size, QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch)
            )
        return printer

    def print_dialog(self) -> bool:
        """Ask where and what to print, then print; True when something was printed."""
        from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog

        printer = self.make_printer()
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print the brief"))
        options = QAbstractPrintDialog.PrintDialogOption
        dialog.setOption(options.PrintPageRange, True)
        dialog.setOption(options.PrintCurrentPage, True)
        dialog.setOption(options.PrintSelection, False)
        dialog.setMinMax(1, max(1, self.page_count))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        return self.print_to(printer)

    def pages_to_print(self, printer: QPrinter) -> list[int]:
        """The (0-based) pages the printer settings ask for."""
        from PySide6.QtPrintSupport import QPrinter

        count = self.page_count
        every = list(range(count))
        ranges = QPrinter.PrintRange
        if printer.printRange() == ranges.CurrentPage:
            return [self.view.pageNavigator().currentPage()]
        if printer.printRange() == ranges.PageRange:
            chosen = printer.pageRanges()
            if not chosen.isEmpty():
                return [p for p in every if chosen.contains(p + 1)]
            first, last = printer.fromPage(), printer.toPage()
            if first > 0:
                return [p for p in every if first - 1 <= p <= (last or count) - 1]
        return every

    def print_to(self, printer: QPrinter) -> bool:
        """Render the chosen pages into `printer` (each page fitted to the paper)."""
        pages = self.pages_to_print(printer)
        if not pages:
            return False
        painter = QPainter()
        if not painter.begin(printer):
            QMessageBox.warning(
                self,
                self.tr("Not printed"),
                self.tr("The printer could not be started. Check that it is ready."),
            )
            return False
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            dpi = min(printer.resolution(), PRINT_DPI)
            area = QRectF(painter.viewport())
            for number, page in enumerate(pages):
                if number:
                    printer.newPage()
                points = self.document.pagePointSize(page)
                if points.isEmpty():
                    continue
                pixels = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
                image = self.document.render(page, pixels)
                scale = min(area.width() / points.width(), area.height() / points.height())
                target = QSizeF(points.width() * scale, points.height() * scale)
                corner = QPointF(
                    area.x() + (area.width() - target.width()) / 2,
                    area.y() + (area.height() - target.height()) / 2,
                )
                painter.drawImage(QRectF(corner, target), image)
        finally:
            painter.end()
            QGuiApplication.restoreOverrideCursor()
        self.statusBar().showMessage(
            self.tr("Pages sent to the printer: %1").replace("%1", str(len(pages))), 8000
        )
        return True

    # ------------------------------------------------------------------ closing

    def closeEvent(self, event: QCloseEvent) -> None:
        self.document.close()
        try:
            self.path.unlink(missing_ok=True)
        except OSError:
            log.warning("could not remove %s", self.path)
        event.accept()


class BriefsHost(Protocol):
    """What the briefs need of the window they are made from."""

    db: Database | None
    background: Background
    writer: Writer
    portfolio: PortfolioView

    def current_editor(self) -> InitiativeEditor | None: ...

    def show_error(self, error: BaseException) -> None: ...


class ReportsController(QObject):
    """The Reports menu and the editor's Brief button: build in the background, preview.

    `window` is the parent of its dialogs and previews; `host` gives the open database, the
    portfolio, the workers and the current editor. Call `update_actions` when a database was
    opened."""

    def __init__(self, window: QWidget, host: BriefsHost) -> None:
        super().__init__(window)
        self.parent_window = window
        self.host = host
        self.previews: list[PdfPreview] = []
        self.committee_build: Operation | None = None  # the build after a name review
        self.actions: dict[str, QAction] = {}
        app = QCoreApplication.instance()
        if app is not None:  # previews remove their temporary files when they close
            app.aboutToQuit.connect(self.close_previews)

    # ------------------------------------------------------------------ menu

    def wire(self, actions: dict[str, QAction]) -> None:
        """Connect the Reports menu's actions (called whenever the menus are rebuilt)."""
        self.actions = actions
        slots = {
            "initiative_brief": self.initiative_brief,
            "portfolio_review": self.portfolio_review,
            "committee_brief": self.committee_brief,
        }
        tips = {
            "initiative_brief": self.tr(
                "A brief of the open initiative, or of the one selected in the portfolio"
            ),
            "portfolio_review": self.tr(
                "A review of the initiatives shown in the portfolio, for middle managers"
            ),
            "committee_brief": self.tr(
                "A plain-language brief for a political committee (public-safe by default)"
            ),
        }
        for key, action in actions.items():
            if key in slots:
                action.triggered.connect(lambda _checked=False, slot=slots[key]: slot())
                action.setToolTip(tips[key])
                action.setStatusTip(tips[key])
        self.update_actions()

    def update_actions(self) -> None:
        for action in self.actions.values():
            action.setEnabled(self.host.db is not None)

    # ------------------------------------------------------------------ the three briefs

    def initiative_brief(self) -> Operation | None:
        """The brief of the initiative in the current editor, or the selected portfolio row."""
        editor = self.host.current_editor()
        if editor is not None:
            return self.brief_for_editor(editor)
        view = self.host.portfolio
        ids = view.selected_ids()
        current = view.model.row_id(view.table.currentIndex().row())
        if current is not None and current in ids:
            ids = [current]
        if not ids:
            QMessageBox.information(
                self.parent_window,
                self.tr("Initiative brief"),
                self.tr("Select an initiative in the portfolio, or open one, first."),
            )
            return None
        return self.build_initiative(ids[0])

    def brief_for_editor(self, editor: InitiativeEditor) -> Operation | None:
        """The brief of the initiative in `editor`, from what is saved (asks to save first;
        then the brief is made once the save went through, and None is returned now)."""
        if editor.initiative_id is None or editor.dirty or editor.date_problems:
            answer = QMessageBox.question(
                editor,
                self.tr("Unsaved changes"),
                self.tr(
                    "The brief is made from the saved initiative. Save your changes to “%1” first?"
                ).replace("%1", editor.data.title or self.tr("New initiative")),
                QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Save,
            )
            if answer == QMessageBox.StandardButton.Save:

                def saved(ok: bool) -> None:
                    if ok:
                        self.brief_for_editor(editor)

                editor.save(saved)
            return None
        ident = editor.initiative_id
        return None if ident is None else self.build_initiative(ident)

    def build_initiative(self, ident: int) -> Operation | None:
        db = self.host.db
        if db is None:
            return None
        kind = self.tr("Initiative brief")

        def build(settings: BriefSettings, _progress: Callable[[int, int], None]) -> Built:
            from coprod_desktop.reports import initiative_pdf
            from coprod_desktop.services.initiatives import get_initiative

            data = get_initiative(db, ident)
            pdf = initiative_pdf.build(data, settings)
            title = f"{kind} {data.reference or ''}".strip()
            return Built(write_temporary(pdf, preview_folder()), title)

        return self.produce(build, self.tr("Making the initiative brief…"))

    def portfolio_review(self) -> Operation | None:
        db = self.host.db
        if db is None:
            return None
        flt = self.host.portfolio.model.filter
        title = self.tr("Portfolio review")

        def build(settings: BriefSettings, progress: Callable[[int, int], None]) -> Built:
            from coprod_desktop.services import briefs

            pdf = briefs.portfolio_review(db, flt, settings, progress=progress)
            return Built(write_temporary(pdf, preview_folder()), title)

        return self.produce(build, self.tr("Making the portfolio review…"))

    def committee_brief(self) -> Operation | None:
        db = self.host.db
        if db is None:
            return None
        model = self.host.portfolio.model
        dialog = CommitteeDialog(model.total, self.parent_window)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            personal = dialog.include_personal_data
            journal = dialog.include_journal
        finally:
            dialog.deleteLater()
        flt = model.filter
        title = self.tr("Committee brief")
        if personal:
            title += " " + self.tr("(with personal data)")

        def build(settings: BriefSettings, progress: Callable[[int, int], None]) -> Built:
            from coprod_desktop.services import briefs

            pdf = briefs.committee_brief(
                db,
                flt,
                settings,
                include_personal_data=personal,
                include_journal=journal,
                require_confirmed_names=True,
                progress=progress,
            )
            return Built(write_temporary(pdf, preview_folder()), title)

        def make() -> None:
            self.committee_build = self.produce(build, self.tr("Making the committee brief…"))

        if personal:  # not public: nothing to review
            return self.produce(build, self.tr("Making the committee brief…"))
        municipality = brief_settings(db.user).municipality_name

        def check(_progress: Progress) -> list[NameLike]:
            from coprod_desktop.services import names

            return names.committee_check(
                db, flt, i18n.lang(), include_journal=journal, municipality=municipality
            )

        return self.host.background.run(
            check,
            lambda found: self.review_names(found, make),
            self.failed,
            label=self.tr("Looking for names in the brief…"),
            parent=self.parent_window,
        )

    def review_names(self, found: list[NameLike], then: Callable[[], None]) -> None:
        """Ask about the unconfirmed name-like phrases, store the answers, then `then()`."""
        if not found:
            then()
            return
        from coprod_desktop.ui.name_review import NameReviewDialog

        dialog = NameReviewDialog(found, self.parent_window)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            decisions = dialog.decisions()
        finally:
            dialog.deleteLater()
        db = self.host.db
        if db is None:
            return
        from coprod_desktop.services import names

        self.host.writer.write(lambda: names.decide_many(db, decisions), lambda _stored: then())

    # ------------------------------------------------------------------ machinery

    def produce(
        self,
        build: Callable[[BriefSettings, Callable[[int, int], None]], Built],
        label: str,
    ) -> Operation | None:
        """Run `build` off the GUI thread with a cancellable progress dialog, then preview."""
        db = self.host.db
        ask_brief_identity_once(self.parent_window)
        settings = brief_settings(db.user if db is not None else "")

        def work(progress: Progress) -> Built:
            def report(done: int, total: int) -> None:
                progress.check()  # Cancel stops the build at its next step
                progress.report(done, total)

            _remove_stale(preview_folder())
            report(0, 1)
            built = build(settings, report)
            if progress.cancelled:
                built.path.unlink(missing_ok=True)
                raise Cancelled()
            return built

        return self.host.background.run(
            work,
            self._built,
            self.failed,
            label=label,
            parent=self.parent_window,
            cancellable=True,
        )

    def failed(self, error: BaseException) -> None:
        if isinstance(error, CoprodError):
            self.host.show_error(error)
            return
        log.error("a brief could not be made", exc_info=error)
        QMessageBox.warning(
            self.parent_window,
            self.tr("No brief"),
            self.tr("The brief could not be made: %1").replace("%1", str(error)),
        )

    def _built(self, built: Built) -> None:
        self.show_preview(built)

    def show_preview(self, built: Built) -> PdfPreview | None:
        try:
            preview = PdfPreview(built.path, built.title, self.parent_window)
        except OSError as error:
            built.path.unlink(missing_ok=True)
            self.failed(error)
            return None
        self.previews.append(preview)
        preview.destroyed.connect(lambda _obj=None, p=preview: self._forget(p))
        preview.show()
        preview.raise_()
        preview.activateWindow()
        return preview

    def close_previews(self) -> None:
        for preview in list(self.previews):
            preview.close()

    def _forget(self, preview: PdfPreview) -> None:
        if preview in self.previews:
            self.previews.remove(preview)
