"""The interchange format (resources/schema/coprod-interchange.schema.json): JSON export and
all-or-nothing import.

Import checks the whole document first (the JSON Schema in resources/ plus the domain rules
and the cross-references), reports every problem at once, and writes nothing unless all is
well. Stakeholders are reused by name and kind; an existing reference is an error unless
`merge` is given, which updates that initiative instead.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from operator import itemgetter
from pathlib import Path
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from coprod_desktop import paths
from coprod_desktop.domain import interchange_schema
from coprod_desktop.domain import merge as merging
from coprod_desktop.domain import model as d
from coprod_desktop.domain.errors import InputFileError, Problem, ValidationError
from coprod_desktop.domain.quick_check import QuickCheck
from coprod_desktop.domain.validation import check_journal_links, clean
from coprod_desktop.domain.vocab import is_natural_person
from coprod_desktop.services import convert, initiatives, memory, versions
from coprod_desktop.services.portfolio import PortfolioFilter
from coprod_desktop.services.portfolio import ids as portfolio_ids
from coprod_desktop.store import models as m
from coprod_desktop.store import references as store_references
from coprod_desktop.store import search
from coprod_desktop.store.audit import ENTITY_NAMES, LABEL_FIELDS, as_text
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
    overwritten: tuple[Overwritten, ...] = ()  # clashes `force` settled
    attachments_skipped: int = 0  # listed in the file, but their bytes were not at hand


# ---------------------------------------------------------------- reading


def read_json_file(path: Path) -> Any:
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise InputFileError(
            "file_unreadable", path=str(path), reason=error.strerror or str(error)
        ) from None
    return parse_json(raw, path)


def parse_json(raw: bytes, path: Path) -> Any:
    """An interchange document from its bytes (`path` names it in messages)."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputFileError(
            "file_unreadable", path=str(path), reason=f"not UTF-8 ({error.reason})"
        ) from None
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise InputFileError(
            "bad_json", path=str(path), line=error.lineno, column=error.colno, reason=error.msg
        ) from None
    except RecursionError:
        raise InputFileError("json_too_deep", path=str(path), limit=MAX_JSON_DEPTH) from None
    except ValueError as error:  # an integer beyond Python's digit limit for conversions
        raise InputFileError("json_number_too_long", path=str(path), reason=str(error)) from None
    _refuse_unusual_json(document, text, path)
    return document


#: no interchange document nests deeper than about eight levels; deeper ones are refused
#: before anything recursive (the schema check, error messages) meets them
MAX_JSON_DEPTH = 64
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def _refuse_unusual_json(document: Any, text: str, path: Path) -> None:
    """Refuse nesting deeper than MAX_JSON_DEPTH and strings holding a lone surrogate (an
    escape such as \\ud800 without its pair, which no UTF-8 text or database can hold).
    Level by level, without recursion; strings are looked at only if the text has such an
    escape (about 0.01 s per 1,000 initiatives otherwise)."""
    level: list[Any] = [document]
    depth = 1
    while level:
        if depth > MAX_JSON_DEPTH:
            raise InputFileError("json_too_deep", path=str(path), limit=MAX_JSON_DEPTH)
        below: list[Any] = []
        for value in level:
            if type(value) is dict:
                below.extend([c for c in value.values() if type(c) is dict or type(c) is list])
            elif type(value) is list:
                below.extend([c for c in value if type(c) is dict or type(c) is list])
        level = below
        depth += 1
    if _SURROGATE_ESCAPE.search(text) is None:
        return
    stack: list[tuple[Any, str]] = [(document, "")]
    while stack:
        value, where = stack.pop()
        if isinstance(value, str):
            if not _encodable(value):
                raise InputFileError("json_lone_surrogate", path=str(path), where=where or "/")
            continue
        if isinstance(value, dict):
            items: Any = value.items()
        elif isinstance(value, list):
            items = enumerate(value)
        else:
            continue
        for key, child in items:
            if isinstance(key, str) and not _encodable(key):
                raise InputFileError("json_lone_surrogate", path=str(path), where=where or "/")
            part = f"[{key}]" if isinstance(key, int) else (f".{key}" if where else str(key))
            stack.append((child, where + part))


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    """The full JSON Schema: the committed skeleton with every declared field's rules."""
    skeleton = json.loads(paths.resource_path(*SCHEMA_FILE).read_text("utf-8"))
    return interchange_schema.build(skeleton)


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


