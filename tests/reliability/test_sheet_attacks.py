"""Spreadsheets as an attacker makes them: formulas hidden in exported CSV cells, workbooks
that understate their size, and decompression bombs."""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from coprod_desktop.domain import model as d
from coprod_desktop.domain import sheetparse as sp
from coprod_desktop.services import exchange, initiatives, spreadsheet
from coprod_desktop.store.migrate import open_database
from tests.reliability.helpers import dump

HOSTILE = [
    "=SUM(A1)",
    "-5 people",
    "+45 12 34 56 78",
    "@home",
    "\tTabbed in",
    "\rcarriage return",
    '=HYPERLINK("http://evil.example";"click")',
    "'=already quoted",
    "'plain quote",
    "''",
    "-",
    "Ordinary text",
]


# ------------------------------------------------------------------ CSV formula injection


@pytest.mark.parametrize("text", HOSTILE)
def test_guarding_a_cell_round_trips_exactly(text: str) -> None:
    guarded = sp.guard_formula(text)
    assert not guarded.startswith(sp.FORMULA_TRIGGERS)
    assert sp.unguard_formula(guarded) == text
    if text.startswith(sp.FORMULA_TRIGGERS):
        assert guarded == "'" + text  # OWASP: one leading quote


@pytest.mark.parametrize("lang", ["en", "da"])
def test_a_csv_export_opens_no_formula_and_imports_back_exactly(
    tmp_path: Path, head_template: Path, run_cli: Any, lang: str
) -> None:
    source = tmp_path / "source.sqlite"
    shutil.copyfile(head_template, source)
    db = open_database(str(source))
    try:
        for index, text in enumerate(HOSTILE):
            initiatives.create_initiative(
                db,
                d.InitiativeData(
                    reference=f"CP-2030-{index + 1:03d}",
                    title=text if text.strip(" '-") else f"{text} {index}",
                    summary=text,
                    area=text,
                    sector="harbours",
                    status="active",
                ),
            )
        expected = exchange.export_document(db)["initiatives"]
    finally:
        db.dispose()
    out = tmp_path / "export.csv"
    result = run_cli("--lang", lang, "--db", str(source), "export", "-o", str(out))
    assert result.code == 0, result.err

    # no cell a spreadsheet would run: every one that starts with a trigger is quoted
    text = out.read_text("utf-8-sig")
    delimiter = ";" if lang == "da" else ","
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    cells = [cell for row in rows[1:] for cell in row]
    assert not [c for c in cells if c.startswith(sp.FORMULA_TRIGGERS)]
    assert "'=SUM(A1)" in cells and "'-5 people" in cells and "'@home" in cells
    assert "'+45 12 34 56 78" in cells and "''=already quoted" in cells

    # an import of that export reads back exactly what was exported
    target = tmp_path / "target.sqlite"
    shutil.copyfile(head_template, target)
    result = run_cli("--lang", lang, "--db", str(target), "import", str(out))
    assert result.code == 0, result.err
    db = open_database(str(target))
    try:
        imported = exchange.export_document(db)["initiatives"]
    finally:
        db.dispose()
    fields = ("reference", "title", "summary", "area")

    def read_back(value: Any) -> Any:
        # the sheet import trims blanks around every cell (as it always has): a value that
        # begins with a tab or carriage return reads back without it, guarded or not
        return value.strip() if isinstance(value, str) and value[:1] in "\t\r" else value

    assert [{f: i.get(f) for f in fields} for i in imported] == [
        {f: read_back(i.get(f)) for f in fields} for i in expected
    ]
    summaries = {i.get("summary") for i in imported}
    assert {"=SUM(A1)", "-5 people", "+45 12 34 56 78", "@home", "'=already quoted"} <= summaries


# ------------------------------------------------------------------ XLSX


