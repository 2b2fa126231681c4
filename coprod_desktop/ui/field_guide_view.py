"""Help > Field guide: every column of the spreadsheet import and exports, in the app language
(made when shown by `domain.field_guide.render`, so it always matches the columns)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from coprod_desktop.domain import field_guide
from coprod_desktop.ui import i18n

STYLE = """
table { border-collapse: collapse; }
th { background: #e8eef4; }
th, td { padding: 3px 6px; border: 1px solid #c8d0d8; vertical-align: top; }
code { font-family: monospace; }
"""


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
        lang = i18n.lang()
        self.browser.setMarkdown(field_guide.render(lang if lang in field_guide.LANGS else "en"))
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
