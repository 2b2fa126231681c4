"""Finding one person's recorded values in free text, and nothing else."""

from __future__ import annotations

import pytest

from coprod_desktop.domain.personal_text import (
    PersonValues,
    Replacer,
    name_words,
    possible_mentions,
)


def _erase(text: str, name: str = "Bo Ek", email: str = "", phone: str = "", **kw: object) -> str:
    replace = Replacer(PersonValues(name, email or None, phone or None), "X", "[e]", **kw)  # type: ignore[arg-type]
    return replace(text) or ""


@pytest.mark.parametrize("recorded", ["+45 12 34 56 78", "12345678", "4512345678", "12-34-56-78"])
@pytest.mark.parametrize(
    "written",
    ["+45 12 34 56 78", "12345678", "12-34-56-78", "4512345678", "0045 1234 5678", "12.34.56.78"],
)
def test_a_phone_number_in_its_common_written_forms(recorded: str, written: str) -> None:
    assert _erase(f"Ring {written}.", phone=recorded) == "Ring [e]."


@pytest.mark.parametrize(
    "text", ["Konto 9912345678901", "ref 123456789", "CVR 31234567", "tlf 1234567"]
)
def test_a_longer_or_different_number_is_left_alone(text: str) -> None:
    assert _erase(text, phone="12345678") == text


def test_an_e_mail_address_in_any_case_and_only_the_whole_address() -> None:
    email = "Bo.Ek@Example.dk"
    assert _erase("Skriv til BO.EK@EXAMPLE.DK.", email=email) == "Skriv til [e]."
    for other in ("ebbo.ek@example.dk", "bo.ek@example.dk.org", "bo.ek@example.dkx"):
        assert _erase(other, name="Zz Qq", email=email) == other


def test_a_name_only_as_whole_words() -> None:
    text = "Bo Ekberg, Bogø Ekspres, bo-ordning, Bo Ek-Hansen and Bo Eks hus; BO EK came."
    assert _erase(text) == "Bo Ekberg, Bogø Ekspres, bo-ordning, Bo Ek-Hansen and Xs hus; X came."


def test_a_one_word_name_keeps_the_case_it_was_written_in() -> None:
    text = "Ole kom; vi skal bo i byen; OLE sagde; Oles og Ole's; Olesen"
    assert _erase(text, name="Ole") == "X kom; vi skal bo i byen; X sagde; Oles og X's; Olesen"
    assert _erase("at bo her", name="Bo") == "at bo her"


def test_another_party_named_after_the_person_keeps_its_name() -> None:
    text = "Ann Berg Tømrer ApS builds; Ann Berg pays."
    assert (
        _erase(text, name="Ann Berg", others=["Ann Berg Tømrer ApS"])
        == "Ann Berg Tømrer ApS builds; X pays."
    )


def test_possible_mentions_are_the_capitalised_first_name_or_surname_alone() -> None:
    words = name_words("Anna Maria Berg")
    assert words == ["Anna", "Berg"]
    text = "Berg came. We met anna. Bergen is far. Annas plan."
    found = [(m.word, m.start) for m in possible_mentions(text, words)]
    assert found == [("Anna", 39), ("Berg", 0)]
    assert all(m.excerpt for m in possible_mentions(text, words))
