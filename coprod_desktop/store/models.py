"""SQLAlchemy 2 typed models for every entity of the portfolio (docs/architecture.md).

Vocabulary fields hold the stable keys of `domain.vocab` as short strings; validation of the
keys happens in the domain layer before anything is written.
"""

from __future__ import annotations

import datetime as dt
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)
from sqlalchemy.orm import (
    DeclarativeBase,
    Mapped,
    deferred,
    mapped_column,
    relationship,
    validates,
)

from coprod_desktop.domain import fields
from coprod_desktop.domain.vocab import PERSON_KINDS, is_natural_person

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

KEY = String(40)  # a vocabulary key


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {dict[str, Any]: JSON, list[str]: JSON}


journal_participant = Table(
    "journal_participant",
    Base.metadata,
    Column(
        "journal_entry_id",
        ForeignKey("journal_entry.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column(
        "stakeholder_id",
        ForeignKey("stakeholder.id", ondelete="CASCADE"),
        primary_key=True,
        index=True,
    ),
)


# Columns of `initiative` kept by database triggers: no audit row, never written by the code.
ATTENTION_FACTS = (
    "current_mandate_level",
    "current_mandate_clarity",
    "current_mandate_until",
    "anchored_mandates",
    "staff_time_entries",
    "municipal_units",
    "troubled_partners",
    "severe_pressure_since",
    "last_journal_on",
    "earliest_open_due",
    "outcome_count",
    "last_measured_on",
)


class Initiative(Base):
    __tablename__ = "initiative"

    id: Mapped[int] = mapped_column(primary_key=True)
    reference: Mapped[str] = mapped_column(String(40), unique=True)
    title: Mapped[str] = mapped_column(Text)
    summary: Mapped[str | None] = mapped_column(Text)
    description: Mapped[str | None] = mapped_column(Text)
    sector: Mapped[str] = mapped_column(KEY, index=True)
    area: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(KEY, index=True)
    origin: Mapped[str | None] = mapped_column(KEY, index=True)
    type: Mapped[str | None] = mapped_column(KEY, index=True)
    secondary_type: Mapped[str | None] = mapped_column(KEY)
    type_rationale: Mapped[str | None] = mapped_column(Text)
    participation_level: Mapped[str | None] = mapped_column(KEY)
    public_values: Mapped[list[str]] = mapped_column(JSON, default=list)
    frontline_role: Mapped[str | None] = mapped_column(KEY)
    owner: Mapped[str | None] = mapped_column(String(200), index=True)
    responsible_manager: Mapped[str | None] = mapped_column(String(200))
    start_date: Mapped[dt.date | None] = mapped_column(Date)
    end_date: Mapped[dt.date | None] = mapped_column(Date)
    next_review: Mapped[dt.date | None] = mapped_column(Date, index=True)
    kle_topic: Mapped[str | None] = mapped_column(String(40))
    # Loeffler & Bovaird's four Co's the initiative covers (co_phases keys), several at once.
    co_phases: Mapped[list[str]] = mapped_column(JSON, default=list)
    # WGS84 degrees, both or neither (domain.validation checks the pair and the ranges).
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)
    # Title and owner lower-cased by Python (Unicode-aware, unlike SQLite's lower()), so the
    # portfolio sorts by them and filters by owner through an index instead of calling a
    # function on every row. Kept in step by `_sort_keys`; not part of the domain or the audit.
    title_key: Mapped[str] = mapped_column(Text, default="", server_default="")
    owner_key: Mapped[str | None] = mapped_column(Text, index=True)
    # Unresolved cross-pressures, so the portfolio sorts by them through an index. Written
    # only by database triggers on cross_pressure (migration 0005), never by this code: an
    # object loaded before a pressure changed holds a stale count, so read it with a query.
    open_pressures: Mapped[int] = mapped_column(Integer, server_default="0", index=True)
    # The facts attention signals read (services/attention.py), written only by database
    # triggers on the child tables (migration 0013) and never by this code, like open_pressures.
    current_mandate_level: Mapped[str | None] = mapped_column(KEY, index=True)
    current_mandate_clarity: Mapped[str | None] = mapped_column(KEY, index=True)
    current_mandate_until: Mapped[dt.date | None] = mapped_column(Date, index=True)
    anchored_mandates: Mapped[int] = mapped_column(Integer, server_default="0", index=True)
    staff_time_entries: Mapped[int] = mapped_column(Integer, server_default="0", index=True)
    municipal_units: Mapped[int] = mapped_column(Integer, server_default="0", index=True)
    troubled_partners: Mapped[int] = mapped_column(Integer, server_default="0", index=True)
    severe_pressure_since: Mapped[dt.date | None] = mapped_column(Date, index=True)
    last_journal_on: Mapped[dt.date | None] = mapped_column(Date, index=True)
    earliest_open_due: Mapped[dt.date | None] = mapped_column(Date, index=True)
    outcome_count: Mapped[int] = mapped_column(Integer, server_default="0", index=True)
    last_measured_on: Mapped[dt.date | None] = mapped_column(Date, index=True)

    involvements: Mapped[list[Involvement]] = relationship(
        back_populates="initiative", cascade="all, delete-orphan", order_by="Involvement.id"
    )
    mandates: Mapped[list[Mandate]] = relationship(
        back_populates="initiative", cascade="all, delete-orphan", order_by="Mandate.id"
    )
    resources: Mapped[list[ResourceEntry]] = relationship(
        back_populates="initiative", cascade="all, delete-orphan", order_by="ResourceEntry.id"
    )
    cross_pressures: Mapped[list[CrossPressure]] = relationship(
        back_populates="initiative", cascade="all, delete-orphan", order_by="CrossPressure.id"
    )
    journal: Mapped[list[JournalEntry]] = relationship(
        back_populates="initiative", cascade="all, delete-orphan", order_by="JournalEntry.id"
    )
    reviews: Mapped[list[Review]] = relationship(
        back_populates="initiative", cascade="all, delete-orphan", order_by="Review.id"
    )
    commitments: Mapped[list[Commitment]] = relationship(
        back_populates="initiative", cascade="all, delete-orphan", order_by="Commitment.id"
    )
    outcomes: Mapped[list[Outcome]] = relationship(
        back_populates="initiative", cascade="all, delete-orphan", order_by="Outcome.id"
    )

    __mapper_args__ = {"version_id_col": version}
    __table_args__ = (
        Index("ix_initiative_title", "title"),
        Index("ix_initiative_title_key", "title_key"),
        # everything the portfolio's figures read of an initiative (migration 0015)
        Index(
            "ix_initiative_figures",
            "type",
            "sector",
            "status",
            "origin",
            "reference",
            "next_review",
            "start_date",
            "created_at",
            *ATTENTION_FACTS,
        ),
        # the co-production phases and public values the figures count, grouped by their
        # JSON text (SQLite only: PostgreSQL cannot index its json type; migration 0015)
        Index("ix_initiative_lists", "type", "co_phases", "public_values").ddl_if(dialect="sqlite"),
    )

    @validates("title", "owner")
    def _sort_keys(self, name: str, value: str | None) -> str | None:
        key = sort_key(value)
        if name == "title":
            self.title_key = key or ""
        else:
            self.owner_key = key
        return value


