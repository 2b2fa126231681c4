"""Our initiatives as Participedia case records (https://participedia.net), public-safe.

Participedia describes a case by fixed choice lists; each is filled from what we record, by
the rules in `MAPPING` below (the field guide prints the same table, so the documentation
cannot drift from the code). Free text (title, summary, area, indicators) is passed through the
caller's anonymiser; persons, owners, managers, the journal, reviews, evidence and
descriptions never go along. Pure functions of `InitiativeData`: no I/O.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from coprod_desktop.domain.model import InitiativeData
from coprod_desktop.domain.outcomes import outcome_reached
from coprod_desktop.domain.typology import Text

FORMAT = "participedia-cases"
LIMIT = 3  # Participedia ranks at most three purposes, approaches, organiser and funder types

# Participedia field -> (where it comes from, English, Danish): printed by the field guide.
MAPPING: tuple[tuple[str, Text], ...] = (
    ("title", Text("Title (persons anonymised).", "Titel (personer anonymiseret).")),
    (
        "description",
        Text(
            "Summary (persons anonymised); the long description is never exported.",
            "Resumé (personer anonymiseret); den lange beskrivelse eksporteres aldrig.",
        ),
    ),
    (
        "location",
        Text(
            "Area (anonymised), the municipality, Denmark, and the WGS84 coordinates.",
            "Område (anonymiseret), kommunen, Danmark og WGS84-koordinaterne.",
        ),
    ),
    (
        "start_date, end_date, ongoing",
        Text(
            "Start and end date; ongoing while the status is idea to paused.",
            "Start- og slutdato; igangværende, mens status er idé til sat på pause.",
        ),
    ),
    (
        "purposes",
        Text(
            "make: co-commissioning or co-design, participation collaborate or empower, or a "
            "response to protest; deliver: co-delivery or any type of co-production; develop: "
            "empowerment or relations of empathy and equality.",
            "make: samprioritering eller samskabt design, deltagelse samarbejde eller overdrage "
            "beslutninger eller svar på protest; deliver: samlevering eller enhver type "
            "samskabelse; develop: empowerment eller relationer præget af empati og ligeværd.",
        ),
    ),
    (
        "approaches",
        Text(
            "co-management: cogovernance and coproduction (coproduction_form with businesses or "
            "civil society partners); empowerment: coproduction and citizenship; coordination: "
            "coproduction and civil; co-assessment: evaluation.",
            "samstyring: cogovernance og coproduction (coproduction_form med virksomheder eller "
            "civilsamfundspartnere); empowerment: coproduction og citizenship; koordinering: "
            "coproduction og civil; samvurdering: evaluation.",
        ),
    ),
    (
        "public_spectrum",
        Text(
            "The participation level (both use the IAP2 spectrum).",
            "Deltagelsesniveauet (begge bruger IAP2-spektret).",
        ),
    ),
    (
        "number_of_participants",
        Text(
            "The number of stakeholders involved (a count only).",
            "Antallet af involverede aktører (kun et tal).",
        ),
    ),
    (
        "open_limited, recruitment_method",
        Text(
            "open_to with citizens or volunteers involved (recruitment not), else limited to "
            "organisations (recruitment appointment).",
            "open_to, når borgere eller frivillige deltager (recruitment not), ellers limited "
            "til organisationer (recruitment appointment).",
        ),
    ),
    (
        "targeted_participants",
        Text(
            "From the sector: eldercare elderly, integration immigrants, education students.",
            "Ud fra sektoren: ældrepleje elderly, integration immigrants, uddannelse students.",
        ),
    ),
    (
        "organizer_types",
        Text(
            "local (the municipality), plus forprofit for a business, community for an "
            "association and nongovernmental for a civil society organisation that is a "
            "partner or sponsor.",
            "local (kommunen) samt forprofit for en virksomhed, community for en forening og "
            "nongovernmental for en civilsamfundsorganisation, der er partner eller sponsor.",
        ),
    ),
    (
        "funder_types",
        Text(
            "local for a municipal budget; the source's kind for external funding (business "
            "forprofit, association community, civil society organisation nongovernmental, "
            "public authority regional).",
            "local for kommunalt budget; kildens slags for ekstern finansiering (virksomhed "
            "forprofit, forening community, civilsamfundsorganisation nongovernmental, "
            "offentlig myndighed regional).",
        ),
    ),
    (
        "staff, volunteers",
        Text(
            "yes when staff hours, or volunteer hours or volunteers, are recorded.",
            "yes, når der er registreret medarbejdertimer, eller frivillige timer eller "
            "frivillige.",
        ),
    ),
    (
        "impact_evidence",
        Text(
            "yes when an outcome has an achieved value; the outcomes (indicator, unit, "
            "baseline, target, achieved, measured, reached, co-assessed) go along without "
            "their evidence text.",
            "yes, når et resultat har en opnået værdi; resultaterne (indikator, enhed, "
            "udgangspunkt, mål, opnået, målt, nået, samvurderet) følger med uden "
            "dokumentationsteksten.",
        ),
    ),
)

_ORGANISER_BY_KIND = {
    "business": "forprofit",
    "association": "community",
    "civil_society_org": "nongovernmental",
}
_FUNDER_BY_KIND = {
    "business": "forprofit",
    "association": "community",
    "civil_society_org": "nongovernmental",
    "public_authority": "regional",
    "municipal_unit": "local",
}
_TARGETED = {"eldercare": "elderly", "integration": "immigrants", "education": "students"}
_OPEN_STATUSES = {"idea", "preparing", "active", "paused"}


def _first(values: list[str]) -> list[str]:
    return list(dict.fromkeys(values))[:LIMIT]


def purposes(item: InitiativeData) -> list[str]:
    found: list[str] = []
    phases = set(item.co_phases)
    if (
        phases & {"co_commissioning", "co_design"}
        or item.participation_level in ("collaborate", "empower")
        or item.origin == "protest_response"
    ):
        found.append("make")
    if "co_delivery" in phases or item.type is not None:
        found.append("deliver")
    if item.type == "empowerment" or "empathy_equality" in item.public_values:
        found.append("develop")
    return _first(found)


def approaches(item: InitiativeData) -> list[str]:
    found: list[str] = []
    partner_kinds = {
        i.stakeholder_kind for i in item.involvements if i.role in ("partner", "sponsor")
    }
    if item.type == "co_management":
        found += ["cogovernance", "coproduction"]
        if partner_kinds & {"business", "civil_society_org", "association"}:
            found.append("coproduction_form")
    elif item.type == "empowerment":
        found += ["coproduction", "citizenship"]
    elif item.type == "coordination":
        found += ["coproduction", "civil"]
    if "co_assessment" in item.co_phases:
        found.append("evaluation")
    return _first(found)


def case_record(
    item: InitiativeData, clean: Callable[[str | None], str], municipality: str = ""
) -> dict[str, Any]:
    """One initiative as a Participedia case (public-safe: `clean` anonymises free text)."""
    kinds = [i.stakeholder_kind for i in item.involvements]
    people = {"citizen", "volunteer"} & set(kinds)
    organisers = ["local"] + [
        _ORGANISER_BY_KIND[i.stakeholder_kind]
        for i in item.involvements
        if i.role in ("partner", "sponsor") and i.stakeholder_kind in _ORGANISER_BY_KIND
    ]
    source_kinds = {i.stakeholder_id: i.stakeholder_kind for i in item.involvements}
    funders: list[str] = []
    for res in item.resources:
        if res.kind == "municipal_budget":
            funders.append("local")
        elif res.kind == "external_funding":
            kind = source_kinds.get(res.source_id) if res.source_id is not None else None
            if kind in _FUNDER_BY_KIND:
                funders.append(_FUNDER_BY_KIND[kind])
    measured = [o for o in item.outcomes if o.achieved is not None]
    ongoing = item.status in _OPEN_STATUSES
    return {
        "type": "case",
        "title": clean(item.title),
        "description": clean(item.summary) if item.summary else None,
        "location": {
            "name": clean(item.area) if item.area else None,
            "city": municipality or None,
            "country": "Denmark",
            "latitude": item.latitude,
            "longitude": item.longitude,
        },
        "start_date": item.start_date.isoformat() if item.start_date else None,
        "end_date": item.end_date.isoformat() if item.end_date else None,
        "ongoing": ongoing,
        "purposes": purposes(item),
        "approaches": approaches(item),
        "public_spectrum": item.participation_level,
        "number_of_participants": len({i.stakeholder_id for i in item.involvements}),
        "open_limited": "open_to" if people else ("limited" if kinds else None),
        "recruitment_method": "not" if people else ("appointment" if kinds else None),
        "targeted_participants": [_TARGETED[item.sector]] if item.sector in _TARGETED else [],
        "organizer_types": _first(organisers),
        "funder_types": _first(funders),
        "staff": "yes" if any(r.kind == "staff_hours" for r in item.resources) else "no",
        "volunteers": (
            "yes"
            if "volunteer" in kinds or any(r.kind == "volunteer_hours" for r in item.resources)
            else "no"
        ),
        "impact_evidence": "yes" if measured else "no",
        "outcomes": [
            {
                "indicator": clean(o.indicator),
                "unit": o.unit,
                "baseline": o.baseline,
                "target": o.target,
                "achieved": o.achieved,
                "measured_on": o.measured_on.isoformat() if o.measured_on else None,
                "reached": outcome_reached(o),
                "co_assessed": bool(o.co_assessed),
            }
            for o in item.outcomes
        ],
        "source": {"system": "coprod-desktop", "reference": item.reference},
    }
