"""Pure helpers of the briefs: text cleaning/splitting, number formats, anonymisation."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from coprod_desktop.domain.anonymise import Anonymiser, Person, neutral_word
from coprod_desktop.reports import text as tx


def test_escape_makes_markup_and_control_characters_harmless() -> None:
    assert tx.escape("a < b & c > d") == "a &lt; b &amp; c &gt; d"
    assert tx.escape("bell\x07 nul\x00 esc\x1b tab\tend") == "bell nul esc tab    end"
    assert tx.escape("line one\r\nline two") == "line one<br/>line two"


def test_paragraphs_split_on_blank_lines_and_cut_long_blocks() -> None:
    assert tx.paragraphs("first\n\n\nsecond\n  \nthird") == ["first", "second", "third"]
    sentence = "Havnen skal renoveres i tre etaper. "
    pieces = tx.paragraphs(sentence * 1000, limit=500)
    assert len(pieces) > 60
    assert all(len(piece) <= 500 for piece in pieces)
    assert all(piece.endswith(".") for piece in pieces)  # cut at sentence ends


def test_paragraphs_cut_text_without_spaces() -> None:
    pieces = tx.paragraphs("x" * 10_000, limit=1000)
    assert len(pieces) == 10
    assert "".join(pieces) == "x" * 10_000
    assert tx.paragraphs(None) == [] and tx.paragraphs("  \n ") == []


def test_numbers_amounts_and_dates_in_both_languages() -> None:
    assert tx.number(1234567, "en") == "1,234,567"
    assert tx.number(1234567, "da") == "1.234.567"
    assert tx.number(2.5, "da") == "2,5"
    assert tx.amount(850000, "DKK", "da") == "850.000 kr."
    assert tx.amount(850000, "DKK", "en") == "DKK 850,000"
    assert tx.amount(12, "hours", "da") == "12 timer"
    assert tx.day(date(2026, 3, 1), "da") == "1.3.2026"
    assert tx.day(date(2026, 3, 1), "en") == "2026-03-01"
    assert tx.shorten("a  b\nc", 10) == "a b c"
    assert tx.shorten("abcdefghijkl", 5) == "abcd…"


PEOPLE = [
    Person("Åse Mølgaard", "volunteer", "aase.molgaard@live.dk", "+45 22 18 90 34"),
    Person("Søren Højgaard", "citizen", "soren@mail.dk", "21436587"),
    Person("Anne Marie Jensen", "citizen"),
    Person("Ωmega Ψ", "other"),
]


def test_names_are_replaced_by_a_neutral_word_in_the_language() -> None:
    hide = Anonymiser(PEOPLE, "da")
    assert hide.text("Møde med ÅSE  MØLGAARD om frivilligpolitik.") == (
        "Møde med en frivillig om frivilligpolitik."
    )
    assert hide.text("Åse Mølgaard præsenterede idéen.") == "En frivillig præsenterede idéen."
    assert hide.text("Det er Åse Mølgaards gruppe") == "Det er en frivilligs gruppe"
    english = Anonymiser(PEOPLE, "en")
    assert english.text("Thanks to Søren Højgaard's hosts.") == "Thanks to a citizen's hosts."
    assert english.text("Anne Jensen and Anne Marie Jensen") == "A citizen and a citizen"


def test_the_neutral_word_follows_the_language_of_the_sentence_not_the_brief() -> None:
    danish_brief = Anonymiser(PEOPLE, "da")
    assert danish_brief.text("Søren Højgaard and the other hosts met with the club.") == (
        "A citizen and the other hosts met with the club."
    )
    assert danish_brief.text("Søren Højgaard og de andre værter mødtes med klubben.") == (
        "En borger og de andre værter mødtes med klubben."
    )
    english_brief = Anonymiser(PEOPLE, "en")
    assert english_brief.text("Mødet med Søren Højgaard er aflyst, og det er ikke flyttet.") == (
        "Mødet med en borger er aflyst, og det er ikke flyttet."
    )
    assert danish_brief.text("Søren Højgaard") == "En borger"  # too little to tell: the brief's


def test_contact_details_are_replaced_and_other_names_kept() -> None:
    hide = Anonymiser(PEOPLE, "en")
    result = hide.text("Write aase.molgaard@live.dk or call 22 18 90 34 or +45 21 43 65 87.")
    assert "molgaard" not in result and "90 34" not in result and "65 87" not in result
    # a firm that shares a surname, or a longer name, is not a recorded person
    kept = "Tømrerfirmaet Højgaard & Søn and Søren Højgaardsen"
    assert hide.text(kept) == kept
    assert hide.text(None) == "" and not Anonymiser([], "en")
    assert Anonymiser([], "en").text("Åse Mølgaard") == "Åse Mølgaard"


def test_neutral_words() -> None:
    assert neutral_word("volunteer", "da") == "en frivillig"
    assert neutral_word("citizen", "en") == "a citizen"
    assert neutral_word("business", "en") == "a participant"


NAME_PARTS = ["Jens", "Hansen", "Anne-Marie", "Ølgaard", "D'Angelo", "Bo", "Strauß", "Kim"]


@st.composite
def persons_and_text(draw: st.DrawFn) -> tuple[list[Person], list[str], str]:
    names = draw(
        st.lists(
            st.lists(st.sampled_from(NAME_PARTS), min_size=1, max_size=3).map(" ".join),
            min_size=1,
            max_size=5,
        )
    )
    persons = [
        Person(
            name,
            draw(st.sampled_from(["citizen", "volunteer", "employee"])),
            email=draw(st.none() | st.just(f"{name.split()[0].lower()}@post.dk")),
            phone=draw(st.none() | st.just("+45 21 43 65 87")),
        )
        for name in names
    ]
    organisations = draw(st.lists(st.sampled_from([f"{n} ApS" for n in names]), max_size=2))
    pieces = st.sampled_from(
        [
            *names,
            *(n.upper() for n in names),
            *(n + "s" for n in names),
            *(n + "'s" for n in names),
            *organisations,
            "jens@post.dk",
            "21436587",
            "9921436587123",
            "and the",
            "og det",
            ",",
            "-",
            "x",
        ]
    )
    text = " ".join(draw(st.lists(pieces, max_size=12)))
    return persons, organisations, text


@given(persons_and_text())
def test_looking_rules_up_by_word_replaces_what_trying_every_rule_does(
    case: tuple[list[Person], list[str], str],
) -> None:
    """The anonymiser tries only the rules whose first word the text holds (a portfolio has
    tens of thousands of persons); trying every rule gives the same text."""
    persons, organisations, text = case
    quick = Anonymiser(persons, "da", organisations=organisations).text(text)
    everything = Anonymiser(persons, "da", organisations=organisations)
    for lang in ("da", "en"):
        rules = everything._rules_in(lang)
        rules.candidates = lambda _f, _d, all_rules=rules.rules: all_rules  # type: ignore[method-assign]
    assert quick == everything.text(text)
