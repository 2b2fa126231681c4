"""The shape of the project: imports point one way, the wheel carries what the code needs."""

from __future__ import annotations

import ast
import importlib.util
import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "coprod_desktop"
QT_PACKAGES = ("PySide6", "shiboken6", "PyQt5", "PyQt6")


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"), str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute | ast.Name)
            and getattr(node.func, "attr", getattr(node.func, "id", "")) == "import_module"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            found.add(node.args[0].value)
    return found


def _python_files_outside_ui() -> list[Path]:
    files = [p for p in PACKAGE.rglob("*.py") if "ui" not in p.relative_to(PACKAGE).parts[:1]]
    files += list((ROOT / "migrations").rglob("*.py"))
    return sorted(files)


def test_the_scan_sees_the_core_and_would_see_a_qt_import(tmp_path: Path) -> None:
    files = {p.relative_to(ROOT).as_posix() for p in _python_files_outside_ui()}
    assert {"coprod_desktop/cli.py", "coprod_desktop/store/db.py"} <= files
    assert not any(f.startswith("coprod_desktop/ui/") for f in files)
    sample = tmp_path / "sample.py"
    sample.write_text("def f():\n    from PySide6.QtWidgets import QWidget\n")
    assert "PySide6.QtWidgets" in _imported_modules(sample)


def test_nothing_outside_ui_imports_qt() -> None:
    offenders = {
        path.relative_to(ROOT).as_posix(): sorted(
            m for m in _imported_modules(path) if m.split(".")[0] in QT_PACKAGES
        )
        for path in _python_files_outside_ui()
    }
    assert {path: mods for path, mods in offenders.items() if mods} == {}


# ------------------------------------------------------------------ no circle in ui/


def _ui_import_graph(folder: Path, package: str = "coprod_desktop.ui") -> dict[str, set[str]]:
    """module -> the modules of `folder` it imports, at any level and under TYPE_CHECKING too
    (`from coprod_desktop.ui import x`, `from . import x` and `import coprod_desktop.ui.x`)."""
    modules: dict[str, Path] = {}
    for path in folder.rglob("*.py"):
        parts = list(path.relative_to(folder).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        modules[".".join(parts)] = path
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        here = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
        targets: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text("utf-8"), str(path))):
            if isinstance(node, ast.Import):
                targets |= {alias.name for alias in node.names}
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = here[: len(here) - node.level + 1]
                    module = ".".join([package, *base, *([node.module] if node.module else [])])
                else:
                    module = node.module or ""
                targets |= {module} | {f"{module}.{alias.name}" for alias in node.names}
        found: set[str] = set()
        for target in targets:
            if not target.startswith(package + "."):
                continue
            short = target[len(package) + 1 :]
            while short and short not in modules:  # `ui.x.Name` -> `x`
                short = short.rpartition(".")[0]
            if short and short != name:
                found.add(short)
        graph[name] = found
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The groups of modules that import each other in a circle (Tarjan's strongly connected
    components with more than one member)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return groups


def test_the_ui_graph_sees_every_kind_of_import_and_finds_a_circle(tmp_path: Path) -> None:
    ui = tmp_path / "ui"
    (ui / "pkg").mkdir(parents=True)
    (ui / "__init__.py").write_text("")
    (ui / "window.py").write_text("from coprod_desktop.ui import child\n")
    (ui / "child.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
        "    from coprod_desktop.ui.window import Window\n"
    )
    (ui / "pkg" / "__init__.py").write_text("from . import part\n")
    (ui / "pkg" / "part.py").write_text("def f():\n    import coprod_desktop.ui.other\n")
    (ui / "other.py").write_text("from .pkg.part import f\n")
    graph = _ui_import_graph(ui)
    assert graph["window"] == {"child"} and graph["child"] == {"window"}
    assert graph["pkg"] == {"pkg.part"} and graph["pkg.part"] == {"other"}
    assert graph["other"] == {"pkg.part"}
    assert _cycles(graph) == [["child", "window"], ["other", "pkg.part"]]


def test_ui_modules_import_each_other_without_a_circle() -> None:
    """The main window makes the views and hands them what they need; no view imports the
    window (nor anything that leads back to it), not even for a type."""
    graph = _ui_import_graph(PACKAGE / "ui")
    assert {"main_window", "writer", "dashboard"} <= set(graph)
    assert "main_window" in graph["app"]  # the scan sees the real imports
    assert {"editor", "editor.widget", "editor.editor_base"} <= set(graph)  # and the editor package
    assert _cycles(graph) == []
    importing_the_window = sorted(s for s, t in graph.items() if "main_window" in t)
    assert importing_the_window == ["app"]


