"""Stakeholders of kind citizen or volunteer are natural persons whatever a checkbox or a file
says; only organisations' kinds may be non-persons."""

from __future__ import annotations

import io
import shutil
import sqlite3
from pathlib import Path

from pypdf import PdfReader

from coprod_desktop.domain import vocab as v
from coprod_desktop.domain.model import StakeholderData
from coprod_desktop.services import exchange, privacy, stakeholders
from coprod_desktop.store.db import Database
from coprod_desktop.store.migrate import open_database

FIXTURE_0001 = Path(__file__).resolve().parents[2] / "fixtures" / "portfolio-0001_initial.sqlite"


def test_the_domain_rule() -> None:
    assert v.is_natural_person("citizen", False)
    assert v.is_natural_person("volunteer", None)
    assert not v.is_natural_person("business", False)
    assert v.is_natural_person("other", True)


def test_a_citizen_saved_as_a_non_person_is_a_person(db: Database) -> None:
    made = stakeholders.create_stakeholder(
        db, StakeholderData(name="Per Vang", kind="citizen", is_person=False)
    )
    assert made.is_person
    volunteer = stakeholders.create_stakeholder(
        db, StakeholderData(name="Lis Dahl", kind="volunteer", is_person=False)
    )
    volunteer.is_person = False  # unticked in an editor
    assert stakeholders.save_stakeholder(db, volunteer).is_person
    firm = stakeholders.create_stakeholder(
        db, StakeholderData(name="Dahl ApS", kind="business", is_person=False)
    )
    assert not firm.is_person
    firm.kind = "citizen"  # a party re-classified as a citizen becomes a person
    assert stakeholders.save_stakeholder(db, firm).is_person
    assert {p.name for p in privacy.list_persons(db)} == {"Per Vang", "Lis Dahl", "Dahl ApS"}


def test_an_import_cannot_make_a_citizen_a_non_person(db: Database) -> None:
    document = {
        "format": "coprod-interchange",
        "version": 1,
        "stakeholders": [
            {"key": "a", "name": "Mads Krog", "kind": "citizen", "is_person": False},
            {"key": "b", "name": "Ea Krog", "kind": "volunteer", "is_person": False},
            {"key": "c", "name": "Krogs Cykler", "kind": "business", "is_person": False},
        ],
        "initiatives": [],
    }
    exchange.import_document(db, document)
    assert {p.name for p in privacy.list_persons(db)} == {"Mads Krog", "Ea Krog"}


def test_the_migration_makes_existing_citizens_persons_and_the_brief_hides_them(
    tmp_path: Path, run_cli
) -> None:  # type: ignore[no-untyped-def]
    old = tmp_path / "old.sqlite"
    shutil.copyfile(FIXTURE_0001, old)
    connection = sqlite3.connect(old)
    with connection:  # as the unticked checkbox left it
        connection.execute("UPDATE stakeholder SET is_person = 0 WHERE kind = 'citizen'")
    name = connection.execute("SELECT name FROM stakeholder WHERE kind = 'citizen'").fetchone()[0]
    connection.close()

    db = open_database(str(old))
    try:
        assert name in {p.name for p in privacy.list_persons(db)}
    finally:
        db.dispose()
    pdf = tmp_path / "committee.pdf"
    result = run_cli("--db", str(old), "report", "committee", "-o", str(pdf))
    assert result.code == 0, result.err
    reader = PdfReader(io.BytesIO(pdf.read_bytes()))
    text = " ".join(" ".join((page.extract_text() or "") for page in reader.pages).split())
    assert name not in text
