"""Validation of records in the interchange shape (field names as in resources/schema/).

`clean(entity, record, path, problems)` checks one record and returns it normalised (dates as
`date`, numbers as int/float, booleans as bool); every failing field is appended to `problems`,
so a caller can collect all of them before raising one `ValidationError`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from coprod_desktop.domain import vocab as v
from coprod_desktop.domain.errors import Problem, ValidationError
from coprod_desktop.domain.fields import RECORDS, FieldDef


@dataclass(frozen=True)
class Field:
    kind: str  # text | vocab | vocab_list | date | bool | number | severity | version | ref
    # | ref_list | measure (a signed number between minimum and maximum) | cvr
    # | checksum (64 lower-case hex digits) | size (a whole number of bytes, >= 0)
    required: bool = False
    vocabulary: type[v.Vocabulary] | None = None
    max_length: int | None = None  # text stored in a column of limited width
    minimum: float | None = None  # for a measure
    maximum: float | None = None


def _spec(declared: FieldDef) -> Field:
    return Field(
        kind="text" if declared.is_text else declared.kind,
        required=declared.required,
        vocabulary=declared.vocabulary,
        max_length=declared.max_length,
        minimum=declared.minimum,
        maximum=declared.maximum,
    )


# The rules of every field of every record, from its declaration (domain.fields).
SPECS: dict[str, dict[str, Field]] = {
    entity: {f.name: _spec(f) for f in declared if f.interchange}
    for entity, declared in RECORDS.items()
}

# Child lists of an initiative in the interchange shape: list name -> entity.
CHILD_LISTS: dict[str, str] = {
    "stakeholders": "involvement",
    "mandates": "mandate",
    "resources": "resource",
    "cross_pressures": "cross_pressure",
    "journal": "journal",
    "reviews": "review",
    "commitments": "commitment",
    "outcomes": "outcome",
    "attachments": "attachment",
}
# The lists inside a record of each entity: list name -> entity of its items.
NESTED_LISTS: dict[str, dict[str, str]] = {
    "initiative": CHILD_LISTS,
    "journal": {"attachments": "attachment"},
}
SHA256_PATTERN = "^[0-9a-f]{64}$"
_SHA256 = re.compile("[0-9a-f]{64}").fullmatch

# Entities with rules between fields beyond DATE_ORDER (see `check_record`).
CROSS_CHECKED = frozenset({"resource", "stakeholder", "initiative"})

# (earlier, later) date pairs that must be in order, per entity.
DATE_ORDER: dict[str, tuple[tuple[str, str], ...]] = {
    "initiative": (("start_date", "end_date"),),
    "involvement": (("joined_on", "left_on"),),
    "mandate": (("decided_on", "valid_until"),),
    "cross_pressure": (("raised_on", "resolved_on"),),
}


def parse_date(value: object) -> date | None:
    """An ISO date from a `date` or a YYYY-MM-DD string; None if it is not a real date."""
    if isinstance(value, date):
        return value
    if isinstance(value, str) and len(value) == 10:
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    return None


def _allowed(vocabulary: type[v.Vocabulary]) -> str:
    return ", ".join(vocabulary.all_keys())


def _is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _clean_value(spec: Field, value: Any, path: str, problems: list[Problem]) -> Any:
    if spec.kind == "text":
        if not isinstance(value, str):
            problems.append(Problem(path, "wrong_type", {"expected": "text"}))
            return None
        if spec.max_length is not None and len(value) > spec.max_length:
            problems.append(Problem(path, "too_long", {"limit": spec.max_length}))
            return None
        return value
    if spec.kind == "vocab":
        assert spec.vocabulary is not None
        if spec.vocabulary.is_key(value):
            return str(value)
        problems.append(
            Problem(path, "unknown_key", {"value": value, "allowed": _allowed(spec.vocabulary)})
        )
        return None
    if spec.kind == "vocab_list":
        assert spec.vocabulary is not None
        if not isinstance(value, list | tuple):
            problems.append(Problem(path, "wrong_type", {"expected": "a list"}))
            return []
        cleaned: list[str] = []
        for index, item in enumerate(value):
            if spec.vocabulary.is_key(item):
                if item not in cleaned:
                    cleaned.append(str(item))
            else:
                problems.append(
                    Problem(
                        f"{path}[{index}]",
                        "unknown_key",
                        {"value": item, "allowed": _allowed(spec.vocabulary)},
                    )
                )
        return cleaned
    if spec.kind == "date":
        parsed = parse_date(value)
        if parsed is None:
            problems.append(Problem(path, "bad_date", {"value": value}))
        return parsed
    if spec.kind == "bool":
        if not isinstance(value, bool):
            problems.append(Problem(path, "wrong_type", {"expected": "true or false"}))
            return None
        return value
    if spec.kind == "number":
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or (isinstance(value, float) and not math.isfinite(value))
        ):
            problems.append(Problem(path, "not_a_number", {"value": _shown_number(value)}))
            return None
        if value < 0:
            problems.append(Problem(path, "negative_amount", {"value": _shown_number(value)}))
            return None
        if value > MAX_AMOUNT:
            problems.append(
                Problem(
                    path,
                    "amount_too_large",
                    {"value": _shown_number(value), "limit": f"{MAX_AMOUNT:,}"},
                )
            )
            return None
        return value
    if spec.kind == "measure":
        low = spec.minimum if spec.minimum is not None else -MAX_AMOUNT
        high = spec.maximum if spec.maximum is not None else MAX_AMOUNT
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or (isinstance(value, float) and not math.isfinite(value))
        ):
            problems.append(Problem(path, "not_a_number", {"value": _shown_number(value)}))
            return None
        if not low <= value <= high:
            problems.append(
                Problem(
                    path,
                    "out_of_range",
                    {"value": _shown_number(value), "low": f"{low:g}", "high": f"{high:g}"},
                )
            )
            return None
        return value
    if spec.kind == "cvr":
        if not isinstance(value, str):
            problems.append(Problem(path, "wrong_type", {"expected": "text"}))
            return None
        if not is_valid_cvr(value):
            problems.append(Problem(path, "bad_cvr", {"value": value[:20]}))
            return None
        return value
    if spec.kind == "severity":
        if isinstance(value, bool) or not isinstance(value, int) or value not in (1, 2, 3):
            problems.append(Problem(path, "severity_range", {"value": value}))
            return None
        return value
    if spec.kind == "version":
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            problems.append(Problem(path, "wrong_type", {"expected": "a whole number from 1"}))
            return None
        return value
    if spec.kind == "checksum":
        if isinstance(value, str) and _SHA256(value):
            return value
        problems.append(Problem(path, "bad_checksum", {"value": str(value)[:80]}))
        return None
    if spec.kind == "size":
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            problems.append(Problem(path, "wrong_type", {"expected": "a whole number from 0"}))
            return None
        return value
    if spec.kind == "ref":
        if isinstance(value, str | int) and not isinstance(value, bool):
            return value
        problems.append(Problem(path, "wrong_type", {"expected": "a stakeholder key"}))
        return None
    if spec.kind == "ref_list":
        if not isinstance(value, list | tuple) or not all(
            isinstance(x, str | int) and not isinstance(x, bool) for x in value
        ):
            problems.append(Problem(path, "wrong_type", {"expected": "a list of stakeholder keys"}))
            return []
        return list(value)
    raise AssertionError(spec.kind)


# The weights of the Danish CVR register's modulus-11 check, digit by digit.
_CVR_WEIGHTS = (2, 7, 6, 5, 4, 3, 2, 1)


def is_valid_cvr(value: str) -> bool:
    """Whether `value` is a Danish CVR number: eight ASCII digits, the first not 0, whose
    weighted sum (2, 7, 6, 5, 4, 3, 2, 1) is divisible by 11."""
    if len(value) != 8 or not value.isascii() or not value.isdigit() or value[0] == "0":
        return False
    return sum(int(c) * w for c, w in zip(value, _CVR_WEIGHTS, strict=True)) % 11 == 0


#: the largest amount a resource entry may hold (the JSON Schema's `maximum` says the same):
#: far above any municipal budget or count of hours, and small enough that sums, charts and
#: printed figures of many such entries stay exact and finite
MAX_AMOUNT = 1_000_000_000_000


def _shown_number(value: Any) -> Any:
    """A number as a message may print it (an int of thousands of digits is cut short)."""
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > 10**30:
        return f"{'-' if value < 0 else ''}~1e{int(abs(value).bit_length() * 0.30103)}"
    return value


def clean(
    entity: str,
    record: Mapping[str, Any],
    path: str,
    problems: list[Problem],
    *,
    check_unknown_fields: bool = True,
) -> dict[str, Any]:
    """Check one record of `entity`; return it normalised. Appends every problem found."""
    specs = SPECS[entity]
    prefix = f"{path}." if path else ""
    out: dict[str, Any] = {}
    if check_unknown_fields:
        allowed = set(specs) | set(NESTED_LISTS.get(entity, {}))
        for name in record:
            if name not in allowed:
                problems.append(Problem(prefix + name, "unknown_field"))
    for name, spec in specs.items():
        value = record.get(name)
        if _is_blank(value) or (spec.kind in ("vocab_list", "ref_list") and value == []):
            if spec.required:
                problems.append(Problem(prefix + name, "required"))
            out[name] = [] if spec.kind in ("vocab_list", "ref_list") else None
            continue
        out[name] = _clean_value(spec, value, prefix + name, problems)
    check_record(entity, out, prefix, problems)
    if entity in NESTED_LISTS:
        for list_name, child in NESTED_LISTS[entity].items():
            items = record.get(list_name)
            if items is None:
                out[list_name] = []
                continue
            if not isinstance(items, list):
                problems.append(Problem(prefix + list_name, "wrong_type", {"expected": "a list"}))
                out[list_name] = []
                continue
            children = []
            for index, item in enumerate(items):
                item_path = f"{prefix}{list_name}[{index}]"
                if not isinstance(item, Mapping):
                    problems.append(Problem(item_path, "wrong_type", {"expected": "an object"}))
                    continue
                children.append(clean(child, item, item_path, problems))
            out[list_name] = children
    return out


def check_record(entity: str, out: dict[str, Any], prefix: str, problems: list[Problem]) -> None:
    """The rules between fields of a cleaned record: dates in order, a unit that fits."""
    for earlier, later in DATE_ORDER.get(entity, ()):
        first, second = out.get(earlier), out.get(later)
        if isinstance(first, date) and isinstance(second, date) and second < first:
            problems.append(
                Problem(
                    prefix + later,
                    "end_before_start",
                    {
                        "other": earlier,
                        "value": second.isoformat(),
                        "other_value": first.isoformat(),
                    },
                )
            )
    if entity == "resource":
        _check_unit(out, prefix, problems)
    elif entity == "stakeholder":
        if out.get("cvr") and v.is_natural_person(out.get("kind"), out.get("is_person")):
            problems.append(Problem(prefix + "cvr", "cvr_person"))
    elif entity == "initiative" and (out.get("latitude") is None) != (out.get("longitude") is None):
        missing = "latitude" if out.get("latitude") is None else "longitude"
        if not any(p.path == prefix + missing for p in problems):  # not already refused
            problems.append(Problem(prefix + missing, "coordinates_pair"))


def _check_unit(out: dict[str, Any], prefix: str, problems: list[Problem]) -> None:
    kind, unit = out.get("kind"), out.get("unit")
    if kind is None or unit is None:
        return
    expected = v.RESOURCE_UNITS.get(v.ResourceKind.get(kind))
    if expected is not None and unit.strip().lower() != expected.lower():
        problems.append(
            Problem(
                prefix + "unit",
                "unit_mismatch",
                {"kind": kind, "expected": expected, "value": unit},
            )
        )


def check_journal_links(
    journal: list[Mapping[str, Any]],
    commitments: list[Mapping[str, Any]],
    prefix: str,
    problems: list[Problem],
) -> None:
    """Journal keys are unique within an initiative, and a commitment names one of them."""
    keys: set[str] = set()
    for index, entry in enumerate(journal):
        key = entry.get("key")
        if key is None:
            continue
        if key in keys:
            problems.append(
                Problem(f"{prefix}journal[{index}].key", "duplicate_key", {"value": key})
            )
        keys.add(key)
    for index, item in enumerate(commitments):
        key = item.get("journal")
        if key is not None and key not in keys:
            problems.append(
                Problem(f"{prefix}commitments[{index}].journal", "unknown_journal", {"value": key})
            )


def clean_or_raise(entity: str, record: Mapping[str, Any], path: str = "") -> dict[str, Any]:
    """`clean` for a single record: raises one ValidationError naming every failing field."""
    problems: list[Problem] = []
    out = clean(entity, record, path, problems, check_unknown_fields=False)
    if problems:
        raise ValidationError(problems)
    return out
