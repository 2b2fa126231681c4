"""Spreadsheet import: the Danish Excel dialect, XLSX (plain and hand-made), every bad-row
message by row and column, all-or-nothing, and the CLI."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from coprod_desktop.domain.errors import InputFileError, ValidationError
from coprod_desktop.services import exchange, spreadsheet
from coprod_desktop.store.db import Database

DANISH_HEADER = "Reference;Titel;Sektor;Status;Oprindelse;Type;Offentlig værdi;Startdato;Slutdato;Budget (kr.);Frivillige timer;Område"


def _show(db: Database, ref: str) -> dict[str, Any]:
    return exchange.show_document(db, ref)


def _amounts(doc: dict[str, Any]) -> dict[str, float]:
    return {r["kind"]: r["amount"] for r in doc["resources"]}


def _snapshot(db: Database) -> str:
    return json.dumps(exchange.export_document(db), sort_keys=True)


# ---------------------------------------------------------------- the Danish dialect


@pytest.mark.parametrize("encoding", ["cp1252", "utf-8-sig", "utf-8"])
def test_danish_excel_csv_imports_with_right_dates_and_amounts(
    db: Database, write_csv, encoding: str
) -> None:  # type: ignore[no-untyped-def]
    path = write_csv(
        "portefølje.csv",
        [
            DANISH_HEADER,
            "CP-2026-101;Havnebad i Ærøskøbing;Havne;Aktiv;Svar på protest eller utilfredshed;"
            "Samstyring;Mobilisering af ressourcer; Fra protest til samarbejde;01-03-2026;"
            "31.12.2027;125.000,50;1.250;Søndre Havn",
            "CP-2026-102;Ældrecafé;Ældrepleje;Idé;bottom_up;coordination;;5.4.2026;;2.500;"
            "40,5;Østerby",
        ],
        encoding,
    )
    # the public values cell has a ';' inside it: Excel quotes such cells
    text = path.read_bytes().decode(encoding if encoding != "utf-8-sig" else "utf-8-sig")
    text = text.replace(
        "Mobilisering af ressourcer; Fra protest til samarbejde",
        '"Mobilisering af ressourcer; Fra protest til samarbejde"',
    )
    path.write_bytes(text.encode(encoding))

    result = spreadsheet.import_sheet(db, path)
    assert (result.created, result.updated) == (2, 0)
    first = _show(db, "CP-2026-101")
    assert first["title"] == "Havnebad i Ærøskøbing"
    assert first["area"] == "Søndre Havn"
    assert (first["sector"], first["status"], first["origin"], first["type"]) == (
        "harbours",
        "active",
        "protest_response",
        "co_management",
    )
    assert first["public_values"] == ["mobilising_resources", "protest_to_collaboration"]
    assert (first["start_date"], first["end_date"]) == ("2026-03-01", "2027-12-31")
    assert _amounts(first) == {"municipal_budget": 125000.5, "volunteer_hours": 1250}
    assert all(r["planned"] is False for r in first["resources"])
    assert {r["unit"] for r in first["resources"]} == {"DKK", "hours"}
    second = _show(db, "CP-2026-102")
    assert second["start_date"] == "2026-04-05"
    assert _amounts(second) == {"municipal_budget": 2500, "volunteer_hours": 40.5}


def test_english_csv_with_field_names_commas_and_iso_dates(db: Database, write_csv) -> None:  # type: ignore[no-untyped-def]
    path = write_csv(
        "portfolio.csv",
        [
            "title,sector,status,start_date,budget_dkk,staff_hours,public_values",
            'Harbour bath,Harbours,Active,2026-03-01,"125,000.50",12.5,"better_results, Higher user satisfaction"',
        ],
        "utf-8",
    )
    spreadsheet.import_sheet(db, path)
    (row,) = exchange.export_document(db)["initiatives"]
    assert row["start_date"] == "2026-03-01"
    assert {r["kind"]: r["amount"] for r in row["resources"]} == {
        "municipal_budget": 125000.5,
        "staff_hours": 12.5,
    }
    assert row["public_values"] == ["better_results", "user_satisfaction"]


def test_a_semicolon_file_with_decimal_point_numbers_is_still_read_right(
    db: Database, write_csv
) -> None:  # type: ignore[no-untyped-def]
    path = write_csv(
        "mixed.csv",
        ["Titel;Sektor;Status;Budget (kr.)", "A;Havne;Aktiv;125000.50", "B;Havne;Aktiv;99.75"],
    )
    spreadsheet.import_sheet(db, path)
    amounts = [r["resources"][0]["amount"] for r in exchange.export_document(db)["initiatives"]]
    assert amounts == [125000.5, 99.75]


def test_detected_dialect_is_reported_in_the_preview(write_csv) -> None:  # type: ignore[no-untyped-def]
    path = write_csv("da.csv", ["Titel;Sektor;Status;Budget (kr.)", "Ærø;Havne;Aktiv;1.250,00"])
    preview = spreadsheet.preview(None, path)
    assert preview.ok, preview.report()
    assert (preview.delimiter, preview.encoding, preview.decimal_comma) == (";", "cp1252", True)
    assert preview.header_row == 1 and preview.row_count == 1
    assert preview.rows[0].values["budget_dkk"] == "1.250,00"


# ---------------------------------------------------------------- XLSX


def test_xlsx_written_by_openpyxl_with_real_dates_and_numbers(db: Database, tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(
        ["Titel", "Sektor", "Status", "Startdato", "Næste review", "Budget (kr.)", "KLE-emne"]
    )
    sheet.append(
        [
            "Jobcafé",
            "Beskæftigelse",
            "Aktiv",
            date(2026, 2, 1),
            datetime(2026, 9, 1),
            80000,
            "15.00",
        ]
    )
    path = tmp_path / "sheet.xlsx"
    workbook.save(path)
    spreadsheet.import_sheet(db, path)
    (row,) = exchange.export_document(db)["initiatives"]
    assert (row["start_date"], row["next_review"]) == ("2026-02-01", "2026-09-01")
    assert row["resources"][0]["amount"] == 80000
    assert row["kle_topic"] == "15.00"


def _hand_made(path: Path) -> None:
    """A title row, merged cells, a merged group heading above sub-headings, empty rows."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Mine initiativer"
    sheet["A1"] = "Initiativer i Sønderby Kommune 2026"
    sheet.merge_cells("A1:G1")
    # row 2 empty
    sheet["A3"] = "Titel"
    sheet.merge_cells("A3:A4")
    sheet["B3"] = "Sektor"
    sheet.merge_cells("B3:B4")
    sheet["C3"] = "Status"
    sheet.merge_cells("C3:C4")
    sheet["D3"] = "Periode"  # a group heading, not a field
    sheet.merge_cells("D3:E3")
    sheet["D4"] = "Startdato"
    sheet["E4"] = "Slutdato"
    sheet["F3"] = "Ressourcer"
    sheet.merge_cells("F3:G3")
    sheet["F4"] = "Budget (kr.)"
    sheet["G4"] = "Medarbejdertimer"
    sheet.append([])  # row 5 empty
    sheet["A6"] = "Havnebad"
    sheet["B6"] = "Havne"
    sheet["C6"] = "Aktiv"
    sheet["D6"] = date(2026, 5, 1)
    sheet["E6"] = "31-12-2026"
    sheet["F6"] = 125000.5
    sheet["G6"] = "120"
    # row 7 empty
    sheet["A8"] = "Læsecafé"
    sheet["B8"] = "Kultur og fritid"
    sheet["C8"] = "Under forberedelse"
    workbook.save(path)


