"""The three-way merge: every change only one side made survives, only real clashes ask."""

from __future__ import annotations

import copy
import datetime as dt
from dataclasses import fields
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from coprod_desktop.domain import model as d
from coprod_desktop.domain.merge import (
    BOTH_CHANGED,
    DELETED_BY_MINE,
    DELETED_BY_THEIRS,
    DIFFERS,
    INITIATIVE_FIELDS,
    MINE,
    ONLY_MINE,
    THEIRS,
    ItemKey,
    merge,
    rebase_edits,
    same_row,
    stored_fields,
)

# ---------------------------------------------------------------------- generated records

WORDS = st.sampled_from(["alpha", "beta", "gamma", "delta", "Æble", "ø", ""])
DATES = st.one_of(st.none(), st.dates(dt.date(2020, 1, 1), dt.date(2020, 1, 20)))


def _journal(ident: int | None) -> st.SearchStrategy[d.JournalData]:
    return st.builds(
        d.JournalData,
        date=DATES,
        kind=st.sampled_from(["note", "meeting"]),
        summary=WORDS,
        participant_ids=st.lists(st.integers(1, 4), unique=True, max_size=3),
        follow_up_on=DATES,
        id=st.just(ident),
    )


def _resource(ident: int | None) -> st.SearchStrategy[d.ResourceData]:
    return st.builds(
        d.ResourceData,
        kind=st.sampled_from(["staff_hours", "in_kind"]),
        amount=st.sampled_from([0.0, 1.0, 120.0]),
        note=st.one_of(st.none(), WORDS),
        source_id=st.one_of(st.none(), st.integers(1, 3)),
        id=st.just(ident),
    )


ROWS = {"journal": _journal, "resources": _resource}


@st.composite
def initiatives(draw: st.DrawFn) -> d.InitiativeData:
    data = d.InitiativeData(
        title=draw(WORDS),
        summary=draw(st.one_of(st.none(), WORDS)),
        status=draw(st.sampled_from(["idea", "active", "paused"])),
        owner=draw(st.one_of(st.none(), WORDS)),
        start_date=draw(DATES),
        public_values=draw(st.lists(st.sampled_from(["a", "b", "c"]), unique=True)),
        id=7,
        version=3,
    )
    next_id = 1
    for name, row in ROWS.items():
        records = []
        for _ in range(draw(st.integers(0, 3))):
            records.append(draw(row(next_id)))
            next_id += 1
        setattr(data, name, records)
    return data


EDITABLE = ("title", "summary", "status", "owner", "start_date", "public_values")


@st.composite
def edits(draw: st.DrawFn, base: d.InitiativeData, side: str) -> d.InitiativeData:
    """One person's edit of `base`: some fields changed, rows changed, deleted and added.
    Theirs was saved (new rows have new ids); mine was not (new rows have none)."""
    edited = copy.deepcopy(base)
    for name in EDITABLE:
        if draw(st.booleans()):
            setattr(edited, name, draw(getattr(FieldValues, name)))
    for name, row in ROWS.items():
        kept = []
        for record in getattr(edited, name):
            action = draw(st.sampled_from(["keep", "keep", "change", "delete"]))
            if action == "delete":
                continue
            if action == "change":
                other = draw(row(record.id))
                for field_name in draw(st.sets(st.sampled_from(stored_fields(record)))):
                    setattr(record, field_name, getattr(other, field_name))
            kept.append(record)
        for index in range(draw(st.integers(0, 2))):
            new_id = None if side == MINE else 1000 + index + 10 * len(name)
            kept.append(draw(row(new_id)))
        setattr(edited, name, kept)
    if side == THEIRS:
        edited.version = (base.version or 0) + 1
    return edited


class FieldValues:  # a namespace of strategies, one per editable field
    title = WORDS
    summary = st.one_of(st.none(), WORDS)
    status = st.sampled_from(["idea", "active", "paused", "completed"])
    owner = st.one_of(st.none(), WORDS)
    start_date = DATES
    public_values = st.lists(st.sampled_from(["a", "b", "c"]), unique=True)


