"""The benchmark's synthetic portfolio still fits the schema (the benchmark is a script that
no test runs, so a schema change could otherwise break it unnoticed)."""

from __future__ import annotations

from pathlib import Path

from coprod_desktop.services import exchange, portfolio_query
from coprod_desktop.services.portfolio_query import PortfolioFilter
from coprod_desktop.store.migrate import open_database
from tests.benchmarks import generate


def test_a_small_synthetic_portfolio_is_built_searchable_and_counted(tmp_path: Path) -> None:
    path = tmp_path / "bench.sqlite"
    generate.build(path, 1200, quiet=True)
    db = open_database(str(path))
    try:
        assert portfolio_query.count(db) == 1200
        by_pressures = portfolio_query.rows(db, sort="open_pressures", descending=True)
        counts = [r.open_pressures for r in by_pressures]
        assert counts == sorted(counts, reverse=True) and counts[0] > 0
        marked = portfolio_query.count(db, PortfolioFilter(search=generate.MARKED_PLACE))
        assert marked == generate.MARKED  # what the search, list and report metrics ask for
    finally:
        db.dispose()


def test_the_synthetic_interchange_document_imports(tmp_path: Path) -> None:
    db = open_database(str(tmp_path / "import.sqlite"))
    try:
        result = exchange.import_document(db, generate.interchange(40))
        assert result.created == 40 == portfolio_query.count(db)
    finally:
        db.dispose()
