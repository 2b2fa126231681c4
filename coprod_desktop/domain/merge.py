"""Three-way merge of two edits of one initiative (pure functions, no database, no Qt).

`merge(base, mine, theirs)` compares both edited versions with the version both started from,
field by field and child row by child row (rows are matched by id; a row without an id is new):

- what only one side changed is taken from that side; what both changed alike is taken;
- rows added on either side are all kept; a row deleted by one side and left alone by the
  other is deleted;
- a field (of the initiative or of one row) changed differently on both sides, and a row
  deleted by one side but changed by the other, is a `Conflict`. Each conflict has a default
  that never throws away what the other person wrote: the saved ("theirs") value of a field
  both changed, and the row itself where one side deleted what the other changed.

The editor (the colleague saved first), `import --merge` (the file against the database) and,
later, offline synchronisation use this one set of rules. Without a base (`base=None`, the
version the file started from is no longer known) every difference is a conflict.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, fields, replace
from typing import Any, Literal

from coprod_desktop.domain.model import DISPLAY_FIELDS, INITIATIVE_LISTS, InitiativeData

Side = Literal["mine", "theirs"]
MINE: Side = "mine"
THEIRS: Side = "theirs"

# Bookkeeping, not content: never merged (the result carries theirs).
_META = frozenset({"id", "version", "created_at", "updated_at"})
_DISPLAY = frozenset(name for names in DISPLAY_FIELDS.values() for name in names)
# Lists whose order carries no meaning: compared as sets.
_UNORDERED = frozenset({"public_values", "participant_ids"})

INITIATIVE_FIELDS: tuple[str, ...] = tuple(
    f.name for f in fields(InitiativeData) if f.name not in _META | set(INITIATIVE_LISTS)
)

# What a conflict is about.
BOTH_CHANGED = "both_changed"  # the same field changed differently by both
DELETED_BY_MINE = "deleted_by_mine"  # I deleted the row, they changed it
DELETED_BY_THEIRS = "deleted_by_theirs"  # they deleted the row, I changed it
ONLY_MINE = "only_mine"  # no base: the row is only in my version
ONLY_THEIRS = "only_theirs"  # no base: the row is only in theirs
DIFFERS = "differs"  # no base: the field differs

# Where a conflict's default lies: the side whose choice keeps what the other one wrote.
_DEFAULTS: dict[str, Side] = {
    BOTH_CHANGED: THEIRS,
    DELETED_BY_MINE: THEIRS,
    DELETED_BY_THEIRS: MINE,
    ONLY_MINE: MINE,
    ONLY_THEIRS: THEIRS,
    DIFFERS: THEIRS,
}

RowKey = int | str  # a row's id, or "mine:N" / "theirs:N" for the Nth new row of a side


@dataclass(frozen=True)
class ItemKey:
    """What a conflict or an automatic change is about: a field of the initiative
    (`list_name` None), a field of one child row, or a whole row (`field` None)."""

    list_name: str | None
    row: RowKey | None
    field: str | None


@dataclass(frozen=True)
class Conflict:
    key: ItemKey
    kind: str
    # Values of the field, or the whole rows (None where the row does not exist).
    base: Any
    mine: Any
    theirs: Any

    @property
    def default(self) -> Side:
        return _DEFAULTS[self.kind]

    @property
    def list_name(self) -> str | None:
        return self.key.list_name

    @property
    def field(self) -> str | None:
        return self.key.field

    def value(self, side: Side) -> Any:
        return self.mine if side == MINE else self.theirs


@dataclass(frozen=True)
class Change:
    """A change one side made that the merge took without asking."""

    key: ItemKey
    side: Side
    action: Literal["changed", "added", "deleted"]


@dataclass
class MergeResult:
    merged: InitiativeData  # every conflict settled by its default
    conflicts: list[Conflict]
    changes: list[Change]  # taken automatically, with who made them
    base: InitiativeData | None = field(repr=False)
    mine: InitiativeData = field(repr=False)
    theirs: InitiativeData = field(repr=False)

    def resolved(self, choices: Mapping[ItemKey, Side] | Side | None = None) -> InitiativeData:
        """The merge with each conflict settled by `choices` (a side for every conflict, or a
        side per conflict key; a conflict not named takes its default)."""
        if choices is None:
            return copy.deepcopy(self.merged)
        if isinstance(choices, str):
            side: Side = choices
            return _merge(self.base, self.mine, self.theirs, lambda _c: side).merged
        chosen = dict(choices)
        return _merge(
            self.base, self.mine, self.theirs, lambda c: chosen.get(c.key, c.default)
        ).merged

    def taken_from(self, side: Side) -> list[Change]:
        return [c for c in self.changes if c.side == side]


def merge(base: InitiativeData | None, mine: InitiativeData, theirs: InitiativeData) -> MergeResult:
    """Merge `mine` and `theirs`, both edited from `base`; the result carries theirs' id and
    version (it is saved on top of theirs)."""
    return _merge(base, mine, theirs, lambda c: c.default)


# ---------------------------------------------------------------------- internals


def _comparable(name: str, value: Any) -> Any:
    if name in _UNORDERED and isinstance(value, list):
        return sorted(value, key=repr)
    return value


def _same(name: str, a: Any, b: Any) -> bool:
    return bool(_comparable(name, a) == _comparable(name, b))


def stored_fields(record: Any) -> tuple[str, ...]:
    """The fields of a child record that are saved (not its id, not display-only ones)."""
    return tuple(f.name for f in fields(record) if f.name != "id" and f.name not in _DISPLAY)


def same_row(a: Any, b: Any) -> bool:
    """Whether two child records hold the same stored values (ids and display aside)."""
    return type(a) is type(b) and all(
        _same(name, getattr(a, name), getattr(b, name)) for name in stored_fields(a)
    )


class _Merger:
    def __init__(self, choose: Callable[[Conflict], Side]) -> None:
        self.choose = choose
        self.conflicts: list[Conflict] = []
        self.changes: list[Change] = []

    def value(self, key: ItemKey, base: Any, mine: Any, theirs: Any, has_base: bool) -> Any:
        """One field three ways; returns the value to keep."""
        name = key.field or ""
        if _same(name, mine, theirs):
            return copy.deepcopy(theirs)
        if has_base and _same(name, base, mine):
            self.changes.append(Change(key, THEIRS, "changed"))
            return copy.deepcopy(theirs)
        if has_base and _same(name, base, theirs):
            self.changes.append(Change(key, MINE, "changed"))
            return copy.deepcopy(mine)
        found = Conflict(key, BOTH_CHANGED if has_base else DIFFERS, base, mine, theirs)
        self.conflicts.append(found)
        return copy.deepcopy(mine if self.choose(found) == MINE else theirs)

    def row(self, list_name: str, row_key: RowKey, base: Any, mine: Any, theirs: Any) -> Any:
        """A row both sides still have, merged field by field (display fields follow the
        stored field they describe)."""
        result = copy.deepcopy(theirs)
        for name in stored_fields(theirs):
            key = ItemKey(list_name, row_key, name)
            kept = self.value(
                key,
                getattr(base, name) if base is not None else None,
                getattr(mine, name),
                getattr(theirs, name),
                base is not None,
            )
            setattr(result, name, kept)
            if name in DISPLAY_FIELDS and _same(name, kept, getattr(mine, name)):
                for shown in DISPLAY_FIELDS[name]:
                    setattr(result, shown, copy.deepcopy(getattr(mine, shown)))
        return result

    def one_side(
        self, list_name: str, row_key: RowKey, base: Any, present: Any, side: Side, has_base: bool
    ) -> Any | None:
        """A row that only `side` still has (the other deleted it, or `side` added it)."""
        key = ItemKey(list_name, row_key, None)
        other: Side = THEIRS if side == MINE else MINE
        if base is None:
            if has_base:  # added by `side`
                self.changes.append(Change(key, side, "added"))
                return copy.deepcopy(present)
            kind = ONLY_MINE if side == MINE else ONLY_THEIRS
        elif same_row(base, present):  # the other side deleted it, this side left it alone
            self.changes.append(Change(key, other, "deleted"))
            return None
        else:
            kind = DELETED_BY_THEIRS if side == MINE else DELETED_BY_MINE
        values = {side: present, other: None}
        found = Conflict(key, kind, base, values[MINE], values[THEIRS])
        self.conflicts.append(found)
        return copy.deepcopy(present) if self.choose(found) == side else None

    def rows(
        self, list_name: str, base: list[Any] | None, mine: list[Any], theirs: list[Any]
    ) -> list[Any]:
        has_base = base is not None
        base_by_id = {r.id: r for r in base or [] if r.id is not None}
        mine_by_id = {r.id: r for r in mine if r.id is not None}
        theirs_by_id = {r.id: r for r in theirs if r.id is not None}
        merged: list[Any] = []
        # Theirs' order first (the order now saved), then rows only mine has.
        for row_key, record in _keyed(theirs, THEIRS):
            found = mine_by_id.get(record.id) if record.id is not None else None
            original = base_by_id.get(record.id) if record.id is not None else None
            if found is not None:
                merged.append(self.row(list_name, row_key, original, found, record))
            elif record.id is not None and record.id in base_by_id:
                kept = self.one_side(list_name, row_key, original, record, THEIRS, has_base)
                if kept is not None:
                    merged.append(kept)
            else:
                kept = self.one_side(list_name, row_key, None, record, THEIRS, has_base)
                if kept is not None:
                    merged.append(kept)
        for row_key, record in _keyed(mine, MINE):
            if record.id is not None and record.id in theirs_by_id:
                continue  # merged above
            original = base_by_id.get(record.id) if record.id is not None else None
            kept = self.one_side(list_name, row_key, original, record, MINE, has_base)
            if kept is not None:
                merged.append(kept)
        # Rows in the base that neither side kept: deleted by both, nothing to ask.
        return merged


def _keyed(records: Iterable[Any], side: Side) -> list[tuple[RowKey, Any]]:
    keyed: list[tuple[RowKey, Any]] = []
    new = 0
    for record in records:
        if record.id is not None:
            keyed.append((record.id, record))
        else:
            new += 1
            keyed.append((f"{side}:{new}", record))
    return keyed


def _merge(
    base: InitiativeData | None,
    mine: InitiativeData,
    theirs: InitiativeData,
    choose: Callable[[Conflict], Side],
) -> MergeResult:
    merger = _Merger(choose)
    values: dict[str, Any] = {}
    for name in INITIATIVE_FIELDS:
        values[name] = merger.value(
            ItemKey(None, None, name),
            getattr(base, name) if base is not None else None,
            getattr(mine, name),
            getattr(theirs, name),
            base is not None,
        )
    for list_name in INITIATIVE_LISTS:
        values[list_name] = merger.rows(
            list_name,
            getattr(base, list_name) if base is not None else None,
            getattr(mine, list_name),
            getattr(theirs, list_name),
        )
    merged = replace(copy.deepcopy(theirs), **values)
    return MergeResult(merged, merger.conflicts, merger.changes, base, mine, theirs)


def rebase_edits(
    sent: InitiativeData, current: InitiativeData, saved: InitiativeData
) -> InitiativeData:
    """What an editor holds after a save when the user went on typing while it ran: the edits
    made since `sent` went to the database, on top of `saved` (what the database answered).

    Rows that were new in `sent` came back with ids; the k-th new row of `sent` and of
    `current` (in list order) are given the id the database gave it, so the merge sees them
    as the same row and does not add them twice."""
    base = copy.deepcopy(sent)
    mine = copy.deepcopy(current)
    for name in INITIATIVE_LISTS:
        known = {row.id for row in getattr(base, name) if row.id is not None}
        given = [row for row in getattr(saved, name) if row.id not in known]
        new_in_base = [row for row in getattr(base, name) if row.id is None]
        new_in_mine = [row for row in getattr(mine, name) if row.id is None]
        for index, row in enumerate(new_in_base):
            match = next((g for g in given if same_row(g, row)), None)
            if match is None:
                continue
            given.remove(match)
            row.id = match.id
            if index < len(new_in_mine):
                new_in_mine[index].id = match.id
    return _merge(base, mine, saved, lambda _c: MINE).merged
