"""The import wizard (.json, .csv, .xlsx), the export from the GUI and the field guide."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtWidgets import QFileDialog

from coprod_desktop.services import exchange, portfolio_query
from coprod_desktop.services.portfolio_query import PortfolioFilter
from coprod_desktop.ui import i18n
from coprod_desktop.ui.import_wizard import ImportWizard, load_mapping

DANISH_CSV = (
    "Titel;Sektor;Status;Oprindelse;Startdato;Budget (kr.);Frivillige timer;Projektnavn\r\n"
    "Havnebad i Sønderby;Havne;Aktiv;Borgere eller civilsamfund;01-04-2024;125.000,50;1.200;A\r\n"
    "Æblehaven for ældre;Ældrepleje;Idé;;15.08.2025;7.500;;B\r\n"
)


def _write(path: Path, text: str, encoding: str = "cp1252") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def _wizard(window, qtbot, path: Path) -> ImportWizard:  # type: ignore[no-untyped-def]
    wizard = window.import_dialog(str(path))  # a child of the window, deleted on close
    assert isinstance(wizard, ImportWizard) and wizard.isVisible()
    return wizard


def _next(wizard: ImportWizard, qtbot, step: int) -> None:  # type: ignore[no-untyped-def]
    wizard.next_button.click()
    qtbot.waitUntil(lambda: wizard.steps.currentIndex() == step and not wizard.busy, timeout=10000)


def _titles(db) -> list[str]:  # type: ignore[no-untyped-def]
    return sorted(r.title for r in portfolio_query.rows(db, PortfolioFilter(), limit=1000))


def test_unknown_heading_is_mapped_and_remembered_for_the_same_layout(
    empty_window, qtbot, tmp_path
):
    first = _write(tmp_path / "first.csv", DANISH_CSV)
    wizard = _wizard(empty_window, qtbot, first)
    _next(wizard, qtbot, ImportWizard.STEP_MAPPING)
    assert list(wizard.combos) == ["Projektnavn"]  # only the heading the import does not know
    combo = wizard.combos["Projektnavn"]
    assert combo.currentData() is None  # nothing chosen yet
    combo.setCurrentIndex(combo.findData("summary"))
    _next(wizard, qtbot, ImportWizard.STEP_PREVIEW)
    assert wizard.analysis is not None and wizard.analysis.problems == []
    assert wizard.import_button.isEnabled()
    headings = [
        wizard.table.horizontalHeaderItem(c).text() for c in range(wizard.table.columnCount())
    ]
    assert "Projektnavn" in headings  # now a column of the preview
    wizard.reject()

    # Another file with the same headings: the choice is filled in.
    second = _write(tmp_path / "second.csv", DANISH_CSV.replace("Havnebad", "Vinterbad"))
    again = _wizard(empty_window, qtbot, second)
    _next(again, qtbot, ImportWizard.STEP_MAPPING)
    assert again.combos["Projektnavn"].currentData() == "summary"
    assert again.mapping_memory.text()  # says the earlier choice was used
    assert load_mapping(again.layout_key or "") == {"Projektnavn": "summary"}

    # Other headings, another layout: nothing is filled in.
    other = _write(tmp_path / "other.csv", DANISH_CSV.replace("Projektnavn", "Kaldenavn"))
    third = _wizard(empty_window, qtbot, other)
    _next(third, qtbot, ImportWizard.STEP_MAPPING)
    assert third.combos["Kaldenavn"].currentData() is None


def test_unmapped_heading_blocks_the_import(empty_window, qtbot, tmp_path):
    path = _write(tmp_path / "sheet.csv", DANISH_CSV)
    wizard = _wizard(empty_window, qtbot, path)
    _next(wizard, qtbot, ImportWizard.STEP_MAPPING)
    _next(wizard, qtbot, ImportWizard.STEP_PREVIEW)  # left "(choose a field)"
    texts = [wizard.problem_list.item(i).text() for i in range(wizard.problem_list.count())]
    assert any("Projektnavn" in t for t in texts)
    assert not wizard.import_button.isEnabled()


def test_preview_lists_bad_rows_by_row_and_column_and_writes_nothing(empty_window, qtbot, tmp_path):
    text = (
        "Titel;Sektor;Status;Startdato;Budget (kr.)\r\n"
        "Godt initiativ;Havne;Aktiv;01-04-2024;1.000\r\n"
        "Dårlig sektor;Fiskeri;Aktiv;01-04-2024;1.000\r\n"
        "Dårlig dato;Havne;Aktiv;31-02-2024;abc\r\n"
    )
    path = _write(tmp_path / "bad.csv", text)
    wizard = _wizard(empty_window, qtbot, path)
    _next(wizard, qtbot, ImportWizard.STEP_PREVIEW)  # no unknown headings: no mapping step
    texts = [wizard.problem_list.item(i).text() for i in range(wizard.problem_list.count())]
    assert len(texts) == 3
    assert any(t.startswith("row 3, column Sektor") and "Fiskeri" in t for t in texts)
    assert any(t.startswith("row 4, column Startdato") for t in texts)
    assert any(t.startswith("row 4, column Budget (kr.)") for t in texts)
    assert not wizard.import_button.isEnabled()
    assert "3 problem" in wizard.summary.text()
    # The bad cells are marked in the table, the good ones are not.
    table = wizard.table
    headings = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    sector = headings.index("Sektor")
    rows = [table.item(r, 0).text() for r in range(table.rowCount())]
    assert rows == ["2", "3", "4"]
    assert "Fiskeri" in table.item(1, sector).toolTip()
    assert table.item(0, sector).toolTip() == ""
    assert table.item(1, sector).background().color() != table.item(0, sector).background().color()
    # Clicking a problem selects its cell.
    wizard.problem_list.setCurrentRow(0)
    assert (table.currentRow(), table.currentColumn()) == (1, sector)
    assert portfolio_query.count(empty_window.db) == 0  # nothing was written
    wizard.import_button.click()
    assert portfolio_query.count(empty_window.db) == 0


def test_danish_excel_csv_imports_and_the_portfolio_shows_the_rows(empty_window, qtbot, tmp_path):
    path = _write(tmp_path / "danish.csv", DANISH_CSV.replace(";Projektnavn", ";Noter"))
    wizard = _wizard(empty_window, qtbot, path)
    _next(wizard, qtbot, ImportWizard.STEP_MAPPING)
    wizard.combos["Noter"].setCurrentIndex(wizard.combos["Noter"].findData(""))  # leave out
    _next(wizard, qtbot, ImportWizard.STEP_PREVIEW)
    assert "decimal comma" in wizard.details.text() and "cp1252" in wizard.details.text()
    assert wizard.import_button.isEnabled()
    wizard.import_button.click()
    qtbot.waitUntil(lambda: wizard.steps.currentIndex() == ImportWizard.STEP_RESULT, timeout=10000)
    assert "Imported 2 new" in wizard.result_label.text()
    model = empty_window.portfolio.model
    qtbot.waitUntil(lambda: model.rowCount() == 2, timeout=5000)
    assert sorted(model.index(r, 1).data() for r in range(2)) == [
        "Havnebad i Sønderby",
        "Æblehaven for ældre",
    ]
    document = exchange.export_document(empty_window.db)
    bath = next(i for i in document["initiatives"] if i["title"] == "Havnebad i Sønderby")
    assert bath["start_date"] == "2024-04-01" and bath["sector"] == "harbours"
    budget = next(r for r in bath["resources"] if r["kind"] == "municipal_budget")
    assert budget["amount"] == pytest.approx(125000.5)


def test_json_import_still_works(empty_window, qtbot, tmp_path, demo_db):
    path = tmp_path / "portfolio.json"
    exchange.write_json(
        exchange.export_document(demo_db, PortfolioFilter(sectors=("harbours",))), path
    )
    wizard = _wizard(empty_window, qtbot, path)
    _next(wizard, qtbot, ImportWizard.STEP_PREVIEW)  # JSON: straight to the preview
    assert wizard.import_button.isEnabled()
    wizard.import_button.click()
    qtbot.waitUntil(lambda: wizard.steps.currentIndex() == ImportWizard.STEP_RESULT, timeout=10000)
    expected = portfolio_query.count(demo_db, PortfolioFilter(sectors=("harbours",)))
    assert portfolio_query.count(empty_window.db) == expected > 0
    qtbot.waitUntil(lambda: empty_window.portfolio.model.total == expected, timeout=5000)


def test_json_clash_is_shown_before_writing(window, qtbot, tmp_path):
    path = tmp_path / "again.json"
    exchange.write_json(exchange.export_document(window.db), path)
    before = portfolio_query.count(window.db)
    wizard = _wizard(window, qtbot, path)
    _next(wizard, qtbot, ImportWizard.STEP_PREVIEW)
    assert wizard.problem_list.count() > 0  # every reference exists already
    assert not wizard.import_button.isEnabled()
    wizard.merge_box.setChecked(True)  # merging updates them instead
    wizard.recheck_button.click()
    qtbot.waitUntil(lambda: not wizard.busy, timeout=10000)
    assert wizard.import_button.isEnabled()
    assert portfolio_query.count(window.db) == before


def test_a_file_that_cannot_be_read_is_named_in_plain_words(empty_window, qtbot, tmp_path):
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"not a workbook")
    wizard = _wizard(empty_window, qtbot, path)
    wizard.next_button.click()
    qtbot.waitUntil(lambda: bool(wizard.file_error.text()), timeout=10000)
    assert "broken.xlsx" in wizard.file_error.text()
    assert "Traceback" not in wizard.file_error.text()
    assert wizard.steps.currentIndex() == ImportWizard.STEP_FILE


# ---------------------------------------------------------------- export


@pytest.mark.parametrize("suffix", [".json", ".csv", ".xlsx"])
def test_export_each_format_from_the_gui(window, qtbot, tmp_path, monkeypatch, suffix):
    window.portfolio.filters.search.setText("harbour")
    window.portfolio.apply_filters()
    shown = window.portfolio.model.total
    assert 0 < shown < window.portfolio.total_all
    target = tmp_path / "out"  # no suffix: the chosen format gives it

    def save(_parent, _title, _start, filters, _selected):  # type: ignore[no-untyped-def]
        chosen = next(f for f in filters.split(";;") if f"*{suffix})" in f)
        return str(target), chosen

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save)
    window.export_dialog()
    written = target.with_name("out" + suffix)
    qtbot.waitUntil(lambda: written.exists() and not window.background.busy, timeout=10000)
    assert str(shown) in window.statusBar().currentMessage()
    if suffix == ".json":
        document = json.loads(written.read_text(encoding="utf-8"))
        assert len(document["initiatives"]) == shown
    elif suffix == ".csv":
        raw = written.read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf")  # a BOM, so Excel reads UTF-8
        rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
        assert len(rows) - 1 == shown
    else:
        sheet = load_workbook(written).worksheets[0]
        assert sheet.max_row - 1 == shown


def test_the_export_dialog_offers_every_format_the_export_writes() -> None:
    from coprod_desktop.services import file_export
    from coprod_desktop.ui.import_wizard import EXPORT_FORMATS, export_filters

    offered = [suffix for suffix, _text in export_filters()]
    assert set(offered) == set(EXPORT_FORMATS)
    assert set(EXPORT_FORMATS) == {s.strip() for s in file_export.EXPORT_SUFFIXES.split(",")}


def test_the_public_map_is_exported_from_the_gui(window, qtbot, tmp_path, monkeypatch):
    """File > Export… also writes the public-safe GeoJSON map (it was CLI only): the
    initiatives shown that have a place, and nothing a public brief may not print."""
    target = tmp_path / "map"

    def save(_parent, _title, _start, filters, _selected):  # type: ignore[no-untyped-def]
        return str(target), next(f for f in filters.split(";;") if "*.geojson)" in f)

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save)
    window.export_dialog()
    written = tmp_path / "map.geojson"
    qtbot.waitUntil(lambda: written.exists() and not window.background.busy, timeout=10000)
    document = json.loads(written.read_text(encoding="utf-8"))
    assert document["type"] == "FeatureCollection" and document["features"]
    count = len(document["features"])
    assert f"Exported {count} initiatives" in window.statusBar().currentMessage()
    for feature in document["features"]:
        assert feature["geometry"]["type"] == "Point"
        assert not {"owner", "responsible_manager", "stakeholders", "journal"} & set(
            feature["properties"]
        )


def test_export_in_danish_writes_danish_excel_csv(window, qtbot, tmp_path, monkeypatch):
    window.switch_language("da")
    target = tmp_path / "portefølje.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.export_dialog()
    qtbot.waitUntil(lambda: target.exists() and not window.background.busy, timeout=10000)
    header = target.read_bytes().decode("utf-8-sig").splitlines()[0]
    assert header.startswith("Reference;Titel;")
    assert "Eksporterede" in window.statusBar().currentMessage()


# ---------------------------------------------------------------- field guide


@pytest.mark.parametrize(("lang", "heading"), [("en", "field guide"), ("da", "feltvejledning")])
def test_field_guide_shows_in_the_app_language(window, qtbot, lang, heading):
    if lang != "en":
        window.switch_language(lang)
    action = window.actions_by_name["field_guide"]
    assert action in window.menuBar().actions()[-1].menu().actions()  # in the Help menu
    action.trigger()
    from coprod_desktop.ui.field_guide_view import FieldGuide

    guides = [w for w in window.findChildren(FieldGuide) if w.isVisible()]
    assert len(guides) == 1
    text = guides[0].browser.toPlainText()
    assert heading in text.lower()
    assert "budget_dkk" in text
    assert "|" not in text.splitlines()[2]  # tables are rendered, not shown as Markdown
    assert i18n.lang() == lang


def test_preview_shows_how_values_were_read_and_the_result_names_titles(
    empty_window, qtbot, tmp_path
):
    path = _write(tmp_path / "danish.csv", DANISH_CSV.replace(";Projektnavn", ";Noter"))
    wizard = _wizard(empty_window, qtbot, path)
    _next(wizard, qtbot, ImportWizard.STEP_MAPPING)
    wizard.combos["Noter"].setCurrentIndex(wizard.combos["Noter"].findData(""))
    _next(wizard, qtbot, ImportWizard.STEP_PREVIEW)
    cells = {
        wizard.table.horizontalHeaderItem(c).text(): wizard.table.item(0, c).text()
        for c in range(1, wizard.table.columnCount())
    }
    assert cells["Startdato"] == "01-04-2024 → 2024-04-01"
    assert cells["Budget (kr.)"] == "125.000,50 → 125,000.5"
    assert cells["Sektor"] == "Havne → Harbours"
    assert cells["Titel"] == "Havnebad i Sønderby"  # text is read as written
    wizard.import_button.click()
    qtbot.waitUntil(lambda: wizard.steps.currentIndex() == ImportWizard.STEP_RESULT, timeout=10000)
    shown = [wizard.result_list.item(i).text() for i in range(wizard.result_list.count())]
    assert len(shown) == 2 and shown[0].startswith("Havnebad i Sønderby (CP-")


def test_back_from_the_preview_goes_to_the_columns_with_the_troubled_one_first(
    empty_window, qtbot, tmp_path
):
    known = DANISH_CSV.replace(";Projektnavn", "").replace(";A\r\n", "\r\n")
    known = known.replace(";B\r\n", "\r\n").replace("Borgere eller civilsamfund", "Måske")
    path = _write(tmp_path / "known.csv", known)
    wizard = _wizard(empty_window, qtbot, path)
    wizard.next_button.click()  # every heading is known: straight to the preview
    qtbot.waitUntil(
        lambda: wizard.steps.currentIndex() == ImportWizard.STEP_PREVIEW and not wizard.busy,
        timeout=10000,
    )
    assert not wizard.import_button.isEnabled()  # "Måske" is no origin
    wizard.back_button.click()
    assert wizard.steps.currentIndex() == ImportWizard.STEP_MAPPING  # not the file step
    assert next(iter(wizard.combos)) == "Oprindelse"  # the column with the problem first
    assert wizard.combos["Titel"].currentData() == "title"  # the others as they were read
    wizard.combos["Oprindelse"].setCurrentIndex(wizard.combos["Oprindelse"].findData(""))
    _next(wizard, qtbot, ImportWizard.STEP_PREVIEW)
    assert wizard.import_button.isEnabled()
