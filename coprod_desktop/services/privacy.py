"""GDPR tools for natural persons (stakeholders with `is_person`): the retention review, the
access log, the access request export and erasure.

- Every opening of a person's record through `open_person` or `access_export` is logged in
  `person_access` with when, who and why. The GUI asks for the purpose once per working
  session and passes it on every call; the CLI takes `--purpose`.
- `erase_person` anonymises the person everywhere: the name becomes "Erased person N" (N is
  the stakeholder id; stored in English, the catalogue's base language), e-mail, phone, notes,
  organisation, lawful basis and dates are removed, and the name, e-mail and phone are
  replaced inside every free-text field of every table (initiatives, journal, notes, …) and
  in the audit trail's old and new values. Involvements, resource sources and journal
  participation stay, pointing at the anonymous record. The audit trail gets one "erase" row
  with who, when and the reason (itself cleaned of the erased values), and no erased value.
  On SQLite the erase runs with `secure_delete` on, the search index is rebuilt from scratch,
  and the file is vacuumed and the WAL checkpointed and truncated, so the erased values are
  not left in free pages or the -wal file. (Backups taken before the erase still hold them.)
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, String, Table, Text, and_, func, insert, or_, select, update
from sqlalchemy.orm import Session

from coprod_desktop.domain import model as d
from coprod_desktop.domain.errors import NotFoundError, Problem, ValidationError
from coprod_desktop.services import convert, versions
from coprod_desktop.store import models as m
from coprod_desktop.store import search
from coprod_desktop.store.db import Database, translating_db_errors

ACCESS_FORMAT = "coprod-person-access"
DEFAULT_EXPORT_PURPOSE = "access request"
ERASED_NAME = "Erased person {id}"
ERASED_VALUE = "[erased]"
# Fields of a stakeholder that are personal data; their audit values are removed on erase.
PERSONAL_FIELDS = (
    "name",
    "email",
    "phone",
    "notes",
    "organisation",
    "lawful_basis",
    "consent_date",
    "retention_until",
)


@dataclass(frozen=True)
class PersonSummary:
    id: int
    name: str
    kind: str
    organisation: str | None
    lawful_basis: str | None
    consent_date: date | None
    retention_until: date | None
    initiatives: int


@dataclass(frozen=True)
class AccessLogEntry:
    at: datetime
    who: str
    action: str
    purpose: str
    stakeholder_id: int | None


@dataclass(frozen=True)
class PersonInvolvement:
    initiative_id: int
    reference: str
    title: str
    role: str
    influence: str | None
    interest: str | None
    trust: str | None
    joined_on: date | None
    left_on: date | None
    note: str | None


@dataclass(frozen=True)
class PersonJournalEntry:
    initiative_id: int
    reference: str
    date: date
    kind: str
    summary: str
    participant: bool  # listed as a participant (else only mentioned by name)


@dataclass(frozen=True)
class PersonResource:
    initiative_id: int
    reference: str
    kind: str
    amount: float
    unit: str
    planned: bool | None
    date: date | None
    note: str | None


@dataclass(frozen=True)
class PersonRecord:
    """Everything held about one person (what the GUI shows and the access export writes)."""

    person: d.StakeholderData
    involvements: list[PersonInvolvement]
    journal: list[PersonJournalEntry]
    resources: list[PersonResource]
    mentioned_in: list[tuple[int, str, str]]  # (initiative id, reference, field) naming them


@dataclass(frozen=True)
class EraseResult:
    stakeholder_id: int
    anonymous_name: str
    texts_replaced: int  # free-text values elsewhere that named the person
    audit_rows_scrubbed: int
    file_compacted: bool  # SQLite: vacuumed and the WAL truncated (False: another program held it)


# ---------------------------------------------------------------- lists


def _summaries(session: Session, where: Any) -> list[PersonSummary]:
    used = (
        select(func.count(func.distinct(m.Involvement.initiative_id)))
        .where(m.Involvement.stakeholder_id == m.Stakeholder.id)
        .correlate(m.Stakeholder)
        .scalar_subquery()
    )
    rows = session.execute(
        select(
            m.Stakeholder.id,
            m.Stakeholder.name,
            m.Stakeholder.kind,
            m.Stakeholder.organisation,
            m.Stakeholder.lawful_basis,
            m.Stakeholder.consent_date,
            m.Stakeholder.retention_until,
            used,
        )
        .where(m.Stakeholder.is_person.is_(True), where)
        .order_by(func.lower(m.Stakeholder.name), m.Stakeholder.id)
    ).all()
    return [PersonSummary(*row) for row in rows]


def list_persons(db: Database) -> list[PersonSummary]:
    """Every natural person, by name."""
    with db.session() as session:
        return _summaries(session, m.Stakeholder.id.is_not(None))


def retention_due(db: Database, today: date | None = None) -> list[PersonSummary]:
    """Persons whose retention date has passed (before `today`): review or erase them."""
    day = today or date.today()
    with db.session() as session:
        return _summaries(
            session,
            and_(m.Stakeholder.retention_until.is_not(None), m.Stakeholder.retention_until < day),
        )


# ---------------------------------------------------------------- access log


def _person(session: Session, stakeholder_id: int) -> m.Stakeholder:
    row = session.get(m.Stakeholder, stakeholder_id)
    if row is None:
        raise NotFoundError("stakeholder", stakeholder_id)
    if not row.is_person:
        raise ValidationError([Problem("stakeholder", "not_a_person", {"name": row.name})])
    return row


def _purpose(purpose: str) -> str:
    text = (purpose or "").strip()
    if not text:
        raise ValidationError([Problem("purpose", "required")])
    return text


def log_access(session: Session, stakeholder_id: int, who: str, action: str, purpose: str) -> None:
    session.add(
        m.PersonAccess(stakeholder_id=stakeholder_id, who=who, action=action, purpose=purpose)
    )


def access_log(db: Database, stakeholder_id: int) -> list[AccessLogEntry]:
    """Who opened this person's record, when and why, oldest first."""
    with db.session() as session:
        if session.get(m.Stakeholder, stakeholder_id) is None:
            raise NotFoundError("stakeholder", stakeholder_id)
        rows = session.scalars(
            select(m.PersonAccess)
            .where(m.PersonAccess.stakeholder_id == stakeholder_id)
            .order_by(m.PersonAccess.at, m.PersonAccess.id)
        ).all()
        return [AccessLogEntry(r.at, r.who, r.action, r.purpose, r.stakeholder_id) for r in rows]


