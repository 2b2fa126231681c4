"""`coprod list --format json` prints, byte for byte, what it printed before issue 22: the
same objects (each initiative's signals, suggested type and completeness worked out as before
from its loaded records) written as `json.dumps(..., ensure_ascii=False, indent=2)` writes
them."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from coprod_desktop.cli import json_array
from coprod_desktop.services import portfolio_assessment, portfolio_query, reporting
from coprod_desktop.services.portfolio_query import PortfolioFilter
from coprod_desktop.store.migrate import open_database
from tests.core.domain.old_assessment import old_completeness, old_pre_answer, old_suggest


def printed_before(db_path: str, flt: PortfolioFilter) -> str:
    """What `coprod list --format json` printed before issue 22, from the loaded records."""
    db = open_database(db_path)
    try:
        rows = portfolio_query.rows(db, flt)
        ids = [r.id for r in rows]
        signals = portfolio_assessment.assess(db, ids, suggest=False)
        records = {r.id: r for r in reporting.load_initiatives(db, ids)}
    finally:
        db.dispose()
    out = []
    for r in rows:
        suggested = old_suggest(old_pre_answer(records[r.id])).primary
        out.append(
            {
                "id": r.id,
                "reference": r.reference,
                "title": r.title,
                "type": r.type,
                "sector": r.sector,
                "status": r.status,
                "origin": r.origin,
                "owner": r.owner,
                "next_review": r.next_review.isoformat() if r.next_review else None,
                "open_pressures": r.open_pressures,
                "attention": signals[r.id].keys,
                "suggested_type": suggested.value if suggested else None,
                "completeness": old_completeness(records[r.id]),
            }
        )
    return json.dumps(out, ensure_ascii=False, indent=2) + "\n"


def test_list_json_prints_what_it_printed_before(run_cli, demo_db: str) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("--db", demo_db, "list", "--format", "json")
    assert result.code == 0, result.err
    assert result.out == printed_before(demo_db, PortfolioFilter())
    filtered = run_cli("--db", demo_db, "list", "--format", "json", "--status", "active,idea")
    assert filtered.out == printed_before(demo_db, PortfolioFilter(statuses=("active", "idea")))
    assert 0 < len(json.loads(filtered.out)) < len(json.loads(result.out))


def test_an_empty_json_listing_is_an_empty_array(run_cli, demo_db: str) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("--db", demo_db, "list", "--format", "json", "--search", "zzzqqq")
    assert result.code == 0 and result.out == "[]\n"


scalars = (
    st.none()
    | st.booleans()
    | st.integers(-(10**20), 10**20)
    | st.floats(allow_nan=False)
    | st.text(st.characters(codec="utf-8") | st.sampled_from('"\\\n\t\x00\u2028ø'))
)
objects = st.dictionaries(
    st.text(st.sampled_from('ab"%s\\ø\n'), max_size=4),
    scalars | st.lists(scalars, max_size=3),
    max_size=5,
)


@settings(max_examples=300, deadline=None)
@given(st.lists(objects, max_size=4))
def test_the_json_writer_writes_what_json_dumps_writes(items: list[dict[str, Any]]) -> None:
    assert json_array(items) == json.dumps(items, ensure_ascii=False, indent=2)
