"""Documents and personal data: the access request lists and exports the documents that
concern a person; an erase deletes or keeps each as chosen and records it; the committee
brief prints no document."""

from __future__ import annotations

import hashlib
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from coprod_desktop.domain import model as d
from coprod_desktop.domain.errors import ValidationError
from coprod_desktop.services import attachments, briefs, initiatives, portfolio_query, privacy
from coprod_desktop.store.db import Database
from tests.core import factories
from tests.core.attachments.documents import make_docx, make_pdf
from tests.core.reports.conftest import flat, pdf_text, settings


def _setup(db: Database, tmp_path: Path) -> dict[str, Any]:
    anna = factories.stakeholder(
        db, "Anna Kvistgaard", "citizen", email="anna@example.org", lawful_basis="consent"
    )
    made = factories.initiative(
        db,
        "Havnen",
        journal=[
            d.JournalData(
                date=date(2025, 1, 2),
                kind="meeting",
                summary="Møde om kajen",
                participant_ids=[anna],
            )
        ],
    )
    # a letter naming her, a note of a meeting she took part in, and an unrelated plan
    letter = make_pdf(tmp_path / "brev.pdf", "Svar til Anna Kvistgaard om bådpladsen")
    minutes = make_docx(tmp_path / "referat.docx", "Referat af mødet om kajen")
    plan = make_docx(tmp_path / "plan.docx", "Lokalplan for Skovbyhavn")
    current = initiatives.get_initiative(db, made.id or 0)
    entry = current.journal[0].id
    attachments.attach_files(db, made.id or 0, [letter, plan])
    attachments.attach_files(db, made.id or 0, [minutes], entry)
    attachments.extract_pending(db)
    ids = {a.name: a.id for a in attachments.list_attachments(db, made.id or 0)}
    return {"anna": anna, "initiative": made.id, "ids": ids, "letter": letter}


def test_the_access_request_lists_and_exports_the_documents(
    db: Database, tmp_path: Path, run_cli: Any
) -> None:
    found = _setup(db, tmp_path)
    document = privacy.access_export(db, found["anna"], "request from the citizen")
    listed = {(x["name"], x["why"]) for x in document["documents"]}
    assert listed == {("brev.pdf", "mentions"), ("referat.docx", "participant")}
    assert db.path is not None
    output = tmp_path / "out" / "anna.json"
    result = run_cli(
        "--db",
        str(db.path),
        "person",
        "export",
        str(found["anna"]),
        "-o",
        str(output),
        "--purpose",
        "request",
    )
    assert result.code == 0, result.err
    folder = tmp_path / "out" / "anna-documents"
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        [f"{found['ids']['brev.pdf']}-brev.pdf", f"{found['ids']['referat.docx']}-referat.docx"]
    )
    assert (folder / f"{found['ids']['brev.pdf']}-brev.pdf").read_bytes() == found[
        "letter"
    ].read_bytes()
    exported = json.loads(output.read_text("utf-8"))
    assert len(exported["documents"]) == 2
    brief = flat(pdf_text(output.with_suffix(".pdf").read_bytes()))
    assert "brev.pdf" in brief and "referat.docx" in brief


def test_an_erase_asks_about_each_document_first(db: Database, tmp_path: Path) -> None:
    found = _setup(db, tmp_path)
    with pytest.raises(ValidationError) as caught:
        privacy.erase_person(db, found["anna"], "request")
    assert "brev.pdf" in caught.value.message("en") and "referat.docx" in caught.value.message("en")
    assert privacy.open_person(db, found["anna"], "check").person.name == "Anna Kvistgaard"


def test_an_erase_deletes_or_keeps_each_document_and_records_it(
    db: Database, tmp_path: Path
) -> None:
    found = _setup(db, tmp_path)
    ids = found["ids"]
    result = privacy.erase_person(
        db,
        found["anna"],
        "request",
        documents={ids["brev.pdf"]: "delete", ids["referat.docx"]: "keep"},
    )
    assert result.documents_deleted == (ids["brev.pdf"],)
    assert result.documents_kept == (ids["referat.docx"],)
    left = {a.name for a in attachments.list_attachments(db, found["initiative"])}
    assert left == {"referat.docx", "plan.docx"}
    with db.reading() as connection:
        chunks = connection.execute(
            text("SELECT count(*) FROM attachment_content WHERE sha256 = :s"),
            {"s": hashlib.sha256(found["letter"].read_bytes()).hexdigest()},
        ).scalar()
        recorded = connection.execute(
            text(
                "SELECT entity_id, new_value FROM audit_entry WHERE action = 'erase'"
                " AND entity = 'attachment' ORDER BY entity_id"
            )
        ).all()
    assert chunks == 0  # the letter's bytes are gone with it
    assert sorted(recorded) == sorted([(ids["brev.pdf"], "deleted"), (ids["referat.docx"], "kept")])
    # her name is no longer found through any document's words
    assert portfolio_query.ids(db, portfolio_query.PortfolioFilter(search="Kvistgaard")) == []


def test_the_committee_brief_prints_no_document(db: Database, tmp_path: Path) -> None:
    found = _setup(db, tmp_path)
    pdf = briefs.committee_brief(
        db, portfolio_query.PortfolioFilter(), settings("en"), include_journal=True
    )
    printed = flat(pdf_text(pdf))
    assert "Havnen" in printed
    for word in ("brev.pdf", "referat.docx", "plan.docx", "Skovbyhavn", "bådpladsen"):
        assert word not in printed
    assert found["ids"]


def test_a_restored_copy_loses_the_documents_the_erase_deleted_and_keeps_the_others(
    db: Database, db_path: Path, tmp_path: Path
) -> None:
    from coprod_desktop.store.migrate import backup_sqlite, open_database

    found = _setup(db, tmp_path)
    ids = found["ids"]
    older = tmp_path / "before-the-erase.sqlite"
    backup_sqlite(db_path, older)  # a backup that still holds her and the letter
    privacy.erase_person(
        db,
        found["anna"],
        "request",
        documents={ids["brev.pdf"]: "delete", ids["referat.docx"]: "keep"},
    )
    copy = open_database(str(older))
    try:
        assert privacy.reapply_erasures(copy) == [found["anna"]]
        left = {a.name for a in attachments.list_attachments(copy, found["initiative"])}
        assert left == {"referat.docx", "plan.docx"}  # the letter goes again, the rest stays
        assert portfolio_query.ids(copy, portfolio_query.PortfolioFilter(search="Kvistgaard")) == []
    finally:
        copy.dispose()
