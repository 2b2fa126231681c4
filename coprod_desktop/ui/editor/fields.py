"""The initiative's plain fields as the editor knows them: which are text (typing merges into
one undo step), which are dates, and the label of each in the GUI's language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

TEXT_FIELDS = (
    "reference",
    "title",
    "area",
    "owner",
    "responsible_manager",
    "kle_topic",
)
LONG_TEXT_FIELDS = ("summary", "description", "type_rationale")
DATE_FIELDS = ("start_date", "end_date", "next_review")


def field_labels() -> dict[str, str]:
    """The label of each plain field, in the GUI's language."""
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
