"""The classification assistant: plain-language questions drawn from the typology.

Each question's options point to one type of co-production. The assistant pre-answers the
questions from what is already recorded (stakeholder kinds and roles, sector, origin, public
values, frontline role, resources, and words in the texts, Danish or English), so a suggestion
exists before anyone answers; the user may change any answer. The type most answers point to
is suggested, with a secondary type when the evidence is split.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from coprod_desktop.domain.model import InitiativeData
from coprod_desktop.domain.typology import TYPOLOGY, Text
from coprod_desktop.domain.vocab import InitiativeType

CM, EMP, COORD = (
    InitiativeType.CO_MANAGEMENT,
    InitiativeType.EMPOWERMENT,
    InitiativeType.COORDINATION,
)


@dataclass(frozen=True)
class Option:
    key: str
    text: Text
    points_to: InitiativeType


@dataclass(frozen=True)
class Question:
    key: str
    text: Text
    options: tuple[Option, ...]

    def option(self, key: str | None) -> Option | None:
        return next((o for o in self.options if o.key == key), None)


QUESTIONS: tuple[Question, ...] = (
    Question(
        "participants",
        Text("Who takes part?", "Hvem deltager?"),
        (
            Option(
                "many_organisations",
                Text(
                    "Several organisations, businesses and municipal units collaborating",
                    "Flere organisationer, virksomheder og kommunale enheder i samarbejde",
                ),
                CM,
            ),
            Option(
                "citizens_meet_unit",
                Text(
                    "Individual citizens or companies meeting a unit with a regulatory or service role",
                    "Enkelte borgere eller virksomheder, der møder en enhed med en myndigheds- "
                    "eller servicerolle",
                ),
                EMP,
            ),
            Option(
                "volunteers_supplement",
                Text(
                    "Volunteers and associations supplementing a welfare service",
                    "Frivillige og foreninger, der supplerer en velfærdsydelse",
                ),
                COORD,
            ),
        ),
    ),
    Question(
        "frontline_task",
        Text(
            "What does the frontline co-producer mainly do?",
            "Hvad gør frontmedarbejderen primært?",
        ),
        (
            Option(
                "facilitate_collaboration",
                Text(
                    "Facilitates collaboration between organisations",
                    "Faciliterer samarbejde mellem organisationer",
                ),
                CM,
            ),
            Option(
                "empower_users",
                Text(
                    "Helps citizens or companies take charge of their own case",
                    "Hjælper borgere eller virksomheder til selv at tage ansvar for deres sag",
                ),
                EMP,
            ),
            Option(
                "coordinate_volunteers",
                Text(
                    "Coordinates staff's work with what volunteers do",
                    "Koordinerer medarbejdernes arbejde med de frivilliges indsats",
                ),
                COORD,
            ),
        ),
    ),
    Question(
        "public_value",
        Text(
            "Which public value is sought first?",
            "Hvilken offentlig værdi søges først og fremmest?",
        ),
        (
            Option(
                "sustainable_solutions",
                Text(
                    "More sustainable solutions, or turning protest into collaboration",
                    "Mere bæredygtige løsninger eller at vende protest til samarbejde",
                ),
                CM,
            ),
            Option(
                "results_satisfaction",
                Text(
                    "Better results and higher user satisfaction",
                    "Bedre resultater og større brugertilfredshed",
                ),
                EMP,
            ),
            Option(
                "empathy_equality",
                Text(
                    "Relations of empathy and equality",
                    "Relationer præget af empati og ligeværd",
                ),
                COORD,
            ),
        ),
    ),
    Question(
        "municipal_position",
        Text(
            "How does the municipality stand towards the others?",
            "Hvordan står kommunen i forhold til de andre?",
        ),
        (
            Option(
                "partner_among_partners",
                Text("As one partner among several", "Som én partner blandt flere"),
                CM,
            ),
            Option(
                "authority_or_service",
                Text(
                    "As an authority or service provider with a partnership mindset",
                    "Som myndighed eller serviceudbyder med en partnerskabstankegang",
                ),
                EMP,
            ),
            Option(
                "welfare_provider",
                Text(
                    "As the provider of a welfare service that others add to",
                    "Som udbyder af en velfærdsydelse, som andre bidrager til",
                ),
                COORD,
            ),
        ),
    ),
    Question(
        "contribution",
        Text(
            "What do the others mainly contribute?",
            "Hvad bidrager de andre primært med?",
        ),
        (
            Option(
                "assets_and_decisions",
                Text(
                    "Money, land, facilities or a say in decisions",
                    "Penge, jord, lokaler eller indflydelse på beslutninger",
                ),
                CM,
            ),
            Option(
                "own_effort",
                Text(
                    "Their own effort to change their own situation",
                    "Deres egen indsats for at ændre deres egen situation",
                ),
                EMP,
            ),
            Option(
                "volunteer_time",
                Text("Volunteer time", "Frivillig tid"),
                COORD,
            ),
        ),
    ),
    Question(
        "start",
        Text("How did it start?", "Hvordan begyndte det?"),
        (
            Option(
                "protest_or_shared_need",
                Text(
                    "From protest or a need shared by many local actors",
                    "Fra protest eller et behov, som mange lokale aktører deler",
                ),
                CM,
            ),
            Option(
                "casework",
                Text(
                    "From casework with citizens or companies",
                    "Fra sagsbehandling med borgere eller virksomheder",
                ),
                EMP,
            ),
            Option(
                "offer_to_help",
                Text(
                    "Volunteers or an organisation offered to help",
                    "Frivillige eller en organisation tilbød at hjælpe",
                ),
                COORD,
            ),
        ),
    ),
    Question(
        "beneficiaries",
        Text("Who benefits most directly?", "Hvem har den mest direkte gavn af det?"),
        (
            Option(
                "local_community",
                Text(
                    "A local community, a place or a sector as a whole",
                    "Et lokalsamfund, et sted eller en branche som helhed",
                ),
                CM,
            ),
            Option(
                "the_users_themselves",
                Text(
                    "The citizens or companies who take part, in their own situation",
                    "De borgere eller virksomheder, der deltager, i deres egen situation",
                ),
                EMP,
            ),
            Option(
                "people_receiving_welfare",
                Text(
                    "People receiving a welfare service, met by volunteers too",
                    "Modtagere af en velfærdsydelse, som også mødes af frivillige",
                ),
                COORD,
            ),
        ),
    ),
)
QUESTION_BY_KEY = {q.key: q for q in QUESTIONS}

ORGANISATION_KINDS = {"association", "civil_society_org", "business", "public_authority"}
_TEXT_HINTS: dict[str, tuple[str, ...]] = {
    # Word stems in English and Danish that point to one practice.
    "co_management": (
        "partnership",
        "partnerskab",
        "harbour",
        "havn",
        "brand",
        "landowner",
        "lodsejer",
        "business",
        "virksomhed",
        "erhverv",
        "local council",
        "lokalråd",
        "protest",
    ),
    "empowerment": (
        "unemployed",
        "ledig",
        "applicant",
        "ansøger",
        "building permit",
        "byggesag",
        "user-run",
        "brugerdrevet",
        "job",
        "recovery",
        "young people",
        "unge",
        "peer",
        "bruger",
        "users",
        "klient",
        "client",
    ),
    "coordination": (
        "volunteer",
        "frivillig",
        "refugee",
        "flygtning",
        "care centre",
        "plejecenter",
        "loneliness",
        "ensomhed",
        "visiting",
        "besøgsven",
    ),
}


_HINT_KINDS = tuple(_TEXT_HINTS)


@functools.cache
def _hint_automaton() -> Any:
    """Every hint word in one Aho-Corasick automaton: a text is read once, not once per word
    (the portfolio's JSON listing asks this of 20,000 texts)."""
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for index, kind in enumerate(_HINT_KINDS):
        for word in _TEXT_HINTS[kind]:
            # A word that can overlap itself ("partnership" ends as it starts) is counted by
            # str.count, which skips overlapping occurrences; any other word's occurrences
            # never overlap, so each one the automaton finds counts.
            overlaps = any(word[:n] == word[-n:] for n in range(1, len(word)))
            automaton.add_word(word, (word, index, overlaps))
    automaton.make_automaton()
    return automaton


def _counts(text: str) -> list[int]:
    counts = [0] * len(_HINT_KINDS)
    overlapping: set[tuple[str, int]] = set()
    for _end, (word, index, overlaps) in _hint_automaton().iter(text):
        if overlaps:
            overlapping.add((word, index))
        else:
            counts[index] += 1
    for word, index in overlapping:
        counts[index] += text.count(word)
    return counts


def hint_counts(text: str) -> dict[str, int]:
    """How often the hint words of each practice occur in a case-folded text: for each kind,
    the sum of `text.count(word)` over its words (tests/core/domain check it is exactly that)."""
    return dict(zip(_HINT_KINDS, _counts(text), strict=True))


def leaning(text: str) -> InitiativeType | None:
    """The type the hint words of a text point to (None: no hint, or a tie)."""
    counts = _counts(text.casefold())
    most = max(counts)
    if most == 0 or counts.count(most) > 1:
        return None
    return InitiativeType.get(_HINT_KINDS[counts.index(most)])


def _text_leaning(initiative: InitiativeData) -> InitiativeType | None:
    return leaning(
        " ".join(
            part
            for part in (initiative.title, initiative.summary or "", initiative.description or "")
            if part
        )
    )


# (question, type) -> the first option pointing to it; (question, option key) -> the option
_OPTION_TO: dict[tuple[str, InitiativeType], str] = {}
_OPTION_BY_KEY: dict[tuple[str, str], Option] = {}
for _question in QUESTIONS:
    for _option in _question.options:
        _OPTION_TO.setdefault((_question.key, _option.points_to), _option.key)
        _OPTION_BY_KEY.setdefault((_question.key, _option.key), _option)


def _option_for(question: str, kind: InitiativeType | None) -> str | None:
    return None if kind is None else _OPTION_TO[(question, kind)]


@dataclass(slots=True)  # not frozen: made once per listed initiative, 20,000 at a time
class RecordedFacts:
    """What the assistant's pre-answers read of an initiative: its own fields, counts over
    its involvements (stakeholder kind and role) and two facts about its resources. The
    portfolio's JSON listing gathers these counts in SQL for thousands of initiatives at once
    (services/portfolio_query.py); `facts_of` is the reference, from the records themselves."""

    leaning: InitiativeType | None  # the type the words of the texts point to, if any
    sector: str
    origin: str | None
    frontline_role: str | None
    public_values: tuple[str, ...]
    involvements: int = 0
    organisations: int = 0  # involved stakeholders of an organisation kind
    municipal_units: int = 0
    businesses: int = 0
    volunteers: int = 0  # volunteers, and associations that contribute
    users: int = 0  # involvements in the role of user
    volunteer_hours: bool = False  # volunteer hours recorded (amounts are never negative)
    sourced_contribution: bool = False  # funding, in kind or facilities from a stakeholder


def facts_of(initiative: InitiativeData) -> RecordedFacts:
    kinds = [i.stakeholder_kind for i in initiative.involvements]
    volunteer_hours = sum(r.amount for r in initiative.resources if r.kind == "volunteer_hours")
    return RecordedFacts(
        leaning=_text_leaning(initiative),
        sector=initiative.sector,
        origin=initiative.origin,
        frontline_role=initiative.frontline_role,
        public_values=tuple(initiative.public_values),
        involvements=len(kinds),
        organisations=sum(k in ORGANISATION_KINDS for k in kinds),
        municipal_units=kinds.count("municipal_unit"),
        businesses=kinds.count("business"),
        volunteers=kinds.count("volunteer")
        + sum(
            1
            for i in initiative.involvements
            if i.stakeholder_kind == "association" and i.role == "contributor"
        ),
        users=sum(1 for i in initiative.involvements if i.role == "user"),
        volunteer_hours=volunteer_hours > 0,
        sourced_contribution=any(
            r.kind in ("external_funding", "in_kind", "facilities") and r.source_id
            for r in initiative.resources
        ),
    )


def pre_answer(initiative: InitiativeData) -> dict[str, str | None]:
    """Answers drawn from what is recorded; None where the record says too little."""
    return answers_from(facts_of(initiative))


_ROLE_MAP = {
    "facilitating_collaboration": CM,
    "facilitating_empowerment": EMP,
    "coordinating_volunteers": COORD,
}
_SECTOR_MAP = {
    "harbours": CM,
    "tourism_trade": CM,
    "employment": EMP,
    "eldercare": COORD,
    "integration": COORD,
}
_ORIGIN_MAP = {"protest_response": CM, "partner_initiated": COORD}


def answers_from(facts: RecordedFacts) -> dict[str, str | None]:
    """The pre-answers from the recorded facts (see `pre_answer`)."""
    return {
        question: _option_for(question, kind)
        for question, kind in zip(_QUESTION_KEYS, _pointing_to(facts), strict=True)
    }


def _pointing_to(facts: RecordedFacts) -> tuple[InitiativeType | None, ...]:
    """The type each question's pre-answer points to (in the order of QUESTIONS), or None."""
    organisations, units = facts.organisations, facts.municipal_units
    volunteers, users = facts.volunteers, facts.users
    text_hint = facts.leaning

    participants: InitiativeType | None = None
    if facts.involvements:
        if volunteers and (facts.volunteer_hours or volunteers >= organisations):
            participants = COORD
        elif users:
            participants = EMP
        elif organisations + units >= 3 and (facts.businesses or units >= 2 or organisations >= 3):
            participants = CM
    # Who takes part is only answered from recorded stakeholders: the words of a description
    # ("the association", "volunteers") are no record of who is involved.

    task = _ROLE_MAP.get(facts.frontline_role or "")

    value_votes = {CM: 0.0, EMP: 0.0, COORD: 0.0}
    for public_value in facts.public_values:
        if public_value in ("sustainable_solutions", "protest_to_collaboration"):
            value_votes[CM] += 1
        elif public_value in ("better_results", "user_satisfaction"):
            value_votes[EMP] += 1
        elif public_value == "empathy_equality":
            value_votes[COORD] += 1
        elif public_value == "mobilising_resources":  # shared by co-management and coordination
            value_votes[CM] += 0.5
            value_votes[COORD] += 0.5
    best_value = max(value_votes, key=lambda k: value_votes[k])
    ranked = sorted(value_votes.values(), reverse=True)
    value = best_value if ranked[0] > 0 and ranked[0] > ranked[1] else None

    position = _SECTOR_MAP.get(facts.sector)
    if position is None and facts.sector == "planning_environment":
        position = EMP if users else CM

    contribution: InitiativeType | None = None
    if facts.volunteer_hours:
        contribution = COORD
    elif users:
        contribution = EMP
    elif facts.sourced_contribution:
        contribution = CM

    start = _ORIGIN_MAP.get(facts.origin or "")
    if start is None and facts.origin == "gradual" and users and not volunteers:
        start = EMP

    if position is None:
        position = text_hint
    beneficiaries = text_hint
    if beneficiaries is None:
        beneficiaries = EMP if users else COORD if volunteers else None
    return (participants, task, value, position, contribution, start, beneficiaries)


_QUESTION_KEYS = (
    "participants",
    "frontline_task",
    "public_value",
    "municipal_position",
    "contribution",
    "start",
    "beneficiaries",
)
assert {q.key for q in QUESTIONS} == set(_QUESTION_KEYS)


_TYPES = tuple(InitiativeType)
_TYPE_ORDER = {kind: index for index, kind in enumerate(_TYPES)}  # ties: vocabulary order


@dataclass(frozen=True)
class Suggestion:
    primary: InitiativeType | None
    secondary: InitiativeType | None
    votes: dict[InitiativeType, int] = field(default_factory=dict)
    answered: int = 0

    def rationale(self, lang: str = "en") -> str:
        """A short rationale quoting the typology."""
        if self.primary is None:
            return (
                "Too little is recorded to suggest a type."
                if lang != "da"
                else "Der er registreret for lidt til at foreslå en type."
            )
        card = TYPOLOGY[self.primary]
        votes = self.votes[self.primary]
        if lang == "da":
            text = (
                f"{self.primary.label('da')}: {votes} af {self.answered} svar peger her hen. "
                f"Typologien: «{card.characteristics.da}» Frontmedarbejderens rolle: "
                f"«{card.role.da}»"
            )
            if self.secondary is not None:
                text += f" Sekundært træk af {self.secondary.label('da').lower()}."
            return text
        text = (
            f"{self.primary.label('en')}: {votes} of {self.answered} answers point here. "
            f"The typology: “{card.characteristics.en}” Role of the frontline co-producer: "
            f"“{card.role.en}”"
        )
        if self.secondary is not None:
            text += f" Secondary traits of {self.secondary.label('en').lower()}."
        return text


def suggest(answers: Mapping[str, str | None]) -> Suggestion:
    """The type most answers point to; a secondary type when the evidence is split."""
    votes = dict.fromkeys(_TYPES, 0)
    answered = 0
    for question in QUESTIONS:
        option = _OPTION_BY_KEY.get((question.key, answers.get(question.key) or ""))
        if option is not None:
            votes[option.points_to] += 1
            answered += 1
    ranked = sorted(_TYPES, key=lambda k: (-votes[k], _TYPE_ORDER[k]))
    first, second = ranked[0], ranked[1]
    if answered < 2 or votes[first] < 2 or votes[first] == votes[second]:
        return Suggestion(None, None, votes, answered)
    secondary = second if votes[second] >= 2 else None
    return Suggestion(first, secondary, votes, answered)


def suggested_from(facts: RecordedFacts) -> InitiativeType | None:
    """`suggest(answers_from(facts)).primary`, counted straight from the types the answers
    point to (every question has an option for every type, so each answer is one vote)."""
    pointing = [kind for kind in _pointing_to(facts) if kind is not None]
    votes = dict.fromkeys(_TYPES, 0)
    for kind in pointing:
        votes[kind] += 1
    first, second = sorted(_TYPES, key=lambda k: (-votes[k], _TYPE_ORDER[k]))[:2]
    if len(pointing) < 2 or votes[first] < 2 or votes[first] == votes[second]:
        return None
    return first


def suggest_for(initiative: InitiativeData) -> Suggestion:
    return suggest(pre_answer(initiative))
