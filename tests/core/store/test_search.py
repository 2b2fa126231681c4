"""Full-text search as a Danish user expects it, kept in step with every write."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coprod_desktop.domain import model as d
from coprod_desktop.services import initiatives, portfolio_query
from coprod_desktop.services.portfolio_query import PortfolioFilter
from coprod_desktop.store.db import Database
from coprod_desktop.store.search import fold
from tests.core import factories


def _found(db: Database, query: str, **filters: object) -> set[str]:
    flt = PortfolioFilter(search=query, **filters)  # type: ignore[arg-type]
    return {row.title for row in portfolio_query.rows(db, flt)}


@pytest.fixture
def titles(db: Database) -> Database:
    factories.initiative(db, "Havnen i Ørum", summary="Samarbejde med sejlklubben")
    factories.initiative(db, "Byudvikling", description="Plan for havneudvikling ved kajen")
    factories.initiative(db, "Frivillige i Århus", sector="integration", status="idea")
    factories.initiative(db, "Café Ældrehjem", sector="eldercare", area="Aarhus Vest")
    factories.initiative(db, "Jobcenter partnerskab", sector="employment")
    return db


@pytest.mark.parametrize("query", ["havnen", "HAVNEN", "HaVnEn"])
def test_search_is_case_insensitive(titles: Database, query: str) -> None:
    assert _found(titles, query) == {"Havnen i Ørum"}


def test_a_word_is_a_prefix(titles: Database) -> None:
    assert _found(titles, "havn") == {"Havnen i Ørum", "Byudvikling"}


@pytest.mark.parametrize("query", ["aarhus", "århus", "Århus", "AARHUS"])
def test_aa_and_å_are_the_same(titles: Database, query: str) -> None:
    assert _found(titles, query) == {"Frivillige i Århus", "Café Ældrehjem"}


@pytest.mark.parametrize("query", ["ørum", "ØRUM", "oerum"])
def test_ø_is_found(titles: Database, query: str) -> None:
    assert _found(titles, query) == {"Havnen i Ørum"}


def test_æ_and_other_diacritics(titles: Database) -> None:
    assert _found(titles, "ældre") == {"Café Ældrehjem"}
    assert _found(titles, "cafe") == {"Café Ældrehjem"}


def test_every_word_must_match(titles: Database) -> None:
    assert _found(titles, "havn ørum") == {"Havnen i Ørum"}
    assert _found(titles, "havn jobcenter") == set()


def test_a_blank_query_filters_nothing_and_one_without_words_finds_nothing(
    titles: Database,
) -> None:
    assert len(_found(titles, "  ")) == 5
    assert _found(titles, "-- !!") == set()  # punctuation alone must not list everything
    assert _found(titles, "“*”") == set()


def test_fts_syntax_in_a_query_is_harmless(titles: Database) -> None:
    for query in ['"havn', "havn*", "havn OR job", "NEAR(havn", "a:b", "(", "'"]:
        portfolio_query.rows(titles, PortfolioFilter(search=query))  # must not raise


def test_journal_text_is_searchable(db: Database) -> None:
    made = factories.initiative(db, "Bydelsmødre")
    made.journal.append(
        d.JournalData(date=date(2024, 2, 1), kind="meeting", summary="Møde på biblioteket")
    )
    initiatives.save_initiative(db, made)
    assert _found(db, "bibliotek") == {"Bydelsmødre"}


def test_the_index_follows_edits(db: Database) -> None:
    made = factories.initiative(db, "Strandrensning")
    assert _found(db, "strand") == {"Strandrensning"}
    made.title = "Skovrydning"
    initiatives.save_initiative(db, made)
    assert _found(db, "strand") == set()
    assert _found(db, "skov") == {"Skovrydning"}


def test_the_index_follows_journal_edits_and_removals(db: Database) -> None:
    made = factories.initiative(db, "Bydelsmødre")
    made.journal.append(
        d.JournalData(date=date(2024, 2, 1), kind="call", summary="Opkald om kagebord")
    )
    made = initiatives.save_initiative(db, made)
    assert _found(db, "kagebord") == {"Bydelsmødre"}
    made.journal[0].summary = "Opkald om loppemarked"
    made = initiatives.save_initiative(db, made)
    assert _found(db, "kagebord") == set()
    assert _found(db, "loppemarked") == {"Bydelsmødre"}
    made.journal = []
    initiatives.save_initiative(db, made)
    assert _found(db, "loppemarked") == set()


def test_a_deleted_initiative_is_not_found(db: Database) -> None:
    made = factories.initiative(db, "Strandrensning")
    factories.initiative(db, "Strandvejen")
    initiatives.delete_initiative(db, made.id)  # type: ignore[arg-type]
    assert _found(db, "strand") == {"Strandvejen"}


def test_a_rolled_back_write_leaves_the_index_alone(db: Database) -> None:
    from coprod_desktop.domain.errors import ValidationError

    made = factories.initiative(db, "Strandrensning")
    made.title = "Skovrydning"
    made.end_date, made.start_date = date(2020, 1, 1), date(2021, 1, 1)
    with pytest.raises(ValidationError):
        initiatives.save_initiative(db, made)
    assert _found(db, "strand") == {"Strandrensning"}
    assert _found(db, "skov") == set()


def test_search_combines_with_filters(titles: Database) -> None:
    assert _found(titles, "havn", sectors=("harbours",)) == {
        "Havnen i Ørum",
        "Byudvikling",
    }
    assert _found(titles, "aarhus", sectors=("eldercare",)) == {"Café Ældrehjem"}
    assert _found(titles, "aarhus", statuses=("idea",)) == {"Frivillige i Århus"}
    assert (
        portfolio_query.count(titles, PortfolioFilter(search="aarhus", statuses=("active",))) == 1
    )


def test_reference_is_searchable(db: Database) -> None:
    made = factories.initiative(db, "Noget", reference="CP-2019-042")
    assert made.reference == "CP-2019-042"
    assert _found(db, "CP-2019-042") == {"Noget"}


@pytest.fixture
def db(any_db: Database) -> Database:
    """The tests of this module that take `db` run on SQLite and on PostgreSQL."""
    return any_db


def test_outcome_indicator_and_evidence_are_searchable(any_db: Database) -> None:
    made = factories.initiative(any_db, "Havnebad")
    factories.initiative(any_db, "Skolehave")
    assert _found(any_db, "badevandsprøver") == set()
    data = initiatives.get_initiative(any_db, made.id or 0)
    data.outcomes = [
        d.OutcomeData(indicator="Badevandsprøver uden bakterier", evidence="Målt af Miljøcentret")
    ]
    initiatives.save_initiative(any_db, data)
    assert _found(any_db, "badevandsprover") == set()  # ø is spelled oe, not o
    assert _found(any_db, "badevandsproever") == {"Havnebad"}
    assert _found(any_db, "miljøcentret havnebad") == {"Havnebad"}
    data = initiatives.get_initiative(any_db, made.id or 0)
    data.outcomes = []
    initiatives.save_initiative(any_db, data)
    assert _found(any_db, "miljøcentret") == set()


def _fold_by_the_letter(value: str) -> str:
    """What folding means, written plainly: lower case, æ/ø/å spelled out, then every
    combining mark of the compatibility decomposition dropped."""
    folded = value.casefold()
    for letter, spelled in (("å", "aa"), ("æ", "ae"), ("ø", "oe")):
        folded = folded.replace(letter, spelled)
    decomposed = unicodedata.normalize("NFKD", folded)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


_ODD_TEXT = st.text(
    st.sampled_from("abzAZ09 \n\t-æøåÆØÅéÉèüÜñçÇ–—²½ﬁﬀΣσςİıǅŉẞß日本😀\u0301\u0308\u0327\ud800\x00")
    | st.characters(),
    max_size=60,
)


@settings(max_examples=400, deadline=None)
@given(_ODD_TEXT)
def test_folding_drops_every_accent_and_keeps_everything_else(value: str) -> None:
    """The search folds text in a quick way (the non-ASCII characters found in C); it must
    give what the plain definition gives, for any text, odd ones included."""
    assert fold(value) == _fold_by_the_letter(value)


def test_folding_reads_as_a_danish_user_expects() -> None:
    assert fold("Århus – Café Ørsted, Ålegræsbed") == "aarhus – cafe oersted, aalegraesbed"
    assert fold("naïve q\u0327 ﬁne") == "naive q fine"
