"""Search in documents through their own index: a hit across an initiative and its
documents, documents gone with what removed them, edits that keep documents findable, and
"which document matched" asked of the index for the rows in hand."""

from __future__ import annotations

from pathlib import Path

from coprod_desktop.domain import model as d
from coprod_desktop.services import attachments, initiatives, portfolio_query
from coprod_desktop.services.portfolio_query import PortfolioFilter
from coprod_desktop.store.db import Database
from tests.core import factories


def _found(db: Database, query: str) -> set[int]:
    return set(portfolio_query.ids(db, PortfolioFilter(search=query)))


def _attach(db: Database, initiative: int, tmp_path: Path, name: str, words: str) -> int:
    path = tmp_path / name
    path.write_text(words, encoding="utf-8")
    [kept] = attachments.attach_files(db, initiative, [path])
    attachments.extract_pending(db)
    return kept.id or 0


def test_each_word_may_be_in_the_initiative_or_in_any_of_its_documents(
    any_db: Database, tmp_path: Path
) -> None:
    harbour = factories.initiative(any_db, "Kajanlæg i Ørum").id or 0
    other = factories.initiative(any_db, "Skolehave").id or 0
    _attach(any_db, harbour, tmp_path, "referat.txt", "Borgermødet om ålegræsbedet")
    _attach(any_db, harbour, tmp_path, "tilladelse.txt", "Dispensation fra fredningen")
    _attach(any_db, other, tmp_path, "plan.txt", "Ålegræs og fredning i skolehaven")
    assert _found(any_db, "ørum ålegræsbed") == {harbour}  # title + a document
    assert _found(any_db, "ålegræsbed dispensation") == {harbour}  # two documents
    assert _found(any_db, "aalegraes") == {harbour, other}
    assert _found(any_db, "skolehave fredning") == {other}
    assert _found(any_db, "ørum skolehave") == set()
    assert portfolio_query.count(any_db, PortfolioFilter(search="fredning")) == 2


def test_which_document_matched_is_told_only_for_the_rows_asked_about(
    any_db: Database, tmp_path: Path
) -> None:
    first = factories.initiative(any_db, "Havnebad").id or 0
    second = factories.initiative(any_db, "Havnefront").id or 0
    minutes = _attach(any_db, first, tmp_path, "referat.txt", "Vandkvaliteten ved Havnebadet")
    _attach(any_db, first, tmp_path, "budget.txt", "Omkostninger til livredder")
    report = _attach(any_db, second, tmp_path, "rapport.txt", "Vandkvalitet og strøm")
    both = attachments.matching_documents(any_db, "vandkval")
    assert [(hit.initiative_id, hit.attachment_id, hit.name) for hit in both] == [
        (first, minutes, "referat.txt"),
        (second, report, "rapport.txt"),
    ]
    assert [hit.name for hit in attachments.matching_documents(any_db, "vandkval", [second])] == [
        "rapport.txt"
    ]
    # every word in the same document; a word only in the title names no document
    assert attachments.matching_documents(any_db, "vandkvalitet livredder") == []
    assert attachments.matching_documents(any_db, "havnebad", [first, second]) == [
        attachments.DocumentHit(first, minutes, "referat.txt")
    ]
    assert attachments.matching_documents(any_db, "!!!") == []


def test_a_removed_document_or_initiative_is_no_longer_found_by_its_words(
    any_db: Database, tmp_path: Path
) -> None:
    kept = factories.initiative(any_db, "Kajen").id or 0
    removed = factories.initiative(any_db, "Slæbestedet").id or 0
    document = _attach(any_db, kept, tmp_path, "tegning.txt", "Tegning af fiskerhusene")
    _attach(any_db, removed, tmp_path, "skitse.txt", "Skitse af bådebroen og fiskerhusene")
    assert _found(any_db, "fiskerhuse") == {kept, removed}
    attachments.delete_attachment(any_db, document)
    assert _found(any_db, "fiskerhuse") == {removed}
    initiatives.delete_initiative(any_db, removed)
    assert _found(any_db, "fiskerhuse") == set() and _found(any_db, "bådebro") == set()
    assert attachments.matching_documents(any_db, "fiskerhuse") == []


def test_editing_the_initiative_keeps_its_documents_findable(
    any_db: Database, tmp_path: Path
) -> None:
    made = factories.initiative(any_db, "Kajanlæg")
    _attach(any_db, made.id or 0, tmp_path, "referat.txt", "Ålegræsbedet ved molen")
    data = initiatives.get_initiative(any_db, made.id or 0)
    data.title = "Nyt kajanlæg"
    data.outcomes = [d.OutcomeData(indicator="Ålegræs i hektar", evidence="Dykkerrapport")]
    initiatives.save_initiative(any_db, data)
    assert _found(any_db, "nyt molen") == {made.id}
    assert _found(any_db, "dykkerrapport ålegræsbed") == {made.id}
    assert _found(any_db, "kajanlæg") == {made.id}
