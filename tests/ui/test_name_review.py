"""Before a public committee brief: the review of name-like phrases (keep / replace)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QDialog

from coprod_desktop.domain.public_names import NameLike
from coprod_desktop.services import exchange, names
from coprod_desktop.store.db import Database
from coprod_desktop.ui import i18n
from coprod_desktop.ui.brief_dialogs import CommitteeDialog
from coprod_desktop.ui.name_review import KEEP, NameReviewDialog

EXTRA = {
    "format": "coprod-interchange",
    "version": 1,
    "stakeholders": [],
    "initiatives": [
        {
            "key": "i",
            "reference": "CP-2026-777",
            "title": "Harbour benches with Anna Berg",
            "summary": "Peter Holm helps with the benches.",
            "sector": "harbours",
            "status": "active",
            "journal": [
                {"date": "2026-01-02", "kind": "decision", "summary": "Karen Lund approved."}
            ],
        }
    ],
}


def found() -> list[NameLike]:
    return [
        NameLike("Anna Berg", "anna berg", [("CP-2026-777 title", "Harbour benches with …")]),
        NameLike("Peter Holm", "peter holm", [("CP-2026-777 summary", "Peter Holm helps …")]),
    ]


def test_each_phrase_defaults_to_a_neutral_replacement(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = NameReviewDialog(found())
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.table.rowCount() == 2
    assert dialog.table.item(0, 0).text() == "Anna Berg"
    assert dialog.table.item(1, 1).text() == "CP-2026-777 summary"
    assert dialog.decisions() == [("Anna Berg", "a person"), ("Peter Holm", "a person")]
    dialog.decisions_boxes[1].setCurrentIndex(KEEP)
    assert not dialog.replacement_edits[1].isEnabled()
    dialog.replacement_edits[0].clear()
    assert not dialog.ok_button.isEnabled()  # nothing typed: nothing to print instead
    assert "Anna Berg" in dialog.hint.text() and dialog.hint.isVisible()
    qtbot.keyClicks(dialog.replacement_edits[0], "a resident")
    assert dialog.ok_button.isEnabled() and not dialog.hint.isVisible()
    assert dialog.decisions() == [("Anna Berg", "a resident"), ("Peter Holm", None)]


def test_the_dialog_speaks_danish(qtbot) -> None:  # type: ignore[no-untyped-def]
    i18n.set_language("da")
    dialog = NameReviewDialog(found())
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Navne i det offentlige notat"
    assert dialog.ok_button.text() == "Gem og lav notatet"
    assert dialog.decisions()[0] == ("Anna Berg", "en person")


def answer_committee(monkeypatch: pytest.MonkeyPatch, journal: bool) -> None:
    def answer(dialog: CommitteeDialog) -> int:
        assert not dialog.journal.isChecked()  # no journal text by default
        dialog.journal.setChecked(journal)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(CommitteeDialog, "exec", answer)


def test_the_brief_is_made_after_the_review_and_not_asked_again(
    window, qtbot, monkeypatch, demo_db: Database
) -> None:  # type: ignore[no-untyped-def]
    exchange.import_document(demo_db, EXTRA)
    answer_committee(monkeypatch, journal=False)
    reviewed: list[list[str]] = []

    def review(dialog: NameReviewDialog) -> int:
        reviewed.append([item.phrase for item in dialog.found])
        dialog.decisions_boxes[1].setCurrentIndex(KEEP)  # Peter Holm may be published
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(NameReviewDialog, "exec", review)
    window.report_actions["committee_brief"].trigger()
    qtbot.waitUntil(lambda: bool(window.briefs.previews), timeout=20000)
    preview = window.briefs.previews[-1]
    qtbot.addWidget(preview)
    assert reviewed == [["Anna Berg", "Peter Holm"]]
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(str(preview.path)).pages).split())
    assert "Harbour benches with a person" in text and "Anna Berg" not in text
    assert "Peter Holm helps" in text
    assert "Karen Lund" not in text  # journal off
    stored = {(d.phrase, d.replacement) for d in names.list_decisions(demo_db)}
    assert stored == {("Anna Berg", "a person"), ("Peter Holm", None)}

    # made again: nothing left to ask
    window.report_actions["committee_brief"].trigger()
    qtbot.waitUntil(lambda: len(window.briefs.previews) == 2, timeout=20000)
    qtbot.addWidget(window.briefs.previews[-1])
    assert len(reviewed) == 1


def test_cancelling_the_review_makes_and_stores_nothing(
    window, qtbot, monkeypatch, demo_db: Database
) -> None:  # type: ignore[no-untyped-def]
    exchange.import_document(demo_db, EXTRA)
    answer_committee(monkeypatch, journal=True)
    reviewed: list[list[str]] = []

    def cancel(dialog: NameReviewDialog) -> int:
        reviewed.append([item.phrase for item in dialog.found])
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(NameReviewDialog, "exec", cancel)
    window.report_actions["committee_brief"].trigger()
    qtbot.waitUntil(lambda: bool(reviewed), timeout=20000)
    window.background.wait()
    qtbot.wait(50)
    assert reviewed == [["Anna Berg", "Peter Holm", "Karen Lund"]]  # the journal too
    assert not window.briefs.previews
    assert names.list_decisions(demo_db) == []


@pytest.mark.parametrize("lang", ["en", "da"])
def test_screenshot(qtbot, lang: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    i18n.set_language(lang)
    dialog = NameReviewDialog(found())
    qtbot.addWidget(dialog)
    dialog.resize(1366, 768)
    dialog.show()
    image = dialog.grab()
    assert not image.isNull()
    image.save(str(tmp_path / f"name-review-{lang}.png"))
