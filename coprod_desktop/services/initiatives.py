"""Create, read, update and delete initiatives with all their children."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, joinedload, selectinload

from coprod_desktop.domain import model as d
from coprod_desktop.domain.errors import ConflictError, NotFoundError, Problem, ValidationError
from coprod_desktop.domain.validation import check_journal_links, clean
from coprod_desktop.services import convert, versions
from coprod_desktop.store import models as m
from coprod_desktop.store import references
from coprod_desktop.store.db import Database
from coprod_desktop.store.models import utcnow


def load_options() -> list[Any]:
    return [
        selectinload(m.Initiative.involvements).joinedload(m.Involvement.stakeholder),
        selectinload(m.Initiative.mandates),
        selectinload(m.Initiative.resources).joinedload(m.ResourceEntry.source),
        selectinload(m.Initiative.cross_pressures),
        selectinload(m.Initiative.journal).selectinload(m.JournalEntry.participants),
        selectinload(m.Initiative.reviews),
        selectinload(m.Initiative.commitments).options(
            joinedload(m.Commitment.counterpart), joinedload(m.Commitment.journal_entry)
        ),
        selectinload(m.Initiative.outcomes),
    ]


MAX_ID = 2**63 - 1  # the largest id a database stores; a larger one names nothing


def as_id(ident: int | str) -> int | None:
    """`ident` as a record id if it is one (ASCII digits; not beyond MAX_ID), else None."""
    if isinstance(ident, str):
        text = ident.strip()
        if not (text.isascii() and text.isdigit()) or len(text) > len(str(MAX_ID)):
            return None
        ident = int(text)
    return ident if 0 < ident <= MAX_ID else None


def resolve_id(session: Session, ident: int | str) -> int:
    """An initiative id from an id or a reference such as CP-2026-014."""
    number = as_id(ident)
    if number is not None:
        found = session.get(m.Initiative, number)
        if found is not None:
            return found.id
    if isinstance(ident, str):
        found_id = session.scalar(
            select(m.Initiative.id).where(
                func.upper(m.Initiative.reference) == ident.strip().upper()
            )
        )
        if found_id is not None:
            return found_id
    raise NotFoundError("initiative", ident)


def load(session: Session, initiative_id: int) -> m.Initiative:
    row = session.scalar(
        select(m.Initiative).where(m.Initiative.id == initiative_id).options(*load_options())
    )
    if row is None:
        raise NotFoundError("initiative", initiative_id)
    return row


def get_initiative(db: Database, ident: int | str) -> d.InitiativeData:
    """One initiative with all its children (by id or reference).

    Read with the briefs' plain-SQL loader rather than ORM objects: opening the editor waits
    for this (tests check both readings give the same)."""
    from coprod_desktop.services import reporting  # reporting reads the portfolio service

    with db.session() as session:
        initiative_id = _existing_id(session, ident)
    found = reporting.load_initiatives(db, [initiative_id])
    if not found:  # deleted in between
        raise NotFoundError("initiative", ident)
    return found[0]


def _existing_id(session: Session, ident: int | str) -> int:
    """resolve_id without loading the initiative itself."""
    number = as_id(ident)
    if number is not None:
        found = session.scalar(select(m.Initiative.id).where(m.Initiative.id == number))
        if found is not None:
            return found
    return resolve_id(session, ident)


def get_many(db: Database, ids: Sequence[int]) -> list[d.InitiativeData]:
    """Several initiatives with their children, in the order of `ids`."""
    with db.session() as session:
        found: dict[int, d.InitiativeData] = {}
        for start in range(0, len(ids), 500):
            chunk = list(ids[start : start + 500])
            rows = session.scalars(
                select(m.Initiative).where(m.Initiative.id.in_(chunk)).options(*load_options())
            ).all()
            found.update({row.id: convert.initiative_data(row) for row in rows})
        return [found[i] for i in ids if i in found]


def next_reference(session: Session, year: int | None = None) -> str:
    """The next free reference of the year, CP-YYYY-NNN, taken for this session's transaction
    (a concurrent writer waits and gets the one after it)."""
    return references.reserve(session, 1, year=year)[0]


def _check(session: Session, data: d.InitiativeData) -> None:
    """Every problem with `data` at once, as one ValidationError."""
    problems: list[Problem] = []
    record = convert.validation_record(data)
    clean("initiative", record, "", problems, check_unknown_fields=False)
    check_journal_links(record["journal"], record["commitments"], "", problems)
    wanted = {i.stakeholder_id for i in data.involvements if i.stakeholder_id is not None}
    wanted |= {r.source_id for r in data.resources if r.source_id is not None}
    wanted |= {c.counterpart_id for c in data.commitments if c.counterpart_id is not None}
    for entry in data.journal:
        wanted |= set(entry.participant_ids)
    known = (
        set(session.scalars(select(m.Stakeholder.id).where(m.Stakeholder.id.in_(wanted))).all())
        if wanted
        else set()
    )
    for index, inv in enumerate(data.involvements):
        if inv.stakeholder_id is not None and inv.stakeholder_id not in known:
            problems.append(
                Problem(
                    f"stakeholders[{index}].stakeholder",
                    "unknown_stakeholder",
                    {"value": inv.stakeholder_id},
                )
            )
    for index, res in enumerate(data.resources):
        if res.source_id is not None and res.source_id not in known:
            problems.append(
                Problem(
                    f"resources[{index}].source", "unknown_stakeholder", {"value": res.source_id}
                )
            )
    for index, entry in enumerate(data.journal):
        for pid in entry.participant_ids:
            if pid not in known:
                problems.append(
                    Problem(f"journal[{index}].participants", "unknown_stakeholder", {"value": pid})
                )
    for index, item in enumerate(data.commitments):
        if item.counterpart_id is not None and item.counterpart_id not in known:
            problems.append(
                Problem(
                    f"commitments[{index}].counterpart",
                    "unknown_stakeholder",
                    {"value": item.counterpart_id},
                )
            )
    if data.reference:
        clash = session.scalar(
            select(m.Initiative.id).where(
                func.upper(m.Initiative.reference) == data.reference.strip().upper()
            )
        )
        if clash is not None and clash != data.id:
            problems.append(Problem("reference", "reference_exists", {"value": data.reference}))
    if problems:
        raise ValidationError(problems)


def _set(row: object, name: str, value: object) -> None:
    if getattr(row, name) != value:
        setattr(row, name, value)


def _sync(
    session: Session,
    current: list[Any],
    wanted: Sequence[Any],
    model: type[m.Base],
    names: tuple[str, ...],
    stakeholders: dict[int, m.Stakeholder],
) -> None:
    """Make the child list `current` match `wanted` (by id): update, add, delete."""
    by_id = {row.id: row for row in current}
    keep: list[Any] = []
    for item in wanted:
        row = by_id.get(item.id) if item.id is not None else None
        if row is None:
            row = model()
        for name in names:
            _set(row, name, getattr(item, name))
        if isinstance(row, m.JournalEntry):
            participants = [stakeholders[pid] for pid in item.participant_ids]
            if [p.id for p in row.participants] != item.participant_ids:
                row.participants = participants
        keep.append(row)
    if [id(r) for r in current] != [id(r) for r in keep]:
        current[:] = keep


def _fresh(value: Any) -> Any:
    """A list value copied (a JSON column notices a new list, not a changed one)."""
    return list(value) if isinstance(value, list | tuple) else value


def _apply(session: Session, row: m.Initiative, data: d.InitiativeData) -> None:
    for name in convert.INITIATIVE_SCALARS:
        if name == "reference" and not data.reference:
            continue
        _set(row, name, _fresh(getattr(data, name)))
    ids: set[int] = {pid for j in data.journal for pid in j.participant_ids}
    stakeholders = (
        {s.id: s for s in session.scalars(select(m.Stakeholder).where(m.Stakeholder.id.in_(ids)))}
        if ids
        else {}
    )
    _sync(
        session,
        row.involvements,
        data.involvements,
        m.Involvement,
        convert.INVOLVEMENT_FIELDS,
        stakeholders,
    )
    _sync(session, row.mandates, data.mandates, m.Mandate, convert.MANDATE_FIELDS, stakeholders)
    _sync(
        session,
        row.resources,
        data.resources,
        m.ResourceEntry,
        convert.RESOURCE_FIELDS,
        stakeholders,
    )
    _sync(
        session,
        row.cross_pressures,
        data.cross_pressures,
        m.CrossPressure,
        convert.PRESSURE_FIELDS,
        stakeholders,
    )
    _sync(session, row.journal, data.journal, m.JournalEntry, convert.JOURNAL_FIELDS, stakeholders)
    _sync(session, row.reviews, data.reviews, m.Review, convert.REVIEW_FIELDS, stakeholders)
    _sync(
        session,
        row.commitments,
        data.commitments,
        m.Commitment,
        convert.COMMITMENT_FIELDS,
        stakeholders,
    )
    # the journal entry a commitment came from, by its key (new entries have no id yet)
    entries = {entry.key: entry for entry in row.journal if entry.key is not None}
    for commitment, item in zip(row.commitments, data.commitments, strict=True):
        entry = entries.get(item.journal) if item.journal is not None else None
        if commitment.journal_entry is not entry:
            commitment.journal_entry = entry
    _sync(session, row.outcomes, data.outcomes, m.Outcome, convert.OUTCOME_FIELDS, stakeholders)


def stale(session: Session, row: m.Initiative, since: str = "opened") -> ConflictError:
    """The conflict of a stale copy of `row`, naming who changed it last and when."""
    last = session.execute(
        select(m.AuditEntry.who, m.AuditEntry.at)
        .where(m.AuditEntry.initiative_id == row.id)
        .order_by(m.AuditEntry.id.desc())
        .limit(1)
    ).first()
    if last is None:
        return ConflictError("initiative", row.reference, since=since)
    local = last.at.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)  # stored in UTC
    return ConflictError("initiative", row.reference, who=last.who, at=local, since=since)


def create_initiative(db: Database, data: d.InitiativeData) -> d.InitiativeData:
    with db.session() as session:
        _check(session, data)
        typed = (data.reference or "").strip()
        reference = references.reserve(session, 0 if typed else 1, explicit=[typed])
        row = m.Initiative(reference=typed or reference[0])
        session.add(row)
        with session.no_autoflush:
            _apply(session, row, data)
        session.flush()
        new_id = row.id
    return get_initiative(db, new_id)


def save_initiative(db: Database, data: d.InitiativeData) -> d.InitiativeData:
    """Save an edited initiative and its children. `data.version` is the version it was read
    at; if someone saved it since, ConflictError is raised and nothing is written."""
    if data.id is None:
        return create_initiative(db, data)
    with db.session() as session:
        row = load(session, data.id)
        if data.version is not None and row.version != data.version:
            raise stale(session, row)
        _check(session, data)
        apply_changes(session, row, data, convert.initiative_data(row))
    return get_initiative(db, data.id)


check = _check  # for the import's merge path


def apply_changes(
    session: Session, row: m.Initiative, data: d.InitiativeData, before: d.InitiativeData
) -> bool:
    """Write `data` into the loaded `row`; when anything changed, bump the version and keep
    `before` (the version replaced) for later merges. True when something changed."""
    with session.no_autoflush:
        _apply(session, row, data)
    children_changed = bool(session.new or session.deleted) or any(
        session.is_modified(obj) for obj in session.dirty if obj is not row
    )
    if not (children_changed or session.is_modified(row)):
        return False
    # Bumps the version even when only children changed, so their edits are locked too.
    row.updated_at = utcnow()
    versions.remember(session, before)
    return True


def update_fields(
    db: Database,
    ident: int | str,
    changes: Mapping[str, Any],
    expected_version: int | None = None,
) -> int:
    """Change a few fields of an initiative (not its children) without loading the rest.

    Returns the new version. With `expected_version`, a concurrent save is a ConflictError.
    """
    unknown = [name for name in changes if name not in convert.INITIATIVE_SCALARS]
    if unknown:
        raise ValidationError([Problem(name, "unknown_field") for name in unknown])
    with db.session() as session:
        row = load(session, resolve_id(session, ident))
        if expected_version is not None and row.version != expected_version:
            raise stale(session, row)
        before = convert.initiative_data(row)
        record: dict[str, Any] = {name: getattr(row, name) for name in convert.INITIATIVE_SCALARS}
        record.update(changes)
        record["key"] = row.reference
        problems: list[Problem] = []
        clean("initiative", record, "", problems, check_unknown_fields=False)
        if problems:
            raise ValidationError(problems)
        for name, value in changes.items():
            _set(row, name, _fresh(value))
        if session.is_modified(row):
            versions.remember(session, before)
        session.flush()
        return row.version


def delete_initiative(db: Database, ident: int | str, expected_version: int | None = None) -> None:
    with db.session() as session:
        row = load(session, resolve_id(session, ident))
        if expected_version is not None and row.version != expected_version:
            raise stale(session, row)
        session.delete(row)


def bulk_update(
    db: Database, ids: Sequence[int], *, status: str | None = None, owner: str | None = None
) -> int:
    """Change status and/or owner of several initiatives at once (each audited)."""
    problems: list[Problem] = []
    if status is not None:
        clean(
            "initiative",
            {"key": "x", "title": "x", "sector": "other", "status": status},
            "",
            problems,
            check_unknown_fields=False,
        )
    if problems:
        raise ValidationError(problems)
    with db.session() as session:
        rows = session.scalars(
            select(m.Initiative).where(m.Initiative.id.in_(list(ids))).options(*load_options())
        ).all()
        for row in rows:
            before = convert.initiative_data(row)
            if status is not None:
                _set(row, "status", status)
            if owner is not None:
                _set(row, "owner", owner or None)
            if session.is_modified(row):
                versions.remember(session, before)
        return len(rows)


def history(db: Database, ident: int | str) -> list[d.AuditData]:
    """The audit trail of an initiative and its children, newest first."""
    with db.session() as session:
        initiative_id = resolve_id(session, ident)
        rows = session.scalars(
            select(m.AuditEntry)
            .where(m.AuditEntry.initiative_id == initiative_id)
            .order_by(m.AuditEntry.id.desc())
        ).all()
        return [
            d.AuditData(
                r.at, r.who, r.action, r.entity, r.entity_id, r.field, r.old_value, r.new_value
            )
            for r in rows
        ]
