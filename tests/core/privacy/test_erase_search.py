"""An erase leaves the person's words in neither search index: not in an outcome (whose text
the search finds), not in a kept document's words, not in a deleted document's."""

from __future__ import annotations

from pathlib import Path

from coprod_desktop.domain import model as d
from coprod_desktop.services import attachments, initiatives, portfolio_query, privacy, stakeholders
from coprod_desktop.services.portfolio_query import PortfolioFilter
from coprod_desktop.store.db import Database
from tests.core import factories

NAME = "Birthe Ørskovby"


def _found(db: Database, query: str) -> set[int]:
    return set(portfolio_query.ids(db, PortfolioFilter(search=query)))


def _document(db: Database, initiative: int, tmp_path: Path, name: str, words: str) -> int:
    path = tmp_path / name
    path.write_text(words, encoding="utf-8")
    [kept] = attachments.attach_files(db, initiative, [path])
    return kept.id or 0


def test_an_erase_removes_the_person_from_outcomes_and_documents_in_the_search(
    any_db: Database, tmp_path: Path, db_path: Path
) -> None:
    person = (
        stakeholders.save_stakeholder(
            any_db, d.StakeholderData(name=NAME, kind="citizen", is_person=True)
        ).id
        or 0
    )
    measured = factories.initiative(any_db, "Badevand")
    data = initiatives.get_initiative(any_db, measured.id or 0)
    data.outcomes = [d.OutcomeData(indicator="Prøver", evidence=f"Talt af {NAME} i august")]
    initiatives.save_initiative(any_db, data)
    documented = factories.initiative(any_db, "Kajen").id or 0
    kept = _document(any_db, documented, tmp_path, "referat.txt", f"{NAME} foreslog en bænk")
    gone = _document(any_db, documented, tmp_path, "brev.txt", f"Brev fra {NAME} om støj")
    attachments.extract_pending(any_db)
    # only the outcome and the two documents hold the name
    assert _found(any_db, "ørskovby") == {measured.id, documented}
    assert _found(any_db, "oerskovby bænk") == {documented}
    assert {hit.attachment_id for hit in attachments.matching_documents(any_db, NAME)} == {
        kept,
        gone,
    }

    privacy.erase_person(
        any_db, person, "asked (art. 17)", documents={kept: "keep", gone: "delete"}
    )

    assert _found(any_db, "ørskovby") == set() and _found(any_db, "birthe") == set()
    assert attachments.matching_documents(any_db, "oerskovby") == []
    assert _found(any_db, "bænk") == {documented}  # the kept document's other words remain
    assert _found(any_db, "støj") == set()  # the deleted document's are gone
    assert _found(any_db, "august") == {measured.id}
    if any_db.dialect == "sqlite":  # nor anywhere in the file, index segments included
        any_db.dispose()
        raw = db_path.read_bytes()
        wal = Path(str(db_path) + "-wal")
        raw += wal.read_bytes() if wal.exists() else b""
        assert b"oerskovby" not in raw  # (the kept document's own bytes still name her)
