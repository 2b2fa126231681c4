"""Files kept with an initiative: stored once, read back exactly, never loaded by accident."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from sqlalchemy import event, select, text

from coprod_desktop.domain.errors import FileProblemError, InputFileError, NotFoundError
from coprod_desktop.services import attachments, initiatives, portfolio_query
from coprod_desktop.services.settings import load_settings, save_settings
from coprod_desktop.store import models as m
from coprod_desktop.store.db import Database
from tests.core import factories
from tests.core.attachments.documents import make_docx, make_pdf, make_xlsx


def _file(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _chunks(db: Database) -> int:
    with db.reading() as connection:
        return int(connection.execute(text("SELECT count(*) FROM attachment_content")).scalar())


def test_a_file_is_kept_listed_and_saved_back_exactly(any_db: Database, tmp_path: Path) -> None:
    made = factories.initiative(any_db)
    data = bytes(range(256)) * 9000  # more than one chunk, every byte value
    source = _file(tmp_path, "Referat – havnemøde.bin", data)
    [added] = attachments.attach_files(any_db, made.reference or "", [source])
    assert (added.name, added.size) == ("Referat – havnemøde.bin", len(data))
    assert added.sha256 == hashlib.sha256(data).hexdigest()
    assert added.added_by == any_db.user and added.journal_entry_id is None
    assert attachments.list_attachments(any_db, made.id or 0) == [added]
    target = attachments.save_as(any_db, added.id, tmp_path / "out" / "copy.bin")
    assert target.read_bytes() == data


def test_the_same_file_attached_twice_is_stored_once(db: Database, tmp_path: Path) -> None:
    first, second = factories.initiative(db), factories.initiative(db, "Andet")
    source = _file(tmp_path, "plan.txt", b"samme indhold" * 1000)
    attachments.attach_files(db, first.id or 0, [source])
    stored = _chunks(db)
    attachments.attach_files(db, second.id or 0, [source, source])
    assert _chunks(db) == stored == 1
    assert len(attachments.list_attachments(db, second.id or 0)) == 2


def test_content_goes_only_when_no_attachment_names_it(db: Database, tmp_path: Path) -> None:
    made = factories.initiative(db)
    source = _file(tmp_path, "a.txt", b"x" * 10)
    one, two = attachments.attach_files(db, made.id or 0, [source, source])
    attachments.delete_attachment(db, one.id)
    assert _chunks(db) == 1
    attachments.delete_attachment(db, two.id)
    assert _chunks(db) == 0
    with pytest.raises(NotFoundError):
        attachments.delete_attachment(db, two.id)


def test_deleting_an_initiative_leaves_no_file_behind(any_db: Database, tmp_path: Path) -> None:
    made, other = factories.initiative(any_db), factories.initiative(any_db, "Andet")
    shared, own = _file(tmp_path, "a.txt", b"abc"), _file(tmp_path, "b.txt", b"only here")
    attachments.attach_files(any_db, made.id or 0, [shared, own])
    attachments.attach_files(any_db, other.id or 0, [shared])
    initiatives.delete_initiative(any_db, made.id or 0)  # the trigger, on both databases
    with any_db.reading() as connection:
        assert connection.execute(text("SELECT count(*) FROM attachment")).scalar() == 1
    assert _chunks(any_db) == 1  # what the other initiative still names
    initiatives.delete_initiative(any_db, other.id or 0)
    assert _chunks(any_db) == 0


def test_a_file_over_the_limit_is_refused_and_nothing_is_written(
    db: Database, tmp_path: Path
) -> None:
    settings = load_settings()
    settings.attachment_limit_mb = 1
    save_settings(settings)
    made = factories.initiative(db)
    small = _file(tmp_path, "small.txt", b"ok")
    big = _file(tmp_path, "big.bin", b"\0" * (1024 * 1024 + 1))
    with pytest.raises(InputFileError) as caught:
        attachments.attach_files(db, made.id or 0, [small, big])
    assert caught.value.exit_code == 3
    assert "big.bin" in caught.value.message("en") and "1.0 MB" in caught.value.message("en")
    assert "Indstillinger" in caught.value.message("da")
    assert attachments.list_attachments(db, made.id or 0) == [] and _chunks(db) == 0


def test_a_folder_or_a_missing_file_is_refused(db: Database, tmp_path: Path) -> None:
    made = factories.initiative(db)
    for bad in (tmp_path, tmp_path / "nowhere.pdf"):
        with pytest.raises(InputFileError):
            attachments.attach_files(db, made.id or 0, [bad])


def test_a_journal_entry_of_another_initiative_is_refused(db: Database, tmp_path: Path) -> None:
    mine, other = factories.full_initiative(db), factories.initiative(db, "Andet")
    entry = mine.journal[0].id
    with pytest.raises(NotFoundError):
        attachments.attach_files(db, other.id or 0, [_file(tmp_path, "a.txt", b"a")], entry)
    [added] = attachments.attach_files(db, mine.id or 0, [_file(tmp_path, "a.txt", b"a")], entry)
    assert added.journal_entry_id == entry


def test_removing_the_journal_entry_keeps_its_document_with_the_initiative(
    db: Database, tmp_path: Path
) -> None:
    made = factories.full_initiative(db)
    entry = made.journal[0].id
    attachments.attach_files(db, made.id or 0, [_file(tmp_path, "a.txt", b"a")], entry)
    current = initiatives.get_initiative(db, made.id or 0)
    current.journal = []
    for promise in current.commitments:  # (what the editor does when an entry goes)
        promise.journal = None
    initiatives.save_initiative(db, current)
    [kept] = attachments.list_attachments(db, made.id or 0)
    assert kept.journal_entry_id is None


def test_attaching_is_in_the_audit_trail(db: Database, tmp_path: Path) -> None:
    made = factories.initiative(db)
    attachments.attach_files(db, made.id or 0, [_file(tmp_path, "tilladelse.pdf", b"%PDF")])
    created = [e for e in initiatives.history(db, made.id or 0) if e.entity == "attachment"]
    assert [(e.action, e.new_value) for e in created] == [("create", "tilladelse.pdf")]


def test_save_as_refuses_the_open_database(db: Database, tmp_path: Path) -> None:
    made = factories.initiative(db)
    [added] = attachments.attach_files(db, made.id or 0, [_file(tmp_path, "a.txt", b"a")])
    assert db.path is not None
    before = db.path.read_bytes()
    with pytest.raises(FileProblemError):
        attachments.save_as(db, added.id, db.path)
    assert db.path.read_bytes() == before


def test_opening_the_portfolio_and_an_initiative_reads_no_document(
    db: Database, tmp_path: Path
) -> None:
    made = factories.full_initiative(db)
    attachments.attach_files(db, made.id or 0, [_file(tmp_path, "a.txt", b"hemmelige ord")])
    attachments.extract_pending(db)
    statements: list[str] = []

    def seen(_conn, _cursor, statement, *_args) -> None:  # type: ignore[no-untyped-def]
        statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", seen)
    try:
        initiatives.get_initiative(db, made.id or 0)
        portfolio_query.rows(db, portfolio_query.PortfolioFilter())
        attachments.list_attachments(db, made.id or 0)
    finally:
        event.remove(db.engine, "before_cursor_execute", seen)
    assert statements
    assert not [s for s in statements if "attachment_content" in s or "extracted_text" in s]


def test_search_finds_words_only_inside_a_pdf_and_a_docx(any_db: Database, tmp_path: Path) -> None:
    with_pdf = factories.initiative(any_db, "Havnen")
    with_docx = factories.initiative(any_db, "Skolen")
    with_sheet = factories.initiative(any_db, "Biblioteket")
    pdf = make_pdf(tmp_path / "tilladelse.pdf", "Dispensation for Aalegraesbed ved molen")
    docx = make_docx(tmp_path / "referat.docx", "Referat", "Vi talte om ålegræsbedet og Ørsted.")
    sheet = make_xlsx(tmp_path / "budget.xlsx", "Kajanlæg", "Fiskerhuse")
    attachments.attach_files(any_db, with_pdf.id or 0, [pdf])
    attachments.attach_files(any_db, with_docx.id or 0, [docx])
    attachments.attach_files(any_db, with_sheet.id or 0, [sheet])

    def found(query: str) -> set[int]:
        return set(portfolio_query.ids(any_db, portfolio_query.PortfolioFilter(search=query)))

    assert found("ålegræsbed") == set()  # not before the words are extracted
    assert attachments.extract_pending(any_db) == 3
    # Danish folding both ways: "ålegræs" finds "Aalegraes", "aalegraes" finds "ålegræs"
    assert found("ålegræsbed") == {with_pdf.id, with_docx.id}
    assert found("aalegraes orsted") == set() and found("aalegraes oersted") == {with_docx.id}
    assert found("fiskerhuse") == {with_sheet.id}
    hits = attachments.matching_documents(any_db, "ålegræsbed")
    assert {(h.initiative_id, h.name) for h in hits} == {
        (with_pdf.id, "tilladelse.pdf"),
        (with_docx.id, "referat.docx"),
    }


def test_a_damaged_document_is_kept_without_words(db: Database, tmp_path: Path) -> None:
    made = factories.initiative(db)
    broken = _file(tmp_path, "broken.pdf", b"%PDF-1.4 this is not really a pdf")
    attachments.attach_files(db, made.id or 0, [broken])
    assert attachments.extract_pending(db) == 1
    [kept] = attachments.list_attachments(db, made.id or 0)
    assert kept.text_status == "none" and kept.size == broken.stat().st_size
    with db.reading() as connection:
        status = connection.execute(select(m.Attachment.text_status)).scalar()
    assert status == "none"