@lru_cache(maxsize=1)
def _quick_check() -> QuickCheck:
    return QuickCheck(schema(), FORMAT, VERSION)


Checked = tuple[list[dict[str, Any]], list[dict[str, Any]], list[Problem]]


def check_document(document: Any) -> Checked:
    """Check a whole document: returns cleaned stakeholders, initiatives and every problem.

    A document the quick pass vouches for (valid by the schema and by every record's rules)
    has only its cross-references left to check; any other takes `check_thoroughly`, with
    the same answer.
    """
    quick = _quick_check().run(document)
    if quick is None:
        return check_thoroughly(document)
    problems: list[Problem] = []
    _check_references(quick[0], quick[1], problems)
    return quick[0], quick[1], problems


def check_thoroughly(document: Any) -> Checked:
    """`check_document` the slow way: every record's rules, then the whole JSON Schema."""
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
        for child_index, promise in enumerate(item["commitments"]):
            if promise["counterpart"] is not None and promise["counterpart"] not in keys:
                problems.append(
                    Problem(
                        f"{path}.commitments[{child_index}].counterpart",
                        "unknown_stakeholder",
                        {"value": promise["counterpart"]},
                    )
                )
        check_journal_links(item["journal"], item["commitments"], f"{path}.", problems)


# ---------------------------------------------------------------- importing


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


# interchange list name -> InitiativeData attribute
_LIST_TO_ATTR = {
    "stakeholders": "involvements",
    "mandates": "mandates",
    "resources": "resources",
    "cross_pressures": "cross_pressures",
    "journal": "journal",
    "reviews": "reviews",
    "commitments": "commitments",
    "outcomes": "outcomes",
}
_ATTR_TO_LIST = {attr: name for name, attr in _LIST_TO_ATTR.items()}
FORCE_SIDES = ("file", "database")


@dataclass(frozen=True)
class Overwritten:
    """A clash `--force` settled: which side won, and the value of the side that lost."""

    reference: str
    field: str  # `title`, `journal`, `journal.summary`, …
    winner: str  # file | database
    lost: str


def _file_rows(list_name: str, items: list[dict[str, Any]], people: Mapping[str, int]) -> list[Any]:
    """One child list of a file's initiative as domain records (stakeholder keys as ids)."""
    if list_name == "stakeholders":
        return [
            d.InvolvementData(
                stakeholder_id=people[x["stakeholder"]],
                **{n: x[n] for n in convert.INVOLVEMENT_FIELDS if n != "stakeholder_id"},
            )
            for x in items
        ]
    if list_name == "resources":
        return [
            d.ResourceData(
                source_id=people[x["source"]] if x["source"] is not None else None,
                **{n: x[n] for n in convert.RESOURCE_FIELDS if n != "source_id"},
            )
            for x in items
        ]
    if list_name == "journal":
        return [
            d.JournalData(
                participant_ids=sorted({people[k] for k in x["participants"]}),
                **{n: x[n] for n in convert.JOURNAL_FIELDS},
            )
            for x in items
        ]
    if list_name == "commitments":
        return [
            d.CommitmentData(
                counterpart_id=people[x["counterpart"]] if x["counterpart"] is not None else None,
                journal=x["journal"],
                **{n: x[n] for n in convert.COMMITMENT_FIELDS if n != "counterpart_id"},
            )
            for x in items
        ]
    kinds: dict[str, tuple[type[Any], tuple[str, ...]]] = {
        "mandates": (d.MandateData, convert.MANDATE_FIELDS),
        "cross_pressures": (d.PressureData, convert.PRESSURE_FIELDS),
        "reviews": (d.ReviewData, convert.REVIEW_FIELDS),
        "outcomes": (d.OutcomeData, convert.OUTCOME_FIELDS),
    }
    kind, names = kinds[list_name]
    return [kind(**{n: x[n] for n in names}) for x in items]


