"""Alt+letter mnemonics: none in the editor takes a menu bar letter, none is used twice."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractButton, QDialog, QLabel, QWidget

from coprod_desktop.services import initiatives
from coprod_desktop.ui import i18n
from coprod_desktop.ui.assistant import ClassificationAssistant
from coprod_desktop.ui.dialogs import StakeholderDialog, StakeholderPicker


def mnemonic(text: str) -> str | None:
    found = QKeySequence.mnemonic(text).toString()
    return found.removeprefix("Alt+").upper() or None


def mnemonics(container: QWidget) -> list[tuple[str, str]]:
    """(letter, text) of every visible button and buddy label inside `container`."""
    found = []
    for button in container.findChildren(QAbstractButton):
        letter = mnemonic(button.text())
        if letter and button.isVisibleTo(container):
            found.append((letter, button.text()))
    for label in container.findChildren(QLabel):
        letter = mnemonic(label.text())
        if letter and label.buddy() is not None and label.isVisibleTo(container):
            found.append((letter, label.text()))
    return found


def assert_unique(found: list[tuple[str, str]], where: str) -> None:
    letters = [letter for letter, _text in found]
    doubles = [(letter, text) for letter, text in found if letters.count(letter) > 1]
    assert not doubles, f"{where}: the same Alt letter twice: {doubles}"


@pytest.mark.parametrize("lang", ["en", "da"])
def test_editor_mnemonics_leave_the_menu_bar_alone(window, lang):
    window.switch_language(lang)
    menu_letters = {mnemonic(a.text()) for a in window.menuBar().actions()}
    assert len(menu_letters) == 5, menu_letters
    ident = initiatives.get_initiative(window.db, "CP-2024-001").id
    editor = window.open_initiative(ident)
    for index in range(editor.tabs.count()):
        editor.tabs.setCurrentIndex(index)
        found = mnemonics(editor)
        where = f"{lang}, editor tab {editor.tabs.tabText(index)!r}"
        clashes = [(letter, text) for letter, text in found if letter in menu_letters]
        assert not clashes, f"{where}: takes a menu bar letter: {clashes}"
        assert_unique(found, where)
    window.switch_language("en")


@pytest.mark.parametrize("lang", ["en", "da"])
def test_editor_dialogs_use_each_mnemonic_once(window, qtbot, lang):
    window.switch_language(lang)
    ident = initiatives.get_initiative(window.db, "CP-2024-001").id
    editor = window.open_initiative(ident)
    dialogs: list[QDialog] = [
        StakeholderDialog(lambda data: data, None, editor),
        StakeholderPicker([], set(), editor),
        ClassificationAssistant(editor.data, editor),
    ]
    for name in ("mandates", "resources", "cross_pressures", "journal"):
        dialogs.append(editor.new_record(name))
    for dialog in dialogs:
        dialog.show()
        if hasattr(dialog, "form"):
            dialog.form.is_person.setChecked(True)  # shows every field
        assert_unique(mnemonics(dialog), f"{lang}, {dialog.windowTitle()}")
        dialog.done(0)
    window.switch_language("en")
    assert i18n.lang() == "en"
