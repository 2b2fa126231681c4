"""Between database rows and the plain data of `domain.model`."""

from __future__ import annotations

from dataclasses import fields
from typing import Any

from coprod_desktop.domain import fields as fields_
from coprod_desktop.domain import model as d
from coprod_desktop.store import models as m

INITIATIVE_SCALARS = tuple(
    f.name
    for f in fields(d.InitiativeData)
    if f.name not in {*d.INITIATIVE_LISTS, "id", "version", "created_at", "updated_at"}
)
STAKEHOLDER_SCALARS = tuple(
    f.name for f in fields(d.StakeholderData) if f.name not in {"id", "version"}
)


def _copy(source: object, names: tuple[str, ...]) -> dict[str, Any]:
    return {name: getattr(source, name) for name in names}


def stakeholder_data(row: m.Stakeholder) -> d.StakeholderData:
    return d.StakeholderData(id=row.id, version=row.version, **_copy(row, STAKEHOLDER_SCALARS))


def involvement_data(row: m.Involvement) -> d.InvolvementData:
    return d.InvolvementData(
        id=row.id,
        stakeholder_id=row.stakeholder_id,
        role=row.role,
        influence=row.influence,
        interest=row.interest,
        trust=row.trust,
        joined_on=row.joined_on,
        left_on=row.left_on,
        note=row.note,
        stakeholder_name=row.stakeholder.name,
        stakeholder_kind=row.stakeholder.kind,
        stakeholder_is_person=row.stakeholder.is_person,
    )


def _columns(cls: type, entity: str) -> tuple[str, ...]:
    """The attributes of a child record's dataclass kept in columns of its table, in the
    dataclass's order (from the declaration, domain.fields)."""
    stored = fields_.column_attributes(entity)
    return tuple(f.name for f in fields(cls) if f.name in stored)


MANDATE_FIELDS = _columns(d.MandateData, "mandate")
RESOURCE_FIELDS = _columns(d.ResourceData, "resource")
PRESSURE_FIELDS = _columns(d.PressureData, "cross_pressure")
JOURNAL_FIELDS = _columns(d.JournalData, "journal")
REVIEW_FIELDS = _columns(d.ReviewData, "review")
# Stored as columns of `commitment` (the journal entry is a link, see `commitment_data`).
COMMITMENT_FIELDS = _columns(d.CommitmentData, "commitment")
OUTCOME_FIELDS = _columns(d.OutcomeData, "outcome")
INVOLVEMENT_FIELDS = _columns(d.InvolvementData, "involvement")


def initiative_data(row: m.Initiative) -> d.InitiativeData:
    data = d.InitiativeData(
        id=row.id,
        version=row.version,
        created_at=row.created_at,
        updated_at=row.updated_at,
        **_copy(row, INITIATIVE_SCALARS),
    )
    data.public_values = list(row.public_values or [])
    data.co_phases = list(row.co_phases or [])
    data.involvements = [involvement_data(i) for i in row.involvements]
    data.mandates = [d.MandateData(id=x.id, **_copy(x, MANDATE_FIELDS)) for x in row.mandates]
    data.resources = [
        d.ResourceData(
            id=x.id,
            source_name=x.source.name if x.source is not None else "",
            **_copy(x, RESOURCE_FIELDS),
        )
        for x in row.resources
    ]
    data.cross_pressures = [
        d.PressureData(id=x.id, **_copy(x, PRESSURE_FIELDS)) for x in row.cross_pressures
    ]
    data.journal = [
        d.JournalData(
            id=x.id,
            participant_ids=[p.id for p in x.participants],
            participant_names=[p.name for p in x.participants],
            **_copy(x, JOURNAL_FIELDS),
        )
        for x in row.journal
    ]
    data.reviews = [d.ReviewData(id=x.id, **_copy(x, REVIEW_FIELDS)) for x in row.reviews]
    data.commitments = [commitment_data(x) for x in row.commitments]
    data.outcomes = [d.OutcomeData(id=x.id, **_copy(x, OUTCOME_FIELDS)) for x in row.outcomes]
    return data


def commitment_data(row: m.Commitment) -> d.CommitmentData:
    return d.CommitmentData(
        id=row.id,
        journal=row.journal_entry.key if row.journal_entry is not None else None,
        counterpart_name=row.counterpart.name if row.counterpart is not None else "",
        counterpart_kind=row.counterpart.kind if row.counterpart is not None else "",
        **_copy(row, COMMITMENT_FIELDS),
    )


def commitment_record(x: d.CommitmentData) -> dict[str, Any]:
    """A commitment in the interchange shape, with the counterpart's id as its key."""
    fields_ = tuple(f for f in COMMITMENT_FIELDS if f != "counterpart_id")
    return {**_copy(x, fields_), "counterpart": x.counterpart_id, "journal": x.journal}


def validation_record(data: d.InitiativeData) -> dict[str, Any]:
    """The initiative in the shape `domain.validation` checks (interchange field names)."""
    record: dict[str, Any] = {"key": str(data.id or "new")}
    record.update(_copy(data, INITIATIVE_SCALARS))
    record["stakeholders"] = [
        {**_copy(i, INVOLVEMENT_FIELDS[1:]), "stakeholder": i.stakeholder_id}
        for i in data.involvements
    ]
    record["mandates"] = [_copy(x, MANDATE_FIELDS) for x in data.mandates]
    record["resources"] = [
        {**_copy(x, tuple(f for f in RESOURCE_FIELDS if f != "source_id")), "source": x.source_id}
        for x in data.resources
    ]
    record["cross_pressures"] = [_copy(x, PRESSURE_FIELDS) for x in data.cross_pressures]
    record["journal"] = [
        {**_copy(x, JOURNAL_FIELDS), "participants": list(x.participant_ids)} for x in data.journal
    ]
    record["reviews"] = [_copy(x, REVIEW_FIELDS) for x in data.reviews]
    record["commitments"] = [commitment_record(x) for x in data.commitments]
    record["outcomes"] = [_copy(x, OUTCOME_FIELDS) for x in data.outcomes]
    return record