def _as_in_file(
    item: dict[str, Any], start: d.InitiativeData, people: Mapping[str, int]
) -> d.InitiativeData:
    """The file's version of an initiative: `start` with what the file states. The file has
    no row ids, so a row equal to one of `start` is taken to be that row; others are new."""
    present = item["_present"]
    mine = copy.deepcopy(start)
    for name in convert.INITIATIVE_SCALARS:
        if name in present and name != "reference":
            value = item[name]
            setattr(mine, name, list(value) if isinstance(value, list) else value)
    for list_name, attr in _LIST_TO_ATTR.items():
        if list_name not in present:
            continue
        unused = list(getattr(start, attr))
        rows = []
        for record in _file_rows(list_name, item[list_name], people):
            same = next((r for r in unused if merging.same_row(r, record)), None)
            if same is not None:
                unused.remove(same)
                record = copy.deepcopy(same)
            rows.append(record)
        setattr(mine, attr, rows)
    return mine


def _where(conflict: merging.Conflict) -> str:
    key = conflict.key
    if key.list_name is None:
        return key.field or ""
    list_name = _ATTR_TO_LIST.get(key.list_name, key.list_name)
    return list_name if key.field is None else f"{list_name}.{key.field}"


def _shown(value: Any) -> str:
    if value is None:
        return "-"
    if hasattr(value, "__dataclass_fields__"):
        value = {k: v for k, v in versions.to_json(value).items() if v not in (None, [], "")}
        value.pop("id", None)
    text = as_text(value) or ""
    return text if len(text) <= 80 else text[:79] + "…"


@dataclass
class _Plan:
    target: m.Initiative
    before: d.InitiativeData
    merged: d.InitiativeData
    overwritten: list[Overwritten]


def _plan_merges(
    session: Session,
    updates: list[tuple[int, dict[str, Any], int]],
    people: Mapping[str, int],
    force: str | None,
) -> list[_Plan]:
    """Merge each file initiative with the database's copy (three ways from the version the
    file was exported at). Clashes are refused, every one at once, unless `force` names the
    side that wins."""
    problems: list[Problem] = []
    plans: list[_Plan] = []
    for index, item, initiative_id in updates:
        target = initiatives.load(session, initiative_id)
        current = convert.initiative_data(target)
        exported = item.get("version")
        base: d.InitiativeData | None
        if exported is None or exported == current.version:
            # No version: not an export, the file states what to change. The same version:
            # nobody changed it since the export.
            base = current
        elif current.version is not None and exported < current.version:
            base = versions.at_version(session, initiative_id, exported)
        else:  # newer than the database: not this database's history
            base = None
        mine = _as_in_file(item, base if base is not None else current, people)
        result = merging.merge(base, mine, current)
        overwritten: list[Overwritten] = []
        for conflict in result.conflicts:
            if force is None:
                problems.append(
                    Problem(
                        f"initiatives[{index}].{_where(conflict)}",
                        "merge_conflict" if base is not None else "merge_no_base",
                        {
                            "reference": target.reference,
                            "field": _where(conflict),
                            "version": exported,
                        },
                    )
                )
            else:
                lost = conflict.theirs if force == "file" else conflict.mine
                overwritten.append(
                    Overwritten(target.reference, _where(conflict), force, _shown(lost))
                )
        side = merging.MINE if force == "file" else merging.THEIRS
        plans.append(_Plan(target, current, result.resolved(side), overwritten))
    if problems:
        raise ValidationError(problems)
    return plans


def _apply_plan(session: Session, index: int, plan: _Plan) -> None:
    try:
        initiatives.check(session, plan.merged)
    except ValidationError as error:  # a combination the rules forbid (dates out of order)
        raise ValidationError(
            [replace(p, path=f"initiatives[{index}].{p.path}") for p in error.problems]
        ) from None
    initiatives.apply_changes(session, plan.target, plan.merged, plan.before)


