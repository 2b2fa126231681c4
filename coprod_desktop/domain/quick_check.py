"""The happy path of an interchange import: one quick pass over a well-formed document.

Checking a document the thorough way (`validation.clean` on every record, then the JSON Schema
with `jsonschema`, which reports every problem with its path) costs about 1.5 ms an initiative,
nearly all of it in the schema pass. Most documents have no problem at all, so this pass first
asks only "is everything certainly well?" in one walk that also normalises the records.

`QuickCheck.run(document)` returns the stakeholders and initiatives exactly as `clean` would
return them, or None as soon as anything is unusual: a problem, or merely something it does
not look at closely (a blank text, an odd type). It accepts only what both the schema and the
domain rules accept, so None never loses a problem: the caller then runs the thorough check,
which reports every problem as before. It is built from the schema itself and from
`validation.SPECS`; a schema keyword it does not know switches it off (every document then
takes the thorough path) rather than letting it pass something the schema forbids.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any, NamedTuple

from coprod_desktop.domain.validation import (
    CROSS_CHECKED,
    DATE_ORDER,
    MAX_AMOUNT,
    NESTED_LISTS,
    SHA256_PATTERN,
    SPECS,
    check_record,
    is_valid_cvr,
)

# The one pattern the schema puts on dates (jsonschema searches it with `re`, so \d there
# also matches other scripts' digits; this stricter ASCII form only sends those the long way).
DATE_PATTERN = "^\\d{4}-\\d{2}-\\d{2}$"
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}").fullmatch
# The schema's pattern for a CVR number (the modulus-11 check is the domain's).
CVR_PATTERN = "^[0-9]{8}$"
_PATTERNS = {"date": DATE_PATTERN, "cvr": CVR_PATTERN, "checksum": SHA256_PATTERN}

# Keywords that only describe (jsonschema asserts no "format" unless given a format checker,
# and exchange does not give one).
_ANNOTATIONS = frozenset({"title", "description", "format", "$comment", "examples"})
_FIELD_KEYWORDS = frozenset(
    {"type", "enum", "minLength", "maxLength", "pattern", "minimum", "maximum", "items"}
    | {"uniqueItems", "$ref"}
)
_OBJECT_KEYWORDS = frozenset({"type", "required", "additionalProperties", "properties"})

# What the schema must allow for each kind of domain field (the quick pass accepts no more).
_JSON_TYPES = {
    "text": "string",
    "vocab": "string",
    "date": "string",
    "ref": "string",
    "bool": "boolean",
    "number": "number",
    "measure": "number",
    "cvr": "string",
    "severity": "integer",
    "version": "integer",
    "vocab_list": "array",
    "ref_list": "array",
    "checksum": "string",
    "size": "integer",
}
_CHECKSUM = re.compile("[0-9a-f]{64}").fullmatch


class Unsupported(Exception):
    """The schema says something this pass does not check: leave every document to the
    thorough check."""


class _Unusual(Exception):
    """Something in the document the quick pass does not vouch for."""


class _Rule(NamedTuple):  # a tuple: unpacked once per field
    kind: str
    null_ok: bool  # the schema allows null and neither side requires a value
    required: bool  # by the schema or the domain rules
    min_length: int  # for text and references (for a list of references: of each)
    max_length: float  # the smaller of the schema's and the domain's limit
    allowed: frozenset[str]  # vocabulary keys (and list items) both sides allow
    minimum: float
    maximum: float
    child: str  # the entity of an initiative's child list


@dataclass(frozen=True)
class _Entity:
    name: str
    allowed: frozenset[str]
    required: frozenset[str]
    rules: dict[str, _Rule]
    template: dict[str, Any]  # what `clean` returns for an empty record
    extra_checks: bool  # dates in order, units that fit the kind


def _resolve(schema: Mapping[str, Any], node: Mapping[str, Any]) -> Mapping[str, Any]:
    ref = node.get("$ref")
    if ref is None:
        return node
    if set(node) - {"$ref"} - _ANNOTATIONS or not ref.startswith("#/$defs/"):
        raise Unsupported(ref)
    return schema["$defs"][ref.removeprefix("#/$defs/")]  # type: ignore[no-any-return]


def _types(node: Mapping[str, Any]) -> set[str]:
    found = node.get("type")
    return {found} if isinstance(found, str) else set(found or ())


def _known(node: Mapping[str, Any], keywords: frozenset[str]) -> None:
    unknown = set(node) - keywords - _ANNOTATIONS
    if unknown:
        raise Unsupported(", ".join(sorted(unknown)))


def _object(
    schema: Mapping[str, Any], node: Mapping[str, Any], entity: str, into: dict[str, _Entity]
) -> None:
    """Compile the schema of one kind of record (and of its child lists) into `into`."""
    node = _resolve(schema, node)
    _known(node, _OBJECT_KEYWORDS)
    if _types(node) != {"object"} or node.get("additionalProperties") is not False:
        raise Unsupported(entity)
    properties: Mapping[str, Any] = node["properties"]
    specs = SPECS[entity]
    children = NESTED_LISTS.get(entity, {})
    domain_fields = set(specs) | set(children)
    required = frozenset(node.get("required", ())) | {n for n, s in specs.items() if s.required}
    rules: dict[str, _Rule] = {}
    for name in set(properties) & domain_fields:
        field = properties[name]
        _known(field, _FIELD_KEYWORDS)
        types = _types(field)
        kind = "list" if name in children else specs[name].kind
        json_type = "array" if kind == "list" else _JSON_TYPES[kind]
        if not types or types - {json_type, "null"}:
            raise Unsupported(f"{entity}.{name}: type")
        if field.get("pattern") not in (None, _PATTERNS.get(kind)):
            raise Unsupported(f"{entity}.{name}: pattern")
        if ("enum" in field) != (kind == "vocab") or (
            kind not in ("text", "ref") and ("minLength" in field or "maxLength" in field)
        ):
            raise Unsupported(f"{entity}.{name}: enum or length")
        min_length = int(field.get("minLength", 0))
        allowed: frozenset[str] = frozenset()
        child = ""
        if kind in ("vocab", "vocab_list"):
            vocabulary = specs[name].vocabulary
            assert vocabulary is not None
            item = field.get("items", {}) if kind == "vocab_list" else field
            if kind == "vocab_list":
                _known(item, frozenset({"type", "enum"}))
                if _types(item) != {"string"}:
                    raise Unsupported(f"{entity}.{name}: items")
            if "enum" not in item:
                raise Unsupported(f"{entity}.{name}: enum")
            allowed = frozenset(k for k in item["enum"] if isinstance(k, str)) & set(
                vocabulary.all_keys()
            )
        elif kind == "ref_list":
            item = field.get("items", {})
            _known(item, frozenset({"type", "minLength"}))
            if _types(item) != {"string"}:
                raise Unsupported(f"{entity}.{name}: items")
            min_length = int(item.get("minLength", 0))  # of each key in the list
        elif kind == "list":
            child = children[name]
            _object(schema, field.get("items", {}), child, into)
        elif "items" in field or "uniqueItems" in field:
            raise Unsupported(f"{entity}.{name}: items")
        if field.get("uniqueItems") and kind != "vocab_list":
            raise Unsupported(f"{entity}.{name}: uniqueItems")  # only vocab lists are checked
        spec_limit = specs[name].max_length if name in specs else None
        null_ok = "null" in types and name not in required
        if kind == "vocab" and None not in field["enum"]:
            null_ok = False  # the enum, too, has to let null through
        rules[name] = _Rule(
            kind=kind,
            null_ok=null_ok,
            required=name in required,
            min_length=min_length,
            max_length=min(
                float(field.get("maxLength", math.inf)),
                float(spec_limit) if spec_limit is not None else math.inf,
            ),
            allowed=allowed,
            minimum=max(
                float(field.get("minimum", -math.inf)),
                _spec_bound(specs.get(name), "minimum", -math.inf),
            ),
            maximum=min(
                float(field.get("maximum", math.inf)),
                _spec_bound(specs.get(name), "maximum", math.inf),
            ),
            child=child,
        )
    if not required <= set(rules):
        raise Unsupported(f"{entity}: required")
    template: dict[str, Any] = {
        name: [] if spec.kind in ("vocab_list", "ref_list") else None
        for name, spec in specs.items()
    }
    template.update((name, []) for name in children)
    into[entity] = _Entity(
        name=entity,
        allowed=frozenset(rules),
        required=frozenset(required),
        rules=rules,
        template=template,
        extra_checks=entity in DATE_ORDER or entity in CROSS_CHECKED,
    )


def _spec_bound(spec: Any, name: str, default: float) -> float:
    """The domain's own range of a measure (MAX_AMOUNT when it gives none)."""
    if spec is None or spec.kind != "measure":
        return default
    bound = getattr(spec, name)
    if bound is None:
        return -float(MAX_AMOUNT) if name == "minimum" else float(MAX_AMOUNT)
    return float(bound)


