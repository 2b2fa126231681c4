"""The audit trail of an initiative as a read-only table model."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from coprod_desktop.domain import import_event
from coprod_desktop.domain import vocab as v
from coprod_desktop.domain.columns import field_label
from coprod_desktop.domain.model import AuditData
from coprod_desktop.ui import i18n
from coprod_desktop.ui.widgets import ListTableModel, moment_text

Index = QModelIndex | QPersistentModelIndex


def value_label(value: str | None) -> str:
    """A stored vocabulary key shown as its label (other values as they are)."""
    if not value:
        return ""
    for vocabulary in v.Vocabulary.__subclasses__():
        member = vocabulary._value2member_map_.get(value)
        if member is not None:
            return str(member.label(i18n.lang()))  # type: ignore[attr-defined]
    return value


class AuditModel(ListTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.entries: list[AuditData] = []

    def headers(self) -> list[str]:
        return [
            self.tr("When"),
            self.tr("Who"),
            self.tr("Action"),
            self.tr("What"),
            self.tr("Field"),
            self.tr("Old value"),
            self.tr("New value"),
        ]

    def set_entries(self, entries: list[AuditData]) -> None:
        self.beginResetModel()
        self.entries = list(entries)
        self.endResetModel()

    def items(self) -> list[Any]:
        return self.entries

    def action_label(self, action: str) -> str:
        return {
            "create": self.tr("added"),
            "update": self.tr("changed"),
            "delete": self.tr("removed"),
            import_event.IMPORT: self.tr("imported"),
        }.get(action, action)

    def imported(self, entry: AuditData) -> str:
        """What an import event made: the record's name and the children made with it (the
        values in full are the tooltip)."""
        lang = i18n.lang()
        first = import_event.state(entry.new_value)
        name = first.get("title") or first.get("name")
        parts = [name] if isinstance(name, str) and name else []
        made = ", ".join(
            f"{what} ×{count}"
            for what, count in import_event.children(entry.entity, entry.new_value, lang)
        )
        return "; ".join([*parts, made] if made else parts)

    def imported_values(self, entry: AuditData) -> str:
        lang = i18n.lang()
        lines = [
            f"{label}: {value}"
            for label, value in import_event.values(entry.entity, entry.new_value, lang)
        ]
        lines += [
            f"{what}: {count}"
            for what, count in import_event.children(entry.entity, entry.new_value, lang)
        ]
        return "\n".join(lines)

    def entity_label(self, entity: str) -> str:
        return {
            "initiative": self.tr("initiative"),
            "involvement": self.tr("stakeholder"),
            "mandate": self.tr("mandate"),
            "resource": self.tr("resource"),
            "cross_pressure": self.tr("cross-pressure"),
            "journal": self.tr("journal"),
            "review": self.tr("review"),
        }.get(entity, entity)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self.entries)):
            return None
        entry = self.entries[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            column = index.column()
            if column == 0:
                local = entry.at.astimezone() if entry.at.tzinfo else entry.at
                return moment_text(local)
            if entry.action == import_event.IMPORT:  # where from, and its first state
                source = self.tr("from %1").replace("%1", entry.old_value or "?")
                shown = self.imported(entry)
                if role == Qt.ItemDataRole.ToolTipRole and column in (5, 6):
                    return f"{source}\n\n{self.imported_values(entry)}"
                return [
                    None,
                    entry.who,
                    self.action_label(entry.action),
                    self.entity_label(entry.entity),
                    "",
                    source,
                    shown,
                ][column]
            values = [
                None,
                entry.who,
                self.action_label(entry.action),
                self.entity_label(entry.entity),
                field_label(entry.entity, entry.field, i18n.lang()) if entry.field else "",
                value_label(entry.old_value),
                value_label(entry.new_value),
            ]
            return values[column]
        return None