@st.composite
def three_versions(draw: st.DrawFn) -> tuple[d.InitiativeData, d.InitiativeData, d.InitiativeData]:
    base = draw(initiatives())
    return base, draw(edits(base, MINE)), draw(edits(base, THEIRS))


def _same_value(name: str, a: Any, b: Any) -> bool:
    if name in ("public_values", "participant_ids"):
        return sorted(a) == sorted(b)
    return bool(a == b)


def _by_id(records: list[Any]) -> dict[int, Any]:
    return {r.id: r for r in records if r.id is not None}


# ---------------------------------------------------------------------- properties


@settings(max_examples=300, deadline=None)
@given(three_versions())
def test_every_change_only_one_side_made_is_in_the_result(
    versions: tuple[d.InitiativeData, d.InitiativeData, d.InitiativeData],
) -> None:
    base, mine, theirs = versions
    result = merge(base, mine, theirs)
    merged = result.merged
    asked = {c.key for c in result.conflicts}
    for name in INITIATIVE_FIELDS:
        b, m, t = getattr(base, name), getattr(mine, name), getattr(theirs, name)
        got = getattr(merged, name)
        if _same_value(name, m, t) or _same_value(name, b, m):
            assert _same_value(name, got, t), name
            assert ItemKey(None, None, name) not in asked
        elif _same_value(name, b, t):
            assert _same_value(name, got, m), name
            assert ItemKey(None, None, name) not in asked
        else:  # both changed it differently: asked, and by default the saved text stays
            assert ItemKey(None, None, name) in asked
            assert _same_value(name, got, t)
    for list_name in ROWS:
        base_rows = _by_id(getattr(base, list_name))
        mine_rows = _by_id(getattr(mine, list_name))
        theirs_rows = _by_id(getattr(theirs, list_name))
        merged_rows = getattr(merged, list_name)
        merged_ids = _by_id(merged_rows)
        # Rows added on either side are all kept.
        for record in getattr(mine, list_name):
            if record.id is None:
                assert any(r.id is None and same_row(r, record) for r in merged_rows)
        for ident, record in theirs_rows.items():
            if ident not in base_rows:
                assert ident in merged_ids and same_row(merged_ids[ident], record)
        for ident, original in base_rows.items():
            m, t = mine_rows.get(ident), theirs_rows.get(ident)
            row_key = ItemKey(list_name, ident, None)
            if m is None and t is None:
                assert ident not in merged_ids
            elif m is None or t is None:
                present = t if m is None else m
                if same_row(present, original):  # deleted by one, untouched by the other
                    assert ident not in merged_ids and row_key not in asked
                else:  # deleted by one, changed by the other: asked, kept by default
                    assert row_key in asked
                    assert ident in merged_ids and same_row(merged_ids[ident], present)
            else:
                got = merged_ids[ident]
                for name in stored_fields(original):
                    b, mv, tv = (getattr(x, name) for x in (original, m, t))
                    key = ItemKey(list_name, ident, name)
                    if _same_value(name, mv, tv) or _same_value(name, b, mv):
                        assert _same_value(name, getattr(got, name), tv)
                        assert key not in asked
                    elif _same_value(name, b, tv):
                        assert _same_value(name, getattr(got, name), mv)
                        assert key not in asked
                    else:
                        assert key in asked
    assert (merged.id, merged.version) == (theirs.id, theirs.version)


def _sorted(name: str, value: Any) -> Any:
    return sorted(value) if name == "participant_ids" else value


def _content(data: d.InitiativeData) -> tuple[Any, ...]:
    """What is saved, independent of row order."""
    scalars = tuple(
        sorted(getattr(data, n)) if n == "public_values" else getattr(data, n)
        for n in INITIATIVE_FIELDS
    )
    lists = tuple(
        sorted(
            repr([(n, _sorted(n, getattr(r, n))) for n in stored_fields(r)] + [("id", r.id)])
            for r in getattr(data, name)
        )
        for name in ROWS
    )
    return scalars, lists