# ------------------------------------------------------------------ the wheel


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    command = [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out)]
    if importlib.util.find_spec("hatchling") is not None:
        command.append("--no-build-isolation")
    build = subprocess.run(
        [*command, str(ROOT)], capture_output=True, text=True, timeout=300, cwd=out
    )
    if (
        build.returncode != 0
        and "hatchling" in build.stderr
        and "--no-build-isolation" not in command
    ):
        pytest.skip(f"cannot build a wheel here (no hatchling): {build.stderr.splitlines()[-1:]}")
    assert build.returncode == 0, build.stderr
    (found,) = out.glob("coprod_desktop-*.whl")
    return found


@pytest.mark.slow
def test_the_wheel_ships_resources_and_migrations(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {
        "coprod_desktop/resources/schema/coprod-interchange.schema.json",
        "coprod_desktop/resources/demo/demo_en.json",
        "coprod_desktop/resources/demo/demo_da.json",
        "coprod_desktop/migrations/env.py",
        "coprod_desktop/migrations/script.py.mako",
    }
    expected |= {
        f"coprod_desktop/migrations/versions/{p.name}"
        for p in (ROOT / "migrations" / "versions").glob("*.py")
    }
    assert len([n for n in expected if "/versions/" in n]) >= 2
    assert expected - names == set()
    assert not any("__pycache__" in n for n in names)


@pytest.mark.slow
def test_an_unpacked_wheel_finds_its_resources_and_migrations(wheel: Path, tmp_path: Path) -> None:
    installed = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(installed)
    code = f"""
import sys
sys.path.insert(0, {str(installed)!r})
import coprod_desktop
from coprod_desktop import paths
from coprod_desktop.services import exchange, portfolio_query
from coprod_desktop.store.migrate import current_revision, head_revision, open_database
root = {str(installed)!r}
assert coprod_desktop.__file__.startswith(root), coprod_desktop.__file__
assert str(paths.resource_path("demo")).startswith(root)
assert str(paths.migrations_dir()).startswith(root)
db = open_database(sys.argv[1])
result = exchange.load_demo(db, "da")
print(json.dumps({{"created": result.created, "count": portfolio_query.count(db),
                   "revision": current_revision(db.engine), "head": head_revision()}}))
db.dispose()
"""
    env = {
        key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "COPROD_DB")
    }
    env["COPROD_DATA_DIR"] = str(tmp_path / "data")
    run = subprocess.run(
        [sys.executable, "-c", "import json\n" + code, str(tmp_path / "w.sqlite")],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,  # not the checkout
        env=env,
    )
    assert run.returncode == 0, run.stderr
    report = json.loads(run.stdout)
    demo = json.loads((ROOT / "resources" / "demo" / "demo_da.json").read_text("utf-8"))
    assert report["created"] == report["count"] == len(demo["initiatives"])
    assert report["revision"] == report["head"]


# Reports used to load their data through services and read the store's default user; that
# moved to services/briefs.py. The list may only shrink, and it is empty: it stays so.
REPORTS_KNOWN_REACHING_DOWN: dict[str, set[str]] = {}

#: of our own modules, what each layer may import (besides itself); `coprod_desktop` alone is
#: the package's `__version__`
LAYERS_MAY_IMPORT = {
    "domain": set(),
    "store": {"domain", "paths", "coprod_desktop"},
    # briefs.py loads a brief's data and hands it to reports/ to draw (imported in the function)
    "services": {"store", "domain", "paths", "reports", "coprod_desktop"},
    "reports": {"domain", "paths", "coprod_desktop"},
    "ui": {"services", "store", "domain", "reports", "paths", "coprod_desktop"},
    "cli.py": {"services", "store", "domain", "reports", "paths", "coprod_desktop"},
}
#: what the CLI may take from below services, exactly: opening a database (and the target of
#: `copy --to`), the schema revision `init` prints, refusing a missing file before opening it,
#: turning a database error that escaped a command into a sentence with exit 4; and the
#: plain number formatting `show` shares with the briefs (no ReportLab)
CLI_BELOW_SERVICES = {
    ("coprod_desktop.store.migrate", "open_database"),
    ("coprod_desktop.store.migrate", "current_revision"),
    ("coprod_desktop.store.db", "resolve_target"),
    ("coprod_desktop.store.db", "sqlite_path"),
    ("coprod_desktop.store.db", "to_url"),
    ("coprod_desktop.store.db", "translate_db_error"),
    ("coprod_desktop.reports.text", "exact_amount"),
}
#: the only store modules the GUI names: the open database's type and opening one
UI_FROM_STORE = {"coprod_desktop.store.db", "coprod_desktop.store.migrate"}
_SQL = re.compile(r"\b(SELECT\b.+\bFROM|INSERT INTO|UPDATE\s+\w+\s+SET|DELETE FROM)\b", re.S)


