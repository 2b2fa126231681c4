"""The committee brief counted by the database (services/dashboard_figures.committee_summary)
prints exactly what the brief worked out in Python from every initiative printed before; a
selection larger than the brief describes one by one is counted ("… and n more")."""

from __future__ import annotations

from dataclasses import replace

import pytest

from coprod_desktop.domain.committee import summary_of
from coprod_desktop.reports import committee_pdf
from coprod_desktop.services import briefs, dashboard_figures, exchange, names, reporting
from coprod_desktop.services.portfolio_query import PortfolioFilter
from coprod_desktop.store.db import Database

from .conftest import GENERATED, flat, pdf_text, settings
from .test_briefs import person_document


def python_brief(db: Database, flt: PortfolioFilter | None, lang: str, **options: bool) -> str:
    """The brief as it was made before: every initiative loaded and counted in Python."""
    data = reporting.load_portfolio(db, flt, light=True)
    safe = names.public_text(db)
    pdf = committee_pdf.build(
        data,
        settings(lang),
        safe.persons,
        organisations=safe.organisations,
        replacements=safe.replacements,
        flt=flt,
        **options,  # type: ignore[arg-type]
    )
    return pdf_text(pdf)


@pytest.mark.parametrize("lang", ["da", "en"])
@pytest.mark.parametrize(
    "options",
    [{}, {"include_journal": True}, {"include_personal_data": True}],
    ids=["public", "journal", "personal"],
)
def test_the_demo_portfolios_brief_text_is_unchanged(
    lang: str, options: dict[str, bool], demo_da: Database, demo_en: Database
) -> None:
    db = demo_da if lang == "da" else demo_en
    exchange.import_document(db, person_document())  # persons to anonymise, promises to them
    text = pdf_text(briefs.committee_brief(db, None, settings(lang), **options))
    assert text == python_brief(db, None, lang, **options)
    assert "CP-2026-900" in text


@pytest.mark.parametrize(
    "flt",
    [
        PortfolioFilter(sectors=("harbours", "culture_leisure")),
        PortfolioFilter(statuses=("active",)),
        PortfolioFilter(attention=("no_mandate",)),
        PortfolioFilter(search="havn"),
    ],
)
def test_a_filtered_brief_is_unchanged(flt: PortfolioFilter, demo_da: Database) -> None:
    text = pdf_text(briefs.committee_brief(demo_da, flt, settings("da")))
    assert text == python_brief(demo_da, flt, "da")


def test_the_summary_counted_by_the_database_is_the_python_one(demo_en: Database) -> None:
    exchange.import_document(demo_en, person_document())
    today = GENERATED.date()
    data = reporting.load_portfolio(demo_en, light=True)
    expected = summary_of(data, today)
    found = dashboard_figures.committee_summary(demo_en, None, today)
    assert found.total == expected.total == len(data)
    for key, need in expected.needs.items():
        assert found.needs[key].count == need.count, key
        assert [i.id for i in found.needs[key].first] == [i.id for i in need.first], key
    assert expected.promises.kept + expected.promises.still_open > 0
    for name in ("kept", "still_open", "dropped"):
        assert getattr(found.promises, name) == getattr(expected.promises, name), name
    for name in ("first_kept", "first_open"):
        assert [(r, c.id, c.text) for r, c in getattr(found.promises, name)] == [
            (r, c.id, c.text) for r, c in getattr(expected.promises, name)
        ], name
    assert sorted(i.id or 0 for i in found.with_outcomes) == sorted(
        i.id or 0 for i in expected.with_outcomes
    )
    assert found.with_outcomes  # the demo has outcomes to deliver


def test_a_large_selection_is_counted_beyond_the_initiatives_described(
    demo_en: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dashboard_figures, "COMMITTEE_LISTED", 5)
    everything = reporting.load_portfolio(demo_en, light=True)
    single = flat(pdf_text(briefs.committee_brief(demo_en, None, settings("en"))))
    described = [i for i in everything if f"{i.reference} · " in single]
    assert [i.reference for i in described] == [i.reference for i in everything[:5]]
    assert f"… and {len(everything) - 5} more." in single
    # the figures still count the whole selection
    assert f"This brief sums up {len(everything)} co-production initiatives" in single


def test_a_brief_that_needs_names_confirmed_checks_what_it_prints(
    demo_en: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only the first initiatives are described: a name in a later one's summary is not
    printed, so it does not stop the brief; one in a described initiative does."""
    from coprod_desktop.domain.errors import NamesUnconfirmedError
    from coprod_desktop.services import initiatives

    monkeypatch.setattr(dashboard_figures, "COMMITTEE_LISTED", 3)
    everything = reporting.load_portfolio(demo_en)
    summary = dashboard_figures.committee_summary(demo_en, None, GENERATED.date())
    named = {i.id for i in summary.initiatives_named()}
    last = next(i for i in reversed(everything[3:]) if i.id not in named)
    first = everything[0]
    sentence = "Benches that Sigrid Munk approved."
    saved = initiatives.save_initiative(demo_en, replace(last, summary=sentence))
    assert saved.summary == sentence
    briefs.committee_brief(demo_en, None, settings("en"), require_confirmed_names=True)
    fresh = initiatives.get_initiative(demo_en, first.id or 0)
    initiatives.save_initiative(demo_en, replace(fresh, summary=sentence))
    with pytest.raises(NamesUnconfirmedError):
        briefs.committee_brief(demo_en, None, settings("en"), require_confirmed_names=True)
