"""The decisions on name-like phrases (a shared store) and the check before a public brief."""

from __future__ import annotations

from typing import Any

import pytest

from coprod_desktop.domain.errors import ValidationError
from coprod_desktop.services import exchange, names
from coprod_desktop.services.portfolio_query import PortfolioFilter
from coprod_desktop.store.db import Database


@pytest.fixture
def db(any_db: Database) -> Database:
    """The tests of this module run on SQLite and on PostgreSQL."""
    return any_db


def document() -> dict[str, Any]:
    return {
        "format": "coprod-interchange",
        "version": 1,
        "stakeholders": [
            {"key": "b", "name": "Jens Hansen Tømrer ApS", "kind": "business", "is_person": False},
            {"key": "p", "name": "Jens Hansen", "kind": "citizen", "is_person": True},
        ],
        "initiatives": [
            {
                "key": "i",
                "reference": "CP-2026-777",
                "title": "Harbour benches with Anna Berg",
                "summary": "Jens Hansen Tømrer ApS builds; Jens Hansen pays. Peter Holm helps.",
                "area": "Strandholm Havn",
                "sector": "harbours",
                "status": "active",
                "stakeholders": [
                    {"stakeholder": "b", "role": "partner"},
                    {"stakeholder": "p", "role": "user"},
                ],
                "journal": [
                    {"date": "2026-01-02", "kind": "decision", "summary": "Karen Lund approved."},
                    {"date": "2026-01-03", "kind": "meeting", "summary": "Ole Dam joined."},
                ],
            }
        ],
    }


def check(db: Database, journal: bool = False) -> list[str]:
    found = names.committee_check(db, PortfolioFilter(), "en", include_journal=journal)
    return [n.phrase for n in found]


def test_the_check_lists_the_unknown_names_the_brief_would_print(db: Database) -> None:
    exchange.import_document(db, document())
    # the recorded person is anonymised and the business is known: neither is asked about
    assert check(db) == ["Anna Berg", "Peter Holm"]
    # the journal only when it is printed, and only the decisions and milestones it prints
    assert check(db, journal=True) == ["Anna Berg", "Peter Holm", "Karen Lund"]
    (first,) = [n for n in names.committee_check(db, None, "da") if n.phrase == "Anna Berg"]
    assert first.places == [("CP-2026-777 titel", "Harbour benches with Anna Berg")]


def test_decisions_are_stored_once_per_phrase_and_end_the_questions(db: Database) -> None:
    exchange.import_document(db, document())
    names.decide(db, "anna  BERG", "a resident", who="Hanne")
    names.decide(db, "Peter Holm", who="Hanne")
    assert check(db) == []  # the brief can be re-made without asking again
    names.decide(db, "Anna Berg", None, who="Ib")  # a later decision replaces the earlier
    stored = names.list_decisions(db)
    assert [(d.phrase, d.replacement, d.decided_by) for d in stored] == [
        ("Anna Berg", None, "Ib"),
        ("Peter Holm", None, "Hanne"),
    ]
    assert names.forget(db, "peter holm") and not names.forget(db, "peter holm")
    assert check(db) == ["Peter Holm"]


def test_bad_decisions_write_nothing(db: Database) -> None:
    with pytest.raises(ValidationError) as raised:
        names.decide_many(db, [("Anna Berg", "a resident"), ("Ole Dam", "   ")])
    assert raised.value.fields() == {"replacement"}
    with pytest.raises(ValidationError):
        names.decide(db, " !! ")
    assert names.list_decisions(db) == []


def test_replacements_and_known_organisations_reach_the_brief(db: Database) -> None:
    exchange.import_document(db, document())
    names.decide(db, "Anna Berg", "a resident")
    safe = names.public_text(db)
    assert safe.replacements == {"Anna Berg": "a resident"}
    assert "Jens Hansen Tømrer ApS" in safe.organisations
    hide = safe.anonymiser("en")
    assert hide.text(document()["initiatives"][0]["summary"]) == (
        "Jens Hansen Tømrer ApS builds; a citizen pays. Peter Holm helps."
    )
    assert hide.text("Harbour benches with Anna Berg") == "Harbour benches with a resident"