def test_hand_made_xlsx_with_title_row_merged_headings_and_empty_rows(
    db: Database, tmp_path: Path
) -> None:
    path = tmp_path / "håndlavet.xlsx"
    _hand_made(path)
    preview = spreadsheet.preview(db, path)
    assert preview.ok, preview.report()
    assert preview.header_row == 3
    assert [c.field for c in preview.columns] == [
        "title",
        "sector",
        "status",
        "start_date",
        "end_date",
        "budget_dkk",
        "staff_hours",
    ]
    assert preview.row_numbers == [6, 8]
    spreadsheet.import_sheet(db, path)
    first, second = exchange.export_document(db)["initiatives"]
    assert (first["title"], first["start_date"], first["end_date"]) == (
        "Havnebad",
        "2026-05-01",
        "2026-12-31",
    )
    assert {r["kind"]: r["amount"] for r in first["resources"]} == {
        "municipal_budget": 125000.5,
        "staff_hours": 120,
    }
    assert (second["sector"], second["status"]) == ("culture_leisure", "preparing")


def test_bad_row_in_a_hand_made_xlsx_is_placed_by_the_row_excel_shows(
    db: Database, tmp_path: Path
) -> None:
    path = tmp_path / "bad.xlsx"
    _hand_made(path)
    workbook = openpyxl.load_workbook(path)
    workbook.active["B8"] = "havn"
    workbook.save(path)
    with pytest.raises(ValidationError) as caught:
        spreadsheet.import_sheet(db, path)
    assert [p.message("da") for p in caught.value.problems] == [
        "række 8, kolonne Sektor: ukendt værdi 'havn' (tilladt: Plan og miljø, Havne, "
        "Turisme og erhverv, Beskæftigelse, Ældrepleje, Integration, Uddannelse, Kultur og fritid, "
        "Socialområdet, Sundhed, Andet)"
    ]
    # the allowed values are the labels a sheet may use, in the reader's language
    assert "(allowed: Planning and environment, Harbours" in caught.value.problems[0].message("en")
    assert exchange.export_document(db)["initiatives"] == []


