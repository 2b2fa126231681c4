"""Name-like phrases in public briefs: the check before a committee brief, and the user's
decisions (keep a phrase, or print a replacement instead).

The decisions live in the database (`name_decision`), keyed by the phrase without case or
spacing differences, so a brief can be re-made without asking again and a team shares them.
The check looks at exactly the free text the committee brief would print, after the
recorded persons are anonymised and the decided replacements applied; what is left and not
yet decided is returned for review.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from coprod_desktop.domain.anonymise import Anonymiser, Person
from coprod_desktop.domain.errors import Problem, ValidationError
from coprod_desktop.domain.model import InitiativeData
from coprod_desktop.domain.public_names import (
    KnownTerms,
    NameLike,
    committee_texts,
    find_name_like,
    organisation_phrases,
    phrase_key,
    place_phrases,
    vocabulary_labels,
)
from coprod_desktop.services import reporting
from coprod_desktop.services.portfolio_query import PortfolioFilter
from coprod_desktop.store import models as m
from coprod_desktop.store.db import Database

PHRASE_LIMIT = 300
PERSON_KINDS = ("citizen", "volunteer")  # natural persons whatever the record says


@dataclass(frozen=True)
class NameDecision:
    phrase: str
    replacement: str | None  # None: keep the phrase as it stands
    decided_by: str
    decided_at: datetime

    @property
    def key(self) -> str:
        return phrase_key(self.phrase)


@dataclass(frozen=True)
class PublicText:
    """What a public brief needs to print its free text safely."""

    persons: list[Person]
    organisations: list[str]
    replacements: dict[str, str]

    def anonymiser(self, lang: str) -> Anonymiser:
        return Anonymiser(
            self.persons, lang, organisations=self.organisations, phrases=self.replacements
        )


# ---------------------------------------------------------------- decisions


def list_decisions(db: Database) -> list[NameDecision]:
    """Every decision, by phrase."""
    with db.session() as session:
        rows = session.scalars(select(m.NameDecision).order_by(m.NameDecision.phrase_key)).all()
        return [NameDecision(r.phrase, r.replacement, r.decided_by, r.decided_at) for r in rows]


def _checked(phrase: str, replacement: str | None) -> tuple[str, str | None]:
    phrase = " ".join(phrase.split())
    problems = []
    if not any(c.isalnum() for c in phrase):
        problems.append(Problem("phrase", "names_phrase_empty"))
    elif len(phrase) > PHRASE_LIMIT:
        problems.append(Problem("phrase", "too_long", {"limit": PHRASE_LIMIT}))
    if replacement is not None:
        replacement = " ".join(replacement.split())
        if not replacement:
            problems.append(Problem("replacement", "names_replacement_empty"))
        elif len(replacement) > PHRASE_LIMIT:
            problems.append(Problem("replacement", "too_long", {"limit": PHRASE_LIMIT}))
        elif phrase_key(replacement) == phrase_key(phrase):
            replacement = None  # "replaced" by itself: kept
    if problems:
        raise ValidationError(problems)
    return phrase, replacement


def decide(
    db: Database, phrase: str, replacement: str | None = None, who: str | None = None
) -> NameDecision:
    """Keep `phrase` in public briefs (`replacement` None) or print `replacement` instead.
    A later decision on the same phrase (any case or spacing) replaces the earlier one."""
    return decide_many(db, [(phrase, replacement)], who)[0]


def decide_many(
    db: Database, decisions: Sequence[tuple[str, str | None]], who: str | None = None
) -> list[NameDecision]:
    """Several decisions at once (all or nothing; a bad one writes none)."""
    checked = [_checked(phrase, replacement) for phrase, replacement in decisions]
    by = who or db.user
    now = m.utcnow()
    stored = []
    with db.session() as session:
        for phrase, replacement in checked:
            row = _decision_row(session, phrase_key(phrase))
            row.phrase, row.replacement, row.decided_by, row.decided_at = (
                phrase,
                replacement,
                by,
                now,
            )
            session.flush()
            stored.append(NameDecision(phrase, replacement, by, now))
    return stored


def _decision_row(session: Session, key: str) -> m.NameDecision:
    """The stored row of `key`, made if there is none. Two users deciding on a new phrase at
    the same moment: the second insert fails on the unique key (only its savepoint is rolled
    back) and updates the row the first one made."""
    query = select(m.NameDecision).where(m.NameDecision.phrase_key == key)
    row = session.scalars(query).first()
    if row is not None:
        return row
    try:
        with session.begin_nested():
            row = m.NameDecision(phrase_key=key, phrase=key, decided_by="", decided_at=m.utcnow())
            session.add(row)
            session.flush()
        return row
    except IntegrityError:
        return session.scalars(query).one()


def forget(db: Database, phrase: str) -> bool:
    """Remove the decision on `phrase` (it is asked about again); False if there was none."""
    with db.session() as session:
        result = session.execute(
            delete(m.NameDecision).where(m.NameDecision.phrase_key == phrase_key(phrase))
        )
        return bool(getattr(result, "rowcount", 0))


# ---------------------------------------------------------------- the check


def public_text(db: Database) -> PublicText:
    """The recorded persons, the known organisations and the decided replacements."""
    table = m.Stakeholder.__table__
    with db.reading() as connection:
        organisations = [
            row.name
            for row in connection.execute(
                select(table.c.name).where(
                    table.c.is_person.is_(False), table.c.kind.not_in(PERSON_KINDS)
                )
            )
        ]
    replacements = {
        d.phrase: d.replacement for d in list_decisions(db) if d.replacement is not None
    }
    return PublicText(reporting.recorded_persons(db), organisations, replacements)


def known_terms(
    initiatives: Sequence[InitiativeData], organisations: Sequence[str], municipality: str = ""
) -> KnownTerms:
    """Organisations, the initiatives' places, the municipality and every vocabulary label."""
    return KnownTerms(
        [
            *organisation_phrases(organisations),
            *place_phrases([i.area for i in initiatives]),
            *([municipality] if municipality.strip() else []),
            *vocabulary_labels(),
        ]
    )


def selection_words(flt: PortfolioFilter | None) -> list[str]:
    """The free words of a filter that a brief prints (search text, owner)."""
    if flt is None:
        return []
    return [w for w in (flt.search, flt.owner or "") if w and w.strip()]


def committee_check(
    db: Database,
    flt: PortfolioFilter | None,
    lang: str,
    *,
    include_journal: bool = False,
    municipality: str = "",
    initiatives: Sequence[InitiativeData] | None = None,
) -> list[NameLike]:
    """The name-like phrases the public committee brief would print that nobody has
    decided on yet (empty: the brief may be written)."""
    data = (
        list(initiatives)
        if initiatives is not None
        else reporting.load_portfolio(db, flt, light=True)
    )
    safe = public_text(db)
    hide = safe.anonymiser(lang)
    texts = committee_texts(
        data, hide.text, lang, include_journal=include_journal, selection=selection_words(flt)
    )
    decided = {d.key for d in list_decisions(db)}
    found = find_name_like(texts, known_terms(data, safe.organisations, municipality))
    return [n for n in found if n.key not in decided and n.key.removesuffix("s") not in decided]
