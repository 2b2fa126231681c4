"""Plain data that the services hand to the GUI and the CLI (no database objects).

Field names follow the interchange format (resources/schema/), so one set of validation rules
(`domain.validation`) serves the editor, the services and the import.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from datetime import datetime


@dataclass
class StakeholderData:
    name: str = ""
    kind: str = "other"
    is_person: bool = False
    organisation: str | None = None
    email: str | None = None
    phone: str | None = None
    notes: str | None = None
    lawful_basis: str | None = None
    consent_date: dt.date | None = None
    retention_until: dt.date | None = None
    cvr: str | None = None
    id: int | None = None
    version: int | None = None


@dataclass
class InvolvementData:
    stakeholder_id: int | None = None
    role: str = "partner"
    influence: str | None = None
    interest: str | None = None
    trust: str | None = None
    joined_on: dt.date | None = None
    left_on: dt.date | None = None
    note: str | None = None
    id: int | None = None
    # Read-only: filled in when read, for display.
    stakeholder_name: str = ""
    stakeholder_kind: str = ""
    stakeholder_is_person: bool = False


@dataclass
class MandateData:
    level: str = "none"
    clarity: str = "unclear"
    granted_by: str | None = None
    scope: str | None = None
    political_anchoring: bool | None = None
    committee: str | None = None
    decided_on: dt.date | None = None
    reference: str | None = None
    valid_until: dt.date | None = None
    id: int | None = None


@dataclass
class ResourceData:
    kind: str = "staff_hours"
    amount: float = 0
    unit: str = "hours"
    source_id: int | None = None
    internal_unit: str | None = None
    planned: bool | None = None
    date: dt.date | None = None
    note: str | None = None
    id: int | None = None
    source_name: str = ""


@dataclass
class PressureData:
    category: str = "insufficient_resources"
    severity: int = 2
    status: str = "open"
    level: str | None = None
    description: str | None = None
    raised_on: dt.date | None = None
    raised_by: str | None = None
    coping_strategy: str | None = None
    resolution: str | None = None
    resolved_on: dt.date | None = None
    id: int | None = None


@dataclass
class JournalData:
    date: dt.date | None = None
    kind: str = "note"
    summary: str = ""
    participant_ids: list[int] = field(default_factory=list)
    follow_up_on: dt.date | None = None
    # Optional, unique within the initiative: how a commitment names the entry it came from.
    key: str | None = None
    id: int | None = None
    participant_names: list[str] = field(default_factory=list)


@dataclass
class ReviewData:
    date: dt.date | None = None
    reviewer: str = ""
    assessment: str | None = None
    decisions: str | None = None
    next_review: dt.date | None = None
    id: int | None = None


@dataclass
class CommitmentData:
    """A promise that stays open until it is kept (`done`) or given up (`dropped`)."""

    text: str = ""
    status: str = "open"
    owner: str | None = None
    counterpart_id: int | None = None
    due_on: dt.date | None = None
    done_on: dt.date | None = None
    journal: str | None = None  # the `key` of the journal entry it came from
    note: str | None = None
    id: int | None = None
    # Read-only: filled in when read, for display and for public-safe counting.
    counterpart_name: str = ""
    counterpart_kind: str = ""


@dataclass
class OutcomeData:
    """What an initiative aims at and achieved on one indicator."""

    indicator: str = ""
    unit: str | None = None
    baseline: float | None = None
    target: float | None = None
    achieved: float | None = None
    measured_on: dt.date | None = None
    evidence: str | None = None
    public_value: str | None = None
    co_assessed: bool | None = False  # None: not recorded (an import may leave it out)
    id: int | None = None


@dataclass
class InitiativeData:
    title: str = ""
    sector: str = "other"
    status: str = "idea"
    reference: str | None = None
    summary: str | None = None
    description: str | None = None
    area: str | None = None
    origin: str | None = None
    type: str | None = None
    secondary_type: str | None = None
    type_rationale: str | None = None
    participation_level: str | None = None
    public_values: list[str] = field(default_factory=list)
    frontline_role: str | None = None
    owner: str | None = None
    responsible_manager: str | None = None
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    next_review: dt.date | None = None
    kle_topic: str | None = None
    co_phases: list[str] = field(default_factory=list)
    latitude: float | None = None
    longitude: float | None = None
    involvements: list[InvolvementData] = field(default_factory=list)
    mandates: list[MandateData] = field(default_factory=list)
    resources: list[ResourceData] = field(default_factory=list)
    cross_pressures: list[PressureData] = field(default_factory=list)
    journal: list[JournalData] = field(default_factory=list)
    reviews: list[ReviewData] = field(default_factory=list)
    commitments: list[CommitmentData] = field(default_factory=list)
    outcomes: list[OutcomeData] = field(default_factory=list)
    id: int | None = None
    version: int | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None


# The child lists of an initiative (attributes of InitiativeData), in the editor's tab order.
# Everything that walks all of an initiative's records (the merge, the conflict dialog, the
# editor, the conversions) takes the names from here, so a new kind of record is added once.
INITIATIVE_LISTS = (
    "involvements",
    "mandates",
    "resources",
    "cross_pressures",
    "journal",
    "commitments",
    "reviews",
    "outcomes",
)

# Fields of child records that are read along for display and never written: the field they
# describe -> the display fields. A merge compares and copies the stored field, never these.
DISPLAY_FIELDS: dict[str, tuple[str, ...]] = {
    "stakeholder_id": ("stakeholder_name", "stakeholder_kind", "stakeholder_is_person"),
    "source_id": ("source_name",),
    "participant_ids": ("participant_names",),
    "counterpart_id": ("counterpart_name", "counterpart_kind"),
}


@dataclass(frozen=True)
class AuditData:
    at: datetime
    who: str
    action: str
    entity: str
    entity_id: int | None
    field: str | None
    old_value: str | None
    new_value: str | None


@dataclass(frozen=True)
class PortfolioRow:
    """One light row of the portfolio table."""

    id: int
    reference: str
    title: str
    type: str | None
    sector: str
    status: str
    origin: str | None
    owner: str | None
    open_pressures: int
    next_review: dt.date | None
    updated_at: datetime | None


@dataclass(frozen=True)
class AttachmentData:
    """A file kept with an initiative (or one of its journal entries): its description only;
    the bytes stay in the database until someone opens or saves them."""

    id: int
    initiative_id: int
    journal_entry_id: int | None
    name: str
    media_type: str | None
    size: int
    sha256: str
    added_on: dt.date | None
    added_by: str | None
    text_status: str = "pending"  # pending | done | none | failed