# ---------------------------------------------------------------- every bad-row message


BAD_ROWS = [
    # (cells after Titel;Sektor;Status;Startdato;Slutdato;Budget (kr.);Offentlig værdi, row, column, text)
    ("Havnebad;havn;Aktiv;;;;", "Sektor", "unknown value 'havn'"),
    ("Havnebad;Havne;Igang;;;;", "Status", "unknown value 'Igang'"),
    ("Havnebad;Havne;Aktiv;31-02-2026;;;", "Startdato", "'31-02-2026' is not a date"),
    ("Havnebad;Havne;Aktiv;i morgen;;;", "Startdato", "'i morgen' is not a date"),
    ("Havnebad;Havne;Aktiv;;;mange;", "Budget (kr.)", "'mange' is not a number"),
    ("Havnebad;Havne;Aktiv;;;-500;", "Budget (kr.)", "must be 0 or more (got -500)"),
    (";Havne;Aktiv;;;;", "Titel", "is required"),
    ("Havnebad;;Aktiv;;;;", "Sektor", "is required"),
    ("Havnebad;Havne;Aktiv;01-06-2026;01-01-2026;;", "Slutdato", "must not be before start_date"),
    ("Havnebad;Havne;Aktiv;;;;Glæde", "Offentlig værdi", "unknown value 'Glæde'"),
]