def sort_key(value: str | None) -> str | None:
    """What `Initiative.title_key` and `owner_key` hold for a title or owner."""
    return value.lower() if isinstance(value, str) else None


class Stakeholder(Base):
    __tablename__ = "stakeholder"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(KEY)
    is_person: Mapped[bool] = mapped_column(Boolean, default=False)
    organisation: Mapped[str | None] = mapped_column(Text)
    email: Mapped[str | None] = mapped_column(String(320))
    phone: Mapped[str | None] = mapped_column(String(60))
    notes: Mapped[str | None] = mapped_column(Text)
    lawful_basis: Mapped[str | None] = mapped_column(KEY)
    consent_date: Mapped[dt.date | None] = mapped_column(Date)
    retention_until: Mapped[dt.date | None] = mapped_column(Date)
    # Danish company register number (8 digits, modulus 11), organisations only.
    cvr: Mapped[str | None] = mapped_column(String(8))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)

    involvements: Mapped[list[Involvement]] = relationship(back_populates="stakeholder")

    __mapper_args__ = {"version_id_col": version}
    __table_args__ = (Index("ix_stakeholder_name_kind", "name", "kind"),)

    @validates("kind", "is_person")
    def _person_kinds(self, name: str, value: Any) -> Any:
        """Citizens and volunteers are natural persons whatever `is_person` was set to."""
        if name == "kind" and value in PERSON_KINDS:
            self.is_person = True
        if name == "is_person":
            return is_natural_person(self.kind, value)
        return value


