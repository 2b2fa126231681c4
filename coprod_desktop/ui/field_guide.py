"""Help > Field guide: every column of the spreadsheet import and exports, in the app language
(resources/field-guide/field-guide.<lang>.md)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from coprod_desktop import paths
from coprod_desktop.ui import i18n

STYLE = """
table { border-collapse: collapse; }
th { background: #e8eef4; }
th, td { padding: 3px 6px; border: 1px solid #c8d0d8; vertical-align: top; }
code { font-family: monospace; }
"""


def guide_path(lang: str) -> Path:
    """The guide in `lang`, falling back to English."""
    folder = paths.resource_path("field-guide")
    wanted = folder / f"field-guide.{lang}.md"
    return wanted if wanted.is_file() else folder / "field-guide.en.md"


class FieldGuide(QDialog):
    """The field guide as formatted text; not modal, so it can stay open beside a file."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("field-guide")
        self.setWindowTitle(self.tr("Field guide: spreadsheet columns"))
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(True)
        self.browser.setAccessibleName(self.tr("Field guide"))
        self.browser.document().setDefaultStyleSheet(STYLE)
        path = guide_path(i18n.lang())
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as error:
            text = self.tr("The field guide could not be read: %1").replace(
                "%1", error.strerror or str(error)
            )
        self.browser.setMarkdown(text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self.resize(1100, 720)


def show_field_guide(parent: QWidget | None) -> FieldGuide:
    guide = FieldGuide(parent)
    guide.show()
    guide.raise_()
    return guide