@pytest.mark.parametrize(("cells", "column", "text"), BAD_ROWS)
def test_every_bad_row_is_reported_by_row_and_column_and_nothing_is_written(
    db: Database, write_csv, run_cli, db_path: Path, cells: str, column: str, text: str
) -> None:  # type: ignore[no-untyped-def]
    exchange.import_document(
        db,
        {
            "format": "coprod-interchange",
            "version": 1,
            "stakeholders": [],
            "initiatives": [{"key": "i", "title": "Existing", "sector": "other", "status": "idea"}],
        },
    )
    before = _snapshot(db)
    path = write_csv(
        "bad.csv",
        [
            "Titel;Sektor;Status;Startdato;Slutdato;Budget (kr.);Offentlig værdi",
            "God række;Havne;Aktiv;;;100;",
            "",
            cells,
        ],
    )
    with pytest.raises(ValidationError) as caught:
        spreadsheet.import_sheet(db, path)
    messages = [p.message("en") for p in caught.value.problems]
    assert len(messages) == 1, messages
    assert messages[0].startswith(f"row 4, column {column}: {text}"), messages
    problem = caught.value.problems[0]
    assert isinstance(problem, spreadsheet.SheetProblem)
    assert (problem.row, problem.column) == (4, column)
    assert _snapshot(db) == before

    result = run_cli("--db", str(db_path), "import", str(path))
    assert result.code == 3
    assert f"row 4, column {column}: {text}" in result.err
    assert "nothing was written" in result.err
    assert _snapshot(db) == before


def test_several_bad_rows_are_all_reported_at_once(db: Database, write_csv) -> None:  # type: ignore[no-untyped-def]
    path = write_csv(
        "bad.csv",
        [
            "Titel;Sektor;Status;Startdato",
            "A;havn;Aktiv;",
            "B;Havne;Aktiv;32-01-2026",
            "C;Havne;Aktiv;",
            ";Havne;;",
        ],
    )
    preview = spreadsheet.preview(db, path)
    assert [(p.row, p.column, p.code) for p in preview.problems] == [
        (2, "Sektor", "unknown_key"),
        (3, "Startdato", "sheet_bad_date"),
        (5, "Titel", "required"),
        (5, "Status", "required"),
    ]
    assert sorted(preview.problems_by_row()) == [2, 3, 5]
    assert exchange.export_document(db)["initiatives"] == []


def test_unknown_heading_is_reported_and_can_be_mapped(db: Database, write_csv) -> None:  # type: ignore[no-untyped-def]
    path = write_csv(
        "map.csv", ["Titel;Sektor;Status;Projektleder;Kommentar", "A;Havne;Aktiv;Jens;ok"]
    )
    preview = spreadsheet.preview(db, path)
    assert preview.unknown_headers == ["Projektleder", "Kommentar"]
    assert [p.message("en") for p in preview.problems] == [
        "row 1, column Projektleder: is not a known column; map it to a field or leave it out",
        "row 1, column Kommentar: is not a known column; map it to a field or leave it out",
    ]
    mapping = {"Projektleder": "owner", "Kommentar": None}
    mapped = spreadsheet.preview(db, path, mapping)
    assert mapped.ok, mapped.report()
    assert mapped.layout_key == preview.layout_key  # the GUI remembers the mapping by layout
    spreadsheet.import_sheet(db, path, mapping)
    assert exchange.export_document(db)["initiatives"][0]["owner"] == "Jens"


def test_heading_problems(db: Database, write_csv) -> None:  # type: ignore[no-untyped-def]
    missing = write_csv("missing.csv", ["Titel;Status", "A;Aktiv"])
    assert [p.message("en") for p in spreadsheet.preview(db, missing).problems] == [
        "row 1: the required column Sector / Sektor is missing"
    ]
    twice = write_csv("twice.csv", ["Titel;Sektor;Status;Sector", "A;Havne;Aktiv;Havne"])
    assert [p.message("en") for p in spreadsheet.preview(db, twice).problems] == [
        "row 1, column Sector: holds the same field as column Sektor"
    ]
    nothing = write_csv("nothing.csv", ["Navn;Alder", "Jens;40"])
    assert [p.message("da") for p in spreadsheet.preview(db, nothing).problems] == [
        "ingen overskriftsrække fundet: ingen af de første rækker nævner kendte kolonner som "
        "Titel, Sektor og Status"
    ]


