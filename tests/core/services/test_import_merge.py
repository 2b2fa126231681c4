"""`import --merge` of an export: three ways from the version the file was exported at, so an
older file never silently undoes newer work in the database (SQLite and PostgreSQL)."""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from coprod_desktop.domain import model as d
from coprod_desktop.domain.errors import ValidationError
from coprod_desktop.services import exchange, initiatives, privacy, versions
from coprod_desktop.store import models as m
from coprod_desktop.store.db import Database
from tests.core.services.test_exchange import full_document

REFERENCE = "CP-2019-001"


def _exported(db: Database) -> dict[str, Any]:
    document = exchange.export_document(db)
    document["initiatives"] = [i for i in document["initiatives"] if i["reference"] == REFERENCE]
    return document


def _colleague_saves(db: Database, change: Any) -> d.InitiativeData:
    """Someone changes the initiative in the database after the export was made."""
    data = initiatives.get_initiative(db, REFERENCE)
    change(data)
    return initiatives.save_initiative(db, data)


def _journal(date: str, summary: str) -> dict[str, Any]:
    return {"date": date, "kind": "meeting", "summary": summary, "participants": []}


@pytest.fixture
def exported(any_db: Database) -> tuple[Database, dict[str, Any]]:
    exchange.import_document(any_db, full_document())
    return any_db, _exported(any_db)


def test_the_export_carries_each_initiatives_version(exported: Any) -> None:
    db, document = exported
    assert document["initiatives"][0]["version"] == 1
    _colleague_saves(db, lambda x: setattr(x, "area", "Vestre Havn"))
    assert _exported(db)["initiatives"][0]["version"] == 2


def test_changes_on_both_sides_in_different_places_are_all_kept(exported: Any) -> None:
    db, document = exported

    def colleague(data: d.InitiativeData) -> None:
        data.title = "Havneudvikling, fase 2"
        data.journal.append(d.JournalData(date=dt.date(2026, 1, 5), kind="call", summary="Ring"))
        data.resources[0].note = "bekræftet"

    _colleague_saves(db, colleague)
    item = document["initiatives"][0]
    item["summary"] = "Skrevet i filen"
    item["journal"].append(_journal("2026-01-06", "Møde fra filen"))
    deleted = item["mandates"].pop()  # the file deletes a row the database left alone
    result = exchange.import_document(db, document, merge=True)
    assert (result.created, result.updated, result.overwritten) == (0, 1, ())
    merged = initiatives.get_initiative(db, REFERENCE)
    assert merged.title == "Havneudvikling, fase 2"  # newer work in the database stays
    assert merged.summary == "Skrevet i filen"
    summaries = [j.summary for j in merged.journal]
    assert "Ring" in summaries and "Møde fra filen" in summaries
    assert merged.resources[0].note == "bekræftet"
    assert deleted["granted_by"] not in [x.granted_by for x in merged.mandates]


def test_a_row_the_database_deleted_does_not_come_back(exported: Any) -> None:
    db, document = exported
    # an entry no commitment came from (those cannot go while a commitment names them)
    unlinked = next(j for j in initiatives.get_initiative(db, REFERENCE).journal if j.key is None)
    gone = unlinked.summary
    _colleague_saves(db, lambda x: x.journal.remove(next(j for j in x.journal if j.key is None)))
    document["initiatives"][0]["title"] = "Ny titel fra filen"
    exchange.import_document(db, document, merge=True)
    merged = initiatives.get_initiative(db, REFERENCE)
    assert gone not in [j.summary for j in merged.journal]
    assert merged.title == "Ny titel fra filen"


