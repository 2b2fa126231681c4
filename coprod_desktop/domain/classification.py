"""The classification assistant: plain-language questions drawn from the typology.

Each question's options point to one type of co-production. The assistant pre-answers the
questions from what is already recorded (stakeholder kinds and roles, sector, origin, public
values, frontline role, resources, and words in the texts, Danish or English), so a suggestion
exists before anyone answers; the user may change any answer. The type most answers point to
is suggested, with a secondary type when the evidence is split.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

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

_ORGANISATION_KINDS = {"association", "civil_society_org", "business", "public_authority"}
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


def _text_leaning(initiative: InitiativeData) -> InitiativeType | None:
    text = " ".join(
        part
        for part in (initiative.title, initiative.summary or "", initiative.description or "")
        if part
    ).casefold()
    counts = {kind: sum(text.count(word) for word in words) for kind, words in _TEXT_HINTS.items()}
    best = max(counts, key=lambda k: counts[k])
    ordered = sorted(counts.values(), reverse=True)
    if ordered[0] == 0 or ordered[0] == ordered[1]:
        return None
    return InitiativeType.get(best)


def _option_for(question: str, kind: InitiativeType | None) -> str | None:
    if kind is None:
        return None
    return next(o.key for o in QUESTION_BY_KEY[question].options if o.points_to == kind)


def pre_answer(initiative: InitiativeData) -> dict[str, str | None]:
    """Answers drawn from what is recorded; None where the record says too little."""
    kinds = [i.stakeholder_kind for i in initiative.involvements]
    organisations = sum(k in _ORGANISATION_KINDS for k in kinds)
    units = kinds.count("municipal_unit")
    volunteers = kinds.count("volunteer") + sum(
        1
        for i in initiative.involvements
        if i.stakeholder_kind == "association" and i.role == "contributor"
    )
    users = sum(1 for i in initiative.involvements if i.role == "user")
    volunteer_hours = sum(r.amount for r in initiative.resources if r.kind == "volunteer_hours")
    text_hint = _text_leaning(initiative)

    participants: InitiativeType | None = None
    if kinds:
        if volunteers and (volunteer_hours or volunteers >= organisations):
            participants = COORD
        elif users:
            participants = EMP
        elif organisations + units >= 3 and (
            kinds.count("business") or units >= 2 or organisations >= 3
        ):
            participants = CM
    # Who takes part is only answered from recorded stakeholders: the words of a description
    # ("the association", "volunteers") are no record of who is involved.

    role_map = {
        "facilitating_collaboration": CM,
        "facilitating_empowerment": EMP,
        "coordinating_volunteers": COORD,
    }
    task = role_map.get(initiative.frontline_role or "")

    value_votes = {CM: 0.0, EMP: 0.0, COORD: 0.0}
    for public_value in initiative.public_values:
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

    sector_map = {
        "harbours": CM,
        "tourism_trade": CM,
        "employment": EMP,
        "eldercare": COORD,
        "integration": COORD,
    }
    position = sector_map.get(initiative.sector)
    if position is None and initiative.sector == "planning_environment":
        position = EMP if users else CM

    contribution: InitiativeType | None = None
    if volunteer_hours > 0:
        contribution = COORD
    elif users:
        contribution = EMP
    elif any(
        r.kind in ("external_funding", "in_kind", "facilities") and r.source_id
        for r in initiative.resources
    ):
        contribution = CM

    origin_map = {"protest_response": CM, "partner_initiated": COORD}
    start = origin_map.get(initiative.origin or "")
    if start is None and initiative.origin == "gradual" and users and not volunteers:
        start = EMP

    if position is None:
        position = text_hint
    beneficiaries = text_hint
    if beneficiaries is None:
        beneficiaries = EMP if users else COORD if volunteers else None
    return {
        "participants": _option_for("participants", participants),
        "frontline_task": _option_for("frontline_task", task),
        "public_value": _option_for("public_value", value),
        "municipal_position": _option_for("municipal_position", position),
        "contribution": _option_for("contribution", contribution),
        "start": _option_for("start", start),
        "beneficiaries": _option_for("beneficiaries", beneficiaries),
    }


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
    votes = dict.fromkeys(InitiativeType, 0)
    answered = 0
    for question in QUESTIONS:
        option = question.option(answers.get(question.key))
        if option is not None:
            votes[option.points_to] += 1
            answered += 1
    ranked = sorted(InitiativeType, key=lambda k: (-votes[k], list(InitiativeType).index(k)))
    first, second = ranked[0], ranked[1]
    if answered < 2 or votes[first] < 2 or votes[first] == votes[second]:
        return Suggestion(None, None, votes, answered)
    secondary = second if votes[second] >= 2 else None
    return Suggestion(first, secondary, votes, answered)


def suggest_for(initiative: InitiativeData) -> Suggestion:
    return suggest(pre_answer(initiative))
