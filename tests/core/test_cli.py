"""The headless `coprod` command: every command, exit codes, languages, where the data is."""

from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest

from coprod_desktop import paths
from coprod_desktop.domain import vocab as v
from coprod_desktop.services import exchange
from coprod_desktop.store.migrate import head_revision, open_database

LIST_KEYS = {"id", "reference", "title", "type", "sector", "status", "origin", "open_pressures",
             "attention"}  # fmt: skip


def demo_document(lang: str = "en") -> dict:  # type: ignore[type-arg]
    return json.loads(paths.resource_path("demo", f"demo_{lang}.json").read_text("utf-8"))


def one_line_error(result) -> None:  # type: ignore[no-untyped-def]
    assert len(result.err.strip().splitlines()) == 1, result.err
    assert "Traceback" not in result.err
    assert "internal error" not in result.err


def test_version_prints_the_package_version(run_cli) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("--version")
    assert result.code == 0
    assert result.out.strip() == f"coprod {metadata.version('coprod-desktop')}"


def test_init_creates_the_database_and_reports_the_revision(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "sub" / "new.sqlite"
    result = run_cli("--db", str(target), "init")
    assert result.code == 0, result.err
    assert target.exists()
    assert head_revision() in result.out and str(target) in result.out
    assert run_cli("--db", str(target), "init").code == 0  # idempotent


def test_demo_reports_what_it_loaded(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("--db", str(tmp_path / "d.sqlite"), "demo")
    assert result.code == 0
    document = demo_document()
    assert str(len(document["initiatives"])) in result.out
    assert str(len(document["stakeholders"])) in result.out


def test_demo_in_danish_loads_the_danish_portfolio(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = str(tmp_path / "d.sqlite")
    result = run_cli("--lang", "da", "--db", target, "demo")
    assert result.code == 0
    assert "demoporteføljen" in result.out
    listed = json.loads(run_cli("--db", target, "list", "--format", "json").out)
    assert {i["title"] for i in listed} == {i["title"] for i in demo_document("da")["initiatives"]}


def test_list_json_has_the_documented_keys_for_every_demo_initiative(run_cli, demo_db: str) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("--db", demo_db, "list", "--format", "json")
    assert result.code == 0, result.err
    listed = json.loads(result.out)
    document = demo_document()
    assert len(listed) == len(document["initiatives"])
    for item in listed:
        assert set(item) >= LIST_KEYS, item.keys()
        assert isinstance(item["id"], int)
        assert isinstance(item["attention"], list)
        assert all(isinstance(key, str) for key in item["attention"])
    by_reference = {i["reference"]: i for i in document["initiatives"]}
    for item in listed:
        source = by_reference[item["reference"]]
        assert item["title"] == source["title"]
        assert item["type"] == source.get("type")
        assert (item["sector"], item["status"], item["origin"]) == (
            source["sector"],
            source["status"],
            source.get("origin"),
        )
        assert item["open_pressures"] == sum(
            1 for p in source["cross_pressures"] if p["status"] != "resolved"
        )
    assert any(item["attention"] for item in listed)  # the demo shows some signals


def test_list_attention_finds_what_the_listed_signals_say(run_cli, demo_db: str) -> None:  # type: ignore[no-untyped-def]
    """`--attention` filters in SQL; each listed initiative's `attention` is the Python
    assessment: both must name the same initiatives, and the table counts the same signals."""
    from coprod_desktop.domain.assessment import SIGNAL_KEYS

    listed = json.loads(run_cli("--db", demo_db, "list", "--format", "json").out)
    for key in (*SIGNAL_KEYS, "any"):
        expected = {
            i["reference"]
            for i in listed
            if (i["attention"] if key == "any" else key in i["attention"])
        }
        found = run_cli("--db", demo_db, "list", "--attention", key, "--format", "json")
        assert found.code == 0, found.err
        assert {i["reference"] for i in json.loads(found.out)} == expected, key
    table = run_cli("--db", demo_db, "list").out
    for item in listed:
        line = next(row for row in table.splitlines() if row.startswith(item["reference"]))
        assert line.split()[-1] == str(len(item["attention"]))


def test_list_json_agrees_with_show_json(run_cli, demo_db: str) -> None:  # type: ignore[no-untyped-def]
    listed = json.loads(run_cli("--db", demo_db, "list", "--format", "json").out)
    for item in listed[:4]:
        shown = json.loads(
            run_cli("--db", demo_db, "show", str(item["id"]), "--format", "json").out
        )
        assert shown["reference"] == item["reference"]
        assert shown["attention"] == item["attention"]


def test_list_table_in_english_and_danish(run_cli, demo_db: str) -> None:  # type: ignore[no-untyped-def]
    document = demo_document()
    english = run_cli("--db", demo_db, "list")
    assert english.code == 0
    assert english.out.splitlines()[0].split()[:2] == ["Reference", "Title"]
    for item in document["initiatives"]:
        assert item["reference"] in english.out
    assert f"{len(document['initiatives'])} initiatives" in english.out
    danish = run_cli("--lang", "da", "--db", demo_db, "list")
    assert "Titel" in danish.out.splitlines()[0]
    assert f"{len(document['initiatives'])} initiativer" in danish.out
    assert v.Sector.HARBOURS.da in danish.out


@pytest.mark.parametrize(
    ("option", "value", "keep"),
    [
        ("--type", "coordination", lambda i: i.get("type") == "coordination"),
        ("--type", "unclassified", lambda i: i.get("type") is None),
        ("--type", "empowerment,unclassified", lambda i: i.get("type") in ("empowerment", None)),
        ("--sector", "harbours", lambda i: i["sector"] == "harbours"),
        ("--status", "active,paused", lambda i: i["status"] in ("active", "paused")),
        ("--origin", "protest_response", lambda i: i.get("origin") == "protest_response"),
        (
            "--pressure",
            "unclear_mandate",
            lambda i: any(
                p["category"] == "unclear_mandate" and p["status"] != "resolved"
                for p in i["cross_pressures"]
            ),
        ),
    ],
)
def test_list_filters(run_cli, demo_db: str, option: str, value: str, keep) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("--db", demo_db, "list", "--format", "json", option, value)
    assert result.code == 0, result.err
    expected = {i["reference"] for i in demo_document()["initiatives"] if keep(i)}
    assert expected  # the demo has examples of each
    assert {i["reference"] for i in json.loads(result.out)} == expected


def test_list_search_and_owner(run_cli, demo_db: str) -> None:  # type: ignore[no-untyped-def]
    document = demo_document()
    first = document["initiatives"][0]
    word = first["title"].split()[0]
    result = run_cli("--db", demo_db, "list", "--format", "json", "--search", word)
    assert first["reference"] in {i["reference"] for i in json.loads(result.out)}
    owner = first["owner"]
    result = run_cli("--db", demo_db, "list", "--format", "json", "--owner", owner.upper())
    assert {i["reference"] for i in json.loads(result.out)} == {
        i["reference"] for i in document["initiatives"] if i.get("owner") == owner
    }


def test_list_with_no_matches_says_so(run_cli, demo_db: str) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("--db", demo_db, "list", "--search", "zzzqqqxxx")
    assert result.code == 0
    assert "no initiatives match" in result.out
    as_json = run_cli("--db", demo_db, "list", "--search", "zzzqqqxxx", "--format", "json")
    assert json.loads(as_json.out) == []


def test_an_unknown_filter_value_exits_3(run_cli, demo_db: str) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("--db", demo_db, "list", "--sector", "harbour")
    assert result.code == 3
    assert "harbour" in result.err
    one_line_error(result)


def test_show_text_and_json(run_cli, demo_db: str) -> None:  # type: ignore[no-untyped-def]
    first = demo_document()["initiatives"][0]
    text = run_cli("--db", demo_db, "show", first["reference"])
    assert text.code == 0
    assert first["title"] in text.out
    assert "Stakeholders" in text.out
    danish = run_cli("--lang", "da", "--db", demo_db, "show", first["reference"])
    assert "Aktører" in danish.out
    shown = json.loads(run_cli("--db", demo_db, "show", first["reference"], "--format", "json").out)
    assert {"id", "suggested_type", "attention", "completeness"} <= set(shown)
    assert shown["title"] == first["title"]
    assert len(shown["stakeholders"]) == len(first["stakeholders"])
    assert all(isinstance(s["stakeholder"], dict) for s in shown["stakeholders"])


def test_show_in_danish_writes_danish_numbers_units_dates_and_signals(run_cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    document = {
        "format": "coprod-interchange",
        "version": 1,
        "stakeholders": [],
        "initiatives": [
            {
                "key": "i1",
                "title": "Havnebad",
                "sector": "harbours",
                "status": "active",
                "resources": [
                    {
                        "kind": "external_funding",
                        "amount": 125000.5,
                        "unit": "DKK",
                        "planned": False,
                    },
                    {"kind": "volunteer_hours", "amount": 340.5, "unit": "hours", "planned": False},
                ],
                "journal": [{"date": "2026-03-01", "kind": "meeting", "summary": "Møde"}],
            }
        ],
    }
    source = tmp_path / "one.json"
    source.write_text(json.dumps(document), encoding="utf-8")
    db = str(tmp_path / "one.sqlite")
    assert run_cli("--db", db, "import", str(source)).code == 0
    reference = json.loads(run_cli("--db", db, "list", "--format", "json").out)[0]["reference"]
    danish = run_cli("--lang", "da", "--db", db, "show", reference)
    assert danish.code == 0
    assert "125.000,5 kr." in danish.out and "340,5 timer" in danish.out
    assert "1.3.2026 " in danish.out
    assert "intet mandat" in danish.out and "no_mandate" not in danish.out
    assert "DKK" not in danish.out and "hours" not in danish.out
    english = run_cli("--db", db, "show", reference)
    assert "DKK 125,000.5" in english.out and "no mandate" in english.out


def test_show_an_unknown_initiative_exits_3_in_the_chosen_language(run_cli, demo_db: str) -> None:  # type: ignore[no-untyped-def]
    english = run_cli("--db", demo_db, "show", "CP-1900-001")
    assert english.code == 3
    assert "CP-1900-001" in english.err and english.err.startswith("error:")
    one_line_error(english)
    danish = run_cli("--lang", "da", "--db", demo_db, "show", "CP-1900-001")
    assert danish.code == 3
    assert danish.err.startswith("fejl:") and "findes ikke" in danish.err


def test_coprod_lang_environment_variable(run_cli, demo_db: str, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("COPROD_LANG", "da")
    assert "findes ikke" in run_cli("--db", demo_db, "show", "CP-1900-001").err


def test_export_with_filters_writes_only_those(run_cli, demo_db: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "harbours.json"
    result = run_cli("--db", demo_db, "export", "-o", str(out), "--sector", "harbours")
    assert result.code == 0, result.err
    written = json.loads(out.read_text("utf-8"))
    expected = [i for i in demo_document()["initiatives"] if i["sector"] == "harbours"]
    assert {i["reference"] for i in written["initiatives"]} == {i["reference"] for i in expected}
    assert str(len(expected)) in result.out
    # only the stakeholders they use go along, and the file imports on its own
    used = {s["stakeholder"] for i in written["initiatives"] for s in i["stakeholders"]}
    assert used <= {s["key"] for s in written["stakeholders"]}
    _, _, problems = exchange.check_document(written)
    assert problems == []


def test_export_to_an_unsupported_suffix_exits_3(run_cli, demo_db: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("--db", demo_db, "export", "-o", str(tmp_path / "x.docx"))
    assert result.code == 3
    one_line_error(result)
    assert not (tmp_path / "x.docx").exists()


def test_backup_is_a_consistent_copy_with_the_same_initiatives(
    run_cli,  # type: ignore[no-untyped-def]
    demo_db: str,
    tmp_path: Path,
) -> None:
    copy = tmp_path / "backup" / "copy.sqlite"
    copy.parent.mkdir()
    result = run_cli("--db", demo_db, "backup", "-o", str(copy))
    assert result.code == 0, result.err
    assert str(copy) in result.out
    original = open_database(demo_db)
    restored = open_database(str(copy))
    try:
        assert exchange.export_document(restored) == exchange.export_document(original)
    finally:
        original.dispose()
        restored.dispose()
    assert run_cli("--db", str(copy), "check").code == 0
    onto_itself = run_cli("--db", demo_db, "backup", "-o", demo_db)
    assert onto_itself.code == 4
    one_line_error(onto_itself)


def test_check_reports_integrity_revision_and_count(run_cli, demo_db: str) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("--db", demo_db, "check")
    assert result.code == 0
    assert "integrity: ok" in result.out
    assert head_revision() in result.out
    assert str(len(demo_document()["initiatives"])) in result.out


def test_check_of_a_damaged_file_exits_4(run_cli, demo_db: str) -> None:  # type: ignore[no-untyped-def]
    settle = sqlite3.connect(demo_db)
    settle.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    settle.close()
    data = bytearray(Path(demo_db).read_bytes())
    half = len(data) // 2
    data[half:] = b"\x00garbage" * ((len(data) - half) // 8) + b"\x00" * ((len(data) - half) % 8)
    Path(demo_db).write_bytes(bytes(data))
    result = run_cli("--db", demo_db, "check")
    assert result.code == 4
    one_line_error(result)


def test_a_locked_database_exits_4(run_cli, demo_db: str, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("COPROD_BUSY_TIMEOUT_MS", "300")  # wait less than the default for the lock
    new_file = tmp_path / "new.json"
    new_file.write_text(
        json.dumps(
            {
                "format": "coprod-interchange",
                "version": 1,
                "stakeholders": [],
                "initiatives": [{"key": "i1", "title": "Ny", "sector": "other", "status": "idea"}],
            }
        )
    )
    blocker = sqlite3.connect(demo_db, timeout=0)
    try:
        blocker.execute("BEGIN EXCLUSIVE")
        result = run_cli("--db", demo_db, "import", str(new_file))
    finally:
        blocker.rollback()
        blocker.close()
    assert result.code == 4
    assert "in use" in result.err
    one_line_error(result)


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["frobnicate"],
        ["--lang", "fr", "list"],
        ["list", "--format", "xml"],
        ["show"],
        ["export"],
        ["import"],
        ["backup"],
    ],
)
def test_usage_errors_exit_2(run_cli, args: list[str], tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("--db", str(tmp_path / "u.sqlite"), *args)
    assert result.code == 2
    assert "usage:" in result.err
    assert "Traceback" not in result.err
    assert not (tmp_path / "u.sqlite").exists()


def test_db_falls_back_to_coprod_db_then_the_data_folder(
    run_cli,  # type: ignore[no-untyped-def]
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    isolated_data_dir: Path,
) -> None:
    from_env = tmp_path / "env.sqlite"
    monkeypatch.setenv("COPROD_DB", str(from_env))
    assert run_cli("init").code == 0
    assert from_env.exists()
    default = isolated_data_dir / "portfolio.sqlite"
    assert not default.exists()

    explicit = tmp_path / "explicit.sqlite"
    assert run_cli("--db", str(explicit), "init").code == 0
    assert explicit.exists()

    monkeypatch.delenv("COPROD_DB")
    result = run_cli("demo")
    assert result.code == 0
    assert default.exists()
    assert json.loads(run_cli("list", "--format", "json").out)
    assert json.loads(run_cli("--db", str(from_env), "list", "--format", "json").out) == []


# ------------------------------------------------------------------ the installed command


def _console_script() -> Path:
    script = Path(sys.executable).parent / ("coprod.exe" if os.name == "nt" else "coprod")
    assert script.exists(), "the project is not installed in this environment"
    return script


def test_the_installed_console_script_runs_demo_and_list(tmp_path: Path) -> None:
    target = tmp_path / "t.sqlite"
    env = {**os.environ, "COPROD_DATA_DIR": str(tmp_path / "data")}
    env.pop("COPROD_DB", None)
    demo = subprocess.run(
        [str(_console_script()), "--db", str(target), "demo"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert demo.returncode == 0, demo.stderr
    listed = subprocess.run(
        [str(_console_script()), "--db", str(target), "list", "--format", "json"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
    )
    assert listed.returncode == 0, listed.stderr
    items = json.loads(listed.stdout)
    assert len(items) == len(demo_document()["initiatives"])
    assert all(set(item) >= LIST_KEYS for item in items)


def test_list_does_not_import_pyside6(tmp_path: Path) -> None:
    target = tmp_path / "t.sqlite"
    code = (
        "import sys\n"
        "from coprod_desktop import cli\n"
        f"assert cli.main(['--db', {str(target)!r}, 'demo']) == 0\n"
        f"assert cli.main(['--db', {str(target)!r}, 'list', '--format', 'json']) == 0\n"
        f"assert cli.main(['--db', {str(target)!r}, 'show', 'CP-2024-001']) == 0\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6'))\n"
        "assert not loaded, loaded\n"
    )
    env = {**os.environ, "COPROD_DATA_DIR": str(tmp_path / "data")}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 0, result.stderr


def test_database_errors_in_danish_end_in_danish(run_cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    empty = tmp_path / "empty.sqlite"
    empty.write_bytes(b"")
    junk = tmp_path / "junk.sqlite"
    junk.write_text("not a database", encoding="utf-8")
    for target, ending in (
        (tmp_path, "det er en mappe"),
        (empty, "filen er tom"),
        (junk, "det er ikke en SQLite-database"),
    ):
        result = run_cli("--lang", "da", "--db", str(target), "list")
        assert result.code == 4
        assert result.err.startswith("fejl:") and result.err.strip().endswith(ending), result.err


def test_known_english_reasons_are_put_in_danish() -> None:
    from coprod_desktop.domain.messages import message

    cases = {
        "Permission denied": "adgang nægtet",
        "unable to open database file": "databasefilen kan ikke åbnes",
        "it is not empty (table initiative has rows); copy into a new database": (
            "den er ikke tom (tabellen initiative har rækker); kopiér til en ny database"
        ),
        'connection failed: connection to server at "db" failed: Connection refused': (
            "serveren afviste forbindelsen"
        ),
    }
    for english, danish in cases.items():
        assert message("db_unavailable", "da", where="x", reason=english).endswith(danish)
        assert message("db_unavailable", "en", where="x", reason=english).endswith(english)


def test_history_and_person_list_in_danish_use_danish_words_and_dates(
    run_cli, demo_db: str
) -> None:  # type: ignore[no-untyped-def]
    reference = demo_document()["initiatives"][0]["reference"]
    danish = run_cli("--lang", "da", "--db", demo_db, "history", reference)
    assert danish.code == 0
    first = danish.out.splitlines()[2]  # below the headings
    assert " importeret " in first and " import " not in first  # the demo's import event
    assert re.match(r"\d{1,2}\.\d{1,2}\.\d{4} \d\d:\d\d", first)
    persons = run_cli("--lang", "da", "--db", demo_db, "person", "list")
    assert re.search(r"\b\d{1,2}\.\d{1,2}\.20\d\d\b", persons.out)
    assert not re.search(r"\b20\d\d-\d\d-\d\d\b", persons.out)