def import_document(
    db: Database,
    document: Any,
    *,
    merge: bool = False,
    dry_run: bool = False,
    force: str | None = None,
    files: Any = None,
) -> ImportResult:
    """Import an interchange document, all or nothing. With `merge`, an initiative whose
    reference exists is merged with the database's copy (see `_plan_merges`); `force`
    (file | database) settles the clashes a merge would otherwise refuse. `files` gives the
    bytes of attachments by checksum (a `.coprodz` bundle, `services.bundle`)."""
    if force is not None and force not in FORCE_SIDES:
        raise ValidationError(
            [Problem("force", "not_in_vocab", {"value": force, "allowed": "file, database"})]
        )
    with memory.collector_paused():
        return _import_document(
            db, document, merge=merge, dry_run=dry_run, force=force, files=files
        )


def _import_document(
    db: Database, document: Any, *, merge: bool, dry_run: bool, force: str | None, files: Any
) -> ImportResult:
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
        updates = [
            (index, item, existing[ref])
            for index, (item, ref) in enumerate(zip(initiatives_in, references, strict=True))
            if ref and ref in existing
        ]
        # a party is an existing stakeholder or one this document already made (same name
        # and kind); the first key that names a new one gives its details
        known = _existing_stakeholders(session, stakeholders_in)
        fresh: dict[tuple[str, str], dict[str, Any]] = {}
        for s in stakeholders_in:
            if (s["name"], s["kind"]) not in known:
                fresh.setdefault((s["name"], s["kind"]), s)
        _refuse_erased(session, stakeholders_in, known)
        if dry_run:
            if updates:  # would the merges go through? (new parties as stand-in ids)
                stand_in = {who: -number for number, who in enumerate(fresh, start=1)}
                ids = {
                    s["key"]: known.get((s["name"], s["kind"])) or stand_in[(s["name"], s["kind"])]
                    for s in stakeholders_in
                }
                with session.no_autoflush:
                    _plan_merges(session, updates, ids, force)
            session.rollback()
            updated = len(updates)
            return ImportResult(len(initiatives_in) - updated, updated, len(fresh), True, ())

        writer = _BulkWriter(session)
        known.update(zip(fresh, writer.stakeholders(list(fresh.values())), strict=True))
        writer.write_audit()  # before any merged initiative's, as the ORM would have
        people = {s["key"]: (known[(s["name"], s["kind"])], s["name"]) for s in stakeholders_in}
        overwritten: list[Overwritten] = []
        written: list[m.Initiative] = []
        with session.no_autoflush:
            plans = _plan_merges(session, updates, {k: v[0] for k, v in people.items()}, force)
            for (index, _item, _ident), plan in zip(updates, plans, strict=True):
                _apply_plan(session, index, plan)
                overwritten += plan.overwritten
                written.append(plan.target)
        session.flush()

        # new references from the locked counter, raised past the explicit ones written here
        fresh_references = iter(
            store_references.reserve(
                session,
                sum(1 for ref in references if not ref),
                explicit=[ref for ref in references if ref and ref not in existing],
            )
        )
        new_items: list[dict[str, Any]] = []
        for item, reference in zip(initiatives_in, references, strict=True):
            if reference and reference in existing:
                continue
            if not reference:
                item["reference"] = next(fresh_references)
            new_items.append(item)
        with writer.larger_cache():
            new_references = writer.initiatives(new_items, people)
            writer.write_audit()
        made = iter(new_references)
        in_order = [next(made) if not (ref and ref in existing) else "" for ref in references]
        merged = iter(r.reference for r in written)
        written_references = tuple(ref or next(merged) for ref in in_order)
        from coprod_desktop.services import attachments

        skipped = attachments.import_listed(session, initiatives_in, written_references, files)
        return ImportResult(
            len(new_items),
            len(updates),
            len(fresh),
            False,
            written_references,
            tuple(overwritten),
            skipped,
        )


