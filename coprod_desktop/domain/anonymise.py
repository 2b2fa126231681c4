"""Keep natural persons out of public documents: their recorded names, e-mail addresses and
phone numbers are replaced inside free text by a neutral word in the document's language.

Pure functions, so the committee brief (and anything else that must be public-safe) can be
tested without a database. Only what is recorded about a person is replaced: the full name
(also with other spacing, other case, a Danish genitive -s or an English 's), the first and
last name of a person with middle names, and the exact e-mail address and phone number. A
first name or a surname on its own is left alone: "Højgaard" may be a carpenter's firm.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property, partial

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
        "the",
        "and",
        "of",
        "to",
        "is",
        "are",
        "was",
        "were",
        "with",
        "on",
        "in",
        "they",
        "their",
        "has",
        "have",
        "will",
        "who",
        "from",
        "this",
        "that",
        "it",
        "by",
        "be",
        "an",
        "as",
        "our",
        "we",
    ]
)
_DANISH_WORDS = frozenset(
    [
        "og",
        "er",
        "var",
        "det",
        "den",
        "de",
        "af",
        "til",
        "med",
        "på",
        "som",
        "har",
        "vil",
        "der",
        "fra",
        "ikke",
        "et",
        "om",
        "hun",
        "han",
        "vi",
        "skal",
        "også",
        "kan",
        "blev",
    ]
)
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
    local = digits[2:] if phone.strip().startswith("+") and len(digits) > 8 else digits
    body = r"[\s.\-]*".join(re.escape(d) for d in local)
    return rf"(?:\+?\d{{1,3}}[\s.\-]*)?{body}"


class Anonymiser:
    """Replaces the recorded persons in free text; `Anonymiser([])` changes nothing."""

    def __init__(self, persons: Iterable[Person], lang: str = "en") -> None:
        self.lang = lang
        self._persons = [p for p in persons if p.name.strip()]
        self._compiled: dict[str, list[tuple[re.Pattern[str], str]]] = {}

    @cached_property
    def _replacements(self) -> list[tuple[re.Pattern[str], str]]:
        return self._replacements_in(self.lang)

    def _replacements_in(self, lang: str) -> list[tuple[re.Pattern[str], str]]:
        if lang in self._compiled:
            return self._compiled[lang]
        by_name: list[tuple[str, str]] = []
        exact: list[tuple[str, str]] = []
        for person in self._persons:
            word = neutral_word(person.kind, lang)
            parts = person.name.split()
            names = {person.name}
            if len(parts) > 2:
                names.add(f"{parts[0]} {parts[-1]}")
            for name in names:
                pattern = _name_pattern(name)
                if pattern:
                    by_name.append((pattern, word))
            if person.email and "@" in person.email:
                exact.append((re.escape(person.email.strip()), word))
            if person.phone:
                phone = _phone_pattern(person.phone)
                if phone:
                    exact.append((phone, word))
        # Longer names first, so "Anne Marie Jensen" wins over "Anne Jensen".
        by_name.sort(key=lambda item: len(item[0]), reverse=True)
        compiled: list[tuple[re.Pattern[str], str]] = []
        for pattern, word in exact:
            compiled.append((re.compile(pattern, re.IGNORECASE), word))
        for pattern, word in by_name:
            compiled.append(
                (re.compile(rf"(?<![\w@]){pattern}(?P<suffix>'s|’s|s)?(?![\w@])", re.I), word)
            )
        self._compiled[lang] = compiled
        return compiled

    def __bool__(self) -> bool:
        return bool(self._persons)

    def text(self, value: str | None) -> str:
        """`value` with every recorded person replaced by a neutral word."""
        if not value:
            return value or ""
        result = value
        lang = text_language(value, self.lang)
        replacements = self._replacements if lang == self.lang else self._replacements_in(lang)
        for pattern, word in replacements:
            result = pattern.sub(partial(_fill, word=word), result)
        return result


def _fill(match: re.Match[str], *, word: str) -> str:
    suffix = match.groupdict().get("suffix") or ""
    replacement = word + suffix
    if _sentence_start(match.string, match.start()):
        replacement = replacement[0].upper() + replacement[1:]
    return replacement


def _sentence_start(text: str, index: int) -> bool:
    before = text[:index].rstrip(" \t\"'“‘(")
    return not before or before[-1] in ".!?\n"
