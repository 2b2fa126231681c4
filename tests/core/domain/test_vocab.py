"""The vocabularies, their labels, the message catalogue and the JSON Schema enums."""

from __future__ import annotations

import re
import string

import pytest

from coprod_desktop.domain import fields
from coprod_desktop.domain import vocab as v
from coprod_desktop.domain.messages import CATALOGUE, message
from coprod_desktop.services import exchange

# The agreed keys, written out by hand rather than read from the code under test: a key
# renamed or dropped in domain/vocab.py fails here.
DESIGN_KEYS: dict[type[v.Vocabulary], list[str]] = {
    v.InitiativeType: ["co_management", "empowerment", "coordination"],
    v.Status: ["idea", "preparing", "active", "paused", "completed", "discontinued"],
    v.Origin: ["top_down", "bottom_up", "protest_response", "gradual", "partner_initiated"],
    v.Sector: [
        "planning_environment",
        "harbours",
        "tourism_trade",
        "employment",
        "eldercare",
        "integration",
        "education",
        "culture_leisure",
        "social",
        "health",
        "other",
    ],
    v.ParticipationLevel: ["inform", "consult", "involve", "collaborate", "empower"],
    v.PublicValue: [
        "mobilising_resources",
        "sustainable_solutions",
        "protest_to_collaboration",
        "better_results",
        "user_satisfaction",
        "empathy_equality",
    ],
    v.CoPhase: ["co_commissioning", "co_design", "co_delivery", "co_assessment"],
    v.FrontlineRole: [
        "facilitating_collaboration",
        "facilitating_empowerment",
        "coordinating_volunteers",
    ],
    v.StakeholderKind: [
        "citizen",
        "volunteer",
        "association",
        "civil_society_org",
        "business",
        "municipal_unit",
        "public_authority",
        "political_body",
        "other",
    ],
    v.InvolvementRole: [
        "partner",
        "contributor",
        "user",
        "decision_maker",
        "sponsor",
        "affected",
        "critic",
    ],
    v.Level3: ["low", "medium", "high"],
    v.MandateLevel: [
        "political_committee",
        "executive_management",
        "department_management",
        "immediate_manager",
        "informal",
        "none",
    ],
    v.Clarity: ["clear", "partial", "unclear"],
    v.ResourceKind: [
        "municipal_budget",
        "staff_hours",
        "external_funding",
        "volunteer_hours",
        "in_kind",
        "facilities",
    ],
    v.PressureCategory: [
        "silo_structure",
        "internal_rivalry",
        "risk_aversion",
        "npm_control",
        "unclear_mandate",
        "insufficient_resources",
        "lack_of_flexibility",
        "missing_political_anchoring",
        "strategy_not_trickling_down",
        "power_sharing",
        "stakeholder_distrust",
        "partner_exit_risk",
        "hard_to_measure_value",
    ],
    v.PressureLevel: ["individual", "organisational", "political", "external"],
    v.PressureStatus: ["open", "mitigating", "resolved"],
    v.CommitmentStatus: ["open", "in_progress", "done", "dropped"],
    v.CopingStrategy: [
        "linking_interests",
        "linking_actors",
        "linking_logics",
        "escalation",
        "negotiating_mandate",
        "other",
    ],
    v.JournalKind: [
        "meeting",
        "workshop",
        "site_visit",
        "call",
        "email",
        "decision",
        "milestone",
        "note",
    ],
    v.LawfulBasis: [
        "public_task",
        "consent",
        "legal_obligation",
        "contract",
        "legitimate_interest",
    ],
}

VOCABULARIES = list(DESIGN_KEYS)


@pytest.mark.parametrize("vocabulary", VOCABULARIES, ids=lambda c: c.__name__)
def test_every_design_key_is_in_the_vocabulary_and_nothing_else(
    vocabulary: type[v.Vocabulary],
) -> None:
    assert vocabulary.all_keys() == DESIGN_KEYS[vocabulary]


@pytest.mark.parametrize("vocabulary", VOCABULARIES, ids=lambda c: c.__name__)
def test_every_member_has_english_and_danish_labels(vocabulary: type[v.Vocabulary]) -> None:
    for member in vocabulary:
        assert member.label("en").strip(), member
        assert member.label("da").strip(), member
        # a label is for people: not the raw key
        assert "_" not in member.label("en"), member
        assert "_" not in member.label("da"), member


def test_danish_labels_differ_from_english_for_most_members() -> None:
    members = [member for vocabulary in VOCABULARIES for member in vocabulary]
    different = [m for m in members if m.label("da") != m.label("en")]
    assert len(different) >= 0.8 * len(members)


def test_labels_are_unique_within_a_vocabulary() -> None:
    for vocabulary in VOCABULARIES:
        for lang in ("en", "da"):
            labels = [m.label(lang).casefold() for m in vocabulary]
            assert len(labels) == len(set(labels)), (vocabulary.__name__, lang)


