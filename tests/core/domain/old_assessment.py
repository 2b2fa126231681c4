"""The classification assistant's pre-answers and the completeness score as they were worked
out before issue 22, copied unchanged (but for names) from the commit before it: the
reference the faster computation is proven equal to (tests/core/domain/
test_classification_facts.py, tests/core/services/test_portfolio_listing.py).
"""

from __future__ import annotations

from collections.abc import Mapping

from coprod_desktop.domain.classification import (
    _TEXT_HINTS,
    CM,
    COORD,
    EMP,
    ORGANISATION_KINDS,
    QUESTION_BY_KEY,
    QUESTIONS,
    Suggestion,
)
from coprod_desktop.domain.model import InitiativeData
from coprod_desktop.domain.vocab import InitiativeType


def old_text_leaning(initiative: InitiativeData) -> InitiativeType | None:
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


def old_pre_answer(initiative: InitiativeData) -> dict[str, str | None]:
    """Answers drawn from what is recorded; None where the record says too little."""
    kinds = [i.stakeholder_kind for i in initiative.involvements]
    organisations = sum(k in ORGANISATION_KINDS for k in kinds)
    units = kinds.count("municipal_unit")
    volunteers = kinds.count("volunteer") + sum(
        1
        for i in initiative.involvements
        if i.stakeholder_kind == "association" and i.role == "contributor"
    )
    users = sum(1 for i in initiative.involvements if i.role == "user")
    volunteer_hours = sum(r.amount for r in initiative.resources if r.kind == "volunteer_hours")
    text_hint = old_text_leaning(initiative)

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


# as they were before issue 22 (frozen here: the reference must not follow the code)
_EXPECTED_FIELDS = (
    "summary",
    "description",
    "area",
    "origin",
    "type",
    "type_rationale",
    "participation_level",
    "public_values",
    "frontline_role",
    "owner",
    "responsible_manager",
    "start_date",
    "next_review",
)
_EXPECTED_LISTS = ("involvements", "mandates", "resources", "journal", "outcomes")


def old_completeness(initiative: InitiativeData) -> int:
    """0-100: the share of the fields a manager expects to be filled."""
    filled = sum(bool(getattr(initiative, name)) for name in _EXPECTED_FIELDS)
    filled += sum(bool(getattr(initiative, name)) for name in _EXPECTED_LISTS)
    filled += bool(initiative.title) + bool(initiative.sector) + bool(initiative.status)
    total = len(_EXPECTED_FIELDS) + len(_EXPECTED_LISTS) + 3
    # Commitments are not expected of every initiative; but an open one should say who
    # keeps it and by when (one more expected item, only where there are open ones).
    promised = [c for c in initiative.commitments if c.status in ("open", "in_progress")]
    if promised:
        total += 1
        filled += all(c.owner and c.due_on for c in promised)
    return round(100 * filled / total)


def old_suggest(answers: Mapping[str, str | None]) -> Suggestion:
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
