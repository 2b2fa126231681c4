"""The briefs in the app: Reports menu, committee dialog, editor button, preview, print, save."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QPushButton

from coprod_desktop import paths
from coprod_desktop.services import reporting
from coprod_desktop.ui import i18n
from coprod_desktop.ui import preferences as prefs
from coprod_desktop.ui.brief_dialogs import CommitteeDialog, PdfPreview, preview_folder

DEMO_PERSONS_MIN = 5


def pdf_text(path: Path) -> str:
    reader = PdfReader(str(path))
    return " ".join(" ".join((page.extract_text() or "") for page in reader.pages).split())


def pdf_pages(path: Path) -> int:
    return len(PdfReader(str(path)).pages)


def make(window, qtbot, key: str) -> PdfPreview:  # type: ignore[no-untyped-def]
    """Trigger a Reports action and wait for its preview window."""
    before = len(window.briefs.previews)
    window.report_actions[key].trigger()
    qtbot.waitUntil(lambda: len(window.briefs.previews) > before, timeout=20000)
    preview = window.briefs.previews[-1]
    qtbot.addWidget(preview)
    return preview


def check_preview(preview: PdfPreview) -> str:
    """The preview shows the file it was given, with all its pages; returns the text."""
    assert preview.isVisible()
    assert preview.path.is_file()
    assert preview.path.parent == preview_folder()
    assert paths.data_dir() in preview.path.parents
    pages = pdf_pages(preview.path)
    assert pages > 0
    assert preview.page_count == pages
    assert preview.page_label.text().endswith(f" {pages}")  # "Page 1 of 3"
    return pdf_text(preview.path)


def tick_personal_data(monkeypatch: pytest.MonkeyPatch, tick: bool) -> list[bool]:
    """Answer the committee dialog (ticking the box or not); returns, for each dialog shown,
    whether it showed its personal-data warning when answered."""
    warned: list[bool] = []

    def answer(dialog: CommitteeDialog) -> int:
        assert not dialog.personal.isChecked()  # public-safe is the default
        dialog.personal.setChecked(tick)
        warned.append(dialog.warning.isVisibleTo(dialog))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(CommitteeDialog, "exec", answer)
    return warned


# ---------------------------------------------------------------- the Reports menu


def test_reports_actions_are_enabled_with_a_database(qtbot, empty_db):
    from coprod_desktop.ui.main_window import MainWindow

    win = MainWindow()
    qtbot.addWidget(win)
    assert not any(a.isEnabled() for a in win.report_actions.values())
    win.set_database(empty_db)
    assert all(a.isEnabled() for a in win.report_actions.values())
    assert [a.objectName() for a in win.reports_menu.actions()] == [
        "report_initiative_brief",
        "report_portfolio_review",
        "report_committee_brief",
    ]


def test_initiative_brief_of_the_selected_row(window, qtbot):
    view = window.portfolio
    view.table.selectRow(2)
    ident = view.selected_ids()[0]
    reference = next(r.reference for r in view.model.rows if r.id == ident)
    preview = make(window, qtbot, "initiative_brief")
    text = check_preview(preview)
    assert f"Initiative brief · {reference}" in text
    assert reference in preview.windowTitle()
    assert pdf_pages(preview.path) <= 3


def test_initiative_brief_needs_a_selection(window, qtbot, monkeypatch):
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *a: told.append(text))
    window.portfolio.table.clearSelection()
    assert window.briefs.initiative_brief() is None
    assert told and "Select an initiative" in told[0]
    assert not window.briefs.previews


def test_portfolio_review_follows_the_portfolio_filter(window, qtbot):
    window.portfolio.filters.sector.set_key("harbours")
    assert window.portfolio.model.total == 1
    preview = make(window, qtbot, "portfolio_review")
    text = check_preview(preview)
    assert "Portfolio review" in text
    assert "Sector: Harbours" in text
    assert "CP-2024-001" in text
    assert "CP-2024-002" not in text  # tourism, filtered out


def test_portfolio_review_of_everything(window, qtbot):
    preview = make(window, qtbot, "portfolio_review")
    text = check_preview(preview)
    assert pdf_pages(preview.path) >= 2
    for reference in ("CP-2024-001", "CP-2025-004", "CP-2026-002"):
        assert reference in text


def test_committee_brief_is_public_safe_by_default(window, qtbot, monkeypatch, demo_db):
    persons = [p.name for p in reporting.recorded_persons(demo_db)]
    assert len(persons) >= DEMO_PERSONS_MIN
    shown = tick_personal_data(monkeypatch, False)
    preview = make(window, qtbot, "committee_brief")
    text = check_preview(preview)
    assert shown == [False]
    assert "Public version: no personal data." in text
    assert "CP-2024-006" in text  # the initiatives are there ...
    for name in persons:  # ... their persons are not
        assert name not in text, name


def test_committee_brief_with_personal_data(window, qtbot, monkeypatch, demo_db):
    persons = [p.name for p in reporting.recorded_persons(demo_db)]
    shown = tick_personal_data(monkeypatch, True)
    preview = make(window, qtbot, "committee_brief")
    text = check_preview(preview)
    assert shown == [True]
    assert "personal data" in preview.windowTitle()
    assert "This version contains personal data" in text
    for name in persons:
        assert name in text, name


def test_committee_brief_follows_the_filter(window, qtbot, monkeypatch):
    window.portfolio.filters.sector.set_key("eldercare")
    tick_personal_data(monkeypatch, False)
    text = check_preview(make(window, qtbot, "committee_brief"))
    assert "CP-2024-006" in text and "CP-2026-001" in text
    assert "CP-2024-001" not in text


def test_committee_dialog_cancelled_makes_nothing(window, qtbot, monkeypatch):
    monkeypatch.setattr(CommitteeDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    assert window.briefs.committee_brief() is None
    assert not window.briefs.previews and not window.background.busy


def test_committee_dialog_warns_when_personal_data_is_ticked(qtbot):
    dialog = CommitteeDialog(16)
    qtbot.addWidget(dialog)
    dialog.show()
    assert "Initiatives covered: 16 " in dialog.intro.text()
    assert dialog.safe_note.isVisible() and not dialog.warning.isVisible()
    assert not dialog.include_personal_data
    dialog.personal.click()
    assert dialog.warning.isVisible() and not dialog.safe_note.isVisible()
    assert "personal data" in dialog.warning_text.text()
    assert dialog.include_personal_data
    dialog.personal.click()
    assert not dialog.warning.isVisible()


# ---------------------------------------------------------------- settings and language


def test_brief_carries_municipality_and_author_from_the_settings(window, qtbot):
    prefs.set_value("briefs/municipality", "Sønderby Kommune")
    prefs.set_value("user/name", "Hanne Østergaard")
    window.portfolio.filters.sector.set_key("harbours")
    preview = make(window, qtbot, "portfolio_review")
    text = check_preview(preview)
    assert "Sønderby Kommune" in text
    assert "Hanne Østergaard" in text
    assert PdfReader(str(preview.path)).metadata.author == "Hanne Østergaard"


def test_brief_speaks_the_app_language(window, qtbot):
    i18n.set_language("da")
    window.portfolio.filters.sector.set_key("harbours")
    preview = make(window, qtbot, "portfolio_review")
    text = check_preview(preview)
    assert "Porteføljegennemgang" in text
    assert "Side 1 af" in text
    pages = len(PdfReader(str(preview.path)).pages)  # the list of initiatives is landscape
    assert preview.page_label.text() == f"Side 1 af {pages}"  # the preview speaks Danish too
    assert preview.windowTitle() == "Porteføljegennemgang – forhåndsvisning"


# ---------------------------------------------------------------- the editor's button


def test_editor_brief_button(window, qtbot):
    ident = window.portfolio.model.row_id(0)
    editor = window.open_initiative(ident)
    assert editor.brief_button.isVisible()
    reference = editor.data.reference
    editor.brief_button.click()
    qtbot.waitUntil(lambda: bool(window.briefs.previews), timeout=20000)
    text = check_preview(window.briefs.previews[-1])
    assert f"Initiative brief · {reference}" in text
    assert editor.data.title in text


def test_menu_brief_uses_the_current_editor(window, qtbot):
    editor = window.open_initiative(window.portfolio.model.row_id(5))
    window.portfolio.table.selectRow(0)  # the editor's tab is current, not the portfolio
    text = check_preview(make(window, qtbot, "initiative_brief"))
    assert editor.data.reference in text


def test_editor_brief_saves_unsaved_changes_first(window, qtbot, monkeypatch):
    asked: list[str] = []

    def answer(_parent, _title, text, *args):  # type: ignore[no-untyped-def]
        asked.append(text)
        return QMessageBox.StandardButton.Save

    monkeypatch.setattr(QMessageBox, "question", answer)
    editor = window.open_initiative(window.portfolio.model.row_id(0))
    editor.title.setText("Strandholm Harbour – the plan after the hearing")
    editor.title.editingFinished.emit()
    assert editor.dirty
    editor.brief_button.click()
    assert asked and "Save your changes" in asked[0]
    qtbot.waitUntil(lambda: not editor.dirty, timeout=10000)  # saved
    qtbot.waitUntil(lambda: bool(window.briefs.previews), timeout=20000)
    text = check_preview(window.briefs.previews[-1])
    assert "Strandholm Harbour – the plan after the hearing" in text


def test_editor_brief_cancelled_keeps_the_changes(window, qtbot, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Cancel)
    editor = window.open_initiative(window.portfolio.model.row_id(0))
    editor.title.setText("Not yet saved")
    editor.title.editingFinished.emit()
    assert window.briefs.brief_for_editor(editor) is None
    assert editor.dirty and not window.background.busy and not window.briefs.previews


def test_new_initiative_must_be_saved_before_its_brief(window, qtbot, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Save)
    editor = window.new_initiative()
    outcome: list[bool] = []
    editor.save_finished.connect(outcome.append)
    editor.brief_button.click()  # saving fails: no title yet
    qtbot.waitUntil(lambda: outcome == [False], timeout=10000)
    assert editor.initiative_id is None
    assert not window.background.busy and not window.briefs.previews


# ---------------------------------------------------------------- background and cancel


def test_cancel_stops_waiting_and_leaves_no_file(window, qtbot):
    gate = threading.Event()
    window.background.run(lambda _p: gate.wait(10))  # keeps the one worker busy
    operation = window.briefs.portfolio_review()
    assert operation is not None
    operation.cancel()
    with qtbot.waitSignal(operation.done, timeout=20000):
        gate.set()
    assert not window.briefs.previews
    assert not list(preview_folder().glob("brief-*.pdf"))


def test_progress_dialog_offers_cancel(window, qtbot):
    gate = threading.Event()
    window.background.run(lambda _p: gate.wait(10))
    operation = window.briefs.portfolio_review()
    assert operation is not None and operation.dialog is not None
    assert operation.dialog.labelText() == "Making the portfolio review…"
    cancel = operation.dialog.findChild(QPushButton)
    assert cancel is not None and cancel.text() == "Cancel"
    cancel.click()
    assert operation.cancelled
    with qtbot.waitSignal(operation.done, timeout=20000):
        gate.set()
    assert not window.briefs.previews


def test_a_failed_brief_is_shown_in_plain_words(window, qtbot, monkeypatch):
    from coprod_desktop.domain.errors import DatabaseUnavailableError
    from coprod_desktop.services import briefs

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: shown.append(text))

    def broken(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        raise DatabaseUnavailableError("the server is gone")

    monkeypatch.setattr(briefs, "portfolio_review", broken)
    operation = window.briefs.portfolio_review()
    with qtbot.waitSignal(operation.done, timeout=20000):
        pass
    assert shown and "Traceback" not in shown[0]
    assert not window.briefs.previews


# ---------------------------------------------------------------- save and print


def test_save_as_writes_the_pdf(window, qtbot, monkeypatch, tmp_path):
    window.portfolio.filters.sector.set_key("harbours")
    preview = make(window, qtbot, "portfolio_review")
    target = tmp_path / "out" / "review"
    offered: list[str] = []

    def choose(_parent, _title, suggested, _filter, *a, **k):  # type: ignore[no-untyped-def]
        offered.append(suggested)
        return str(target), "PDF documents (*.pdf)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", choose)
    saved = preview.save_as()
    assert saved == tmp_path / "out" / "review.pdf"
    assert saved.read_bytes() == preview.path.read_bytes()
    assert "CP-2024-001" in pdf_text(saved)
    assert offered[0].endswith("Portfolio review.pdf")
    assert prefs.get_str("briefs/save_folder") == str(tmp_path / "out")


@pytest.mark.parametrize("where", ["link to the database", "backups", "folder", "pipe"])
def test_save_as_refuses_the_database_backups_and_folders_in_plain_words(
    window, qtbot, monkeypatch, tmp_path, where
):  # type: ignore[no-untyped-def]
    import os

    window.portfolio.filters.sector.set_key("harbours")
    preview = make(window, qtbot, "portfolio_review")
    database = window.db.path
    target = {
        "link to the database": tmp_path / "link.pdf",
        "backups": paths.backups_dir() / "brief.pdf",
        "folder": tmp_path / "folder.pdf",
        "pipe": tmp_path / "pipe.pdf",
    }[where]
    if where == "link to the database":
        target.symlink_to(database)
    elif where == "folder":
        target.mkdir()
    elif where == "pipe":
        os.mkfifo(target)
    before = database.read_bytes()
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "PDF documents (*.pdf)")
    )
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: shown.append(text))
    assert preview.save_as() is None
    assert len(shown) == 1 and "nothing was written" in shown[0] and str(target) in shown[0]
    assert database.read_bytes() == before
    assert not (paths.backups_dir() / "brief.pdf").exists()
    assert not list(tmp_path.glob(".*.part"))


def test_save_as_cancelled_writes_nothing(window, qtbot, monkeypatch, tmp_path):
    window.portfolio.filters.sector.set_key("harbours")
    preview = make(window, qtbot, "portfolio_review")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    assert preview.save_as() is None


def test_closing_the_preview_removes_its_temporary_file(window, qtbot):
    window.portfolio.filters.sector.set_key("harbours")
    preview = make(window, qtbot, "portfolio_review")
    path = preview.path
    preview.close()
    assert not path.exists()
    qtbot.waitUntil(lambda: not window.briefs.previews)


def pdf_printer(path: Path):  # type: ignore[no-untyped-def]
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setFullPage(True)
    return printer


def test_print_renders_every_page(window, qtbot, tmp_path):
    preview = make(window, qtbot, "portfolio_review")
    printed = tmp_path / "printed.pdf"
    assert preview.print_to(pdf_printer(printed))
    assert pdf_pages(printed) == preview.page_count
    assert printed.stat().st_size > 50_000  # the pages are drawn, not blank


def test_print_respects_the_page_range(window, qtbot, tmp_path):
    from PySide6.QtGui import QPageRanges
    from PySide6.QtPrintSupport import QPrinter

    preview = make(window, qtbot, "portfolio_review")
    assert preview.page_count >= 2
    printer = pdf_printer(tmp_path / "page2.pdf")
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    ranges = QPageRanges()
    ranges.addPage(2)
    printer.setPageRanges(ranges)
    assert preview.pages_to_print(printer) == [1]
    assert preview.print_to(printer)
    assert pdf_pages(tmp_path / "page2.pdf") == 1


def test_print_dialog_path(window, qtbot, monkeypatch, tmp_path):
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    preview = make(window, qtbot, "portfolio_review")
    target = tmp_path / "dialog.pdf"
    seen: list[tuple[int, int]] = []

    def accept(dialog: QPrintDialog) -> int:
        seen.append((dialog.minPage(), dialog.maxPage()))
        printer = dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    assert preview.print_dialog()
    assert seen == [(1, preview.page_count)]
    assert pdf_pages(target) == preview.page_count

    monkeypatch.setattr(QPrintDialog, "exec", lambda _d: QDialog.DialogCode.Rejected)
    assert not preview.print_dialog()


def test_quitting_closes_the_previews_and_their_files(window, qtbot):
    window.portfolio.filters.sector.set_key("harbours")
    first = make(window, qtbot, "portfolio_review")
    second = make(window, qtbot, "portfolio_review")
    files = [first.path, second.path]
    assert files[0] != files[1] and all(f.exists() for f in files)
    window.briefs.close_previews()  # what the application's aboutToQuit does
    assert not any(f.exists() for f in files)
    qtbot.waitUntil(lambda: not window.briefs.previews)


def test_the_first_brief_asks_once_for_the_municipality_and_the_author(window, qtbot, monkeypatch):
    from coprod_desktop.ui.brief_dialogs import BriefIdentityDialog

    prefs.set_value("briefs/identity_asked", "")
    asked: list[BriefIdentityDialog] = []

    def answer(dialog: BriefIdentityDialog) -> int:
        asked.append(dialog)
        assert dialog.municipality.text() == ""  # nothing made up
        qtbot.keyClicks(dialog.municipality, "Sønderby Kommune")
        dialog.author.clear()
        qtbot.keyClicks(dialog.author, "Hanne Østergaard")
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(BriefIdentityDialog, "exec", answer)
    text = check_preview(make(window, qtbot, "portfolio_review"))
    assert len(asked) == 1
    assert "Sønderby Kommune" in text and "Hanne Østergaard" in text
    assert "coprod-desktop" not in text.splitlines()[0]
    make(window, qtbot, "portfolio_review")
    assert len(asked) == 1  # once


def test_not_now_is_not_asked_again(window, qtbot, monkeypatch):
    from coprod_desktop.ui.brief_dialogs import BriefIdentityDialog

    prefs.set_value("briefs/identity_asked", "")
    asked: list[int] = []
    monkeypatch.setattr(
        BriefIdentityDialog,
        "exec",
        lambda self: asked.append(1) or QDialog.DialogCode.Rejected.value,
    )
    make(window, qtbot, "portfolio_review")
    make(window, qtbot, "portfolio_review")
    assert asked == [1]
    assert prefs.get_str("briefs/municipality") == ""


# ---------------------------------------------------------------- a large portfolio review


@pytest.fixture
def generated_window(qtbot, tmp_path):  # type: ignore[no-untyped-def]
    """The main window on a generated portfolio long enough to be laid out page by page."""
    from coprod_desktop.reports.page_template import PAGED_ROWS
    from coprod_desktop.store.migrate import open_database
    from tests.benchmarks import generate
    from tests.ui.helpers import main_window

    path = tmp_path / "generated.sqlite"
    generate.build(path, PAGED_ROWS + 100, quiet=True)
    db = open_database(str(path), user="tester")
    try:
        with main_window(qtbot, db) as win:
            yield win
    finally:
        db.dispose()


def test_a_large_portfolio_review_shows_progress_and_every_initiative(generated_window, qtbot):
    window = generated_window
    seen: list[tuple[int, int]] = []
    operation = window.briefs.portfolio_review()
    assert operation is not None and operation.dialog is not None
    operation.signals.progress.connect(lambda done, total: seen.append((done, total)))
    with qtbot.waitSignal(operation.done, timeout=60000):
        pass
    preview = window.briefs.previews[-1]
    qtbot.addWidget(preview)
    text = check_preview(preview)
    references = [row.reference for row in reporting.load_portfolio(window.db, light=True)]
    assert len(references) == window.portfolio.model.total
    assert all(reference in text for reference in references)
    # the bar moved on page by page while the table was laid out, and came to the end
    assert len({done for done, _total in seen if 55 < done < 100}) >= 3
    assert seen[-1] == (100, 100)


def test_cancel_stops_a_large_portfolio_review_while_its_pages_are_laid_out(
    generated_window, qtbot, monkeypatch
):
    from coprod_desktop.reports.page_template import PagedTable

    window = generated_window
    laying_out, go_on = threading.Event(), threading.Event()
    pages: list[int] = []
    lay_out_page = PagedTable._page

    def slow_page(self, end):  # type: ignore[no-untyped-def]
        # a slow machine: the second page of the table waits until the user has cancelled
        pages.append(end)
        if len(pages) == 2:
            laying_out.set()
            go_on.wait(20)
        return lay_out_page(self, end)

    monkeypatch.setattr(PagedTable, "_page", slow_page)
    operation = window.briefs.portfolio_review()
    assert operation is not None and operation.dialog is not None
    qtbot.waitUntil(laying_out.is_set, timeout=60000)
    cancel = operation.dialog.findChild(QPushButton)
    assert cancel is not None
    cancel.click()
    with qtbot.waitSignal(operation.done, timeout=20000):
        go_on.set()
    # stopped at the next page: not laid out to the end, no preview, no file left behind
    assert len(pages) == 2
    assert not window.briefs.previews
    assert not list(preview_folder().glob("brief-*.pdf"))