def test_existing_and_duplicate_references(db: Database, write_csv) -> None:  # type: ignore[no-untyped-def]
    first = write_csv("one.csv", ["Reference;Titel;Sektor;Status", "CP-2026-001;A;Havne;Aktiv"])
    spreadsheet.import_sheet(db, first)
    again = write_csv(
        "again.csv",
        [
            "Reference;Titel;Sektor;Status",
            "CP-2026-009;B;Havne;Aktiv",
            "cp-2026-001;A2;Havne;Aktiv",
        ],
    )
    with pytest.raises(ValidationError) as caught:
        spreadsheet.import_sheet(db, again)
    assert [p.message("en") for p in caught.value.problems] == [
        "row 3, column Reference: reference 'cp-2026-001' already exists (use --merge to update it)"
    ]
    assert len(exchange.export_document(db)["initiatives"]) == 1
    result = spreadsheet.import_sheet(db, again, merge=True)
    assert (result.created, result.updated) == (1, 1)
    twice = write_csv(
        "twice.csv", ["Reference;Titel;Sektor;Status", "X-1;A;Havne;Aktiv", "X-1;B;Havne;Aktiv"]
    )
    assert [p.message("en") for p in spreadsheet.preview(db, twice).problems] == [
        "row 3, column Reference: reference 'X-1' appears twice in the file"
    ]


def test_merge_keeps_the_resources_of_an_existing_initiative(db: Database, write_csv) -> None:  # type: ignore[no-untyped-def]
    path = write_csv(
        "a.csv", ["Reference;Titel;Sektor;Status;Budget (kr.)", "R-1;A;Havne;Aktiv;100"]
    )
    spreadsheet.import_sheet(db, path)
    update = write_csv(
        "b.csv", ["Reference;Titel;Sektor;Status;Budget (kr.)", "R-1;A;Havne;Afsluttet;999"]
    )
    spreadsheet.import_sheet(db, update, merge=True)
    doc = _show(db, "R-1")
    assert doc["status"] == "completed"
    assert _amounts(doc) == {"municipal_budget": 100}


# ---------------------------------------------------------------- files and the CLI


def test_cli_imports_a_danish_csv_and_dry_run_writes_nothing(
    run_cli, db_path: Path, write_csv
) -> None:  # type: ignore[no-untyped-def]
    path = write_csv("da.csv", ["Titel;Sektor;Status;Startdato", "Havnebad;Havne;Aktiv;01.03.2026"])
    dry = run_cli("--db", str(db_path), "import", str(path), "--dry-run")
    assert dry.code == 0, dry.err
    assert "dry run" in dry.out
    listed = run_cli("--db", str(db_path), "list", "--format", "json")
    assert json.loads(listed.out) == []
    done = run_cli("--db", str(db_path), "import", str(path))
    assert done.code == 0, done.err
    assert "imported 1 new" in done.out
    (row,) = json.loads(run_cli("--db", str(db_path), "list", "--format", "json").out)
    assert row["title"] == "Havnebad"


def test_cli_column_mapping_and_danish_report(run_cli, db_path: Path, write_csv) -> None:  # type: ignore[no-untyped-def]
    path = write_csv("m.csv", ["Titel;Sektor;Status;Leder", "A;Havne;Aktiv;Ole"])
    bad = run_cli("--db", str(db_path), "--lang", "da", "import", str(path))
    assert bad.code == 3
    assert "række 1, kolonne Leder: er ikke en kendt kolonne" in bad.err
    good = run_cli(
        "--db", str(db_path), "import", str(path), "--column", "Leder=responsible_manager"
    )
    assert good.code == 0, good.err


def test_unreadable_and_unsupported_files(run_cli, db_path: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"not a zip")
    with pytest.raises(InputFileError):
        spreadsheet.read_sheet(broken)
    assert run_cli("--db", str(db_path), "import", str(broken)).code == 3
    old = tmp_path / "old.xls"
    old.write_bytes(b"x")
    result = run_cli("--db", str(db_path), "import", str(old))
    assert result.code == 3
    assert ".csv" in result.err and not db_path.exists()
