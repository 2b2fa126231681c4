"""Every controlled vocabulary: stable keys with English and Danish labels.

Keys are what the database and the interchange format store; labels are for people.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Self

LANGUAGES = ("en", "da")


class Vocabulary(StrEnum):
    """A vocabulary member is its key (a str) and carries an English and a Danish label."""

    en: str
    da: str

    def __new__(cls, key: str, en: str, da: str) -> Self:
        member = str.__new__(cls, key)
        member._value_ = key
        member.en = en
        member.da = da
        return member

    def label(self, lang: str = "en") -> str:
        return self.da if lang == "da" else self.en

    @classmethod
    def get(cls, key: str) -> Self:
        """The member for a stored key (KeyError for an unknown key)."""
        member: Self = cls._value2member_map_[key]  # type: ignore[assignment]
        return member

    @classmethod
    def all_keys(cls) -> list[str]:
        return [m.value for m in cls]

    @classmethod
    def is_key(cls, value: object) -> bool:
        """Whether `value` is a key of this vocabulary (a dict lookup: import checks it often)."""
        return isinstance(value, str) and value in cls._value2member_map_

    @classmethod
    def from_key_or_label(cls, text: str) -> Self | None:
        """Find a member by key or by its English or Danish label (case-insensitive)."""
        wanted = text.strip().casefold()
        for member in cls:
            if wanted in (member.value.casefold(), member.en.casefold(), member.da.casefold()):
                return member
        return None


class InitiativeType(Vocabulary):
    CO_MANAGEMENT = "co_management", "Co-management", "Samstyring"
    EMPOWERMENT = "empowerment", "Empowerment", "Empowerment"
    COORDINATION = "coordination", "Coordination", "Koordinering"


class Status(Vocabulary):
    IDEA = "idea", "Idea", "Idé"
    PREPARING = "preparing", "Preparing", "Under forberedelse"
    ACTIVE = "active", "Active", "Aktiv"
    PAUSED = "paused", "Paused", "Sat på pause"
    COMPLETED = "completed", "Completed", "Afsluttet"
    DISCONTINUED = "discontinued", "Discontinued", "Opgivet"


class Origin(Vocabulary):
    TOP_DOWN = "top_down", "Municipal initiative", "Kommunalt initiativ"
    BOTTOM_UP = "bottom_up", "Citizens or civil society", "Borgere eller civilsamfund"
    PROTEST_RESPONSE = (
        "protest_response",
        "Response to protest or dissatisfaction",
        "Svar på protest eller utilfredshed",
    )
    GRADUAL = "gradual", "Grew out of local needs", "Voksede ud af lokale behov"
    PARTNER_INITIATED = (
        "partner_initiated",
        "Initiated by a voluntary organisation or business",
        "Taget af en frivillig organisation eller virksomhed",
    )


class Sector(Vocabulary):
    PLANNING_ENVIRONMENT = "planning_environment", "Planning and environment", "Plan og miljø"
    HARBOURS = "harbours", "Harbours", "Havne"
    TOURISM_TRADE = "tourism_trade", "Tourism and trade", "Turisme og erhverv"
    EMPLOYMENT = "employment", "Employment", "Beskæftigelse"
    ELDERCARE = "eldercare", "Eldercare", "Ældrepleje"
    INTEGRATION = "integration", "Integration", "Integration"
    EDUCATION = "education", "Education", "Uddannelse"
    CULTURE_LEISURE = "culture_leisure", "Culture and leisure", "Kultur og fritid"
    SOCIAL = "social", "Social services", "Socialområdet"
    HEALTH = "health", "Health", "Sundhed"
    OTHER = "other", "Other", "Andet"


class ParticipationLevel(Vocabulary):
    INFORM = "inform", "Inform", "Informere"
    CONSULT = "consult", "Consult", "Høre"
    INVOLVE = "involve", "Involve", "Inddrage"
    COLLABORATE = "collaborate", "Collaborate", "Samarbejde"
    EMPOWER = "empower", "Empower", "Overdrage beslutninger"


class PublicValue(Vocabulary):
    MOBILISING_RESOURCES = (
        "mobilising_resources",
        "Mobilising resources",
        "Mobilisering af ressourcer",
    )
    SUSTAINABLE_SOLUTIONS = (
        "sustainable_solutions",
        "More sustainable solutions",
        "Mere bæredygtige løsninger",
    )
    PROTEST_TO_COLLABORATION = (
        "protest_to_collaboration",
        "Turning protest into collaboration",
        "Fra protest til samarbejde",
    )
    BETTER_RESULTS = "better_results", "Better results", "Bedre resultater"
    USER_SATISFACTION = "user_satisfaction", "Higher user satisfaction", "Større brugertilfredshed"
    EMPATHY_EQUALITY = (
        "empathy_equality",
        "Relations of empathy and equality",
        "Relationer præget af empati og ligeværd",
    )


class CoPhase(Vocabulary):
    """Loeffler & Bovaird's four Co's: the phases of the service cycle co-produced."""

    CO_COMMISSIONING = "co_commissioning", "Co-commissioning", "Samprioritering"
    CO_DESIGN = "co_design", "Co-design", "Samskabt design"
    CO_DELIVERY = "co_delivery", "Co-delivery", "Samlevering"
    CO_ASSESSMENT = "co_assessment", "Co-assessment", "Samvurdering"


class FrontlineRole(Vocabulary):
    FACILITATING_COLLABORATION = (
        "facilitating_collaboration",
        "Facilitating inter-organisational collaboration",
        "Facilitere samarbejde på tværs af organisationer",
    )
    FACILITATING_EMPOWERMENT = (
        "facilitating_empowerment",
        "Facilitating empowerment of users",
        "Facilitere brugernes empowerment",
    )
    COORDINATING_VOLUNTEERS = (
        "coordinating_volunteers",
        "Coordinating public employees' activities with voluntary activities",
        "Koordinere offentligt ansattes indsats med frivillige aktiviteter",
    )


class StakeholderKind(Vocabulary):
    CITIZEN = "citizen", "Citizen", "Borger"
    VOLUNTEER = "volunteer", "Volunteer", "Frivillig"
    ASSOCIATION = "association", "Association", "Forening"
    CIVIL_SOCIETY_ORG = (
        "civil_society_org",
        "Civil society organisation",
        "Civilsamfundsorganisation",
    )
    BUSINESS = "business", "Business", "Virksomhed"
    MUNICIPAL_UNIT = "municipal_unit", "Municipal unit", "Kommunal enhed"
    PUBLIC_AUTHORITY = "public_authority", "Public authority", "Offentlig myndighed"
    POLITICAL_BODY = "political_body", "Political body", "Politisk organ"
    OTHER = "other", "Other", "Andet"


# Kinds whose stakeholders are always natural persons, whatever a form or a file says; only
# the kinds of organisations may be non-persons.
PERSON_KINDS = frozenset({StakeholderKind.CITIZEN.value, StakeholderKind.VOLUNTEER.value})


def is_natural_person(kind: str | None, is_person: bool | None) -> bool:
    """Whether a stakeholder of `kind` is a natural person (`is_person` as given otherwise)."""
    return bool(is_person) or kind in PERSON_KINDS


class InvolvementRole(Vocabulary):
    PARTNER = "partner", "Partner", "Partner"
    CONTRIBUTOR = "contributor", "Contributor", "Bidragyder"
    USER = "user", "User", "Bruger"
    DECISION_MAKER = "decision_maker", "Decision maker", "Beslutningstager"
    SPONSOR = "sponsor", "Sponsor", "Sponsor"
    AFFECTED = "affected", "Affected", "Berørt"
    CRITIC = "critic", "Critic", "Kritiker"


class Level3(Vocabulary):
    """Influence, interest and trust share one low/medium/high scale."""

    LOW = "low", "Low", "Lav"
    MEDIUM = "medium", "Medium", "Middel"
    HIGH = "high", "High", "Høj"


class MandateLevel(Vocabulary):
    POLITICAL_COMMITTEE = "political_committee", "Political committee", "Politisk udvalg"
    EXECUTIVE_MANAGEMENT = "executive_management", "Executive management", "Direktion"
    DEPARTMENT_MANAGEMENT = "department_management", "Department management", "Forvaltningsledelse"
    IMMEDIATE_MANAGER = "immediate_manager", "Immediate manager", "Nærmeste leder"
    INFORMAL = "informal", "Informal", "Uformelt"
    NONE = "none", "None", "Intet"


class Clarity(Vocabulary):
    CLEAR = "clear", "Clear", "Klart"
    PARTIAL = "partial", "Partial", "Delvist"
    UNCLEAR = "unclear", "Unclear", "Uklart"


class ResourceKind(Vocabulary):
    MUNICIPAL_BUDGET = "municipal_budget", "Municipal budget", "Kommunalt budget"
    STAFF_HOURS = "staff_hours", "Staff hours", "Medarbejdertimer"
    EXTERNAL_FUNDING = "external_funding", "External funding", "Ekstern finansiering"
    VOLUNTEER_HOURS = "volunteer_hours", "Volunteer hours", "Frivillige timer"
    IN_KIND = "in_kind", "In kind", "Naturalier"
    FACILITIES = "facilities", "Facilities", "Lokaler og faciliteter"


class PressureCategory(Vocabulary):
    SILO_STRUCTURE = "silo_structure", "Silo structure", "Silostruktur"
    INTERNAL_RIVALRY = "internal_rivalry", "Internal rivalry", "Intern rivalisering"
    RISK_AVERSION = "risk_aversion", "Risk aversion", "Risikoaversion"
    NPM_CONTROL = "npm_control", "New Public Management control", "New Public Management-styring"
    UNCLEAR_MANDATE = "unclear_mandate", "Unclear mandate", "Uklart mandat"
    INSUFFICIENT_RESOURCES = (
        "insufficient_resources",
        "Insufficient resources",
        "Utilstrækkelige ressourcer",
    )
    LACK_OF_FLEXIBILITY = "lack_of_flexibility", "Lack of flexibility", "Manglende fleksibilitet"
    MISSING_POLITICAL_ANCHORING = (
        "missing_political_anchoring",
        "Missing political anchoring",
        "Manglende politisk forankring",
    )
    STRATEGY_NOT_TRICKLING_DOWN = (
        "strategy_not_trickling_down",
        "Strategy does not trickle down",
        "Strategien siver ikke ned",
    )
    POWER_SHARING = (
        "power_sharing",
        "Power sharing and unpredictability",
        "Magtdeling og uforudsigelighed",
    )
    STAKEHOLDER_DISTRUST = "stakeholder_distrust", "Stakeholder distrust", "Mistillid hos aktører"
    PARTNER_EXIT_RISK = "partner_exit_risk", "Partners may leave", "Partnere kan springe fra"
    HARD_TO_MEASURE_VALUE = "hard_to_measure_value", "Value hard to measure", "Værdi svær at måle"


class PressureLevel(Vocabulary):
    INDIVIDUAL = "individual", "Individual", "Individuelt"
    ORGANISATIONAL = "organisational", "Organisational", "Organisatorisk"
    POLITICAL = "political", "Political", "Politisk"
    EXTERNAL = "external", "External", "Eksternt"


class PressureStatus(Vocabulary):
    OPEN = "open", "Open", "Åben"
    MITIGATING = "mitigating", "Mitigating", "Under afhjælpning"
    RESOLVED = "resolved", "Resolved", "Løst"


class CommitmentStatus(Vocabulary):
    OPEN = "open", "Open", "Åben"
    IN_PROGRESS = "in_progress", "In progress", "I gang"
    DONE = "done", "Done", "Udført"
    DROPPED = "dropped", "Dropped", "Opgivet"


class CopingStrategy(Vocabulary):
    LINKING_INTERESTS = "linking_interests", "Linking interests", "Kobling af interesser"
    LINKING_ACTORS = "linking_actors", "Linking actors", "Kobling af aktører"
    LINKING_LOGICS = "linking_logics", "Linking governance logics", "Kobling af styringslogikker"
    ESCALATION = "escalation", "Escalation", "Eskalering"
    NEGOTIATING_MANDATE = "negotiating_mandate", "Negotiating the mandate", "Forhandling af mandat"
    OTHER = "other", "Other", "Andet"


class JournalKind(Vocabulary):
    MEETING = "meeting", "Meeting", "Møde"
    WORKSHOP = "workshop", "Workshop", "Workshop"
    SITE_VISIT = "site_visit", "Site visit", "Besigtigelse"
    CALL = "call", "Call", "Opkald"
    EMAIL = "email", "E-mail", "E-mail"
    DECISION = "decision", "Decision", "Beslutning"
    MILESTONE = "milestone", "Milestone", "Milepæl"
    NOTE = "note", "Note", "Notat"


class LawfulBasis(Vocabulary):
    PUBLIC_TASK = "public_task", "Public task", "Myndighedsopgave"
    CONSENT = "consent", "Consent", "Samtykke"
    LEGAL_OBLIGATION = "legal_obligation", "Legal obligation", "Retlig forpligtelse"
    CONTRACT = "contract", "Contract", "Kontrakt"
    LEGITIMATE_INTEREST = "legitimate_interest", "Legitimate interest", "Legitim interesse"


# Money kinds are counted in DKK, hour kinds in hours; the others take a free-text unit.
RESOURCE_UNITS: dict[ResourceKind, str] = {
    ResourceKind.MUNICIPAL_BUDGET: "DKK",
    ResourceKind.EXTERNAL_FUNDING: "DKK",
    ResourceKind.STAFF_HOURS: "hours",
    ResourceKind.VOLUNTEER_HOURS: "hours",
}

# Resources the municipality puts in itself; everything else is mobilised from outside.
MUNICIPAL_RESOURCE_KINDS = frozenset({ResourceKind.MUNICIPAL_BUDGET, ResourceKind.STAFF_HOURS})

DEFAULT_FRONTLINE_ROLE: dict[InitiativeType, FrontlineRole] = {
    InitiativeType.CO_MANAGEMENT: FrontlineRole.FACILITATING_COLLABORATION,
    InitiativeType.EMPOWERMENT: FrontlineRole.FACILITATING_EMPOWERMENT,
    InitiativeType.COORDINATION: FrontlineRole.COORDINATING_VOLUNTEERS,
}
