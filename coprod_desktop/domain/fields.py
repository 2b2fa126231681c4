"""One declaration of every field of every kind of record: what it holds and what it means.

Everything that used to repeat a field's properties is derived from here: the validation rules
(`validation.SPECS`, and through them the quick import check), the JSON Schema's field rules
and required lists (`interchange_schema.build`), the search index's text and the bulk import's
search text (`store.search.initiative_text`), what an erase rewrites and an access request
looks through (`store.models.FREE_TEXT`, `PERSONAL_FIELDS`), the fields that count towards
completeness, the columns copied between rows and plain data, and the editor's plain fields
(`PLAIN_EDITOR_FIELDS`: a widget of the field's kind on its declared tab). What cannot
sensibly be derived (the ORM columns, the migrations, the spreadsheet columns with their
English and Danish labels, the domain dataclasses) is checked against this declaration by
tests/core/domain/test_fields.py, so forgetting one of them fails a test.

Adding a plain text field to the initiative (five files): declare it here (with its `tab`),
add the attribute to `model.InitiativeData`, the column to `store.models.Initiative` and a
migration, and the spreadsheet column (heading and help in English and Danish: the field's
labels everywhere, the field guide's text and the schema's description) to `domain.columns`.
Validation, the JSON Schema, the quick import check, search, the bulk import, erase, the
access request, the field guide, the editor and the copies between rows and plain data follow
from the declaration; the tests name whatever is missing.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from coprod_desktop.domain import vocab as v

# What a field holds. `text` and `long_text` are both text (long text gets a multi-line box);
# the rest as `validation` checks them.
KINDS = frozenset(
    {
        "text",
        "long_text",
        "vocab",  # a vocabulary key
        "vocab_list",  # several vocabulary keys
        "date",
        "bool",
        "number",  # an amount from 0 to validation.MAX_AMOUNT
        "measure",  # a signed number between minimum and maximum
        "severity",  # 1, 2 or 3
        "version",  # the optimistic lock an export was made at
        "ref",  # a stakeholder's key in the interchange format, an id in the database
        "ref_list",
        "cvr",  # a Danish company register number
        "checksum",  # 64 lower-case hex digits
        "size",  # a whole number of bytes
    }
)
# Plain fields: one value the editor binds to one widget (a line, a box or a date field).
PLAIN_KINDS = frozenset({"text", "long_text", "date"})
_SAME = ""  # `column`/`attribute` default: the field's own name


@dataclass(frozen=True)
class FieldDef:
    """One field of one kind of record."""

    name: str  # as the interchange format (and validation) names it
    kind: str
    required: bool = False
    max_length: int | None = None  # text stored in a column of limited width
    vocabulary: type[v.Vocabulary] | None = None
    minimum: float | None = None  # a measure's range
    maximum: float | None = None
    # in the initiative's search text (found by the portfolio's search box)
    searchable: bool = False
    # free text that may name a person: an erase rewrites it, an access request looks in it
    free_text: bool = False
    # a natural person's own data (their stakeholder record): cleared by an erase
    personal: bool = False
    # expected to be filled: counts towards the initiative's completeness
    completeness: bool = False
    # the column of the record's table ("" = `name`; None: not a column of that table)
    column: str | None = _SAME
    # the attribute of the domain dataclass ("" = the column, else `name`; None: none)
    attribute: str | None = _SAME
    # part of the interchange format (and so validated); False: kept in the database only
    interchange: bool = True
    # the editor tab an initiative's field is shown on (None: not a field of its own there)
    tab: str | None = None

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"{self.name}: unknown kind {self.kind!r}")
        if (self.vocabulary is not None) != (self.kind in ("vocab", "vocab_list")):
            raise ValueError(f"{self.name}: a vocabulary goes with a vocab kind only")

    @property
    def stored_as(self) -> str | None:
        """The column that holds the field, or None."""
        return self.name if self.column == _SAME else self.column

    @property
    def dataclass_attribute(self) -> str | None:
        """The attribute of the domain dataclass that holds the field, or None."""
        if self.attribute != _SAME:
            return self.attribute
        return self.stored_as or self.name

    @property
    def is_text(self) -> bool:
        return self.kind in ("text", "long_text")


_text = partial(FieldDef, kind="text")
_long = partial(FieldDef, kind="long_text")
_vocab = partial(FieldDef, kind="vocab")
_date = partial(FieldDef, kind="date")
_bool = partial(FieldDef, kind="bool")
# ±validation.MAX_AMOUNT unless given
_measure = partial(FieldDef, kind="measure", minimum=-(10**12), maximum=10**12)


# The key of a record within an interchange document: never stored.
_KEY = FieldDef("key", "text", required=True, column=None, attribute=None)
_O, _C = "overview", "classification"  # the editor's tabs of the initiative's own fields

RECORDS: dict[str, tuple[FieldDef, ...]] = {
    "stakeholder": (
        _KEY,
        _text("name", required=True, personal=True),
        _vocab("kind", vocabulary=v.StakeholderKind, required=True),
        _bool("is_person", required=True),
        _text("organisation", personal=True),
        _text("email", max_length=320, personal=True),
        _text("phone", max_length=60, personal=True),
        _text("notes", personal=True),
        _vocab("lawful_basis", vocabulary=v.LawfulBasis, personal=True),
        _date("consent_date", personal=True),
        _date("retention_until", personal=True),
        FieldDef("cvr", "cvr", max_length=8),
    ),
    "initiative": (
        _KEY,
        _text("reference", max_length=40, searchable=True, tab=_O),
        FieldDef("version", "version"),
        _text("title", required=True, searchable=True, free_text=True, completeness=True, tab=_O),
        _long("summary", searchable=True, free_text=True, completeness=True, tab=_O),
        _long("description", searchable=True, free_text=True, completeness=True, tab=_O),
        _vocab("sector", vocabulary=v.Sector, required=True, completeness=True, tab=_O),
        _text("area", searchable=True, free_text=True, completeness=True, tab=_O),
        _vocab("status", vocabulary=v.Status, required=True, completeness=True, tab=_O),
        _vocab("origin", vocabulary=v.Origin, completeness=True, tab=_O),
        _vocab("type", vocabulary=v.InitiativeType, completeness=True, tab=_C),
        _vocab("secondary_type", vocabulary=v.InitiativeType, tab=_C),
        _long("type_rationale", free_text=True, completeness=True, tab=_C),
        _vocab("participation_level", vocabulary=v.ParticipationLevel, completeness=True, tab=_C),
        FieldDef(
            "public_values", "vocab_list", vocabulary=v.PublicValue, completeness=True, tab=_C
        ),
        _vocab("frontline_role", vocabulary=v.FrontlineRole, completeness=True, tab=_C),
        _text("owner", max_length=200, completeness=True, tab=_O),
        _text("responsible_manager", max_length=200, completeness=True, tab=_O),
        _date("start_date", completeness=True, tab=_O),
        _date("end_date", tab=_O),
        _date("next_review", completeness=True, tab=_O),
        _text("kle_topic", max_length=40, tab=_O),
        FieldDef("co_phases", "vocab_list", vocabulary=v.CoPhase, tab=_C),
        _measure("latitude", minimum=-90, maximum=90),
        _measure("longitude", minimum=-180, maximum=180),
    ),
    "involvement": (
        FieldDef("stakeholder", "ref", required=True, column="stakeholder_id"),
        _vocab("role", vocabulary=v.InvolvementRole, required=True),
        _vocab("influence", vocabulary=v.Level3),
        _vocab("interest", vocabulary=v.Level3),
        _vocab("trust", vocabulary=v.Level3),
        _date("joined_on"),
        _date("left_on"),
        _text("note", free_text=True),
    ),
    "mandate": (
        _text("granted_by", free_text=True),
        _vocab("level", vocabulary=v.MandateLevel, required=True),
        _vocab("clarity", vocabulary=v.Clarity, required=True),
        _long("scope", free_text=True),
        _bool("political_anchoring"),
        _text("committee"),
        _date("decided_on"),
        _text("reference", max_length=100),
        _date("valid_until"),
    ),
    "resource": (
        _vocab("kind", vocabulary=v.ResourceKind, required=True),
        FieldDef("amount", "number", required=True),
        _text("unit", max_length=40, required=True),
        FieldDef("source", "ref", column="source_id"),
        _text("internal_unit"),
        _bool("planned"),
        _date("date"),
        _text("note", free_text=True),
    ),
    "cross_pressure": (
        _vocab("category", vocabulary=v.PressureCategory, required=True),
        _vocab("level", vocabulary=v.PressureLevel),
        FieldDef("severity", "severity", required=True),
        _vocab("status", vocabulary=v.PressureStatus, required=True),
        _long("description", free_text=True),
        _date("raised_on"),
        _text("raised_by", free_text=True),
        _vocab("coping_strategy", vocabulary=v.CopingStrategy),
        _long("resolution", free_text=True),
        _date("resolved_on"),
    ),
    "journal": (
        _date("date", required=True),
        _vocab("kind", vocabulary=v.JournalKind, required=True),
        _long("summary", required=True, searchable=True, free_text=True),
        # stored as links to stakeholders (journal_participant), not as a column
        FieldDef("participants", "ref_list", column=None, attribute="participant_ids"),
        _date("follow_up_on"),
        _text("key", max_length=40),
    ),
    "review": (
        _date("date", required=True),
        _text("reviewer", required=True),
        _text("assessment", free_text=True),
        _text("decisions", free_text=True),
        _date("next_review"),
    ),
    "commitment": (
        _long("text", required=True, searchable=True, free_text=True),
        _vocab("status", vocabulary=v.CommitmentStatus, required=True),
        _text("owner", max_length=200),
        FieldDef("counterpart", "ref", column="counterpart_id"),
        _date("due_on"),
        _date("done_on"),
        # the `key` of the journal entry it came from; stored as a link (journal_entry_id)
        _text("journal", max_length=40, column=None, attribute="journal"),
        _text("note", free_text=True),
    ),
    "outcome": (
        _text("indicator", required=True, searchable=True, free_text=True),
        _text("unit", max_length=40),
        _measure("baseline"),
        _measure("target"),
        _measure("achieved"),
        _date("measured_on"),
        _long("evidence", searchable=True, free_text=True),
        _vocab("public_value", vocabulary=v.PublicValue),
        _bool("co_assessed"),
    ),
    "attachment": (
        _text("name", required=True, searchable=True, free_text=True),
        FieldDef("sha256", "checksum", required=True),
        FieldDef("size", "size", required=True),
        _text("media_type", max_length=200),
        _date("added_on"),
        _text("added_by", max_length=200),
        # the document's words (filled after adding; never exported): found by the search
        # through the document index of their own (store.search.index_documents), not in the
        # initiative's search row, so saving an initiative never reads its documents
        _long("extracted_text", free_text=True, interchange=False),
    ),
}

# The table each kind of record is kept in.
TABLES: dict[str, str] = {
    "stakeholder": "stakeholder",
    "initiative": "initiative",
    "involvement": "involvement",
    "mandate": "mandate",
    "resource": "resource_entry",
    "cross_pressure": "cross_pressure",
    "journal": "journal_entry",
    "review": "review",
    "commitment": "commitment",
    "outcome": "outcome",
    "attachment": "attachment",
}
# The child lists of an initiative searched with it, in the order its search text lists them
# (interchange list name -> record).
SEARCHED_LISTS: tuple[tuple[str, str], ...] = (
    ("journal", "journal"),
    ("commitments", "commitment"),
    ("outcomes", "outcome"),
    ("attachments", "attachment"),
)


def field(entity: str, name: str) -> FieldDef:
    """The declaration of one field (KeyError if `entity` has no such field)."""
    for declared in RECORDS[entity]:
        if declared.name == name:
            return declared
    raise KeyError(f"{entity}.{name}")


def names(entity: str, **flags: bool) -> tuple[str, ...]:
    """The fields of `entity` (in declaration order) whose flags have the given values, e.g.
    `names("initiative", free_text=True)`."""
    return tuple(
        f.name
        for f in RECORDS[entity]
        if all(getattr(f, flag) == wanted for flag, wanted in flags.items())
    )


def stored_columns(entity: str) -> dict[str, FieldDef]:
    """The columns of `entity`'s table that hold declared fields -> their declarations."""
    return {f.stored_as: f for f in RECORDS[entity] if f.stored_as is not None}


