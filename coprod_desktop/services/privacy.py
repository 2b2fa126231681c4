"""GDPR tools for natural persons (stakeholders with `is_person`): the retention review, the
access log, the access request export and erasure.

- Every opening of a person's record through `open_person` or `access_export` is logged in
  `person_access` with when, who and why. The GUI asks for the purpose once per working
  session and passes it on every call; the CLI takes `--purpose`.
- `erase_person` anonymises the person everywhere: the name becomes "Erased person N" (N is
  the stakeholder id; stored in English, the catalogue's base language), e-mail, phone, notes,
  organisation, lawful basis and dates are removed, and the recorded name, e-mail and phone
  (domain.personal_text: whole words, common phone forms) are replaced in the free-text
  columns declared in `store.models.FREE_TEXT` and in the audit trail's copies of them; keys,
  references and other parties' records are never touched. Involvements, resource sources and
  journal participation stay, pointing at the anonymous record. Every initiative touched or
  linked gets a new version (stale saves conflict) and an "erase" audit row; the stakeholder
  gets one with who, when and the reason (cleaned of the erased values). The first name or
  surname alone is not replaced: the result lists where it still stands, for review.
  On SQLite the erase runs with `secure_delete` on, the search index is rebuilt from scratch,
  and the file is vacuumed and the WAL truncated; if only that clean-up fails the erase stands
  and `finish_cleanup` (run by `coprod check` and the GUI) repeats it.
- The erasure ledger (services.erasure_ledger: ids and salted hashes, in the database and in
  the data folder) lets `reapply_erasures` erase again a person a restored or older copy
  brings back.
"""

from __future__ import annotations

import dataclasses
import json
import re
import sqlite3
from collections.abc import Callable, Mapping, Sequence
from contextlib import suppress
from dataclasses import asdict, dataclass
from dataclasses import replace as replace_field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Connection,
    String,
    Table,
    Text,
    and_,
    delete,
    exc,
    func,
    insert,
    or_,
    select,
    update,
)
from sqlalchemy.orm import Session

from coprod_desktop.domain import fields, import_event
from coprod_desktop.domain import model as d
from coprod_desktop.domain.errors import NotFoundError, Problem, ValidationError
from coprod_desktop.domain.personal_text import (
    PersonValues,
    Replacer,
    name_words,
    possible_mentions,
)
from coprod_desktop.services import convert, versions
from coprod_desktop.services import erasure_ledger as ledger
from coprod_desktop.store import models as m
from coprod_desktop.store import search
from coprod_desktop.store.audit import ENTITY_NAMES
from coprod_desktop.store.db import Database, translating_db_errors

ACCESS_FORMAT = "coprod-person-access"
DEFAULT_EXPORT_PURPOSE = "access request"
ERASED_NAME = "Erased person {id}"
ERASED_VALUE = "[erased]"
# The audit trail's reason when a restored backup brought an erased person back.
REAPPLIED_REASON = "erasure of {date} applied again (the person came back with a backup)"
# Fields of a stakeholder that are personal data (declared in domain.fields): an erase clears
# them (the name is replaced) and removes their audit values.
PERSONAL_FIELDS = fields.PERSONAL_FIELDS


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
class PersonCommitment:
    """A promise made to the person (a commitment naming them as its counterpart)."""

    initiative_id: int
    reference: str
    text: str
    status: str
    due_on: date | None
    done_on: date | None


@dataclass(frozen=True)
class PersonRecord:
    """Everything held about one person (what the GUI shows and the access export writes)."""

    person: d.StakeholderData
    involvements: list[PersonInvolvement]
    journal: list[PersonJournalEntry]
    resources: list[PersonResource]
    mentioned_in: list[tuple[int, str, str]]  # (initiative id, reference, field) naming them
    commitments: list[PersonCommitment] = dataclasses.field(default_factory=list)


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


def _party(session: Session, stakeholder_id: int) -> m.Stakeholder:
    row = session.get(m.Stakeholder, stakeholder_id)
    if row is None:
        raise NotFoundError("stakeholder", stakeholder_id)
    return row


def _person(session: Session, stakeholder_id: int) -> m.Stakeholder:
    row = _party(session, stakeholder_id)
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


