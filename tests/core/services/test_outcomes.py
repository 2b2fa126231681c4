"""Outcomes, co-production phases, coordinates and CVR numbers (issue 21): validation,
saving and reading back, audit, erase and the interchange round trip."""

from __future__ import annotations

import copy

import pytest
from jsonschema import Draft202012Validator

from coprod_desktop.domain import model as d
from coprod_desktop.domain.errors import Problem, ValidationError
from coprod_desktop.domain.validation import clean, is_valid_cvr
from coprod_desktop.services import exchange, initiatives, privacy, stakeholders
from coprod_desktop.store.db import Database
from tests.core import factories


def _problems(entity: str, record: dict[str, object]) -> list[tuple[str, str]]:
    found: list[Problem] = []
    clean(entity, record, "", found, check_unknown_fields=False)
    return [(p.path, p.code) for p in found]


@pytest.mark.parametrize("number", ["29403473", "10103940", "25052943", "61126228"])
def test_real_looking_cvr_numbers_pass_the_modulus_11_check(number: str) -> None:
    assert is_valid_cvr(number)


@pytest.mark.parametrize(
    "number", ["29403474", "2940347", "294034730", "0000000O", "02940347", "２９４０３４７３"]
)
def test_a_wrong_check_digit_or_length_or_script_is_not_a_cvr_number(number: str) -> None:
    assert not is_valid_cvr(number)
    record = {"key": "s", "name": "Firma ApS", "kind": "business", "is_person": False}
    assert ("cvr", "bad_cvr") in _problems("stakeholder", {**record, "cvr": number})


@pytest.mark.parametrize(("kind", "is_person"), [("citizen", False), ("other", True)])
def test_a_person_with_a_cvr_number_is_refused(kind: str, is_person: bool) -> None:
    record = {"key": "s", "name": "Ole", "kind": kind, "is_person": is_person, "cvr": "29403473"}
    assert ("cvr", "cvr_person") in _problems("stakeholder", record)


def test_coordinates_are_range_checked_and_come_in_pairs() -> None:
    base = {"key": "i", "title": "T", "sector": "other", "status": "idea"}
    assert _problems("initiative", {**base, "latitude": 56.1, "longitude": 10.2}) == []
    assert ("latitude", "out_of_range") in _problems(
        "initiative", {**base, "latitude": 91, "longitude": 10}
    )
    assert ("longitude", "out_of_range") in _problems(
        "initiative", {**base, "latitude": 56, "longitude": -180.5}
    )
    assert _problems("initiative", {**base, "latitude": 56.1}) == [
        ("longitude", "coordinates_pair")
    ]


def test_outcome_values_may_be_negative_but_not_text_and_need_an_indicator() -> None:
    assert _problems("outcome", {"indicator": "CO2", "baseline": -12.5}) == []
    assert ("baseline", "not_a_number") in _problems("outcome", {"indicator": "x", "baseline": "7"})
    assert ("indicator", "required") in _problems("outcome", {"target": 4})
    assert ("public_value", "unknown_key") in _problems(
        "outcome", {"indicator": "x", "public_value": "happiness"}
    )


def test_phases_outcomes_and_coordinates_save_and_read_back(any_db: Database) -> None:
    made = factories.initiative(
        any_db,
        co_phases=["co_assessment", "co_design"],
        latitude=55.6761,
        longitude=12.5683,
        outcomes=[d.OutcomeData(indicator="Deltagere", target=50, co_assessed=True)],
    )
    assert made.id is not None
    again = initiatives.get_initiative(any_db, made.id)
    assert again.co_phases == ["co_assessment", "co_design"]
    assert (again.latitude, again.longitude) == (55.6761, 12.5683)
    assert [(o.indicator, o.target, o.co_assessed) for o in again.outcomes] == [
        ("Deltagere", 50, True)
    ]
    again.outcomes[0].achieved = 61
    again.outcomes.append(d.OutcomeData(indicator="Tilfredshed", unit="%", achieved=80))
    saved = initiatives.save_initiative(any_db, again)
    assert [o.achieved for o in saved.outcomes] == [61, 80]
    saved.outcomes = saved.outcomes[1:]
    assert [o.indicator for o in initiatives.save_initiative(any_db, saved).outcomes] == [
        "Tilfredshed"
    ]


def test_a_bad_outcome_is_refused_with_its_path_and_nothing_saved(db: Database) -> None:
    made = factories.initiative(db)
    made.outcomes = [d.OutcomeData(indicator="  ", achieved=float("nan"))]
    with pytest.raises(ValidationError) as caught:
        initiatives.save_initiative(db, made)
    paths = {p.path for p in caught.value.problems}
    assert {"outcomes[0].indicator", "outcomes[0].achieved"} <= paths
    assert initiatives.get_initiative(db, made.id).outcomes == []  # type: ignore[arg-type]


