"""Start-up, settings, languages, translations, error handling."""

from __future__ import annotations

import ast
import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from coprod_desktop import paths
from coprod_desktop.ui import app, i18n
from coprod_desktop.ui import preferences as prefs

ROOT = Path(__file__).resolve().parents[2]


def test_start_database_resolution_order(monkeypatch, tmp_path):
    last = tmp_path / "last.sqlite"
    last.write_bytes(b"")
    prefs.set_value("db/default", str(tmp_path / "default.sqlite"))
    assert prefs.resolve_start_database(None) == str(tmp_path / "default.sqlite")
    prefs.remember_database(str(last))
    assert prefs.resolve_start_database(None) == str(last)
    monkeypatch.setenv("COPROD_DB", "env.sqlite")
    assert prefs.resolve_start_database(None) == "env.sqlite"
    assert prefs.resolve_start_database("cli.sqlite") == "cli.sqlite"
    assert prefs.recent_databases()[0] == str(last)


def test_arguments_and_language_choice():
    args, rest = app.parse_args(["coprod-desktop", "--db", "x.sqlite", "--lang", "da", "-style"])
    assert args.db == "x.sqlite" and args.lang == "da" and rest == ["-style"]
    assert app.choose_language("da") == "da"
    prefs.set_value("ui/language", "da")
    assert app.choose_language(None) == "da"


def test_window_title_names_the_database(window):
    assert window.objectName() == "coprod-desktop"
    assert window.db.display_name in window.windowTitle()


def test_open_database_runs_in_the_background(qtbot, tmp_path):
    from coprod_desktop.ui.main_window import MainWindow

    win = MainWindow()
    qtbot.addWidget(win)
    target = str(tmp_path / "fresh.sqlite")
    with qtbot.waitSignal(win.database_opened, timeout=15000):
        win.open_database(target)
    assert win.db is not None and str(win.db.path) == target
    assert prefs.recent_databases()[0] == target
    assert win.portfolio.stack.currentWidget() is win.portfolio.empty
    win.db.dispose()


def test_open_failure_is_shown_in_plain_words(qtbot, tmp_path, monkeypatch):
    from coprod_desktop.ui.main_window import MainWindow

    bad = tmp_path / "notes.sqlite"
    bad.write_text("this is not a database", encoding="utf-8")
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    win = MainWindow()
    qtbot.addWidget(win)
    operation = win.background.run(lambda _p: None)  # the pool is serial: wait behind it
    win.open_database(str(bad))
    qtbot.waitUntil(lambda: bool(shown), timeout=15000)
    assert operation.finished
    assert "Traceback" not in shown[0] and str(bad) in shown[0]


def test_geometry_is_restored(qtbot):
    from coprod_desktop.ui.main_window import MainWindow

    first = MainWindow()
    qtbot.addWidget(first)
    first.resize(700, 500)
    first.save_window()
    second = MainWindow()
    qtbot.addWidget(second)
    assert second.size().width() == 700


def test_language_switch_to_danish(window):
    editor = window.open_initiative(window.portfolio.model.rows[0].id)
    assert editor is not None
    assert window.switch_language("da")
    assert i18n.lang() == "da"
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles[0] == "&Filer"
    model = window.portfolio.model
    assert model.headerData(1, __import__("PySide6.QtCore").QtCore.Qt.Orientation.Horizontal) == (
        "Titel"
    )
    assert model.index(0, 2).data() == "Samstyring"
    assert len(window.editors()) == 1  # reopened
    assert window.editors()[0].tabs.tabText(0) == "Overblik"
    assert prefs.language() == "da"
    window.switch_language("en")
    assert window.menuBar().actions()[0].text() == "&File"


def test_qt_dialogs_are_danish_too():
    from PySide6.QtCore import QCoreApplication

    i18n.set_language("da")
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Annuller"


def test_the_file_dialog_speaks_danish_in_every_label(qtbot):
    from PySide6.QtWidgets import QFileDialog, QLabel, QPushButton

    i18n.set_language("da")
    dialog = QFileDialog(None, "Gem")
    qtbot.addWidget(dialog)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # Qt's own widgets, as offscreen
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.show()
    texts = [w.text() for w in dialog.findChildren(QLabel) + dialog.findChildren(QPushButton)]
    # Qt 6's Danish catalogue lacks the mnemonic forms of these two; ours supplies them
    assert {"&Kig i:", "&Filnavn:", "Filer af &type:", "&Gem", "Annuller"} <= set(texts)
    assert not [t for t in texts if "Look in" in t or "Files of" in t or t == "Cancel"]


def _ts_messages() -> list[ET.Element]:
    tree = ET.parse(i18n.ts_path())
    return list(tree.getroot().iter("message"))


def test_danish_translation_is_complete():
    problems = []
    for message in _ts_messages():
        source = message.findtext("source")
        translation = message.find("translation")
        assert translation is not None
        kind = translation.get("type")
        if kind == "vanished" or kind == "obsolete":
            continue
        forms = translation.findall("numerusform")
        texts = [f.text or "" for f in forms] if forms else [translation.text or ""]
        if kind == "unfinished" or not all(t.strip() for t in texts):
            problems.append(source)
    assert not problems, f"missing or unfinished Danish: {problems[:10]}"


