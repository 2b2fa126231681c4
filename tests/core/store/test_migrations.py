"""Migrations: new files, files of an earlier revision, newer and foreign files, failures."""

from __future__ import annotations

import ast
import hashlib
import shutil
import sqlite3
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text

from coprod_desktop import paths
from coprod_desktop.domain import model as d
from coprod_desktop.domain.errors import (
    DatabaseCorruptError,
    MigrationFailedError,
    NewerSchemaError,
)
from coprod_desktop.services import initiatives, portfolio_query, stakeholders
from coprod_desktop.services.portfolio_query import PortfolioFilter
from coprod_desktop.store import search
from coprod_desktop.store.migrate import current_revision, head_revision, open_database
from coprod_desktop.store.models import Base
from tests.core import factories

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
FIXTURE_0001 = FIXTURES / "portfolio-0001_initial.sqlite"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def no_sidecars(path: Path) -> bool:
    return not any(Path(str(path) + s).exists() for s in ("-wal", "-shm", "-journal"))


def stamp(path: Path, revision: str) -> None:
    connection = sqlite3.connect(path)
    with connection:
        connection.execute("UPDATE alembic_version SET version_num = ?", (revision,))
    connection.close()


def test_a_new_file_is_created_at_head(db_path: Path) -> None:
    assert not db_path.exists()
    db = open_database(str(db_path))
    try:
        assert current_revision(db.engine) == head_revision()
        factories.initiative(db)  # the schema is usable
        assert portfolio_query.count(db) == 1
    finally:
        db.dispose()
    # a brand-new file needs no pre-migration backup
    assert not list(paths.backups_dir().iterdir())


def test_opening_a_database_at_head_again_changes_nothing(db_path: Path) -> None:
    open_database(str(db_path)).dispose()
    before = sha256(db_path)
    open_database(str(db_path)).dispose()
    assert sha256(db_path) == before
    assert not list(paths.backups_dir().iterdir())


# ------------------------------------------------------------------ an earlier revision


@pytest.fixture
def old_db(tmp_path: Path) -> Path:
    target = tmp_path / "old.sqlite"
    shutil.copyfile(FIXTURE_0001, target)
    return target


def test_the_fixture_really_is_at_revision_0001(old_db: Path) -> None:
    connection = sqlite3.connect(f"file:{old_db}?mode=ro", uri=True)
    try:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchall() == [
            ("0001_initial",)
        ]
        assert connection.execute("SELECT count(*) FROM initiative").fetchone() == (2,)
    finally:
        connection.close()
    assert head_revision() != "0001_initial"


def test_a_file_at_0001_is_upgraded_to_head_with_its_data_intact(old_db: Path) -> None:
    original = old_db.read_bytes()
    db = open_database(str(old_db))
    try:
        assert current_revision(db.engine) == head_revision()
        first = initiatives.get_initiative(db, "CP-2024-001")
        assert first.title == "Havnen i Ørum"
        assert first.version == 3
        assert first.public_values == ["mobilising_resources"]
        assert [(i.stakeholder_name, i.role) for i in first.involvements] == [
            ("Ørum Sejlklub", "partner"),
            ("Kirsten Ærø", "critic"),
        ]
        assert first.mandates[0].political_anchoring is True
        assert [r.amount for r in first.resources] == [150000, 80.5]
        assert first.resources[1].source_name == "Ørum Sejlklub"
        assert first.cross_pressures[0].severity == 3
        assert first.journal[0].participant_names == ["Ørum Sejlklub", "Kirsten Ærø"]
        assert first.reviews[0].reviewer == "Jens Leder"
        person = next(s for s in stakeholders.list_stakeholders(db) if s.is_person)
        assert person.consent_date is not None and person.lawful_basis == "consent"
        # the search index survived and still works
        found = portfolio_query.rows(db, PortfolioFilter(search="havn"))
        assert [r.reference for r in found] == ["CP-2024-001"]
        assert [
            r.reference for r in portfolio_query.rows(db, PortfolioFilter(search="aarhus"))
        ] == ["CP-2024-002"]
        # and the upgraded file takes new writes with the old version number respected
        first.owner = "Ny ejer"
        assert initiatives.save_initiative(db, first).version == 4
        # an old journal entry gets a key and a commitment made at it (migration 0010)
        again = initiatives.get_initiative(db, "CP-2024-001")
        assert again.commitments == [] and again.journal[0].key is None
        again.journal[0].key = "moede"
        again.commitments.append(d.CommitmentData("Svar Kirsten", owner="Ny ejer", journal="moede"))
        saved = initiatives.save_initiative(db, again)
        assert saved.commitments[0].journal == "moede" and saved.version == 5
    finally:
        db.dispose()

    backups = list(paths.backups_dir().glob("*.sqlite"))
    assert len(backups) == 1
    assert "0001_initial" in backups[0].name
    # the backup is a consistent copy of the file before the upgrade
    copy = sqlite3.connect(f"file:{backups[0]}?mode=ro", uri=True)
    try:
        assert copy.execute("SELECT version_num FROM alembic_version").fetchone() == (
            "0001_initial",
        )
        assert copy.execute("SELECT count(*) FROM initiative").fetchone() == (2,)
        assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        copy.close()
    assert old_db.read_bytes() != original


