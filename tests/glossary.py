"""The glossary (resources/translations/glossary.json): one Danish word per shared term.

Both catalogue checks use it: the GUI's .ts (tests/ui/test_app.py) and the core's messages
(tests/core/domain/test_vocab.py). A label whose whole English text is a glossary term (a
mnemonic `&`, a trailing `:` or `…` aside) must carry the glossary's Danish word.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

GLOSSARY_PATH = Path(__file__).resolve().parents[1] / "resources" / "translations" / "glossary.json"


def terms() -> dict[str, str]:
    return dict(json.loads(GLOSSARY_PATH.read_text("utf-8"))["terms"])


def _bare(text: str) -> str:
    return text.replace("&", "").strip().rstrip(":…").strip().casefold()


def disagreements(pairs: Iterable[tuple[str, str, str]]) -> list[str]:
    """(where, English, Danish) pairs whose English is a term and whose Danish is not its word."""
    glossary = {_bare(en): da for en, da in terms().items()}
    found = []
    for where, english, danish in pairs:
        wanted = glossary.get(_bare(english))
        if wanted is not None and _bare(danish) != _bare(wanted):
            found.append(f"{where}: {english!r} is {danish!r}, the glossary says {wanted!r}")
    return found