# ---------------------------------------------------------------- reading a person's record


def _mentions(text: str | None, needles: Sequence[re.Pattern[str]]) -> bool:
    return bool(text) and any(p.search(text or "") for p in needles)


def _name_pattern(value: str) -> re.Pattern[str]:
    """The value in any case, with any run of spaces where it has one."""
    parts = [re.escape(part) for part in value.split()]
    return re.compile(r"\s+".join(parts), re.IGNORECASE)


def _record(session: Session, row: m.Stakeholder) -> PersonRecord:
    needles = [_name_pattern(row.name)] if row.name.strip() else []
    needles += [_name_pattern(x) for x in (row.email, row.phone) if x and x.strip()]
    involvements = [
        PersonInvolvement(
            inv.initiative_id,
            inv.initiative.reference,
            inv.initiative.title,
            inv.role,
            inv.influence,
            inv.interest,
            inv.trust,
            inv.joined_on,
            inv.left_on,
            inv.note,
        )
        for inv in sorted(row.involvements, key=lambda x: (x.initiative.reference, x.id))
    ]
    participating = set(
        session.scalars(
            select(m.journal_participant.c.journal_entry_id).where(
                m.journal_participant.c.stakeholder_id == row.id
            )
        )
    )
    journal: list[PersonJournalEntry] = []
    references: dict[int, str] = {
        ident: reference
        for ident, reference in session.execute(select(m.Initiative.id, m.Initiative.reference))
    }
    for entry in session.scalars(select(m.JournalEntry).order_by(m.JournalEntry.date)):
        named = _mentions(entry.summary, needles)
        if entry.id in participating or named:
            journal.append(
                PersonJournalEntry(
                    entry.initiative_id,
                    references.get(entry.initiative_id, ""),
                    entry.date,
                    entry.kind,
                    entry.summary,
                    entry.id in participating,
                )
            )
    resources = [
        PersonResource(
            r.initiative_id,
            references.get(r.initiative_id, ""),
            r.kind,
            r.amount,
            r.unit,
            r.planned,
            r.date,
            r.note,
        )
        for r in session.scalars(
            select(m.ResourceEntry)
            .where(m.ResourceEntry.source_id == row.id)
            .order_by(m.ResourceEntry.id)
        )
    ]
    mentioned: list[tuple[int, str, str]] = []
    text_fields = ("title", "summary", "description", "area", "type_rationale")
    for initiative in session.scalars(select(m.Initiative).order_by(m.Initiative.reference)):
        for name in text_fields:
            if _mentions(getattr(initiative, name), needles):
                mentioned.append((initiative.id, initiative.reference, name))
    return PersonRecord(convert.stakeholder_data(row), involvements, journal, resources, mentioned)


def open_person(
    db: Database, stakeholder_id: int, purpose: str, *, action: str = "view"
) -> PersonRecord:
    """A person's record, with the opening logged (who, when, `purpose`)."""
    why = _purpose(purpose)
    with db.session() as session:
        row = _person(session, stakeholder_id)
        record = _record(session, row)
        log_access(session, row.id, db.user, action, why)
        return record


