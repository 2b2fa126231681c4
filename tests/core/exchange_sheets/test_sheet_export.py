"""CSV and XLSX exports, their round trip through the import, and the field guide."""

from __future__ import annotations

import csv
import io
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest

from coprod_desktop.domain import columns as cols
from coprod_desktop.domain import field_guide
from coprod_desktop.services import exchange, spreadsheet
from coprod_desktop.services.portfolio_query import PortfolioFilter
from coprod_desktop.store.db import Database
from coprod_desktop.store.migrate import open_database


@pytest.fixture
def demo(db: Database) -> Database:
    exchange.load_demo(db, "da")
    return db


def _read_csv(path: Path) -> tuple[bytes, list[list[str]]]:
    raw = path.read_bytes()
    text = raw.decode("utf-8-sig")
    delimiter = ";" if text.splitlines()[0].count(";") else ","
    return raw, list(csv.reader(io.StringIO(text), delimiter=delimiter))


@pytest.mark.parametrize(("lang", "separator"), [("da", ";"), ("en", ",")])
def test_csv_export_has_a_bom_the_columns_and_reimports(
    demo: Database, tmp_path: Path, lang: str, separator: str
) -> None:
    path = tmp_path / f"portfolio.{lang}.csv"
    count = spreadsheet.export_csv(demo, path, lang=lang)
    raw, rows = _read_csv(path)
    assert raw.startswith(b"\xef\xbb\xbf")
    assert (
        raw.decode("utf-8-sig").splitlines()[0].count(separator) == len(cols.INITIATIVE_COLUMNS) - 1
    )
    assert rows[0] == [c.label(lang) for c in cols.INITIATIVE_COLUMNS]
    assert len(rows) == count + 1 == len(exchange.export_document(demo)["initiatives"]) + 1

    other = open_database(str(tmp_path / f"again-{lang}.sqlite"))
    try:
        spreadsheet.import_sheet(other, path)
        before = exchange.export_document(demo)["initiatives"]
        after = exchange.export_document(other)["initiatives"]
        fields = [c.field for c in cols.INITIATIVE_COLUMNS if c.field not in cols.RESOURCE_COLUMNS]
        assert [{f: i.get(f) for f in fields if f != "public_values"} for i in after] == [
            {f: i.get(f) for f in fields if f != "public_values"} for i in before
        ]
        assert [i["public_values"] for i in after] == [i["public_values"] for i in before]
    finally:
        other.dispose()


def test_csv_export_of_a_filter(demo: Database, tmp_path: Path) -> None:
    path = tmp_path / "harbours.csv"
    count = spreadsheet.export_csv(demo, path, PortfolioFilter(sectors=("harbours",)), lang="da")
    _raw, rows = _read_csv(path)
    assert count == len(rows) - 1 >= 1
    assert {row[4] for row in rows[1:]} == {"Havne"}


def test_xlsx_export_has_a_sheet_per_entity_with_a_styled_frozen_header(
    demo: Database, tmp_path: Path
) -> None:
    path = tmp_path / "portfolio.xlsx"
    spreadsheet.export_xlsx(demo, path, lang="en")
    workbook = openpyxl.load_workbook(path)
    assert workbook.sheetnames == [s.label("en") for s in cols.SHEETS]
    for spec in cols.SHEETS:
        sheet = workbook[spec.label("en")]
        assert [c.value for c in sheet[1]] == [c.label("en") for c in spec.columns]
        assert sheet.freeze_panes == "A2"
        assert all(c.font.b for c in sheet[1])
        assert all(sheet.column_dimensions[c.column_letter].width >= 8 for c in sheet[1])
        assert sheet.max_row > 1, spec.name
    initiatives = workbook["Initiatives"]
    start = [c.field for c in cols.INITIATIVE_COLUMNS].index("start_date") + 1
    dated = [r[start - 1] for r in initiatives.iter_rows(min_row=2) if r[start - 1].value]
    assert dated and all(c.is_date and isinstance(c.value, datetime) for c in dated)
    resources = workbook["Resources"]
    amounts = [r[2].value for r in resources.iter_rows(min_row=2)]
    assert amounts and all(isinstance(a, int | float) for a in amounts)
    journal = workbook["Journal"]
    assert all(r[1].is_date for r in journal.iter_rows(min_row=2))


def test_cli_export_by_suffix(run_cli, db_path: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert run_cli("--db", str(db_path), "--lang", "da", "demo").code == 0
    for name in ("p.csv", "p.xlsx", "p.json"):
        result = run_cli(
            "--db",
            str(db_path),
            "--lang",
            "da",
            "export",
            "-o",
            str(tmp_path / name),
            "--sector",
            "harbours",
        )
        assert result.code == 0, result.err
        assert (tmp_path / name).stat().st_size > 0
    assert (tmp_path / "p.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    bad = run_cli("--db", str(db_path), "export", "-o", str(tmp_path / "p.ods"))
    assert bad.code == 3


def test_the_field_guide_lists_every_exported_column_in_both_languages(
    demo: Database, tmp_path: Path
) -> None:
    path = tmp_path / "all.xlsx"
    spreadsheet.export_xlsx(demo, path, lang="da")
    workbook = openpyxl.load_workbook(path)
    guide_da = field_guide.render("da")
    guide_en = field_guide.render("en")
    for spec in cols.SHEETS:
        headings = [c.value for c in workbook[spec.label("da")][1]]
        for heading, column in zip(headings, spec.columns, strict=True):
            assert f"| {heading} | {column.en} | `{column.field}` |" in guide_da
            assert f"| {column.en} | {heading} | `{column.field}` |" in guide_en
            if column.vocabulary is not None:
                for member in column.vocabulary:
                    assert f"`{member.value}` = {member.da}" in guide_da
    csv_path = tmp_path / "all.csv"
    spreadsheet.export_csv(demo, csv_path, lang="en")
    _raw, rows = _read_csv(csv_path)
    for heading in rows[0]:
        assert f"| {heading} |" in guide_en


def test_vocabulary_labels_are_unambiguous_for_the_import() -> None:
    for column in cols.INITIATIVE_COLUMNS:
        if column.vocabulary is None:
            continue
        for member in column.vocabulary:
            for text in (member.value, member.en, member.da):
                assert column.vocabulary.from_key_or_label(text) is member
    headings = [h for c in cols.INITIATIVE_COLUMNS for h in (c.field, c.en, c.da)]
    assert all(cols.match_header(h) is not None for h in headings)


def test_the_field_guide_command_prints_it_or_writes_both_languages(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert field_guide.main(["--lang", "da"]) == 0
    assert capsys.readouterr().out == field_guide.render("da")
    assert field_guide.main([str(tmp_path / "guide")]) == 0
    for lang in field_guide.LANGS:
        written = (tmp_path / "guide" / f"field-guide.{lang}.md").read_text("utf-8")
        assert written == field_guide.render(lang)


def test_the_field_guide_command_says_in_one_line_where_it_cannot_write(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    assert field_guide.main([str(blocker / "guide")]) == 4
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "cannot write the field guide" in err
