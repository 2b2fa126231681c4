"""The interchange format (DESIGN.md): JSON export and all-or-nothing import.

Import checks the whole document first (the JSON Schema in resources/ plus the domain rules
and the cross-references), reports every problem at once, and writes nothing unless all is
well. Stakeholders are reused by name and kind; an existing reference is an error unless
`merge` is given, which updates that initiative instead.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from coprod_desktop import paths
from coprod_desktop.domain.errors import InputFileError, Problem, ValidationError
from coprod_desktop.domain.validation import clean
from coprod_desktop.services import convert, initiatives
from coprod_desktop.services.portfolio import PortfolioFilter
from coprod_desktop.services.portfolio import ids as portfolio_ids
from coprod_desktop.store import models as m
from coprod_desktop.store import search
from coprod_desktop.store.audit import ENTITY_NAMES, as_text
from coprod_desktop.store.db import Database

FORMAT = "coprod-interchange"
VERSION = 1
SCHEMA_FILE = ("schema", "coprod-interchange.schema.json")


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int
    stakeholders_created: int
    dry_run: bool
    references: tuple[str, ...]


# ---------------------------------------------------------------- reading


def read_json_file(path: Path) -> Any:
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise InputFileError(
            "file_unreadable", path=str(path), reason=error.strerror or str(error)
        ) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputFileError(
            "file_unreadable", path=str(path), reason=f"not UTF-8 ({error.reason})"
        ) from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise InputFileError(
            "bad_json", path=str(path), line=error.lineno, column=error.colno, reason=error.msg
        ) from None


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(paths.resource_path(*SCHEMA_FILE).read_text("utf-8"))
    return loaded


def _path(parts: Any) -> str:
    out = ""
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _schema_problems(document: Any) -> list[Problem]:
    from jsonschema import Draft202012Validator  # heavy: only when importing

    validator = Draft202012Validator(schema())
    problems = []
    for error in sorted(
        validator.iter_errors(document), key=lambda e: list(map(str, e.absolute_path))
    ):
        problems.append(
            Problem(_path(error.absolute_path), "schema", {"detail": error.message[:300]})
        )
    return problems


def check_document(
    document: Any,
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[Problem]]:
    """Check a whole document: returns cleaned stakeholders, initiatives and every problem."""
    problems: list[Problem] = []
    if not isinstance(document, Mapping):
        return [], [], [Problem("", "wrong_type", {"expected": "a JSON object"})]
    for name, expected in (("format", FORMAT), ("version", VERSION)):
        if document.get(name) != expected:
            problems.append(Problem(name, "wrong_type", {"expected": repr(expected)}))
    for name in document:
        if name not in ("format", "version", "stakeholders", "initiatives"):
            problems.append(Problem(name, "unknown_field"))
    stakeholders: list[dict[str, Any]] = []
    initiatives_out: list[dict[str, Any]] = []
    for list_name, entity, out in (
        ("stakeholders", "stakeholder", stakeholders),
        ("initiatives", "initiative", initiatives_out),
    ):
        items = document.get(list_name)
        if not isinstance(items, list):
            problems.append(Problem(list_name, "wrong_type", {"expected": "a list"}))
            continue
        for index, item in enumerate(items):
            path = f"{list_name}[{index}]"
            if not isinstance(item, Mapping):
                problems.append(Problem(path, "wrong_type", {"expected": "an object"}))
                continue
            cleaned = clean(entity, item, path, problems)
            cleaned["_present"] = frozenset(item.keys())
            out.append(cleaned)
    _check_references(stakeholders, initiatives_out, problems)
    # The schema catches what the domain rules do not look at; report each field once.
    seen = {p.path for p in problems}
    for problem in _schema_problems(document):
        if not any(
            problem.path == s
            or s.startswith(problem.path + ".")
            or s.startswith(problem.path + "[")
            for s in seen
        ):
            problems.append(problem)
            seen.add(problem.path)
    return stakeholders, initiatives_out, problems


def _check_references(
    stakeholders: list[dict[str, Any]],
    initiatives_in: list[dict[str, Any]],
    problems: list[Problem],
) -> None:
    keys: set[str] = set()
    for index, s in enumerate(stakeholders):
        if s["key"] in keys:
            problems.append(
                Problem(f"stakeholders[{index}].key", "duplicate_key", {"value": s["key"]})
            )
        keys.add(s["key"])
    initiative_keys: set[str] = set()
    references: set[str] = set()
    for index, item in enumerate(initiatives_in):
        path = f"initiatives[{index}]"
        if item["key"] in initiative_keys:
            problems.append(Problem(f"{path}.key", "duplicate_key", {"value": item["key"]}))
        initiative_keys.add(item["key"])
        reference = (item.get("reference") or "").strip().upper()
        if reference:
            if reference in references:
                problems.append(
                    Problem(
                        f"{path}.reference", "duplicate_reference", {"value": item["reference"]}
                    )
                )
            references.add(reference)
        for child_index, inv in enumerate(item["stakeholders"]):
            if inv["stakeholder"] is not None and inv["stakeholder"] not in keys:
                problems.append(
                    Problem(
                        f"{path}.stakeholders[{child_index}].stakeholder",
                        "unknown_stakeholder",
                        {"value": inv["stakeholder"]},
                    )
                )
        for child_index, res in enumerate(item["resources"]):
            if res["source"] is not None and res["source"] not in keys:
                problems.append(
                    Problem(
                        f"{path}.resources[{child_index}].source",
                        "unknown_stakeholder",
                        {"value": res["source"]},
                    )
                )
        for child_index, entry in enumerate(item["journal"]):
            for key in entry["participants"]:
                if key not in keys:
                    problems.append(
                        Problem(
                            f"{path}.journal[{child_index}].participants",
                            "unknown_stakeholder",
                            {"value": key},
                        )
                    )


# ---------------------------------------------------------------- importing


_CHILD_FIELDS: dict[str, tuple[str, ...]] = {
    "mandates": convert.MANDATE_FIELDS,
    "cross_pressures": convert.PRESSURE_FIELDS,
    "reviews": convert.REVIEW_FIELDS,
}


def _existing_references(session: Session, references: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for start in range(0, len(references), 500):
        chunk = references[start : start + 500]
        for ident, reference in session.execute(
            select(m.Initiative.id, func.upper(m.Initiative.reference)).where(
                func.upper(m.Initiative.reference).in_(chunk)
            )
        ):
            found[reference] = ident
    return found


def _children(item: dict[str, Any], stakeholders: dict[str, m.Stakeholder]) -> dict[str, list[Any]]:
    return {
        "involvements": [
            m.Involvement(
                stakeholder=stakeholders[inv["stakeholder"]],
                **{
                    name: inv[name]
                    for name in convert.INVOLVEMENT_FIELDS
                    if name != "stakeholder_id"
                },
            )
            for inv in item["stakeholders"]
        ],
        "mandates": [
            m.Mandate(**{n: x[n] for n in convert.MANDATE_FIELDS}) for x in item["mandates"]
        ],
        "resources": [
            m.ResourceEntry(
                source=stakeholders[x["source"]] if x["source"] is not None else None,
                **{n: x[n] for n in convert.RESOURCE_FIELDS if n != "source_id"},
            )
            for x in item["resources"]
        ],
        "cross_pressures": [
            m.CrossPressure(**{n: x[n] for n in convert.PRESSURE_FIELDS})
            for x in item["cross_pressures"]
        ],
        "journal": [
            m.JournalEntry(
                participants=list(
                    {id(p): p for p in (stakeholders[k] for k in x["participants"])}.values()
                ),
                **{n: x[n] for n in convert.JOURNAL_FIELDS},
            )
            for x in item["journal"]
        ],
        "reviews": [m.Review(**{n: x[n] for n in convert.REVIEW_FIELDS}) for x in item["reviews"]],
    }


_LIST_TO_ATTR = {
    "stakeholders": "involvements",
    "mandates": "mandates",
    "resources": "resources",
    "cross_pressures": "cross_pressures",
    "journal": "journal",
    "reviews": "reviews",
}


def import_document(
    db: Database, document: Any, *, merge: bool = False, dry_run: bool = False
) -> ImportResult:
    """Import an interchange document, all or nothing."""
    stakeholders_in, initiatives_in, problems = check_document(document)
    if problems:
        raise ValidationError(problems)
    with db.session() as session:
        references = [(i.get("reference") or "").strip().upper() for i in initiatives_in]
        existing = _existing_references(session, [r for r in references if r])
        if not merge:
            clashes = [
                Problem(
                    f"initiatives[{index}].reference",
                    "reference_exists",
                    {"value": initiatives_in[index]["reference"]},
                )
                for index, ref in enumerate(references)
                if ref and ref in existing
            ]
            if clashes:
                raise ValidationError(clashes)
        stakeholders: dict[str, m.Stakeholder] = {}
        created_stakeholders = 0
        with session.no_autoflush:
            known = _existing_stakeholders(session, stakeholders_in)
            for s in stakeholders_in:
                values = {name: s[name] for name in convert.STAKEHOLDER_SCALARS}
                # an existing one, or one this document already made (same name and kind)
                row = known.get((s["name"], s["kind"]))
                if row is None:
                    row = m.Stakeholder(**values)
                    session.add(row)
                    created_stakeholders += 1
                    known[(s["name"], s["kind"])] = row
                stakeholders[s["key"]] = row
        if dry_run:
            updated = sum(1 for ref in references if ref and ref in existing)
            session.rollback()
            return ImportResult(
                len(initiatives_in) - updated, updated, created_stakeholders, True, ()
            )

        year_reference = initiatives.next_reference(session)
        prefix, _, number_text = year_reference.rpartition("-")
        next_number = int(number_text)
        taken = set(references)
        created = updated = 0
        written: list[m.Initiative] = []
        new_items: list[dict[str, Any]] = []
        session.flush()  # new stakeholders get their ids
        with session.no_autoflush:
            for item, reference in zip(initiatives_in, references, strict=True):
                present = item["_present"]
                target: m.Initiative
                if reference and reference in existing:
                    target = initiatives.load(session, existing[reference])
                    updated += 1
                else:
                    if not reference:
                        while f"{prefix}-{next_number:03d}".upper() in taken:
                            next_number += 1
                        item["reference"] = f"{prefix}-{next_number:03d}"
                        taken.add(item["reference"].upper())
                    new_items.append(item)
                    created += 1
                    continue
                for name in convert.INITIATIVE_SCALARS:
                    if name in present and name != "reference":
                        value = item[name]
                        setattr(target, name, list(value) if name == "public_values" else value)
                children = _children(item, stakeholders)
                for list_name, attr in _LIST_TO_ATTR.items():
                    if list_name in present:
                        setattr(target, attr, children[attr])
                if target.id is not None:
                    target.updated_at = m.utcnow()
                written.append(target)
        session.flush()
        new_references = _bulk_create(session, new_items, stakeholders)
        made = iter(new_references)
        in_order = [next(made) if not (ref and ref in existing) else "" for ref in references]
        merged = iter(r.reference for r in written)
        return ImportResult(
            created,
            updated,
            created_stakeholders,
            False,
            tuple(ref or next(merged) for ref in in_order),
        )


def _existing_stakeholders(
    session: Session, stakeholders_in: list[dict[str, Any]]
) -> dict[tuple[str, str], m.Stakeholder]:
    """The first (lowest id) stakeholder of each name and kind in the document, in few queries."""
    names = sorted({s["name"] for s in stakeholders_in})
    found: dict[tuple[str, str], m.Stakeholder] = {}
    for start in range(0, len(names), 500):
        rows = session.scalars(
            select(m.Stakeholder)
            .where(m.Stakeholder.name.in_(names[start : start + 500]))
            .order_by(m.Stakeholder.id)
        )
        for row in rows:
            found.setdefault((row.name, row.kind), row)
    return found


# The bulk path: new initiatives and their children written with SQLAlchemy Core in a few
# multi-row statements, inside the same transaction as the rest of the import (so it stays
# all or nothing). It writes what the ORM listeners would: a 'create' audit row per record
# (labelled as store.audit labels them) and the search rows (rebuilt before the commit).
_BULK_CHUNK = 2000


def _insert(session: Session, model: type[m.Base], rows: list[dict[str, Any]]) -> list[int]:
    """Insert rows, returning their new ids in the order given."""
    table: Any = model.__table__
    connection = session.connection()
    ids: list[int] = []
    for start in range(0, len(rows), _BULK_CHUNK):
        chunk = rows[start : start + _BULK_CHUNK]
        if connection.dialect.name == "sqlite":
            # SQLite cannot promise the order of RETURNING rows, so SQLAlchemy would insert
            # one row per statement. A plain executemany is many times faster, and the ids are
            # known: this transaction holds the only write lock, so each row gets the next
            # rowid after the largest one, in the order given.
            connection.execute(insert(table), chunk)
            last = connection.execute(select(func.max(table.c.id))).scalar_one()
            ids += range(last - len(chunk) + 1, last + 1)
        else:
            statement = insert(table).returning(table.c.id, sort_by_parameter_order=True)
            ids += [row[0] for row in connection.execute(statement, chunk)]
    return ids


def _bulk_create(
    session: Session, items: list[dict[str, Any]], stakeholders: dict[str, m.Stakeholder]
) -> list[str]:
    if not items:
        return []
    now = m.utcnow()
    people = {key: (row.id, row.name) for key, row in stakeholders.items()}
    rows = []
    for item in items:
        values = {name: item[name] for name in convert.INITIATIVE_SCALARS}
        values["reference"] = item["reference"].strip()
        values["public_values"] = list(item["public_values"] or [])
        values["title_key"] = m.sort_key(values["title"]) or ""
        values["owner_key"] = m.sort_key(values["owner"])
        rows.append({**values, "created_at": now, "updated_at": now, "version": 1})
    initiative_ids = _insert(session, m.Initiative, rows)
    audit: list[dict[str, Any]] = []
    who = session.info.get("user") or "unknown"

    def note(entity: str, ids: list[int], parents: list[int], labels: list[str | None]) -> None:
        for ident, parent, label in zip(ids, parents, labels, strict=True):
            audit.append(
                {
                    "at": now,
                    "who": who,
                    "action": "create",
                    "entity": entity,
                    "entity_id": ident,
                    "initiative_id": parent,
                    "field": None,
                    "old_value": None,
                    "new_value": label,
                }
            )

    note("initiative", initiative_ids, initiative_ids, [r["reference"] for r in rows])
    children: dict[str, tuple[list[dict[str, Any]], list[int], list[str | None]]] = {
        name: ([], [], []) for name in _LIST_TO_ATTR
    }
    participants: list[list[int]] = []
    for item, parent in zip(items, initiative_ids, strict=True):
        for inv in item["stakeholders"]:
            sid, name = people[inv["stakeholder"]]
            values = {n: inv[n] for n in convert.INVOLVEMENT_FIELDS if n != "stakeholder_id"}
            _child(children["stakeholders"], parent, {**values, "stakeholder_id": sid})
            children["stakeholders"][2][-1] = f"{name} ({inv['role']})"
        for x in item["mandates"]:
            _child(children["mandates"], parent, {n: x[n] for n in convert.MANDATE_FIELDS})
        for x in item["resources"]:
            values = {n: x[n] for n in convert.RESOURCE_FIELDS if n != "source_id"}
            source = people[x["source"]][0] if x["source"] is not None else None
            _child(children["resources"], parent, {**values, "source_id": source})
        for x in item["cross_pressures"]:
            _child(children["cross_pressures"], parent, {n: x[n] for n in convert.PRESSURE_FIELDS})
        for x in item["journal"]:
            _child(children["journal"], parent, {n: x[n] for n in convert.JOURNAL_FIELDS})
            participants.append(sorted({people[k][0] for k in x["participants"]}))
        for x in item["reviews"]:
            _child(children["reviews"], parent, {n: x[n] for n in convert.REVIEW_FIELDS})
    journal_ids: list[int] = []
    for list_name, (child_rows, parents, labels) in children.items():
        if not child_rows:
            continue
        model = m.CHILD_MODELS[list_name]
        ids = _insert(session, model, child_rows)
        note(ENTITY_NAMES[model], ids, parents, labels)
        if list_name == "journal":
            journal_ids = ids
    links = [
        {"journal_entry_id": entry, "stakeholder_id": sid}
        for entry, people_ids in zip(journal_ids, participants, strict=True)
        for sid in people_ids
    ]
    if links:
        session.connection().execute(insert(m.journal_participant), links)
    if audit and not session.info.get("skip_audit"):
        for start in range(0, len(audit), _BULK_CHUNK):
            session.connection().execute(insert(m.AuditEntry), audit[start : start + _BULK_CHUNK])
    search.pending_ids(session).update(initiative_ids)
    return [r["reference"] for r in rows]


def _child(
    into: tuple[list[dict[str, Any]], list[int], list[str | None]],
    parent: int,
    values: dict[str, Any],
) -> None:
    rows, parents, labels = into
    rows.append({**values, "initiative_id": parent})
    parents.append(parent)
    labels.append(_bulk_label(values))


def _bulk_label(values: dict[str, Any]) -> str | None:
    for name in ("reference", "name", "summary", "category", "kind", "level", "reviewer"):
        value = values.get(name)
        if value:
            return as_text(value)
    return None


ALLOWED_SUFFIXES = ".json, .csv, .xlsx"


def import_file(
    db: Database, path: Path, *, merge: bool = False, dry_run: bool = False
) -> ImportResult:
    """Import .json (interchange) or a .csv/.xlsx spreadsheet (`services.spreadsheet`)."""
    suffix = path.suffix.lower()
    if suffix in (".csv", ".xlsx"):
        from coprod_desktop.services import spreadsheet

        return spreadsheet.import_sheet(db, path, merge=merge, dry_run=dry_run)
    if suffix != ".json":
        raise InputFileError(
            "unsupported_format", suffix=suffix or path.name, allowed=ALLOWED_SUFFIXES
        )
    return import_document(db, read_json_file(path), merge=merge, dry_run=dry_run)


def load_demo(db: Database, lang: str = "en") -> ImportResult:
    name = "demo_da.json" if lang == "da" else "demo_en.json"
    return import_document(db, read_json_file(paths.resource_path("demo", name)))


# ---------------------------------------------------------------- exporting


def _value(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _compact(values: dict[str, Any]) -> dict[str, Any]:
    return {k: _value(v) for k, v in values.items() if v is not None}


def stakeholder_dict(row: m.Stakeholder, key: str) -> dict[str, Any]:
    values = {"key": key, **{n: getattr(row, n) for n in convert.STAKEHOLDER_SCALARS}}
    return _compact(values)


def initiative_dict(row: m.Initiative, key: str, keys: Mapping[int, Any]) -> dict[str, Any]:
    """One initiative in the interchange shape; `keys` maps stakeholder ids to what to put."""
    out = _compact({"key": key, **{n: getattr(row, n) for n in convert.INITIATIVE_SCALARS}})
    out["public_values"] = list(row.public_values or [])
    out["stakeholders"] = [
        _compact(
            {
                "stakeholder": keys[x.stakeholder_id],
                **{n: getattr(x, n) for n in convert.INVOLVEMENT_FIELDS if n != "stakeholder_id"},
            }
        )
        for x in row.involvements
    ]
    out["mandates"] = [
        _compact({n: getattr(x, n) for n in convert.MANDATE_FIELDS}) for x in row.mandates
    ]
    out["resources"] = [
        _compact(
            {
                **{n: getattr(x, n) for n in convert.RESOURCE_FIELDS if n != "source_id"},
                "source": keys[x.source_id] if x.source_id is not None else None,
            }
        )
        for x in row.resources
    ]
    out["cross_pressures"] = [
        _compact({n: getattr(x, n) for n in convert.PRESSURE_FIELDS}) for x in row.cross_pressures
    ]
    out["journal"] = [
        {
            **_compact({n: getattr(x, n) for n in convert.JOURNAL_FIELDS}),
            "participants": [keys[p.id] for p in x.participants],
        }
        for x in row.journal
    ]
    out["reviews"] = [
        _compact({n: getattr(x, n) for n in convert.REVIEW_FIELDS}) for x in row.reviews
    ]
    return out


def export_document(db: Database, flt: PortfolioFilter | None = None) -> dict[str, Any]:
    """The portfolio (or the filtered part of it) as an interchange document.

    Keys are numbered in id order (s1, s2, … and i1, i2, …) so an export of a re-imported
    export is identical. Without a filter every stakeholder goes along, used or not.
    """
    with db.session() as session:
        if flt is None or flt.is_empty():
            wanted = session.scalars(select(m.Initiative.id).order_by(m.Initiative.id)).all()
        else:
            wanted = sorted(portfolio_ids(db, flt))
        rows: list[m.Initiative] = []
        for start in range(0, len(wanted), 500):
            chunk = list(wanted[start : start + 500])
            rows += session.scalars(
                select(m.Initiative)
                .where(m.Initiative.id.in_(chunk))
                .options(*initiatives.load_options())
            ).all()
        rows.sort(key=lambda r: r.id)
        if flt is None or flt.is_empty():
            people = session.scalars(select(m.Stakeholder).order_by(m.Stakeholder.id)).all()
        else:
            used: set[int] = set()
            for row in rows:
                used |= {x.stakeholder_id for x in row.involvements}
                used |= {x.source_id for x in row.resources if x.source_id is not None}
                used |= {p.id for x in row.journal for p in x.participants}
            people = session.scalars(
                select(m.Stakeholder).where(m.Stakeholder.id.in_(used)).order_by(m.Stakeholder.id)
            ).all()
        keys = {s.id: f"s{index}" for index, s in enumerate(people, start=1)}
        return {
            "format": FORMAT,
            "version": VERSION,
            "stakeholders": [stakeholder_dict(s, keys[s.id]) for s in people],
            "initiatives": [
                initiative_dict(row, f"i{index}", keys) for index, row in enumerate(rows, start=1)
            ],
        }


def write_json(document: dict[str, Any], path: Path) -> None:
    """Write atomically: a half-written export never replaces a good file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".part")
    temporary.write_text(
        json.dumps(document, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    temporary.replace(path)


def export_file(
    db: Database, path: Path, flt: PortfolioFilter | None = None, lang: str = "en"
) -> int:
    """Export to .json (interchange) or .csv/.xlsx (`services.spreadsheet`, in `lang`)."""
    suffix = path.suffix.lower()
    if suffix in (".csv", ".xlsx"):
        from coprod_desktop.services import spreadsheet

        return spreadsheet.export_file(db, path, flt, lang)
    if suffix != ".json":
        raise InputFileError(
            "unsupported_format", suffix=suffix or path.name, allowed=ALLOWED_SUFFIXES
        )
    document = export_document(db, flt)
    write_json(document, path)
    return len(document["initiatives"])


def show_document(db: Database, ident: int | str, today: date | None = None) -> dict[str, Any]:
    """One initiative in the interchange shape with its stakeholders inlined, plus `id`,
    `suggested_type`, `attention` and `completeness` (what `coprod show --format json` prints)."""
    from coprod_desktop.domain import analysis

    with db.session() as session:
        row = initiatives.load(session, initiatives.resolve_id(session, ident))
        people: dict[int, m.Stakeholder] = {
            x.stakeholder_id: x.stakeholder for x in row.involvements
        }
        people.update({x.source.id: x.source for x in row.resources if x.source is not None})
        people.update({p.id: p for x in row.journal for p in x.participants})
        inline = {
            sid: {"id": sid, **stakeholder_dict(person, f"s{sid}")}
            for sid, person in people.items()
        }
        out = initiative_dict(row, f"i{row.id}", inline)
        data = convert.initiative_data(row)
    out = {"id": data.id, **out, "version": data.version}
    from coprod_desktop.services.settings import load_settings

    signals = analysis.attention_signals(data, today or date.today(), load_settings().thresholds())
    out["suggested_type"] = analysis.suggested_type(data)
    out["attention"] = [s.key for s in signals]
    out["completeness"] = analysis.completeness(data)
    return out
