"""The JSON Schema is built from the committed skeleton and the field declaration: it is a
valid schema, accepts the demo portfolios, documents every field, and the skeleton cannot
contradict the declaration."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from coprod_desktop import paths
from coprod_desktop.domain import columns, interchange_schema
from coprod_desktop.domain.fields import RECORDS, FieldDef
from coprod_desktop.services import exchange


def _skeleton() -> dict[str, Any]:
    text = paths.resource_path(*exchange.SCHEMA_FILE).read_text("utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


def test_the_built_schema_is_a_valid_draft_2020_12_schema() -> None:
    Draft202012Validator.check_schema(exchange.schema())


@pytest.mark.parametrize("name", ["demo_en.json", "demo_da.json"])
def test_the_demo_portfolios_are_valid_against_the_built_schema(name: str) -> None:
    document = json.loads(paths.resource_path("demo", name).read_text("utf-8"))
    assert list(Draft202012Validator(exchange.schema()).iter_errors(document)) == []


def test_every_field_of_the_built_schema_has_a_title_and_a_description() -> None:
    for entity, node in exchange.schema()["$defs"].items():
        for name, prop in node["properties"].items():
            assert prop.get("title") and prop.get("description"), f"{entity}.{name}"


def test_the_skeleton_carries_no_rule_the_declaration_gives() -> None:
    for entity in RECORDS:
        for name, prop in _skeleton()["$defs"][entity].get("properties", {}).items():
            if "$ref" in str(prop):  # a nested list, written out in full
                continue
            assert set(prop) <= interchange_schema.SKELETON_KEYWORDS, f"{entity}.{name}"


def test_a_field_the_skeleton_does_not_mention_is_described_by_its_column() -> None:
    skeleton = _skeleton()
    del skeleton["$defs"]["initiative"]["properties"]["area"]
    prop = interchange_schema.build(skeleton)["$defs"]["initiative"]["properties"]["area"]
    column = columns.column("initiative", "area")
    assert column is not None
    assert prop == {
        "title": column.label("en"),
        "description": column.help("en"),
        "type": ["string", "null"],
    }


def test_the_skeleton_may_not_describe_an_undeclared_field_or_retype_one() -> None:
    skeleton = _skeleton()
    skeleton["$defs"]["initiative"]["properties"]["venue"] = {"title": "Venue"}
    with pytest.raises(ValueError, match="venue"):
        interchange_schema.build(skeleton)
    skeleton = _skeleton()
    skeleton["$defs"]["initiative"]["properties"]["area"]["type"] = "integer"
    with pytest.raises(ValueError, match="area"):
        interchange_schema.build(skeleton)


@pytest.mark.parametrize(
    ("declared", "rules"),
    [
        (FieldDef("x", "text", required=True), {"type": "string", "minLength": 1}),
        (FieldDef("x", "long_text"), {"type": ["string", "null"]}),
        (
            FieldDef("x", "date"),
            {"type": ["string", "null"], "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"},
        ),
        (
            FieldDef("x", "measure", minimum=-90, maximum=90),
            {"type": ["number", "null"], "minimum": -90, "maximum": 90},
        ),
    ],
)
def test_a_declared_kind_gives_its_json_rules(declared: FieldDef, rules: dict[str, Any]) -> None:
    assert interchange_schema.field_rules(declared) == rules


def test_a_required_vocabulary_field_refuses_null_and_an_optional_one_allows_it() -> None:
    schema = exchange.schema()
    sector = schema["$defs"]["initiative"]["properties"]["sector"]
    origin = schema["$defs"]["initiative"]["properties"]["origin"]
    assert None not in sector["enum"] and sector["type"] == "string"
    assert None in origin["enum"] and origin["type"] == ["string", "null"]


def test_the_printed_schema_is_the_built_one(capsys: pytest.CaptureFixture[str]) -> None:
    from coprod_desktop.services.exchange.__main__ import main

    assert main() == 0
    assert json.loads(capsys.readouterr().out) == exchange.schema()
    assert exchange.schema() != copy.deepcopy(_skeleton())