def _ours_named(path: Path) -> set[tuple[str, str]]:
    """(module, name) for every import of ours in `path`, at any level; `from coprod_desktop
    import paths` is the module `coprod_desktop.paths`; a plain `import` has the name ''."""
    found: set[tuple[str, str]] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found |= {(a.name, "") for a in node.names if a.name.startswith("coprod_desktop")}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if not node.module.startswith("coprod_desktop"):
                continue
            for alias in node.names:
                inner = PACKAGE.joinpath(*node.module.split(".")[1:], alias.name)
                if inner.with_suffix(".py").is_file() or inner.is_dir():
                    found.add((f"{node.module}.{alias.name}", ""))
                else:
                    found.add((node.module, alias.name))
    return found


def _layer(module: str) -> str:
    parts = module.split(".")
    return "coprod_desktop" if len(parts) == 1 else parts[1].removesuffix(".py")


def _layer_files() -> dict[str, list[Path]]:
    files = {layer: sorted((PACKAGE / layer).rglob("*.py")) for layer in LAYERS_MAY_IMPORT}
    files["cli.py"] = [PACKAGE / "cli.py"]
    return files


def test_the_layer_scan_reads_package_imports(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "from coprod_desktop import paths, __version__\n"
        "def f():\n    from coprod_desktop.store.db import Database\n"
    )
    assert _ours_named(sample) == {
        ("coprod_desktop.paths", ""),
        ("coprod_desktop", "__version__"),
        ("coprod_desktop.store.db", "Database"),
    }
    assert [_layer(m) for m in ("coprod_desktop.paths", "coprod_desktop.cli")] == ["paths", "cli"]
    assert _SQL.search("SELECT id FROM initiative") and not _SQL.search("Select a row from")


def test_every_layer_imports_only_the_layers_below_it() -> None:
    """domain: nothing of ours; store: domain (+paths); services: store, domain (+paths, and
    reports to draw a brief); reports: domain (+paths) only; ui and cli: never each other."""
    problems = []
    for layer, files in _layer_files().items():
        allowed = LAYERS_MAY_IMPORT[layer] | {layer.removesuffix(".py")}
        for path in files:
            for module, _name in _ours_named(path):
                if _layer(module) not in allowed:
                    problems.append(f"{path.relative_to(ROOT)} imports {module}")
    assert problems == []


# ------------------------------------------------------------------ the services' import graph

SERVICES = PACKAGE / "services"


def _module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def import_graph(package: Path, root: Path = ROOT) -> dict[str, set[str]]:
    """Which modules of `package` each of its modules imports, at the top or inside a function
    (`from a import b` names module a.b when that is one; importing a.b runs package a too)."""
    files = sorted(package.rglob("*.py"))
    known = {_module_name(path, root) for path in files}

    def with_parents(name: str) -> set[str]:
        parts = name.split(".")
        return {".".join(parts[:end]) for end in range(1, len(parts) + 1)} & known

    graph: dict[str, set[str]] = {}
    for path in files:
        here = _module_name(path, root)
        targets: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text("utf-8"), str(path))):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    targets |= with_parents(alias.name)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                targets |= with_parents(node.module)
                for alias in node.names:
                    targets |= with_parents(f"{node.module}.{alias.name}")
        # a package importing its own submodules (re-exports) is not a cycle with them
        graph[here] = {t for t in targets if t != here and not here.startswith(t + ".")}
    return graph


