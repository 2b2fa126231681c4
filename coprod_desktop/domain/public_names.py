"""Name-like phrases in the text a public brief is about to print.

The anonymiser replaces the persons the register knows. A person the register does not know
("we met Anna Berg on the quay") can only be caught by looking: before a public brief is
written, every run of two or more capitalised words in its free text that is not a known
organisation, place or vocabulary label is listed, and the user keeps or replaces each one.

Pure functions (no database): `committee_texts` gives the free texts the committee brief
prints, `find_name_like` the phrases in them. The decisions themselves are stored by
`services.names`, keyed by `phrase_key`, so a brief can be re-made without asking again.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from coprod_desktop.domain import vocab as v
from coprod_desktop.domain.messages import message
from coprod_desktop.domain.model import InitiativeData, JournalData

# The committee brief prints at most this many decisions and milestones per initiative.
HIGHLIGHT_KINDS = ("decision", "milestone")
HIGHLIGHTS_PER_INITIATIVE = 2
CONTEXT_CHARS = 40


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*", re.UNICODE)
_GENITIVE = re.compile(r"(?:['’]s|['’])$")
# The words that open sentences or join names in titles, in English and Danish: never the
# start of a name ("The Recovery Café" is about "Recovery Café").
_FUNCTION_WORDS = _words(
    """the a an this that these those our their his her its we you it there here in on at for
    with from to of by and or but if when after before during since all some every each new old
    den det de en et vi i jeg du han hun der her som om på med fra til af ved hos mod og eller
    men hvis når efter før under siden alle nogle hver ny nye later then also today yesterday
    senere derefter også så nu i dag"""
)
# Head words of institutions and places: a run containing one names a place or a body, not a
# person ("Nørrevig Library", "Skovby Skole", "The Finance Committee").
_INSTITUTION_WORDS = _words(
    """library libraries bibliotek biblioteket bibliotekerne school schools skole skolen skoles
    café cafe caféen cafeen centre center centret centeret council råd rådet committee udvalg
    udvalget municipality kommune kommunen region regionen harbour harbor havn havnen house
    hus huset station stationen park parken street road vej vejen gade gaden square torv torvet
    church kirke kirken hall hal hallen museum museet hospital hospitalet club klub klubben
    association forening foreningen foundation fond fonden team teamet department afdeling
    afdelingen office kontor kontoret section network netværk netværket society selskab
    selskabet agency styrelse styrelsen ministry ministeriet university universitet
    college gymnasium company aps a/s ltd inc plc group gruppen bay bugt bugten beach strand
    stranden island ø øen river å åen lake sø søen forest skov skoven"""
)
_MONTHS_AND_DAYS = _words(
    """january february march april may june july august september october november december
    januar februar marts april maj juni juli august september oktober november december
    monday tuesday wednesday thursday friday saturday sunday mandag tirsdag onsdag torsdag
    fredag lørdag søndag"""
)


def phrase_key(phrase: str) -> str:
    """The stored key of a phrase: case and spacing do not matter ("anna  BERG" = "Anna Berg")."""
    return " ".join(phrase.split()).casefold()


@dataclass(frozen=True)
class PrintedText:
    """One piece of free text a brief prints, and where (for the user: "CP-2024-001 title")."""

    where: str
    text: str


@dataclass
class NameLike:
    """A name-like phrase and the places it occurs (where, surrounding text)."""

    phrase: str
    key: str
    places: list[tuple[str, str]] = field(default_factory=list)


def vocabulary_labels() -> list[str]:
    """Every label of every vocabulary, in English and Danish."""
    labels: list[str] = []
    for vocabulary in v.Vocabulary.__subclasses__():
        for member in vocabulary:
            labels += [member.en, member.da]
    return labels


def place_phrases(areas: Iterable[str | None]) -> list[str]:
    """The place names in initiative areas ("Sønderby Bay (the whole coastline)" gives
    "Sønderby Bay" and "the whole coastline"; lists are split at commas, 'and' and 'og')."""
    found: list[str] = []
    for area in areas:
        if not area:
            continue
        for part in re.split(r"[,;()/–—]|\s+(?:and|og|&)\s+", area):
            if part.strip():
                found.append(part.strip())
    return found


def organisation_phrases(names: Iterable[str]) -> list[str]:
    """Organisation names, whole and in their comma-separated parts ("Integration Team,
    Sønderby Municipality" also gives "Integration Team")."""
    found: list[str] = []
    for name in names:
        if name and name.strip():
            found.append(name.strip())
            found += [part.strip() for part in name.split(",") if part.strip()]
    return found


class KnownTerms:
    """Phrases that are not names: organisations, places, vocabulary labels."""

    def __init__(self, phrases: Iterable[str]) -> None:
        words_of = [tuple(w.casefold() for w in _WORD.findall(p)) for p in phrases]
        words_of = [w for w in words_of if w]
        # Every run of two or more words inside a known phrase ("Hotel Kystlyst" of "Hotel
        # Kystlyst ApS", "Skovby East" of "Skovby East Local Council") is known too.
        self._runs: set[tuple[str, ...]] = set()
        for words in words_of:
            self._runs.add(words)
            for size in range(2, len(words)):
                for begin in range(len(words) - size + 1):
                    self._runs.add(words[begin : begin + size])
        longest = sorted({" ".join(w) for w in words_of}, key=len, reverse=True)
        self._pattern: re.Pattern[str] | None = None
        if longest:
            alternatives = "|".join(
                r"\s+".join(re.escape(word) for word in phrase.split()) for phrase in longest
            )
            self._pattern = re.compile(
                rf"(?<![\w])(?:{alternatives})(?:['’]s|s)?(?![\w])", re.IGNORECASE
            )

    def mask(self, text: str) -> str:
        """`text` with every known phrase blanked out (same length, so positions hold)."""
        if self._pattern is None:
            return text
        return self._pattern.sub(lambda m: "\x00" * len(m.group(0)), text)

    def contains(self, words: Sequence[str]) -> bool:
        return tuple(_bare(w) for w in words) in self._runs


def _bare(word: str) -> str:
    return _GENITIVE.sub("", word).casefold()


def _is_name_word(word: str) -> bool:
    """A capitalised word that could be part of a name: "Anna", "Al-Hassan", "O'Neill",
    "BERG" — not "EU" (a short abbreviation), not "Skole-partnerskab" (a compound noun)."""
    if not word[0].isupper():
        return False
    letters = [c for c in word if c.isalpha()]
    if len(letters) < 3 and all(c.isupper() for c in letters):
        return False  # an initial or a short abbreviation (EU, A/S); "ANNA BERG" is a name
    parts = re.split(r"-", word)
    return all(part[:1].isupper() for part in parts if part)


def _sentence_start(text: str, index: int) -> bool:
    before = text[:index].rstrip(" \t\"'“‘(«\x00")
    return not before or before[-1] in ".!?:\n–—-•"


def find_name_like(texts: Sequence[PrintedText], known: KnownTerms) -> list[NameLike]:
    """The name-like phrases in `texts` (in order of first occurrence), each with where it
    occurs: runs of two or more capitalised words that are not known, not months or days,
    not led by a function word, and not naming an institution."""
    ordinary = _ordinary_words(texts)
    found: dict[str, NameLike] = {}
    for printed in texts:
        masked = known.mask(printed.text)
        for run in _runs(masked):
            first = run[0].group(0)
            if _sentence_start(masked, run[0].start()) and _bare(first) in ordinary:
                run = run[1:]  # capitalised only because the sentence starts with it
            while run and _bare(run[0].group(0)) in _FUNCTION_WORDS:
                run = run[1:]
            words = [m.group(0) for m in run]
            if len(words) < 2 or known.contains(words):
                continue
            if any(_bare(w) in _INSTITUTION_WORDS for w in words):
                continue
            start, end = run[0].start(), run[-1].end()
            phrase = _GENITIVE.sub("", printed.text[start:end])
            entry = found.setdefault(phrase_key(phrase), NameLike(phrase, phrase_key(phrase)))
            entry.places.append((printed.where, _context(printed.text, start, end)))
    return list(found.values())


def _runs(text: str) -> Iterable[list[re.Match[str]]]:
    """Runs of two or more name words separated by spaces only (a month or day, a line
    break or any punctuation ends a run)."""
    run: list[re.Match[str]] = []
    for match in _WORD.finditer(text):
        word = match.group(0)
        if _is_name_word(word) and _bare(word) not in _MONTHS_AND_DAYS:
            if run and text[run[-1].end() : match.start()].strip(" \t") != "":
                if len(run) >= 2:
                    yield run
                run = []
            run.append(match)
        else:
            if len(run) >= 2:
                yield run
            run = []
    if len(run) >= 2:
        yield run


def _ordinary_words(texts: Sequence[PrintedText]) -> set[str]:
    """Words written in lower case somewhere: capitalised only because a sentence starts."""
    return {
        w.casefold() for printed in texts for w in _WORD.findall(printed.text) if w[0].islower()
    } | _FUNCTION_WORDS


def _context(text: str, start: int, end: int) -> str:
    """The phrase with a few words either side (whole words, "…" where text was left out)."""
    before = text[max(0, start - CONTEXT_CHARS) : start]
    after = text[end : end + CONTEXT_CHARS]
    lead = tail = ""
    if start > CONTEXT_CHARS:
        before, lead = before.split(" ", 1)[-1] if " " in before else before, "…"
    if end + CONTEXT_CHARS < len(text):
        after, tail = after.rsplit(" ", 1)[0] if " " in after else after, "…"
    return " ".join(f"{lead}{before}{text[start:end]}{after}{tail}".split())


# ---------------------------------------------------------------- the committee brief's text


def highlights(item: InitiativeData) -> list[JournalData]:
    """The journal entries the committee brief shows for an initiative when asked to."""
    return sorted(
        (j for j in item.journal if j.kind in HIGHLIGHT_KINDS),
        key=lambda j: j.date or date.min,
        reverse=True,
    )[:HIGHLIGHTS_PER_INITIATIVE]


def committee_texts(
    initiatives: Sequence[InitiativeData],
    clean: Callable[[str | None], str],
    lang: str,
    *,
    include_journal: bool = False,
    selection: Sequence[str] = (),
) -> list[PrintedText]:
    """The free texts the committee brief prints, as printed (`clean` anonymises them):
    titles, summaries, the indicators of measured outcomes, the journal highlights when included, and the free words of the
    selection (a search text, an owner's name)."""
    texts = [PrintedText(message("names_where_selection", lang), clean(s)) for s in selection if s]
    for item in initiatives:
        reference = item.reference or ""
        texts.append(
            PrintedText(message("names_where_title", lang, reference=reference), clean(item.title))
        )
        if item.summary:
            texts.append(
                PrintedText(
                    message("names_where_summary", lang, reference=reference), clean(item.summary)
                )
            )
        for outcome in item.outcomes:  # "what co-production delivered" prints the indicators
            if outcome.achieved is not None:
                where = message("names_where_outcome", lang, reference=reference)
                texts.append(PrintedText(where, clean(outcome.indicator)))
        if include_journal:
            for entry in highlights(item):
                where = message(
                    "names_where_journal",
                    lang,
                    reference=reference,
                    date=entry.date.isoformat() if entry.date else "",
                )
                texts.append(PrintedText(where, clean(entry.summary)))
    return texts
