"""Very long text, control characters, right-to-left text and emoji in every text field
survive save, search, export (JSON, CSV, XLSX), import and the PDF briefs."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import openpyxl

from coprod_desktop.domain import model as d
from coprod_desktop.reports.page_template import BriefSettings
from coprod_desktop.services import (
    briefs,
    exchange,
    file_export,
    initiatives,
    portfolio_query,
    spreadsheet,
    stakeholders,
)
from coprod_desktop.services.portfolio_query import PortfolioFilter
from coprod_desktop.store.db import Database
from coprod_desktop.store.migrate import open_database
from tests.reliability.helpers import integrity

CONTROL = "tab\there\x01\x02\x07\x08\x0b\x0c\x1b[31m\x1f\x7f\x85 nul\x00end"
RTL = "مرحبا بالعالم شالوم עולם \u202eevil\u202c \u200fعربي\u200f"
EMOJI = "🌊⚓️ 👩🏽‍🚒 🇩🇰 🏳️‍🌈 e\u0301 Z\u0351\u0362a Æblegrød 𝔘𝔫𝔦𝔠𝔬𝔡𝔢"
ODD = f"{CONTROL} | {RTL} | {EMOJI}"
ONE_MB = ("Havnesamarbejde مرحبا 🌊 Ærø " * 40_000)[:1_000_000] + " slutord"


def _odd(tag: str, limit: int | None = None) -> str:
    text = f"{tag} {ODD}"
    return text[:limit] if limit else text


def _every_field(club: int) -> d.InitiativeData:
    return d.InitiativeData(
        reference="CP-2030-001",
        title=_odd("Titel"),
        summary=_odd("Resumé"),
        description=ONE_MB,
        area=_odd("Område"),
        sector="harbours",
        status="active",
        type="co_management",
        type_rationale=_odd("Begrundelse"),
        owner=_odd("Ejer", 200),
        responsible_manager=_odd("Leder", 200),
        kle_topic="01.05.10 🌊 عربي",
        start_date=date(2024, 1, 1),
        involvements=[d.InvolvementData(stakeholder_id=club, role="partner", note=_odd("Note"))],
        mandates=[
            d.MandateData(
                level="informal",
                clarity="clear",
                granted_by=_odd("Givet"),
                scope=_odd("Scope"),
                committee=_odd("Udvalg"),
                reference=_odd("Ref", 100),
            )
        ],
        resources=[
            d.ResourceData(
                kind="in_kind", amount=1, unit="🪵 وحدة", planned=True, note=_odd("Ressource")
            )
        ],
        cross_pressures=[
            d.PressureData(
                category="silo_structure",
                severity=2,
                status="open",
                description=_odd("Pres"),
                raised_by=_odd("Rejst"),
                resolution=_odd("Løsning"),
            )
        ],
        journal=[
            d.JournalData(
                date=date(2024, 2, 1),
                kind="meeting",
                summary=_odd("Journal"),
                participant_ids=[club],
            )
        ],
        reviews=[
            d.ReviewData(
                date=date(2024, 3, 1),
                reviewer=_odd("Reviewer"),
                assessment=_odd("Vurdering"),
                decisions=_odd("Beslutning"),
            )
        ],
    )


def _without_ids(document: dict[str, object]) -> str:
    return json.dumps(document, sort_keys=True, ensure_ascii=False)


def test_odd_and_huge_text_survives_everything(tmp_path: Path, head_template: Path) -> None:
    path = tmp_path / "odd.sqlite"
    shutil.copyfile(head_template, path)
    db: Database = open_database(str(path))
    try:
        club = stakeholders.create_stakeholder(
            db,
            d.StakeholderData(
                name=_odd("Sejlklub", 200),
                kind="association",
                organisation=_odd("Org"),
                notes=_odd("Noter"),
            ),
        ).id
        assert club is not None
        data = _every_field(club)
        saved = initiatives.save_initiative(db, data)
        again = initiatives.get_initiative(db, "CP-2030-001")
        for name in ("title", "summary", "description", "area", "type_rationale", "owner"):
            assert getattr(again, name) == getattr(data, name), name
        assert len(again.description or "") == len(ONE_MB)
        assert again.journal[0].summary == data.journal[0].summary
        assert again.reviews[0].decisions == data.reviews[0].decisions
        assert again.mandates[0].scope == data.mandates[0].scope
        assert saved.version == again.version

        # search: Danish, Arabic and Hebrew words, and a word at the end of the 1 MB text
        for word in ("Titel", "مرحبا", "עולם", "slutord", "Æblegrød"):
            found = portfolio_query.rows(db, PortfolioFilter(search=word))
            assert [r.reference for r in found] == ["CP-2030-001"], word

        # JSON export and import into an empty database give the same portfolio
        exported = tmp_path / "odd.json"
        file_export.export_file(db, exported, None, "en")
        empty_path = tmp_path / "empty.sqlite"
        shutil.copyfile(head_template, empty_path)
        empty = open_database(str(empty_path))
        try:
            exchange.import_document(empty, exchange.read_json_file(exported))
            assert _without_ids(exchange.export_document(empty)) == _without_ids(
                exchange.export_document(db)
            )
        finally:
            empty.dispose()

        # spreadsheets: written, and read back with the text intact
        csv_file = tmp_path / "odd.csv"
        xlsx_file = tmp_path / "odd.xlsx"
        spreadsheet.export_file(db, csv_file, None, "en")
        spreadsheet.export_file(db, xlsx_file, None, "en")
        assert "مرحبا" in csv_file.read_text("utf-8-sig")
        workbook = openpyxl.load_workbook(xlsx_file, read_only=True)
        cells = " ".join(
            str(cell)
            for sheet in workbook.worksheets
            for row in sheet.iter_rows(values_only=True)
            for cell in row
            if cell is not None
        )
        workbook.close()
        assert "مرحبا" in cells and "🌊" in cells
        again_path = tmp_path / "again.sqlite"
        shutil.copyfile(head_template, again_path)
        back = open_database(str(again_path))
        try:
            spreadsheet.import_sheet(back, csv_file)
            title = initiatives.get_initiative(back, "CP-2030-001").title
            assert "مرحبا" in title and "🌊" in title and "Titel" in title
        finally:
            back.dispose()

        # the brief prints it (long text shortened, nothing crashes)
        pdf = briefs.initiative_brief(db, "CP-2030-001", BriefSettings(lang="da"))
        assert pdf.startswith(b"%PDF")
    finally:
        db.dispose()
    assert integrity(path) == ["ok"]