def _workbook(rows: int) -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["title", "sector", "status"])
    for n in range(rows):
        sheet.append([f"Række {n + 1}", "harbours", "active"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _rewrite(data: bytes, change: Any) -> bytes:
    """The workbook with each member passed through `change(name, bytes)`."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            out.writestr(info.filename, change(info.filename, source.read(info.filename)))
    return buffer.getvalue()


def test_an_xlsx_that_understates_its_dimension_loses_no_row(
    tmp_path: Path, head_template: Path, run_cli: Any
) -> None:
    def understate(name: str, content: bytes) -> bytes:
        if name.startswith("xl/worksheets/sheet"):
            changed = re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:C2"', content)
            assert changed != content
            return changed
        return content

    path = tmp_path / "understated.xlsx"
    path.write_bytes(_rewrite(_workbook(40), understate))
    # the file does claim two rows only
    claimed = openpyxl.load_workbook(path, read_only=True)
    assert claimed.active.max_row == 2  # type: ignore[union-attr]
    claimed.close()

    target = tmp_path / "portfolio.sqlite"
    shutil.copyfile(head_template, target)
    result = run_cli("--db", str(target), "import", str(path))
    assert result.code == 0, result.err
    assert "40 new" in result.out
    preview = spreadsheet.preview(None, path)
    assert preview.row_count == 40


def _bomb(member_bytes: bytes) -> bytes:
    """A real workbook with one more member of highly compressible (or any) content."""
    data = _workbook(1)
    buffer = io.BytesIO(data)
    with zipfile.ZipFile(buffer, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/media/image1.bin", member_bytes, compresslevel=9)
    return buffer.getvalue()


def _import_refused(run_cli: Any, tmp_path: Path, head_template: Path, data: bytes) -> Any:
    path = tmp_path / "bomb.xlsx"
    path.write_bytes(data)
    target = tmp_path / "portfolio.sqlite"
    if not target.exists():
        shutil.copyfile(head_template, target)
    before = dump(target)
    result = run_cli("--db", str(target), "import", str(path))
    assert result.code == 3, result
    assert len(result.err.strip().splitlines()) == 1
    assert "decompression bomb" in result.err and "bomb.xlsx" in result.err
    assert dump(target) == before
    return result


def test_a_decompression_bomb_is_refused_before_it_is_parsed(
    tmp_path: Path, head_template: Path, run_cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    def never(*_args: Any, **_kwargs: Any) -> Any:
        raise AssertionError("the bomb reached the workbook parser")

    monkeypatch.setattr(openpyxl, "load_workbook", never)
    bomb = _bomb(bytes(40 * 1024 * 1024))  # 40 MB of zeros in a file of a few KB
    assert len(bomb) < 200_000
    result = _import_refused(run_cli, tmp_path, head_template, bomb)
    assert "compressed" in result.err and ":1" in result.err
    # in Danish too
    path = tmp_path / "bomb.xlsx"
    target = tmp_path / "portfolio.sqlite"
    result = run_cli("--lang", "da", "--db", str(target), "import", str(path))
    assert result.code == 3 and "dekomprimeringsbombe" in result.err


def test_a_workbook_that_unpacks_too_large_is_refused(
    tmp_path: Path, head_template: Path, run_cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the limit lives with the spreadsheet's import (services/spreadsheet/sheet_import.py)
    monkeypatch.setattr(spreadsheet.sheet_import, "XLSX_MAX_UNPACKED", 2 * 1024 * 1024)
    data = _bomb(os.urandom(3 * 1024 * 1024))  # incompressible: the ratio is harmless
    result = _import_refused(run_cli, tmp_path, head_template, data)
    assert "would unpack to" in result.err


def test_an_ordinary_workbook_with_pictures_still_imports(
    tmp_path: Path, head_template: Path, run_cli: Any
) -> None:
    path = tmp_path / "ordinary.xlsx"
    path.write_bytes(_bomb(os.urandom(200_000) + bytes(2_000_000)))  # small: any ratio is fine
    target = tmp_path / "portfolio.sqlite"
    shutil.copyfile(head_template, target)
    result = run_cli("--db", str(target), "import", str(path))
    assert result.code == 0, result.err
