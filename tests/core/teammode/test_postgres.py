"""Team mode: the same portfolio behaves the same on SQLite and on a shared PostgreSQL."""

from __future__ import annotations

import json
import multiprocessing
from pathlib import Path

import pytest

from coprod_desktop import paths
from coprod_desktop.domain.errors import ConflictError
from coprod_desktop.services import exchange, initiatives, portfolio_query
from coprod_desktop.services.portfolio_query import PortfolioFilter
from coprod_desktop.services.transfer import copy_portfolio
from coprod_desktop.store.migrate import open_database

SEARCHES = [
    "havn",
    "HAVN",
    "aarhus",
    "århus",
    "ørum",
    "frivillig",
    "sønderby",
    "soenderby",
    "cp-2024",
    "klima å",
    "xyzzy",
]


@pytest.fixture
def both(tmp_path: Path, pg_url: str):  # type: ignore[no-untyped-def]
    sqlite_db = open_database(str(tmp_path / "laptop.sqlite"))
    pg_db = open_database(pg_url)
    yield sqlite_db, pg_db
    sqlite_db.dispose()
    pg_db.dispose()


def _with_extra(document: dict) -> dict:  # type: ignore[type-arg]
    extra = {
        "key": "extra",
        "title": "Havneudvikling i Århus og Ørum",
        "sector": "harbours",
        "status": "active",
        "summary": "Aarhus Ø – ÆBLE, ØL og ÅL",
        "stakeholders": [],
        "journal": [{"date": "2026-01-02", "kind": "note", "summary": "Ørum havnefoged ringede"}],
    }
    return {**document, "initiatives": [*document["initiatives"], extra]}


def test_same_file_gives_identical_exports_and_search_results(both) -> None:  # type: ignore[no-untyped-def]
    sqlite_db, pg_db = both
    document = _with_extra(exchange.read_json_file(paths.resource_path("demo", "demo_da.json")))
    for db in (sqlite_db, pg_db):
        exchange.import_document(db, document)
    assert exchange.export_document(sqlite_db) == exchange.export_document(pg_db)
    for query in SEARCHES:
        on_sqlite = portfolio_query.ids(sqlite_db, PortfolioFilter(search=query))
        on_pg = portfolio_query.ids(pg_db, PortfolioFilter(search=query))
        assert on_sqlite == on_pg, query
    assert portfolio_query.ids(pg_db, PortfolioFilter(search="aarhus")) == portfolio_query.ids(
        pg_db, PortfolioFilter(search="Århus")
    )
    assert portfolio_query.ids(pg_db, PortfolioFilter(search="havn"))
    for sort in portfolio_query.SORT_KEYS:
        if sort == "updated_at":
            continue
        assert [r.id for r in portfolio_query.rows(sqlite_db, sort=sort)] == [
            r.id for r in portfolio_query.rows(pg_db, sort=sort)
        ], sort


def test_second_save_of_the_same_initiative_is_a_conflict_and_both_versions_survive(
    pg_url: str,
) -> None:
    db = open_database(pg_url)
    exchange.load_demo(db, "en")
    mine = initiatives.get_initiative(db, "CP-2024-001")
    theirs = initiatives.get_initiative(db, "CP-2024-001")
    theirs.title = "Their title"
    theirs.cross_pressures[0].severity = 3
    saved = initiatives.save_initiative(db, theirs)
    mine.title = "My title"
    with pytest.raises(ConflictError):
        initiatives.save_initiative(db, mine)
    assert initiatives.get_initiative(db, "CP-2024-001").title == "Their title"
    # Mine is still in hand: after taking the new version number it can be saved on purpose.
    mine.version = saved.version
    assert initiatives.save_initiative(db, mine).title == "My title"
    trail = initiatives.history(db, "CP-2024-001")
    titles = [(e.old_value, e.new_value) for e in trail if e.field == "title"]
    assert ("Their title", "My title") in titles
    assert any(new == "Their title" for _, new in titles)
    db.dispose()


