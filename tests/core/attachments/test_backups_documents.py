"""Backups carry the documents: they live in the database, so every backup and restore has
them (each backup a complete copy; inside it, each document once)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from coprod_desktop.services import attachments, backups
from coprod_desktop.store import backup_files as store_backups
from coprod_desktop.store.db import Database
from coprod_desktop.store.migrate import open_database
from tests.core import factories


def test_a_backup_and_a_restore_bring_the_documents_back(db: Database, tmp_path: Path) -> None:
    made = factories.initiative(db)
    data = bytes(range(256)) * 8000  # two chunks
    source = tmp_path / "tilladelse.pdf"
    source.write_bytes(data)
    attachments.attach_files(db, made.id or 0, [source, source])  # stored once

    copy = backups.backup(db, tmp_path / "copy.sqlite")
    opened = open_database(str(copy))
    try:
        listed = attachments.list_attachments(opened, made.id or 0)
        assert [a.sha256 for a in listed] == [hashlib.sha256(data).hexdigest()] * 2
        saved = attachments.save_as(opened, listed[0].id, tmp_path / "out.pdf")
        assert saved.read_bytes() == data
    finally:
        opened.dispose()

    # the automatic backup kind that a restore reads: the documents come back with it
    assert db.path is not None
    kept = store_backups.make_backup(db.path, "daily")
    [first] = attachments.list_attachments(db, made.id or 0)[:1]
    attachments.delete_attachment(db, first.id)
    db.dispose()
    backups.restore_backup(kept.path.name, db.path)
    restored = open_database(str(db.path))
    try:
        assert len(attachments.list_attachments(restored, made.id or 0)) == 2
    finally:
        restored.dispose()


def test_copying_a_portfolio_brings_its_documents(any_db: Database, tmp_path: Path) -> None:
    from coprod_desktop.services import transfer

    made = factories.initiative(any_db)
    data = bytes(range(256)) * 20_000  # five chunks
    source = tmp_path / "kort.tif"
    source.write_bytes(data)
    attachments.attach_files(any_db, made.id or 0, [source])
    target = open_database(str(tmp_path / "copy.sqlite"))
    try:
        transfer.copy_portfolio(any_db, target)
        [copied] = attachments.list_attachments(target, made.id or 0)
        saved = attachments.save_as(target, copied.id, tmp_path / "out.tif")
        assert saved.read_bytes() == data
    finally:
        target.dispose()
