"""The typology of co-production practices (Agger & Tortzen 2023, table 1) as data.

The GUI shows it as cards beside the type choice; the briefs quote it.
"""

from __future__ import annotations

from dataclasses import dataclass

from coprod_desktop.domain.vocab import (
    FrontlineRole,
    InitiativeType,
    PressureCategory,
    PublicValue,
)


@dataclass(frozen=True)
class Text:
    en: str
    da: str

    def get(self, lang: str = "en") -> str:
        return self.da if lang == "da" else self.en


@dataclass(frozen=True)
class TypologyCard:
    type: InitiativeType
    characteristics: Text
    role: Text
    frontline_role: FrontlineRole
    public_value: Text
    public_values: tuple[PublicValue, ...]
    examples: tuple[Text, ...]


TYPOLOGY: dict[InitiativeType, TypologyCard] = {
    InitiativeType.CO_MANAGEMENT: TypologyCard(
        type=InitiativeType.CO_MANAGEMENT,
        characteristics=Text(
            "Collaboration between many actors: municipal units, civic and local organisations, "
            "companies.",
            "Samarbejde mellem mange aktører: kommunale enheder, civile og lokale organisationer "
            "og virksomheder.",
        ),
        role=Text(
            "Facilitating inter-organisational collaboration.",
            "At facilitere samarbejde på tværs af organisationer.",
        ),
        frontline_role=FrontlineRole.FACILITATING_COLLABORATION,
        public_value=Text(
            "Mobilising resources; more sustainable solutions; turning protest into collaboration.",
            "Mobilisering af ressourcer; mere bæredygtige løsninger; protest vendt til samarbejde.",
        ),
        public_values=(
            PublicValue.MOBILISING_RESOURCES,
            PublicValue.SUSTAINABLE_SOLUTIONS,
            PublicValue.PROTEST_TO_COLLABORATION,
        ),
        examples=(
            Text(
                "Developing local harbours with local actors.",
                "Udvikling af lokale havne sammen med lokale aktører.",
            ),
            Text(
                "A tourism brand with tourist organisations and businesses.",
                "Et turismebrand sammen med turistorganisationer og virksomheder.",
            ),
        ),
    ),
    InitiativeType.EMPOWERMENT: TypologyCard(
        type=InitiativeType.EMPOWERMENT,
        characteristics=Text(
            "Public employees with a regulatory role meet citizens or companies with a "
            "partnership mindset.",
            "Offentligt ansatte med en myndighedsrolle møder borgere eller virksomheder med en "
            "partnerskabstankegang.",
        ),
        role=Text("Facilitating empowerment of users.", "At facilitere brugernes empowerment."),
        frontline_role=FrontlineRole.FACILITATING_EMPOWERMENT,
        public_value=Text(
            "Better results; higher user satisfaction.",
            "Bedre resultater; større brugertilfredshed.",
        ),
        public_values=(PublicValue.BETTER_RESULTS, PublicValue.USER_SATISFACTION),
        examples=(
            Text(
                "Empowering unemployed citizens in job creation.",
                "Ledige borgere styrkes til selv at skabe job.",
            ),
            Text(
                "Treating applicants as partners in building regulation.",
                "Ansøgere behandles som partnere i byggesagsbehandlingen.",
            ),
        ),
    ),
    InitiativeType.COORDINATION: TypologyCard(
        type=InitiativeType.COORDINATION,
        characteristics=Text(
            "Volunteers' and organisations' contributions supplement public welfare.",
            "Frivilliges og foreningers bidrag supplerer den offentlige velfærd.",
        ),
        role=Text(
            "Coordinating public employees' activities with voluntary activities.",
            "At koordinere offentligt ansattes indsats med frivillige aktiviteter.",
        ),
        frontline_role=FrontlineRole.COORDINATING_VOLUNTEERS,
        public_value=Text(
            "Mobilising resources; relations of empathy and equality.",
            "Mobilisering af ressourcer; relationer præget af empati og ligeværd.",
        ),
        public_values=(PublicValue.MOBILISING_RESOURCES, PublicValue.EMPATHY_EQUALITY),
        examples=(
            Text("Volunteers welcoming refugees.", "Frivillige tager imod flygtninge."),
            Text(
                "Local volunteers in assisted-living facilities.",
                "Lokale frivillige på plejecentre.",
            ),
        ),
    ),
}


# Plain definitions of the cross-pressures the study found (shown by the category picker).
PRESSURE_DEFINITIONS: dict[PressureCategory, Text] = {
    PressureCategory.SILO_STRUCTURE: Text(
        "The sectorised organisation makes it hard to work across units.",
        "Den sektoropdelte organisation gør det svært at arbejde på tværs af enheder.",
    ),
    PressureCategory.INTERNAL_RIVALRY: Text(
        "Managers compete over ownership, budgets or credit.",
        "Ledere konkurrerer om ejerskab, budgetter eller æren.",
    ),
    PressureCategory.RISK_AVERSION: Text(
        "A culture that avoids risk holds back experiments with citizens.",
        "En risikoafvisende kultur holder forsøg med borgerne tilbage.",
    ),
    PressureCategory.NPM_CONTROL: Text(
        "Strict deadlines, measurable deliverables and mistrust from New Public Management.",
        "Stramme frister, målbare leverancer og mistillid fra New Public Management.",
    ),
    PressureCategory.UNCLEAR_MANDATE: Text(
        "It is not clear what the frontline co-producer may decide or promise.",
        "Det er uklart, hvad frontmedarbejderen må beslutte eller love.",
    ),
    PressureCategory.INSUFFICIENT_RESOURCES: Text(
        "Too little time, money or capacity for the collaboration.",
        "For lidt tid, økonomi eller kapacitet til samarbejdet.",
    ),
    PressureCategory.LACK_OF_FLEXIBILITY: Text(
        "Rules and procedures leave no room to adapt to partners.",
        "Regler og procedurer giver ikke plads til at tilpasse sig partnerne.",
    ),
    PressureCategory.MISSING_POLITICAL_ANCHORING: Text(
        "Politicians have not backed the initiative.",
        "Initiativet er ikke bakket op af politikerne.",
    ),
    PressureCategory.STRATEGY_NOT_TRICKLING_DOWN: Text(
        "The co-production strategy stays on paper and does not reach daily work.",
        "Samskabelsesstrategien bliver på papiret og når ikke ud i hverdagen.",
    ),
    PressureCategory.POWER_SHARING: Text(
        "Collaboration brings unpredictability and sharing of power.",
        "Samarbejdet medfører uforudsigelighed og deling af magt.",
    ),
    PressureCategory.STAKEHOLDER_DISTRUST: Text(
        "Citizens or partners distrust the municipality.",
        "Borgere eller partnere har mistillid til kommunen.",
    ),
    PressureCategory.PARTNER_EXIT_RISK: Text(
        "Partners may leave at any minute.",
        "Partnere kan springe fra når som helst.",
    ),
    PressureCategory.HARD_TO_MEASURE_VALUE: Text(
        "The value created is hard to measure, so it is not recognised.",
        "Den skabte værdi er svær at måle og bliver derfor ikke anerkendt.",
    ),
}
