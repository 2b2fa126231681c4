"""The GUI's counted texts are real plurals in English too (Qt numerus forms in coprod_en.ts)."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from PySide6.QtCore import QCoreApplication

from coprod_desktop.ui import i18n


def _numerus_sources(language: str) -> set[tuple[str, str]]:
    tree = ET.parse(i18n.ts_path(language))
    return {
        (context.findtext("name") or "", message.findtext("source") or "")
        for context in tree.getroot().iter("context")
        for message in context.iter("message")
        if message.get("numerus") == "yes"
        and (message.find("translation").get("type") or "") not in ("vanished", "obsolete")
    }


def test_every_counted_text_has_english_forms() -> None:
    danish = _numerus_sources("da")
    english = _numerus_sources("en")
    assert danish <= english, sorted(danish - english)
    tree = ET.parse(i18n.ts_path("en"))
    for message in tree.getroot().iter("message"):
        forms = [f.text or "" for f in message.iter("numerusform")]
        assert len(forms) == 2 and all(f.strip() for f in forms), message.findtext("source")
        assert not any("(s)" in f for f in forms), forms


def test_one_and_two_in_english_and_danish(qapp) -> None:  # type: ignore[no-untyped-def]
    def say(count: int) -> str:
        return QCoreApplication.translate("MainWindow", "%n initiative(s) changed", "", count)

    i18n.set_language("en")
    assert say(1) == "1 initiative changed"
    assert say(2) == "2 initiatives changed"
    assert (
        QCoreApplication.translate(
            "ImportWizard",
            "%n initiative(s) are ready to import. Nothing has been written yet.",
            "",
            1,
        )
        == "1 initiative is ready to import. Nothing has been written yet."
    )
    i18n.set_language("da")
    try:
        assert say(1) == "1 initiativ ændret"
        assert say(2) == "2 initiativer ændret"
    finally:
        i18n.set_language("en")