def test_the_danish_catalogue_follows_the_glossary():
    from tests.glossary import disagreements

    pairs = []
    for context in ET.parse(i18n.ts_path()).getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("vanished", "obsolete"):
                continue
            forms = translation.findall("numerusform")
            text = (forms[0].text if forms else translation.text) or ""
            pairs.append((context.findtext("name") or "", message.findtext("source") or "", text))
    assert not disagreements(pairs)


def _source_strings() -> set[tuple[str, str]]:
    """Every (context, text) the GUI code passes to tr()/translate()."""
    found: set[tuple[str, str]] = set()
    for path in (ROOT / "coprod_desktop" / "ui").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for cls in [n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)]:
            for call in [n for n in ast.walk(cls) if isinstance(n, ast.Call)]:
                func = call.func
                if (
                    isinstance(func, ast.Attribute)
                    and func.attr == "tr"
                    and call.args
                    and isinstance(call.args[0], ast.Constant)
                ):
                    found.add((cls.name, str(call.args[0].value)))
        for call in [n for n in ast.walk(tree) if isinstance(n, ast.Call)]:
            func = call.func
            if (
                isinstance(func, ast.Attribute)
                and func.attr == "translate"
                and len(call.args) >= 2
                and all(isinstance(a, ast.Constant) for a in call.args[:2])
            ):
                found.add((str(call.args[0].value), str(call.args[1].value)))  # type: ignore[union-attr]
    return found


def test_every_source_string_is_in_the_catalogue():
    tree = ET.parse(i18n.ts_path())
    catalogue = {
        (context.findtext("name"), message.findtext("source"))
        for context in tree.getroot().iter("context")
        for message in context.iter("message")
        if (message.find("translation").get("type") or "") not in ("vanished", "obsolete")
    }
    missing = _source_strings() - catalogue
    assert not missing, f"run pyside6-lupdate: not in the .ts: {sorted(missing)[:10]}"


def test_lupdate_finds_nothing_new(tmp_path):
    lupdate = Path(__import__("PySide6").__file__).parent / "lupdate"
    if not lupdate.exists():
        pytest.skip("lupdate is not installed")
    copy = tmp_path / "check.ts"
    copy.write_bytes(i18n.ts_path().read_bytes())
    sources = sorted(str(p) for p in (ROOT / "coprod_desktop" / "ui").rglob("*.py"))
    result = subprocess.run(
        [str(lupdate), *sources, "-ts", str(copy)], capture_output=True, text=True, check=True
    )
    match = re.search(r"\((\d+) new and (\d+) already existing\)", result.stdout)
    assert match is not None, result.stdout
    assert match.group(1) == "0", result.stdout


def test_qm_is_built_fresh_into_the_cache():
    qm = i18n.fresh_qm()
    assert qm is not None and qm.is_file()
    assert qm.stat().st_mtime >= i18n.ts_path().stat().st_mtime
    assert qm.parent == paths.data_dir() / "cache" or qm.parent == i18n.ts_path().parent


def test_excepthook_logs_and_shows_a_dialog(qtbot, monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self.text()) or 0)
    try:
        raise RuntimeError("boom")
    except RuntimeError as error:
        app.excepthook(RuntimeError, error, error.__traceback__)
    assert shown and "unexpected" in shown[0]


def test_settings_dialog_stores_preferences(qtbot):
    from coprod_desktop.ui.dialogs import SettingsDialog

    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    dialog.user.setText("Hanne")
    dialog.municipality.setText("Sønderby Kommune")
    dialog.logo.setText("/tmp/logo.png")
    dialog.language.setCurrentIndex(dialog.language.findData("da"))
    dialog.store()
    assert prefs.user_name() == "Hanne"
    assert prefs.get_str("briefs/municipality") == "Sønderby Kommune"
    assert prefs.get_str("briefs/logo") == "/tmp/logo.png"
    assert prefs.language() == "da"


def test_ctrl_q_closes_the_window(window, qtbot):
    from PySide6.QtCore import Qt

    window.activateWindow()
    window.actions_by_name["quit"].trigger()
    assert not window.isVisible()
    assert window.actions_by_name["quit"].shortcut().toString() == "Ctrl+Q"
    del Qt


def test_no_pyside_outside_ui():
    offenders = []
    for path in (ROOT / "coprod_desktop").rglob("*.py"):
        if "ui" in path.relative_to(ROOT / "coprod_desktop").parts[:1]:
            continue
        if re.search(r"^\s*(from|import)\s+PySide6", path.read_text("utf-8"), re.M):
            offenders.append(str(path))
    assert not offenders


def test_the_ready_marker_tells_the_apps_own_peak_memory(tmp_path):
    """The benchmark's hook: once the window is usable the app says so, with its own peak
    memory (not the memory of the process it was started from)."""
    import os
    import sys

    env = {
        **os.environ,
        "COPROD_DATA_DIR": str(tmp_path / "data"),
        "COPROD_REPORT_READY": "quit",
        "QT_QPA_PLATFORM": "offscreen",
    }
    command = [sys.executable, "-m", "coprod_desktop", "--db", str(tmp_path / "p.sqlite")]
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    line = next(x for x in done.stdout.splitlines() if x.startswith("coprod-ready"))
    peak_kb = int(line.split()[2])
    assert 20_000 < peak_kb < 1_000_000  # a Qt window on an empty portfolio: tens of MB
    assert app.peak_memory_kb() > 0  # and this test process can ask the same of itself
