"""`coprod export --participedia -o FILE.json`: public-safe Participedia case records."""

from __future__ import annotations

import json
from pathlib import Path

from coprod_desktop.domain import model as d
from coprod_desktop.domain.field_guide import render
from coprod_desktop.domain.participedia import MAPPING, case_record
from coprod_desktop.services import participedia_export
from coprod_desktop.store.db import Database
from tests.core import factories

# Participedia's own choice keys for the fields we fill (its case editor's option lists).
ALLOWED = {
    "purposes": {"make", "make_influence", "deliver", "develop", "academic"},
    "approaches": {
        "advocacy",
        "citizenship",
        "civil",
        "cogovernance",
        "coproduction",
        "coproduction_form",
        "consultation",
        "direct",
        "independent",
        "informal",
        "informal_engagement",
        "leadership",
        "evaluation",
        "protest",
        "research",
        "social",
    },
    "public_spectrum": {"inform", "consult", "involve", "collaborate", "empower", None},
    "open_limited": {"open", "open_to", "limited", "both", None},
    "recruitment_method": {
        "captive",
        "random",
        "stratified",
        "appointment",
        "election",
        "not",
        None,
    },
    "organizer_types": {
        "academic",
        "community",
        "forprofit",
        "local",
        "national",
        "nongovernmental",
        "philanthropic",
        "regional",
    },
    "funder_types": {
        "academic",
        "community",
        "forprofit",
        "local",
        "national",
        "nongovernmental",
        "philanthropic",
        "regional",
    },
    "staff": {"yes", "no"},
    "volunteers": {"yes", "no"},
    "impact_evidence": {"yes", "no"},
}


def test_the_demo_exports_valid_case_records(run_cli, demo_db: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "cases.json"
    result = run_cli("--db", demo_db, "export", "--participedia", "-o", str(target))
    assert result.code == 0, result.err
    document = json.loads(target.read_text("utf-8"))
    assert document["format"] == "participedia-cases"
    cases = {c["source"]["reference"]: c for c in document["cases"]}
    assert len(cases) == 16
    for case in cases.values():
        for field, allowed in ALLOWED.items():
            value = case[field]
            values = value if isinstance(value, list) else [value]
            assert set(values) <= allowed, (field, value)
            assert not isinstance(value, list) or len(value) <= 3
    harbour = cases["CP-2024-001"]
    assert "cogovernance" in harbour["approaches"] and "make" in harbour["purposes"]
    assert harbour["public_spectrum"] == "collaborate"
    assert harbour["impact_evidence"] == "yes" and harbour["location"]["longitude"] == 10.871
    volunteers = cases["CP-2024-006"]
    assert volunteers["volunteers"] == "yes" and "civil" in volunteers["approaches"]
    assert volunteers["targeted_participants"] == ["elderly"]


def test_no_person_reaches_the_file(db: Database, tmp_path: Path) -> None:
    anna = factories.stakeholder(db, "Anna Ærø", "citizen", is_person=True, phone="20304050")
    firm = factories.stakeholder(db, "Værftet ApS", "business")
    factories.initiative(
        db,
        title="Anna Ærø's boat club",
        summary="Call Anna Ærø on 20304050.",
        description="SECRET long description",
        owner="Mette Havnefoged",
        type="co_management",
        involvements=[
            d.InvolvementData(stakeholder_id=anna, role="partner"),
            d.InvolvementData(stakeholder_id=firm, role="sponsor"),
        ],
        resources=[
            d.ResourceData(kind="external_funding", amount=5000, unit="DKK", source_id=firm)
        ],
        outcomes=[d.OutcomeData(indicator="Boats", achieved=4, evidence="SECRET by Anna")],
    )
    target = tmp_path / "cases.json"
    assert participedia_export.export_file(db, target) == 1
    text = target.read_text("utf-8")
    for secret in ("Anna", "Ærø", "20304050", "SECRET", "Mette", "Værftet"):
        assert secret not in text, secret
    case = json.loads(text)["cases"][0]
    assert case["funder_types"] == ["forprofit"]
    assert case["organizer_types"] == ["local", "forprofit"]
    assert case["open_limited"] == "open_to" and case["number_of_participants"] == 2


def test_a_file_that_is_not_json_is_refused_and_nothing_is_written(
    run_cli, demo_db: str, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "cases.csv"
    result = run_cli("--db", demo_db, "export", "--participedia", "-o", str(target))
    assert result.code == 3 and len(result.err.strip().splitlines()) == 1
    assert not target.exists()


def test_the_field_guide_documents_every_mapped_field_in_both_languages() -> None:
    example = case_record(d.InitiativeData(title="x"), lambda t: t or "")
    documented = {name.strip() for field, _ in MAPPING for name in field.split(",")}
    assert documented <= set(example)
    for lang, heading in (("en", "Participedia export"), ("da", "Participedia-eksport")):
        guide = render(lang)
        assert heading in guide
        for field, text in MAPPING:
            assert f"`{field}`" in guide and text.get(lang) in guide
