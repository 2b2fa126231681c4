"""The one declaration of every field (domain.fields) and the places that cannot be derived
from it: each test names the place a new field was forgotten in."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import JSON, BigInteger, Boolean, Date, Float, Integer, String, Text, inspect
from sqlalchemy.types import TypeEngine

from coprod_desktop.domain import assessment, columns, fields, validation
from coprod_desktop.domain import model as d
from coprod_desktop.domain.fields import RECORDS, TABLES, FieldDef
from coprod_desktop.services import exchange, file_import, portfolio_query, privacy
from coprod_desktop.services.portfolio_query import PortfolioFilter
from coprod_desktop.store import models as m
from coprod_desktop.store import search
from coprod_desktop.store.db import Database
from tests.core import factories

SCHEMA = exchange.schema()  # the committed skeleton with the declared rules added

# Columns of the declared records' tables that hold no field: ids, links, timestamps, locks,
# and what triggers or the code derive from other fields.
BOOKKEEPING_COLUMNS = frozenset(
    {"id", "initiative_id", "created_at", "updated_at", "version", "journal_entry_id"}
    | {"title_key", "owner_key", "open_pressures", "text_status", *m.ATTENTION_FACTS}
)
# The dataclass of each record (the attachment's is a read-only description, not a record).
DATACLASSES: dict[str, type] = {
    "stakeholder": d.StakeholderData,
    "initiative": d.InitiativeData,
    "involvement": d.InvolvementData,
    "mandate": d.MandateData,
    "resource": d.ResourceData,
    "cross_pressure": d.PressureData,
    "journal": d.JournalData,
    "review": d.ReviewData,
    "commitment": d.CommitmentData,
    "outcome": d.OutcomeData,
}
# What the interchange format's JSON type is for each kind of field.
JSON_TYPES = {
    "text": "string",
    "long_text": "string",
    "vocab": "string",
    "date": "string",
    "ref": "string",
    "cvr": "string",
    "checksum": "string",
    "bool": "boolean",
    "number": "number",
    "measure": "number",
    "severity": "integer",
    "version": "integer",
    "size": "integer",
    "vocab_list": "array",
    "ref_list": "array",
}
# The spreadsheet column kind of each kind of field.
SHEET_KINDS = {
    "text": "text",
    "long_text": "text",
    "ref": "text",
    "cvr": "text",
    "date": "date",
    "number": "number",
    "measure": "number",
    "bool": "bool",
    "severity": "severity",
    "vocab": "vocab",
    "vocab_list": "vocab_list",
    "ref_list": "names",
}
# Spreadsheet columns that are not fields of their record.
SHEET_EXTRAS = {"initiative", "stakeholder_key", *columns.RESOURCE_COLUMNS}


def _cases(keep: Any = lambda entity, f: True) -> list[Any]:
    """(entity, declaration) of every declared field `keep` accepts, named entity.field."""
    return [
        pytest.param(entity, f, id=f"{entity}.{f.name}")
        for entity, declared in RECORDS.items()
        for f in declared
        if keep(entity, f)
    ]


def _column_type_fits(declared: FieldDef, column_type: TypeEngine[Any]) -> bool:
    """Whether a column of this type holds the field as declared (width included)."""
    if declared.kind == "checksum":
        return isinstance(column_type, String) and column_type.length == 64  # sha256, hex
    if declared.is_text or declared.kind == "cvr":
        if declared.max_length is None:
            return isinstance(column_type, Text) or (
                isinstance(column_type, String) and column_type.length is None
            )
        return isinstance(column_type, String) and column_type.length == declared.max_length
    if declared.kind == "vocab":
        return isinstance(column_type, String) and column_type.length == 40  # models.KEY
    expected: dict[str, tuple[type[TypeEngine[Any]], ...]] = {
        "vocab_list": (JSON,),
        "date": (Date,),
        "bool": (Boolean,),
        "number": (Float,),
        "measure": (Float,),
        "severity": (Integer,),
        "version": (Integer,),
        "size": (BigInteger, Integer),
        "ref": (Integer,),
    }
    return isinstance(column_type, expected[declared.kind])


# ----------------------------------------------------------------- the declaration itself


def test_validation_checks_exactly_the_declared_interchange_fields() -> None:
    for entity, declared in RECORDS.items():
        specs = validation.SPECS[entity]
        assert list(specs) == [f.name for f in declared if f.interchange], entity
        for f in declared:
            if f.interchange:
                assert specs[f.name].required == f.required, f"{entity}.{f.name}"
                assert specs[f.name].max_length == f.max_length, f"{entity}.{f.name}"


def test_a_declared_limit_is_enforced_by_validation() -> None:
    problems: list[Any] = []
    validation.clean("initiative", {"owner": "x" * 201}, "", problems)
    assert ("owner", "too_long") in [(p.path, p.code) for p in problems]


# ----------------------------------------------------------------- the JSON Schema file


@pytest.mark.parametrize("entity", list(RECORDS))
def test_the_json_schema_has_exactly_the_declared_fields(entity: str) -> None:
    node = SCHEMA["$defs"][entity]
    lists = set(validation.NESTED_LISTS.get(entity, {}))
    declared = {f.name for f in RECORDS[entity] if f.interchange}
    assert lists <= set(node["properties"]), f"$defs/{entity} lacks a nested list"
    assert node.get("additionalProperties") is False, f"$defs/{entity} allows unknown fields"
    properties = set(node["properties"]) - lists
    assert not declared - properties, (
        f"add {sorted(declared - properties)} to $defs/{entity} of the JSON Schema"
    )
    assert not properties - declared, (
        f"declare {sorted(properties - declared)} of the JSON Schema in domain/fields.py"
    )
    required = {f.name for f in RECORDS[entity] if f.required}
    assert set(node.get("required", ())) == required, f"{entity}: required fields differ"


@pytest.mark.parametrize(("entity", "declared"), _cases(lambda e, f: f.interchange))
def test_the_json_schema_types_each_field_as_declared(entity: str, declared: FieldDef) -> None:
    prop = SCHEMA["$defs"][entity]["properties"][declared.name]
    types = {prop["type"]} if isinstance(prop["type"], str) else set(prop["type"])
    assert JSON_TYPES[declared.kind] in types
    assert types <= {JSON_TYPES[declared.kind], "null"}
    if declared.required:
        assert "null" not in types, "a required field cannot be null"
    if "maxLength" in prop:
        assert prop["maxLength"] == declared.max_length
    if declared.kind == "measure":
        assert (prop.get("minimum"), prop.get("maximum")) == (declared.minimum, declared.maximum)
    if declared.vocabulary is not None:
        enum = prop["items"]["enum"] if declared.kind == "vocab_list" else prop["enum"]
        assert {k for k in enum if k is not None} == set(declared.vocabulary.all_keys())


# ----------------------------------------------------------------- the ORM models


def _table(entity: str) -> Any:
    return m.Base.metadata.tables[TABLES[entity]]


@pytest.mark.parametrize(("entity", "declared"), _cases(lambda e, f: f.stored_as))
def test_each_stored_field_has_an_orm_column_of_its_type(entity: str, declared: FieldDef) -> None:
    table = _table(entity)
    column = declared.stored_as
    assert column in table.columns, f"add `{column}` to the ORM model of {table.name}"
    column_type = table.columns[column].type
    assert _column_type_fits(declared, column_type), f"{table.name}.{column}: {column_type!r}"


@pytest.mark.parametrize("entity", list(RECORDS))
def test_every_orm_column_is_a_declared_field_or_bookkeeping(entity: str) -> None:
    table = _table(entity)
    undeclared = set(table.columns.keys()) - set(fields.stored_columns(entity))
    undeclared -= BOOKKEEPING_COLUMNS
    assert not undeclared, f"declare {sorted(undeclared)} of {table.name} in domain/fields.py"


# ----------------------------------------------------------------- the migrated database


def test_a_migrated_database_has_a_column_for_every_stored_field(db: Database) -> None:
    inspector = inspect(db.engine)
    missing = []
    for entity, declared in RECORDS.items():
        found = {c["name"]: c["type"] for c in inspector.get_columns(TABLES[entity])}
        for f in declared:
            if f.stored_as is None:
                continue
            if f.stored_as not in found:
                missing.append(f"{TABLES[entity]}.{f.stored_as}")
            else:
                column_type = found[f.stored_as]
                assert _column_type_fits(f, column_type), f"{entity}.{f.name}: {column_type!r}"
    assert not missing, f"no migration adds {missing}"


# ----------------------------------------------------------------- the domain dataclasses


@pytest.mark.parametrize("entity", list(DATACLASSES))
def test_the_dataclass_has_an_attribute_for_every_declared_field(entity: str) -> None:
    cls = DATACLASSES[entity]
    own = {f.name for f in dataclasses.fields(cls)}
    own -= {"id", "version", "created_at", "updated_at"}
    if entity == "initiative":
        own -= set(d.INITIATIVE_LISTS)
    own -= {name for shown in d.DISPLAY_FIELDS.values() for name in shown}
    declared = {
        name
        for f in RECORDS[entity]
        if (name := f.dataclass_attribute) is not None and name != "version"
    }
    assert not declared - own, f"add {sorted(declared - own)} to {cls.__name__}"
    assert not own - declared, f"declare {sorted(own - declared)} in domain/fields.py"


# ----------------------------------------------------------------- spreadsheet columns, labels


# (the document's own bookkeeping, `key` and `version`, is no column)
@pytest.mark.parametrize(
    ("entity", "declared"),
    _cases(lambda e, f: e in DATACLASSES and f.interchange and f.name not in ("key", "version")),
)
def test_each_field_has_a_spreadsheet_column_with_english_and_danish_text(
    entity: str, declared: FieldDef
) -> None:
    sheet = next(s for s in columns.SHEETS if s.name == columns._ENTITY_SHEETS[entity])
    found = [c for c in sheet.columns if c.field == declared.name]
    assert found, f"add a column `{declared.name}` to the {sheet.name} sheet in domain/columns.py"
    column = found[0]
    for text in (column.en, column.da, column.help_en, column.help_da):
        assert text.strip(), f"{entity}.{declared.name}: a label or help text is empty"
    assert column.kind == SHEET_KINDS[declared.kind], f"{entity}.{declared.name}"
    assert column.vocabulary is declared.vocabulary, f"{entity}.{declared.name}"
    assert columns.field_label(entity, declared.stored_as or declared.name, "da") == column.da


@pytest.mark.parametrize("sheet", columns.SHEETS, ids=lambda s: s.name)
def test_every_spreadsheet_column_is_a_declared_field(sheet: columns.SheetSpec) -> None:
    entity = next(e for e, name in columns._ENTITY_SHEETS.items() if name == sheet.name)
    declared = {f.name for f in RECORDS[entity]}
    unknown = {c.field for c in sheet.columns} - declared - SHEET_EXTRAS
    assert not unknown, f"{sheet.name}: {sorted(unknown)} are not declared in domain/fields.py"


# ----------------------------------------------------------------- what is derived, in use


def test_searchable_fields_are_stored_under_their_own_names() -> None:
    """`search.initiative_text` reads rows and interchange records by the same names."""
    for entity, declared in RECORDS.items():
        for f in declared:
            if f.searchable:
                assert f.stored_as == f.name and f.is_text, f"{entity}.{f.name}"
                assert f.free_text or entity == "initiative", f"{entity}.{f.name}"
    searched = {entity for _list, entity in fields.SEARCHED_LISTS}
    assert {e for e, ds in RECORDS.items() if any(f.searchable for f in ds)} == {
        "initiative",
        *searched,
    }


def _words(count: int) -> list[str]:
    return [f"zqx{chr(97 + i)}word" for i in range(count)]


def test_every_searchable_field_is_found_after_a_save_and_after_an_import(
    db: Database, tmp_path: Path
) -> None:
    names = fields.names("initiative", searchable=True)
    words = dict(zip(names, _words(len(names)), strict=True))
    record = {n: w for n, w in words.items() if n != "reference"}
    saved = factories.initiative(db, **record)
    record["title"] = "second " + record["title"]
    document = {
        "format": exchange.FORMAT,
        "version": exchange.VERSION,
        "stakeholders": [],
        "initiatives": [
            {
                "key": "i1",
                "sector": "other",
                "status": "idea",
                **record,
                "reference": "CP-2031-001",
                "journal": [{"date": "2031-01-02", "kind": "note", "summary": "zqxjournal"}],
                "commitments": [{"text": "zqxpromise", "status": "open"}],
            }
        ],
    }
    path = tmp_path / "doc.json"
    path.write_text(json.dumps(document), "utf-8")
    file_import.import_file(db, path)
    words["reference"] = "CP-2031-001"
    for name, word in words.items():
        found = portfolio_query.rows(db, PortfolioFilter(search=word), limit=10)
        references = {row.reference for row in found}
        assert "CP-2031-001" in references, f"the import did not index {name}"
        if name != "reference":
            assert saved.reference in references, f"a save did not index {name}"
    for word in ("zqxjournal", "zqxpromise"):
        found = portfolio_query.rows(db, PortfolioFilter(search=word), limit=10)
        assert [row.reference for row in found] == ["CP-2031-001"]
    # the bulk import's text is what a re-index makes of the stored initiative
    with db.engine.begin() as connection:
        before = connection.exec_driver_sql(f"SELECT rowid, body FROM {search.FTS_TABLE}").all()
        search.rebuild_all(connection)
        after = connection.exec_driver_sql(f"SELECT rowid, body FROM {search.FTS_TABLE}").all()
    assert sorted(before) == sorted(after)


def test_an_access_request_looks_in_every_free_text_field_of_an_initiative(db: Database) -> None:
    person = factories.stakeholder(db, "Birthe Kjærgaard", "citizen")
    free = [
        f.name for f in RECORDS["initiative"] if f.free_text and f.kind in ("text", "long_text")
    ]
    factories.initiative(db, **{n: f"Spoke with Birthe Kjærgaard ({n})" for n in free})
    record = privacy.open_person(db, person, "access request")
    assert sorted(name for _id, _ref, name in record.mentioned_in) == sorted(free)


def test_an_erase_clears_every_personal_field_of_the_person(db: Database) -> None:
    import datetime as dt

    person = factories.stakeholder(
        db,
        "Birthe Kjærgaard",
        "citizen",
        email="birthe@example.org",
        phone="12345678",
        notes="Prefers mornings at the harbour",
        organisation="Strandholm Sailing Club",
        lawful_basis="consent",
        consent_date=dt.date(2026, 1, 2),
        retention_until=dt.date(2030, 1, 2),
    )
    privacy.erase_person(db, person, "asked to be forgotten")
    from coprod_desktop.services import stakeholders

    after = stakeholders.get_stakeholder(db, person)
    for name in fields.PERSONAL_FIELDS:
        if name != "name":
            assert getattr(after, name) is None, name
    assert "Birthe" not in after.name


def test_every_completeness_field_counts() -> None:
    empty = d.InitiativeData(title="", sector="", status="")
    base = assessment.completeness(empty)
    values = {"public_values": ["better_results"], "start_date": None, "next_review": None}
    import datetime as dt

    for name in fields.COMPLETENESS_FIELDS:
        declared = fields.field("initiative", name)
        value: Any = values.get(name) or (dt.date(2026, 1, 1) if declared.kind == "date" else "x")
        filled = dataclasses.replace(empty, **{name: value})
        assert assessment.completeness(filled) > base, name


def test_plain_editor_fields_are_the_initiatives_text_and_date_fields() -> None:
    plain = {f.name: f.kind for f in fields.PLAIN_EDITOR_FIELDS}
    assert plain["summary"] == "long_text" and plain["area"] == "text"
    assert plain["next_review"] == "date"
    assert "key" not in plain and "sector" not in plain
    assert {f.tab for f in fields.PLAIN_EDITOR_FIELDS} == {"overview", "classification"}


def test_every_stored_plain_field_of_the_initiative_has_an_editor_tab() -> None:
    untabbed = [
        f.name
        for f in RECORDS["initiative"]
        if f.kind in fields.PLAIN_KINDS and f.stored_as is not None and f.tab is None
    ]
    assert untabbed == [], f"give {untabbed} a tab= in domain/fields.py (the editor shows it)"
