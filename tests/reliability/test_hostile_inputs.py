"""One test per class of hostile input that once ended in "internal error", exit 1.

Every command here must answer with one line in the chosen language and exit 3 (bad input) or
4 (database or file), and write nothing. `run_cli` (conftest) fails any test on an exit 1 or an
"internal error", whatever the test expected.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from coprod_desktop import paths
from coprod_desktop.services import exchange, initiatives
from coprod_desktop.store.migrate import open_database
from tests.reliability.helpers import dump, one_or_two_lines

DEMO = str(paths.resource_path("demo", "demo_en.json"))


@pytest.fixture
def demo_path(db_path: Path, head_template: Path, run_cli: Any) -> Path:
    import shutil

    shutil.copyfile(head_template, db_path)
    db = open_database(str(db_path))
    exchange.load_demo(db)
    db.dispose()
    return db_path


def _one_line(err: str) -> bool:
    return len([line for line in err.strip().splitlines() if line.strip()]) == 1


def _refused(result: Any, code: int, *words: str) -> None:
    assert result.code == code, result
    assert _one_line(result.err), result.err
    for word in words:
        assert word in result.err, (word, result.err)


def _document(**resource: Any) -> dict[str, Any]:
    return {
        "format": "coprod-interchange",
        "version": 1,
        "stakeholders": [],
        "initiatives": [
            {
                "key": "i1",
                "title": "Havnebadet",
                "sector": "harbours",
                "status": "active",
                "resources": [{"kind": "in_kind", "unit": "boats", **resource}],
            }
        ],
    }


def _import_text(run_cli: Any, db: Path, folder: Path, text: str, *extra: str) -> Any:
    source = folder / "input.json"
    source.write_text(text, "utf-8")
    return run_cli(*extra, "--db", str(db), "import", str(source))


# ------------------------------------------------------------------ ids beyond SQLite


@pytest.mark.parametrize("ident", [str(2**63), "9" * 30, "9" * 5000, "²"])
def test_ids_too_large_for_sqlite_are_not_found(
    demo_path: Path, run_cli: Any, tmp_path: Path, ident: str
) -> None:
    before = dump(demo_path)
    db = ["--db", str(demo_path)]
    for args in (
        ["show", ident],
        ["history", ident],
        ["report", "brief", ident, "-o", str(tmp_path / "b.pdf")],
    ):
        _refused(run_cli(*db, *args), 3, "no initiative")
    if ident.isascii():  # `person` takes a number
        for args in (
            ["person", "show", ident, "--purpose", "x"],
            ["person", "export", ident, "-o", str(tmp_path / "a")],
            ["person", "erase", ident, "--reason", "x"],
            ["person", "log", ident],
        ):
            _refused(run_cli(*db, *args), 3, "no stakeholder")
    assert run_cli("--lang", "da", *db, "show", str(2**64)).err.startswith("fejl: ")
    assert dump(demo_path) == before
    assert not list(tmp_path.glob("*.pdf")) and not list(tmp_path.glob("a.*"))


# ------------------------------------------------------------------ arguments not UTF-8


def test_arguments_that_are_not_utf8_are_refused(
    demo_path: Path, run_cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = dump(demo_path)
    bad = os.fsdecode(b"Havn\xff\xfe")  # what Python makes of bytes that are not UTF-8
    for args in (
        ["list", "--search", bad],
        ["list", "--owner", bad],
        ["show", bad],
        ["import", bad + ".json"],
        ["person", "show", "1", "--purpose", bad],
        ["export", "-o", bad + ".json"],
    ):
        _refused(run_cli("--db", str(demo_path), *args), 3, "not valid UTF-8", "\\xff\\xfe")
    result = run_cli("--lang", "da", "--db", bad + ".sqlite", "list")
    _refused(result, 3, "gyldig UTF-8")
    for name in ("COPROD_USER", "COPROD_DB", "COPROD_MUNICIPALITY"):  # settings, too
        with monkeypatch.context() as patched:
            patched.setenv(name, bad)
            result = run_cli("--db", str(demo_path), "person", "show", "1", "--purpose", "x")
        _refused(result, 3, name, "not valid UTF-8")
    assert dump(demo_path) == before
    assert not list(demo_path.parent.glob("Havn*"))

    # the same from a real shell: the bytes as the operating system passes them
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).parents[2]))
    command: list[Any] = [sys.executable, "-m", "coprod_desktop.cli", "--db", str(demo_path)]
    done = subprocess.run(
        [*command, "list", "--search", os.fsencode(bad)],
        capture_output=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 3, done.stderr
    assert _one_line(done.stderr.decode())


# ------------------------------------------------------------------ deeply nested JSON


@pytest.mark.parametrize("depth", [100_000, 900, 65])
def test_deeply_nested_json_is_refused(
    demo_path: Path, run_cli: Any, tmp_path: Path, depth: int
) -> None:
    before = dump(demo_path)
    nested = "[" * depth + "]" * depth
    document = json.dumps(_document(amount=1)).replace('"Havnebadet"', nested)
    result = _import_text(run_cli, demo_path, tmp_path, document)
    _refused(result, 3, "deep")
    assert dump(demo_path) == before
    # a whole document that deep, and the same in Danish
    result = _import_text(run_cli, demo_path, tmp_path, nested, "--lang", "da")
    _refused(result, 3, "niveauer")
    assert dump(demo_path) == before


def test_ordinary_nesting_still_imports(demo_path: Path, run_cli: Any, tmp_path: Path) -> None:
    result = _import_text(run_cli, demo_path, tmp_path, json.dumps(_document(amount=3)))
    assert result.code == 0, result.err


# ------------------------------------------------------------------ numbers


@pytest.mark.parametrize(
    "number", ["1e400", "-1e400", "Infinity", "-Infinity", "NaN", "9" * 400, "9" * 5000]
)
def test_numbers_too_large_for_a_float_or_infinite_are_refused(
    demo_path: Path, run_cli: Any, tmp_path: Path, number: str
) -> None:
    before = dump(demo_path)
    text = json.dumps(_document(amount=0)).replace('"amount": 0', f'"amount": {number}')
    result = _import_text(run_cli, demo_path, tmp_path, text)
    _refused(result, 3)
    assert "amount" in result.err or "digits" in result.err
    assert dump(demo_path) == before


# ------------------------------------------------------------------ lone surrogates


@pytest.mark.parametrize(
    "where",
    ['"title": "Havn\\ud800"', '"title": "\\udfff"', '"Havn\\udc80": 1'],
)
def test_lone_surrogate_escapes_in_json_are_refused(
    demo_path: Path, run_cli: Any, tmp_path: Path, where: str
) -> None:
    before = dump(demo_path)
    text = json.dumps(_document(amount=1)).replace('"title": "Havnebadet"', where)
    result = _import_text(run_cli, demo_path, tmp_path, text)
    _refused(result, 3, "surrogate")
    assert dump(demo_path) == before
    # a surrogate pair is one character (🌊) and imports
    paired = json.dumps(_document(amount=1)).replace("Havnebadet", "Havn \\ud83c\\udf0a")
    result = _import_text(run_cli, demo_path, tmp_path, paired)
    assert result.code == 0, result.err
    db = open_database(str(demo_path))
    try:
        titles = {d["title"] for d in exchange.export_document(db)["initiatives"]}
    finally:
        db.dispose()
    assert "Havn 🌊" in titles


# ------------------------------------------------------------------ amounts that break briefs


def test_amounts_that_would_break_the_briefs_are_refused_at_import(
    demo_path: Path, run_cli: Any, tmp_path: Path
) -> None:
    before = dump(demo_path)
    for amount in (1e300, 1.7e308, 10**12 + 1):
        result = _import_text(run_cli, demo_path, tmp_path, json.dumps(_document(amount=amount)))
        _refused(result, 3, "amount", "at most")
        assert dump(demo_path) == before
    sheet = tmp_path / "budget.csv"
    sheet.write_text("title,sector,status,budget_dkk\nHavn,harbours,active,2000000000000\n")
    result = run_cli("--db", str(demo_path), "import", str(sheet))
    assert result.code == 3 and "at most" in result.err, result
    assert dump(demo_path) == before

    # the largest allowed amount, many times over, still makes every brief and export
    document = _document(amount=10**12)
    resources = document["initiatives"][0]["resources"]
    resources += [{"kind": "municipal_budget", "unit": "DKK", "amount": 10**12}] * 50
    resources += [{"kind": "volunteer_hours", "unit": "hours", "amount": 999_999_999_999.99}] * 50
    result = _import_text(run_cli, demo_path, tmp_path, json.dumps(document))
    assert result.code == 0, result.err
    db = ["--db", str(demo_path)]
    listed = json.loads(run_cli(*db, "list", "--format", "json").out)
    reference = next(row["reference"] for row in listed if row["title"] == "Havnebadet")
    for args in (
        ["report", "brief", reference, "-o", str(tmp_path / "brief.pdf")],
        ["report", "portfolio", "-o", str(tmp_path / "portfolio.pdf")],
        ["report", "committee", "-o", str(tmp_path / "committee.pdf")],
        ["export", "-o", str(tmp_path / "all.xlsx")],
        ["export", "-o", str(tmp_path / "all.csv")],
        ["show", reference, "--format", "json"],
    ):
        result = run_cli(*db, *args)
        assert result.code == 0, (args, result.err)


# ------------------------------------------------------------------ symbolic link loops


def test_symlink_loops_are_refused(demo_path: Path, run_cli: Any, tmp_path: Path) -> None:
    before = dump(demo_path)
    loops = {}
    for name in ("loop.sqlite", "loop.json", "loop.pdf", "loop.csv"):
        link = tmp_path / name
        link.symlink_to(link)
        loops[name] = str(link)
    _refused(run_cli("--db", loops["loop.sqlite"], "list"), 4, "points back to itself")
    _refused(run_cli("--db", loops["loop.sqlite"], "init"), 4, "points back to itself")
    db = ["--db", str(demo_path)]
    _refused(run_cli(*db, "import", loops["loop.json"]), 3, "loop.json")
    _refused(run_cli(*db, "export", "-o", loops["loop.json"]), 4, "points back to itself")
    _refused(run_cli(*db, "export", "-o", loops["loop.csv"]), 4, "points back to itself")
    _refused(
        run_cli(*db, "report", "portfolio", "-o", loops["loop.pdf"]), 4, "points back to itself"
    )
    _refused(run_cli(*db, "backup", "-o", loops["loop.sqlite"]), 4, "points back to itself")
    assert dump(demo_path) == before
    assert not list(tmp_path.glob(".*.part"))


# ------------------------------------------------------------------ database addresses


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("mysql://someone@db.example/portfolio", ["'mysql' databases are not supported"]),
        ("oracle+cx_oracle://u@h/db", ["not supported"]),
        ("sqlite+pysqlcipher:///tmp/x.sqlite", ["not supported"]),
        ("frobnicate://", ["malformed"]),
        ("postgresql+psycopg://kim:hemmelig@host:notaport/db", ["malformed"]),
        ("://nothing", ["malformed"]),
    ],
)
def test_database_urls_of_unsupported_kinds_or_malformed_are_refused(
    run_cli: Any, url: str, words: list[str]
) -> None:
    for command in (["list"], ["init"], ["check"]):
        result = run_cli("--db", url, *command)
        _refused(result, 4, *words)
        assert "hemmelig" not in result.err  # a password never shows
    assert "understøttes ikke" in run_cli("--lang", "da", "--db", "mysql://x@y/z", "list").err


# ------------------------------------------------------------------ read commands, no database


def test_read_commands_on_a_missing_database_create_nothing(run_cli: Any, tmp_path: Path) -> None:
    missing = tmp_path / "nowhere" / "portfolio.sqlite"
    db = ["--db", str(missing)]
    for args in (
        ["list"],
        ["show", "CP-2024-001"],
        ["export", "-o", str(tmp_path / "out.json")],
        ["check"],
        ["history", "1"],
        ["report", "portfolio", "-o", str(tmp_path / "out.pdf")],
        ["backup", "-o", str(tmp_path / "copy.sqlite")],
        ["person", "list"],
        ["retention"],
    ):
        result = run_cli(*db, *args)
        _refused(result, 4, "no database", "init")
    assert not missing.exists() and not missing.parent.exists()
    assert not list(tmp_path.glob("out.*")) and not (tmp_path / "copy.sqlite").exists()
    assert "opret den" in run_cli("--lang", "da", *db, "list").err
    # the commands that create a portfolio still do
    assert run_cli(*db, "init").code == 0 and missing.exists()
    assert run_cli(*db, "list").code == 0


# ------------------------------------------------------------------ searches without words


@pytest.mark.parametrize("query", ["!!!", "- -", " . ", "“—”", "&&&|", "*"])
def test_a_search_without_letters_or_digits_finds_nothing(
    demo_path: Path, run_cli: Any, tmp_path: Path, query: str
) -> None:
    search = "--search=" + query  # "--" alone would end the options otherwise
    result = run_cli("--db", str(demo_path), "list", search, "--format", "json")
    assert result.code == 0, result.err
    assert json.loads(result.out) == []
    out = tmp_path / "found.json"
    assert run_cli("--db", str(demo_path), "export", search, "-o", str(out)).code == 0
    assert json.loads(out.read_text("utf-8"))["initiatives"] == []
    # a word still finds what it should
    result = run_cli("--db", str(demo_path), "list", "--search", "harbour", "--format", "json")
    assert len(json.loads(result.out)) >= 1
    assert initiatives.as_id("12") == 12 and initiatives.as_id(query) is None


def test_every_hostile_class_answers_in_one_or_two_lines_without_a_traceback(
    demo_path: Path, run_cli: Any, tmp_path: Path
) -> None:
    """A sweep over one input of every class: never exit 1, always a short message."""
    loop = tmp_path / "loop.json"
    loop.symlink_to(loop)
    cases = [
        ["--db", str(demo_path), "show", "9" * 40],
        ["--db", str(demo_path), "list", "--search", os.fsdecode(b"\xff")],
        ["--db", str(demo_path), "export", "-o", str(loop)],
        ["--db", "mysql://x@y/z", "list"],
        ["--db", str(tmp_path / "none.sqlite"), "check"],
    ]
    for args in cases:
        result = run_cli(*args)
        assert result.code in (3, 4), (args, result)
        assert one_or_two_lines(result.err), result.err
