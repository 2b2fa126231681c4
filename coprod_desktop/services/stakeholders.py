"""The stakeholder registry: one stakeholder, many initiatives."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from coprod_desktop.domain import model as d
from coprod_desktop.domain.errors import ConflictError, NotFoundError, Problem, ValidationError
from coprod_desktop.domain.validation import clean
from coprod_desktop.services import convert
from coprod_desktop.store import models as m
from coprod_desktop.store.db import Database


@dataclass(frozen=True)
class Usage:
    initiative_id: int
    reference: str
    title: str
    role: str


def _record(data: d.StakeholderData) -> dict[str, object]:
    record: dict[str, object] = {"key": str(data.id or "new")}
    record.update({name: getattr(data, name) for name in convert.STAKEHOLDER_SCALARS})
    return record


def check(data: d.StakeholderData, path: str = "") -> None:
    problems: list[Problem] = []
    clean("stakeholder", _record(data), path, problems, check_unknown_fields=False)
    if problems:
        raise ValidationError(problems)


def list_stakeholders(
    db: Database, search: str | None = None, kind: str | None = None, persons_only: bool = False
) -> list[d.StakeholderData]:
    with db.session() as session:
        query = select(m.Stakeholder).order_by(func.lower(m.Stakeholder.name), m.Stakeholder.id)
        if search:
            pattern = f"%{search.strip().lower()}%"
            query = query.where(
                or_(
                    func.lower(m.Stakeholder.name).like(pattern),
                    func.lower(m.Stakeholder.organisation).like(pattern),
                )
            )
        if kind:
            query = query.where(m.Stakeholder.kind == kind)
        if persons_only:
            query = query.where(m.Stakeholder.is_person.is_(True))
        return [convert.stakeholder_data(row) for row in session.scalars(query)]


def _load(session: Session, stakeholder_id: int) -> m.Stakeholder:
    row = session.get(m.Stakeholder, stakeholder_id)
    if row is None:
        raise NotFoundError("stakeholder", stakeholder_id)
    return row


def get_stakeholder(db: Database, stakeholder_id: int) -> d.StakeholderData:
    with db.session() as session:
        return convert.stakeholder_data(_load(session, stakeholder_id))


def create_stakeholder(db: Database, data: d.StakeholderData) -> d.StakeholderData:
    check(data)
    with db.session() as session:
        row = m.Stakeholder(**{n: getattr(data, n) for n in convert.STAKEHOLDER_SCALARS})
        session.add(row)
        session.flush()
        return convert.stakeholder_data(row)


def save_stakeholder(db: Database, data: d.StakeholderData) -> d.StakeholderData:
    if data.id is None:
        return create_stakeholder(db, data)
    check(data)
    with db.session() as session:
        row = _load(session, data.id)
        if data.version is not None and row.version != data.version:
            raise ConflictError("stakeholder", row.name)
        for name in convert.STAKEHOLDER_SCALARS:
            if getattr(row, name) != getattr(data, name):
                setattr(row, name, getattr(data, name))
        session.flush()
        return convert.stakeholder_data(row)


def where_used(db: Database, stakeholder_id: int) -> list[Usage]:
    with db.session() as session:
        _load(session, stakeholder_id)
        rows = session.execute(
            select(m.Initiative.id, m.Initiative.reference, m.Initiative.title, m.Involvement.role)
            .join(m.Involvement, m.Involvement.initiative_id == m.Initiative.id)
            .where(m.Involvement.stakeholder_id == stakeholder_id)
            .order_by(m.Initiative.reference)
        ).all()
        return [Usage(*row) for row in rows]


def delete_stakeholder(db: Database, stakeholder_id: int) -> None:
    """Delete a stakeholder no initiative involves (resources and journal lose the link)."""
    with db.session() as session:
        row = _load(session, stakeholder_id)
        used = session.scalar(
            select(func.count()).where(m.Involvement.stakeholder_id == stakeholder_id)
        )
        if used:
            raise ValidationError([Problem("stakeholder", "in_use", {"count": used})])
        session.delete(row)


def merge_stakeholders(db: Database, keep_id: int, duplicate_id: int) -> d.StakeholderData:
    """Fold a duplicate into the stakeholder to keep: every involvement, resource source and
    journal participation moves over; blank fields of the kept one are filled from the other."""
    if keep_id == duplicate_id:
        raise ValidationError([Problem("stakeholder", "merge_same", {})])
    with db.session() as session:
        keep = _load(session, keep_id)
        duplicate = _load(session, duplicate_id)
        for name in convert.STAKEHOLDER_SCALARS:
            if getattr(keep, name) in (None, "") and getattr(duplicate, name) not in (None, ""):
                setattr(keep, name, getattr(duplicate, name))
        for involvement in list(duplicate.involvements):
            involvement.stakeholder = keep
        # Through the ORM, not a bulk UPDATE, so each moved source is audited.
        for resource in session.scalars(
            select(m.ResourceEntry).where(m.ResourceEntry.source_id == duplicate_id)
        ):
            resource.source = keep
        entries = session.scalars(
            select(m.JournalEntry).where(
                m.JournalEntry.participants.any(m.Stakeholder.id == duplicate_id)
            )
        ).all()
        for entry in entries:
            people = [p for p in entry.participants if p.id != duplicate_id]
            if keep not in people:
                people.append(keep)
            entry.participants = people
        session.flush()
        session.delete(duplicate)
        session.flush()
        return convert.stakeholder_data(keep)


def find_or_create(
    session: Session, name: str, kind: str, values: dict[str, object]
) -> tuple[m.Stakeholder, bool]:
    """The stakeholder with this exact name and kind, or a new one (import reuses by name+kind)."""
    found = session.scalar(
        select(m.Stakeholder)
        .where(m.Stakeholder.name == name, m.Stakeholder.kind == kind)
        .order_by(m.Stakeholder.id)
        .limit(1)
    )
    if found is not None:
        return found, False
    row = m.Stakeholder(**values)
    session.add(row)
    return row, True
