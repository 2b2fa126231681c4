"""`coprod attach`, `attachments`, `attachment save|delete` and `.coprodz` from the command line."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from tests.core.attachments.documents import make_docx, make_pdf


def _setup(run_cli: Any, tmp_path: Path) -> tuple[str, str]:
    db = str(tmp_path / "p.sqlite")
    assert run_cli("--db", db, "demo").code == 0
    listed = json.loads(run_cli("--db", db, "list", "--format", "json").out)
    return db, listed[0]["reference"]


def test_attach_list_and_save_a_file(run_cli: Any, tmp_path: Path) -> None:
    db, reference = _setup(run_cli, tmp_path)
    pdf = make_pdf(tmp_path / "tilladelse.pdf", "Dispensation for ålegræsbedet")
    docx = make_docx(tmp_path / "referat.docx", "Møde om Krabbeklubben")
    result = run_cli("--db", db, "attach", reference, str(pdf), str(docx))
    assert result.code == 0 and reference in result.out
    listed = json.loads(run_cli("--db", db, "attachments", reference, "--format", "json").out)
    assert [(a["name"], a["media_type"], a["journal"]) for a in listed] == [
        ("tilladelse.pdf", "application/pdf", None),
        (
            "referat.docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            None,
        ),
    ]
    assert listed[0]["size"] == pdf.stat().st_size
    assert listed[0]["sha256"] == hashlib.sha256(pdf.read_bytes()).hexdigest()
    table = run_cli("--db", db, "--lang", "da", "attachments", reference).out
    assert "tilladelse.pdf" in table and "Fil" in table and "Størrelse" in table
    # the words inside the documents are searchable right after `attach`
    found = json.loads(
        run_cli("--db", db, "list", "--search", "krabbeklub", "--format", "json").out
    )
    assert [r["reference"] for r in found] == [reference]
    assert found[0]["documents"] == ["referat.docx"]  # the hit says which document matched
    out = tmp_path / "kopi.pdf"
    saved = run_cli("--db", db, "attachment", "save", str(listed[0]["id"]), "-o", str(out))
    assert saved.code == 0 and out.read_bytes() == pdf.read_bytes()
    assert run_cli("--db", db, "attachment", "delete", str(listed[0]["id"])).code == 0
    listed = json.loads(run_cli("--db", db, "attachments", reference, "--format", "json").out)
    assert [a["name"] for a in listed] == ["referat.docx"]


def test_attach_to_a_journal_entry(run_cli: Any, tmp_path: Path) -> None:
    from coprod_desktop.services import initiatives
    from coprod_desktop.store.migrate import open_database

    db, reference = _setup(run_cli, tmp_path)
    opened = open_database(db)
    try:
        entry = initiatives.get_initiative(opened, reference).journal[0].id
    finally:
        opened.dispose()
    note = tmp_path / "note.txt"
    note.write_text("mødenoter", "utf-8")
    assert run_cli("--db", db, "attach", reference, str(note), "--journal", str(entry)).code == 0
    listed = json.loads(run_cli("--db", db, "attachments", reference, "--format", "json").out)
    assert [(a["name"], a["journal"]) for a in listed] == [("note.txt", entry)]
    shown = json.loads(run_cli("--db", db, "show", reference, "--format", "json").out)
    assert [a["name"] for a in shown["journal"][0]["attachments"]] == ["note.txt"]


def test_bad_input_exits_3_with_one_line_and_writes_nothing(run_cli: Any, tmp_path: Path) -> None:
    db, reference = _setup(run_cli, tmp_path)
    note = tmp_path / "note.txt"
    note.write_text("x", "utf-8")
    for args in (
        ("attach", reference, str(tmp_path / "missing.pdf")),
        ("attach", reference, str(tmp_path)),
        ("attach", reference, str(note), str(tmp_path / "missing.pdf")),
        ("attach", "CP-1999-999", str(note)),
        ("attach", reference, str(note), "--journal", "999999"),
        ("attachment", "save", "999", "-o", str(tmp_path / "x")),
    ):
        result = run_cli("--db", db, *args)
        assert result.code == 3, (args, result.err)
        assert len(result.err.strip().splitlines()) == 1, result.err
    assert json.loads(run_cli("--db", db, "attachments", reference, "--format", "json").out) == []


def test_a_file_over_the_limit_is_refused_with_the_limit_named(
    run_cli: Any, tmp_path: Path
) -> None:
    from coprod_desktop.services.settings import load_settings, save_settings

    db, reference = _setup(run_cli, tmp_path)
    settings = load_settings()
    settings.attachment_limit_mb = 1
    save_settings(settings)
    big = tmp_path / "video.mp4"
    big.write_bytes(b"\0" * (2 * 1024 * 1024))
    result = run_cli("--db", db, "--lang", "da", "attach", reference, str(big))
    assert result.code == 3
    assert "video.mp4" in result.err and "2.0 MB" in result.err and "1.0 MB" in result.err


def test_saving_over_the_database_exits_4(run_cli: Any, tmp_path: Path) -> None:
    db, reference = _setup(run_cli, tmp_path)
    note = tmp_path / "note.txt"
    note.write_text("x", "utf-8")
    run_cli("--db", db, "attach", reference, str(note))
    before = Path(db).read_bytes()
    result = run_cli("--db", db, "attachment", "save", "1", "-o", db)
    assert result.code == 4 and Path(db).read_bytes() == before


def test_export_and_import_a_bundle(run_cli: Any, tmp_path: Path) -> None:
    db, reference = _setup(run_cli, tmp_path)
    pdf = make_pdf(tmp_path / "plan.pdf", "Lokalplan for Fiskerlejet")
    run_cli("--db", db, "attach", reference, str(pdf))
    bundle = tmp_path / "all.coprodz"
    assert run_cli("--db", db, "export", "-o", str(bundle)).code == 0
    other = str(tmp_path / "other.sqlite")
    assert run_cli("--db", other, "import", str(bundle)).code == 0
    listed = json.loads(run_cli("--db", other, "attachments", reference, "--format", "json").out)
    assert [a["sha256"] for a in listed] == [hashlib.sha256(pdf.read_bytes()).hexdigest()]
    found = json.loads(
        run_cli("--db", other, "list", "--search", "fiskerlejet", "--format", "json").out
    )
    assert [r["reference"] for r in found] == [reference]
    plain = tmp_path / "all.json"
    run_cli("--db", db, "export", "-o", str(plain))
    third = str(tmp_path / "third.sqlite")
    result = run_cli("--db", third, "import", str(plain))
    assert result.code == 0 and "1 attachment was not imported" in result.out
    not_a_bundle = tmp_path / "x.coprodz"
    not_a_bundle.write_text("hello", "utf-8")
    result = run_cli("--db", third, "import", str(not_a_bundle))
    assert result.code == 3 and len(result.err.strip().splitlines()) == 1
