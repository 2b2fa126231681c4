"""Commitments in the briefs: the initiative brief lists the open ones, the portfolio review
counts kept/overdue/dropped, the committee brief says "we asked, you said, we did" without
naming anyone."""

from __future__ import annotations

from datetime import date

from coprod_desktop.domain import model as d
from coprod_desktop.domain.figures import commitment_counts
from coprod_desktop.services import briefs, initiatives
from coprod_desktop.store.db import Database
from tests.core import factories

from .conftest import flat, pdf_text, settings


def test_the_initiative_brief_lists_open_commitments_only(demo_en: Database) -> None:
    text = flat(pdf_text(briefs.initiative_brief(demo_en, "CP-2024-001", settings("en"))))
    assert "Open commitments" in text
    assert "Send the quay plan to the harbour association" in text
    assert "Clear the stones" not in text  # kept already


def test_the_portfolio_review_counts_kept_overdue_and_dropped(demo_da: Database) -> None:
    text = flat(pdf_text(briefs.portfolio_review(demo_da, None, settings("da"))))
    # as of 2 March 2026 (the test settings) nothing is overdue yet
    assert "1 holdt (1 til tiden) · 0 overskredet · 1 opgivet · 5 åbne" in text


def test_commitment_counts() -> None:
    today = date(2026, 12, 5)
    made = [
        d.CommitmentData("a", "done", due_on=today, done_on=date(2026, 12, 6)),
        d.CommitmentData("b", "done"),
        d.CommitmentData("c", "open", due_on=date(2026, 12, 4)),
        d.CommitmentData("d", "in_progress", due_on=today),
        d.CommitmentData("e", "dropped"),
    ]
    assert commitment_counts(made, today) == {
        "kept": 2,
        "kept_on_time": 1,
        "open": 2,
        "overdue": 1,
        "dropped": 1,
    }


def test_the_committee_brief_lists_promises_to_citizens_without_their_names(
    db: Database,
) -> None:
    anna = factories.stakeholder(db, "Anna Ærø", "citizen", is_person=True)
    club = factories.stakeholder(db, "Ørum Sejlklub", "association")
    council = factories.stakeholder(db, "Teknik- og Miljøudvalget", "political_body")
    initiatives.create_initiative(
        db,
        d.InitiativeData(
            title="Havnen",
            sector="harbours",
            status="active",
            commitments=[
                d.CommitmentData(
                    "Anna Ærø får svar om bænken", "done", counterpart_id=anna, owner="Mette Berg"
                ),
                d.CommitmentData("Slæbestedet ryddes", "open", counterpart_id=club),
                d.CommitmentData("Planen sendes til udvalget", "open", counterpart_id=council),
                d.CommitmentData("Opgivet løfte", "dropped", counterpart_id=club),
            ],
        ),
    )
    text = flat(pdf_text(briefs.committee_brief(db, None, settings("da"))))
    assert "Vi spurgte, I sagde, vi gjorde" in text
    assert "1 holdt, 1 stadig åbne, 1 opgivet" in text
    assert "får svar om bænken" in text and "Slæbestedet ryddes" in text
    assert "Anna" not in text and "Ærø" not in text and "Mette Berg" not in text
    assert "Planen sendes til udvalget" not in text  # a promise to the council itself
