"""The embedded fonts: DejaVu Sans (shipped in resources/fonts with its licence).

ReportLab's built-in Helvetica has no glyphs beyond Latin-1, so Polish, Turkish, Greek,
Cyrillic or Arabic names would print as black boxes. DejaVu Sans covers them; it is embedded
as a subset in every PDF. Registering a TrueType font parses the file (tens of milliseconds),
so it happens once per process.
"""

from __future__ import annotations

import threading

from coprod_desktop.paths import resource_path

SANS = "CoprodSans"
SANS_BOLD = "CoprodSans-Bold"

_FILES = {SANS: "DejaVuSans.ttf", SANS_BOLD: "DejaVuSans-Bold.ttf"}
_lock = threading.Lock()
_registered = False


def register_fonts() -> None:
    """Register the fonts with ReportLab (once; safe from several threads)."""
    global _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        from reportlab.lib.fonts import addMapping
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont

        for name, filename in _FILES.items():
            pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", filename))))
        # <b> in a paragraph picks the bold face; the briefs use no italics (<i> prints upright)
        for bold, italic, name in (
            (0, 0, SANS),
            (1, 0, SANS_BOLD),
            (0, 1, SANS),
            (1, 1, SANS_BOLD),
        ):
            addMapping(SANS, bold, italic, name)
        _registered = True
