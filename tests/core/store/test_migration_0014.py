"""Migration 0014: a database from before the document index is upgraded with its documents
found through their own index, outcome text searchable, and the initiatives' own rows no
longer holding the documents' words."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from sqlalchemy import create_engine, text

from coprod_desktop.domain import model as d
from coprod_desktop.services import attachments, initiatives, portfolio_query
from coprod_desktop.services.portfolio_query import PortfolioFilter
from coprod_desktop.store.migrate import alembic_config, current_revision, open_database
from coprod_desktop.store.search import fold
from tests.core import factories


def _found(db_path: Path, query: str) -> set[int]:
    db = open_database(str(db_path))
    try:
        return set(portfolio_query.ids(db, PortfolioFilter(search=query)))
    finally:
        db.dispose()


def test_a_0013_database_is_upgraded_with_its_documents_and_outcomes_searchable(
    db_path: Path, tmp_path: Path
) -> None:
    db = open_database(str(db_path))
    made = factories.initiative(db, "Kajanlæg")
    data = initiatives.get_initiative(db, made.id or 0)
    data.outcomes = [d.OutcomeData(indicator="Ålegræs i hektar", evidence="Dykkerrapporten")]
    initiatives.save_initiative(db, data)
    document = tmp_path / "referat.txt"
    document.write_text("Tangloppernes vandring ved molen", encoding="utf-8")
    [kept] = attachments.attach_files(db, made.id or 0, [document])
    attachments.extract_pending(db)
    db.dispose()

    # back to 0013, with the initiative's search row as 0013 wrote it: the document's words
    # in it, the outcome's not
    url = f"sqlite:///{db_path}"
    engine = create_engine(url)
    config = alembic_config(url)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0013_attention_facts")
        old_body = fold("Kajanlæg referat.txt Tangloppernes vandring ved molen")
        connection.execute(
            text("UPDATE initiative_fts SET body = :body WHERE rowid = :id"),
            {"body": old_body, "id": made.id},
        )
    assert current_revision(engine) == "0013_attention_facts"
    engine.dispose()

    assert _found(db_path, "tangloppernes dykkerrapporten") == {made.id}  # upgraded on open
    assert _found(db_path, "ålegræs") == {made.id}
    db = open_database(str(db_path))
    try:
        hits = attachments.matching_documents(db, "tangloppe")
        assert [(hit.attachment_id, hit.name) for hit in hits] == [(kept.id, "referat.txt")]
        with db.reading() as connection:
            own = connection.execute(
                text("SELECT body FROM initiative_fts WHERE rowid = :id"), {"id": made.id}
            ).scalar_one()
        assert "tangloppernes" not in own and "dykkerrapporten" in own
    finally:
        db.dispose()