def test_a_change_to_a_child_alone_is_locked_too(pg_url: str) -> None:
    db = open_database(pg_url)
    exchange.load_demo(db, "en")
    first = initiatives.get_initiative(db, "CP-2024-002")
    second = initiatives.get_initiative(db, "CP-2024-002")
    first.journal[0].summary = "Edited by the first user"
    initiatives.save_initiative(db, first)
    second.journal[0].summary = "Edited by the second user"
    with pytest.raises(ConflictError):
        initiatives.save_initiative(db, second)
    db.dispose()


def _writer(url: str, ident: int, rounds: int, worker: int) -> None:
    db = open_database(url)
    version = initiatives.get_initiative(db, ident).version
    for round_ in range(rounds):
        # Each update says which version it changes, so a lost update would be a conflict.
        version = initiatives.update_fields(
            db, ident, {"summary": f"worker {worker} round {round_}"}, expected_version=version
        )
    db.dispose()


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_eight_writers_times_two_hundred_updates_lose_nothing(
    backend: str, tmp_path: Path, request
) -> None:  # type: ignore[no-untyped-def]
    url = (
        request.getfixturevalue("pg_url")
        if backend == "postgresql"
        else str(tmp_path / "team.sqlite")
    )
    db = open_database(url)
    made = [
        initiatives.create_initiative(
            db,
            initiatives.d.InitiativeData(title=f"Initiativ {n}", sector="other", status="active"),
        )
        for n in range(8)
    ]
    before = {m.id: m.version for m in made}
    context = multiprocessing.get_context("spawn")
    workers = [
        context.Process(target=_writer, args=(url, m.id, 200, n)) for n, m in enumerate(made)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=600)
        assert worker.exitcode == 0
    for n, m in enumerate(made):
        assert m.id is not None
        after = initiatives.get_initiative(db, m.id)
        assert after.summary == f"worker {n} round 199"
        assert after.version == before[m.id] + 200
        updates = [e for e in initiatives.history(db, m.id) if e.field == "summary"]
        assert len(updates) == 200
    db.dispose()


def test_copy_to_postgres_and_back_keeps_everything_with_the_audit_trail(
    tmp_path: Path, pg_url: str
) -> None:
    laptop = open_database(str(tmp_path / "laptop.sqlite"))
    exchange.load_demo(laptop, "da")
    edited = initiatives.get_initiative(laptop, "CP-2024-003")
    edited.title = "Ledige skaber job i hele Nørrevig"
    initiatives.save_initiative(laptop, edited)
    shared = open_database(pg_url)
    copy_portfolio(laptop, shared)
    back = open_database(str(tmp_path / "back.sqlite"))
    copy_portfolio(shared, back)
    for db in (shared, back):
        assert exchange.export_document(db) == exchange.export_document(laptop)
        assert initiatives.history(db, "CP-2024-003") == initiatives.history(laptop, "CP-2024-003")
        assert portfolio_query.ids(db, PortfolioFilter(search="nørrevig")) == portfolio_query.ids(
            laptop, PortfolioFilter(search="nørrevig")
        )
    # New rows on the shared database get fresh ids after the copied ones.
    made = initiatives.create_initiative(
        shared, initiatives.d.InitiativeData(title="Nyt", sector="other", status="idea")
    )
    assert made.id == max(portfolio_query.ids(laptop)) + 1
    for db in (laptop, shared, back):
        db.dispose()


def test_cli_runs_on_postgres(pg_url: str, run_cli) -> None:  # type: ignore[no-untyped-def]
    assert run_cli("--db", pg_url, "demo").code == 0
    listed = json.loads(
        run_cli("--db", pg_url, "list", "--search", "harbour", "--format", "json").out
    )
    assert listed and all("harbour" in (r["title"].lower() + " ") or r["reference"] for r in listed)
    history = json.loads(run_cli("--db", pg_url, "history", "CP-2024-001", "--format", "json").out)
    # the demo is a JSON import: one event with the record's first state (issue 22)
    assert history and history[-1]["action"] == "import"
    assert history[-1]["values"]["reference"] == "CP-2024-001"
    assert run_cli("--db", pg_url, "check").code == 0
