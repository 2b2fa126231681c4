"""The quick check of an import gives the same answer as the thorough one, on any document."""

from __future__ import annotations

import copy
import json
import math
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coprod_desktop import paths
from coprod_desktop.domain import vocab as v
from coprod_desktop.domain.errors import Problem
from coprod_desktop.domain.quick_check import QuickCheck
from coprod_desktop.services import exchange
from tests.core.services.test_exchange import full_document


def small_document() -> dict[str, Any]:
    document = full_document()
    document["initiatives"][0]["description"] = "Ørum havn " * 40
    # attachments on an initiative and on a journal entry (a journal key beside them)
    document["initiatives"][0]["attachments"] = [
        {
            "name": "Referat.pdf",
            "sha256": "0" * 63 + "f",
            "size": 1234,
            "media_type": "application/pdf",
            "added_on": "2019-02-02",
            "added_by": "Mette",
        }
    ]
    entry = document["initiatives"][0]["journal"][0]
    entry.setdefault("key", "j1")  # the commitments of the full document name it already
    entry["attachments"] = [{"name": "mail.eml", "sha256": "ab" * 32, "size": 0}]
    return document


def quick() -> QuickCheck:
    return QuickCheck(exchange.schema(), exchange.FORMAT, exchange.VERSION)


def test_the_quick_check_understands_the_whole_schema() -> None:
    assert quick().enabled


def test_a_schema_keyword_it_does_not_check_switches_it_off() -> None:
    schema = copy.deepcopy(exchange.schema())
    schema["$defs"]["mandate"]["properties"]["scope"]["maxItems"] = 3
    assert not QuickCheck(schema, exchange.FORMAT, exchange.VERSION).enabled
    schema = copy.deepcopy(exchange.schema())
    schema["$defs"]["journal"]["properties"]["summary"]["pattern"] = "^[A-Z]"
    assert not QuickCheck(schema, exchange.FORMAT, exchange.VERSION).enabled


def test_null_passes_only_where_both_the_type_and_the_enum_allow_it() -> None:
    schema = copy.deepcopy(exchange.schema())
    schema["$defs"]["initiative"]["properties"]["origin"]["enum"].remove(None)
    document = small_document()
    document["initiatives"][0]["origin"] = None
    assert QuickCheck(schema, exchange.FORMAT, exchange.VERSION).run(document) is None
    document["initiatives"][0]["origin"] = "gradual"
    assert QuickCheck(schema, exchange.FORMAT, exchange.VERSION).run(document) is not None


@pytest.mark.parametrize("lang", ["en", "da"])
def test_valid_documents_take_the_quick_path_with_the_thorough_result(lang: str) -> None:
    demo = json.loads(paths.resource_path("demo", f"demo_{lang}.json").read_text("utf-8"))
    for document in (small_document(), demo):
        assert quick().run(document) is not None
        assert exchange.check_document(document) == exchange.check_thoroughly(document)


def compact_document() -> dict[str, Any]:
    """One initiative with one record of each kind, every field filled in."""
    document = small_document()
    first = document["initiatives"][0]
    for name in ("stakeholders", "mandates", "resources", "cross_pressures", "journal", "reviews"):
        del first[name][1:]
    document["initiatives"] = [first]
    return document


ODD_VALUES = [
    None,
    "",
    " ",
    "x",
    "s1",
    "s404",
    "DKK",
    "hours",
    "ø" * 401,
    "2019-02-30",
    "2019-2-01",
    "2019-W01-1",
    "２０１９-01-01",
    "2019-01-01\n",
    "20190101",
    "2019-01-01T00:00",
    "1999-01-01",
    "2030-01-01",
    "ø" * 41,
    "x" * 61,
    "x" * 101,
    "x" * 201,
    "x" * 321,
    "\t",
    "m²",
    -0.0,
    1.0,
    10**20,
    0,
    -1,
    1,
    3,
    4,
    2.0,
    1.5,
    -0.5,
    float("inf"),
    float("nan"),
    True,
    False,
    [],
    {},
    ["s1"],
    ["s1", "s1"],
    [""],
    [1],
    ["mobilising_resources", "mobilising_resources"],
    ["better_results"],
    ["unknown_value"],
    {"stakeholder": "s1", "role": "partner"},
    "ab" * 32,
    "AB" * 32,
    "0" * 63,
    2**40,
]
KEYS = sorted(
    {key for vocabulary in v.Vocabulary.__subclasses__() for key in vocabulary.all_keys()}
)
VALUES = st.one_of(
    st.sampled_from(ODD_VALUES),
    st.sampled_from(KEYS),
    st.text(max_size=4),
    st.integers(-5, 5),
)


