"""New references never collide: concurrent imports and saves on SQLite and PostgreSQL."""

from __future__ import annotations

import multiprocessing
import threading
from datetime import date
from typing import Any

import pytest
from sqlalchemy import text

from coprod_desktop.domain import model as d
from coprod_desktop.services import exchange, initiatives
from coprod_desktop.store.db import Database
from coprod_desktop.store.migrate import open_database
from tests.core import factories

YEAR = date.today().year


def _document(tag: str, rows: int) -> dict[str, Any]:
    return {
        "format": "coprod-interchange",
        "version": 1,
        "stakeholders": [],
        "initiatives": [
            {"key": f"{tag}-{n}", "title": f"{tag} {n}", "sector": "harbours", "status": "active"}
            for n in range(rows)
        ],
    }


def _all_references(db: Database) -> list[str]:
    with db.reading() as connection:
        return [row[0] for row in connection.execute(text("SELECT reference FROM initiative"))]


def _numbers(references: list[str]) -> list[int]:
    return sorted(int(r.rsplit("-", 1)[1]) for r in references if r.startswith(f"CP-{YEAR}-"))


def test_imports_and_saves_at_the_same_time_all_succeed_with_unique_references(
    any_db: Database,
) -> None:
    """Four imports without references and four GUI-style saves of new initiatives, all
    released at once, three rounds: every one succeeds and no reference is used twice."""
    rounds, importers, savers, rows = 3, 4, 4, 5
    failures: list[BaseException] = []

    def run(barrier: threading.Barrier, job: int, round_: int) -> None:
        barrier.wait()
        try:
            if job < importers:
                exchange.import_document(any_db, _document(f"r{round_}j{job}", rows))
            else:
                factories.initiative(any_db, f"saved r{round_}j{job}")
        except BaseException as error:
            failures.append(error)

    for round_ in range(rounds):
        barrier = threading.Barrier(importers + savers)
        threads = [
            threading.Thread(target=run, args=(barrier, job, round_))
            for job in range(importers + savers)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
    assert failures == []
    references = _all_references(any_db)
    expected = rounds * (importers * rows + savers)
    assert len(references) == expected
    assert len({r.upper() for r in references}) == expected
    # numbered from 1 without collisions; gaps would be tolerated, but none are needed
    assert _numbers(references) == list(range(1, expected + 1))


def _import_in_a_process(url: str, tag: str, start: Any, results: Any) -> None:
    db = open_database(url)
    try:
        start.wait()
        result = exchange.import_document(db, _document(tag, 20))
        results.put((tag, list(result.references)))
    except BaseException as error:
        results.put((tag, repr(error)))
    finally:
        db.dispose()


def test_two_programs_importing_rows_without_references_at_once_both_succeed(
    any_db: Database,
) -> None:
    """The case from the field: two `coprod import`s of rows without references at the
    same moment failed one of them every time."""
    context = multiprocessing.get_context("spawn")
    start = context.Barrier(3)
    results = context.Queue()
    workers = [
        context.Process(target=_import_in_a_process, args=(any_db.url, tag, start, results))
        for tag in ("anna", "bo")
    ]
    for worker in workers:
        worker.start()
    start.wait()
    outcome = dict(results.get(timeout=120) for _ in workers)
    for worker in workers:
        worker.join(timeout=60)
    assert all(isinstance(refs, list) for refs in outcome.values()), outcome
    assert len(set(outcome["anna"]) | set(outcome["bo"])) == 40
    assert _numbers(_all_references(any_db)) == list(range(1, 41))


def test_explicit_references_move_the_counter_past_them(any_db: Database) -> None:
    document = _document("explicit", 1)
    document["initiatives"][0]["reference"] = f"CP-{YEAR}-050"
    exchange.import_document(any_db, document)
    made = factories.initiative(any_db, "after the import")
    assert made.reference == f"CP-{YEAR}-051"
    typed = initiatives.create_initiative(
        any_db,
        d.InitiativeData(
            title="typed", sector="harbours", status="idea", reference=f"CP-{YEAR}-070"
        ),
    )
    assert typed.reference == f"CP-{YEAR}-070"
    result = exchange.import_document(any_db, _document("more", 2))
    assert list(result.references) == [f"CP-{YEAR}-071", f"CP-{YEAR}-072"]


def test_a_reference_put_in_by_hand_is_never_handed_out_again(any_db: Database) -> None:
    first = factories.initiative(any_db, "first")
    assert first.reference == f"CP-{YEAR}-001"
    with any_db.engine.begin() as connection:  # behind the app's back, counter untouched
        connection.execute(
            text("UPDATE initiative SET reference = :ref WHERE id = :id"),
            {"ref": f"CP-{YEAR}-009", "id": first.id},
        )
    assert factories.initiative(any_db, "second").reference == f"CP-{YEAR}-010"


def test_a_transaction_that_fails_gives_its_numbers_back(any_db: Database) -> None:
    with pytest.raises(RuntimeError), any_db.session() as session:
        assert initiatives.next_reference(session) == f"CP-{YEAR}-001"
        raise RuntimeError("the save failed after taking a number")
    assert factories.initiative(any_db, "next").reference == f"CP-{YEAR}-001"
