"""Checking an interchange document (resources/schema/coprod-interchange.schema.json): the
JSON read strictly, the quick check (domain/quick_check.py) for a document it vouches for, else
every record's rules and the whole JSON Schema; then the cross-references. Every problem is
reported at once; nothing here touches the database.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from coprod_desktop import paths
from coprod_desktop.domain import interchange_schema
from coprod_desktop.domain.errors import InputFileError, Problem
from coprod_desktop.domain.quick_check import QuickCheck
from coprod_desktop.domain.validation import check_journal_links, clean

FORMAT = "coprod-interchange"
VERSION = 1
SCHEMA_FILE = ("schema", "coprod-interchange.schema.json")


def read_json_file(path: Path) -> Any:
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise InputFileError(
            "file_unreadable", path=str(path), reason=error.strerror or str(error)
        ) from None
    return parse_json(raw, path)


def parse_json(raw: bytes, path: Path) -> Any:
    """An interchange document from its bytes (`path` names it in messages)."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputFileError(
            "file_unreadable", path=str(path), reason=f"not UTF-8 ({error.reason})"
        ) from None
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise InputFileError(
            "bad_json", path=str(path), line=error.lineno, column=error.colno, reason=error.msg
        ) from None
    except RecursionError:
        raise InputFileError("json_too_deep", path=str(path), limit=MAX_JSON_DEPTH) from None
    except ValueError as error:  # an integer beyond Python's digit limit for conversions
        raise InputFileError("json_number_too_long", path=str(path), reason=str(error)) from None
    _refuse_unusual_json(document, text, path)
    return document


#: no interchange document nests deeper than about eight levels; deeper ones are refused
#: before anything recursive (the schema check, error messages) meets them
MAX_JSON_DEPTH = 64
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def _refuse_unusual_json(document: Any, text: str, path: Path) -> None:
    """Refuse nesting deeper than MAX_JSON_DEPTH and strings holding a lone surrogate (an
    escape such as \\ud800 without its pair, which no UTF-8 text or database can hold).
    Level by level, without recursion; strings are looked at only if the text has such an
    escape (about 0.01 s per 1,000 initiatives otherwise)."""
    level: list[Any] = [document]
    depth = 1
    while level:
        if depth > MAX_JSON_DEPTH:
            raise InputFileError("json_too_deep", path=str(path), limit=MAX_JSON_DEPTH)
        below: list[Any] = []
        for value in level:
            if type(value) is dict:
                below.extend([c for c in value.values() if type(c) is dict or type(c) is list])
            elif type(value) is list:
                below.extend([c for c in value if type(c) is dict or type(c) is list])
        level = below
        depth += 1
    if _SURROGATE_ESCAPE.search(text) is None:
        return
    stack: list[tuple[Any, str]] = [(document, "")]
    while stack:
        value, where = stack.pop()
        if isinstance(value, str):
            if not _encodable(value):
                raise InputFileError("json_lone_surrogate", path=str(path), where=where or "/")
            continue
        if isinstance(value, dict):
            items: Any = value.items()
        elif isinstance(value, list):
            items = enumerate(value)
        else:
            continue
        for key, child in items:
            if isinstance(key, str) and not _encodable(key):
                raise InputFileError("json_lone_surrogate", path=str(path), where=where or "/")
            part = f"[{key}]" if isinstance(key, int) else (f".{key}" if where else str(key))
            stack.append((child, where + part))


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    """The full JSON Schema: the committed skeleton with every declared field's rules."""
    skeleton = json.loads(paths.resource_path(*SCHEMA_FILE).read_text("utf-8"))
    return interchange_schema.build(skeleton)


def _path(parts: Any) -> str:
    out = ""
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _schema_problems(document: Any) -> list[Problem]:
    from jsonschema import Draft202012Validator  # heavy: only when importing

    validator = Draft202012Validator(schema())
    problems = []
    for error in sorted(
        validator.iter_errors(document), key=lambda e: list(map(str, e.absolute_path))
    ):
        problems.append(
            Problem(_path(error.absolute_path), "schema", {"detail": error.message[:300]})
        )
    return problems


@lru_cache(maxsize=1)
def _quick_check() -> QuickCheck:
    return QuickCheck(schema(), FORMAT, VERSION)


Checked = tuple[list[dict[str, Any]], list[dict[str, Any]], list[Problem]]


