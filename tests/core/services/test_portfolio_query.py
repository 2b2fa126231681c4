"""The portfolio query: filters and sorting done in SQL, with stable pages."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest

from coprod_desktop.domain import model as d
from coprod_desktop.domain.errors import ValidationError
from coprod_desktop.services import portfolio_query
from coprod_desktop.services.portfolio_query import SORT_KEYS, PortfolioFilter
from coprod_desktop.store.db import Database
from coprod_desktop.store.migrate import open_database
from tests.core import factories

ROWS: list[dict[str, Any]] = [
    dict(
        title="Havnen",
        sector="harbours",
        status="active",
        origin="protest_response",
        type="co_management",
        owner="Mette",
        next_review=date(2025, 3, 1),
        pressures=[("silo_structure", "open"), ("npm_control", "resolved")],
    ),
    dict(
        title="bådebro",
        sector="harbours",
        status="idea",
        origin=None,
        type=None,
        owner="mette",
        next_review=None,
        pressures=[],
    ),
    dict(
        title="Jobcafé",
        sector="employment",
        status="active",
        origin="top_down",
        type="empowerment",
        owner="Ali",
        next_review=date(2024, 12, 1),
        pressures=[("npm_control", "mitigating"), ("risk_aversion", "open")],
    ),
    dict(
        title="Frivillige",
        sector="eldercare",
        status="paused",
        origin="bottom_up",
        type="coordination",
        owner=None,
        next_review=date(2025, 3, 1),
        pressures=[("silo_structure", "resolved")],
    ),
    dict(
        title="Aftenskole",
        sector="education",
        status="completed",
        origin="gradual",
        type="coordination",
        owner="Ali",
        next_review=None,
        pressures=[],
    ),
    dict(
        title="Turistbrand",
        sector="tourism_trade",
        status="active",
        origin="partner_initiated",
        type=None,
        owner="Bo",
        next_review=date(2026, 1, 1),
        pressures=[("risk_aversion", "open")],
    ),
]


@pytest.fixture(scope="module")
def folio(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    """One portfolio shared by the (read-only) tests of this module."""
    db = open_database(str(tmp_path_factory.mktemp("folio") / "folio.sqlite"), user="tester")
    for row in ROWS:
        values = {k: v for k, v in row.items() if k != "pressures"}
        values["cross_pressures"] = [
            d.PressureData(category=c, severity=2, status=s) for c, s in row["pressures"]
        ]
        factories.initiative(db, **values)
    yield db
    db.dispose()


def _titles(db: Database, **filters: Any) -> set[str]:
    return {r.title for r in portfolio_query.rows(db, PortfolioFilter(**filters))}


def _expected(predicate: Any) -> set[str]:
    return {r["title"] for r in ROWS if predicate(r)}


def test_no_filter_lists_everything(folio: Database) -> None:
    assert _titles(folio) == _expected(lambda r: True)
    assert portfolio_query.count(folio) == len(ROWS)


def test_filter_by_type_including_unclassified(folio: Database) -> None:
    assert _titles(folio, types=("coordination",)) == _expected(
        lambda r: r["type"] == "coordination"
    )
    assert _titles(folio, types=("unclassified",)) == _expected(lambda r: r["type"] is None)
    assert _titles(folio, types=("unclassified", "empowerment")) == _expected(
        lambda r: r["type"] in (None, "empowerment")
    )


def test_filter_by_sector_status_and_origin(folio: Database) -> None:
    assert _titles(folio, sectors=("harbours", "education")) == _expected(
        lambda r: r["sector"] in ("harbours", "education")
    )
    assert _titles(folio, statuses=("active",)) == _expected(lambda r: r["status"] == "active")
    assert _titles(folio, origins=("bottom_up", "gradual")) == _expected(
        lambda r: r["origin"] in ("bottom_up", "gradual")
    )
    assert _titles(folio, statuses=("active",), sectors=("harbours",)) == _expected(
        lambda r: r["status"] == "active" and r["sector"] == "harbours"
    )


def test_filter_by_unresolved_pressure(folio: Database) -> None:
    def has(category: str) -> Any:
        return lambda r: any(c == category and s != "resolved" for c, s in r["pressures"])

    assert _titles(folio, pressures=("silo_structure",)) == _expected(has("silo_structure"))
    assert _titles(folio, pressures=("npm_control",)) == _expected(has("npm_control"))


def test_filter_by_owner_ignores_case(folio: Database) -> None:
    assert _titles(folio, owner="METTE") == _expected(
        lambda r: (r["owner"] or "").lower() == "mette"
    )


def test_open_pressures_are_counted(folio: Database) -> None:
    counts = {r.title: r.open_pressures for r in portfolio_query.rows(folio)}
    assert counts == {
        r["title"]: sum(1 for _, s in r["pressures"] if s != "resolved") for r in ROWS
    }


def test_unknown_filter_values_are_refused(folio: Database) -> None:
    with pytest.raises(ValidationError) as caught:
        portfolio_query.rows(folio, PortfolioFilter(types=("cooperation",), sectors=("harbour",)))
    assert caught.value.fields() == {"type", "sector"}
    with pytest.raises(ValidationError):
        portfolio_query.rows(folio, sort="colour")


def _sort_value(row: Any, key: str) -> Any:
    value = getattr(row, key)
    return value.lower() if isinstance(value, str) and key in ("title", "owner") else value


@pytest.mark.parametrize("descending", [False, True], ids=["asc", "desc"])
@pytest.mark.parametrize("key", SORT_KEYS)
def test_sorting_by_every_column(folio: Database, key: str, descending: bool) -> None:
    rows = portfolio_query.rows(folio, sort=key, descending=descending)
    assert len(rows) == len(ROWS)
    present = [r for r in rows if getattr(r, key) is not None]
    missing = [r for r in rows if getattr(r, key) is None]
    # empty values come last in both directions
    assert rows == present + missing
    values = [_sort_value(r, key) for r in present]
    assert values == sorted(values, reverse=descending)
    # ties are broken by id in the same direction, so the order is total
    for first, second in itertools.pairwise(rows):
        if _sort_value(first, key) == _sort_value(second, key):
            assert (first.id > second.id) if descending else (first.id < second.id)


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("key", ["status", "type", "next_review", "open_pressures", "owner"])
def test_pages_are_stable_and_cover_everything_once(
    folio: Database, key: str, descending: bool
) -> None:
    whole = portfolio_query.rows(folio, sort=key, descending=descending)
    pages = []
    for offset in range(0, len(ROWS), 4):
        pages += portfolio_query.rows(
            folio, sort=key, descending=descending, offset=offset, limit=4
        )
    assert [r.id for r in pages] == [r.id for r in whole]
    assert len({r.id for r in pages}) == len(ROWS)


def test_paging_works_with_filters(folio: Database) -> None:
    flt = PortfolioFilter(sectors=("harbours", "employment", "eldercare"))
    first = portfolio_query.rows(folio, flt, sort="title", offset=0, limit=2)
    rest = portfolio_query.rows(folio, flt, sort="title", offset=2, limit=10)
    assert [r.title for r in first + rest] == ["bådebro", "Frivillige", "Havnen", "Jobcafé"]


def test_owners_lists_distinct_owners(folio: Database) -> None:
    owners = portfolio_query.owners(folio)
    assert set(owners) == {r["owner"] for r in ROWS if r["owner"]}
    assert len(owners) == len(set(owners))


def test_owner_filter_and_title_sort_ignore_case_beyond_ascii(db: Database) -> None:
    factories.initiative(db, "Ørsted", owner="Søren Ærø")
    factories.initiative(db, "ærøskøbing", owner="Åse")
    factories.initiative(db, "Æblelund", owner="søren ærø")
    factories.initiative(db, "Zeta", owner="Bo")
    assert _titles(db, owner="SØREN ÆRØ") == {"Ørsted", "Æblelund"}
    assert _titles(db, owner="åse") == {"ærøskøbing"}
    titles = [r.title for r in portfolio_query.rows(db, sort="title")]
    # upper and lower case of the same letter sort together
    assert abs(titles.index("Æblelund") - titles.index("ærøskøbing")) == 1


@pytest.fixture
def db(any_db: Database) -> Database:
    """The tests of this module that take `db` run on SQLite and on PostgreSQL."""
    return any_db


def _listed_pressures(db: Database) -> dict[str, int]:
    return {r.title: r.open_pressures for r in portfolio_query.rows(db)}


def test_the_open_pressure_count_follows_every_edit(db: Database) -> None:
    """The stored count (kept by triggers) is what the list shows after each kind of change."""
    from dataclasses import replace

    from coprod_desktop.services import exchange, initiatives

    one = factories.initiative(db, "Havnen for alle")
    two = factories.initiative(db, "Ældre i bevægelse")
    assert _listed_pressures(db) == {"Havnen for alle": 0, "Ældre i bevægelse": 0}

    one = initiatives.get_initiative(db, one.id)
    one.cross_pressures = [
        d.PressureData(category="silo_structure", status="open"),
        d.PressureData(category="insufficient_resources", status="mitigating"),
        d.PressureData(category="unclear_mandate", status="resolved"),
    ]
    one = initiatives.save_initiative(db, one)
    assert _listed_pressures(db)["Havnen for alle"] == 2

    one.cross_pressures[0] = replace(one.cross_pressures[0], status="resolved")  # resolved
    one.cross_pressures[2] = replace(one.cross_pressures[2], status="open")  # reopened
    one = initiatives.save_initiative(db, one)
    assert _listed_pressures(db)["Havnen for alle"] == 2
    one.cross_pressures = one.cross_pressures[:1]  # the open ones removed
    initiatives.save_initiative(db, one)
    assert _listed_pressures(db)["Havnen for alle"] == 0

    document = exchange.export_document(db)
    document["initiatives"][1]["cross_pressures"] = [
        {"category": "silo_structure", "severity": 3, "status": "open"}
    ]
    exchange.import_document(db, document, merge=True)
    imported = factories.initiative(db, "Ny import")
    assert _listed_pressures(db) == {
        "Havnen for alle": 0,
        "Ældre i bevægelse": 1,
        "Ny import": 0,
    }
    fresh = exchange.export_document(db, PortfolioFilter(ids=(two.id,)))
    fresh["initiatives"][0]["reference"] = None
    fresh["initiatives"][0]["title"] = "Importeret med pres"
    exchange.import_document(db, fresh)
    assert _listed_pressures(db)["Importeret med pres"] == 1

    initiatives.delete_initiative(db, imported.id)
    by_pressures = [
        r.title for r in portfolio_query.rows(db, sort="open_pressures", descending=True)
    ]
    assert by_pressures[-1] == "Havnen for alle"
    assert set(by_pressures[:2]) == {"Ældre i bevægelse", "Importeret med pres"}