def test_init_upgrades_an_old_file(run_cli, old_db: Path) -> None:  # type: ignore[no-untyped-def]
    check = run_cli("--db", str(old_db), "check")
    assert check.code == 4  # check does not upgrade: it reports the old revision
    assert "0001_initial" in check.out + check.err
    result = run_cli("--db", str(old_db), "init")
    assert result.code == 0, result.err
    assert head_revision() in result.out
    assert run_cli("--db", str(old_db), "check").code == 0


# ------------------------------------------------------------------ models == migrations


def _env_include_object() -> Callable[..., bool]:
    """The `include_object` filter of migrations/env.py (env.py itself runs on import)."""
    source = (paths.migrations_dir() / "env.py").read_text()
    tree = ast.parse(source)
    function = next(
        node
        for node in tree.body
        if isinstance(node, ast.FunctionDef) and node.name == "include_object"
    )
    namespace: dict[str, Any] = {"SEARCH_TABLES": search.SEARCH_TABLES}
    exec(compile(ast.Module(body=[function], type_ignores=[]), "env.py", "exec"), namespace)
    return namespace["include_object"]  # type: ignore[no-any-return]


def test_autogenerate_finds_no_difference_between_models_and_migrations(db) -> None:  # type: ignore[no-untyped-def]
    with db.engine.connect() as connection:
        context = MigrationContext.configure(
            connection,
            opts={
                "include_object": _env_include_object(),
                "compare_type": True,
                "render_as_batch": True,
                "target_metadata": Base.metadata,
            },
        )
        assert compare_metadata(context, Base.metadata) == []


def test_the_include_object_filter_only_hides_the_search_tables() -> None:
    include = _env_include_object()
    assert include(None, "initiative", "table", True, None)
    assert not include(None, search.FTS_TABLE, "table", True, None)
    assert not include(None, search.FTS_TABLE + "_data", "table", True, None)


# ------------------------------------------------------------------ refusing files


def test_a_database_of_a_newer_version_is_refused_and_left_untouched(
    run_cli,  # type: ignore[no-untyped-def]
    db_path: Path,
) -> None:
    db = open_database(str(db_path))
    factories.initiative(db)
    db.dispose()
    stamp(db_path, "ffff_future")
    assert no_sidecars(db_path)
    before = sha256(db_path)

    with pytest.raises(NewerSchemaError):
        open_database(str(db_path))
    for command in (["check"], ["list"], ["list", "--format", "json"], ["init"], ["demo"]):
        result = run_cli("--db", str(db_path), *command)
        assert result.code == 4, (command, result)
        assert "ffff_future" in result.err
        assert "newer version" in result.err
        assert len(result.err.strip().splitlines()) == 1
        assert "Traceback" not in result.err
        assert result.out == ""
    assert sha256(db_path) == before
    assert no_sidecars(db_path)
    assert not list(paths.backups_dir().iterdir())


