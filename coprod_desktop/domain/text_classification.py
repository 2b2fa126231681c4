"""Classifying an initiative from plain text: a title and a paragraph, in Danish or English.

Practitioners often record little more than a description. This reads it for cues drawn from
the article's typology table (`domain/typology.py`, Agger & Tortzen 2023, table 1), one group
of cues per cell of the table: who takes part (characteristics), what the frontline
co-producer does (role), the public value sought, and the table's examples. Every cue is a
word stem in English or Danish; a group counts once however often its words occur, so one
repeated word does not outvote the rest.

One rule reads two cells together, because the table's definition of empowerment does: a
public employee with a regulatory role (inspections, permits, case handling, building
regulation, job centre) who meets citizens or companies as partners is empowerment, even
though "partner" alone points to co-management.

`suggest_from_text` always gives a suggestion when there is any text, with a confidence
(high, medium, low), the phrases it found and, for a recorded initiative, the facts of the
record it also weighed (stakeholders, resources, sector, origin, values, frontline role). The
record's own answers (`classification.pre_answer` without the text) count as facts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cache

from coprod_desktop.domain.model import InitiativeData
from coprod_desktop.domain.typology import TYPOLOGY, Text
from coprod_desktop.domain.vocab import InitiativeType

CM, EMP, COORD = (
    InitiativeType.CO_MANAGEMENT,
    InitiativeType.EMPOWERMENT,
    InitiativeType.COORDINATION,
)
HIGH, MEDIUM, LOW = "high", "medium", "low"


@dataclass(frozen=True)
class CueGroup:
    """Word stems (English and Danish) that show one cell of the typology table."""

    key: str
    points_to: InitiativeType
    cell: str  # characteristics | role | public_value | examples (the table's rows)
    weight: float
    stems: tuple[str, ...]
    meaning: Text  # what finding it says, for the rationale


CUE_GROUPS: tuple[CueGroup, ...] = (
    # ---- co-management: "collaboration between many actors: municipal units, civic and local
    # organisations, companies"; "facilitating inter-organisational collaboration"; "mobilising
    # resources; more sustainable solutions; turning protest into collaboration"; harbours, a
    # tourism brand
    CueGroup(
        "many_actors",
        CM,
        "characteristics",
        2.0,
        (
            "steering group",
            "styregruppe",
            "partnership",
            "partnerskab",
            "companies",
            "businesses",
            "business association",
            "virksomheder",
            "erhvervsliv",
            "erhvervsforening",
            "local council",
            "lokalråd",
            "associations",
            "foreninger",
            "landowner",
            "lodsejer",
            "housing association",
            "boligselskab",
            "foundation",
            "fonden",
            "several departments",
            "across departments",
            "på tværs af forvaltning",
            "flere forvaltninger",
            "many actors",
            "mange aktører",
            "local actors",
            "lokale aktører",
            "stakeholders",
            "interessenter",
            "network of",
            "netværk af",
        ),
        Text("many actors share the work", "mange aktører deler arbejdet"),
    ),
    CueGroup(
        "shared_solution",
        CM,
        "public_value",
        1.5,
        (
            "shared plan",
            "joint plan",
            "master plan",
            "fælles plan",
            "helhedsplan",
            "masterplan",
            "climate adaptation",
            "klimatilpasning",
            "area renewal",
            "områdefornyelse",
            "co-fund",
            "co-financ",
            "medfinansier",
            "jointly",
            "i fællesskab",
            "operating agreement",
            "driftsaftale",
            "share the costs",
            "deler udgift",
            "sustainable",
            "bæredygtig",
        ),
        Text("a shared, more sustainable solution", "en fælles, mere bæredygtig løsning"),
    ),
    CueGroup(
        "protest",
        CM,
        "public_value",
        1.5,
        (
            "protest",
            "petition",
            "opposition",
            "objection",
            "dissatisf",
            "underskrift",
            "modstand",
            "indsigelse",
            "utilfreds",
        ),
        Text("protest turned into collaboration", "protest vendt til samarbejde"),
    ),
    CueGroup(
        "cm_examples",
        CM,
        "examples",
        1.0,
        (
            "harbour",
            "harbor",
            "marina",
            "havn",
            "tourism",
            "turisme",
            "turist",
            "destination",
            "brand",
            "quay",
            "kaj",
        ),
        Text(
            "like the table's harbour and tourism examples",
            "som tabellens havne- og turismeeksempler",
        ),
    ),
    # ---- empowerment: "public employees with a regulatory role meet citizens or companies
    # with a partnership mindset"; "facilitating empowerment of users"; "better results; higher
    # user satisfaction"; unemployed citizens creating jobs, applicants as partners in
    # building regulation
    CueGroup(
        "regulatory_role",
        EMP,
        "characteristics",
        1.5,
        (
            "inspection",
            "inspector",
            "permit",
            "licence",
            "license",
            "case handling",
            "casework",
            "caseworker",
            "case officer",
            "case processing",
            "building regulation",
            "regulatory",
            "authority",
            "enforcement",
            "supervision",
            "approval",
            "job centre",
            "job center",
            "benefit",
            "tilsyn",
            "tilladelse",
            "byggesag",
            "sagsbehandl",
            "myndighed",
            "kontrol",
            "godkendelse",
            "jobcent",
            "ydelse",
            "bevilling",
            "visitation",
            "påbud",
        ),
        Text(
            "a public employee with a regulatory role", "en offentligt ansat med en myndighedsrolle"
        ),
    ),
    CueGroup(
        "users_take_charge",
        EMP,
        "role",
        2.0,
        (
            "unemployed",
            "their own",
            "own job",
            "take charge",
            "self-help",
            "user-run",
            "run by its users",
            "run by the users",
            "run by young",
            "peer",
            "recovery",
            "empower",
            "ledige",
            "deres egen",
            "deres eget",
            "egne job",
            "brugerdrevet",
            "drevet af brugerne",
            "drevet af de unge",
            "selv at",
            "selv tage",
            "mestring",
            "recovery",
            "empowerment",
            "på egne ben",
            "own situation",
            "egen situation",
            "themselves",
            "selv ",
            "own business",
            "egen virksomhed",
        ),
        Text(
            "users take charge of their own situation",
            "brugerne tager selv ansvar for deres situation",
        ),
    ),
    CueGroup(
        "results_satisfaction",
        EMP,
        "public_value",
        1.0,
        (
            "better results",
            "satisfaction",
            "faster decision",
            "fewer complaints",
            "bedre resultater",
            "tilfredshed",
            "hurtigere afgørelse",
            "færre klager",
            "sagsbehandlingstid",
            "processing time",
        ),
        Text("better results and satisfied users", "bedre resultater og tilfredse brugere"),
    ),
    CueGroup(
        "emp_examples",
        EMP,
        "examples",
        1.0,
        (
            "applicant",
            "ansøger",
            "job creation",
            "create jobs",
            "skabe job",
            "start-up",
            "iværksæt",
        ),
        Text(
            "like the table's jobs and building-permit examples",
            "som tabellens job- og byggesagseksempler",
        ),
    ),
    # ---- coordination: "volunteers' and organisations' contributions supplement public
    # welfare"; "coordinating public employees' activities with voluntary activities";
    # "mobilising resources; relations of empathy and equality"; volunteers welcoming refugees,
    # local volunteers in assisted-living facilities
    CueGroup(
        "volunteers",
        COORD,
        "characteristics",
        2.5,
        (
            "volunteer",
            "voluntary",
            "frivillig",
            "visiting friend",
            "befriend",
            "besøgsven",
            "red cross",
            "røde kors",
            "ældre sagen",
            "age concern",
            "helpers",
            "hjælpere",
        ),
        Text("volunteers contribute", "frivillige bidrager"),
    ),
    CueGroup(
        "welfare_service",
        COORD,
        "role",
        1.0,
        (
            "care centre",
            "care home",
            "nursing home",
            "assisted living",
            "home care",
            "plejecent",
            "plejehjem",
            "hjemmepleje",
            "ældrepleje",
            "library",
            "bibliotek",
            "residents",
            "beboerne",
            "welfare",
            "velfærd",
            "staff and volunteers",
            "personale og frivillige",
            "homework café",
            "lektiecafé",
            "hospital",
            "coordinat",
            "koordiner",
            "supplement",
            "supplere",
            "with the staff",
            "med personalet",
        ),
        Text("a welfare service that others add to", "en velfærdsydelse, som andre supplerer"),
    ),
    CueGroup(
        "empathy",
        COORD,
        "public_value",
        1.0,
        (
            "lonel",
            "ensom",
            "empathy",
            "empati",
            "equal footing",
            "ligeværd",
            "friendship",
            "venskab",
            "company for",
            "selskab",
            "shared meal",
            "spisefællesskab",
            "walking group",
            "gåfællesskab",
            "mentor",
            "fællesskab for",
        ),
        Text("relations of empathy and equality", "relationer præget af empati og ligeværd"),
    ),
    CueGroup(
        "coord_examples",
        COORD,
        "examples",
        1.0,
        ("refugee", "flygtning", "newcomer", "nyankom", "older people", "ældre", "elderly"),
        Text(
            "like the table's refugee and care examples",
            "som tabellens flygtninge- og plejeeksempler",
        ),
    ),
)

# Meeting citizens or companies as partners: with a regulatory role, the table's empowerment.
_AS_PARTNERS = (
    "as partner",
    "as a partner",
    "as equal",
    "partnership mindset",
    "in dialogue",
    "dialogue with",
    "together with the applicant",
    "together with citizens",
    "together with the companies",
    "guidance",
    "sparring",
    "som partner",
    "som ligeværdig",
    "partnerskabstankegang",
    "i dialog",
    "dialog med",
    "sammen med ansøger",
    "sammen med borger",
    "sammen med virksomhed",
    "vejledning",
    "i øjenhøjde",
    "meets citizens",
    "meet citizens",
    "meets companies",
    "meet companies",
    "møder borger",
    "møder virksomhed",
    "partnership with",
    "in a partnership",
    "partnerskab med",
    "i et partnerskab",
)
REGULATORY_PARTNERSHIP = CueGroup(
    "regulatory_partnership",
    EMP,
    "characteristics",
    4.0,
    _AS_PARTNERS,
    Text(
        "a regulatory role meeting citizens or companies as partners",
        "en myndighedsrolle, der møder borgere eller virksomheder som partnere",
    ),
)


@cache
def _pattern(stem: str) -> re.Pattern[str]:
    # a stem matches at the start of a word ("volunteer" in "volunteers", "frivillig" in
    # "frivillige"); a space in it matches any run of white space
    body = r"\s+".join(re.escape(part) for part in stem.split())
    return re.compile(rf"(?<!\w){body}", re.IGNORECASE)


def _found(text: str, stems: tuple[str, ...]) -> list[str]:
    """The phrases of `text` that match `stems`, as written in the text, once each."""
    phrases: list[str] = []
    for stem in stems:
        match = _pattern(stem).search(text)
        if match is not None:
            end = match.end()
            while end < len(text) and (text[end].isalnum() or text[end] == "-"):
                end += 1  # the whole word: "volunteers", not "volunteer"
            phrase = text[match.start() : end]
            if phrase.casefold() not in (p.casefold() for p in phrases):
                phrases.append(phrase)
    return phrases


@dataclass(frozen=True)
class Cue:
    group: CueGroup
    phrases: tuple[str, ...]


@dataclass(frozen=True)
class TextSuggestion:
    """A type suggested from text (and the record's facts), how sure, and why."""

    primary: InitiativeType | None
    confidence: str  # high | medium | low
    cues: tuple[Cue, ...] = ()
    facts: tuple[Text, ...] = ()
    scores: dict[InitiativeType, float] = field(default_factory=dict)

    @property
    def phrases(self) -> list[str]:
        return [p for cue in self.cues for p in cue.phrases]

    def rationale(self, lang: str = "en") -> str:
        if self.primary is None:
            return (
                "Nothing is written to suggest a type from."
                if lang != "da"
                else "Der er ikke skrevet noget at foreslå en type ud fra."
            )
        da = lang == "da"
        own = [c for c in self.cues if c.group.points_to == self.primary]
        label = self.primary.label(lang)
        sure = {
            HIGH: ("high", "høj"),
            MEDIUM: ("medium", "middel"),
            LOW: ("low", "lav"),
        }[self.confidence][1 if da else 0]
        parts = [f"{label} ({'sikkerhed' if da else 'confidence'}: {sure})."]
        if own:
            left, right = ("»", "«") if da else ("“", "”")
            found = "; ".join(
                f"{c.group.meaning.get(lang)}: " + ", ".join(f"{left}{p}{right}" for p in c.phrases)
                for c in own
            )
            parts.append(("Teksten nævner " if da else "The text mentions ") + found + ".")
        else:
            parts.append(
                "Teksten nævner intet, der tydeligt peger på en type."
                if da
                else "The text names nothing that clearly points to a type."
            )
        if self.facts:
            parts.append(
                ("Registreringen: " if da else "The record: ")
                + "; ".join(f.get(lang) for f in self.facts)
                + "."
            )
        card = TYPOLOGY[self.primary]
        parts.append(
            ("Typologien: «" if da else "The typology: “") + card.characteristics.get(lang)
        )
        parts[-1] += "»" if da else "”"
        return " ".join(parts)


def text_cues(text: str) -> list[Cue]:
    """Every cue group the text shows, with the phrases that show it."""
    cues = [Cue(g, tuple(found)) for g in CUE_GROUPS if (found := _found(text, g.stems))]
    listed = _LISTED_PARTIES.search(text)
    if listed is not None:
        cues.append(Cue(LISTED_PARTIES, (" ".join(listed.group(0).split()),)))
    regulatory = any(c.group.key == "regulatory_role" for c in cues)
    if regulatory:
        partners = _found(text, _AS_PARTNERS)
        if partners:
            cues.append(Cue(REGULATORY_PARTNERSHIP, tuple(partners)))
    return cues


# "A, B, C and D do something together": three or more parties named in one breath is the
# table's "collaboration between many actors" even when none of them is a cue word.
_LISTED_PARTIES = re.compile(r"[^,.;:\n]+,[^,.;:\n]+,[^.;:\n]*?\s(?:and|og)\s", re.IGNORECASE)
LISTED_PARTIES = CueGroup(
    "listed_parties",
    CM,
    "characteristics",
    1.0,
    (),
    Text("several parties named together", "flere parter nævnt sammen"),
)


def _score(cues: list[Cue]) -> dict[InitiativeType, float]:
    scores = dict.fromkeys(InitiativeType, 0.0)
    regulatory_partners = any(c.group is REGULATORY_PARTNERSHIP for c in cues)
    for cue in cues:
        weight = cue.group.weight
        if regulatory_partners and cue.group.key == "many_actors":
            # "partnership" here is the empowerment mindset, not many actors sharing the work
            only_partner_words = all(p.casefold().startswith("partner") for p in cue.phrases)
            weight = 0.0 if only_partner_words else weight / 2
        # a second phrase of the same group adds a little, never as much as a new group
        scores[cue.group.points_to] += weight * (1 + 0.25 * min(len(cue.phrases) - 1, 2))
    return scores


# What the record says, as the facts a rationale names (the assistant's own pre-answers).
_FACT_WORDS: dict[str, dict[InitiativeType, Text]] = {
    "participants": {
        CM: Text("several organisations take part", "flere organisationer deltager"),
        EMP: Text("citizens take part as users", "borgere deltager som brugere"),
        COORD: Text("volunteers take part", "frivillige deltager"),
    },
    "frontline_task": {
        CM: Text(
            "the frontline role facilitates collaboration", "frontrollen faciliterer samarbejde"
        ),
        EMP: Text(
            "the frontline role facilitates empowerment", "frontrollen faciliterer empowerment"
        ),
        COORD: Text(
            "the frontline role coordinates volunteers", "frontrollen koordinerer frivillige"
        ),
    },
    "public_value": {
        CM: Text("the values sought are co-management's", "de søgte værdier er samstyringens"),
        EMP: Text("the values sought are empowerment's", "de søgte værdier er empowermentens"),
        COORD: Text("the values sought are coordination's", "de søgte værdier er koordineringens"),
    },
    "municipal_position": {
        CM: Text("the sector is one of co-management", "sektoren er typisk for samstyring"),
        EMP: Text("the sector is one of empowerment", "sektoren er typisk for empowerment"),
        COORD: Text("the sector is one of coordination", "sektoren er typisk for koordinering"),
    },
    "contribution": {
        CM: Text(
            "partners put in money or facilities", "partnere bidrager med penge eller lokaler"
        ),
        EMP: Text("users put in their own effort", "brugerne bidrager med egen indsats"),
        COORD: Text("volunteer hours are recorded", "der er registreret frivillige timer"),
    },
    "start": {
        CM: Text("it began as a response to protest", "det begyndte som svar på protest"),
        EMP: Text("it grew out of casework", "det voksede ud af sagsbehandling"),
        COORD: Text("a partner offered to help", "en partner tilbød at hjælpe"),
    },
    "beneficiaries": {
        CM: Text("a local community benefits", "et lokalsamfund har gavn af det"),
        EMP: Text("the users themselves benefit", "brugerne selv har gavn af det"),
        COORD: Text("people receiving welfare benefit", "modtagere af velfærd har gavn af det"),
    },
}
FACT_WEIGHT = 1.5


def record_facts(initiative: InitiativeData) -> list[tuple[InitiativeType, Text]]:
    """What the record itself says (not its text): the assistant's pre-answers without text."""
    from coprod_desktop.domain.classification import QUESTION_BY_KEY, pre_answer

    silent = replace(initiative, title="", summary=None, description=None)
    found: list[tuple[InitiativeType, Text]] = []
    for question, answer in pre_answer(silent).items():
        option = QUESTION_BY_KEY[question].option(answer)
        if option is not None and question in _FACT_WORDS:
            found.append((option.points_to, _FACT_WORDS[question][option.points_to]))
    return found


def _fallback(initiative: InitiativeData | None) -> InitiativeType:
    """With nothing to go on, the type the sector most often has (a low-confidence guess)."""
    sector = initiative.sector if initiative is not None else "other"
    by_sector = {
        "harbours": CM,
        "tourism_trade": CM,
        "planning_environment": CM,
        "employment": EMP,
        "social": EMP,
        "eldercare": COORD,
        "integration": COORD,
        "culture_leisure": COORD,
        "health": COORD,
    }
    return by_sector.get(sector, CM)


def suggest_from_text(text: str, initiative: InitiativeData | None = None) -> TextSuggestion:
    """A suggestion for `text` (and, if given, the facts of `initiative`'s record)."""
    if not text.strip() and initiative is None:
        return TextSuggestion(None, LOW)
    cues = text_cues(text)
    scores = _score(cues)
    facts = record_facts(initiative) if initiative is not None else []
    for kind, _fact in facts:
        scores[kind] += FACT_WEIGHT
    order = list(InitiativeType)
    ranked = sorted(InitiativeType, key=lambda k: (-scores[k], order.index(k)))
    first, second = ranked[0], ranked[1]
    if scores[first] == 0:
        if not text.strip():
            return TextSuggestion(None, LOW, scores=scores)
        return TextSuggestion(_fallback(initiative), LOW, tuple(cues), (), scores)
    if scores[first] == scores[second]:
        # a tie: the more specific practice of the two wins (empowerment's regulatory cue,
        # then coordination's volunteers), but only with low confidence
        for preferred in (EMP, COORD, CM):
            if preferred in (first, second):
                first = preferred
                break
        confidence = LOW
    else:
        lead = scores[first] - scores[second]
        confidence = HIGH if scores[first] >= 3 and lead >= 2 else MEDIUM if lead >= 1 else LOW
    shown_facts = tuple(fact for kind, fact in facts if kind == first)
    return TextSuggestion(first, confidence, tuple(cues), shown_facts, scores)


def initiative_text(initiative: InitiativeData) -> str:
    return "\n".join(
        part for part in (initiative.title, initiative.summary, initiative.description) if part
    )


def suggest_for_text(initiative: InitiativeData) -> TextSuggestion:
    """The text suggestion for a recorded initiative: its title, summary and description
    read together with the facts of its record."""
    return suggest_from_text(initiative_text(initiative), initiative)