def jsonable(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def access_export(
    db: Database, stakeholder_id: int, purpose: str = DEFAULT_EXPORT_PURPOSE
) -> dict[str, Any]:
    """Everything held about one person, for an access request (GDPR art. 15), as a
    JSON-ready document: the record, involvements with initiative reference and title,
    journal entries they took part in or are named in, resources they provided, initiatives
    whose text names them, the audit entries about them and the access log. Logged."""
    why = _purpose(purpose)
    with db.session() as session:
        row = _person(session, stakeholder_id)
        log_access(session, row.id, db.user, "export", why)
        session.flush()
        record = _record(session, row)
        involvement_ids = [inv.id for inv in row.involvements]
        needles = [_name_pattern(x) for x in (row.name, row.email, row.phone) if x and x.strip()]
        audit_rows = list(
            session.scalars(
                select(m.AuditEntry)
                .where(
                    or_(
                        and_(
                            m.AuditEntry.entity == "stakeholder", m.AuditEntry.entity_id == row.id
                        ),
                        and_(
                            m.AuditEntry.entity == "involvement",
                            m.AuditEntry.entity_id.in_(involvement_ids or [-1]),
                        ),
                    )
                )
                .order_by(m.AuditEntry.at, m.AuditEntry.id)
            )
        )
        seen = {a.id for a in audit_rows}
        for entry in session.scalars(select(m.AuditEntry).order_by(m.AuditEntry.id)):
            if entry.id not in seen and (
                _mentions(entry.old_value, needles) or _mentions(entry.new_value, needles)
            ):
                audit_rows.append(entry)
        audit = [
            {
                "at": a.at,
                "who": a.who,
                "action": a.action,
                "entity": a.entity,
                "entity_id": a.entity_id,
                "field": a.field,
                "old_value": a.old_value,
                "new_value": a.new_value,
            }
            for a in sorted(audit_rows, key=lambda a: (a.at, a.id))
        ]
        log = [
            {"at": r.at, "who": r.who, "action": r.action, "purpose": r.purpose}
            for r in session.scalars(
                select(m.PersonAccess)
                .where(m.PersonAccess.stakeholder_id == row.id)
                .order_by(m.PersonAccess.at, m.PersonAccess.id)
            )
        ]
        person = {"id": row.id, **asdict(record.person), "created_at": row.created_at}
        person.pop("version", None)
        document = {
            "format": ACCESS_FORMAT,
            "version": 1,
            "exported_at": m.utcnow().replace(microsecond=0),
            "exported_by": db.user,
            "purpose": why,
            "person": person,
            "involvements": [asdict(x) for x in record.involvements],
            "journal": [asdict(x) for x in record.journal],
            "resources": [asdict(x) for x in record.resources],
            "mentioned_in": [
                {"initiative_id": i, "reference": ref, "field": name}
                for i, ref, name in record.mentioned_in
            ],
            "audit": audit,
            "access_log": log,
        }
    result: dict[str, Any] = jsonable(document)
    return result


def write_access_json(document: dict[str, Any], path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".part")
    temporary.write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n", "utf-8")
    temporary.replace(path)
    return path


# ---------------------------------------------------------------- erasure


def _table(model: type[m.Base]) -> Table:
    table: Table = model.__table__  # type: ignore[assignment]
    return table


def _string_columns(table: Table) -> list[str]:
    return [
        c.name
        for c in table.columns
        if isinstance(c.type, String | Text) and not c.primary_key and not c.foreign_keys
    ]


# Tables whose free text is searched for the erased values (the audit trail is scrubbed apart).
_TEXT_TABLES = (
    m.Initiative,
    m.Stakeholder,
    m.Involvement,
    m.Mandate,
    m.ResourceEntry,
    m.CrossPressure,
    m.JournalEntry,
    m.Review,
    m.PersonAccess,
)
_VERSIONED = frozenset({m.Initiative, m.Stakeholder})


def _replacer(replacements: Iterable[tuple[str, str]]) -> Any:
    patterns = [(_name_pattern(old), new) for old, new in replacements if old and old.strip()]

    def replace(text: str | None) -> str | None:
        if not text:
            return text
        for pattern, new in patterns:
            text = pattern.sub(new, text)
        return text

    return replace


def _replace_in_table(connection: Connection, model: type[m.Base], replace: Any) -> int:
    table = _table(model)
    names = _string_columns(table)
    if not names:
        return 0
    changed = 0
    rows = connection.execute(select(table.c.id, *(table.c[n] for n in names))).all()
    for row in rows:
        values = {}
        for index, name in enumerate(names, start=1):
            old = row[index]
            new = replace(old)
            if new != old:
                values[name] = new
        if values:
            if model in _VERSIONED:
                values["version"] = table.c.version + 1
                values["updated_at"] = m.utcnow()
            connection.execute(update(table).where(table.c.id == row[0]).values(**values))
            changed += 1
    return changed


def _scrub_audit(connection: Connection, stakeholder_id: int, replace: Any) -> int:
    table = _table(m.AuditEntry)
    scrubbed = 0
    own = connection.execute(
        update(table)
        .where(
            table.c.entity == "stakeholder",
            table.c.entity_id == stakeholder_id,
            table.c.field.in_(PERSONAL_FIELDS),
        )
        .values(old_value=None, new_value=None)
    )
    scrubbed += own.rowcount
    for ident, old, new in connection.execute(
        select(table.c.id, table.c.old_value, table.c.new_value)
    ).all():
        values = {}
        if replace(old) != old:
            values["old_value"] = replace(old)
        if replace(new) != new:
            values["new_value"] = replace(new)
        if values:
            connection.execute(update(table).where(table.c.id == ident).values(**values))
            scrubbed += 1
    return scrubbed


@translating_db_errors
def erase_person(
    db: Database, stakeholder_id: int, reason: str, *, who: str | None = None
) -> EraseResult:
    """Anonymise a natural person everywhere and leave no trace of the erased values (see
    the module description). The reason is required; it is kept in the audit trail."""
    why = (reason or "").strip()
    if not why:
        raise ValidationError([Problem("reason", "required")])
    by = who or db.user
    is_sqlite = db.dialect == "sqlite"
    with db.session() as session:  # check first, with the usual error translation
        row = _person(session, stakeholder_id)
        name, email, phone = row.name, row.email, row.phone
        notes = row.notes
    anonymous = ERASED_NAME.format(id=stakeholder_id)
    replace = _replacer(
        [
            (name, anonymous),
            (email or "", ERASED_VALUE),
            (phone or "", ERASED_VALUE),
            # personal notes copied elsewhere word for word (short ones could be anything)
            (notes if notes and len(notes.strip()) >= 12 else "", ERASED_VALUE),
        ]
    )
    audit_replace = _replacer(
        [
            (name, anonymous),
            (email or "", ERASED_VALUE),
            (phone or "", ERASED_VALUE),
            (notes or "", ERASED_VALUE),
        ]
    )
    with db.engine.connect() as connection:
        if is_sqlite:  # freed pages are overwritten with zeros from here on
            connection.exec_driver_sql("PRAGMA secure_delete = ON")
            connection.commit()
        try:
            with connection.begin():
                stakeholder = _table(m.Stakeholder)
                connection.execute(
                    update(stakeholder)
                    .where(stakeholder.c.id == stakeholder_id)
                    .values(
                        name=anonymous,
                        email=None,
                        phone=None,
                        notes=None,
                        organisation=None,
                        lawful_basis=None,
                        consent_date=None,
                        retention_until=None,
                        version=stakeholder.c.version + 1,
                        updated_at=m.utcnow(),
                    )
                )
                texts = sum(_replace_in_table(connection, t, replace) for t in _TEXT_TABLES)
                scrubbed = _scrub_audit(connection, stakeholder_id, audit_replace)
                # earlier versions kept for merges must not bring the person back either
                versions.forget_mentioning(connection, audit_replace)
                connection.execute(
                    insert(_table(m.AuditEntry)).values(
                        at=m.utcnow(),
                        who=by,
                        action="erase",
                        entity="stakeholder",
                        entity_id=stakeholder_id,
                        initiative_id=None,
                        field=None,
                        old_value=None,
                        new_value=audit_replace(why),
                    )
                )
                search.rebuild_all(connection)
                if is_sqlite:
                    # Drop every old index segment, not only mark rows deleted.
                    fts = search.FTS_TABLE
                    connection.exec_driver_sql(f"INSERT INTO {fts}({fts}) VALUES('rebuild')")
                    connection.exec_driver_sql(f"INSERT INTO {fts}({fts}) VALUES('optimize')")
        finally:
            if is_sqlite:
                connection.exec_driver_sql("PRAGMA secure_delete = OFF")
                connection.commit()
    compacted = _compact_sqlite(db) if is_sqlite else False
    return EraseResult(stakeholder_id, anonymous, texts, scrubbed, compacted)


def _compact_sqlite(db: Database) -> bool:
    """VACUUM (rewrites the file without free pages), then checkpoint and truncate the WAL."""
    db.engine.dispose()  # idle pooled connections must not pin old WAL frames
    with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.exec_driver_sql("PRAGMA secure_delete = ON")
        connection.exec_driver_sql("VACUUM")
        busy = 1
        for _attempt in range(3):
            result = connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").one()
            busy = int(result[0])
            if not busy:
                break
        connection.exec_driver_sql("PRAGMA secure_delete = OFF")
    return busy == 0