def _refuse_erased(
    session: Session, stakeholders_in: list[dict[str, Any]], known: Mapping[Any, int]
) -> None:
    """An import (of an export made before an erase, say) cannot bring an erased person back
    as a new stakeholder: the erasure ledger recognises them by name, e-mail or phone."""
    from coprod_desktop.services import erasure_ledger

    candidates = [
        (index, s)
        for index, s in enumerate(stakeholders_in)
        if (s["name"], s["kind"]) not in known and is_natural_person(s["kind"], s["is_person"])
    ]
    if not candidates:
        return
    found = erasure_ledger.recognised(
        session.connection(), [(s["name"], s.get("email"), s.get("phone")) for _i, s in candidates]
    )
    problems = [
        Problem(
            f"stakeholders[{candidates[at][0]}]",
            "erased_person",
            {"date": entry.erased_at.date().isoformat()},
        )
        for at, entry in sorted(found.items())
    ]
    if problems:
        raise ValidationError(problems)


def _existing_stakeholders(
    session: Session, stakeholders_in: list[dict[str, Any]]
) -> dict[tuple[str, str], int]:
    """The id of the first (lowest id) stakeholder of each name and kind in the document."""
    names = sorted({s["name"] for s in stakeholders_in})
    found: dict[tuple[str, str], int] = {}
    for start in range(0, len(names), 500):
        rows = session.execute(
            select(m.Stakeholder.id, m.Stakeholder.name, m.Stakeholder.kind)
            .where(m.Stakeholder.name.in_(names[start : start + 500]))
            .order_by(m.Stakeholder.id)
        )
        for ident, name, kind in rows:
            found.setdefault((name, kind), ident)
    return found


# The bulk path: new stakeholders, initiatives and their children written with one executemany
# per table, inside the same transaction as the rest of the import (so it stays all or
# nothing). It writes what the ORM listeners and the search index would: a 'create' audit row
# per record (labelled as store.audit labels them) and the search rows of the new initiatives.
_BULK_CHUNK = 2000
_IMPORT_CACHE_KIB = 64 * 1024
_LABELS = LABEL_FIELDS
_CHILD_COLUMNS: dict[str, tuple[str, ...]] = {
    "stakeholders": convert.INVOLVEMENT_FIELDS,
    "mandates": convert.MANDATE_FIELDS,
    "resources": convert.RESOURCE_FIELDS,
    "cross_pressures": convert.PRESSURE_FIELDS,
    "journal": convert.JOURNAL_FIELDS,
    "reviews": convert.REVIEW_FIELDS,
    "commitments": convert.COMMITMENT_FIELDS,
    "outcomes": convert.OUTCOME_FIELDS,
}
_AUDIT_COLUMNS = ("entity", "entity_id", "initiative_id", "new_value")


def _stakeholder_value(record: dict[str, Any], name: str) -> Any:
    if name == "is_person":  # citizens and volunteers are natural persons whatever it says
        return is_natural_person(record["kind"], record["is_person"])
    return record[name]


