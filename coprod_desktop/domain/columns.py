"""Column headings of the spreadsheet import and exports, in English and Danish, with a
one-line explanation of each (the field guide, `domain.field_guide`, is made from these).

A spreadsheet heading may be the interchange field name or its English or Danish label;
`match_header` finds the field for a heading. One table serves the import, the CSV/XLSX
exports and the field guide, so they cannot disagree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from coprod_desktop.domain import vocab as v


@dataclass(frozen=True)
class Column:
    """One column: the field it holds, its headings, what it means, and its allowed values."""

    field: str
    en: str
    da: str
    help_en: str
    help_da: str
    # text | date | number | bool | severity | vocab | vocab_list | names
    kind: str = "text"
    vocabulary: type[v.Vocabulary] | None = None

    def label(self, lang: str = "en") -> str:
        return self.da if lang == "da" else self.en

    def help(self, lang: str = "en") -> str:
        return self.help_da if lang == "da" else self.help_en


def _c(
    field: str,
    en: str,
    da: str,
    help_en: str,
    help_da: str,
    kind: str = "text",
    vocabulary: type[v.Vocabulary] | None = None,
) -> Column:
    return Column(field, en, da, help_en, help_da, kind, vocabulary)


# Extra columns of the spreadsheet import: each non-blank cell becomes an actual (not planned)
# resource entry of that kind.
RESOURCE_COLUMNS: dict[str, v.ResourceKind] = {
    "budget_dkk": v.ResourceKind.MUNICIPAL_BUDGET,
    "staff_hours": v.ResourceKind.STAFF_HOURS,
    "volunteer_hours": v.ResourceKind.VOLUNTEER_HOURS,
}

_INITIATIVE_REF = _c(
    "initiative",
    "Initiative",
    "Initiativ",
    "Reference of the initiative the row belongs to.",
    "Reference på det initiativ, rækken hører til.",
)

INITIATIVE_COLUMNS: tuple[Column, ...] = (
    _c(
        "reference",
        "Reference",
        "Reference",
        "Unique reference such as CP-2026-014; left blank on import, the next free one is given.",
        "Entydig reference som CP-2026-014; er den tom ved import, tildeles den næste ledige.",
    ),
    _c(
        "title",
        "Title",
        "Titel",
        "Short name of the initiative (required).",
        "Initiativets korte navn (skal udfyldes).",
    ),
    _c(
        "summary",
        "Summary",
        "Resumé",
        "A few lines about the initiative.",
        "Et par linjer om initiativet.",
    ),
    _c("description", "Description", "Beskrivelse", "Longer description.", "Længere beskrivelse."),
    _c(
        "sector",
        "Sector",
        "Sektor",
        "Policy area (required).",
        "Fagområde (skal udfyldes).",
        "vocab",
        v.Sector,
    ),
    _c(
        "area",
        "Area",
        "Område",
        "The place: town, district or harbour.",
        "Stedet: by, bydel eller havn.",
    ),
    _c(
        "status",
        "Status",
        "Status",
        "Where the initiative stands (required).",
        "Hvor initiativet står (skal udfyldes).",
        "vocab",
        v.Status,
    ),
    _c(
        "origin",
        "Origin",
        "Oprindelse",
        "How the initiative started.",
        "Hvordan initiativet opstod.",
        "vocab",
        v.Origin,
    ),
    _c(
        "type",
        "Type",
        "Type",
        "Practice of co-production; blank when not yet classified.",
        "Samproduktionspraksis; tom, hvis den endnu ikke er klassificeret.",
        "vocab",
        v.InitiativeType,
    ),
    _c(
        "secondary_type",
        "Secondary type",
        "Sekundær type",
        "A second practice the initiative also shows.",
        "En anden praksis, initiativet også rummer.",
        "vocab",
        v.InitiativeType,
    ),
    _c(
        "type_rationale",
        "Type rationale",
        "Begrundelse for type",
        "Why the initiative was given its type.",
        "Hvorfor initiativet har fået sin type.",
    ),
    _c(
        "participation_level",
        "Participation level",
        "Deltagelsesniveau",
        "How much say the participants have (IAP2 spectrum).",
        "Hvor meget deltagerne har at sige (IAP2-spektret).",
        "vocab",
        v.ParticipationLevel,
    ),
    _c(
        "public_values",
        "Public values",
        "Offentlig værdi",
        "The public values pursued; several separated by ; or ,.",
        "De offentlige værdier, der tilstræbes; flere adskilt af ; eller ,.",
        "vocab_list",
        v.PublicValue,
    ),
    _c(
        "frontline_role",
        "Frontline role",
        "Frontmedarbejderens rolle",
        "The role of the frontline co-producer (defaults from the type).",
        "Frontmedarbejderens rolle (følger som standard af typen).",
        "vocab",
        v.FrontlineRole,
    ),
    _c(
        "owner",
        "Owner",
        "Ansvarlig",
        "Staff member who runs the initiative.",
        "Medarbejderen, der driver initiativet.",
    ),
    _c(
        "responsible_manager",
        "Responsible manager",
        "Ansvarlig leder",
        "The manager responsible.",
        "Den ansvarlige leder.",
    ),
    _c(
        "start_date", "Start date", "Startdato", "When it started.", "Hvornår det startede.", "date"
    ),
    _c(
        "end_date",
        "End date",
        "Slutdato",
        "When it ended or will end.",
        "Hvornår det sluttede eller slutter.",
        "date",
    ),
    _c(
        "next_review",
        "Next review",
        "Næste gennemgang",
        "When a manager should review it next.",
        "Hvornår en leder næste gang skal gennemgå det.",
        "date",
    ),
    _c(
        "kle_topic",
        "KLE topic",
        "KLE-emne",
        "KLE filing number (Danish municipal classification), e.g. 13.02.",
        "KLE-emnenummer, fx 13.02.",
    ),
    _c(
        "co_phases",
        "Co-production phases",
        "Samskabelsesfaser",
        "Which of the four Co's the initiative covers: co-commissioning, co-design, "
        "co-delivery, co-assessment; separated by ;.",
        "Hvilke af de fire faser initiativet dækker: samprioritering, samskabt design, "
        "samlevering, samvurdering; adskilt af ;.",
        "vocab_list",
        v.CoPhase,
    ),
    _c(
        "latitude",
        "Latitude",
        "Breddegrad",
        "WGS84 latitude in decimal degrees (-90 to 90), e.g. 56.1572; give longitude too.",
        "Breddegrad (WGS84) i decimalgrader (-90 til 90), fx 56,1572; angiv også længdegrad.",
        "number",
    ),
    _c(
        "longitude",
        "Longitude",
        "Længdegrad",
        "WGS84 longitude in decimal degrees (-180 to 180), e.g. 10.2107; give latitude too.",
        "Længdegrad (WGS84) i decimalgrader (-180 til 180), fx 10,2107; angiv også breddegrad.",
        "number",
    ),
    _c(
        "budget_dkk",
        "Budget (DKK)",
        "Budget (kr.)",
        "Municipal budget spent, in DKK (the sum of actual municipal-budget entries).",
        "Forbrugt kommunalt budget i kr. (summen af faktiske poster af typen kommunalt budget).",
        "number",
    ),
    _c(
        "staff_hours",
        "Staff hours",
        "Medarbejdertimer",
        "Staff hours spent (the sum of actual entries).",
        "Forbrugte medarbejdertimer (summen af faktiske poster).",
        "number",
    ),
    _c(
        "volunteer_hours",
        "Volunteer hours",
        "Frivillige timer",
        "Volunteer hours contributed (the sum of actual entries).",
        "Bidragne frivillige timer (summen af faktiske poster).",
        "number",
    ),
)

STAKEHOLDER_COLUMNS: tuple[Column, ...] = (
    _c(
        "key",
        "Key",
        "Nøgle",
        "The stakeholder's key in this export (s1, s2, …); the other sheets refer to it.",
        "Aktørens nøgle i denne eksport (s1, s2, …); de andre ark henviser til den.",
    ),
    _c(
        "name",
        "Name",
        "Navn",
        "Name of the person or organisation.",
        "Personens eller organisationens navn.",
    ),
    _c(
        "kind",
        "Kind",
        "Slags",
        "What kind of party.",
        "Hvilken slags part.",
        "vocab",
        v.StakeholderKind,
    ),
    _c(
        "is_person",
        "Natural person",
        "Fysisk person",
        "Yes for a natural person (personal data, GDPR).",
        "Ja for en fysisk person (personoplysninger, GDPR).",
        "bool",
    ),
    _c(
        "organisation",
        "Organisation",
        "Organisation",
        "Organisation the person belongs to.",
        "Organisation, personen hører til.",
    ),
    _c("email", "E-mail", "E-mail", "E-mail address.", "E-mailadresse."),
    _c("phone", "Phone", "Telefon", "Phone number.", "Telefonnummer."),
    _c("notes", "Notes", "Noter", "Notes about the stakeholder.", "Noter om aktøren."),
    _c(
        "lawful_basis",
        "Lawful basis",
        "Behandlingsgrundlag",
        "GDPR lawful basis for keeping a person's data.",
        "Hjemmel efter GDPR til at opbevare personens oplysninger.",
        "vocab",
        v.LawfulBasis,
    ),
    _c(
        "consent_date",
        "Consent date",
        "Samtykkedato",
        "When consent was given.",
        "Hvornår samtykke blev givet.",
        "date",
    ),
    _c(
        "retention_until",
        "Retain until",
        "Opbevares til",
        "After this date the person's data is due for review or erasure.",
        "Efter denne dato skal personens oplysninger gennemgås eller slettes.",
        "date",
    ),
    _c(
        "cvr",
        "CVR number",
        "CVR-nummer",
        "Danish company register number of an organisation: 8 digits (modulus-11 checked); "
        "never for a person.",
        "Organisationens CVR-nummer: 8 cifre (kontrolleres med modulus 11); aldrig for en person.",
    ),
)

INVOLVEMENT_COLUMNS: tuple[Column, ...] = (
    _INITIATIVE_REF,
    _c("stakeholder", "Stakeholder", "Aktør", "Name of the stakeholder.", "Aktørens navn."),
    _c(
        "stakeholder_key",
        "Stakeholder key",
        "Aktørnøgle",
        "The stakeholder's key (see the Stakeholders sheet).",
        "Aktørens nøgle (se arket Aktører).",
    ),
    _c(
        "role",
        "Role",
        "Rolle",
        "Role in the initiative.",
        "Rolle i initiativet.",
        "vocab",
        v.InvolvementRole,
    ),
    _c(
        "influence",
        "Influence",
        "Indflydelse",
        "Influence on the initiative.",
        "Indflydelse på initiativet.",
        "vocab",
        v.Level3,
    ),
    _c(
        "interest",
        "Interest",
        "Interesse",
        "Interest in the initiative.",
        "Interesse i initiativet.",
        "vocab",
        v.Level3,
    ),
    _c(
        "trust",
        "Trust",
        "Tillid",
        "Trust between the stakeholder and the municipality.",
        "Tillid mellem aktøren og kommunen.",
        "vocab",
        v.Level3,
    ),
    _c(
        "joined_on",
        "Joined on",
        "Med fra",
        "When the stakeholder joined.",
        "Hvornår aktøren kom med.",
        "date",
    ),
    _c(
        "left_on",
        "Left on",
        "Med til",
        "When the stakeholder left.",
        "Hvornår aktøren forlod initiativet.",
        "date",
    ),
    _c("note", "Note", "Note", "Note on the involvement.", "Note om deltagelsen."),
)

MANDATE_COLUMNS: tuple[Column, ...] = (
    _INITIATIVE_REF,
    _c(
        "level",
        "Level",
        "Niveau",
        "Who gave the mandate.",
        "Hvem der gav mandatet.",
        "vocab",
        v.MandateLevel,
    ),
    _c(
        "clarity",
        "Clarity",
        "Klarhed",
        "How clear the mandate is.",
        "Hvor klart mandatet er.",
        "vocab",
        v.Clarity,
    ),
    _c(
        "granted_by",
        "Granted by",
        "Givet af",
        "Person or body that granted it.",
        "Person eller organ, der gav det.",
    ),
    _c(
        "scope",
        "Scope",
        "Rammer",
        "What may be decided without asking.",
        "Hvad der kan besluttes uden at spørge.",
    ),
    _c(
        "political_anchoring",
        "Political anchoring",
        "Politisk forankring",
        "Yes if the mandate is anchored politically.",
        "Ja, hvis mandatet er politisk forankret.",
        "bool",
    ),
    _c("committee", "Committee", "Udvalg", "Political committee.", "Politisk udvalg."),
    _c(
        "decided_on",
        "Decided on",
        "Besluttet",
        "Date of the decision.",
        "Dato for beslutningen.",
        "date",
    ),
    _c(
        "reference",
        "Case reference",
        "Sagsnummer",
        "Case or agenda number.",
        "Sags- eller dagsordensnummer.",
    ),
    _c(
        "valid_until",
        "Valid until",
        "Gyldigt til",
        "When the mandate expires.",
        "Hvornår mandatet udløber.",
        "date",
    ),
)

RESOURCE_ENTRY_COLUMNS: tuple[Column, ...] = (
    _INITIATIVE_REF,
    _c("kind", "Kind", "Slags", "Kind of resource.", "Slags ressource.", "vocab", v.ResourceKind),
    _c("amount", "Amount", "Mængde", "Amount, a number.", "Mængde, et tal.", "number"),
    _c(
        "unit",
        "Unit",
        "Enhed",
        "DKK for budget and funding, hours for staff and volunteer hours, free text otherwise.",
        "DKK for budget og finansiering, hours for medarbejder- og frivillige timer, ellers fri tekst.",
    ),
    _c(
        "source",
        "Source",
        "Kilde",
        "Stakeholder the resource comes from.",
        "Aktøren, ressourcen kommer fra.",
    ),
    _c(
        "internal_unit",
        "Internal unit",
        "Intern enhed",
        "Municipal unit the resource comes from.",
        "Kommunal enhed, ressourcen kommer fra.",
    ),
    _c(
        "planned",
        "Planned",
        "Planlagt",
        "Yes if planned, No if actual.",
        "Ja, hvis planlagt, Nej, hvis faktisk.",
        "bool",
    ),
    _c("date", "Date", "Dato", "Date of the entry.", "Postens dato.", "date"),
    _c("note", "Note", "Note", "Note.", "Note."),
)

PRESSURE_COLUMNS: tuple[Column, ...] = (
    _INITIATIVE_REF,
    _c(
        "category",
        "Category",
        "Kategori",
        "What kind of cross-pressure.",
        "Hvilken slags krydspres.",
        "vocab",
        v.PressureCategory,
    ),
    _c(
        "level",
        "Level",
        "Niveau",
        "Where the pressure comes from.",
        "Hvor presset kommer fra.",
        "vocab",
        v.PressureLevel,
    ),
    _c(
        "severity",
        "Severity",
        "Alvor",
        "1 low, 2 medium, 3 high.",
        "1 lav, 2 middel, 3 høj.",
        "severity",
    ),
    _c(
        "status",
        "Status",
        "Status",
        "Whether it is still open.",
        "Om det stadig er åbent.",
        "vocab",
        v.PressureStatus,
    ),
    _c("description", "Description", "Beskrivelse", "What happened.", "Hvad der skete."),
    _c("raised_on", "Raised on", "Rejst", "When it was raised.", "Hvornår det blev rejst.", "date"),
    _c("raised_by", "Raised by", "Rejst af", "Who raised it.", "Hvem der rejste det."),
    _c(
        "coping_strategy",
        "Coping strategy",
        "Mestringsstrategi",
        "How it is being handled.",
        "Hvordan det håndteres.",
        "vocab",
        v.CopingStrategy,
    ),
    _c("resolution", "Resolution", "Løsning", "How it was resolved.", "Hvordan det blev løst."),
    _c(
        "resolved_on",
        "Resolved on",
        "Løst",
        "When it was resolved.",
        "Hvornår det blev løst.",
        "date",
    ),
)

JOURNAL_COLUMNS: tuple[Column, ...] = (
    _INITIATIVE_REF,
    _c("date", "Date", "Dato", "Date of the entry.", "Notatets dato.", "date"),
    _c("kind", "Kind", "Slags", "Kind of entry.", "Slags notat.", "vocab", v.JournalKind),
    _c("summary", "Summary", "Resumé", "What happened.", "Hvad der skete."),
    _c(
        "participants",
        "Participants",
        "Deltagere",
        "Stakeholders who took part, separated by ;.",
        "Aktører, der deltog, adskilt af ;.",
        "names",
    ),
    _c(
        "follow_up_on",
        "Follow up on",
        "Følges op",
        "When to follow up.",
        "Hvornår der skal følges op.",
        "date",
    ),
    _c(
        "key",
        "Key",
        "Nøgle",
        "Optional name of the entry that commitments refer to.",
        "Valgfrit navn på notatet, som aftaler henviser til.",
    ),
)

REVIEW_COLUMNS: tuple[Column, ...] = (
    _INITIATIVE_REF,
    _c("date", "Date", "Dato", "Date of the review.", "Gennemgangens dato.", "date"),
    _c(
        "reviewer",
        "Reviewer",
        "Gennemgået af",
        "The manager who reviewed.",
        "Lederen, der gennemgik.",
    ),
    _c("assessment", "Assessment", "Vurdering", "The manager's assessment.", "Lederens vurdering."),
    _c(
        "decisions",
        "Decisions",
        "Beslutninger",
        "Support promised or asked for.",
        "Støtte, der er lovet eller bedt om.",
    ),
    _c(
        "next_review",
        "Next review",
        "Næste gennemgang",
        "When to review again.",
        "Hvornår der skal gennemgås igen.",
        "date",
    ),
)


COMMITMENT_COLUMNS: tuple[Column, ...] = (
    _INITIATIVE_REF,
    _c("text", "Commitment", "Aftale", "What was promised.", "Hvad der blev lovet."),
    _c(
        "status",
        "Status",
        "Status",
        "Open until kept (done) or dropped.",
        "Åben, indtil den er udført eller opgivet.",
        "vocab",
        v.CommitmentStatus,
    ),
    _c(
        "owner",
        "Owner",
        "Ansvarlig",
        "Staff member who owns it.",
        "Medarbejderen, der står for den.",
    ),
    _c(
        "counterpart",
        "Promised to",
        "Lovet til",
        "The stakeholder the promise was made to.",
        "Aktøren, der fik løftet.",
    ),
    _c("due_on", "Due on", "Frist", "When it is due.", "Hvornår den skal være holdt.", "date"),
    _c(
        "done_on",
        "Done on",
        "Udført den",
        "When it was kept or dropped.",
        "Hvornår den blev udført eller opgivet.",
        "date",
    ),
    _c(
        "journal",
        "Journal entry",
        "Journalnotat",
        "Key of the journal entry it came from.",
        "Nøglen til journalnotatet, den kom fra.",
    ),
    _c("note", "Note", "Note", "A note on the commitment.", "En note om aftalen."),
)


OUTCOME_COLUMNS: tuple[Column, ...] = (
    _INITIATIVE_REF,
    _c("indicator", "Indicator", "Indikator", "What is measured.", "Hvad der måles."),
    _c(
        "unit",
        "Unit",
        "Enhed",
        "Unit of the values, e.g. persons, %, DKK.",
        "Værdiernes enhed, fx personer, %, kr.",
    ),
    _c("baseline", "Baseline", "Udgangspunkt", "Value before.", "Værdien før.", "number"),
    _c("target", "Target", "Mål", "Value aimed at.", "Værdien, der sigtes mod.", "number"),
    _c(
        "achieved",
        "Achieved",
        "Opnået",
        "Value reached when last measured.",
        "Værdien ved seneste måling.",
        "number",
    ),
    _c(
        "measured_on",
        "Measured on",
        "Målt",
        "When the achieved value was measured.",
        "Hvornår den opnåede værdi blev målt.",
        "date",
    ),
    _c(
        "evidence",
        "Evidence",
        "Dokumentation",
        "How the value is known: sources, method.",
        "Hvordan værdien kendes: kilder, metode.",
    ),
    _c(
        "public_value",
        "Public value",
        "Offentlig værdi",
        "The public value the outcome serves.",
        "Den offentlige værdi, resultatet tjener.",
        "vocab",
        v.PublicValue,
    ),
    _c(
        "co_assessed",
        "Co-assessed",
        "Samvurderet",
        "Yes if assessed together with citizens.",
        "Ja, hvis vurderet sammen med borgerne.",
        "bool",
    ),
)


@dataclass(frozen=True)
class SheetSpec:
    """One sheet of the XLSX export (the CSV export is the initiatives sheet alone)."""

    name: str  # stable key
    en: str
    da: str
    columns: tuple[Column, ...]

    def label(self, lang: str = "en") -> str:
        return self.da if lang == "da" else self.en


SHEETS: tuple[SheetSpec, ...] = (
    SheetSpec("initiatives", "Initiatives", "Initiativer", INITIATIVE_COLUMNS),
    SheetSpec("stakeholders", "Stakeholders", "Aktører", STAKEHOLDER_COLUMNS),
    SheetSpec("involvements", "Involvements", "Deltagelse", INVOLVEMENT_COLUMNS),
    SheetSpec("mandates", "Mandates", "Mandater", MANDATE_COLUMNS),
    SheetSpec("resources", "Resources", "Ressourcer", RESOURCE_ENTRY_COLUMNS),
    SheetSpec("cross_pressures", "Cross-pressures", "Krydspres", PRESSURE_COLUMNS),
    SheetSpec("journal", "Journal", "Journal", JOURNAL_COLUMNS),
    SheetSpec("reviews", "Reviews", "Gennemgange", REVIEW_COLUMNS),
    SheetSpec("commitments", "Commitments", "Aftaler", COMMITMENT_COLUMNS),
    SheetSpec("outcomes", "Outcomes", "Resultater", OUTCOME_COLUMNS),
)

# What the spreadsheet import reads: the initiative columns (reference … volunteer_hours).
IMPORT_COLUMNS: dict[str, Column] = {c.field: c for c in INITIATIVE_COLUMNS}

_SPACES = re.compile(r"[\s_\-]+")


def normalise_header(text: str) -> str:
    """A heading folded for comparison: case, spacing, `_`/`-` and a trailing `*` or `:` ignored."""
    folded = text.strip().casefold().rstrip("*:").strip()
    return _SPACES.sub(" ", folded)


# Headings earlier versions exported, still read: a sheet made then imports as it did.
FORMER_HEADINGS = {"Næste review": "next_review"}


def _header_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for column in INITIATIVE_COLUMNS:
        for heading in (column.field, column.en, column.da):
            index.setdefault(normalise_header(heading), column.field)
    for heading, name in FORMER_HEADINGS.items():
        index.setdefault(normalise_header(heading), name)
    return index


_HEADERS = _header_index()


def match_header(text: str) -> str | None:
    """The import field a heading names (field name, English or Danish label), or None."""
    return _HEADERS.get(normalise_header(text))


# The sheet whose columns name the fields of each audited entity (store/audit.py's names).
_ENTITY_SHEETS = {
    "initiative": "initiatives",
    "stakeholder": "stakeholders",
    "involvement": "involvements",
    "mandate": "mandates",
    "resource": "resources",
    "cross_pressure": "cross_pressures",
    "journal": "journal",
    "review": "reviews",
    "commitment": "commitments",
    "outcome": "outcomes",
}


def column(entity: str, field: str) -> Column | None:
    """The spreadsheet column of a declared field of `entity` (its sheet's), or None."""
    for sheet in SHEETS:
        if sheet.name == _ENTITY_SHEETS.get(entity):
            return next((c for c in sheet.columns if c.field == field), None)
    return None


def field_label(entity: str, field: str, lang: str = "en") -> str:
    """A stored field as people call it: "Participation" rather than `participation_level`,
    "Stakeholder" rather than `stakeholder_id` (the audit trail, History, `coprod history`)."""
    name = field.removesuffix("_id")
    own = [s for s in SHEETS if s.name == _ENTITY_SHEETS.get(entity)]
    for sheet in [*own, *SHEETS]:
        for column in sheet.columns:
            if column.field == name:
                return column.label(lang)
    return name.replace("_", " ").capitalize()
