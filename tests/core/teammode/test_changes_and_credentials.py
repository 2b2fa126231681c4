"""Live refresh markers and keyring-held passwords for shared databases."""

from __future__ import annotations

from coprod_desktop.domain.model import InitiativeData
from coprod_desktop.services import changes, credentials, initiatives
from coprod_desktop.store.db import Database
from coprod_desktop.store.migrate import open_database


def test_another_users_change_moves_the_marker(db: Database, db_path) -> None:  # type: ignore[no-untyped-def]
    made = initiatives.create_initiative(
        db, InitiativeData(title="Havn", sector="harbours", status="idea")
    )
    marker = changes.current_marker(db)
    assert not changes.changes_since(db, marker).any
    colleague = open_database(str(db_path), user="colleague")
    initiatives.update_fields(colleague, made.id or 0, {"status": "active"})
    seen = changes.changes_since(db, marker, ignore_user=db.user)
    assert seen.initiative_ids == {made.id}
    assert seen.by == {"colleague"}
    assert seen.marker > marker
    # One's own edits move the marker but are not reported as someone else's.
    initiatives.update_fields(db, made.id or 0, {"owner": "Me"})
    mine = changes.changes_since(db, seen.marker, ignore_user=db.user)
    assert mine.marker > seen.marker
    assert not mine.initiative_ids
    colleague.dispose()


def test_password_goes_to_the_keyring_not_the_url(memory_keyring) -> None:  # type: ignore[no-untyped-def]
    url = "postgresql+psycopg://mette:hemmelig@db.kommune.example:5432/coprod"
    stored = credentials.without_password(url)
    assert "hemmelig" not in stored
    credentials.remember(stored, "hemmelig")
    assert "hemmelig" in credentials.with_password(stored)
    assert list(memory_keyring.store.values()) == ["hemmelig"]
    credentials.forget(stored)
    assert credentials.with_password(stored) == stored
    assert credentials.with_password("/tmp/local.sqlite") == "/tmp/local.sqlite"
