"""Documents in the GUI: the editor's Documents tab, drops on the editor and on a portfolio
row, the e-mail drop, and opening a private copy."""

from __future__ import annotations

import stat
from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from coprod_desktop.domain import model as d
from coprod_desktop.services import attachments, initiatives, stakeholders
from coprod_desktop.ui import documents_tab
from tests.core.attachments.documents import make_docx
from tests.core.attachments.messages import make_eml


def _open(window, row: int = 0):  # type: ignore[no-untyped-def]
    ident = window.portfolio.model.row_id(row)
    editor = window.open_initiative(ident)
    assert editor is not None
    return editor


def _drop(widget: QWidget, paths: list[Path], at: QPoint | None = None) -> bool:
    """A real drag entering `widget` and a drop of `paths` on it; True when it was taken.
    Like a file manager's drag, it carries the paths as text too."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    mime.setText("\n".join(str(p) for p in paths))
    point = QPointF(at if at is not None else widget.rect().center())
    action = Qt.DropAction.CopyAction
    buttons, modifiers = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(point.toPoint(), action, mime, buttons, modifiers)
    QApplication.sendEvent(widget, enter)
    if not enter.isAccepted():
        return False
    drop = QDropEvent(point, action, mime, buttons, modifiers)
    QApplication.sendEvent(widget, drop)
    return drop.isAccepted()


def test_the_documents_tab_adds_lists_and_removes(window, qtbot, tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    editor = _open(window)
    page = editor.attachments_page
    assert editor.tabs.tabText(editor.tabs.indexOf(page)) == "Documents"
    assert editor.tabs.tabText(editor.tabs.count() - 1) == "History"  # still last
    plan = tmp_path / "Lokalplan.txt"
    plan.write_text("Lokalplan for havnen", "utf-8")
    page.add_files([plan])
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10_000)
    assert page.model.index(0, 0).data() == "Lokalplan.txt"
    assert page.model.index(0, 1).data() == "20 bytes"
    page.table.selectRow(0)
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    )
    page.remove_selected()
    qtbot.waitUntil(lambda: page.model.rowCount() == 0, timeout=10_000)
    assert attachments.list_attachments(window.db, editor.data.id) == []


def test_files_dropped_on_the_editor_are_kept(window, qtbot, tmp_path):  # type: ignore[no-untyped-def]
    editor = _open(window)
    docx = make_docx(tmp_path / "referat.docx", "Referat af mødet")
    photo = tmp_path / "kajen.jpg"
    photo.write_bytes(b"\xff\xd8\xff" + bytes(1000))
    title = editor.title.text()
    assert _drop(editor.title, [docx, photo])  # anywhere on the editor, even on a text field
    assert _drop(editor.summary.viewport(), [docx])
    assert editor.title.text() == title and not editor.dirty  # no path typed in
    page = editor.attachments_page
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=10_000)
    assert editor.tabs.currentWidget() is page
    names = [a.name for a in attachments.list_attachments(window.db, editor.data.id)]
    assert names == ["referat.docx", "kajen.jpg", "referat.docx"]
    assert not _drop(editor, [tmp_path])  # a folder is not taken


def test_files_dropped_on_a_portfolio_row_go_to_that_initiative(window, qtbot, tmp_path):  # type: ignore[no-untyped-def]
    table = window.portfolio.table
    target = window.portfolio.model.row_id(1)
    note = tmp_path / "note.txt"
    note.write_text("noter", "utf-8")
    centre = table.visualRect(window.portfolio.model.index(1, 1)).center()
    assert _drop(table.viewport(), [note], centre)
    qtbot.waitUntil(
        lambda: len(attachments.list_attachments(window.db, target)) == 1, timeout=10_000
    )
    other = window.portfolio.model.row_id(0)
    assert attachments.list_attachments(window.db, other) == []


def test_a_dropped_email_becomes_a_journal_entry(window, qtbot, tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    editor = _open(window)
    stakeholders.create_stakeholder(
        window.db,
        d.StakeholderData(name="Søren Fisker", kind="citizen", email="soren@havnelauget.dk"),
    )
    before = len(editor.data.journal)
    asked = []

    def answer(parent, message, known):  # type: ignore[no-untyped-def]
        dialog = documents_tab.ParticipantsDialog(message, known, parent)
        asked.append(sorted(dialog.boxes))  # the people it offers to add
        dialog.boxes["ukendt@example.org"].setChecked(True)
        return dialog.chosen()

    monkeypatch.setattr(documents_tab, "ask_participants", answer)
    eml = make_eml(tmp_path / "referat.eml")
    assert _drop(editor, [eml])
    qtbot.waitUntil(lambda: len(editor.data.journal) == before + 1, timeout=10_000)
    assert asked == [["mette@kommune.dk", "ukendt@example.org"]]
    entry = next(j for j in editor.data.journal if j.kind == "email")
    assert entry.summary.startswith("Referat fra bådelauget")
    assert sorted(entry.participant_names) == ["Søren Fisker", "ukendt@example.org"]
    assert not editor.dirty
    qtbot.waitUntil(lambda: editor.attachments_page.model.rowCount() == 1, timeout=10_000)


def test_open_hands_the_viewer_a_private_copy(window, qtbot, tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    editor = _open(window)
    data = b"%PDF-1.4 fortroligt"
    source = tmp_path / "tilladelse.pdf"
    source.write_bytes(data)
    [added] = attachments.attach_files(window.db, editor.data.id, [source])
    editor.attachments_page.reload()
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url)))
    editor.attachments_page.table.selectRow(0)
    editor.attachments_page.open_selected()
    [url] = opened
    copy = Path(url.toLocalFile())
    assert copy.read_bytes() == data and copy.name == added.name
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    assert stat.S_IMODE(copy.parent.stat().st_mode) == 0o700
    assert window.db.path is not None and copy.parent != window.db.path.parent


def test_a_new_initiative_asks_to_be_saved_first(window):  # type: ignore[no-untyped-def]
    editor = window.new_initiative()
    page = editor.attachments_page
    assert not page.add_button.isEnabled()
    assert "Save the initiative first" in page.note.text()
    assert initiatives  # the service layer stays the only writer


def test_the_size_limit_is_a_setting_and_a_larger_file_is_refused_plainly(
    window, qtbot, tmp_path, message_boxes
):  # type: ignore[no-untyped-def]
    from coprod_desktop.ui.dialogs import SettingsDialog

    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    assert dialog.attachment_limit.value() == 50  # the default
    dialog.attachment_limit.setValue(1)
    dialog.store()
    assert attachments.size_limit() == 1024 * 1024
    editor = _open(window)
    big = tmp_path / "film.mp4"
    big.write_bytes(bytes(2 * 1024 * 1024))
    message_boxes.expect(1)
    editor.attachments_page.add_files([big])
    qtbot.waitUntil(lambda: len(message_boxes.shown) == 1, timeout=10_000)
    _kind, _title, text = message_boxes.shown[0]
    assert "film.mp4" in text and "2.0 MB" in text and "1 MB" in text.replace("1.0 MB", "1 MB")
    assert editor.attachments_page.model.rowCount() == 0