def test_a_member_is_found_by_key_and_by_either_label() -> None:
    assert v.Sector.from_key_or_label("harbours") is v.Sector.HARBOURS
    assert v.Sector.from_key_or_label(v.Sector.HARBOURS.label("da").upper()) is v.Sector.HARBOURS
    assert v.Sector.from_key_or_label(v.Sector.HARBOURS.label("en")) is v.Sector.HARBOURS
    assert v.Sector.from_key_or_label("no such sector") is None
    with pytest.raises(KeyError):
        v.Sector.get("no_such_sector")


def test_money_kinds_are_counted_in_dkk_and_hour_kinds_in_hours() -> None:
    # The interchange rule (the schema's `unit`): `DKK` for budget and funding, `hours` for
    # staff and volunteer hours.
    assert v.RESOURCE_UNITS[v.ResourceKind.MUNICIPAL_BUDGET] == "DKK"
    assert v.RESOURCE_UNITS[v.ResourceKind.EXTERNAL_FUNDING] == "DKK"
    assert v.RESOURCE_UNITS[v.ResourceKind.STAFF_HOURS] == "hours"
    assert v.RESOURCE_UNITS[v.ResourceKind.VOLUNTEER_HOURS] == "hours"
    assert v.ResourceKind.IN_KIND not in v.RESOURCE_UNITS
    assert v.ResourceKind.FACILITIES not in v.RESOURCE_UNITS


def test_every_type_has_a_default_frontline_role() -> None:
    assert set(v.DEFAULT_FRONTLINE_ROLE) == set(v.InitiativeType)
    assert len(set(v.DEFAULT_FRONTLINE_ROLE.values())) == len(v.InitiativeType)


# ------------------------------------------------------------------ the message catalogue


def _placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_message_has_english_and_danish_with_the_same_placeholders() -> None:
    assert CATALOGUE
    for key, (en, da) in CATALOGUE.items():
        assert en.strip() and da.strip(), key
        assert _placeholders(en) == _placeholders(da), key


def test_most_messages_are_actually_translated() -> None:
    texts = [(en, da) for en, da in CATALOGUE.values() if not re.fullmatch(r"\{\w+\}", en)]
    translated = [pair for pair in texts if pair[0] != pair[1]]
    assert len(translated) >= 0.8 * len(texts)


def test_the_core_catalogue_and_column_labels_follow_the_glossary() -> None:
    from coprod_desktop.domain import columns as cols
    from tests.glossary import disagreements, terms

    assert "Kind" in terms() and "Owner" in terms()
    pairs = [(key, en, da) for key, (en, da) in CATALOGUE.items()]
    pairs += [(f"{s.name}.{c.field}", c.en, c.da) for s in cols.SHEETS for c in s.columns]
    pairs += [(f"sheet {s.name}", s.en, s.da) for s in cols.SHEETS]
    assert not disagreements(pairs)
    # and the check bites: a second word for a term is caught
    assert disagreements([("x", "Kind", "Art"), ("y", "&Owner:", "&Ejer:")])


def test_message_fills_in_placeholders_in_the_chosen_language() -> None:
    en = message("not_found", "en", entity="initiative", ident="CP-1")
    da = message("not_found", "da", entity="initiativ", ident="CP-1")
    assert "CP-1" in en and "CP-1" in da
    assert en != da
    assert message("required", "xx") == message("required", "en")


# ------------------------------------------------------------------ the JSON Schema


def _schema() -> dict:  # type: ignore[type-arg]
    return exchange.schema()


# Every vocabulary field of the interchange format, as `domain/fields.py` declares it (the
# schema is built from the same declaration; these tests check what the build made of it).
SCHEMA_ENUMS: list[tuple[str, str, type[v.Vocabulary]]] = [
    (entity, declared.name, declared.vocabulary)
    for entity, record in fields.RECORDS.items()
    for declared in record
    if declared.vocabulary is not None and declared.interchange
]


@pytest.mark.parametrize(
    ("definition", "field", "vocabulary"),
    SCHEMA_ENUMS,
    ids=[f"{d}.{f}" for d, f, _ in SCHEMA_ENUMS],
)
def test_schema_enums_equal_the_domain_vocabularies(
    definition: str, field: str, vocabulary: type[v.Vocabulary]
) -> None:
    prop = _schema()["$defs"][definition]["properties"][field]
    if "items" in prop:
        prop = prop["items"]
    enum = [value for value in prop["enum"] if value is not None]
    assert enum == vocabulary.all_keys()


def test_every_enum_in_the_schema_is_one_of_the_checked_fields() -> None:
    found: list[tuple[str, str]] = []
    for definition, body in _schema()["$defs"].items():
        for field, prop in body.get("properties", {}).items():
            if "enum" in prop or "enum" in prop.get("items", {}):
                found.append((definition, field))
    assert sorted(found) == sorted((d, f) for d, f, _ in SCHEMA_ENUMS)
