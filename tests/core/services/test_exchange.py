"""The interchange format: every documented field, any script, all-or-nothing, round trips."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from coprod_desktop import paths
from coprod_desktop.domain.errors import InputFileError, ValidationError
from coprod_desktop.services import (
    exchange,
    file_export,
    file_import,
    initiatives,
    portfolio_query,
    stakeholders,
)
from coprod_desktop.store.db import Database
from coprod_desktop.store.migrate import open_database
from tests.core import factories

SCRIPTS = {
    "danish": "Ærø Ørum Åbenrå – blåbærgrød",
    "greek": "Συμπαραγωγή στο λιμάνι της Καλαμάτας",
    "cyrillic": "Совместное производство в порту Мурманска",
    "arabic": "الإنتاج المشترك في الميناء",
    "cjk": "港口的共同生产 共創ワークショップ 공동생산",
    "emoji": "⚓🚢👩‍👩‍👧 ✅",
}
LONG = ("Ørum havn 🌊 Συμπαραγωγή Совместное الإنتاج 港口 " * 5000)[:200_000]


def full_document() -> dict[str, Any]:
    """A document written by hand, using every documented field of every object."""
    return {
        "format": "coprod-interchange",
        "version": 1,
        "stakeholders": [
            {
                "key": "s1",
                "name": "Ørum Sejlklub – " + SCRIPTS["greek"],
                "kind": "association",
                "is_person": False,
                "organisation": "DGI " + SCRIPTS["cyrillic"],
                "email": "bestyrelse@example.org",
                "phone": "+45 12 34 56 78",
                "notes": SCRIPTS["arabic"],
                "lawful_basis": "legitimate_interest",
                "consent_date": "2023-11-30",
                "retention_until": "2030-01-01",
                "cvr": "29403473",
            },
            {
                "key": "s2",
                "name": "Åse Ærø",
                "kind": "citizen",
                "is_person": True,
                "organisation": "Beboerforeningen",
                "email": "aase@example.org",
                "phone": "20 30 40 50",
                "notes": SCRIPTS["cjk"] + " " + SCRIPTS["emoji"],
                "lawful_basis": "consent",
                "consent_date": "2024-02-29",
                "retention_until": "2027-02-28",
            },
        ],
        "initiatives": [
            {
                "key": "i1",
                "reference": "CP-2019-001",
                "title": "Havneudvikling i Ørum " + SCRIPTS["emoji"],
                "summary": " / ".join(SCRIPTS.values()),
                "description": LONG,
                "sector": "harbours",
                "area": "Ørum Havn, " + SCRIPTS["cjk"],
                "status": "active",
                "origin": "protest_response",
                "type": "co_management",
                "secondary_type": "coordination",
                "type_rationale": "Mange aktører – " + SCRIPTS["cyrillic"],
                "participation_level": "collaborate",
                "public_values": ["mobilising_resources", "protest_to_collaboration"],
                "frontline_role": "facilitating_collaboration",
                "owner": "Mette Havnefoged",
                "responsible_manager": "Jens Ærø",
                "start_date": "2018-04-01",
                "end_date": "2027-12-31",
                "next_review": "2025-06-01",
                "kle_topic": "01.05.10",
                "co_phases": ["co_commissioning", "co_assessment"],
                "latitude": 56.1496,
                "longitude": -10.2134,
                "stakeholders": [
                    {
                        "stakeholder": "s1",
                        "role": "partner",
                        "influence": "high",
                        "interest": "medium",
                        "trust": "high",
                        "joined_on": "2018-04-01",
                        "left_on": "2024-12-31",
                        "note": SCRIPTS["greek"],
                    },
                    {
                        "stakeholder": "s2",
                        "role": "critic",
                        "influence": "low",
                        "interest": "high",
                        "trust": "low",
                        "joined_on": "2019-01-15",
                        "left_on": "2019-06-30",
                        "note": SCRIPTS["arabic"],
                    },
                ],
                "mandates": [
                    {
                        "granted_by": "Teknik og Miljø",
                        "level": "department_management",
                        "clarity": "clear",
                        "scope": "Indretning af havnearealet " + SCRIPTS["cjk"],
                        "political_anchoring": True,
                        "committee": "Teknisk Udvalg",
                        "decided_on": "2018-03-12",
                        "reference": "TU-2018-17",
                        "valid_until": "2026-03-12",
                    }
                ],
                "resources": [
                    {
                        "kind": "volunteer_hours",
                        "amount": 120,
                        "unit": "hours",
                        "source": "s1",
                        "internal_unit": "Havneafdelingen",
                        "planned": False,
                        "date": "2019-05-01",
                        "note": SCRIPTS["emoji"],
                    },
                    {
                        "kind": "municipal_budget",
                        "amount": 250000.75,
                        "unit": "DKK",
                        "source": "s2",
                        "internal_unit": "Teknik og Miljø",
                        "planned": True,
                        "date": "2019-01-01",
                        "note": "Anlægsbudget",
                    },
                    {
                        "kind": "facilities",
                        "amount": 0,
                        "unit": "m² klubhus",
                        "source": "s1",
                        "internal_unit": "Ejendomme",
                        "planned": True,
                        "date": "2020-02-02",
                        "note": "Lån af lokaler",
                    },
                ],
                "cross_pressures": [
                    {
                        "category": "insufficient_resources",
                        "level": "organisational",
                        "severity": 2,
                        "status": "resolved",
                        "description": SCRIPTS["danish"],
                        "raised_on": "2019-03-01",
                        "raised_by": "Mette",
                        "coping_strategy": "linking_actors",
                        "resolution": "Ekstra midler fra puljen",
                        "resolved_on": "2019-09-01",
                    }
                ],
                "journal": [
                    {
                        "date": "2019-02-01",
                        "kind": "meeting",
                        "summary": "Borgermøde på kajen " + SCRIPTS["greek"],
                        "participants": ["s1", "s2"],
                        "follow_up_on": "2019-03-01",
                        "key": "borgermøde-1",
                    },
                    {
                        "date": "2019-02-15",
                        "kind": "call",
                        "summary": "Opfølgning",
                        "participants": [],
                    },
                ],
                "reviews": [
                    {
                        "date": "2019-10-01",
                        "reviewer": "Jens Ærø",
                        "assessment": "Godt samarbejde " + SCRIPTS["arabic"],
                        "decisions": "Mere tid til koordinering",
                        "next_review": "2020-04-01",
                    }
                ],
                "commitments": [
                    {
                        "text": "Stenene ryddes før græsset sås i maj " + SCRIPTS["greek"],
                        "status": "done",
                        "owner": "Jens Ærø",
                        "counterpart": "s1",
                        "due_on": "2019-05-01",
                        "done_on": "2019-04-28",
                        "journal": "borgermøde-1",
                        "note": "Aftalt på kajen",
                    },
                    {"text": "Udvalget får planen i marts", "status": "open"},
                ],
                "outcomes": [
                    {
                        "indicator": "Both i havnen " + SCRIPTS["cjk"],
                        "unit": "både",
                        "baseline": -3.25,
                        "target": 40,
                        "achieved": 31.5,
                        "measured_on": "2020-08-31",
                        "evidence": "Optælling " + SCRIPTS["arabic"],
                        "public_value": "better_results",
                        "co_assessed": True,
                    },
                    {"indicator": "Tilfredshed", "co_assessed": False},
                ],
            },
            {
                "key": "i2",
                "reference": "CP-2019-002",
                "title": SCRIPTS["cyrillic"],
                "summary": "Kort",
                "description": "Beskrivelse",
                "sector": "integration",
                "area": "Århus",
                "status": "idea",
                "origin": "bottom_up",
                "type": "coordination",
                "secondary_type": "empowerment",
                "type_rationale": "Frivillige",
                "participation_level": "involve",
                "public_values": ["empathy_equality"],
                "frontline_role": "coordinating_volunteers",
                "owner": "Ali",
                "responsible_manager": "Bo",
                "start_date": "2019-01-01",
                "end_date": "2019-12-31",
                "next_review": "2019-06-01",
                "kle_topic": "27.24.00",
                "co_phases": [],
                "stakeholders": [
                    {
                        "stakeholder": "s2",
                        "role": "contributor",
                        "influence": "medium",
                        "interest": "high",
                        "trust": "medium",
                        "joined_on": "2019-01-01",
                        "left_on": "2019-12-31",
                        "note": "-",
                    }
                ],
                "mandates": [],
                "resources": [],
                "cross_pressures": [],
                "journal": [],
                "reviews": [],
                "commitments": [
                    {"text": "Svar på høringen", "status": "in_progress", "counterpart": "s2"}
                ],
                "outcomes": [],
            },
        ],
    }


def write(path: Path, document: Any) -> Path:
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


def test_the_hand_written_document_is_valid_against_the_schema() -> None:
    assert list(Draft202012Validator(exchange.schema()).iter_errors(full_document())) == []


def test_every_field_survives_import_and_export_exactly(db: Database) -> None:
    document = full_document()
    result = exchange.import_document(db, copy.deepcopy(document))
    assert (result.created, result.updated, result.stakeholders_created) == (2, 0, 2)
    exported = exchange.export_document(db)
    # The export adds each initiative's version (new ones start at 1) for `import --merge`.
    assert [i.pop("version") for i in exported["initiatives"]] == [1, 1]
    assert exported == document


def test_export_import_export_is_identical(db: Database, tmp_path: Path) -> None:
    exchange.import_document(db, full_document())
    exchange.load_demo(db, "da")
    first = tmp_path / "first.json"
    file_export.export_file(db, first)

    empty = open_database(str(tmp_path / "second.sqlite"))
    try:
        file_import.import_file(empty, first)
        second = tmp_path / "second.json"
        file_export.export_file(empty, second)
    finally:
        empty.dispose()
    assert json.loads(second.read_text("utf-8")) == json.loads(first.read_text("utf-8"))
    assert second.read_bytes() == first.read_bytes()


def test_show_json_shows_every_value(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = str(tmp_path / "p.sqlite")
    document = full_document()
    imported = run_cli("--db", target, "import", str(write(tmp_path / "in.json", document)))
    assert imported.code == 0, imported.err
    shown = run_cli("--db", target, "show", "CP-2019-001", "--format", "json")
    assert shown.code == 0, shown.err
    out = json.loads(shown.out)
    people = {s["key"]: s for s in document["stakeholders"]}
    original = document["initiatives"][0]
    for name, value in original.items():
        if name in ("key", "stakeholders", "resources", "journal", "commitments"):
            continue
        assert out[name] == value, name
    # a commitment's counterpart is inlined like the other stakeholders
    promised = out["commitments"][0]
    assert promised["text"] == original["commitments"][0]["text"]
    assert promised["counterpart"]["name"] == people["s1"]["name"]
    assert promised["journal"] == "borgermøde-1"
    assert len(out["description"]) == 200_000
    # stakeholders are inlined
    for got, want in zip(out["stakeholders"], original["stakeholders"], strict=True):
        person = {k: v for k, v in people[want["stakeholder"]].items() if k != "key"}
        assert {k: got["stakeholder"][k] for k in person} == person
        assert {k: v for k, v in got.items() if k != "stakeholder"} == {
            k: v for k, v in want.items() if k != "stakeholder"
        }
    for got, want in zip(out["resources"], original["resources"], strict=True):
        assert got["source"]["name"] == people[want["source"]]["name"]
        assert {k: v for k, v in got.items() if k != "source"} == {
            k: v for k, v in want.items() if k != "source"
        }
    assert [p["name"] for p in out["journal"][0]["participants"]] == [
        people[k]["name"] for k in original["journal"][0]["participants"]
    ]
    assert isinstance(out["id"], int)
    assert out["suggested_type"] in ("co_management", "empowerment", "coordination", None)
    assert isinstance(out["attention"], list)
    assert 0 <= out["completeness"] <= 100


def test_show_text_renders_any_script(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = str(tmp_path / "p.sqlite")
    run_cli("--db", target, "import", str(write(tmp_path / "in.json", full_document())))
    shown = run_cli("--db", target, "show", "CP-2019-002")
    assert shown.code == 0, shown.err
    assert SCRIPTS["cyrillic"] in shown.out
    assert "Åse Ærø" in shown.out


# ------------------------------------------------------------------ import semantics


def test_stakeholders_are_reused_by_name_and_kind(db: Database) -> None:
    existing = factories.stakeholder(db, "Åse Ærø", "citizen", is_person=True)
    document = full_document()
    document["initiatives"] = document["initiatives"][1:]
    document["initiatives"][0]["reference"] = None
    # the same name as another kind is another party
    document["stakeholders"].append(
        {"key": "s3", "name": "Åse Ærø", "kind": "volunteer", "is_person": True}
    )
    document["initiatives"][0]["stakeholders"].append({"stakeholder": "s3", "role": "user"})
    result = exchange.import_document(db, document)
    assert result.stakeholders_created == 2  # s1 (unused but listed) and s3
    people = stakeholders.list_stakeholders(db)
    assert sorted((p.name, p.kind) for p in people) == sorted(
        [
            ("Åse Ærø", "citizen"),
            ("Åse Ærø", "volunteer"),
            (full_document()["stakeholders"][0]["name"], "association"),
        ]
    )
    made = initiatives.get_initiative(db, result.references[0])
    assert made.involvements[0].stakeholder_id == existing


def test_two_keys_for_the_same_party_in_one_file_make_one_stakeholder(db: Database) -> None:
    document = full_document()
    document["stakeholders"].append(dict(document["stakeholders"][1], key="s9"))
    document["initiatives"][1]["stakeholders"][0]["stakeholder"] = "s9"
    result = exchange.import_document(db, document)
    assert result.stakeholders_created == 2
    assert len(stakeholders.list_stakeholders(db)) == 2


def test_an_existing_reference_is_an_error_naming_it(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = str(tmp_path / "p.sqlite")
    source = write(tmp_path / "in.json", full_document())
    assert run_cli("--db", target, "import", str(source)).code == 0
    before = run_cli("--db", target, "export", "-o", str(tmp_path / "before.json"))
    assert before.code == 0
    again = run_cli("--db", target, "import", str(source))
    assert again.code == 3
    assert "CP-2019-001" in again.err and "initiatives[0].reference" in again.err
    assert "--merge" in again.err
    run_cli("--db", target, "export", "-o", str(tmp_path / "after.json"))
    assert (tmp_path / "after.json").read_bytes() == (tmp_path / "before.json").read_bytes()


def test_merge_updates_the_initiative_with_that_reference(db: Database) -> None:
    exchange.import_document(db, full_document())
    original = initiatives.get_initiative(db, "CP-2019-001")
    document = full_document()
    changed = document["initiatives"][0]
    changed["title"] = "Ny titel"
    changed["status"] = "completed"
    changed["mandates"] = []
    changed["journal"].append({"date": "2020-01-01", "kind": "milestone", "summary": "Indviet"})
    result = exchange.import_document(db, {**document, "initiatives": [changed]}, merge=True)
    assert (result.created, result.updated) == (0, 1)
    merged = initiatives.get_initiative(db, "CP-2019-001")
    assert merged.id == original.id
    assert (merged.title, merged.status, merged.mandates) == ("Ny titel", "completed", [])
    assert [j.summary for j in merged.journal][-1] == "Indviet"
    assert merged.version > original.version  # type: ignore[operator]
    assert portfolio_query.count(db) == 2
    assert len(stakeholders.list_stakeholders(db)) == 2


def test_merge_leaves_fields_the_file_does_not_mention(db: Database) -> None:
    exchange.import_document(db, full_document())
    partial = {
        "key": "x",
        "reference": "CP-2019-001",
        "title": "Kun titlen",
        "sector": "harbours",
        "status": "active",
    }
    exchange.import_document(
        db,
        {
            "format": "coprod-interchange",
            "version": 1,
            "stakeholders": [],
            "initiatives": [partial],
        },
        merge=True,
    )
    merged = initiatives.get_initiative(db, "CP-2019-001")
    assert merged.title == "Kun titlen"
    assert merged.owner == "Mette Havnefoged"
    assert len(merged.resources) == 3


def test_an_initiative_without_reference_gets_the_next_free_one(db: Database) -> None:
    from datetime import date

    year = date.today().year
    factories.initiative(db, "Existing", reference=f"CP-{year}-007")
    document = full_document()
    for item in document["initiatives"]:
        del item["reference"]
    result = exchange.import_document(db, document)
    assert result.references == (f"CP-{year}-008", f"CP-{year}-009")


def test_dry_run_writes_nothing(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "p.sqlite"
    run_cli("--db", str(target), "init")
    run_cli("--db", str(target), "export", "-o", str(tmp_path / "before.json"))
    result = run_cli(
        "--db",
        str(target),
        "import",
        str(write(tmp_path / "in.json", full_document())),
        "--dry-run",
    )
    assert result.code == 0, result.err
    assert "2" in result.out
    run_cli("--db", str(target), "export", "-o", str(tmp_path / "after.json"))
    assert (tmp_path / "after.json").read_bytes() == (tmp_path / "before.json").read_bytes()


@pytest.mark.parametrize(
    ("mutate", "field"),
    [
        (lambda doc: doc["initiatives"][0].update(sector="harbour"), "initiatives[0].sector"),
        (
            lambda doc: doc["initiatives"][0]["mandates"][0].update(decided_on="2025-02-30"),
            "initiatives[0].mandates[0].decided_on",
        ),
        (
            lambda doc: doc["initiatives"][1]["stakeholders"][0].update(role="friend"),
            "initiatives[1].stakeholders[0].role",
        ),
        (
            lambda doc: doc["initiatives"][0]["resources"][0].update(unit="DKK"),
            "initiatives[0].resources[0].unit",
        ),
        (
            lambda doc: doc["initiatives"][0]["journal"][0]["participants"].append("s404"),
            "initiatives[0].journal[0].participants",
        ),
        (lambda doc: doc["stakeholders"][0].update(kind="club"), "stakeholders[0].kind"),
        (lambda doc: doc["initiatives"][0].update(colour="red"), "initiatives[0].colour"),
        (lambda doc: doc.update(version=2), "version"),
    ],
)
def test_a_bad_file_exits_3_naming_the_field_and_changes_nothing(
    run_cli,  # type: ignore[no-untyped-def]
    demo_db: str,
    tmp_path: Path,
    mutate: Any,
    field: str,
) -> None:
    target = demo_db
    run_cli("--db", target, "export", "-o", str(tmp_path / "before.json"))
    document = full_document()
    mutate(document)
    result = run_cli("--db", target, "import", str(write(tmp_path / "bad.json", document)))
    assert result.code == 3
    assert field in result.err
    assert len(result.err.strip().splitlines()) == 1
    assert "Traceback" not in result.err
    run_cli("--db", target, "export", "-o", str(tmp_path / "after.json"))
    assert (tmp_path / "after.json").read_bytes() == (tmp_path / "before.json").read_bytes()


def test_every_problem_of_a_file_is_reported_at_once(db: Database) -> None:
    document = full_document()
    document["initiatives"][0]["sector"] = "harbour"
    document["initiatives"][0]["start_date"] = "2018-02-30"
    document["initiatives"][1]["cross_pressures"] = [
        {"category": "silo_structure", "severity": 7, "status": "open"}
    ]
    with pytest.raises(ValidationError) as caught:
        exchange.import_document(db, document)
    assert {
        "initiatives[0].sector",
        "initiatives[0].start_date",
        "initiatives[1].cross_pressures[0].severity",
    } <= caught.value.fields()
    assert portfolio_query.count(db) == 0


def test_broken_json_exits_3_with_line_and_column(run_cli, demo_db: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = demo_db
    run_cli("--db", target, "export", "-o", str(tmp_path / "before.json"))
    text = json.dumps(full_document(), ensure_ascii=False, indent=1).splitlines()
    text[5] = text[5] + " oops"
    bad = tmp_path / "broken.json"
    bad.write_text("\n".join(text), encoding="utf-8")
    with pytest.raises(json.JSONDecodeError) as expected:
        json.loads(bad.read_text("utf-8"))
    result = run_cli("--db", target, "import", str(bad))
    assert result.code == 3
    assert f"line {expected.value.lineno}" in result.err
    assert f"column {expected.value.colno}" in result.err
    assert "broken.json" in result.err
    assert "Traceback" not in result.err
    run_cli("--db", target, "export", "-o", str(tmp_path / "after.json"))
    assert (tmp_path / "after.json").read_bytes() == (tmp_path / "before.json").read_bytes()


@pytest.mark.parametrize(
    "content", [b"\xff\xfe not utf-8 \xa0", b"", b"[]", b'"just a string"', b"null"]
)
def test_other_unreadable_files_exit_3(run_cli, tmp_path: Path, content: bytes) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "bad.json"
    bad.write_bytes(content)
    result = run_cli("--db", str(tmp_path / "p.sqlite"), "import", str(bad))
    assert result.code == 3, result
    assert "Traceback" not in result.err and "internal error" not in result.err


def test_a_missing_file_and_a_wrong_suffix_exit_3(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert (
        run_cli("--db", str(tmp_path / "p.sqlite"), "import", str(tmp_path / "no.json")).code == 3
    )
    other = tmp_path / "data.txt"
    other.write_text("{}")
    result = run_cli("--db", str(tmp_path / "p.sqlite"), "import", str(other))
    assert result.code == 3 and ".txt" in result.err


def test_read_json_file_names_the_position() -> None:
    with pytest.raises(InputFileError) as caught:
        exchange.read_json_file(Path(__file__))  # Python is not JSON
    assert caught.value.exit_code == 3
    assert "line 1" in caught.value.message()


# ------------------------------------------------------------------ the demo portfolio


@pytest.mark.parametrize("lang", ["en", "da"])
def test_demo_files_validate_against_the_schema_and_the_domain_rules(lang: str) -> None:
    document = json.loads(paths.resource_path("demo", f"demo_{lang}.json").read_text("utf-8"))
    assert list(Draft202012Validator(exchange.schema()).iter_errors(document)) == []
    _, _, problems = exchange.check_document(document)
    assert problems == []
    assert len(document["initiatives"]) >= 12
    assert {i.get("type") for i in document["initiatives"]} >= {
        "co_management",
        "empowerment",
        "coordination",
    }
    assert len({i["sector"] for i in document["initiatives"]}) >= 6


def test_the_two_demo_languages_describe_the_same_portfolio() -> None:
    en = json.loads(paths.resource_path("demo", "demo_en.json").read_text("utf-8"))
    da = json.loads(paths.resource_path("demo", "demo_da.json").read_text("utf-8"))

    def shape(doc: dict[str, Any]) -> list[tuple[Any, ...]]:
        return [
            (i["reference"], i.get("type"), i["sector"], i["status"], len(i["cross_pressures"]))
            for i in doc["initiatives"]
        ]

    assert shape(en) == shape(da)
    assert [i["title"] for i in en["initiatives"]] != [i["title"] for i in da["initiatives"]]


@pytest.mark.parametrize("lang", ["en", "da"])
def test_demo_loads_in_either_language(db: Database, lang: str) -> None:
    document = json.loads(paths.resource_path("demo", f"demo_{lang}.json").read_text("utf-8"))
    result = exchange.load_demo(db, lang)
    assert result.created == len(document["initiatives"])
    assert portfolio_query.count(db) == len(document["initiatives"])
    titles = {r.title for r in portfolio_query.rows(db)}
    assert titles == {i["title"] for i in document["initiatives"]}


@pytest.fixture
def db(any_db: Database) -> Database:
    """The tests of this module that take `db` run on SQLite and on PostgreSQL."""
    return any_db


def test_an_import_is_audited_and_searchable_record_by_record(db: Database) -> None:
    """One import event per initiative (issue 22) holding its values and every child as it
    was written (parties by stakeholder id); no row per child or per field."""
    from sqlalchemy import select

    from coprod_desktop.services.portfolio_query import PortfolioFilter
    from coprod_desktop.store import models as m

    document = full_document()
    document["initiatives"][0]["journal"][0]["summary"] = "Besigtigelse ved fyrtårnet"
    exchange.import_document(db, document, source="full.json")
    with db.session() as session:
        rows = session.execute(
            select(
                m.AuditEntry.action,
                m.AuditEntry.entity,
                m.AuditEntry.entity_id,
                m.AuditEntry.initiative_id,
                m.AuditEntry.old_value,
                m.AuditEntry.new_value,
            )
        ).all()
        assert {(r.action, r.entity) for r in rows} == {
            ("import", "initiative"),
            ("import", "stakeholder"),
        }
        events = {r.entity_id: r for r in rows if r.entity == "initiative"}
        for initiative in session.scalars(select(m.Initiative)):
            event = events[initiative.id]
            assert event.initiative_id == initiative.id and event.old_value == "full.json"
            first = json.loads(event.new_value)
            assert first["reference"] == initiative.reference
            assert first["title"] == initiative.title
            assert sorted(
                (x["stakeholder"], x["role"]) for x in first.get("stakeholders", [])
            ) == sorted((x.stakeholder_id, x.role) for x in initiative.involvements)
            assert sorted(x["summary"] for x in first.get("journal", [])) == sorted(
                x.summary for x in initiative.journal
            )
            assert sorted(x["level"] for x in first.get("mandates", [])) == sorted(
                x.level for x in initiative.mandates
            )
            for name, children in (
                ("cross_pressures", initiative.cross_pressures),
                ("resources", initiative.resources),
                ("reviews", initiative.reviews),
                ("commitments", initiative.commitments),
                ("outcomes", initiative.outcomes),
            ):
                assert len(first.get(name, [])) == len(children), name
    found = portfolio_query.rows(db, PortfolioFilter(search="fyrtaarn"))
    assert [row.reference for row in found] == [document["initiatives"][0]["reference"]]