@settings(max_examples=200, deadline=None)
@given(three_versions())
def test_the_merge_is_symmetric(
    versions: tuple[d.InitiativeData, d.InitiativeData, d.InitiativeData],
) -> None:
    base, mine, theirs = versions
    one = merge(base, mine, theirs)
    other = merge(base, theirs, mine)
    swap = {MINE: THEIRS, THEIRS: MINE}
    assert {(c.key, c.kind, repr(c.mine), repr(c.theirs)) for c in one.conflicts} == {
        (
            c.key,
            {DELETED_BY_MINE: DELETED_BY_THEIRS, DELETED_BY_THEIRS: DELETED_BY_MINE}.get(
                c.kind, c.kind
            ),
            repr(c.theirs),
            repr(c.mine),
        )
        for c in other.conflicts
    }
    for side in (MINE, THEIRS):
        assert _content(one.resolved(side)) == _content(other.resolved(swap[side]))  # type: ignore[arg-type]


@settings(max_examples=100, deadline=None)
@given(st.data())
def test_an_edit_against_an_untouched_version_is_taken_whole(data: st.DataObject) -> None:
    base = data.draw(initiatives())
    theirs = data.draw(edits(base, THEIRS))
    mine = data.draw(edits(base, MINE))
    assert not merge(base, base, theirs).conflicts
    assert _content(merge(base, base, theirs).merged) == _content(theirs)
    only_mine = merge(base, mine, base)
    assert not only_mine.conflicts
    assert _content(only_mine.merged) == _content(mine)


# ---------------------------------------------------------------------- the reported cases


def _journal_row(ident: int | None, summary: str) -> d.JournalData:
    return d.JournalData(date=dt.date(2026, 3, 1), kind="meeting", summary=summary, id=ident)


def test_both_add_a_journal_entry_and_both_are_kept_without_asking() -> None:
    base = d.InitiativeData(title="Harbour bath", journal=[_journal_row(1, "Kick-off")], id=5)
    theirs = copy.deepcopy(base)
    theirs.journal.append(_journal_row(2, "Their meeting"))
    mine = copy.deepcopy(base)
    mine.journal.append(_journal_row(None, "My meeting"))
    result = merge(base, mine, theirs)
    assert not result.conflicts
    assert [j.summary for j in result.merged.journal] == [
        "Kick-off",
        "Their meeting",
        "My meeting",
    ]
    assert [(c.side, c.action, c.key.list_name) for c in result.changes] == [
        (THEIRS, "added", "journal"),
        (MINE, "added", "journal"),
    ]


def test_a_field_only_the_colleague_changed_survives_keep_all_mine() -> None:
    base = d.InitiativeData(title="Old title", summary="Old", owner="Anna", id=5, version=2)
    theirs = replace_fields(base, title="Their title", owner="Bo", version=3)
    mine = replace_fields(base, summary="My summary", owner="Carl")
    result = merge(base, mine, theirs)
    assert [c.key.field for c in result.conflicts] == ["owner"]
    kept = result.resolved(MINE)
    assert (kept.title, kept.summary, kept.owner) == ("Their title", "My summary", "Carl")
    assert kept.version == 3
    assert result.resolved(THEIRS).owner == "Bo"
    assert result.merged.owner == "Bo"  # the default keeps what the colleague saved


def replace_fields(data: d.InitiativeData, **values: Any) -> d.InitiativeData:
    copied = copy.deepcopy(data)
    for name, value in values.items():
        setattr(copied, name, value)
    return copied


def test_a_row_deleted_by_one_and_changed_by_the_other_is_asked_and_kept_by_default() -> None:
    base = d.InitiativeData(journal=[_journal_row(1, "Kick-off"), _journal_row(2, "Visit")])
    mine = copy.deepcopy(base)
    del mine.journal[0]  # I delete the kick-off ...
    mine.journal[0].summary = "Site visit, harbour"  # ... and change the visit
    theirs = copy.deepcopy(base)
    theirs.journal[0].summary = "Kick-off with the rowing club"  # they change the kick-off
    del theirs.journal[1]  # ... and delete the visit
    result = merge(base, mine, theirs)
    kinds = {(c.key.row, c.kind, c.default) for c in result.conflicts}
    assert kinds == {(1, DELETED_BY_MINE, THEIRS), (2, DELETED_BY_THEIRS, MINE)}
    assert sorted(j.summary for j in result.merged.journal) == [
        "Kick-off with the rowing club",
        "Site visit, harbour",
    ]
    assert (
        result.resolved(
            {c.key: ("theirs" if c.key.row == 2 else "mine") for c in result.conflicts}
        ).journal
        == []
    )