def searchable_columns(entity: str) -> tuple[str, ...]:
    """The columns of `entity`'s table whose text goes into the initiative's search text."""
    return tuple(f.stored_as for f in RECORDS[entity] if f.searchable and f.stored_as)


def free_text_columns() -> dict[str, frozenset[str]]:
    """Table -> its columns of free text that may name a person (see `FieldDef.free_text`)."""
    return {
        TABLES[entity]: frozenset(
            f.stored_as for f in declared if f.free_text and f.stored_as is not None
        )
        for entity, declared in RECORDS.items()
    }


def other_text_columns() -> dict[str, frozenset[str]]:
    """Table -> its columns of declared text that is not free text (keys, references, staff
    names, a party's own record): never rewritten by an erase."""
    return {
        TABLES[entity]: frozenset(
            f.stored_as
            for f in declared
            if f.stored_as is not None
            and not f.free_text
            and (f.is_text or f.kind in ("vocab", "cvr", "checksum"))
        )
        for entity, declared in RECORDS.items()
    }


def column_attributes(entity: str) -> frozenset[str]:
    """The dataclass attributes of `entity` that are kept in a column of its own table."""
    return frozenset(
        f.dataclass_attribute
        for f in RECORDS[entity]
        if f.stored_as is not None and f.dataclass_attribute is not None
    )


# A natural person's own data in their stakeholder record: an erase clears it (the name is
# replaced) and removes it from the audit trail.
PERSONAL_FIELDS: tuple[str, ...] = names("stakeholder", personal=True)
# The initiative's fields a manager expects to be filled (`analysis.completeness`).
COMPLETENESS_FIELDS: tuple[str, ...] = names("initiative", completeness=True)
# The initiative's own plain fields (text, long text, dates) the editor binds to one widget
# each: a line (`text`), a multi-line box (`long_text`) or a date field (`date`), on the tab
# `tab`. Headings: `columns.field_label("initiative", name, lang)`.
PLAIN_EDITOR_FIELDS: tuple[FieldDef, ...] = tuple(
    f for f in RECORDS["initiative"] if f.kind in PLAIN_KINDS and f.tab is not None
)