class QuickCheck:
    """The quick pass compiled from a schema (see the module's description)."""

    def __init__(self, schema: Mapping[str, Any], format_name: str, version: int) -> None:
        self.format = format_name
        self.version = version
        self.enabled = True
        self.entities: dict[str, _Entity] = {}
        try:
            _known(schema, _OBJECT_KEYWORDS | {"$schema", "$id", "$defs"})
            if set(schema.get("required", ())) != {
                "format",
                "version",
                "stakeholders",
                "initiatives",
            } or set(schema["properties"]) != {"format", "version", "stakeholders", "initiatives"}:
                raise Unsupported("top level")
            properties = schema["properties"]
            if (properties["format"].get("const"), properties["version"].get("const")) != (
                format_name,
                version,
            ):
                raise Unsupported("format and version")
            for list_name, entity in (
                ("stakeholders", "stakeholder"),
                ("initiatives", "initiative"),
            ):
                node = properties[list_name]
                _known(node, frozenset({"type", "items"}))
                if _types(node) != {"array"}:
                    raise Unsupported(list_name)
                _object(schema, node["items"], entity, self.entities)
            if set(self.entities) != set(SPECS):
                raise Unsupported("entities")
        except (Unsupported, KeyError, TypeError, AttributeError):
            self.enabled = False

    def run(self, document: Any) -> tuple[list[dict[str, Any]], list[dict[str, Any]]] | None:
        """Cleaned stakeholders and initiatives (each with `_present`, the keys it had), or
        None unless the document is certainly valid by the schema and the domain rules."""
        if not self.enabled or type(document) is not dict:
            return None
        if document.keys() != {"format", "version", "stakeholders", "initiatives"}:
            return None
        if document["format"] != self.format or type(document["format"]) is not str:
            return None
        if document["version"] != self.version or type(document["version"]) is not int:
            return None
        try:
            return (
                self._list(document["stakeholders"], self.entities["stakeholder"]),
                self._list(document["initiatives"], self.entities["initiative"]),
            )
        except _Unusual:
            return None

    def _list(self, items: Any, entity: _Entity) -> list[dict[str, Any]]:
        if type(items) is not list:
            raise _Unusual
        out = []
        for item in items:
            cleaned = self._record(item, entity)
            cleaned["_present"] = frozenset(item)
            out.append(cleaned)
        return out

    def _record(self, record: Any, entity: _Entity) -> dict[str, Any]:
        if type(record) is not dict:
            raise _Unusual
        keys = record.keys()
        if not (keys <= entity.allowed and entity.required <= keys):
            raise _Unusual
        out = entity.template.copy()
        rules = entity.rules
        for name, value in record.items():
            kind, null_ok, required, min_length, max_length, allowed, low, high, child = rules[name]
            if value is None:
                if not null_ok:
                    raise _Unusual
            elif kind == "text":
                if type(value) is not str or len(value) > max_length:
                    raise _Unusual
                if not value or value.isspace():  # blank: `clean` makes it None
                    if required or len(value) < min_length:
                        raise _Unusual
                else:
                    out[name] = value
            elif kind == "vocab":
                if type(value) is not str or value not in allowed:
                    raise _Unusual
                out[name] = value
            elif kind == "date":
                if type(value) is not str or _ISO_DATE(value) is None:
                    raise _Unusual
                try:
                    out[name] = date.fromisoformat(value)
                except ValueError:
                    raise _Unusual from None
            elif kind == "list":
                if type(value) is not list:
                    raise _Unusual
                out[name] = [self._record(item, self.entities[child]) for item in value]
            elif kind == "checksum":
                if type(value) is not str or _CHECKSUM(value) is None:
                    raise _Unusual
                out[name] = value
            elif kind == "size":
                if type(value) is not int or value < 0 or not low <= value <= high:
                    raise _Unusual
                out[name] = value
            elif kind == "ref":
                if type(value) is not str or len(value) > max_length:
                    raise _Unusual
                if not value or value.isspace():
                    if required or len(value) < min_length:
                        raise _Unusual
                else:
                    out[name] = value
            elif kind == "bool":
                if value is not True and value is not False:
                    raise _Unusual
                out[name] = value
            elif kind == "number":
                if type(value) is not int and type(value) is not float:
                    raise _Unusual
                if not (
                    (type(value) is int or math.isfinite(value))
                    and value >= 0
                    and low <= value <= high
                ):
                    raise _Unusual
                out[name] = value
            elif kind == "measure":
                if type(value) is not int and type(value) is not float:
                    raise _Unusual
                if not ((type(value) is int or math.isfinite(value)) and low <= value <= high):
                    raise _Unusual
                out[name] = value
            elif kind == "cvr":
                if type(value) is not str or not is_valid_cvr(value):
                    raise _Unusual
                out[name] = value
            elif kind == "severity":
                if type(value) is not int or value not in (1, 2, 3) or not low <= value <= high:
                    raise _Unusual
                out[name] = value
            elif kind == "version":
                if type(value) is not int or value < 1 or not low <= value <= high:
                    raise _Unusual
                out[name] = value
            elif kind == "vocab_list":
                if type(value) is not list:
                    raise _Unusual
                for item in value:
                    if type(item) is not str or item not in allowed:
                        raise _Unusual
                if len(set(value)) != len(value) or (required and not value):
                    raise _Unusual
                out[name] = list(value)
            elif kind == "ref_list":
                if type(value) is not list or (required and not value):
                    raise _Unusual
                for item in value:
                    if type(item) is not str or len(item) < min_length:
                        raise _Unusual
                out[name] = list(value)
            else:
                raise _Unusual
        if entity.extra_checks:
            problems: list[Any] = []
            check_record(entity.name, out, "", problems)
            if problems:
                raise _Unusual
        return out