def test_the_newer_version_message_is_danish_with_lang_da(run_cli, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    open_database(str(db_path)).dispose()
    stamp(db_path, "ffff_future")
    result = run_cli("--db", str(db_path), "--lang", "da", "check")
    assert result.code == 4
    assert "nyere version" in result.err


def _failing_migrations(tmp_path: Path) -> Path:
    """A copy of migrations/ with a revision after head that creates a table, then fails."""
    location = tmp_path / "migrations"
    shutil.copytree(paths.migrations_dir(), location, ignore=shutil.ignore_patterns("__pycache__"))
    head = head_revision()
    (location / "versions" / "0099_broken.py").write_text(
        f'''"""a migration that fails half-way"""
from alembic import op
import sqlalchemy as sa

revision = "0099_broken"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("half_done", sa.Column("id", sa.Integer(), primary_key=True))
    op.execute("INSERT INTO half_done (id) VALUES (1)")
    op.execute("DELETE FROM initiative")
    raise RuntimeError("simulated failure in 0099")


def downgrade() -> None:
    pass
'''
    )
    return location


def test_a_failing_migration_leaves_the_file_byte_for_byte_as_before(
    tmp_path: Path, db_path: Path
) -> None:
    db = open_database(str(db_path))
    factories.full_initiative(db)
    db.dispose()
    assert no_sidecars(db_path)
    before = sha256(db_path)
    broken = _failing_migrations(tmp_path)
    assert head_revision(broken) == "0099_broken"

    with pytest.raises(MigrationFailedError) as caught:
        open_database(str(db_path), script_location=broken)
    assert "simulated failure" in caught.value.message()
    assert caught.value.exit_code == 4

    assert sha256(db_path) == before
    assert no_sidecars(db_path)
    # a backup was taken before the attempt, and the restored file still opens normally
    assert len(list(paths.backups_dir().glob("*.sqlite"))) == 1
    db = open_database(str(db_path))
    try:
        assert portfolio_query.count(db) == 1
    finally:
        db.dispose()


def test_a_failing_migration_of_a_new_file_leaves_no_file(tmp_path: Path, db_path: Path) -> None:
    with pytest.raises(MigrationFailedError):
        open_database(str(db_path), script_location=_failing_migrations(tmp_path))
    assert not db_path.exists()
    assert no_sidecars(db_path)


def _other_programs_db(path: Path) -> None:
    connection = sqlite3.connect(path)
    with connection:
        connection.execute("CREATE TABLE recipes (id INTEGER PRIMARY KEY, name TEXT)")
        connection.execute("INSERT INTO recipes (name) VALUES ('æblekage')")
    connection.close()


@pytest.mark.parametrize(
    "make",
    [
        pytest.param(lambda p: p.write_bytes(b""), id="empty file"),
        pytest.param(lambda p: p.write_text("name,title\nx,y\n"), id="csv text"),
        pytest.param(lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(500)), id="binary"),
        pytest.param(lambda p: p.write_bytes(b"SQLite format 3\x00" + b"\xff" * 200), id="damaged"),
        pytest.param(_other_programs_db, id="another program's sqlite"),
    ],
)
def test_files_that_are_not_a_coprod_database_are_refused_untouched(
    run_cli,  # type: ignore[no-untyped-def]
    tmp_path: Path,
    make: Callable[[Path], None],
) -> None:
    target = tmp_path / "not-ours.sqlite"
    make(target)
    before = sha256(target)
    with pytest.raises(DatabaseCorruptError):
        open_database(str(target))
    for command in (["check"], ["list"], ["init"]):
        result = run_cli("--db", str(target), *command)
        assert result.code == 4, (command, result)
        assert str(target) in result.err
        assert len(result.err.strip().splitlines()) == 1
        assert "Traceback" not in result.err
    assert sha256(target) == before
    assert no_sidecars(target)
    assert not list(paths.backups_dir().iterdir())


def test_another_programs_wal_database_is_refused_untouched(tmp_path: Path) -> None:
    """The file is checked before use on the connection that would then be used: a read that
    leaves a WAL database (and a rollback one, above) as it was, side files included."""
    target = tmp_path / "theirs.sqlite"
    connection = sqlite3.connect(target)
    connection.execute("PRAGMA journal_mode = WAL")
    with connection:
        connection.execute("CREATE TABLE recipes (id INTEGER PRIMARY KEY, name TEXT)")
        connection.execute("INSERT INTO recipes (name) VALUES ('æblekage')")
    connection.close()
    assert no_sidecars(target)
    before = sha256(target)
    with pytest.raises(DatabaseCorruptError):
        open_database(str(target))
    assert sha256(target) == before
    assert no_sidecars(target)
    assert not list(paths.backups_dir().iterdir())


