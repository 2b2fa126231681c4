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
from collections.abc import Callable, Mapping
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
            self._checkers = _checkers(self.entities)
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
        check = self._checkers[entity.name]
        out = []
        for item in items:
            cleaned = check(item)
            cleaned["_present"] = frozenset(item)
            out.append(cleaned)
        return out


# Each kind of record gets its own checker, written out as Python source from its rules (a
# few thousand records a second more than walking the rules: no dispatch on the kind, no
# unpacking of the rule, the limits as constants). What each kind accepts is as described in
# the module: anything else raises _Unusual.
_ABSENT = object()
_NOT_DATE = _Rule("", False, False, 0, 0, frozenset(), 0, 0, "")


def _field_source(name: str, rule: _Rule, constant: Any) -> list[str]:
    """The lines checking one field `v` (not None: that is settled before) into `out`."""
    kind = rule.kind
    key = repr(name)
    fail = "raise _Unusual"
    longest = "" if math.isinf(rule.max_length) else f" or len(v) > {int(rule.max_length)}"
    range_ = f"{constant(rule.minimum)} <= v <= {constant(rule.maximum)}"
    if kind in ("text", "ref"):
        blank_fails = "True" if rule.required else f"len(v) < {rule.min_length}"
        return [
            f"if type(v) is not str{longest}: {fail}",
            "if not v or v.isspace():",
            f"    if {blank_fails}: {fail}",
            f"else: out[{key}] = v",
        ]
    if kind == "vocab":
        return [f"if type(v) is not str or v not in {constant(rule.allowed)}: {fail}",
                f"out[{key}] = v"]  # fmt: skip
    if kind == "date":
        return [
            f"if type(v) is not str or _ISO_DATE(v) is None: {fail}",
            f"try: out[{key}] = _from_iso(v)",
            "except ValueError: raise _Unusual from None",
        ]
    if kind == "list":
        return [f"if type(v) is not list: {fail}",
                f"out[{key}] = [{constant(rule.child, checker=True)}(x) for x in v]"]  # fmt: skip
    if kind == "checksum":
        return [f"if type(v) is not str or _CHECKSUM(v) is None: {fail}", f"out[{key}] = v"]
    if kind == "size":
        return [f"if type(v) is not int or v < 0 or not {range_}: {fail}", f"out[{key}] = v"]
    if kind == "bool":
        return [f"if v is not True and v is not False: {fail}", f"out[{key}] = v"]
    if kind in ("number", "measure"):
        sign = " and v >= 0" if kind == "number" else ""
        return [
            f"if type(v) is not int and type(v) is not float: {fail}",
            f"if not ((type(v) is int or _isfinite(v)){sign} and {range_}): {fail}",
            f"out[{key}] = v",
        ]
    if kind == "cvr":
        return [f"if type(v) is not str or not _is_valid_cvr(v): {fail}", f"out[{key}] = v"]
    if kind == "severity":
        return [f"if type(v) is not int or v not in (1, 2, 3) or not {range_}: {fail}",
                f"out[{key}] = v"]  # fmt: skip
    if kind == "version":
        return [f"if type(v) is not int or v < 1 or not {range_}: {fail}", f"out[{key}] = v"]
    if kind == "vocab_list":
        empty = " or not v" if rule.required else ""
        return [
            f"if type(v) is not list: {fail}",
            "for x in v:",
            f"    if type(x) is not str or x not in {constant(rule.allowed)}: {fail}",
            f"if len(set(v)) != len(v){empty}: {fail}",
            f"out[{key}] = list(v)",
        ]
    if kind == "ref_list":
        empty = " or not v" if rule.required else ""
        return [
            f"if type(v) is not list{empty}: {fail}",
            "for x in v:",
            f"    if type(x) is not str or len(x) < {rule.min_length}: {fail}",
            f"out[{key}] = list(v)",
        ]
    return [fail]


def _checkers(entities: Mapping[str, _Entity]) -> dict[str, Callable[[Any], dict[str, Any]]]:
    """A checker function per kind of record, compiled from its rules."""
    namespace: dict[str, Any] = {
        "_Unusual": _Unusual,
        "_ABSENT": _ABSENT,
        "_ISO_DATE": _ISO_DATE,
        "_CHECKSUM": _CHECKSUM,
        "_from_iso": date.fromisoformat,
        "_isfinite": math.isfinite,
        "_is_valid_cvr": is_valid_cvr,
        "_check_record": check_record,
    }

    def constant(value: Any, *, checker: bool = False) -> str:
        if checker:
            return f"check_{value}"
        if isinstance(value, float) and math.isinf(value):
            return "_inf" if value > 0 else "-_inf"
        if isinstance(value, float) and value.is_integer():
            return repr(int(value))
        if isinstance(value, int | float):
            return repr(value)
        name = f"_c{len(namespace)}"
        namespace[name] = value
        return name

    namespace["_inf"] = math.inf
    lines: list[str] = []
    for entity in entities.values():
        lines += [
            f"def check_{entity.name}(record):",
            "    if type(record) is not dict: raise _Unusual",
            "    keys = record.keys()",
            f"    if not (keys <= {constant(entity.allowed)} and {constant(entity.required)} <= keys):",
            "        raise _Unusual",
            f"    out = {constant(entity.template)}.copy()",
            "    get = record.get",
        ]
        for name, rule in sorted(entity.rules.items()):
            lines += [f"    v = get({name!r}, _ABSENT)", "    if v is _ABSENT: pass"]
            lines.append("    elif v is None:")
            lines.append("        pass" if rule.null_ok else "        raise _Unusual")
            lines.append("    else:")
            lines += [f"        {line}" for line in _field_source(name, rule, constant)]
        pairs = DATE_ORDER.get(entity.name, ())
        if entity.name in CROSS_CHECKED or any(
            entity.rules.get(name, _NOT_DATE).kind != "date" for pair in pairs for name in pair
        ):
            lines += [
                "    problems = []",
                f"    _check_record({entity.name!r}, out, '', problems)",
                "    if problems: raise _Unusual",
            ]
        else:  # only dates in order (`check_record`'s rule, written out): each a date or None
            for earlier, later in pairs:
                lines += [
                    f"    a, b = out[{earlier!r}], out[{later!r}]",
                    "    if a is not None and b is not None and b < a: raise _Unusual",
                ]
        lines.append("    return out")
    exec(compile("\n".join(lines), "<quick_check>", "exec"), namespace)
    return {name: namespace[f"check_{name}"] for name in entities}