def _reachable(graph: dict[str, set[str]], start: str) -> set[str]:
    seen: set[str] = set()
    todo = [start]
    while todo:
        for target in graph.get(todo.pop(), set()):
            if target not in seen:
                seen.add(target)
                todo.append(target)
    return seen


def cycles_between(graph: dict[str, set[str]], first: str, second: str) -> list[str]:
    """Each pair (a module of `first`, one of `second`) that reach each other."""

    def inside(name: str, group: str) -> bool:
        return name == group or name.startswith(group + ".")

    found = []
    for a in sorted(n for n in graph if inside(n, first)):
        reach = _reachable(graph, a)
        for b in sorted(n for n in reach if inside(n, second)):
            if a in _reachable(graph, b):
                found.append(f"{a} <-> {b}")
    return found


def test_the_import_graph_sees_imports_and_would_see_a_cycle(tmp_path: Path) -> None:
    graph = import_graph(SERVICES)
    exchange = "coprod_desktop.services.exchange"
    assert exchange in graph["coprod_desktop.services.spreadsheet.sheet_import"]
    assert f"{exchange}.bulk" in graph[f"{exchange}.json_import"]
    package = tmp_path / "coprod_desktop" / "services"
    (package / "exchange").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "exchange" / "__init__.py").write_text("")
    (package / "exchange" / "check.py").write_text(
        "def f():\n    from coprod_desktop.services import spreadsheet\n"
    )
    (package / "spreadsheet.py").write_text("from coprod_desktop.services.exchange import check\n")
    drawn = import_graph(package, tmp_path)
    assert cycles_between(drawn, f"{exchange}", "coprod_desktop.services.spreadsheet") == [
        f"{exchange}.check <-> coprod_desktop.services.spreadsheet"
    ]


def test_no_import_cycle_between_the_exchange_and_the_spreadsheet() -> None:
    """issue 17: the interchange (check, import, export) and the spreadsheet's import and
    export never import each other round; dispatching by suffix is file_import/file_export."""
    graph = import_graph(SERVICES)
    assert (
        cycles_between(
            graph, "coprod_desktop.services.exchange", "coprod_desktop.services.spreadsheet"
        )
        == []
    )


def test_the_editor_is_given_its_writer_and_handlers_not_looking_them_up() -> None:
    """The editor package imports neither the window nor the modules that hold it together
    (not even inside a function or for type checking): the window passes them in."""
    window_side = (
        "coprod_desktop.ui.main_window",
        "coprod_desktop.ui.safety",
        "coprod_desktop.ui.writer",  # the writer is handed in, not found through the window
        "coprod_desktop.ui.connection",
        "coprod_desktop.ui.conflict",
    )
    files = sorted((PACKAGE / "ui" / "editor").rglob("*.py"))
    assert len(files) > 5  # the package is there and the scan sees it
    found = {
        f"{path.name} imports {module}"
        for path in files
        for module in _imported_modules(path)
        if module.startswith(window_side)
        or (module == "coprod_desktop.ui" and _imports_names_from_ui(path, window_side))
    }
    assert found == set()


def _imports_names_from_ui(path: Path, modules: tuple[str, ...]) -> bool:
    """`from coprod_desktop.ui import conflict` names the module as an imported name."""
    short = {m.rsplit(".", 1)[1] for m in modules}
    tree = ast.parse(path.read_text("utf-8"))
    return any(
        isinstance(node, ast.ImportFrom)
        and node.module == "coprod_desktop.ui"
        and any(alias.name in short for alias in node.names)
        for node in ast.walk(tree)
    )


def test_domain_and_reports_know_no_database() -> None:
    problems = [
        f"{path.relative_to(ROOT)} imports {module}"
        for layer in ("domain", "reports")
        for path in (PACKAGE / layer).rglob("*.py")
        for module in _imported_modules(path)
        if module.split(".")[0] == "sqlalchemy"
    ]
    assert problems == []


def test_reports_take_plain_data() -> None:
    reaching = {}
    for path in sorted((PACKAGE / "reports").rglob("*.py")):
        below = {m for m, _ in _ours_named(path) if _layer(m) in ("services", "store", "ui", "cli")}
        if below:
            reaching[path.relative_to(ROOT).as_posix()] = below
    assert reaching == REPORTS_KNOWN_REACHING_DOWN, "reports take plain data from services"


