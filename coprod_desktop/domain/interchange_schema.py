"""The JSON Schema of the interchange format, built from the field declaration (`domain.fields`).

The committed resources/schema/coprod-interchange.schema.json is a skeleton: the document's
envelope, each record's title, description and nested lists, and per field only what a reader
needs that the declaration does not say (its title and description, and the few length limits
the file format has fixed: `maxLength`, and `minLength` on an optional key). `build` adds each
declared field's JSON type, nullability, enum, date format, pattern, range and item rules and
each record's `required` list; a field the skeleton does not mention gets its spreadsheet
column's English heading and help (`domain.columns`) as title and description. So a new field
needs no edit of the schema file. The import's full validation and quick check use the result
(`services.exchange.schema`).

`python -m coprod_desktop.services.exchange` prints the full schema (to hand to someone who
validates files with other tools).
"""

from __future__ import annotations

import copy
from typing import Any

from coprod_desktop.domain import columns
from coprod_desktop.domain.fields import RECORDS, FieldDef
from coprod_desktop.domain.validation import MAX_AMOUNT, NESTED_LISTS, SHA256_PATTERN

# Keywords a skeleton's field may carry; everything else comes from the declaration.
SKELETON_KEYWORDS = frozenset({"title", "description", "maxLength", "minLength"})
_DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
_CVR_PATTERN = "^[0-9]{8}$"


def _nullable(json_type: str, declared: FieldDef) -> str | list[str]:
    return json_type if declared.required else [json_type, "null"]


def field_rules(declared: FieldDef) -> dict[str, Any]:
    """The JSON Schema keywords the declaration of one field implies (no title, description)."""
    kind = declared.kind
    if kind in ("text", "long_text"):
        rules: dict[str, Any] = {"type": _nullable("string", declared)}
        if declared.required:
            rules["minLength"] = 1
        return rules
    if kind == "vocab":
        assert declared.vocabulary is not None
        keys: list[Any] = list(declared.vocabulary.all_keys())
        return {
            "type": _nullable("string", declared),
            "enum": keys + [None] * (not declared.required),
        }
    if kind == "vocab_list":
        assert declared.vocabulary is not None
        return {
            "type": ["array", "null"],
            "items": {"type": "string", "enum": list(declared.vocabulary.all_keys())},
            "uniqueItems": True,
        }
    if kind == "date":
        return {"type": _nullable("string", declared), "format": "date", "pattern": _DATE_PATTERN}
    if kind == "bool":
        return {"type": _nullable("boolean", declared)}
    if kind == "number":  # an amount
        return {"type": _nullable("number", declared), "minimum": 0, "maximum": MAX_AMOUNT}
    if kind == "measure":
        return {
            "type": _nullable("number", declared),
            "minimum": declared.minimum,
            "maximum": declared.maximum,
        }
    if kind == "severity":
        return {"type": "integer", "minimum": 1, "maximum": 3}
    if kind == "version":  # absent or a real version: never null
        return {"type": "integer", "minimum": 1}
    if kind == "size":
        return {"type": "integer", "minimum": 0}
    if kind == "ref":
        return {"type": _nullable("string", declared), "minLength": 1}
    if kind == "ref_list":
        return {"type": ["array", "null"], "items": {"type": "string", "minLength": 1}}
    if kind == "cvr":
        return {"type": _nullable("string", declared), "pattern": _CVR_PATTERN}
    if kind == "checksum":
        return {"type": _nullable("string", declared), "pattern": SHA256_PATTERN}
    raise ValueError(f"{declared.name}: no JSON Schema for the kind {kind!r}")


def _documented(entity: str, declared: FieldDef) -> dict[str, Any]:
    """A title and description for a field the skeleton does not mention: its column's."""
    column = columns.column(entity, declared.name)
    if column is None:
        return {"title": declared.name.replace("_", " ").capitalize()}
    return {"title": column.label("en"), "description": column.help("en")}


def build(skeleton: dict[str, Any]) -> dict[str, Any]:
    """The full schema: `skeleton` with every declared field's rules and `required` lists."""
    schema = copy.deepcopy(skeleton)
    for entity, declared_fields in RECORDS.items():
        node = schema["$defs"][entity]
        given: dict[str, Any] = node.get("properties", {})
        lists = set(NESTED_LISTS.get(entity, {}))
        declared = [f for f in declared_fields if f.interchange]
        names = {f.name for f in declared}
        stray = set(given) - names - lists
        if stray:
            raise ValueError(f"$defs/{entity} describes undeclared fields {sorted(stray)}")
        properties: dict[str, Any] = {}
        for f in declared:
            own = given.get(f.name) or _documented(entity, f)
            extra = set(own) - SKELETON_KEYWORDS
            if extra:
                raise ValueError(
                    f"$defs/{entity}/{f.name}: {sorted(extra)} come from domain.fields"
                )
            # the skeleton's text first (as a reader expects), then the declared rules
            properties[f.name] = {
                **{k: own[k] for k in ("title", "description") if k in own},
                **field_rules(f),
                **{k: v for k, v in own.items() if k not in ("title", "description")},
            }
        for name in given:
            if name in lists:
                properties[name] = given[name]
        node["properties"] = properties
        node["required"] = [f.name for f in declared if f.required]
    return schema
