"""Importing an interchange document, all or nothing.

The whole document is checked first (`exchange.check`); nothing is written unless all is well.
Stakeholders are reused by name and kind; an existing reference is an error unless `merge` is
given, which updates that initiative instead (through the ORM, with per-field history). New
records go through the bulk writer (`exchange.bulk`).
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coprod_desktop import paths
from coprod_desktop.domain import merge as merging
from coprod_desktop.domain import model as d
from coprod_desktop.domain.errors import Problem, ValidationError
from coprod_desktop.domain.vocab import is_natural_person
from coprod_desktop.services import convert, initiatives, memory, versions
from coprod_desktop.services.exchange.bulk import BulkWriter
from coprod_desktop.services.exchange.check import check_document, read_json_file
from coprod_desktop.store import models as m
from coprod_desktop.store import references as store_references
from coprod_desktop.store.audit import as_text
from coprod_desktop.store.db import Database


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int
    stakeholders_created: int
    dry_run: bool
    references: tuple[str, ...]
    overwritten: tuple[Overwritten, ...] = ()  # clashes `force` settled
    attachments_skipped: int = 0  # listed in the file, but their bytes were not at hand


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
    source: str | None = None,
) -> ImportResult:
    """Import an interchange document, all or nothing. With `merge`, an initiative whose
    reference exists is merged with the database's copy (see `_plan_merges`); `force`
    (file | database) settles the clashes a merge would otherwise refuse. `files` gives the
    bytes of attachments by checksum (a `.coprodz` bundle, `services.bundle`); `source` names
    the file in the import events of the records made."""
    if force is not None and force not in FORCE_SIDES:
        raise ValidationError(
            [Problem("force", "not_in_vocab", {"value": force, "allowed": "file, database"})]
        )
    with memory.collector_paused():
        return _import_document(
            db, document, merge=merge, dry_run=dry_run, force=force, files=files, source=source
        )


def _import_document(
    db: Database,
    document: Any,
    *,
    merge: bool,
    dry_run: bool,
    force: str | None,
    files: Any,
    source: str | None,
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

        writer = BulkWriter(session, source)
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
        as_given: list[dict[str, Any]] = []  # as the file has them, for the import events
        for item, given, reference in zip(
            initiatives_in, document["initiatives"], references, strict=True
        ):
            if reference and reference in existing:
                continue
            if not reference:
                item["reference"] = next(fresh_references)
            new_items.append(item)
            as_given.append(given)
        with writer.larger_cache():  # (it writes their import events as it goes)
            new_references = writer.initiatives(new_items, people, as_given)
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


def load_demo(db: Database, lang: str = "en") -> ImportResult:
    name = "demo_da.json" if lang == "da" else "demo_en.json"
    return import_document(db, read_json_file(paths.resource_path("demo", name)), source=name)
