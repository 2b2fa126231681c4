"""Outcomes in the briefs (issue 21): the initiative's outcomes, the portfolio review's public
value account and the committee brief's outcomes, public-safe, in English and Danish."""

from __future__ import annotations

from datetime import date

import pytest

from coprod_desktop.domain import model as d
from coprod_desktop.domain.errors import NamesUnconfirmedError
from coprod_desktop.domain.outcomes import outcome_reached, phase_crosstab, value_account
from coprod_desktop.services import briefs, initiatives, names, reporting
from coprod_desktop.services.portfolio_query import PortfolioFilter
from coprod_desktop.store.db import Database
from tests.core import factories

from .conftest import flat, pdf_text, settings


@pytest.mark.parametrize(
    ("baseline", "target", "achieved", "reached"),
    [
        (10, 40, 40, True),
        (10, 40, 39, False),
        (37, 5, 4, True),  # aiming at fewer objections
        (37, 5, 6, False),
        (None, 70, 78, True),
        (None, None, 78, None),
        (10, 40, None, None),
    ],
)
def test_an_outcome_is_reached_in_the_direction_its_target_points(
    baseline: float | None, target: float | None, achieved: float | None, reached: bool | None
) -> None:
    outcome = d.OutcomeData(indicator="x", baseline=baseline, target=target, achieved=achieved)
    assert outcome_reached(outcome) is reached


def _initiative(kind: str | None, sector: str, **extra: object) -> d.InitiativeData:
    return d.InitiativeData(title=kind or "?", sector=sector, type=kind, **extra)  # type: ignore[arg-type]


def test_the_value_account_counts_per_type_and_sector() -> None:
    portfolio = [
        _initiative(
            "co_management",
            "harbours",
            outcomes=[
                d.OutcomeData(indicator="a", target=10, achieved=12, co_assessed=True),
                d.OutcomeData(indicator="b", target=10, achieved=2),
                d.OutcomeData(indicator="c"),
            ],
            resources=[
                d.ResourceData(kind="municipal_budget", amount=100, unit="DKK", planned=False),
                d.ResourceData(kind="municipal_budget", amount=900, unit="DKK", planned=True),
                d.ResourceData(kind="external_funding", amount=300, unit="DKK"),
                d.ResourceData(kind="volunteer_hours", amount=40, unit="hours"),
            ],
        ),
        _initiative("co_management", "social"),
        _initiative(None, "social", co_phases=["co_design"]),
    ]
    account = value_account(portfolio)
    co = account.by_type[0]
    assert (co.group, co.initiatives, co.with_outcomes, co.outcomes) == ("co_management", 2, 1, 3)
    assert (co.measured, co.reached, co.co_assessed) == (2, 1, 1)
    assert (co.municipal_dkk, co.mobilised_dkk, co.volunteer_hours) == (100, 300, 40)
    assert [x.group for x in account.by_type] == ["co_management", "unclassified"]
    assert [x.group for x in account.by_sector] == ["harbours", "social"]
    assert [i.title for i in account.total.without_outcomes] == ["co_management", "?"]
    table = phase_crosstab(portfolio)
    assert table["unclassified"]["co_design"] == 1 and table["co_management"]["no_phase"] == 2


@pytest.mark.parametrize("lang", ["en", "da"])
def test_the_portfolio_review_has_the_value_account_and_the_phase_chart(
    lang: str, demo_da: Database, demo_en: Database
) -> None:
    db = demo_da if lang == "da" else demo_en
    text = flat(pdf_text(briefs.portfolio_review(db, PortfolioFilter(), settings(lang))))
    if lang == "da":
        expected = ["Offentligt værdiregnskab", "Initiativer pr. samskabelsesfase", "Samlevering"]
        expected.append("Værdi svær at måle: initiativer uden resultater")
    else:
        expected = ["Public value account", "Initiatives per co-production phase", "Co-delivery"]
        expected.append("Value hard to measure: initiatives without outcomes")
    for words in expected:
        assert words in text, words
    # the initiatives without outcomes are named beside the cross-pressure
    without = [i for i in reporting.load_portfolio(db) if not i.outcomes]
    assert without and all(i.reference in text for i in without)


def test_the_initiative_brief_lists_its_outcomes(demo_en: Database) -> None:
    data = initiatives.get_initiative(demo_en, "CP-2024-001")
    text = flat(pdf_text(briefs.initiative_brief(demo_en, data.id, settings("en"))))  # type: ignore[arg-type]
    assert "Outcomes" in text and "Co-commissioning, Co-design, Co-delivery" in text
    assert "Objections to the harbour plan" in text


def test_the_committee_brief_prints_outcomes_public_safe(demo_en: Database) -> None:
    person = factories.stakeholder(demo_en, "Karen Bjerregaard", "citizen", is_person=True)
    factories.initiative(
        demo_en,
        title="Benches chosen with Karen Bjerregaard",
        involvements=[d.InvolvementData(stakeholder_id=person, role="partner")],
        outcomes=[
            d.OutcomeData(
                indicator="Benches Karen Bjerregaard approved",
                target=10,
                achieved=12,
                measured_on=date(2026, 10, 1),
                evidence="SECRET-EVIDENCE counted by Karen Bjerregaard",
            )
        ],
    )
    text = flat(pdf_text(briefs.committee_brief(demo_en, None, settings("en"))))
    assert "Outcomes" in text and "Benches a citizen approved" in text
    assert "Bjerregaard" not in text and "SECRET-EVIDENCE" not in text
    assert "Objections to the harbour plan" in text  # the demo's reached outcome


def test_a_name_like_phrase_in_an_indicator_is_asked_about(demo_en: Database) -> None:
    briefs.committee_brief(demo_en, None, settings("en"), require_confirmed_names=True)
    factories.initiative(
        demo_en,
        title="Harbour benches",
        outcomes=[d.OutcomeData(indicator="Benches that Sigrid Munk approved", achieved=3)],
    )
    with pytest.raises(NamesUnconfirmedError):
        briefs.committee_brief(demo_en, None, settings("en"), require_confirmed_names=True)
    names.decide(demo_en, "Sigrid Munk", "the chair")
    text = flat(
        pdf_text(
            briefs.committee_brief(demo_en, None, settings("en"), require_confirmed_names=True)
        )
    )
    assert "Benches that the chair approved" in text