def _strings(value: Any) -> list[str]:
    """Every text inside a JSON value (an import event's stored first state)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for item in value.values() for text in _strings(item)]
    if isinstance(value, list):
        return [text for item in value for text in _strings(item)]
    return []


# an initiative's lists in an import event -> the table whose free text they copy
_LIST_TABLES = {name: model.__tablename__ for name, model in m.CHILD_MODELS.items()}


def _party_ids(record: Mapping[str, Any]) -> set[int]:
    found: set[int] = set()
    for name in import_event.PARTY_FIELDS:
        value = record.get(name)
        if isinstance(value, int):
            found.add(value)
        elif isinstance(value, list):
            found |= {x for x in value if isinstance(x, int)}
    return found


def _scrub_first_state(first: dict[str, Any], replace: Any) -> dict[str, Any]:
    """An initiative's import event after an erase: its free text as the erase leaves the
    tables' (parties are ids there, as in the tables, and stay)."""
    text = m.FREE_TEXT["initiative"]
    out = {k: replace(v) if k in text and isinstance(v, str) else v for k, v in first.items()}
    for name, table in _LIST_TABLES.items():
        children = first.get(name)
        if not isinstance(children, list):
            continue
        text = m.FREE_TEXT[table]
        out[name] = [
            {k: replace(v) if k in text and isinstance(v, str) else v for k, v in x.items()}
            if isinstance(x, dict)
            else x
            for x in children
        ]
    return out


def _import_mentions(
    new_value: str | None, needles: Sequence[re.Pattern[str]], person: int
) -> str | None:
    """The parts of an initiative's import event that concern the person (the fields whose
    text names them, the children they take part in or whose text names them), as JSON;
    None if nothing does. An access request shows these, not the whole initiative with
    everyone else in it."""
    first = import_event.state(new_value)
    found: dict[str, Any] = {}
    for name, value in first.items():
        if name in _LIST_TABLES and isinstance(value, list):
            kept = [
                x
                for x in value
                if isinstance(x, dict)
                and (person in _party_ids(x) or any(_mentions(t, needles) for t in _strings(x)))
            ]
            if kept:
                found[name] = kept
        elif any(_mentions(t, needles) for t in _strings(value)):
            found[name] = value
    return json.dumps(found, ensure_ascii=False) if found else None


def _needles(row: m.Stakeholder) -> list[re.Pattern[str]]:
    """The person's recorded name, e-mail and phone as they are found in free text."""
    return [p for p, _name in PersonValues(row.name, row.email, row.phone).patterns()]


