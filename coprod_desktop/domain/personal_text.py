"""Finding one natural person's recorded values inside free text, without touching other words.

Pure functions shared by the erasure (services.privacy) and anything else that must find a
person in text (the committee brief's anonymiser may use them too). What is found:

- the recorded full name as whole words (other spacing and, for a name of two or more words,
  any case; a one-word name only as written or in capitals, because "Bo" is also a verb), with
  a genitive ("Anna Berg's", "Anna Bergs"; a one-word name only with an apostrophe);
- the recorded e-mail address in any case, as a whole address;
- the recorded phone number in its common written forms ("+45 12 34 56 78", "12345678",
  "12-34-56-78", "4512345678", "0045 12 34 56 78"), never as part of a longer number;
- `possible_mentions`: the first name or the surname on its own (capitalised), which is only
  a *possible* mention ("Berg" may be a firm) and is never replaced automatically.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import partial

# Denmark's country code: a recorded eight-digit number may be written with it.
DEFAULT_COUNTRY_CODE = "45"
# A name is a whole word: not inside another word, an address or a double name ("Hansen-Berg").
_BEFORE = r"(?<![\w@\-])"
_AFTER = r"(?![\w@]|-\w)"
_DIGIT_GAP = r"[\s.\-/]?"
_EXCERPT = 40


def name_regex(name: str) -> re.Pattern[str] | None:
    """The recorded name as whole words (see the module text), or None for a blank name."""
    parts = name.split()
    if not parts:
        return None
    body = r"\s+".join(re.escape(part) for part in parts)
    if len(parts) == 1:
        cased = {re.escape(name.strip()), re.escape(name.strip().upper())}
        body = "(?:" + "|".join(sorted(cased)) + ")"
        return re.compile(rf"{_BEFORE}{body}(?P<suffix>'s|’s)?{_AFTER}")
    return re.compile(rf"{_BEFORE}{body}(?P<suffix>'s|’s|s)?{_AFTER}", re.IGNORECASE)


def email_regex(email: str) -> re.Pattern[str] | None:
    """The recorded e-mail address in any case, as a whole address."""
    value = email.strip()
    if "@" not in value:
        return None
    return re.compile(rf"(?<![\w.+\-@]){re.escape(value)}(?![\w\-@]|\.\w)", re.IGNORECASE)


def phone_regex(phone: str) -> re.Pattern[str] | None:
    """The recorded phone number with or without its country code, with spaces, dashes, dots
    or slashes between any digits, but never inside a longer run of digits (an account number
    that happens to contain it stays as it is). None for fewer than six digits."""
    digits = re.sub(r"\D", "", phone)
    if digits.startswith("00"):
        digits = digits[2:]
    if len(digits) < 6:
        return None
    if len(digits) > 8:
        country, local = digits[:-8], digits[-8:]
    else:
        country, local = DEFAULT_COUNTRY_CODE, digits
    body = _DIGIT_GAP.join(re.escape(d) for d in local)
    prefix = rf"(?:(?:\+|00)?{_DIGIT_GAP.join(country)}[\s.\-/]*)?"
    return re.compile(rf"(?<![\d+]){prefix}{body}(?!\d)")


@dataclass(frozen=True)
class PersonValues:
    """What is recorded about one person and is searched for in free text."""

    name: str
    email: str | None = None
    phone: str | None = None

    def patterns(self) -> list[tuple[re.Pattern[str], bool]]:
        """(pattern, is_name) pairs: e-mail and phone first, so a name inside an address
        is replaced with the address."""
        found: list[tuple[re.Pattern[str], bool]] = []
        for pattern in (
            email_regex(self.email) if self.email else None,
            phone_regex(self.phone) if self.phone else None,
        ):
            if pattern is not None:
                found.append((pattern, False))
        name = name_regex(self.name)
        if name is not None:
            found.append((name, True))
        return found


class Replacer:
    """Replaces one person's recorded values in text: the name by `name_word` (a genitive
    keeps its ending), e-mail and phone by `value_word`. Where the name is part of another
    party's name written out in the text (`others`: "Anna Berg Tømrer ApS" for Anna Berg),
    it is left alone: that is the other party, not the person."""

    def __init__(
        self, person: PersonValues, name_word: str, value_word: str, others: Iterable[str] = ()
    ) -> None:
        self._patterns = person.patterns()
        self._name_word = name_word
        self._value_word = value_word
        own = name_regex(person.name)
        self._others = [
            pattern
            for other in others
            if own is not None
            and other.strip()
            and " ".join(other.split()).casefold() != " ".join(person.name.split()).casefold()
            and own.search(other)
            and (pattern := name_regex(other)) is not None
        ]

    def __call__(self, text: str | None) -> str | None:
        if not text:
            return text
        for pattern, is_name in self._patterns:
            if is_name:
                kept = [m.span() for other in self._others for m in other.finditer(text)]
                text = pattern.sub(partial(self._fill_name, kept=kept), text)
            else:
                text = pattern.sub(self._value_word, text)
        return text

    def _fill_name(self, match: re.Match[str], *, kept: list[tuple[int, int]]) -> str:
        if any(start <= match.start() and match.end() <= end for start, end in kept):
            return match.group(0)
        return self._name_word + (match.group("suffix") or "")


def name_words(name: str) -> list[str]:
    """The first name and the surname (one word for a one-word name), longest first."""
    parts = [part.strip(".,") for part in name.split()]
    parts = [part for part in parts if len(part) >= 2]
    if not parts:
        return []
    words = {parts[0], parts[-1]}
    return sorted(words, key=lambda word: (-len(word), word))


@dataclass(frozen=True)
class Mention:
    """A capitalised first name or surname standing alone somewhere in a text."""

    word: str
    start: int
    excerpt: str


def possible_mentions(text: str | None, words: Iterable[str]) -> Iterator[Mention]:
    """Each place where one of `words` stands alone as a capitalised word."""
    if not text:
        return
    for word in words:
        pattern = re.compile(rf"{_BEFORE}{re.escape(word)}(?:'s|’s|s)?{_AFTER}", re.IGNORECASE)
        for match in pattern.finditer(text):
            if not match.group(0)[0].isupper():
                continue  # "bo" the verb, not "Bo" the name
            yield Mention(word, match.start(), excerpt(text, match.start(), match.end()))


def excerpt(text: str, start: int, end: int) -> str:
    """The text around [start, end), on one line, with … where it was cut."""
    left = max(0, start - _EXCERPT)
    right = min(len(text), end + _EXCERPT)
    piece = " ".join(text[left:right].split())
    return ("…" if left else "") + piece + ("…" if right < len(text) else "")
