"""Attachments in the interchange: by name, size and checksum in JSON; with their bytes in a
`.coprodz` bundle, which reads back exactly."""

from __future__ import annotations

import copy
import hashlib
import json
import zipfile
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from sqlalchemy import text

from coprod_desktop.domain.errors import InputFileError
from coprod_desktop.services import attachments, exchange, file_export, file_import
from coprod_desktop.store.db import Database
from coprod_desktop.store.migrate import open_database
from tests.core import factories
from tests.core.services.test_exchange import full_document


def _with_files(db: Database, tmp_path: Path) -> tuple[dict[str, bytes], int]:
    made = factories.full_initiative(db)
    entry = made.journal[0].id
    files = {
        "Tilladelse – kajen.pdf": b"%PDF-1.4 tilladelse",
        "budget.csv": "post;beløb\nkaj;1000\n".encode(),
        "foto.jpg": bytes(range(256)) * 5000,
    }
    paths = []
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
        paths.append(tmp_path / name)
    attachments.attach_files(db, made.id or 0, paths[:2])
    attachments.attach_files(db, made.id or 0, [paths[2], paths[0]], entry)  # the PDF twice
    return files, made.id or 0


def _listing(db: Database, ident: int | str) -> list[tuple[Any, ...]]:
    return [
        (a.name, a.sha256, a.size, a.media_type, a.added_on, a.added_by, a.journal_entry_id is None)
        for a in attachments.list_attachments(db, ident)
    ]


def test_json_lists_attachments_by_name_size_and_checksum_only(
    db: Database, tmp_path: Path
) -> None:
    files, _ident = _with_files(db, tmp_path)
    document = exchange.export_document(db)
    assert list(Draft202012Validator(exchange.schema()).iter_errors(document)) == []
    [item] = document["initiatives"]
    own, on_entry = item["attachments"], item["journal"][0]["attachments"]
    assert [a["name"] for a in own] == ["Tilladelse – kajen.pdf", "budget.csv"]
    assert [a["name"] for a in on_entry] == ["foto.jpg", "Tilladelse – kajen.pdf"]
    assert own[1] == {
        "name": "budget.csv",
        "sha256": hashlib.sha256(files["budget.csv"]).hexdigest(),
        "size": len(files["budget.csv"]),
        "media_type": "text/csv",
        "added_on": own[1]["added_on"],
        "added_by": "tester",
    }
    assert "extracted_text" not in json.dumps(document) and "tilladelse" not in json.dumps(own)


def test_a_bundle_reads_back_exactly(db: Database, tmp_path: Path) -> None:
    files, ident = _with_files(db, tmp_path)
    bundle = tmp_path / "portfolio.coprodz"
    assert file_export.export_file(db, bundle) == 1
    with zipfile.ZipFile(bundle) as archive:  # each file once, however often attached
        assert sorted(archive.namelist()) == sorted(
            [
                "interchange.json",
                *(f"files/{hashlib.sha256(b).hexdigest()}" for b in files.values()),
            ]
        )
    empty = open_database(str(tmp_path / "other.sqlite"))
    try:
        result = file_import.import_file(empty, bundle)
        assert (result.created, result.attachments_skipped) == (1, 0)
        reference = result.references[0]
        assert _listing(empty, reference) == _listing(db, ident)
        for item in attachments.list_attachments(empty, reference):
            saved = attachments.save_as(empty, item.id, tmp_path / "out" / item.sha256)
            assert hashlib.sha256(saved.read_bytes()).hexdigest() == item.sha256
        again = exchange.export_document(empty)
    finally:
        empty.dispose()
    assert again == exchange.export_document(db)


def test_importing_a_bundle_again_with_merge_adds_no_attachment(
    db: Database, tmp_path: Path
) -> None:
    _files, ident = _with_files(db, tmp_path)
    bundle = tmp_path / "p.coprodz"
    file_export.export_file(db, bundle)
    before = _listing(db, ident)
    file_import.import_file(db, bundle, merge=True)
    assert _listing(db, ident) == before


def test_plain_json_cannot_bring_files_and_says_how_many_it_left_out(
    db: Database, tmp_path: Path
) -> None:
    _with_files(db, tmp_path)
    exported = tmp_path / "p.json"
    file_export.export_file(db, exported)
    empty = open_database(str(tmp_path / "other.sqlite"))
    try:
        result = file_import.import_file(empty, exported)
        assert result.attachments_skipped == 4
        assert attachments.list_attachments(empty, result.references[0]) == []
    finally:
        empty.dispose()


def test_a_bundle_with_a_damaged_file_writes_nothing(db: Database, tmp_path: Path) -> None:
    files, _ident = _with_files(db, tmp_path)
    good = tmp_path / "good.coprodz"
    file_export.export_file(db, good)
    bad = tmp_path / "bad.coprodz"
    target = f"files/{hashlib.sha256(files['foto.jpg']).hexdigest()}"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(bad, "w") as out:
        for name in source.namelist():
            data = source.read(name)
            out.writestr(name, data[:-1] + b"X" if name == target else data)
    empty = open_database(str(tmp_path / "other.sqlite"))
    try:
        with pytest.raises(InputFileError):
            file_import.import_file(empty, bad)
        with empty.reading() as connection:
            for table in ("initiative", "attachment", "attachment_content"):
                assert connection.execute(text(f"SELECT count(*) FROM {table}")).scalar() == 0
    finally:
        empty.dispose()


def test_the_hand_written_document_with_attachments_survives_a_bundle(
    db: Database, tmp_path: Path
) -> None:
    document = full_document()
    data = b"hello"
    listed = {
        "name": "hello.txt",
        "sha256": hashlib.sha256(data).hexdigest(),
        "size": 5,
        "media_type": "text/plain",
        "added_on": "2019-02-02",
        "added_by": "Mette",
    }
    document["initiatives"][0]["attachments"] = [listed]
    document["initiatives"][0]["journal"][0]["attachments"] = [dict(listed, name="kopi.txt")]
    bundle = tmp_path / "hand.coprodz"
    with zipfile.ZipFile(bundle, "w") as archive:
        archive.writestr("interchange.json", json.dumps(document))
        archive.writestr(f"files/{listed['sha256']}", data)
    file_import.import_file(db, bundle)
    exported = exchange.export_document(db)
    for item in exported["initiatives"]:
        item.pop("version")
    assert exported == copy.deepcopy(document)