def test_an_older_export_that_clashes_is_refused_naming_initiative_and_field(
    exported: Any,
) -> None:
    db, document = exported
    saved = _colleague_saves(db, lambda x: setattr(x, "title", "Databasens titel"))
    document["initiatives"][0]["title"] = "Filens titel"
    document["initiatives"][0]["summary"] = "Filens resumé"
    document["stakeholders"].append(
        {"key": "s9", "name": "Ny forening", "kind": "association", "is_person": False}
    )
    with pytest.raises(ValidationError) as caught:
        exchange.import_document(db, document, merge=True)
    (problem,) = caught.value.problems
    assert problem.path == "initiatives[0].title"
    text = caught.value.message("en")
    assert REFERENCE in text and "title" in text and "--force" in text
    assert REFERENCE in caught.value.message("da") and "eksporteret" in caught.value.message("da")
    after = initiatives.get_initiative(db, REFERENCE)  # nothing written
    assert (after.title, after.summary, after.version) == (
        "Databasens titel",
        saved.summary,
        saved.version,
    )
    with db.session() as session:
        assert (
            session.scalar(select(m.Stakeholder).where(m.Stakeholder.name == "Ny forening")) is None
        )
    with pytest.raises(ValidationError):  # a dry run says the same
        exchange.import_document(db, document, merge=True, dry_run=True)


def test_a_row_deleted_in_the_file_but_changed_in_the_database_is_refused(exported: Any) -> None:
    db, document = exported

    def colleague(data: d.InitiativeData) -> None:  # an entry no commitment came from
        next(j for j in data.journal if j.key is None).summary = "Rettet referat"

    _colleague_saves(db, colleague)
    journal = document["initiatives"][0]["journal"]
    journal.remove(next(j for j in journal if not j.get("key")))
    with pytest.raises(ValidationError) as caught:
        exchange.import_document(db, document, merge=True)
    assert [p.path for p in caught.value.problems] == ["initiatives[0].journal"]


@pytest.mark.parametrize("side", ["file", "database"])
def test_force_takes_a_side_and_says_what_it_overwrote(exported: Any, side: str) -> None:
    db, document = exported
    _colleague_saves(db, lambda x: setattr(x, "title", "Databasens titel"))
    document["initiatives"][0]["title"] = "Filens titel"
    document["initiatives"][0]["summary"] = "Filens resumé"  # no clash: taken either way
    result = exchange.import_document(db, document, merge=True, force=side)
    merged = initiatives.get_initiative(db, REFERENCE)
    assert merged.summary == "Filens resumé"
    (settled,) = result.overwritten
    assert (settled.reference, settled.field, settled.winner) == (REFERENCE, "title", side)
    if side == "file":
        assert merged.title == "Filens titel" and settled.lost == "Databasens titel"
    else:
        assert merged.title == "Databasens titel" and settled.lost == "Filens titel"


def test_without_the_exported_version_every_difference_is_refused(exported: Any) -> None:
    db, document = exported
    _colleague_saves(db, lambda x: setattr(x, "area", "Vestre Havn"))
    with db.session() as session:  # the kept version is gone (pruned)
        session.execute(m.InitiativeVersion.__table__.delete())
    document["initiatives"][0]["summary"] = "Filens resumé"
    with pytest.raises(ValidationError) as caught:
        exchange.import_document(db, document, merge=True)
    assert {p.path for p in caught.value.problems} == {
        "initiatives[0].summary",
        "initiatives[0].area",
    }
    assert "no longer kept" in caught.value.message("en")
    exchange.import_document(db, document, merge=True, force="file")
    merged = initiatives.get_initiative(db, REFERENCE)
    assert (merged.summary, merged.area) == ("Filens resumé", document["initiatives"][0]["area"])


def test_an_unchanged_database_takes_the_file_and_keeps_row_ids(exported: Any) -> None:
    db, document = exported
    before = initiatives.get_initiative(db, REFERENCE)
    document["initiatives"][0]["journal"][0]["summary"] = "Rettet i filen"
    exchange.import_document(db, document, merge=True)
    after = initiatives.get_initiative(db, REFERENCE)
    assert "Rettet i filen" in [j.summary for j in after.journal]
    assert [r.id for r in after.resources] == [r.id for r in before.resources]  # not re-made
    assert after.version == (before.version or 0) + 1


