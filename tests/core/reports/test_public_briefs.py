"""The committee brief is public-safe by construction: no journal text by default, no
person's name, and no name-like phrase printed that nobody confirmed (CLI exit codes)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from coprod_desktop.domain.errors import NamesUnconfirmedError
from coprod_desktop.services import briefs, exchange, names, reporting
from coprod_desktop.services.portfolio_query import PortfolioFilter
from coprod_desktop.store.db import Database

from .conftest import flat, pdf_text, settings

EXTRA = {
    "format": "coprod-interchange",
    "version": 1,
    "stakeholders": [
        {"key": "b", "name": "Jens Hansen Tømrer ApS", "kind": "business", "is_person": False},
        {
            "key": "p",
            "name": "Jens Hansen",
            "kind": "citizen",
            "is_person": True,
            "phone": "12345678",
        },
    ],
    "initiatives": [
        {
            "key": "i",
            "reference": "CP-2026-777",
            "title": "Harbour benches with Anna Berg",
            "summary": "Jens Hansen Tømrer ApS builds; Jens Hansen pays from account"
            " 9876123456789.",
            "sector": "harbours",
            "status": "active",
            "stakeholders": [
                {"stakeholder": "b", "role": "partner"},
                {"stakeholder": "p", "role": "user"},
            ],
            "journal": [
                {"date": "2026-01-02", "kind": "decision", "summary": "Approved by Karen Lund."}
            ],
        }
    ],
}


@pytest.mark.parametrize("lang", ["da", "en"])
def test_the_default_demo_brief_has_no_person_and_no_journal_text(
    lang: str, demo_da: Database, demo_en: Database
) -> None:
    db = demo_da if lang == "da" else demo_en
    persons = reporting.recorded_persons(db)
    journal = [j.summary for i in reporting.load_portfolio(db) for j in i.journal]
    assert len(persons) >= 10 and len(journal) >= 50
    default = flat(
        pdf_text(
            briefs.committee_brief(
                db, PortfolioFilter(), settings(lang), require_confirmed_names=True
            )
        )
    )
    businesses = " ".join(names.public_text(db).organisations)
    for person in persons:
        assert person.name not in default, person.name
        surname = person.name.split()[-1]
        if surname not in businesses:  # "Tømrerfirmaet Højgaard & Søn" is a firm
            assert surname not in default, person.name
    assert not [s for s in journal if flat(s)[:60] in default]
    # the journal is printed only when asked for (so the check above can fail)
    with_journal = flat(
        pdf_text(
            briefs.committee_brief(db, PortfolioFilter(), settings(lang), include_journal=True)
        )
    )
    assert len([s for s in journal if flat(s)[:40] in with_journal]) >= 10


def test_the_brief_refuses_unconfirmed_names_and_applies_decisions(demo_en: Database) -> None:
    exchange.import_document(demo_en, EXTRA)
    with pytest.raises(NamesUnconfirmedError) as raised:
        briefs.committee_brief(demo_en, None, settings("en"), require_confirmed_names=True)
    assert raised.value.params == {"count": 1}
    names.decide(demo_en, "Anna Berg", "a resident")
    text = flat(
        pdf_text(
            briefs.committee_brief(demo_en, None, settings("en"), require_confirmed_names=True)
        )
    )
    assert "CP-2026-777 · Harbour benches with a resident" in text
    # unrelated text is not damaged: the business keeps its name, the account its digits
    assert "Jens Hansen Tømrer ApS builds; a citizen pays from account 9876123456789." in text
    assert "Taking part: Jens Hansen Tømrer ApS; 1 citizen" in text
    # the journal brings a new name: it is asked about before it is printed
    with pytest.raises(NamesUnconfirmedError):
        briefs.committee_brief(
            demo_en, None, settings("en"), include_journal=True, require_confirmed_names=True
        )


def test_cli_check_names_confirm_and_refuse(run_cli, demo_da_path: Path, tmp_path: Path):  # type: ignore[no-untyped-def]
    db = str(demo_da_path)
    extra = tmp_path / "extra.json"
    extra.write_text(json.dumps(EXTRA), "utf-8")
    out = tmp_path / "brief.pdf"
    assert run_cli("--db", db, "report", "committee", "--check-names").code == 0
    assert run_cli("--db", db, "import", str(extra)).code == 0

    result = run_cli("--db", db, "report", "committee", "--check-names", "--include-journal")
    assert result.code == 3
    lines = result.out.splitlines()
    assert [line.split("\t")[:2] for line in lines] == [
        ["Anna Berg", "CP-2026-777 title"],
        ["Karen Lund", "CP-2026-777 journal 2026-01-02"],
    ]
    assert result.err.count("\n") == 1 and "2" in result.err

    result = run_cli("--db", db, "--lang", "da", "report", "committee", "-o", str(out))
    assert result.code == 3 and not out.exists()
    assert result.err.count("\n") == 1 and "--check-names" in result.err
    assert "navnelignende" in result.err

    assert run_cli("--db", db, "names", "confirm", "anna berg", "--replace", "a resident").code == 0
    assert run_cli("--db", db, "report", "committee", "--check-names").code == 0
    result = run_cli("--db", db, "report", "committee", "-o", str(out))
    assert result.code == 0, result.err
    assert "Harbour benches with a resident" in flat(pdf_text(out.read_bytes()))
    # the journal still has an unconfirmed name; personal data (not public) is not checked
    assert run_cli("--db", db, "report", "committee", "--include-journal", "-o", str(out)).code == 3
    assert (
        run_cli(
            "--db",
            db,
            "report",
            "committee",
            "--include-journal",
            "--include-personal-data",
            "-o",
            str(out),
        ).code
        == 0
    )

    assert run_cli("--db", db, "names", "confirm", "Karen Lund").code == 0
    listed = json.loads(run_cli("--db", db, "names", "list", "--format", "json").out)
    assert [(d["phrase"], d["replacement"]) for d in listed] == [
        ("anna berg", "a resident"),
        ("Karen Lund", None),
    ]
    assert "Karen Lund" in run_cli("--db", db, "names", "list").out
    assert run_cli("--db", db, "names", "forget", "karen lund").code == 0
    assert run_cli("--db", db, "names", "forget", "karen lund").code == 3


def test_cli_names_usage_and_bad_input(run_cli, demo_da_path: Path):  # type: ignore[no-untyped-def]
    db = str(demo_da_path)
    assert run_cli("--db", db, "report", "committee").code == 2  # neither -o nor --check-names
    assert run_cli("--db", db, "names").code == 2
    result = run_cli("--db", db, "names", "confirm", "Anna Berg", "--replace", "  ")
    assert result.code == 3 and result.err.count("\n") == 1
    assert run_cli("--db", db, "names", "confirm", "--").code in (2, 3)
    assert run_cli("--db", db, "names", "list").out.strip() == "no decisions yet"