class Involvement(Base):
    __tablename__ = "involvement"

    id: Mapped[int] = mapped_column(primary_key=True)
    initiative_id: Mapped[int] = mapped_column(
        ForeignKey("initiative.id", ondelete="CASCADE"), index=True
    )
    stakeholder_id: Mapped[int] = mapped_column(
        ForeignKey("stakeholder.id", ondelete="RESTRICT"), index=True
    )
    role: Mapped[str] = mapped_column(KEY)
    influence: Mapped[str | None] = mapped_column(KEY)
    interest: Mapped[str | None] = mapped_column(KEY)
    trust: Mapped[str | None] = mapped_column(KEY)
    joined_on: Mapped[dt.date | None] = mapped_column(Date)
    left_on: Mapped[dt.date | None] = mapped_column(Date)
    note: Mapped[str | None] = mapped_column(Text)

    initiative: Mapped[Initiative] = relationship(back_populates="involvements")
    stakeholder: Mapped[Stakeholder] = relationship(back_populates="involvements")


class Mandate(Base):
    __tablename__ = "mandate"

    id: Mapped[int] = mapped_column(primary_key=True)
    initiative_id: Mapped[int] = mapped_column(
        ForeignKey("initiative.id", ondelete="CASCADE"), index=True
    )
    granted_by: Mapped[str | None] = mapped_column(Text)
    level: Mapped[str] = mapped_column(KEY)
    clarity: Mapped[str] = mapped_column(KEY)
    scope: Mapped[str | None] = mapped_column(Text)
    political_anchoring: Mapped[bool | None] = mapped_column(Boolean)
    committee: Mapped[str | None] = mapped_column(Text)
    decided_on: Mapped[dt.date | None] = mapped_column(Date)
    reference: Mapped[str | None] = mapped_column(String(100))
    valid_until: Mapped[dt.date | None] = mapped_column(Date)

    initiative: Mapped[Initiative] = relationship(back_populates="mandates")