def test_an_organisation_keeps_its_cvr_and_a_person_cannot_have_one(db: Database) -> None:
    firm = stakeholders.create_stakeholder(
        db, d.StakeholderData(name="Havnens Værft ApS", kind="business", cvr="29403473")
    )
    assert stakeholders.get_stakeholder(db, firm.id).cvr == "29403473"  # type: ignore[arg-type]
    with pytest.raises(ValidationError):
        stakeholders.create_stakeholder(
            db, d.StakeholderData(name="Ole", kind="citizen", is_person=True, cvr="29403473")
        )


def test_outcomes_are_audited_with_their_indicator(any_db: Database) -> None:
    from sqlalchemy import select

    from coprod_desktop.store import models as m

    made = factories.full_initiative(any_db)
    with any_db.session() as session:
        rows = session.execute(
            select(m.AuditEntry.action, m.AuditEntry.new_value).where(
                m.AuditEntry.entity == "outcome", m.AuditEntry.initiative_id == made.id
            )
        ).all()
    assert ("create", "Både i havnen om sommeren") in [tuple(r) for r in rows]


def test_an_erase_rewrites_outcome_evidence_that_names_the_person(any_db: Database) -> None:
    person = factories.stakeholder(any_db, "Karen Blixen", "citizen", is_person=True)
    made = factories.initiative(
        any_db,
        outcomes=[
            d.OutcomeData(
                indicator="Interviews by Karen Blixen",
                evidence="Karen Blixen counted the boats",
            )
        ],
    )
    record = privacy.open_person(any_db, person, "access request")
    assert any(field == "outcomes.evidence" for _i, _r, field in record.mentioned_in)
    privacy.erase_person(any_db, person, "asked to be forgotten")
    outcome = initiatives.get_initiative(any_db, made.id).outcomes[0]  # type: ignore[arg-type]
    assert "Karen" not in (outcome.evidence or "") and "Blixen" not in outcome.indicator
    exported = str(exchange.export_document(any_db))
    assert "Blixen" not in exported


def test_the_outcome_document_is_valid_and_survives_the_quick_and_thorough_import(
    any_db: Database,
) -> None:
    document = {
        "format": "coprod-interchange",
        "version": 1,
        "stakeholders": [
            {"key": "s1", "name": "Værft ApS", "kind": "business", "is_person": False}
        ],
        "initiatives": [
            {
                "key": "i1",
                "title": "Havnen",
                "sector": "harbours",
                "status": "active",
                "co_phases": ["co_delivery"],
                "latitude": -33.8688,
                "longitude": 151.2093,
                "outcomes": [
                    {
                        "indicator": "Både",
                        "baseline": -1,
                        "achieved": 2.5,
                        "measured_on": "2025-01-31",
                        "co_assessed": False,
                    }
                ],
            }
        ],
    }
    assert list(Draft202012Validator(exchange.schema()).iter_errors(document)) == []
    exchange.import_document(any_db, copy.deepcopy(document))
    item = exchange.export_document(any_db)["initiatives"][0]
    assert item["outcomes"] == [
        {
            "indicator": "Både",
            "baseline": -1,
            "achieved": 2.5,
            "measured_on": "2025-01-31",
            "co_assessed": False,
        }
    ]
    assert (item["latitude"], item["longitude"]) == (-33.8688, 151.2093)


def test_an_import_with_a_bad_cvr_or_coordinates_writes_nothing(db: Database) -> None:
    document = {
        "format": "coprod-interchange",
        "version": 1,
        "stakeholders": [
            {
                "key": "s1",
                "name": "Værft ApS",
                "kind": "business",
                "is_person": False,
                "cvr": "12345678",
            }
        ],
        "initiatives": [
            {
                "key": "i1",
                "title": "Havnen",
                "sector": "harbours",
                "status": "active",
                "latitude": 100,
                "longitude": 10,
            }
        ],
    }
    with pytest.raises(ValidationError) as caught:
        exchange.import_document(db, document)
    paths = {p.path for p in caught.value.problems}
    assert any(p.endswith("cvr") for p in paths) and any(p.endswith("latitude") for p in paths)
    assert exchange.export_document(db)["initiatives"] == []


@pytest.mark.parametrize(
    ("where", "value"),
    [
        ("latitude", 90),
        ("latitude", 90.0000001),
        ("longitude", -180),
        ("longitude", -180.5),
        ("latitude", True),
        ("latitude", "56.1"),
        ("cvr", "29403473"),
        ("cvr", "29403474"),
        ("cvr", "2940347４"),
        ("cvr", "29403473\n"),
        ("cvr", 29403473),
        ("baseline", -1_000_000_000_000),
        ("baseline", -1_000_000_000_001),
        ("co_assessed", None),
        ("public_value", None),
    ],
)
def test_the_quick_and_the_thorough_check_agree_on_the_new_fields(
    where: str, value: object
) -> None:
    from tests.core.services.test_exchange_check import _comparable, compact_document

    document = compact_document()
    if where == "cvr":
        document["stakeholders"][0]["cvr"] = value
    elif where in ("latitude", "longitude"):
        document["initiatives"][0][where] = value
    else:
        document["initiatives"][0]["outcomes"][0][where] = value
    quick = exchange.check_document(copy.deepcopy(document))
    thorough = exchange.check_thoroughly(copy.deepcopy(document))
    assert _comparable(quick) == _comparable(thorough)