def test_a_database_at_head_is_checked_on_the_connection_it_is_then_used_through(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Opening reads the file's schema once (issue 22: reading it a second time, to check the
    file before use, was a third of what opening 100,000 initiatives cost)."""
    made = open_database(str(db_path))
    factories.initiative(made)
    made.dispose()
    opened: list[object] = []
    real = sqlite3.connect

    def counting(*args: Any, **kwargs: Any) -> sqlite3.Connection:
        opened.append(args[0])
        return real(*args, **kwargs)

    # SQLAlchemy connects through sqlite3.dbapi2, the check through sqlite3
    monkeypatch.setattr(sqlite3, "connect", counting)
    monkeypatch.setattr(sqlite3.dbapi2, "connect", counting)
    db = open_database(str(db_path))
    try:
        assert portfolio_query.count(db) == 1
        with db.engine.connect() as connection:  # set up as every connection is
            assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
            assert connection.execute(text("SELECT lower('ØRUM')")).scalar() == "ørum"
    finally:
        db.dispose()
    assert len(opened) == 1
    assert no_sidecars(db_path)


def test_a_folder_is_not_a_database(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("--db", str(tmp_path), "list")
    assert result.code == 4
    assert "Traceback" not in result.err


def test_the_committed_fixture_is_what_make_fixtures_writes(tmp_path: Path) -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_fixtures", FIXTURES / "make_fixtures.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    fresh = tmp_path / "fresh.sqlite"
    module.make_0001(fresh)

    def dump(path: Path) -> list[str]:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            return list(connection.iterdump())
        finally:
            connection.close()

    assert dump(fresh) == dump(FIXTURE_0001)


def test_the_quick_revision_reading_agrees_with_alembic() -> None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from coprod_desktop.store.migrate import quick_revisions

    config = Config()
    config.set_main_option("script_location", str(paths.migrations_dir()))
    script = ScriptDirectory.from_config(config)
    graph = quick_revisions()
    assert graph is not None
    assert graph == {rev.revision: rev.down_revision for rev in script.walk_revisions()}
    assert head_revision() == script.get_current_head()


def test_a_merge_revision_falls_back_to_alembic(tmp_path: Path) -> None:
    from coprod_desktop.store.migrate import is_known_revision, quick_revisions

    location = tmp_path / "migrations"
    shutil.copytree(paths.migrations_dir(), location)
    head = head_revision()
    (location / "versions" / "0099_merge.py").write_text(
        f"revision = '0099_merge'\ndown_revision = ({head!r}, '0001_initial')\n"
        "def upgrade() -> None: ...\ndef downgrade() -> None: ...\n",
        "utf-8",
    )
    assert quick_revisions(location) is None
    assert head_revision(location) == "0099_merge"
    assert is_known_revision("0099_merge", location)
    assert not is_known_revision("9999_unknown", location)


def test_opening_a_database_at_the_current_schema_does_not_load_alembic(db_path: Path) -> None:
    import subprocess
    import sys

    open_database(str(db_path)).dispose()  # created (and migrated) here
    script = (
        "import sys\n"
        "from coprod_desktop.store.migrate import open_database\n"
        f"open_database({str(db_path)!r}).dispose()\n"
        "print('alembic' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False"


def test_an_upgraded_file_sorts_and_filters_by_its_new_lower_case_keys(old_db: Path) -> None:
    db = open_database(str(old_db))
    try:
        rows = portfolio_query.rows(db, sort="title")
        assert [r.title for r in rows] == sorted((r.title for r in rows), key=str.lower)
        with db.engine.connect() as connection:
            keys = connection.execute(
                text("SELECT title, title_key, owner, owner_key FROM initiative")
            )
            for title, title_key, owner, owner_key in keys:
                assert title_key == title.lower()
                assert owner_key == (owner.lower() if owner is not None else None)
        owner = next(r.owner for r in rows if r.owner)
        found = portfolio_query.rows(db, PortfolioFilter(owner=owner.upper()))
        assert owner in {r.owner for r in found}
    finally:
        db.dispose()


def test_an_upgraded_file_counts_the_open_pressures_it_already_had(old_db: Path) -> None:
    connection = sqlite3.connect(old_db)
    expected = dict(
        connection.execute(
            "SELECT i.reference, (SELECT count(*) FROM cross_pressure c"
            " WHERE c.initiative_id = i.id AND c.status != 'resolved') FROM initiative i"
        ).fetchall()
    )
    connection.close()
    assert any(expected.values())  # the fixture has open pressures to count
    db = open_database(str(old_db))
    try:
        assert {r.reference: r.open_pressures for r in portfolio_query.rows(db)} == expected
        ordered = portfolio_query.rows(db, sort="open_pressures", descending=True)
        assert ordered[0].open_pressures == max(expected.values())
    finally:
        db.dispose()


def test_an_upgraded_file_keeps_the_attention_facts_of_what_it_already_had(
    old_db: Path,
) -> None:
    from coprod_desktop.services import portfolio_assessment

    db = open_database(str(old_db))
    try:
        ids = portfolio_query.ids(db)
        for today in (date(2024, 1, 1), date.today(), date(2030, 1, 1)):
            reference = {i: a.keys for i, a in portfolio_assessment.assess(db, ids, today).items()}
            assert any(reference.values())  # the fixture has signals to find
            assert portfolio_assessment.attention_keys(db, ids, today) == reference
    finally:
        db.dispose()


def test_an_upgraded_file_hands_out_references_past_the_ones_it_already_had(old_db: Path) -> None:
    connection = sqlite3.connect(old_db)
    references = [row[0] for row in connection.execute("SELECT reference FROM initiative")]
    connection.close()
    largest: dict[int, int] = {}
    for reference in references:
        _, year, number = reference.split("-")
        largest[int(year)] = max(largest.get(int(year), 0), int(number))
    db = open_database(str(old_db))
    try:
        with db.reading() as reading:
            counters = dict(reading.execute(text("SELECT year, last FROM reference_counter")).all())
        assert counters == largest
        year = max(largest)
        with db.session() as session:
            assert initiatives.next_reference(session, year) == f"CP-{year}-{largest[year] + 1:03d}"
    finally:
        db.dispose()
