"""The initiative's plain fields as the editor knows them: which are text (typing merges into
one undo step), which are dates, and the label of each in the GUI's language.

The plain fields come from the declaration (`domain.fields.PLAIN_EDITOR_FIELDS`): a field
declared there is bound by the editor even when no tab places it by hand (`binding.
place_declared_fields`), with the heading of its spreadsheet column (`domain.columns`).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from coprod_desktop.domain import columns
from coprod_desktop.domain.fields import PLAIN_EDITOR_FIELDS
from coprod_desktop.ui import i18n

TEXT_FIELDS = tuple(f.name for f in PLAIN_EDITOR_FIELDS if f.kind == "text")
LONG_TEXT_FIELDS = tuple(f.name for f in PLAIN_EDITOR_FIELDS if f.kind == "long_text")
DATE_FIELDS = tuple(f.name for f in PLAIN_EDITOR_FIELDS if f.kind == "date")


def field_labels() -> dict[str, str]:
    """The label of each field the editor shows, in the GUI's language: the editor's own
    translations, else (a field only declared) its column heading in `domain.columns`."""
    declared = {
        f.name: columns.field_label("initiative", f.name, i18n.lang()) for f in PLAIN_EDITOR_FIELDS
    }
    return declared | _own_labels()


def _own_labels() -> dict[str, str]:
    return {
        "reference": QCoreApplication.translate("InitiativeEditor", "Reference"),
        "title": QCoreApplication.translate("InitiativeEditor", "Title"),
        "summary": QCoreApplication.translate("InitiativeEditor", "Summary"),
        "description": QCoreApplication.translate("InitiativeEditor", "Description"),
        "sector": QCoreApplication.translate("InitiativeEditor", "Sector"),
        "area": QCoreApplication.translate("InitiativeEditor", "Area"),
        "status": QCoreApplication.translate("InitiativeEditor", "Status"),
        "origin": QCoreApplication.translate("InitiativeEditor", "Origin"),
        "owner": QCoreApplication.translate("InitiativeEditor", "Owner"),
        "responsible_manager": QCoreApplication.translate(
            "InitiativeEditor", "Responsible manager"
        ),
        "start_date": QCoreApplication.translate("InitiativeEditor", "Start date"),
        "end_date": QCoreApplication.translate("InitiativeEditor", "End date"),
        "next_review": QCoreApplication.translate("InitiativeEditor", "Next review"),
        "kle_topic": QCoreApplication.translate("InitiativeEditor", "KLE topic"),
        "type": QCoreApplication.translate("InitiativeEditor", "Type"),
        "secondary_type": QCoreApplication.translate("InitiativeEditor", "Secondary type"),
        "type_rationale": QCoreApplication.translate("InitiativeEditor", "Rationale"),
        "participation_level": QCoreApplication.translate(
            "InitiativeEditor", "Participation level (IAP2)"
        ),
        "public_values": QCoreApplication.translate("InitiativeEditor", "Public values"),
        "frontline_role": QCoreApplication.translate("InitiativeEditor", "Frontline role"),
        "co_phases": QCoreApplication.translate("InitiativeEditor", "Co-production phases"),
        "latitude": QCoreApplication.translate("InitiativeEditor", "Latitude"),
        "longitude": QCoreApplication.translate("InitiativeEditor", "Longitude"),
    }


def unit_label(unit: str) -> str:
    """A resource unit as shown ("timer" in Danish; stored as "hours")."""
    if unit == "hours":
        return QCoreApplication.translate("InitiativeEditor", "hours")
    return unit