class ResourceEntry(Base):
    __tablename__ = "resource_entry"

    id: Mapped[int] = mapped_column(primary_key=True)
    initiative_id: Mapped[int] = mapped_column(
        ForeignKey("initiative.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(KEY)
    amount: Mapped[float] = mapped_column(Float)
    unit: Mapped[str] = mapped_column(String(40))
    source_id: Mapped[int | None] = mapped_column(
        ForeignKey("stakeholder.id", ondelete="SET NULL"), index=True
    )
    internal_unit: Mapped[str | None] = mapped_column(Text)
    planned: Mapped[bool | None] = mapped_column(Boolean)
    date: Mapped[dt.date | None] = mapped_column(Date)
    note: Mapped[str | None] = mapped_column(Text)

    initiative: Mapped[Initiative] = relationship(back_populates="resources")
    source: Mapped[Stakeholder | None] = relationship()

    __table_args__ = (
        CheckConstraint("amount >= 0", name="amount_not_negative"),
        # the portfolio's figures (migration 0015)
        Index("ix_resource_entry_figures", "initiative_id", "kind", "planned", "amount"),
    )


class CrossPressure(Base):
    __tablename__ = "cross_pressure"

    id: Mapped[int] = mapped_column(primary_key=True)
    initiative_id: Mapped[int] = mapped_column(
        ForeignKey("initiative.id", ondelete="CASCADE"), index=True
    )
    category: Mapped[str] = mapped_column(KEY, index=True)
    level: Mapped[str | None] = mapped_column(KEY)
    severity: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(KEY)
    description: Mapped[str | None] = mapped_column(Text)
    raised_on: Mapped[dt.date | None] = mapped_column(Date)
    raised_by: Mapped[str | None] = mapped_column(Text)
    coping_strategy: Mapped[str | None] = mapped_column(KEY)
    resolution: Mapped[str | None] = mapped_column(Text)
    resolved_on: Mapped[dt.date | None] = mapped_column(Date)

    initiative: Mapped[Initiative] = relationship(back_populates="cross_pressures")

    __table_args__ = (
        CheckConstraint("severity BETWEEN 1 AND 3", name="severity_range"),
        # The portfolio counts open pressures per initiative on every page it shows.
        Index("ix_cross_pressure_initiative_status", "initiative_id", "status"),
        # the portfolio's figures (migration 0015)
        Index("ix_cross_pressure_figures", "initiative_id", "category", "status", "severity"),
    )


class JournalEntry(Base):
    __tablename__ = "journal_entry"

    id: Mapped[int] = mapped_column(primary_key=True)
    initiative_id: Mapped[int] = mapped_column(
        ForeignKey("initiative.id", ondelete="CASCADE"), index=True
    )
    date: Mapped[dt.date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(KEY)
    summary: Mapped[str] = mapped_column(Text)
    follow_up_on: Mapped[dt.date | None] = mapped_column(Date)
    # Optional name of the entry within its initiative (interchange `key`), for commitments.
    key: Mapped[str | None] = mapped_column(String(40))

    initiative: Mapped[Initiative] = relationship(back_populates="journal")

    __table_args__ = (Index("ix_journal_entry_initiative_date", "initiative_id", "date"),)
    participants: Mapped[list[Stakeholder]] = relationship(
        secondary=journal_participant, order_by="Stakeholder.id"
    )


class Review(Base):
    __tablename__ = "review"

    id: Mapped[int] = mapped_column(primary_key=True)
    initiative_id: Mapped[int] = mapped_column(
        ForeignKey("initiative.id", ondelete="CASCADE"), index=True
    )
    date: Mapped[dt.date] = mapped_column(Date)
    reviewer: Mapped[str] = mapped_column(Text)
    assessment: Mapped[str | None] = mapped_column(Text)
    decisions: Mapped[str | None] = mapped_column(Text)
    next_review: Mapped[dt.date | None] = mapped_column(Date)

    initiative: Mapped[Initiative] = relationship(back_populates="reviews")


class Commitment(Base):
    """What was promised, by whom, to whom and by when (issue 19)."""

    __tablename__ = "commitment"

    id: Mapped[int] = mapped_column(primary_key=True)
    initiative_id: Mapped[int] = mapped_column(
        ForeignKey("initiative.id", ondelete="CASCADE"), index=True
    )
    text: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(KEY)
    owner: Mapped[str | None] = mapped_column(String(200))
    counterpart_id: Mapped[int | None] = mapped_column(
        ForeignKey("stakeholder.id", ondelete="SET NULL"), index=True
    )
    due_on: Mapped[dt.date | None] = mapped_column(Date)
    done_on: Mapped[dt.date | None] = mapped_column(Date)
    journal_entry_id: Mapped[int | None] = mapped_column(
        ForeignKey("journal_entry.id", ondelete="SET NULL"), index=True
    )
    note: Mapped[str | None] = mapped_column(Text)
    # The owner lower-cased by Python (as `Initiative.owner_key`): "My work" finds a person's
    # open commitments through an index, whatever case their name was typed in.
    owner_key: Mapped[str | None] = mapped_column(Text)

    initiative: Mapped[Initiative] = relationship(back_populates="commitments")
    counterpart: Mapped[Stakeholder | None] = relationship()
    journal_entry: Mapped[JournalEntry | None] = relationship()

    __table_args__ = (
        # `coprod commitments` lists by status and due date; "My work" by owner and status.
        Index("ix_commitment_status_due_on", "status", "due_on"),
        Index("ix_commitment_owner_key_status_due_on", "owner_key", "status", "due_on"),
        # the portfolio's figures (migration 0015)
        Index("ix_commitment_figures", "initiative_id", "status", "due_on", "done_on"),
    )

    @validates("owner")
    def _owner_key(self, _name: str, value: str | None) -> str | None:
        self.owner_key = sort_key(value)
        return value


class Outcome(Base):
    """What an initiative aims at and achieved, on one indicator."""

    __tablename__ = "outcome"

    id: Mapped[int] = mapped_column(primary_key=True)
    initiative_id: Mapped[int] = mapped_column(
        ForeignKey("initiative.id", ondelete="CASCADE"), index=True
    )
    indicator: Mapped[str] = mapped_column(Text)
    unit: Mapped[str | None] = mapped_column(String(40))
    baseline: Mapped[float | None] = mapped_column(Float)
    target: Mapped[float | None] = mapped_column(Float)
    achieved: Mapped[float | None] = mapped_column(Float)
    measured_on: Mapped[dt.date | None] = mapped_column(Date)
    evidence: Mapped[str | None] = mapped_column(Text)
    public_value: Mapped[str | None] = mapped_column(KEY)
    co_assessed: Mapped[bool | None] = mapped_column(Boolean)  # None: not recorded

    initiative: Mapped[Initiative] = relationship(back_populates="outcomes")


class AuditEntry(Base):
    __tablename__ = "audit_entry"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
    who: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(20))  # create | update | delete
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[int | None] = mapped_column(Integer)
    # The initiative the change belongs to, so its History tab finds child changes too.
    initiative_id: Mapped[int | None] = mapped_column(Integer, index=True)
    field: Mapped[str | None] = mapped_column(String(60))
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (Index("ix_audit_entry_entity", "entity", "entity_id"),)


class PersonAccess(Base):
    """Who opened a natural person's record, when and why (GDPR: answer "who looked at my
    data?"). Written by `services.privacy` for every opening; never by the audit listener."""

    __tablename__ = "person_access"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
    who: Mapped[str] = mapped_column(String(200))
    stakeholder_id: Mapped[int | None] = mapped_column(
        ForeignKey("stakeholder.id", ondelete="SET NULL"), index=True
    )
    action: Mapped[str] = mapped_column(String(20))  # view | export
    purpose: Mapped[str] = mapped_column(Text)


class InitiativeVersion(Base):
    """An earlier version of an initiative (its fields and child rows as JSON, display names
    left out), kept when a save replaces it so that `import --merge` can merge an export
    against the state it was made from. Pruned by services.versions; not audited."""

    __tablename__ = "initiative_version"

    initiative_id: Mapped[int] = mapped_column(
        ForeignKey("initiative.id", ondelete="CASCADE"), primary_key=True
    )
    version: Mapped[int] = mapped_column(Integer, primary_key=True)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    saved_at: Mapped[datetime | None] = mapped_column(DateTime)  # when this version was saved
    replaced_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)


class NameDecision(Base):
    """What the user decided about a name-like phrase before a public brief: keep it
    (`replacement` is None) or print `replacement` instead. Keyed by the phrase without case
    or spacing differences, so the brief can be re-made without asking again (and the whole
    team shares the decisions)."""

    __tablename__ = "name_decision"

    id: Mapped[int] = mapped_column(primary_key=True)
    phrase_key: Mapped[str] = mapped_column(String(300), unique=True)
    phrase: Mapped[str] = mapped_column(String(300))
    replacement: Mapped[str | None] = mapped_column(String(300))
    decided_by: Mapped[str] = mapped_column(String(200))
    decided_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Erasure(Base):
    """The erasure ledger: which stakeholders were erased, with salted hashes of the erased
    name, e-mail and phone (never the values), so an erasure can be recognised and applied
    again to a restored backup (services.privacy keeps a copy beside the backups)."""

    __tablename__ = "erasure"

    id: Mapped[int] = mapped_column(primary_key=True)
    stakeholder_id: Mapped[int] = mapped_column(Integer, index=True)  # no FK: outlives rows
    erased_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    salt: Mapped[str] = mapped_column(String(64))
    name_hash: Mapped[str] = mapped_column(String(64))
    email_hash: Mapped[str | None] = mapped_column(String(64))
    phone_hash: Mapped[str | None] = mapped_column(String(64))
    # the checksums of the documents the erase deleted, space-separated (never their names)
    document_hashes: Mapped[str | None] = mapped_column(Text)
    # SQLite: the final VACUUM has not succeeded yet; `coprod check` or the GUI finishes it.
    cleanup_pending: Mapped[bool] = mapped_column(Boolean, default=False)


class Attachment(Base):
    """A file kept with an initiative or one of its journal entries (services.attachments).
    Only the description lives here; the bytes are in `attachment_content`, once per
    checksum. Deleting the journal entry keeps the file with the initiative."""

    __tablename__ = "attachment"

    id: Mapped[int] = mapped_column(primary_key=True)
    initiative_id: Mapped[int] = mapped_column(
        ForeignKey("initiative.id", ondelete="CASCADE"), index=True
    )
    journal_entry_id: Mapped[int | None] = mapped_column(
        ForeignKey("journal_entry.id", ondelete="SET NULL"), index=True
    )
    name: Mapped[str] = mapped_column(Text)
    media_type: Mapped[str | None] = mapped_column(String(200))
    size: Mapped[int] = mapped_column(BigInteger)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    added_on: Mapped[dt.date | None] = mapped_column(Date)
    added_by: Mapped[str | None] = mapped_column(String(200))
    # The document's words for the search (filled after adding, in the background); never
    # loaded with the row, so listing thousands of attachments reads no text.
    extracted_text: Mapped[str | None] = deferred(mapped_column(Text))
    text_status: Mapped[str] = mapped_column(
        String(20), default="pending", server_default="pending"
    )


class AttachmentContent(Base):
    """The bytes of attached files: one set of chunks per checksum, however many attachments
    name it. In the database (not beside it) so a shared database shares the files, a backup
    copies them and a transaction keeps record and bytes together; in chunks so no single
    value grows past what a driver handles comfortably. No ORM code loads it with anything."""

    __tablename__ = "attachment_content"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    data: Mapped[bytes] = mapped_column(LargeBinary)


# What each text column holds, for erasure (services.privacy). Free text may name a person
# and gets that person's recorded values replaced, as whole words; the other text columns
# (vocabulary keys, references, staff names, another party's own record, derived sort keys,
# the audit trail's bookkeeping) are never rewritten by an erase. The columns of declared
# fields are classified by their declaration (domain.fields: `free_text`); the rest here. A
# test fails when a text column is in neither list, so a new column has to be classified.
_FREE_TEXT_UNDECLARED: dict[str, frozenset[str]] = {
    "person_access": frozenset({"purpose"}),
    # old_value/new_value hold a copy of another column: scrubbed by what that column is
    "audit_entry": frozenset(),
    "erasure": frozenset(),
    # a phrase decided for public briefs may be the person's name: such rows are deleted by
    # an erase (services.privacy), not rewritten
    "name_decision": frozenset(),
    # earlier versions kept for merges: those mentioning an erased person are deleted
    # (services.versions.forget_mentioning), not rewritten
    "initiative_version": frozenset(),
}
# Text columns of declared records that hold no field of their own.
_NOT_FREE_TEXT_UNDECLARED: dict[str, frozenset[str]] = {
    "initiative": frozenset(
        {
            "title_key",  # derived from title (rewritten with it)
            "current_mandate_level",  # vocabulary keys copied by triggers (migration 0013)
            "current_mandate_clarity",
            "owner_key",
        }
    ),
    "commitment": frozenset({"owner_key"}),
    "attachment": frozenset({"text_status"}),
    "audit_entry": frozenset({"who", "action", "entity", "field", "old_value", "new_value"}),
    "person_access": frozenset({"who", "action"}),
    "erasure": frozenset({"salt", "name_hash", "email_hash", "phone_hash", "document_hashes"}),
    "name_decision": frozenset({"phrase_key", "phrase", "replacement", "decided_by"}),
    "attachment_content": frozenset({"sha256"}),
}
# A party's own record (stakeholder) has no free text: only the erased person's is cleared.
# A document's own bytes cannot be redacted: an erase lists the documents that mention the
# person and deletes or keeps each (services.attachments); its name and words can.
FREE_TEXT: dict[str, frozenset[str]] = {
    **fields.free_text_columns(),
    **_FREE_TEXT_UNDECLARED,
}
NOT_FREE_TEXT: dict[str, frozenset[str]] = {
    table: fields.other_text_columns().get(table, frozenset())
    | _NOT_FREE_TEXT_UNDECLARED.get(table, frozenset())
    for table in {*fields.other_text_columns(), *_NOT_FREE_TEXT_UNDECLARED}
}


# Child tables of an initiative, by interchange list name.
CHILD_MODELS: dict[str, type[Base]] = {
    "stakeholders": Involvement,
    "mandates": Mandate,
    "resources": ResourceEntry,
    "cross_pressures": CrossPressure,
    "journal": JournalEntry,
    "reviews": Review,
    "commitments": Commitment,
    "outcomes": Outcome,
}


class ReferenceCounter(Base):
    """The last reference number handed out per year (see `store.references`)."""

    __tablename__ = "reference_counter"

    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    last: Mapped[int] = mapped_column(Integer, default=0)
