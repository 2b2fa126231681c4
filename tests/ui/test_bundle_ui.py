"""A `.coprodz` bundle from the GUI: exported with the documents, imported by the wizard."""

from __future__ import annotations

import hashlib

from PySide6.QtWidgets import QFileDialog

from coprod_desktop.services import attachments, portfolio_query
from coprod_desktop.services.portfolio_query import PortfolioFilter
from coprod_desktop.ui.import_wizard import ImportWizard
from tests.core.attachments.documents import make_pdf


def test_export_a_bundle_and_import_it_with_the_wizard(
    window, empty_window, qtbot, tmp_path, monkeypatch
):  # type: ignore[no-untyped-def]
    ident = window.portfolio.model.row_id(0)
    pdf = make_pdf(tmp_path / "plan.pdf", "Lokalplan for Fiskerlejet")
    attachments.attach_files(window.db, ident, [pdf])
    target = tmp_path / "out"

    def save(_parent, _title, _start, filters, _selected):  # type: ignore[no-untyped-def]
        return str(target), next(f for f in filters.split(";;") if "*.coprodz)" in f)

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save)
    window.export_dialog()
    written = tmp_path / "out.coprodz"
    qtbot.waitUntil(lambda: written.exists() and not window.background.busy, timeout=10000)

    wizard = empty_window.import_dialog(str(written))
    assert isinstance(wizard, ImportWizard)
    wizard.next_button.click()
    qtbot.waitUntil(
        lambda: wizard.steps.currentIndex() == ImportWizard.STEP_PREVIEW and not wizard.busy,
        timeout=10000,
    )
    wizard.import_button.click()
    qtbot.waitUntil(lambda: wizard.steps.currentIndex() == ImportWizard.STEP_RESULT, timeout=10000)
    reference = next(
        r.reference for r in portfolio_query.rows(window.db, PortfolioFilter()) if r.id == ident
    )
    [kept] = attachments.list_attachments(empty_window.db, reference)
    assert kept.sha256 == hashlib.sha256(pdf.read_bytes()).hexdigest()
    found = portfolio_query.rows(empty_window.db, PortfolioFilter(search="fiskerlejet"))
    assert [r.reference for r in found] == [reference]  # the words came along
