"""Analysis a manager sees: attention signals, a suggested type, completeness.

Pure functions of an `InitiativeData` and a date, so they are easy to test and the same in
the GUI, the CLI and the briefs.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from coprod_desktop.domain.dates import show_date
from coprod_desktop.domain.fields import COMPLETENESS_FIELDS as _EXPECTED_FIELDS
from coprod_desktop.domain.model import InitiativeData
from coprod_desktop.domain.typology import Text

OPEN_STATUSES = frozenset({"idea", "preparing", "active", "paused"})


@dataclass(frozen=True)
class Thresholds:
    stale_pressure_days: int = 30
    stale_journal_days: int = 60
    # An active initiative this long under way should say what it achieves (issue 21) ...
    outcome_grace_days: int = 365
    # ... and measure it again at least this often.
    outcome_stale_days: int = 365


@dataclass(frozen=True)
class Signal:
    key: str
    severity: str  # low | medium | high
    explanation: Text


SIGNAL_KEYS = (
    "no_mandate",
    "mandate_unclear",
    "mandate_expired",
    "no_political_anchoring",
    "no_staff_time",
    "silo",
    "stale_pressure",
    "stale_journal",
    "review_overdue",
    "partner_trust",
    "commitment_overdue",
    "no_outcomes",
    "outcomes_unmeasured",
)

# Days past due at which an overdue commitment's signal becomes medium, then high.
COMMITMENT_OVERDUE_MEDIUM_DAYS = 14
COMMITMENT_OVERDUE_HIGH_DAYS = 60


def attention_signals(
    initiative: InitiativeData, today: date, thresholds: Thresholds | None = None
) -> list[Signal]:
    """The signals that fire for an initiative that is still open (idea to paused)."""
    limits = thresholds or Thresholds()
    if initiative.status not in OPEN_STATUSES:
        return []
    found: list[Signal] = []
    mandates = sorted(initiative.mandates, key=lambda m: (m.decided_on or date.min, m.id or 0))
    current = mandates[-1] if mandates else None
    if current is None or current.level == "none":
        found.append(
            Signal(
                "no_mandate",
                "high",
                Text("No mandate is recorded.", "Der er ikke registreret noget mandat."),
            )
        )
    else:
        if current.clarity in ("unclear", "partial"):
            found.append(
                Signal(
                    "mandate_unclear",
                    "medium" if current.clarity == "partial" else "high",
                    Text(
                        f"The current mandate is {current.clarity}.",
                        "Det gældende mandat er "
                        + ("kun delvist klart." if current.clarity == "partial" else "uklart."),
                    ),
                )
            )
        if current.valid_until is not None and current.valid_until < today:
            found.append(
                Signal(
                    "mandate_expired",
                    "high",
                    Text(
                        f"The mandate expired on {current.valid_until.isoformat()}.",
                        f"Mandatet udløb {show_date(current.valid_until, 'da')}.",
                    ),
                )
            )
    if initiative.type == "co_management" and not any(
        m.political_anchoring for m in initiative.mandates
    ):
        found.append(
            Signal(
                "no_political_anchoring",
                "medium",
                Text(
                    "Co-management without political anchoring.",
                    "Samstyring uden politisk forankring.",
                ),
            )
        )
    if not any(r.kind == "staff_hours" for r in initiative.resources):
        found.append(
            Signal(
                "no_staff_time",
                "medium",
                Text("No staff time is recorded.", "Der er ikke registreret medarbejdertid."),
            )
        )
    municipal_units = {
        i.stakeholder_id for i in initiative.involvements if i.stakeholder_kind == "municipal_unit"
    }
    if initiative.type == "co_management" and len(municipal_units) <= 1:
        found.append(
            Signal(
                "silo",
                "medium",
                Text(
                    f"Co-management with only {len(municipal_units)} municipal unit involved.",
                    f"Samstyring med kun {len(municipal_units)} kommunal enhed involveret.",
                ),
            )
        )
    stale_before = today - timedelta(days=limits.stale_pressure_days)
    stale = [
        p
        for p in initiative.cross_pressures
        if p.status != "resolved" and p.severity >= 3 and p.raised_on and p.raised_on < stale_before
    ]
    if stale:
        found.append(
            Signal(
                "stale_pressure",
                "high",
                Text(
                    f"{len(stale)} high-severity cross-pressure(s) open for more than "
                    f"{limits.stale_pressure_days} days.",
                    f"{len(stale)} alvorlige krydspres har været åbne i mere end "
                    f"{limits.stale_pressure_days} dage.",
                ),
            )
        )
    if initiative.status == "active":
        last = max((j.date for j in initiative.journal if j.date), default=None)
        if last is None or last < today - timedelta(days=limits.stale_journal_days):
            found.append(
                Signal(
                    "stale_journal",
                    "low",
                    Text(
                        f"No journal entry for {limits.stale_journal_days} days.",
                        f"Ingen journalnotater i {limits.stale_journal_days} dage.",
                    ),
                )
            )
    if initiative.next_review is not None and initiative.next_review < today:
        found.append(
            Signal(
                "review_overdue",
                "medium",
                Text(
                    f"The review was due on {initiative.next_review.isoformat()}.",
                    f"Gennemgangen skulle have været holdt {show_date(initiative.next_review, 'da')}.",
                ),
            )
        )
    troubled = [
        i
        for i in initiative.involvements
        if i.role == "partner" and (i.trust == "low" or i.left_on is not None)
    ]
    if troubled:
        names = ", ".join(i.stakeholder_name for i in troubled if i.stakeholder_name)
        found.append(
            Signal(
                "partner_trust",
                "medium",
                Text(
                    f"A partner has low trust or has left: {names}.",
                    f"En partner har lav tillid eller er trådt ud: {names}.",
                ),
            )
        )
    late = [
        (today - c.due_on).days
        for c in initiative.commitments
        if c.status in ("open", "in_progress") and c.due_on is not None and c.due_on < today
    ]
    if late:
        worst = max(late)
        found.append(
            Signal(
                "commitment_overdue",
                "high"
                if worst >= COMMITMENT_OVERDUE_HIGH_DAYS
                else "medium"
                if worst >= COMMITMENT_OVERDUE_MEDIUM_DAYS
                else "low",
                Text(
                    f"Open commitments past due: {len(late)}; the oldest by {worst} days.",
                    f"Åbne aftaler over fristen: {len(late)}; den ældste med {worst} dage.",
                ),
            )
        )
    found.extend(outcome_signals(initiative, today, limits))
    return found


def _started(initiative: InitiativeData) -> date | None:
    if initiative.start_date is not None:
        return initiative.start_date
    return initiative.created_at.date() if initiative.created_at is not None else None


def outcome_signals(initiative: InitiativeData, today: date, limits: Thresholds) -> list[Signal]:
    """An active initiative under way for long without any outcome, or whose outcomes have
    not been measured for long. Value that is hard to measure is a cross-pressure of its own;
    the signal asks for a target in words rather than for a number."""
    if initiative.status != "active":
        return []
    started = _started(initiative)
    if not initiative.outcomes:
        if started is not None and started < today - timedelta(days=limits.outcome_grace_days):
            return [
                Signal(
                    "no_outcomes",
                    "medium",
                    Text(
                        f"Under way since {started.isoformat()} without any outcome recorded.",
                        f"I gang siden {started.isoformat()} uden registrerede resultater.",
                    ),
                )
            ]
        return []
    last = max((o.measured_on for o in initiative.outcomes if o.measured_on), default=None)
    since = last or started
    if since is not None and since < today - timedelta(days=limits.outcome_stale_days):
        when = last.isoformat() if last else None
        return [
            Signal(
                "outcomes_unmeasured",
                "low",
                Text(
                    f"Outcomes last measured on {when}."
                    if when
                    else "The outcomes have never been measured.",
                    f"Resultaterne blev sidst målt {when}."
                    if when
                    else "Resultaterne er aldrig blevet målt.",
                ),
            )
        ]
    return []


def suggested_type(initiative: InitiativeData) -> str | None:
    """The classification assistant's primary type from what is recorded, or None."""
    # imported here: `coprod list` and the portfolio's pages assess without the assistant
    from coprod_desktop.domain.classification import suggest_for

    suggestion = suggest_for(initiative)
    return suggestion.primary.value if suggestion.primary is not None else None