def _record(session: Session, row: m.Stakeholder) -> PersonRecord:
    needles = _needles(row)
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
    promised = [
        PersonCommitment(
            c.initiative_id,
            references.get(c.initiative_id, ""),
            c.text,
            c.status,
            c.due_on,
            c.done_on,
        )
        for c in session.scalars(
            select(m.Commitment)
            .where(m.Commitment.counterpart_id == row.id)
            .order_by(m.Commitment.id)
        )
    ]
    mentioned: list[tuple[int, str, str]] = []
    text_fields = fields.names("initiative", free_text=True)
    for initiative in session.scalars(select(m.Initiative).order_by(m.Initiative.reference)):
        for name in text_fields:
            if _mentions(getattr(initiative, name), needles):
                mentioned.append((initiative.id, initiative.reference, name))
    for outcome in session.scalars(select(m.Outcome).order_by(m.Outcome.id)):
        for name in sorted(m.FREE_TEXT["outcome"]):
            if _mentions(getattr(outcome, name), needles):
                reference = references.get(outcome.initiative_id, "")
                mentioned.append((outcome.initiative_id, reference, f"outcomes.{name}"))
    return PersonRecord(
        convert.stakeholder_data(row), involvements, journal, resources, mentioned, promised
    )


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
    db: Database, stakeholder_id: int, purpose: str = DEFAULT_EXPORT_PURPOSE, *, logged: bool = True
) -> dict[str, Any]:
    """Everything held about one person, for an access request (GDPR art. 15), as a
    JSON-ready document: the record, involvements with initiative reference and title,
    journal entries they took part in or are named in, resources they provided, initiatives
    whose text names them, the audit entries about them and the access log. Logged."""
    why = _purpose(purpose)
    with db.session() as session:
        row = _person(session, stakeholder_id)
        if logged:  # else the caller logs it once the export has been written
            log_access(session, row.id, db.user, "export", why)
            session.flush()
        record = _record(session, row)
        involvement_ids = [inv.id for inv in row.involvements]
        needles = _needles(row)
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
        shown_values: dict[int, str | None] = {}  # an import event: only what names them
        for entry in session.scalars(select(m.AuditEntry).order_by(m.AuditEntry.id)):
            if entry.id in seen:
                continue
            if entry.action == import_event.IMPORT:
                mentioning = (
                    _import_mentions(entry.new_value, needles, row.id)
                    if entry.entity == "initiative"
                    else None  # another party's own record, as imported
                )
                if mentioning is not None:
                    shown_values[entry.id] = mentioning
                    audit_rows.append(entry)
            elif _mentions(entry.old_value, needles) or _mentions(entry.new_value, needles):
                audit_rows.append(entry)
        # The initiative each audit line belongs to, so the export can name the record.
        wanted = {a.initiative_id for a in audit_rows if a.initiative_id is not None}
        references: dict[int, str | None] = {
            ident: reference
            for ident, reference in session.execute(
                select(m.Initiative.id, m.Initiative.reference).where(
                    m.Initiative.id.in_(wanted or {-1})
                )
            )
        }
        audit = [
            {
                "at": a.at,
                "who": a.who,
                "action": a.action,
                "entity": a.entity,
                "entity_id": a.entity_id,
                "initiative": references.get(a.initiative_id) if a.initiative_id else None,
                "field": a.field,
                "old_value": a.old_value,
                "new_value": shown_values.get(a.id, a.new_value),
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
        if not logged:  # the entry `export_access_request` writes once the files have landed
            log.append({"at": m.utcnow(), "who": db.user, "action": "export", "purpose": why})
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
            "commitments": [asdict(x) for x in record.commitments],
            "mentioned_in": [
                {"initiative_id": i, "reference": ref, "field": name}
                for i, ref, name in record.mentioned_in
            ],
            # documents whose words or name mention the person, or kept with an entry they
            # took part in (the files themselves go beside the export: `export_documents`)
            "documents": [asdict(doc) for doc in _documents(session, row)],
            "audit": audit,
            "access_log": log,
        }
    result: dict[str, Any] = jsonable(document)
    return result


def export_documents(db: Database, document: dict[str, Any], folder: Path) -> list[Path]:
    """Write the files an access export lists (`documents`) into `folder`, each through
    the one atomic writer, named `<attachment id>-<file name>`."""
    from coprod_desktop.services import attachments

    written = []
    for doc in document.get("documents", []):
        name = Path(str(doc["name"])).name or "document"
        target = folder / f"{doc['attachment_id']}-{name}"
        written.append(attachments.save_as(db, int(doc["attachment_id"]), target))
    return written


def write_access_json(document: dict[str, Any], path: Path) -> Path:
    from coprod_desktop.services import safe_write

    return safe_write.write_text(path, json.dumps(document, ensure_ascii=False, indent=2) + "\n")


def export_access_request(
    db: Database,
    stakeholder_id: int,
    purpose: str,
    write: Callable[[dict[str, Any]], list[Path]],
) -> list[Path]:
    """`access_export` put in files by `write`; the export is logged only once they have
    landed, and if the log entry cannot be saved the files are removed again, so the access
    log records every export that happened and none that did not."""
    document = access_export(db, stakeholder_id, purpose, logged=False)
    written = write(document)
    try:
        if document.get("documents") and written:  # the files themselves, beside the export
            folder = written[0].with_name(written[0].stem + "-documents")
            written += export_documents(db, document, folder)
        with db.session() as session:
            log_access(session, stakeholder_id, db.user, "export", _purpose(purpose))
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        raise
    return written


# ---------------------------------------------------------------- erasure


@dataclass(frozen=True)
class PossibleMention:
    """A first name or surname of the erased person standing alone in free text: maybe them,
    maybe someone or something else ("Berg" the firm). Listed for review, never replaced."""

    initiative_id: int | None
    reference: str  # of the initiative ("" for text outside one)
    entity: str  # the table: initiative, journal_entry, review, …
    row_id: int
    field: str
    word: str
    excerpt: str


@dataclass(frozen=True)
class PersonDocument:
    """A document kept in the portfolio that concerns a person: its words or name mention
    them, or it belongs to a journal entry they took part in. Its bytes cannot be redacted,
    so an erase deletes or keeps it as a whole (the choice is recorded)."""

    attachment_id: int
    initiative_id: int
    reference: str
    name: str
    media_type: str | None
    size: int
    sha256: str
    journal_entry_id: int | None
    why: str  # mentions | participant


def _documents(session: Session, row: m.Stakeholder) -> list[PersonDocument]:
    needles = _needles(row)
    participating = set(
        session.scalars(
            select(m.journal_participant.c.journal_entry_id).where(
                m.journal_participant.c.stakeholder_id == row.id
            )
        )
    )
    found: list[PersonDocument] = []
    for doc in session.execute(
        select(
            m.Attachment.id,
            m.Attachment.initiative_id,
            m.Initiative.reference,
            m.Attachment.name,
            m.Attachment.media_type,
            m.Attachment.size,
            m.Attachment.sha256,
            m.Attachment.journal_entry_id,
            m.Attachment.extracted_text,
        )
        .join(m.Initiative, m.Initiative.id == m.Attachment.initiative_id)
        .order_by(m.Attachment.id)
    ):
        if _mentions(doc.name, needles) or _mentions(doc.extracted_text, needles):
            why = "mentions"
        elif doc.journal_entry_id in participating:
            why = "participant"
        else:
            continue
        found.append(
            PersonDocument(
                doc.id,
                doc.initiative_id,
                doc.reference,
                doc.name,
                doc.media_type,
                doc.size,
                doc.sha256,
                doc.journal_entry_id,
                why,
            )
        )
    return found


def person_documents(db: Database, stakeholder_id: int) -> list[PersonDocument]:
    """The documents that concern a natural person (what an erase asks about)."""
    with db.session() as session:
        return _documents(session, _party(session, stakeholder_id))


@dataclass(frozen=True)
class EraseResult:
    stakeholder_id: int
    anonymous_name: str
    texts_replaced: int  # free-text values elsewhere that named the person
    audit_rows_scrubbed: int
    file_compacted: bool  # SQLite: vacuumed and the WAL truncated
    initiatives_touched: tuple[int, ...] = ()  # their versions went up: stale saves conflict
    possible_mentions: tuple[PossibleMention, ...] = ()
    cleanup_error: str | None = None  # why the final clean-up failed (the person IS erased)
    ledger_saved: bool = True  # the copy of the ledger beside the backups was written
    documents_deleted: tuple[int, ...] = ()  # attachment ids, by the user's choice
    documents_kept: tuple[int, ...] = ()


def _table(model: type[m.Base]) -> Table:
    table: Table = model.__table__  # type: ignore[assignment]
    return table


def text_columns(table: Table) -> list[str]:
    """Every text column of a table (what FREE_TEXT/NOT_FREE_TEXT must classify)."""
    return [
        c.name
        for c in table.columns
        if isinstance(c.type, String | Text) and not c.primary_key and not c.foreign_keys
    ]


# Tables with free text (store.models.FREE_TEXT); the audit trail is scrubbed apart.
_FREE_TEXT_MODELS: tuple[type[m.Base], ...] = (
    m.Initiative,
    m.Involvement,
    m.Mandate,
    m.ResourceEntry,
    m.CrossPressure,
    m.JournalEntry,
    m.Review,
    m.Commitment,
    m.Outcome,
    m.PersonAccess,
    m.Attachment,  # a document's name and extracted words; its bytes: see `_documents`
)
# The audit trail's entity names and the table each stands for.
_AUDIT_TABLES = {name: model.__tablename__ for model, name in ENTITY_NAMES.items()}
# Audit labels (create/delete rows) that are free text: a journal entry is labelled by its
# summary, a commitment by its text, an outcome by its indicator, an attachment by its file
# name. Other labels are references, vocabulary keys or a party's name.
_FREE_TEXT_LABELS = frozenset({"journal", "commitment", "outcome", "attachment"})
_CHUNK = 500


@dataclass(frozen=True)
class _Values:
    name: str
    email: str | None
    phone: str | None
    notes: str | None


def _notes_replacer(notes: str | None, *, short_too: bool) -> Any:
    """Personal notes copied elsewhere word for word (short ones could be anything)."""
    if not notes or not notes.strip() or (len(notes.strip()) < 12 and not short_too):
        return lambda text: text
    parts = [re.escape(part) for part in notes.split()]
    pattern = re.compile(r"(?<!\w)" + r"\s+".join(parts) + r"(?!\w)", re.IGNORECASE)
    return lambda text: pattern.sub(ERASED_VALUE, text) if text else text


def _replacer(
    values: _Values, anonymous: str, others: Sequence[str], *, short_notes: bool = False
) -> Any:
    person = Replacer(
        PersonValues(values.name, values.email, values.phone), anonymous, ERASED_VALUE, others
    )
    notes = _notes_replacer(values.notes, short_too=short_notes)

    def replace(text: str | None) -> str | None:
        result: str | None = notes(person(text))
        return result

    return replace


def _replace_free_text(
    connection: Connection,
    model: type[m.Base],
    replace: Any,
    words: list[str],
    touched: set[int],
    mentions: list[PossibleMention],
) -> int:
    """Replace in the table's free-text columns only; note which initiatives changed and
    where a first name or surname still stands alone."""
    table = _table(model)
    names = sorted(m.FREE_TEXT[table.name])
    has_parent = "initiative_id" in table.c
    parent = table.c.initiative_id if has_parent else table.c.id
    changed = 0
    rows = connection.execute(select(table.c.id, parent, *(table.c[n] for n in names))).all()
    for row in rows:
        ident = row[0]
        initiative_id = row[1] if (has_parent or model is m.Initiative) else None
        values: dict[str, Any] = {}
        for index, name in enumerate(names, start=2):
            old = row[index]
            new = replace(old)
            if new != old:
                values[name] = new
            for found in possible_mentions(new, words):
                mentions.append(
                    PossibleMention(
                        initiative_id, "", table.name, ident, name, found.word, found.excerpt
                    )
                )
        if values:
            if "title" in values:
                values["title_key"] = m.sort_key(values["title"]) or ""
            connection.execute(update(table).where(table.c.id == ident).values(**values))
            changed += 1
            if initiative_id is not None:
                touched.add(initiative_id)
    return changed


def _scrub_audit(
    connection: Connection,
    stakeholder_id: int,
    involvement_ids: set[int],
    replace: Any,
    anonymous: str,
) -> int:
    """Remove the erased values from the audit trail: the person's own personal fields are
    emptied, their labels become the anonymous name, and free-text values (by the column
    they copy) have the values replaced. Other parties' rows and keys are left alone."""
    table = _table(m.AuditEntry)
    scrubbed = 0
    rows = connection.execute(
        select(
            table.c.id,
            table.c.entity,
            table.c.entity_id,
            table.c.field,
            table.c.old_value,
            table.c.new_value,
            table.c.action,
        ).where(table.c.action != "erase")
    ).all()
    for ident, entity, entity_id, field, old, new, action in rows:
        own = entity == "stakeholder" and entity_id == stakeholder_id
        values: dict[str, Any]
        if action == import_event.IMPORT:  # old: the file's name; new: the first state
            first = import_event.state(new)
            kept_state = new  # another party's own record stays as the table keeps it
            if own:  # their own record as imported: nothing personal left but the new name
                kept = {k: v for k, v in first.items() if k not in PERSONAL_FIELDS}
                kept_state = json.dumps({"name": anonymous, **kept}, ensure_ascii=False)
            elif entity == "initiative":
                without = _scrub_first_state(first, replace)
                if without != first:  # (compared as values: the event's text stays as it is)
                    kept_state = json.dumps(without, ensure_ascii=False)
            values = {"old_value": replace(old), "new_value": kept_state}
        elif own and field in PERSONAL_FIELDS:
            values = {"old_value": None, "new_value": None}
            if old is None and new is None:
                continue
        elif own and field is None:
            values = {
                "old_value": anonymous if old is not None else None,
                "new_value": anonymous if new is not None else None,
            }
        else:
            free = (
                field == "participants"
                or (field is None and entity in _FREE_TEXT_LABELS)
                or (entity == "involvement" and entity_id in involvement_ids and field is None)
                or (
                    field is not None
                    and field in m.FREE_TEXT.get(_AUDIT_TABLES.get(entity, ""), ())
                )
            )
            if not free:
                continue
            values = {"old_value": replace(old), "new_value": replace(new)}
        if values["old_value"] != old or values["new_value"] != new:
            connection.execute(update(table).where(table.c.id == ident).values(**values))
            scrubbed += 1
    return scrubbed


def _linked_initiatives(connection: Connection, stakeholder_id: int) -> set[int]:
    """Initiatives the person takes part in, provides resources to or met in a journal entry."""
    inv, res, jour = _table(m.Involvement), _table(m.ResourceEntry), _table(m.JournalEntry)
    part = m.journal_participant
    found = set(
        connection.scalars(
            select(inv.c.initiative_id).where(inv.c.stakeholder_id == stakeholder_id)
        )
    )
    found |= set(
        connection.scalars(select(res.c.initiative_id).where(res.c.source_id == stakeholder_id))
    )
    found |= set(
        connection.scalars(
            select(jour.c.initiative_id)
            .join(part, part.c.journal_entry_id == jour.c.id)
            .where(part.c.stakeholder_id == stakeholder_id)
        )
    )
    return found


def _bump_versions(connection: Connection, ids: Sequence[int], who: str, now: datetime) -> None:
    """A new version for every initiative the erase touched, so an editor or an export that
    read it before the erase conflicts instead of writing the erased values back; one audit
    row each, so its History (and colleagues' live refresh) shows the erase."""
    table = _table(m.Initiative)
    for start in range(0, len(ids), _CHUNK):
        chunk = list(ids[start : start + _CHUNK])
        connection.execute(
            update(table)
            .where(table.c.id.in_(chunk))
            .values(version=table.c.version + 1, updated_at=now)
        )
        connection.execute(
            insert(_table(m.AuditEntry)),
            [
                {
                    "at": now,
                    "who": who,
                    "action": "erase",
                    "entity": "initiative",
                    "entity_id": ident,
                    "initiative_id": ident,
                    "field": None,
                    "old_value": None,
                    "new_value": None,
                }
                for ident in chunk
            ],
        )


def _with_references(
    connection: Connection, mentions: list[PossibleMention]
) -> tuple[PossibleMention, ...]:
    ids = sorted({x.initiative_id for x in mentions if x.initiative_id is not None})
    references: dict[int, str] = {}
    table = _table(m.Initiative)
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        query = select(table.c.id, table.c.reference).where(table.c.id.in_(chunk))
        references.update({ident: ref for ident, ref in connection.execute(query)})
    out = [replace_field(x, reference=references.get(x.initiative_id or -1, "")) for x in mentions]
    return tuple(sorted(out, key=lambda x: (x.reference, x.entity, x.row_id, x.field)))


def _forget_name_decisions(connection: Connection, replace: Any) -> None:
    """A public brief's decision about a phrase that names the person goes with the person
    (the phrase is the name itself, so it is deleted rather than rewritten)."""
    decisions = _table(m.NameDecision)
    rows = connection.execute(
        select(decisions.c.id, decisions.c.phrase, decisions.c.replacement)
    ).all()
    doomed = [
        ident
        for ident, phrase, replacement in rows
        if replace(phrase) != phrase or (replacement and replace(replacement) != replacement)
    ]
    if doomed:
        connection.execute(delete(decisions).where(decisions.c.id.in_(doomed)))


@translating_db_errors
def erase_person(
    db: Database,
    stakeholder_id: int,
    reason: str,
    *,
    who: str | None = None,
    documents: str | Mapping[int, str] | None = None,
    _ledger: ledger.Entry | None = None,
) -> EraseResult:
    """Anonymise a natural person everywhere and leave no trace of the erased values (see
    the module description). The reason is required; it is kept in the audit trail.

    `documents` says what becomes of the documents that concern the person (`person_documents`;
    their bytes cannot be redacted): "delete" or "keep" for all, or per attachment id. When
    there are any and no choice was given for each, nothing is erased (ValidationError)."""
    why = (reason or "").strip()
    if not why:
        raise ValidationError([Problem("reason", "required")])
    by = who or db.user
    is_sqlite = db.dialect == "sqlite"
    with db.session() as session:  # check first, with the usual error translation
        # a re-applied erasure erases the party the ledger recognises, even if an older copy
        # did not yet mark them as a person
        row = (
            _person(session, stakeholder_id) if _ledger is None else _party(session, stakeholder_id)
        )
        values = _Values(row.name, row.email, row.phone, row.notes)
        involvement_ids = {inv.id for inv in row.involvements}
        concerned = _documents(session, row)
        choices = {
            doc.attachment_id: documents
            if isinstance(documents, str)
            else (documents or {}).get(doc.attachment_id)
            for doc in concerned
        }
        undecided = [
            doc for doc in concerned if choices[doc.attachment_id] not in ("delete", "keep")
        ]
        if undecided:
            raise ValidationError(
                [
                    Problem(
                        "documents",
                        "erase_documents_undecided",
                        {"count": len(undecided), "names": ", ".join(d.name for d in undecided)},
                    )
                ]
            )
        # other parties' names, so a firm named after the person keeps its name in the text
        others = list(
            session.scalars(select(m.Stakeholder.name).where(m.Stakeholder.id != stakeholder_id))
        )
    anonymous = ERASED_NAME.format(id=stakeholder_id)
    replace = _replacer(values, anonymous, others)
    audit_replace = _replacer(values, anonymous, others, short_notes=True)
    entry = _ledger or ledger.new_entry(stakeholder_id, values.name, values.email, values.phone)
    words = name_words(values.name)
    now = m.utcnow()
    mentions: list[PossibleMention] = []
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
                        **{**dict.fromkeys(PERSONAL_FIELDS), "name": anonymous},
                        version=stakeholder.c.version + 1,
                        updated_at=now,
                    )
                )
                touched = _linked_initiatives(connection, stakeholder_id)
                deleted, kept = _settle_documents(
                    connection, concerned, choices, by, now, audit_replace
                )
                gone = {doc.sha256 for doc in concerned if doc.attachment_id in deleted}
                if gone - set(entry.document_hashes):  # a restore must lose them again
                    entry = replace_field(
                        entry, document_hashes=tuple(sorted({*entry.document_hashes, *gone}))
                    )
                texts = sum(
                    _replace_free_text(connection, t, replace, words, touched, mentions)
                    for t in _FREE_TEXT_MODELS
                )
                scrubbed = _scrub_audit(
                    connection, stakeholder_id, involvement_ids, audit_replace, anonymous
                )
                _forget_name_decisions(connection, audit_replace)
                # earlier versions kept for merges must not bring the person back either
                versions.forget_mentioning(connection, audit_replace)
                ordered = sorted(touched)
                _bump_versions(connection, ordered, by, now)
                connection.execute(
                    insert(_table(m.AuditEntry)).values(
                        at=now,
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
                ledger.record(connection, entry, cleanup_pending=is_sqlite)
                search.rebuild_all(connection)
                if is_sqlite:
                    # Drop every old index segment, not only mark rows deleted.
                    for fts in (search.FTS_TABLE, search.DOCUMENT_FTS_TABLE):
                        connection.exec_driver_sql(f"INSERT INTO {fts}({fts}) VALUES('rebuild')")
                        connection.exec_driver_sql(f"INSERT INTO {fts}({fts}) VALUES('optimize')")
                found = _with_references(connection, mentions)
        finally:
            if is_sqlite:
                connection.exec_driver_sql("PRAGMA secure_delete = OFF")
                connection.commit()
    # The erase is committed: from here on nothing may say "nothing was saved".
    saved = ledger.remember(entry)
    compacted, problem = finish_cleanup(db) if is_sqlite else (False, None)
    return EraseResult(
        stakeholder_id,
        anonymous,
        texts,
        scrubbed,
        compacted,
        tuple(ordered),
        found,
        problem,
        saved,
        deleted,
        kept,
    )


def _settle_documents(
    connection: Connection,
    concerned: Sequence[PersonDocument],
    choices: Mapping[int, str | None],
    by: str,
    now: datetime,
    replace: Any,
) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Delete or keep each document as chosen, and record each choice in the audit trail
    (the file's name as it reads once the person is erased from it)."""
    deleted: list[int] = []
    kept: list[int] = []
    attachment = _table(m.Attachment)
    for doc in concerned:
        choice = choices[doc.attachment_id]
        if choice == "delete":
            connection.execute(delete(attachment).where(attachment.c.id == doc.attachment_id))
            deleted.append(doc.attachment_id)
        else:
            kept.append(doc.attachment_id)
        connection.execute(
            insert(_table(m.AuditEntry)).values(
                at=now,
                who=by,
                action="erase",
                entity="attachment",
                entity_id=doc.attachment_id,
                initiative_id=doc.initiative_id,
                field="document",
                old_value=replace(doc.name),
                new_value="deleted" if choice == "delete" else "kept",
            )
        )
    return tuple(deleted), tuple(kept)


def cleanup_pending(db: Database) -> bool:
    """An erase whose final clean-up (SQLite: VACUUM and WAL truncation) has not succeeded."""
    if db.dialect != "sqlite":
        return False
    try:
        with db.engine.connect() as connection:
            return ledger.pending(connection)
    except exc.DBAPIError:
        return False  # a schema before the ledger: no erase ran with this version


def finish_cleanup(db: Database) -> tuple[bool, str | None]:
    """VACUUM (rewrites the file without free pages), then checkpoint and truncate the WAL, so
    erased values are not left in free pages or the -wal file. Returns (done, why not)."""
    if db.dialect != "sqlite":
        return False, None
    try:
        done = _compact_sqlite(db)
    except (exc.DBAPIError, sqlite3.Error, OSError) as error:
        with suppress(exc.DBAPIError, OSError), db.engine.begin() as connection:
            ledger.set_pending(connection, True)
        reason = str(getattr(error, "orig", None) or error).strip() or type(error).__name__
        return False, reason
    if not done:
        with suppress(exc.DBAPIError, OSError), db.engine.begin() as connection:
            ledger.set_pending(connection, True)
        return False, "another program holds the database open"
    return True, None


def _compact_sqlite(db: Database) -> bool:
    db.engine.dispose()  # idle pooled connections must not pin old WAL frames
    with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        ledger.set_pending(connection, False)
        connection.exec_driver_sql("PRAGMA secure_delete = ON")
        try:
            connection.exec_driver_sql("VACUUM")
            busy = 1
            for _attempt in range(3):
                result = connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").one()
                busy = int(result[0])
                if not busy:
                    break
        finally:
            connection.exec_driver_sql("PRAGMA secure_delete = OFF")
    return busy == 0


def reapply_erasures(db: Database) -> list[int]:
    """Erase again every stakeholder the ledger (beside the backups, and in the database)
    knows as erased but who is back with the same recorded values (a restored or older
    backup). Returns their ids. A read-only database cannot be changed: nothing happens."""
    known = ledger.load()
    try:
        with db.engine.connect() as connection:
            stored = ledger.stored(connection)
    except exc.DBAPIError:
        return []  # a schema before the ledger (opened without upgrading): nothing to apply
    ledger.remember_all(stored)  # what this database knows, the folder keeps too
    entries = {(e.stakeholder_id, e.salt): e for e in [*known, *stored]}
    if not entries or db.read_only:
        return []
    ids = sorted({e.stakeholder_id for e in entries.values()})
    with db.session() as session:
        rows = {
            r.id: r
            for start in range(0, len(ids), _CHUNK)
            for r in session.scalars(
                select(m.Stakeholder).where(m.Stakeholder.id.in_(ids[start : start + _CHUNK]))
            )
        }
        back = [
            e
            for e in entries.values()
            if (r := rows.get(e.stakeholder_id)) is not None
            and r.name != ERASED_NAME.format(id=r.id)
            and e.matches(r.name, r.email, r.phone)
        ]
    erased: list[int] = []
    for entry in sorted(back, key=lambda e: e.stakeholder_id):
        if entry.stakeholder_id in erased:
            continue
        when = entry.erased_at.date().isoformat()
        # the documents deleted the first time go again; the others were chosen to be kept
        again = {
            doc.attachment_id: "delete" if doc.sha256 in entry.document_hashes else "keep"
            for doc in person_documents(db, entry.stakeholder_id)
        }
        erase_person(
            db,
            entry.stakeholder_id,
            REAPPLIED_REASON.format(date=when),
            who=db.user,
            documents=again,
            _ledger=entry,
        )
        erased.append(entry.stakeholder_id)
    return erased
