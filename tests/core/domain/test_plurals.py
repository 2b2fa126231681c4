"""Counted messages are real plurals in English and Danish: "1 initiative", "2 initiatives"."""

from __future__ import annotations

import re

from coprod_desktop.domain.messages import CATALOGUE, ONE, message


def _placeholders(text: str) -> set[str]:
    return set(re.findall(r"\{(\w+)\}", text))


def test_no_message_writes_a_plural_in_brackets() -> None:
    for key, texts in [*CATALOGUE.items(), *ONE.items()]:
        for text in texts:
            assert not re.search(r"\w\((s|er|r|e)\)", text), (key, text)


def test_every_singular_belongs_to_a_counted_message_with_the_same_placeholders() -> None:
    for key, (en, da) in ONE.items():
        assert key in CATALOGUE
        plural_en, plural_da = CATALOGUE[key]
        assert "count" in _placeholders(en) and "count" in _placeholders(da)
        assert _placeholders(en) == _placeholders(plural_en) == _placeholders(da), key
        assert _placeholders(da) == _placeholders(plural_da), key


def test_one_two_and_none_read_right_in_both_languages() -> None:
    assert message("in_use", "en", count=1) == (
        "is still involved in 1 initiative; remove it there or merge it first"
    )
    assert message("in_use", "en", count=2).startswith("is still involved in 2 initiatives;")
    assert message("in_use", "da", count=1).startswith("indgår stadig i 1 initiativ;")
    assert message("in_use", "da", count=3).startswith("indgår stadig i 3 initiativer;")
    assert message("cli_sheet_problems", "en", count=1, path="a.csv").startswith("1 problem in")
    assert message("cli_sheet_problems", "da", count=0, path="a.csv").startswith("0 problemer i")
    assert message("brief_earlier_mandates", "da", count=1) == "1 tidligere mandat registreret."
    assert message("brief_earlier_mandates", "en", count=4) == "4 earlier mandates on record."
