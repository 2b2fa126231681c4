"""Validation reports every failing field at once, with a path a person can follow."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from coprod_desktop.domain.errors import Problem, ValidationError
from coprod_desktop.domain.validation import clean, clean_or_raise


def _initiative(**overrides: Any) -> dict[str, Any]:
    record: dict[str, Any] = {
        "key": "i1",
        "title": "Havnen for alle",
        "sector": "harbours",
        "status": "active",
    }
    record.update(overrides)
    return record


def _problems(entity: str, record: dict[str, Any], path: str = "") -> dict[str, str]:
    problems: list[Problem] = []
    clean(entity, record, path, problems)
    return {p.path: p.code for p in problems}


def test_a_valid_minimal_initiative_has_no_problems() -> None:
    problems: list[Problem] = []
    out = clean("initiative", _initiative(start_date="2024-03-01"), "", problems)
    assert problems == []
    assert out["start_date"] == date(2024, 3, 1)
    assert out["stakeholders"] == [] and out["public_values"] == []


def test_every_missing_required_field_is_reported_at_once() -> None:
    found = _problems("initiative", {})
    assert {"key", "title", "sector", "status"} <= set(found)
    assert all(found[name] == "required" for name in ("key", "title", "sector", "status"))


def test_blank_text_counts_as_missing() -> None:
    assert _problems("initiative", _initiative(title="   "))["title"] == "required"


def test_all_failing_fields_of_a_nested_document_are_reported_together() -> None:
    record = _initiative(
        bogus_field=1,
        sector="harbour",  # not a key
        start_date="2025-02-30",  # not a real date
        end_date="2025-01-01",
        public_values=["mobilising_resources", "world_peace"],
        resources=[
            {"kind": "municipal_budget", "amount": 1000, "unit": "DKK"},
            {"kind": "staff_hours", "amount": 10, "unit": "DKK"},
            {"kind": "external_funding", "amount": -5, "unit": "DKK"},
        ],
        cross_pressures=[
            {"category": "silo_structure", "severity": 0, "status": "open"},
            {"category": "silo_structure", "severity": 4, "status": "open"},
            {"category": "nope", "severity": 2, "status": "open", "raised_on": "2024-13-01"},
        ],
        mandates=[{"level": "informal"}],
        journal=[{"date": "2024-01-01", "kind": "meeting"}],
    )
    found = _problems("initiative", record, "initiatives[0]")
    expected = {
        "initiatives[0].bogus_field": "unknown_field",
        "initiatives[0].sector": "unknown_key",
        "initiatives[0].start_date": "bad_date",
        "initiatives[0].public_values[1]": "unknown_key",
        "initiatives[0].resources[1].unit": "unit_mismatch",
        "initiatives[0].resources[2].amount": "negative_amount",
        "initiatives[0].cross_pressures[0].severity": "severity_range",
        "initiatives[0].cross_pressures[1].severity": "severity_range",
        "initiatives[0].cross_pressures[2].category": "unknown_key",
        "initiatives[0].cross_pressures[2].raised_on": "bad_date",
        "initiatives[0].mandates[0].clarity": "required",
        "initiatives[0].journal[0].summary": "required",
    }
    for path, code in expected.items():
        assert found.get(path) == code, (path, found)
    # nothing is reported for the valid parts
    assert "initiatives[0].resources[0].unit" not in found
    assert "initiatives[0].title" not in found


def test_end_before_start_names_the_later_field() -> None:
    found = _problems("initiative", _initiative(start_date="2024-05-01", end_date="2024-04-30"))
    assert found == {"end_date": "end_before_start"}
    assert (
        _problems("initiative", _initiative(start_date="2024-05-01", end_date="2024-05-01")) == {}
    )


@pytest.mark.parametrize(
    ("entity", "earlier", "later", "extra"),
    [
        ("involvement", "joined_on", "left_on", {"stakeholder": "s1", "role": "partner"}),
        ("mandate", "decided_on", "valid_until", {"level": "informal", "clarity": "clear"}),
        (
            "cross_pressure",
            "raised_on",
            "resolved_on",
            {"category": "npm_control", "severity": 1, "status": "resolved"},
        ),
    ],
)
def test_date_order_in_children(
    entity: str, earlier: str, later: str, extra: dict[str, Any]
) -> None:
    record = {**extra, earlier: "2024-06-02", later: "2024-06-01"}
    assert _problems(entity, record) == {later: "end_before_start"}


@pytest.mark.parametrize(
    "bad", ["2025-02-30", "2023-02-29", "2024-00-10", "24-01-01", "1.1.2024", 20240101]
)
def test_impossible_or_malformed_dates_are_refused(bad: object) -> None:
    assert _problems("initiative", _initiative(next_review=bad)) == {"next_review": "bad_date"}


def test_a_leap_day_is_a_real_date() -> None:
    assert _problems("initiative", _initiative(next_review="2024-02-29")) == {}


@pytest.mark.parametrize("severity", [0, 4, -1, 2.5, "2", True])
def test_severity_must_be_1_2_or_3(severity: object) -> None:
    record = {"category": "risk_aversion", "severity": severity, "status": "open"}
    assert _problems("cross_pressure", record) == {"severity": "severity_range"}


@pytest.mark.parametrize("severity", [1, 2, 3])
def test_severity_1_to_3_is_fine(severity: int) -> None:
    record = {"category": "risk_aversion", "severity": severity, "status": "open"}
    assert _problems("cross_pressure", record) == {}


@pytest.mark.parametrize(
    ("kind", "unit", "ok"),
    [
        ("municipal_budget", "DKK", True),
        ("municipal_budget", "hours", False),
        ("external_funding", "EUR", False),
        ("staff_hours", "hours", True),
        ("staff_hours", "DKK", False),
        ("volunteer_hours", "days", False),
        ("in_kind", "cakes", True),
        ("facilities", "m²", True),
    ],
)
def test_units_must_fit_the_resource_kind(kind: str, unit: str, ok: bool) -> None:
    found = _problems("resource", {"kind": kind, "amount": 3, "unit": unit})
    assert found == ({} if ok else {"unit": "unit_mismatch"})


@pytest.mark.parametrize("amount", [-0.01, -100])
def test_negative_amounts_are_refused(amount: float) -> None:
    found = _problems("resource", {"kind": "in_kind", "amount": amount, "unit": "boxes"})
    assert found == {"amount": "negative_amount"}


@pytest.mark.parametrize("amount", ["12", None, float("nan"), float("inf"), True])
def test_amount_must_be_a_number(amount: object) -> None:
    found = _problems("resource", {"kind": "in_kind", "amount": amount, "unit": "boxes"})
    assert found.get("amount") in ("not_a_number", "required")


def test_zero_amount_is_fine() -> None:
    assert _problems("resource", {"kind": "in_kind", "amount": 0, "unit": "boxes"}) == {}


def test_stakeholder_flags_and_vocabularies() -> None:
    found = _problems(
        "stakeholder",
        {
            "key": "s1",
            "name": "Ørum Borgerforening",
            "kind": "club",
            "is_person": "yes",
            "lawful_basis": "because",
            "consent_date": "2024-02-31",
        },
    )
    assert found == {
        "kind": "unknown_key",
        "is_person": "wrong_type",
        "lawful_basis": "unknown_key",
        "consent_date": "bad_date",
    }


def test_clean_or_raise_raises_one_error_carrying_every_field() -> None:
    with pytest.raises(ValidationError) as caught:
        clean_or_raise(
            "cross_pressure", {"category": "bad", "severity": 9, "status": "closed"}, "x"
        )
    error = caught.value
    assert error.fields() == {"x.category", "x.severity", "x.status"}
    assert error.exit_code == 3
    text = error.message("en")
    for field in ("x.category", "x.severity", "x.status"):
        assert field in text
    assert error.message("da") != text
    assert "\n" not in text


def test_the_error_message_names_the_allowed_values() -> None:
    with pytest.raises(ValidationError) as caught:
        clean_or_raise("journal", {"date": "2024-01-01", "kind": "party", "summary": "x"})
    assert "party" in caught.value.message()
    assert "meeting" in caught.value.message()


def test_text_longer_than_its_column_is_refused_by_name() -> None:
    found = _problems(
        "initiative",
        _initiative(reference="CP-" + "9" * 60, owner="x" * 201, summary="y" * 100_000),
    )
    assert found == {"reference": "too_long", "owner": "too_long"}


def test_every_limited_text_column_has_a_validation_limit_that_fits() -> None:
    """A shared PostgreSQL database enforces column widths; validation must refuse first."""
    from sqlalchemy import String

    from coprod_desktop.domain.validation import SPECS
    from coprod_desktop.store import models as m

    tables = {
        "stakeholder": m.Stakeholder,
        "initiative": m.Initiative,
        "involvement": m.Involvement,
        "mandate": m.Mandate,
        "resource": m.ResourceEntry,
        "cross_pressure": m.CrossPressure,
        "journal": m.JournalEntry,
        "review": m.Review,
        "attachment": m.Attachment,
    }
    for entity, model in tables.items():
        columns = model.__table__.columns
        for name, spec in SPECS[entity].items():
            if spec.kind != "text" or name not in columns:
                continue
            column_type = columns[name].type
            if isinstance(column_type, String) and column_type.length:
                assert spec.max_length is not None, f"{entity}.{name}"
                assert spec.max_length <= column_type.length, f"{entity}.{name}"