def test_the_ui_holds_no_session_and_writes_no_sql() -> None:
    problems: list[str] = []
    for path in sorted((PACKAGE / "ui").rglob("*.py")):
        name = path.relative_to(PACKAGE).as_posix()
        for module in _imported_modules(path):
            if module.split(".")[0] == "sqlalchemy":
                problems.append(f"{name} imports {module}")
        for module, imported in _ours_named(path):
            if _layer(module) == "store" and module not in UI_FROM_STORE:
                problems.append(f"{name} imports {module}")
            if "Session" in imported:
                problems.append(f"{name} imports {module}.{imported}")
        source = path.read_text("utf-8")
        if ".session(" in source or "Session(" in source:
            problems.append(f"{name} opens a session")
        for node in ast.walk(ast.parse(source)):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and _SQL.search(node.value)
            ):
                problems.append(f"{name} writes SQL: {node.value[:40]!r}")
    assert problems == []


def test_the_cli_goes_through_services() -> None:
    below = {
        (module, name)
        for module, name in _ours_named(PACKAGE / "cli.py")
        if _layer(module) in ("store", "reports")
    }
    assert below == CLI_BELOW_SERVICES


def test_no_two_modules_share_a_name() -> None:
    """A name says which module is meant: `portfolio` in three layers did not."""
    seen: dict[str, list[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        if path.name not in ("__init__.py", "__main__.py"):  # a package's own entry points
            seen.setdefault(path.stem, []).append(path.relative_to(ROOT).as_posix())
    assert {name: paths for name, paths in seen.items() if len(paths) > 1} == {}


# ------------------------------------------------------------------ no nested event loop

# The only waits in ui/: a worker pool is drained when the window stops or closes (no event
# runs then). A view continues in its write's callbacks instead: a nested event loop let the
# user act on a half-written state and re-entered the view while it waited.
UI_ALLOWED_WAITS = {
    "app.py: window.background.wait",
    "conflict.py: self.reader.wait",
    "main_window.py: self.background.wait",
    "main_window.py: self.reader.wait",
}


def _waits_and_loops(path: Path, name: str) -> set[str]:
    """Each `QEventLoop` named and each `x.wait(…)` / `x.processEvents(…)` called in `path`."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.alias) and node.name.rsplit(".", 1)[-1] == "QEventLoop":
            found.add(f"{name}: imports QEventLoop")
        elif (isinstance(node, ast.Name) and node.id == "QEventLoop") or (
            isinstance(node, ast.Attribute) and node.attr == "QEventLoop"
        ):
            found.add(f"{name}: QEventLoop")
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in ("wait", "processEvents")
        ):
            found.add(f"{name}: {ast.unparse(node.func)}")
    return found


def test_the_wait_scan_would_see_a_nested_event_loop(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "from PySide6.QtCore import QEventLoop\n"
        "def save(self):\n"
        "    if not self.writer.write(work).wait():\n"
        "        return\n"
        "    QEventLoop().exec()\n"
        "    QCoreApplication.processEvents()\n"
    )
    assert _waits_and_loops(sample, "sample.py") == {
        "sample.py: imports QEventLoop",
        "sample.py: QEventLoop",
        "sample.py: self.writer.write(work).wait",
        "sample.py: QCoreApplication.processEvents",
    }


def test_no_view_waits_for_a_write_in_a_nested_event_loop() -> None:
    found: set[str] = set()
    for path in sorted((PACKAGE / "ui").rglob("*.py")):
        found |= _waits_and_loops(path, path.relative_to(PACKAGE / "ui").as_posix())
    assert found == UI_ALLOWED_WAITS
    writer = ast.parse((PACKAGE / "ui" / "writer.py").read_text("utf-8"))
    job = next(n for n in writer.body if isinstance(n, ast.ClassDef) and n.name == "WriteJob")
    methods = {n.name for n in job.body if isinstance(n, ast.FunctionDef)}
    assert "start" in methods and "wait" not in methods


def test_the_ui_keeps_no_state_in_dynamic_qt_properties() -> None:
    """State a widget's code reads (the editor's read-only mode, its draft keeper) lives in
    typed attributes mypy checks, not in `setProperty`/`property` strings that a typo turns
    into a silent None."""
    found = set()
    for path in sorted((PACKAGE / "ui").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in ("setProperty", "property")
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                found.add(f"{path.relative_to(PACKAGE / 'ui').as_posix()}: {node.args[0].value}")
    assert found == set()
