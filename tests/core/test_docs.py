"""References stay true: docs/architecture.md and the code's docstrings and comments name only
files, tests and symbols that exist in the repository."""

from __future__ import annotations

import ast
import functools
import io
import re
import tokenize
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ARCHITECTURE = ROOT / "docs" / "architecture.md"
#: folders a path in the docs may start with; the layer folders are relative to the package
PACKAGE_FOLDERS = ("domain/", "store/", "services/", "reports/", "ui/")

# A path in backticks, alone: `store/search.py`, `services/convert.INITIATIVE_SCALARS`.
_BACKTICKED_PATH = re.compile(r"`([\w.{},-]*/[\w./{},-]*)`")
# A test or symbol in a file: `tests/ui/test_app.py::test_x`, `test_vocab.py::test_y`, `::test_z`.
_QUALIFIED = re.compile(r"`([\w./-]*)::(\w+)`")


def _expand_braces(text: str) -> list[str]:
    """`coprod_{da,en}.ts` -> both names (one pair of braces is enough here)."""
    match = re.search(r"\{([^{}]*)\}", text)
    if match is None:
        return [text]
    return [text[: match.start()] + part + text[match.end() :] for part in match[1].split(",")]


def _candidates(name: str) -> list[Path]:
    name = name.rstrip("/")
    places = [ROOT / name]
    if (name + "/").startswith(PACKAGE_FOLDERS):
        places.append(ROOT / "coprod_desktop" / name)
    return places


def _resolve(reference: str) -> str | None:
    """None when `reference` names an existing file or folder, or a module and a name it
    defines (`store/migrate.open_database`); else what is wrong."""
    for name in _expand_braces(reference):
        if any(place.exists() for place in _candidates(name)):
            continue
        module, _, symbol = name.partition(".")
        files = [p for p in _candidates(module + ".py") if p.is_file()]
        if not files:
            return f"{name}: no such file"
        if not symbol:  # a module named without its suffix: `services/exchange`
            continue
        last = symbol.split(".")[-1]
        if not re.search(rf"\b{re.escape(last)}\b", files[0].read_text("utf-8")):
            return f"{name}: {module}.py has no {last}"
    return None


def _test_files(name: str) -> list[Path]:
    if "/" in name:
        return [p for p in _candidates(name) if p.is_file()]
    return sorted((ROOT / "tests").rglob(name))


@functools.cache
def _parsed(path: Path) -> ast.Module:
    return ast.parse(path.read_text("utf-8"))


@functools.cache
def _defines(path: Path, name: str) -> bool:
    tree = _parsed(path)
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.ClassDef) and node.name == name:
            return True
        if isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if any(isinstance(t, ast.Name) and t.id == name for t in targets):
                return True
    return False


def test_the_architecture_names_only_files_that_exist() -> None:
    text = ARCHITECTURE.read_text("utf-8")
    found = _BACKTICKED_PATH.findall(text)
    assert len(found) > 50  # the pattern sees the document's paths
    problems = [problem for ref in found if (problem := _resolve(ref)) is not None]
    assert problems == []


def test_the_architecture_names_only_tests_and_symbols_that_exist() -> None:
    text = ARCHITECTURE.read_text("utf-8")
    found = _QUALIFIED.findall(text)
    assert len(found) > 20
    every_test_file = sorted((ROOT / "tests").rglob("test_*.py"))
    problems = []
    for file_name, name in found:
        files = _test_files(file_name) if file_name else every_test_file
        if not files:
            problems.append(f"{file_name}: no such file")
        elif not any(_defines(path, name) for path in files):
            problems.append(f"{file_name or 'tests'}::{name} not defined")
    assert problems == []


def test_the_checks_would_see_a_missing_file_and_a_missing_test() -> None:
    assert _resolve("store/search.py") is None
    assert _resolve("services/convert.INITIATIVE_SCALARS") is None
    assert _resolve("resources/translations/coprod_{da,en}.ts") is None
    assert _resolve("store/no_such_module.py") is not None
    assert _resolve("store/search.no_such_function") is not None
    assert not any(_defines(p, "test_no_such_test") for p in _test_files("test_vocab.py"))


# ------------------------------------------------------------------ the code's own references

# A repository path in a comment or docstring: tests/…, docs/…, resources/…, migrations/…
_CITED_PATH = re.compile(
    r"(?<![\w/.])((?:tests|docs|resources|migrations|packaging|coprod_desktop)/[\w./<>{}*-]*[\w/])"
)
# A file kept outside the repository, which a reader of the code cannot open.
_OUTSIDE = re.compile(r"\bDESIGN\.md\b|\.\./shared\b")

#: stale references in files other work is changing right now; each one fixed leaves this list
KNOWN_STALE: set[tuple[str, str]] = set()


def _prose(source: str) -> list[str]:
    """The comments and docstrings of a Python file (not its string literals)."""
    texts = [
        token.string
        for token in tokenize.generate_tokens(io.StringIO(source).readline)
        if token.type == tokenize.COMMENT
    ]
    tree = ast.parse(source)
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            docstring = ast.get_docstring(node, clean=False)
            if docstring:
                texts.append(docstring)
    return texts


def _stale_references(path: Path, base: Path = ROOT) -> set[tuple[str, str]]:
    """(file, cited) for every path cited in `path`'s prose that the repository lacks."""
    where = path.relative_to(base).as_posix()
    found: set[tuple[str, str]] = set()
    for text in _prose(path.read_text("utf-8")):
        for cited in _CITED_PATH.findall(text):
            if any(mark in cited for mark in "<>{}*"):
                continue  # a pattern such as field-guide.<lang>.md, not one file
            if not (ROOT / cited.rstrip("/.")).exists():
                found.add((where, cited))
        found |= {(where, match) for match in _OUTSIDE.findall(text)}
    return found


def test_docstrings_and_comments_cite_only_files_in_the_repository() -> None:
    files = [
        path
        for folder in ("coprod_desktop", "migrations", "tests", "packaging")
        for path in sorted((ROOT / folder).rglob("*.py"))
    ]
    assert len(files) > 100
    found = set().union(*(_stale_references(path) for path in files))
    assert found - KNOWN_STALE == set(), "cite a file in the repository or docs/architecture.md"
    assert KNOWN_STALE - found == set(), "fixed: remove it from KNOWN_STALE"


def test_the_scan_sees_a_stale_path_in_a_comment_but_not_in_code(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        '"""See DESIGN.md."""\n'
        "# checked by tests/core/test_nothing_here.py\n"
        'WHEEL = "coprod_desktop/resources/schema"  # code, not prose\n',
        "utf-8",
    )
    assert _stale_references(sample, tmp_path) == {
        ("sample.py", "DESIGN.md"),
        ("sample.py", "tests/core/test_nothing_here.py"),
    }