def _slots(node: Any, into: list[tuple[Any, Any]]) -> list[tuple[Any, Any]]:
    if isinstance(node, dict):
        into.append((node, None))  # a place for a new key
        for key, value in node.items():
            into.append((node, key))
            _slots(value, into)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            into.append((node, index))
            _slots(value, into)
    return into


@st.composite
def mutated(draw: st.DrawFn) -> dict[str, Any]:
    document = small_document()
    for _ in range(draw(st.integers(1, 3))):
        slots = _slots(document, [])
        container, key = draw(st.sampled_from(slots))
        action = draw(st.sampled_from(["set", "set", "set", "delete"]))
        # a copy: a later mutation must never change the shared ODD_VALUES themselves
        if key is None:
            name = draw(st.sampled_from(["colour", "key", "title", "unit"]))
            container[name] = copy.deepcopy(draw(VALUES))
        elif action == "delete":
            del container[key]
        else:
            container[key] = copy.deepcopy(draw(VALUES))
    return document


def test_every_odd_value_in_every_field_gets_the_same_answer_both_ways() -> None:
    """Where the quick check vouches for a document, the thorough one finds it the same."""
    checker = quick()
    vouched = 0
    reference = compact_document()
    for container, key in _slots(reference, []):
        for value in [*ODD_VALUES, "delete"]:
            document = compact_document()
            # the same place in the fresh copy
            target = _find(document, container, reference)
            if key is None:
                target["colour"] = copy.deepcopy(value)
            elif value == "delete":
                del target[key]
            else:
                target[key] = copy.deepcopy(value)
            if checker.run(copy.deepcopy(document)) is None:
                continue  # check_document takes the thorough path itself
            vouched += 1
            assert _comparable(exchange.check_document(copy.deepcopy(document))) == _comparable(
                exchange.check_thoroughly(copy.deepcopy(document))
            ), (key, value)
    assert vouched > 200  # the comparison was made often


def _find(document: Any, container: Any, original: Any) -> Any:
    """The node of `document` at the place `container` has in `original` (same shape)."""
    if original is container:
        return document
    children = original.items() if isinstance(original, dict) else enumerate(original)
    for key, value in children:
        if isinstance(value, dict | list):
            found = _find(document[key], container, value)
            if found is not None:
                return found
    return None


@settings(
    max_examples=400,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(mutated())
def test_any_document_gets_the_same_answer_both_ways(document: dict[str, Any]) -> None:
    quick_answer = exchange.check_document(copy.deepcopy(document))
    thorough_answer = exchange.check_thoroughly(copy.deepcopy(document))
    assert _comparable(quick_answer) == _comparable(thorough_answer)


@pytest.mark.parametrize("value", ["2019-W01-1", "２０１９-01-01", "2019-02-30", "", " "])
def test_odd_dates_are_reported_as_before(value: str) -> None:
    document = small_document()
    document["initiatives"][0]["start_date"] = value
    stakeholders, initiatives, problems = exchange.check_document(document)
    assert quick().run(document) is None
    assert [p.path for p in problems] == ["initiatives[0].start_date"]
    assert (stakeholders, initiatives, problems) == exchange.check_thoroughly(document)


def _comparable(answer: Any) -> Any:
    """The answer with sets in order and NaN (not equal to itself) as text."""
    if isinstance(answer, frozenset | set):
        return sorted(answer)
    if isinstance(answer, dict):
        return {key: _comparable(value) for key, value in answer.items()}
    if isinstance(answer, list | tuple):
        return [_comparable(value) for value in answer]
    if isinstance(answer, Problem):
        return (answer.path, answer.code, _comparable(answer.params))
    if isinstance(answer, float) and math.isnan(answer):
        return "nan"
    return answer
