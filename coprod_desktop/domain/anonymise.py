"""Keep natural persons out of public documents: their recorded names, e-mail addresses and
phone numbers are replaced inside free text by a neutral word in the document's language.

Pure functions, so the committee brief (and anything else that must be public-safe) can be
tested without a database. Only what is recorded about a person is replaced: the full name
(also with other spacing, other case, a Danish genitive -s or an English 's), the first and
last name of a person with middle names, and the exact e-mail address and phone number. A
first name or a surname on its own is left alone: "Højgaard" may be a carpenter's firm.

Replacing never damages unrelated text: a known organisation whose name contains a person's
name is printed as it stands, and a phone number is never matched inside a longer run of
digits (an account or case number).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property

# The neutral word for a person of each stakeholder kind (indefinite, lower case).
_NEUTRAL: dict[str, tuple[str, str]] = {
    "citizen": ("a citizen", "en borger"),
    "volunteer": ("a volunteer", "en frivillig"),
}
_NEUTRAL_OTHER = ("a participant", "en deltager")


# Common short words of each language, to tell which one a piece of free text is written in:
# the neutral word must be in the language of the sentence it lands in, not of the brief
# ("A citizen and the other hosts…" in a Danish brief, never "En borger and the other…").
_ENGLISH_WORDS = frozenset(
    [
        "the", "and", "of", "to", "is", "are", "was", "were", "with", "on", "in", "they",
        "their", "has", "have", "will", "who", "from", "this", "that", "it", "by", "be", "an",
        "as", "our", "we",
    ]
)  # fmt: skip
_DANISH_WORDS = frozenset(
    [
        "og", "er", "var", "det", "den", "de", "af", "til", "med", "på", "som", "har", "vil",
        "der", "fra", "ikke", "et", "om", "hun", "han", "vi", "skal", "også", "kan", "blev",
    ]
)  # fmt: skip
_WORD = re.compile(r"[^\W\d_]+")


def text_language(text: str, default: str = "en") -> str:
    """ "en" or "da" when `text` is clearly written in it, else `default`."""
    words = _WORD.findall(text.casefold())
    english = sum(word in _ENGLISH_WORDS for word in words)
    danish = sum(word in _DANISH_WORDS for word in words)
    if english >= 2 and english > 2 * danish:
        return "en"
    if danish >= 2 and danish > 2 * english:
        return "da"
    return default


def neutral_word(kind: str, lang: str = "en") -> str:
    """What a person of `kind` is called instead of their name ("a volunteer", "en frivillig")."""
    en, da = _NEUTRAL.get(kind, _NEUTRAL_OTHER)
    return da if lang == "da" else en


@dataclass(frozen=True)
class Person:
    """What is recorded about one natural person and must not appear in public text."""

    name: str
    kind: str = "citizen"
    email: str | None = None
    phone: str | None = None


def _name_pattern(name: str) -> str | None:
    parts = name.split()
    if not parts or len("".join(parts)) < 3:
        return None  # too short to replace safely
    return r"\s+".join(re.escape(part) for part in parts)


def _phone_pattern(phone: str) -> str | None:
    digits = re.sub(r"\D", "", phone)
    if len(digits) < 6:
        return None
    # The same digits written with other spacing, dashes or dots ("+45 21 43 65 87", "21436587").
    international = phone.strip().startswith("+") and len(digits) > 8
    local = digits[2:] if international else digits
    country = digits[:2] if international else "45"  # written without "+": 4521436587
    body = r"[\s.\-]*".join(re.escape(d) for d in local)
    prefix = rf"(?:(?:\+|00)\d{{1,3}}[\s.\-]*|{country}[\s.\-]*)?"
    # Never inside a longer run of digits: 21436587 is not in account number 9921436587123.
    return rf"(?<!\d)(?<!\d[.\-/]){prefix}{body}(?!\d)(?![.\-/]\d)"


def _email_pattern(email: str) -> str:
    # The whole address only: not the tail of "xsoren@mail.dk" nor the head of "soren@mail.dkx".
    return rf"(?<![\w.+\-]){re.escape(email)}(?![\w\-]|\.\w)"


def _word_pattern(phrase: str) -> str | None:
    """A phrase as a whole-word pattern (any spacing, any case, a genitive s or 's)."""
    pattern = _name_pattern(phrase)
    if pattern is None:
        return None
    return rf"(?<![\w@]){pattern}(?P<suffix>'s|’s|s)?(?![\w@])"


class _Rule:
    """One pattern to replace (or protect), compiled when a text first may hold it: a
    portfolio with tens of thousands of recorded persons must not compile a pattern each."""

    __slots__ = ("_compiled", "argument", "digits", "make", "needles", "word")

    def __init__(
        self,
        make: Callable[[str], str | None],
        argument: str,
        word: str | None,
        needles: tuple[str, ...] = (),
        digits: str = "",
    ) -> None:
        self.make = make  # make(argument): the pattern's source, written when first needed
        self.argument = argument
        self.word = word  # None: a protected organisation name, printed as it stands
        # A cheap test first (the regular expressions are costly on large portfolios): every
        # needle must be in the case-folded text, the digits in the text's digits.
        self.needles = needles
        self.digits = digits
        self._compiled: re.Pattern[str] | None = None

    @property
    def pattern(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(self.make(self.argument) or "(?!)", re.IGNORECASE)
        return self._compiled

    def may_match(self, folded: str, digits: str) -> bool:
        return all(n in folded for n in self.needles) and self.digits in digits

    def tokens(self) -> list[str]:
        """The words of the needles: a text that holds the rule's match holds each of them
        as a whole word (the last one perhaps with a genitive s after it)."""
        return [
            t
            for needle in self.needles
            for t in ((needle,) if needle.isalnum() else _TOKEN.findall(needle))
        ]


_TOKEN = re.compile(r"\w+")


@dataclass
class _Rules:
    """The rules in their order, and which of them a text's words may call for: each rule
    is filed under its two rarest words (recorded persons share first names and surnames,
    seldom both)."""

    rules: list[_Rule]
    by_words: dict[str, dict[str | None, list[int]]]
    by_digits: dict[str, list[int]]  # phone numbers, by their last six digits
    always: list[int]  # rules with neither a word nor digits to look for

    @classmethod
    def of(cls, rules: list[_Rule]) -> _Rules:
        words = [sorted(set(rule.tokens())) for rule in rules]
        frequency = Counter(t for found in words for t in found)
        by_words: dict[str, dict[str | None, list[int]]] = {}
        by_digits: dict[str, list[int]] = {}
        always: list[int] = []
        for index, found in enumerate(words):
            if not found:
                digits = rules[index].digits
                if digits:
                    by_digits.setdefault(digits, []).append(index)
                else:
                    always.append(index)
                continue
            rarest = sorted(found, key=lambda t: (frequency[t], t))
            second = rarest[1] if len(rarest) > 1 else None
            by_words.setdefault(rarest[0], {}).setdefault(second, []).append(index)
        return cls(rules, by_words, by_digits, always)

    def __bool__(self) -> bool:
        return bool(self.rules)

    def candidates(self, folded: str, digits: str) -> list[_Rule]:
        tokens = set(_TOKEN.findall(folded))
        tokens |= {t[:-1] for t in tokens if t.endswith("s")}  # a genitive s
        wanted = set(self.always)
        if self.by_digits:
            for start in range(len(digits) - 5):
                wanted.update(self.by_digits.get(digits[start : start + 6], ()))
        for token in tokens:
            filed = self.by_words.get(token)
            if filed is None:
                continue
            if len(filed) > len(tokens):
                for other in tokens:
                    wanted.update(filed.get(other, ()))
                wanted.update(filed.get(None, ()))
            else:
                for other, found in filed.items():
                    if other is None or other in tokens:
                        wanted.update(found)
        return [self.rules[i] for i in sorted(wanted)]


class Anonymiser:
    """Replaces the recorded persons in free text; `Anonymiser([])` changes nothing.

    `organisations` are names printed as they stand even when they contain a person's name
    ("Jens Hansen Tømrer ApS" when Jens Hansen is a recorded citizen): where matches overlap,
    the longest wins, and an organisation wins a tie. `phrases` are further whole-word
    phrases to replace, each with its own replacement (the user's decisions on name-like
    phrases before a public brief)."""

    def __init__(
        self,
        persons: Iterable[Person],
        lang: str = "en",
        *,
        organisations: Iterable[str] = (),
        phrases: Mapping[str, str] | None = None,
    ) -> None:
        self.lang = lang
        self._persons = [p for p in persons if p.name.strip()]
        self._organisations = sorted({o.strip() for o in organisations if o and o.strip()})
        self._phrases = dict(phrases or {})
        self._rules_by_language: dict[str, _Rules] = {}

    @cached_property
    def _rules(self) -> _Rules:
        return self._rules_in(self.lang)

    def _rules_in(self, lang: str) -> _Rules:
        """The rules with the neutral words in `lang` (made once per language)."""
        if lang in self._rules_by_language:
            return self._rules_by_language[lang]
        rules: list[_Rule] = []

        def add_words(phrase: str, word: str | None) -> None:
            parts = phrase.split()
            if len("".join(parts)) >= 3:  # else too short to replace safely (_name_pattern)
                folded = tuple(n.casefold() for n in parts)
                rules.append(_Rule(_word_pattern, phrase, word, folded))

        for person in self._persons:
            word = neutral_word(person.kind, lang)
            parts = person.name.split()
            names = {person.name}
            if len(parts) > 2:
                names.add(f"{parts[0]} {parts[-1]}")
            for name in sorted(names):
                add_words(name, word)
            if person.email and "@" in person.email:
                email = person.email.strip()
                rules.append(_Rule(_email_pattern, email, word, (email.casefold(),)))
            if person.phone:
                digits = re.sub(r"\D", "", person.phone)
                if len(digits) >= 6:  # else _phone_pattern has none
                    rules.append(_Rule(_phone_pattern, person.phone, word, digits=digits[-6:]))
        for phrase, replacement in self._phrases.items():
            add_words(phrase, replacement)
        if rules:  # organisations only matter where something would be replaced
            for organisation in self._organisations:
                add_words(organisation, None)
        made = self._rules_by_language[lang] = _Rules.of(rules)
        return made

    def __bool__(self) -> bool:
        return bool(self._persons or self._phrases)

    def text(self, value: str | None) -> str:
        """`value` with every recorded person (and every given phrase) replaced."""
        if not value:
            return value or ""
        language = text_language(value, self.lang)
        rules = self._rules if language == self.lang else self._rules_in(language)
        if not rules:
            return value
        folded = value.casefold()
        digits = re.sub(r"\D", "", value) if rules.by_digits or rules.always else ""
        found: list[tuple[int, int, int, str | None, str]] = []
        for rule in rules.candidates(folded, digits):
            if not rule.may_match(folded, digits):
                continue
            for match in rule.pattern.finditer(value):
                if match.end() > match.start():
                    suffix = match.groupdict().get("suffix") or ""
                    found.append((match.start(), match.end(), len(found), rule.word, suffix))
        # Longest first; at equal length a protected organisation before a replacement.
        found.sort(key=lambda f: (-(f[1] - f[0]), f[3] is not None, f[2]))
        taken: list[tuple[int, int, str | None, str]] = []
        for start, end, _order, word, suffix in found:
            if all(end <= s or start >= e for s, e, _w, _x in taken):
                taken.append((start, end, word, suffix))
        pieces: list[str] = []
        at = 0
        for start, end, word, suffix in sorted(taken, key=lambda t: t[0]):
            pieces.append(value[at:start])
            pieces.append(value[start:end] if word is None else _fill(value, start, word + suffix))
            at = end
        pieces.append(value[at:])
        return "".join(pieces)


def _fill(text: str, start: int, replacement: str) -> str:
    if replacement and _sentence_start(text, start):
        replacement = replacement[0].upper() + replacement[1:]
    return replacement


def _sentence_start(text: str, index: int) -> bool:
    before = text[:index].rstrip(" \t\"'“‘(")
    if not before or before[-1] == "\n":
        return True
    # "tel.12345678" is not a new sentence: a full stop starts one only before a space
    return before[-1] in ".!?" and text[len(before) : len(before) + 1].isspace()