class _BulkWriter:
    def __init__(self, session: Session) -> None:
        self.session = session
        self.connection = session.connection()
        self.dialect = self.connection.dialect
        self.now = m.utcnow()
        self.audit: list[tuple[str, int, int | None, str | None]] = []

    def insert(
        self,
        model: Any,
        columns: tuple[str, ...],
        rows: list[tuple[Any, ...]],
        constants: Mapping[str, Any],
        *,
        ids: bool = True,
    ) -> list[int]:
        """Insert rows (values in `columns` order, then `constants` in each), returning their
        new ids in the order given."""
        if not rows:
            return []
        table: Any = getattr(model, "__table__", model)
        if self.dialect.name != "sqlite":
            statement = insert(table)
            if ids:
                statement = statement.returning(table.c.id, sort_by_parameter_order=True)
            made: list[int] = []
            for start in range(0, len(rows), _BULK_CHUNK):
                chunk = [
                    {**dict(zip(columns, row, strict=True)), **constants}
                    for row in rows[start : start + _BULK_CHUNK]
                ]
                result = self.connection.execute(statement, chunk)
                if ids:
                    made += [row[0] for row in result]
            return made
        # SQLite: plain DBAPI rows in one executemany, each value as the column type would
        # bind it. SQLite cannot promise the order of RETURNING rows, but the ids are known:
        # this transaction holds the only write lock, so each row gets the next rowid after
        # the largest one, in the order given.
        fixed = tuple(self._bind(table.c[name], value) for name, value in constants.items())
        processors = [
            (index, process)
            for index, name in enumerate(columns)
            if (process := self._processor(table.c[name])) is not None
        ]
        if processors:
            values = []
            for row in rows:
                listed = list(row)
                for index, process in processors:
                    listed[index] = process(listed[index])
                values.append((*listed, *fixed))
        else:
            values = [(*row, *fixed) for row in rows]
        quote = self.dialect.identifier_preparer.quote
        names = ", ".join(quote(name) for name in (*columns, *constants))
        marks = ", ".join("?" * (len(columns) + len(constants)))
        self.connection.exec_driver_sql(
            f"INSERT INTO {quote(table.name)} ({names}) VALUES ({marks})", values
        )
        if not ids:
            return []
        last = self.connection.exec_driver_sql(f"SELECT max(id) FROM {quote(table.name)}")
        top = last.scalar_one()
        return list(range(top - len(rows) + 1, top + 1))

    @contextmanager
    def larger_cache(self) -> Iterator[None]:
        """SQLite keeps 2 MB of pages per connection; the new rows touch a dozen indexes
        (and a trigger updates initiatives), so a 10,000-initiative import spends a tenth
        of its time re-reading index pages. 64 MB while writing them, then as it was."""
        if self.dialect.name != "sqlite":
            yield
            return
        before = int(self.connection.exec_driver_sql("PRAGMA cache_size").scalar() or 0)
        page = int(self.connection.exec_driver_sql("PRAGMA page_size").scalar() or 4096)
        if (-before if before < 0 else before * page // 1024) >= _IMPORT_CACHE_KIB:
            yield  # already as large
            return
        self.connection.exec_driver_sql(f"PRAGMA cache_size = {-_IMPORT_CACHE_KIB}")
        restore = f"PRAGMA cache_size = {before}"
        try:
            yield
        except BaseException:
            with suppress(Exception):  # the first error is the one to report
                self.connection.exec_driver_sql(restore)
            raise
        self.connection.exec_driver_sql(restore)

    def _processor(self, column: Any) -> Callable[[Any], Any] | None:
        process: Callable[[Any], Any] | None = column.type.dialect_impl(
            self.dialect
        ).bind_processor(self.dialect)
        return process

    def _bind(self, column: Any, value: Any) -> Any:
        process = self._processor(column)
        return value if process is None else process(value)

    def note(
        self, entity: str, ids: list[int], parents: Sequence[int | None], labels: list[Any]
    ) -> None:
        self.audit += zip([entity] * len(ids), ids, parents, labels, strict=True)

    def _stamps(self) -> dict[str, Any]:
        return {"created_at": self.now, "updated_at": self.now, "version": 1}

    def stakeholders(self, records: list[dict[str, Any]]) -> list[int]:
        columns = convert.STAKEHOLDER_SCALARS
        rows = [tuple(_stakeholder_value(s, name) for name in columns) for s in records]
        ids = self.insert(m.Stakeholder, columns, rows, self._stamps())
        self.note("stakeholder", ids, [None] * len(ids), [as_text(s["name"]) for s in records])
        return ids

    def initiatives(
        self, items: list[dict[str, Any]], people: dict[str, tuple[int, str]]
    ) -> list[str]:
        """Insert new initiatives with their children; returns their references."""
        if not items:
            return []
        scalars = convert.INITIATIVE_SCALARS
        get = itemgetter(*scalars)
        at_reference = scalars.index("reference")
        at_lists = [scalars.index("public_values"), scalars.index("co_phases")]
        at_title, at_owner = scalars.index("title"), scalars.index("owner")
        rows = []
        for item in items:
            row = list(get(item))
            row[at_reference] = row[at_reference].strip()
            for at in at_lists:
                row[at] = list(row[at] or [])
            row += (m.sort_key(row[at_title]) or "", m.sort_key(row[at_owner]))
            rows.append(tuple(row))
        references = [row[at_reference] for row in rows]
        parents = self.insert(
            m.Initiative, (*scalars, "title_key", "owner_key"), rows, self._stamps()
        )
        self.note("initiative", parents, parents, [as_text(r) for r in references])

        participants: list[tuple[int, ...]] = []
        journal_keys: list[tuple[int, str | None]] = []  # (initiative, key) per entry written
        journal_ids: dict[tuple[int, str], int] = {}
        for list_name, model in m.CHILD_MODELS.items():
            columns = _CHILD_COLUMNS[list_name]
            names = tuple(
                n for n in columns if n not in ("stakeholder_id", "source_id", "counterpart_id")
            )
            get = itemgetter(*names)
            labels_from = [n for n in _LABELS if n in columns]
            child_rows: list[tuple[Any, ...]] = []
            owners: list[int | None] = []
            labels: list[str | None] = []
            for item, parent in zip(items, parents, strict=True):
                for x in item[list_name]:
                    values = get(x)
                    if list_name == "stakeholders":
                        sid, who = people[x["stakeholder"]]
                        child_rows.append((parent, sid, *values))
                        labels.append(f"{who} ({x['role']})")
                    else:
                        if list_name == "resources":
                            source = x["source"]
                            values = (*values, people[source][0] if source is not None else None)
                        elif list_name == "journal":
                            participants.append(tuple({people[k][0] for k in x["participants"]}))
                            journal_keys.append((parent, x["key"]))
                        elif list_name == "commitments":
                            other, entry = x["counterpart"], x["journal"]
                            values = (
                                *values,
                                people[other][0] if other is not None else None,
                                journal_ids[(parent, entry)] if entry is not None else None,
                                m.sort_key(x["owner"]),
                            )
                        child_rows.append((parent, *values))
                        label = None
                        for name in labels_from:  # as store.audit labels a record
                            if value := x[name]:
                                label = value if type(value) is str else as_text(value)
                                break
                        labels.append(label)
                    owners.append(parent)
            if list_name == "stakeholders":
                names = ("stakeholder_id", *names)
            elif list_name == "resources":
                names = (*names, "source_id")
            elif list_name == "commitments":
                names = (*names, "counterpart_id", "journal_entry_id", "owner_key")
            ids = self.insert(model, ("initiative_id", *names), child_rows, {})
            self.note(ENTITY_NAMES[model], ids, owners, labels)
            if list_name == "journal":
                journal_ids = {
                    (parent, key): entry
                    for (parent, key), entry in zip(journal_keys, ids, strict=True)
                    if key is not None
                }
                links = [
                    (entry, sid)
                    for entry, people_ids in zip(ids, participants, strict=True)
                    for sid in sorted(people_ids)
                ]
                self.insert(
                    m.journal_participant,
                    ("journal_entry_id", "stakeholder_id"),
                    links,
                    {},
                    ids=False,
                )
        # their search rows from the text in hand (what search.reindex would read back)
        search.index_new(
            self.connection,
            [
                (
                    parent,
                    search.record_text(
                        {**item, "reference": row[at_reference]},
                        {name: item[name] for name in m.CHILD_MODELS},  # the lists written
                    ),
                )
                for parent, row, item in zip(parents, rows, items, strict=True)
            ],
        )
        return references

    def write_audit(self) -> None:
        """Write the 'create' audit rows noted so far."""
        if self.audit and not self.session.info.get("skip_audit"):
            who = self.session.info.get("user") or "unknown"
            constants = {"at": self.now, "who": who, "action": "create"}
            self.insert(m.AuditEntry, _AUDIT_COLUMNS, self.audit, constants, ids=False)
        self.audit = []


ALLOWED_SUFFIXES = ".json, .coprodz, .csv, .xlsx"
EXPORT_SUFFIXES = ".json, .coprodz, .csv, .xlsx, .geojson"


def import_file(
    db: Database, path: Path, *, merge: bool = False, dry_run: bool = False
) -> ImportResult:
    """Import .json (interchange) or a .csv/.xlsx spreadsheet (`services.spreadsheet`)."""
    suffix = path.suffix.lower()
    if suffix in (".csv", ".xlsx"):
        from coprod_desktop.services import spreadsheet

        return spreadsheet.import_sheet(db, path, merge=merge, dry_run=dry_run)
    if suffix == ".coprodz":
        from coprod_desktop.services import bundle

        with bundle.open_bundle(path) as (document, files):
            return import_document(db, document, merge=merge, dry_run=dry_run, files=files)
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
    # The version goes along so `import --merge` knows what the file started from.
    values = {"key": key, "reference": row.reference, "version": row.version}
    out = _compact({**values, **{n: getattr(row, n) for n in convert.INITIATIVE_SCALARS}})
    out["public_values"] = list(row.public_values or [])
    out["co_phases"] = list(row.co_phases or [])
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
    out["commitments"] = [
        _compact(
            {
                **{n: getattr(x, n) for n in convert.COMMITMENT_FIELDS if n != "counterpart_id"},
                "counterpart": keys[x.counterpart_id] if x.counterpart_id is not None else None,
                "journal": x.journal_entry.key if x.journal_entry is not None else None,
            }
        )
        for x in row.commitments
    ]
    out["outcomes"] = [
        _compact({n: getattr(x, n) for n in convert.OUTCOME_FIELDS}) for x in row.outcomes
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
                used |= {x.counterpart_id for x in row.commitments if x.counterpart_id is not None}
            people = session.scalars(
                select(m.Stakeholder).where(m.Stakeholder.id.in_(used)).order_by(m.Stakeholder.id)
            ).all()
        keys = {s.id: f"s{index}" for index, s in enumerate(people, start=1)}
        out = [initiative_dict(row, f"i{index}", keys) for index, row in enumerate(rows, start=1)]
        from coprod_desktop.services import attachments

        attachments.add_to_export(session, rows, out)
        return {
            "format": FORMAT,
            "version": VERSION,
            "stakeholders": [stakeholder_dict(s, keys[s.id]) for s in people],
            "initiatives": out,
        }


def write_json(document: dict[str, Any], path: Path) -> None:
    """Write atomically (`safe_write`): a half-written export never replaces a good file,
    and no export replaces the database, a backup or a device."""
    from coprod_desktop.services import safe_write

    safe_write.write_text(path, json.dumps(document, ensure_ascii=False, indent=2) + "\n")


def export_file(
    db: Database, path: Path, flt: PortfolioFilter | None = None, lang: str = "en"
) -> int:
    """Export to .json (interchange) or .csv/.xlsx (`services.spreadsheet`, in `lang`), or
    the public-safe map of .geojson (`services.geo_export`)."""
    from coprod_desktop.services import safe_write

    safe_write.check_target(path)  # a target that may not be written is refused before the work
    suffix = path.suffix.lower()
    if suffix == ".geojson":
        from coprod_desktop.services import geo_export

        return geo_export.export_file(db, path, flt, lang)
    if suffix in (".csv", ".xlsx"):
        from coprod_desktop.services import spreadsheet

        return spreadsheet.export_file(db, path, flt, lang)
    if suffix == ".coprodz":
        from coprod_desktop.services import bundle

        return bundle.export_bundle(db, path, flt)
    if suffix != ".json":
        raise InputFileError(
            "unsupported_format", suffix=suffix or path.name, allowed=EXPORT_SUFFIXES
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
        people.update({x.counterpart.id: x.counterpart for x in row.commitments if x.counterpart})
        inline = {
            sid: {"id": sid, **stakeholder_dict(person, f"s{sid}")}
            for sid, person in people.items()
        }
        out = initiative_dict(row, f"i{row.id}", inline)
        from coprod_desktop.services import attachments

        attachments.add_to_export(session, [row], [out])
        data = convert.initiative_data(row)
    out = {"id": data.id, **out, "version": data.version}
    from coprod_desktop.services.settings import load_settings

    signals = analysis.attention_signals(data, today or date.today(), load_settings().thresholds())
    out["suggested_type"] = analysis.suggested_type(data)
    out["attention"] = [s.key for s in signals]
    out["completeness"] = analysis.completeness(data)
    return out
