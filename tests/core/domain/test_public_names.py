"""Name-like phrases in public text, and an anonymiser that never damages unrelated text."""

from __future__ import annotations

from coprod_desktop.domain.anonymise import Anonymiser, Person
from coprod_desktop.domain.public_names import (
    KnownTerms,
    PrintedText,
    find_name_like,
    organisation_phrases,
    phrase_key,
    place_phrases,
    vocabulary_labels,
)

KNOWN = KnownTerms(
    [
        *organisation_phrases(["Hotel Kystlyst ApS", "Integration Team, Sønderby Municipality"]),
        *place_phrases(["Sønderby Bay (the whole coastline)", "Skovby Øst, Nørrevig"]),
        "Sønderby Kommune",
        *vocabulary_labels(),
    ]
)


def phrases(*texts: str) -> list[str]:
    printed = [PrintedText(f"text {n}", text) for n, text in enumerate(texts)]
    return [found.phrase for found in find_name_like(printed, KNOWN)]


def test_unknown_names_are_found_in_english_and_danish() -> None:
    assert phrases("We met Anna Berg on the quay.") == ["Anna Berg"]
    assert phrases("Mødet med Jens Peter Hansen blev udsat.") == ["Jens Peter Hansen"]
    # at the start of a sentence too, hyphenated, with Danish letters, and in a genitive
    assert phrases("Søren Østergård åbnede caféen.") == ["Søren Østergård"]
    assert phrases("Thanks to Fatima Al-Hassan.") == ["Fatima Al-Hassan"]
    assert phrases("It was Kirsten Dalsgård's idea.") == ["Kirsten Dalsgård"]
    assert phrases("A title: Åse Mølgaard") == ["Åse Mølgaard"]


def test_where_and_the_text_around_it_are_given_once_per_phrase() -> None:
    printed = [
        PrintedText("CP-1 title", "Benches with Anna Berg"),
        PrintedText("CP-2 summary", "Later ANNA  BERG helped again."),
    ]
    (found,) = find_name_like(printed, KNOWN)
    assert found.key == phrase_key("anna berg")
    assert [where for where, _context in found.places] == ["CP-1 title", "CP-2 summary"]
    assert found.places[0][1] == "Benches with Anna Berg"


def test_known_organisations_places_labels_and_common_words_are_not_names() -> None:
    assert phrases("Meeting with Hotel Kystlyst and the Integration Team.") == []
    assert phrases("Experience Sønderby Bay – a shared brand") == []  # a place after a verb
    assert phrases("Area renewal in Skovby Øst, Sønderby Kommune") == []
    assert phrases("Hotel Kystlyst is unhappy.") == []  # part of a known organisation
    assert phrases("The Recovery Café and Nørrevig Library") == []  # institutions
    assert phrases("Monday March 3 and Fredag December") == []  # days and months
    assert phrases("Grant of DKK 850,000 from the EU.") == []  # abbreviations
    assert phrases("Åben Skole-partnerskab") == []  # a compound common noun
    assert phrases("Type: Co-management. Status: Active") == []
    # a capitalised ordinary word that starts a sentence is not part of the name
    assert phrases("the plan was ready. Meeting Anna Berg went well.") == ["Anna Berg"]


def test_a_line_break_or_punctuation_ends_a_phrase() -> None:
    assert phrases("Hansen\nJensen") == []
    assert phrases("Hansen, Jensen and Holm") == []


# ---------------------------------------------------------------- redaction harms nothing else


def test_a_business_named_after_a_person_is_printed_as_it_stands() -> None:
    hide = Anonymiser(
        [Person("Jens Hansen", "citizen")], "en", organisations=["Jens Hansen Tømrer ApS"]
    )
    assert hide.text("Jens Hansen Tømrer ApS builds the benches.") == (
        "Jens Hansen Tømrer ApS builds the benches."
    )
    assert hide.text("jens hansen tømrer aps and Jens Hansen met.") == (
        "jens hansen tømrer aps and a citizen met."
    )


def test_the_longest_match_wins_between_a_person_and_an_organisation() -> None:
    hide = Anonymiser([Person("Jens Hansen", "citizen")], "en", organisations=["Hansen"])
    assert hide.text("Jens Hansen came to Hansen.") == "A citizen came to Hansen."


def test_a_phone_number_inside_a_longer_number_is_left_alone() -> None:
    hide = Anonymiser([Person("Jens Hansen", "citizen", phone="12345678")], "en")
    for kept in (
        "Account 9876123456789.",
        "Case 112345678 and 123456789.",
        "Reg. 1234-12345678-9",
        "tel.912345678",
    ):
        assert hide.text(kept) == kept
    for written in ("12345678", "12 34 56 78", "12-34-56-78", "+45 12 34 56 78", "4512345678"):
        assert hide.text(f"Call {written} today.") == "Call a citizen today.", written


def test_an_e_mail_address_in_any_case_but_only_the_whole_address() -> None:
    hide = Anonymiser([Person("Jens Hansen", "citizen", email="Jens@Mail.dk")], "en")
    assert hide.text("Write JENS@MAIL.DK now") == "Write a citizen now"
    assert hide.text("xjens@mail.dk and jens@mail.dkx") == "xjens@mail.dk and jens@mail.dkx"


def test_decided_phrases_are_replaced_whole_word_only() -> None:
    hide = Anonymiser([], "en", phrases={"Anna Berg": "a resident"})
    assert hide.text("Anna Berg and ANNA BERG's dog; Annabella Bergen") == (
        "A resident and a resident's dog; Annabella Bergen"
    )