# What a manager expects to be filled: the fields declared so in domain.fields
# (`completeness`) and these lists of records.
COMPLETENESS_SCALARS = _EXPECTED_FIELDS
COMPLETENESS_LISTS = ("involvements", "mandates", "resources", "journal", "outcomes")
# Every field and list whose being filled counts (see `completeness`).
COMPLETENESS_FIELDS = (*COMPLETENESS_SCALARS, *COMPLETENESS_LISTS)


def completeness(initiative: InitiativeData) -> int:
    """0-100: the share of the fields a manager expects to be filled."""
    filled = sum(bool(getattr(initiative, name)) for name in COMPLETENESS_FIELDS)
    # Commitments are not expected of every initiative; but an open one should say who
    # keeps it and by when (one more expected item, only where there are open ones).
    promised = [c for c in initiative.commitments if c.status in ("open", "in_progress")]
    kept = all(c.owner and c.due_on for c in promised)
    return completeness_score(filled, bool(promised), kept)


def completeness_score(filled: int, open_commitments: bool, open_commitments_kept: bool) -> int:
    """`completeness` from how many of COMPLETENESS_FIELDS are filled and whether open
    commitments exist and all say who keeps them and by when."""
    total = len(COMPLETENESS_FIELDS)
    if open_commitments:
        total += 1
        filled += open_commitments_kept
    return completeness_share(filled, total)


def completeness_share(filled: int, expected: int) -> int:
    """0-100: `filled` of `expected` things, as a whole percentage."""
    return round(100 * filled / expected)