def test_the_cli_refuses_with_exit_3_and_force_says_what_it_overwrote(
    run_cli: Any, tmp_path: Path
) -> None:
    target = str(tmp_path / "p.sqlite")
    source = tmp_path / "in.json"
    source.write_text(json.dumps(full_document()), "utf-8")
    assert run_cli("--db", target, "import", str(source)).code == 0
    export = tmp_path / "export.json"
    assert run_cli("--db", target, "export", "-o", str(export)).code == 0
    document = json.loads(export.read_text("utf-8"))
    from coprod_desktop.store.migrate import open_database

    db = open_database(target, user="anna")
    try:
        _colleague_saves(db, lambda x: setattr(x, "title", "Annas titel"))
    finally:
        db.dispose()
    document["initiatives"][0]["title"] = "Filens titel"
    export.write_text(json.dumps(document), "utf-8")
    refused = run_cli("--db", target, "import", str(export), "--merge")
    assert refused.code == 3
    assert REFERENCE in refused.err and "title" in refused.err and "--force" in refused.err
    danish = run_cli("--db", target, "--lang", "da", "import", str(export), "--merge")
    assert danish.code == 3 and "eksporteret" in danish.err
    forced = run_cli("--db", target, "import", str(export), "--merge", "--force", "file")
    assert forced.code == 0
    assert f"{REFERENCE}: title: the file's version overwrote the database's (Annas titel)" in (
        forced.out
    )
    assert run_cli("--db", target, "import", str(export), "--merge", "--force", "x").code == 2


# ---------------------------------------------------------------------- kept versions


def test_each_save_keeps_the_version_it_replaces_and_old_ones_are_pruned(
    any_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(versions, "KEEP_VERSIONS", 3)
    exchange.import_document(any_db, full_document())
    titles = []
    for number in range(5):
        data = initiatives.get_initiative(any_db, REFERENCE)
        titles.append(data.title)
        data.title = f"Titel {number}"
        initiatives.save_initiative(any_db, data)
    initiatives.update_fields(any_db, REFERENCE, {"owner": "Bo"})
    initiatives.bulk_update(any_db, [data.id or 0], status="paused")
    with any_db.session() as session:
        kept = session.scalars(
            select(m.InitiativeVersion.version).order_by(m.InitiativeVersion.version)
        ).all()
        assert list(kept) == [5, 6, 7]  # the last three replaced versions
        five = versions.at_version(session, data.id or 0, 5)
    assert five is not None and five.title == "Titel 3"
    assert five.journal and five.journal[0].participant_names == []  # no display names kept


def test_an_erased_person_is_forgotten_in_the_kept_versions(any_db: Database) -> None:
    document = full_document()
    document["initiatives"][0]["journal"][0]["summary"] = "Møde med Åse Ærø om havnen"
    exchange.import_document(any_db, document)
    data = initiatives.get_initiative(any_db, REFERENCE)
    data.title = "Ny titel"
    initiatives.save_initiative(any_db, data)
    person = next(s.stakeholder_id for s in data.involvements if s.stakeholder_name == "Åse Ærø")
    with any_db.session() as session:
        assert session.scalar(select(m.InitiativeVersion.version)) is not None
    privacy.erase_person(any_db, person or 0, "asked to be forgotten")
    with any_db.session() as session:
        left = [
            json.dumps(x, ensure_ascii=False)
            for x in session.scalars(select(m.InitiativeVersion.data))
        ]
    assert not any("Åse Ærø" in text for text in left)


def test_kept_versions_read_back_exactly(any_db: Database) -> None:
    exchange.import_document(any_db, full_document())
    original = initiatives.get_initiative(any_db, REFERENCE)
    changed = copy.deepcopy(original)
    changed.title = "Anden titel"
    initiatives.save_initiative(any_db, changed)
    with any_db.session() as session:
        kept = versions.at_version(session, original.id or 0, original.version or 0)
    assert kept is not None
    assert versions.to_json(kept) == versions.to_json(original)