def test_different_fields_of_one_row_merge_without_asking() -> None:
    base = d.InitiativeData(resources=[d.ResourceData(amount=10, note="hall", id=4)])
    mine = copy.deepcopy(base)
    mine.resources[0].amount = 12
    theirs = copy.deepcopy(base)
    theirs.resources[0].note = "hall and boats"
    result = merge(base, mine, theirs)
    assert not result.conflicts
    (row,) = result.merged.resources
    assert (row.amount, row.note, row.id) == (12, "hall and boats", 4)


def test_the_display_name_follows_the_stakeholder_taken() -> None:
    base = d.InitiativeData(
        involvements=[d.InvolvementData(stakeholder_id=1, stakeholder_name="Club", id=9)]
    )
    mine = copy.deepcopy(base)
    mine.involvements[0].stakeholder_id = 2
    mine.involvements[0].stakeholder_name = "Harbour board"
    theirs = copy.deepcopy(base)
    theirs.involvements[0].role = "sponsor"
    (row,) = merge(base, mine, theirs).merged.involvements
    assert (row.stakeholder_id, row.stakeholder_name, row.role) == (2, "Harbour board", "sponsor")


def test_without_a_base_every_difference_is_asked() -> None:
    mine = d.InitiativeData(title="A", journal=[_journal_row(None, "From the file")])
    theirs = d.InitiativeData(title="B", journal=[_journal_row(3, "In the database")])
    result = merge(None, mine, theirs)
    assert {(c.key.field, c.kind) for c in result.conflicts} == {
        ("title", DIFFERS),
        (None, ONLY_MINE),
        (None, "only_theirs"),
    }
    assert [j.summary for j in result.resolved(MINE).journal] == ["From the file"]
    assert [j.summary for j in result.resolved(THEIRS).journal] == ["In the database"]


def test_changed_alike_on_both_sides_is_not_a_conflict() -> None:
    base = d.InitiativeData(title="Old")
    result = merge(base, replace_fields(base, title="New"), replace_fields(base, title="New"))
    assert not result.conflicts and result.merged.title == "New"
    assert BOTH_CHANGED not in {c.kind for c in result.conflicts}


def test_every_child_list_of_an_initiative_is_merged() -> None:
    """A new kind of child record must be added to INITIATIVE_LISTS to be merged at all."""
    lists = {
        f.name
        for f in fields(d.InitiativeData)
        if str(f.type).startswith("list[") and str(f.type).endswith("Data]")
    }
    assert lists == set(d.INITIATIVE_LISTS)


def test_edits_made_while_a_save_ran_are_kept_on_top_of_the_saved_version() -> None:
    note = d.JournalData(date=dt.date(2020, 1, 2), kind="note", summary="kept", id=None)
    sent = d.InitiativeData(title="Havn", area="Nord", version=3, id=7, journal=[note])
    current = copy.deepcopy(sent)
    current.title = "Havn og strand"  # typed while the save ran
    current.journal[0].summary = "kept, and more"  # the new row edited meanwhile
    current.journal.append(d.JournalData(date=None, kind="meeting", summary="later", id=None))
    saved = copy.deepcopy(sent)
    saved.version = 4
    saved.journal[0].id = 51  # the database gave the new row its id
    rebased = rebase_edits(sent, current, saved)
    assert (rebased.title, rebased.area, rebased.version, rebased.id) == (
        "Havn og strand",
        "Nord",
        4,
        7,
    )
    assert [(j.id, j.summary) for j in rebased.journal] == [(51, "kept, and more"), (None, "later")]
    assert rebase_edits(sent, sent, saved) == saved  # nothing typed: exactly the saved version
