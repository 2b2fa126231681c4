"""A shared database that cannot be reached is said plainly, and used again when it is back."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from coprod_desktop.domain.errors import ConnectionLostError
from coprod_desktop.services import portfolio_query
from coprod_desktop.store.migrate import open_database
from tests.core import factories


def test_a_stopped_server_is_a_lost_connection_and_the_same_database_works_again(
    stoppable_postgres,  # type: ignore[no-untyped-def]
) -> None:
    db = open_database(stoppable_postgres.new_database(), user="anna")
    try:
        made = factories.initiative(db, "Havnen for alle")
        stoppable_postgres.halt()
        with pytest.raises(ConnectionLostError) as reading:
            portfolio_query.count(db)
        with pytest.raises(ConnectionLostError) as saving:
            factories.initiative(db, "Under the outage")
        for error in (reading.value, saving.value):
            english, danish = error.message("en"), error.message("da")
            assert "cannot reach the shared database" in english
            assert "kan ikke nå den fælles database" in danish
            # the driver's own words stay in the log, not in front of the user
            assert "refused" not in english.lower() and "failed" not in english.lower()
        stoppable_postgres.resume()
        # the same open database, no reopening: the pool reconnects by itself
        assert portfolio_query.count(db) == 1
        assert [r.reference for r in portfolio_query.rows(db)] == [made.reference]
    finally:
        db.dispose()


def test_the_cli_says_the_server_cannot_be_reached_with_exit_4(
    stoppable_postgres,  # type: ignore[no-untyped-def]
    run_cli,  # type: ignore[no-untyped-def]
) -> None:
    url = stoppable_postgres.new_database()
    open_database(url).dispose()
    stoppable_postgres.halt()
    result = run_cli("--db", url, "list")
    assert result.code == 4
    assert result.err.count("\n") == 1
    assert "cannot reach the shared database" in result.err
    result = run_cli("--db", url, "--lang", "da", "list")
    assert result.code == 4
    assert "kan ikke nå den fælles database" in result.err


def test_connections_name_the_program_and_the_user_on_the_server(pg_url: str) -> None:
    db = open_database(pg_url, user="Anna Østergård")
    try:
        with db.reading() as connection:
            name = connection.execute(text("SHOW application_name")).scalar_one()
            listed = connection.execute(
                text("SELECT application_name FROM pg_stat_activity WHERE pid = pg_backend_pid()")
            ).scalar_one()
    finally:
        db.dispose()
    assert name == listed == "coprod-desktop (Anna ?sterg?rd)"
