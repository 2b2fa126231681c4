"""Reading an import event of the audit trail (store.audit.IMPORT): a bulk import keeps one
event per record it made, with the record's values (and an initiative's children) as JSON, its
first state. History and `coprod history` show it through these helpers."""

from __future__ import annotations

import json
from typing import Any

from coprod_desktop.domain import vocab as v
from coprod_desktop.domain.columns import field_label
from coprod_desktop.domain.messages import message

# The action of an import event. A bulk import writes one per record it makes instead of a
# row per field: field None, old_value the name of the file it came from, new_value the
# record's values (and an initiative's children) as JSON, its first state.
IMPORT = "import"

# A party in an initiative's lists is held as its stakeholder id (as the tables hold it).
PARTY_FIELDS = ("stakeholder", "source", "counterpart", "participants")

# an initiative's lists in the interchange -> the entity names the audit trail uses
LIST_ENTITIES = {
    "stakeholders": "involvement",
    "mandates": "mandate",
    "resources": "resource",
    "cross_pressures": "cross_pressure",
    "journal": "journal",
    "reviews": "review",
    "commitments": "commitment",
    "outcomes": "outcome",
}


def state(new_value: str | None) -> dict[str, Any]:
    """The stored first state ({} if there is none or it cannot be read)."""
    if not new_value:
        return {}
    try:
        found = json.loads(new_value)
    except ValueError:
        return {}
    return found if isinstance(found, dict) else {}


def _shown(value: Any, lang: str) -> str:
    if isinstance(value, bool):
        return message("label_yes" if value else "label_no", lang)
    if isinstance(value, list):
        return "; ".join(_shown(x, lang) for x in value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, str):
        for vocabulary in v.Vocabulary.__subclasses__():
            member = vocabulary._value2member_map_.get(value)
            if member is not None:
                return str(member.label(lang))  # type: ignore[attr-defined]
    return str(value)


def values(entity: str, new_value: str | None, lang: str) -> list[tuple[str, str]]:
    """(label, value) of each field an import event holds, in the user's language (an
    initiative's lists of children as their count: `children`)."""
    first = state(new_value)
    return [
        (field_label(entity, name, lang), _shown(value, lang))
        for name, value in first.items()
        if not (entity == "initiative" and name in LIST_ENTITIES)
    ]


def children(entity: str, new_value: str | None, lang: str) -> list[tuple[str, int]]:
    """(what, how many) of each list of children an initiative's import event made."""
    if entity != "initiative":
        return []
    first = state(new_value)
    return [
        (message(f"entity_{LIST_ENTITIES[name]}", lang), len(first[name]))
        for name in LIST_ENTITIES
        if isinstance(first.get(name), list) and first[name]
    ]


def summary(entity: str, source: str | None, new_value: str | None, lang: str) -> str:
    """One line: where it came from, what it is called and what it made with it ("from
    a.json: Harbour plan; involvement ×3, journal entry ×2"); the values in full are in
    `values` (and `coprod history --format json`)."""
    first = state(new_value)
    line = message("history_imported_from", lang, file=source or "?")
    name = first.get("title") or first.get("name")
    if isinstance(name, str) and name:
        line += f": {name}"
    made = ", ".join(f"{what} ×{count}" for what, count in children(entity, new_value, lang))
    return f"{line}; {made}" if made else line