def check_document(document: Any) -> Checked:
    """Check a whole document: returns cleaned stakeholders, initiatives and every problem.

    A document the quick pass vouches for (valid by the schema and by every record's rules)
    has only its cross-references left to check; any other takes `check_thoroughly`, with
    the same answer.
    """
    quick = _quick_check().run(document)
    if quick is None:
        return check_thoroughly(document)
    problems: list[Problem] = []
    _check_references(quick[0], quick[1], problems)
    return quick[0], quick[1], problems


def check_thoroughly(document: Any) -> Checked:
    """`check_document` the slow way: every record's rules, then the whole JSON Schema."""
    problems: list[Problem] = []
    if not isinstance(document, Mapping):
        return [], [], [Problem("", "wrong_type", {"expected": "a JSON object"})]
    for name, expected in (("format", FORMAT), ("version", VERSION)):
        if document.get(name) != expected:
            problems.append(Problem(name, "wrong_type", {"expected": repr(expected)}))
    for name in document:
        if name not in ("format", "version", "stakeholders", "initiatives"):
            problems.append(Problem(name, "unknown_field"))
    stakeholders: list[dict[str, Any]] = []
    initiatives_out: list[dict[str, Any]] = []
    for list_name, entity, out in (
        ("stakeholders", "stakeholder", stakeholders),
        ("initiatives", "initiative", initiatives_out),
    ):
        items = document.get(list_name)
        if not isinstance(items, list):
            problems.append(Problem(list_name, "wrong_type", {"expected": "a list"}))
            continue
        for index, item in enumerate(items):
            path = f"{list_name}[{index}]"
            if not isinstance(item, Mapping):
                problems.append(Problem(path, "wrong_type", {"expected": "an object"}))
                continue
            cleaned = clean(entity, item, path, problems)
            cleaned["_present"] = frozenset(item.keys())
            out.append(cleaned)
    _check_references(stakeholders, initiatives_out, problems)
    # The schema catches what the domain rules do not look at; report each field once.
    seen = {p.path for p in problems}
    for problem in _schema_problems(document):
        if not any(
            problem.path == s
            or s.startswith(problem.path + ".")
            or s.startswith(problem.path + "[")
            for s in seen
        ):
            problems.append(problem)
            seen.add(problem.path)
    return stakeholders, initiatives_out, problems


def _check_references(
    stakeholders: list[dict[str, Any]],
    initiatives_in: list[dict[str, Any]],
    problems: list[Problem],
) -> None:
    keys: set[str] = set()
    for index, s in enumerate(stakeholders):
        if s["key"] in keys:
            problems.append(
                Problem(f"stakeholders[{index}].key", "duplicate_key", {"value": s["key"]})
            )
        keys.add(s["key"])
    initiative_keys: set[str] = set()
    references: set[str] = set()
    for index, item in enumerate(initiatives_in):
        path = f"initiatives[{index}]"
        if item["key"] in initiative_keys:
            problems.append(Problem(f"{path}.key", "duplicate_key", {"value": item["key"]}))
        initiative_keys.add(item["key"])
        reference = (item.get("reference") or "").strip().upper()
        if reference:
            if reference in references:
                problems.append(
                    Problem(
                        f"{path}.reference", "duplicate_reference", {"value": item["reference"]}
                    )
                )
            references.add(reference)
        for child_index, inv in enumerate(item["stakeholders"]):
            if inv["stakeholder"] is not None and inv["stakeholder"] not in keys:
                problems.append(
                    Problem(
                        f"{path}.stakeholders[{child_index}].stakeholder",
                        "unknown_stakeholder",
                        {"value": inv["stakeholder"]},
                    )
                )
        for child_index, res in enumerate(item["resources"]):
            if res["source"] is not None and res["source"] not in keys:
                problems.append(
                    Problem(
                        f"{path}.resources[{child_index}].source",
                        "unknown_stakeholder",
                        {"value": res["source"]},
                    )
                )
        for child_index, entry in enumerate(item["journal"]):
            for key in entry["participants"]:
                if key not in keys:
                    problems.append(
                        Problem(
                            f"{path}.journal[{child_index}].participants",
                            "unknown_stakeholder",
                            {"value": key},
                        )
                    )
        for child_index, promise in enumerate(item["commitments"]):
            if promise["counterpart"] is not None and promise["counterpart"] not in keys:
                problems.append(
                    Problem(
                        f"{path}.commitments[{child_index}].counterpart",
                        "unknown_stakeholder",
                        {"value": promise["counterpart"]},
                    )
                )
        check_journal_links(item["journal"], item["commitments"], f"{path}.", problems)
