"""GeoJSON (RFC 7946) of the initiatives that have coordinates, public-safe, for a GIS.

Only what a public brief may print goes along: reference, title, summary and area with every
recorded person replaced by a neutral word (and the user's decisions on name-like phrases
applied, `services.names`), the vocabulary fields (keys and labels in the chosen language),
dates, the co-production phases and the outcomes' indicators and figures. Never stakeholders,
owners, managers, the journal, reviews, rationales, evidence or descriptions.

Coordinates are WGS84 `[longitude, latitude]` as RFC 7946 says (no `crs` member); the file is
UTF-8 JSON, written atomically through `services.safe_write`.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from coprod_desktop.domain import vocab as v
from coprod_desktop.domain.anonymise import Anonymiser
from coprod_desktop.domain.model import InitiativeData
from coprod_desktop.services.portfolio_query import PortfolioFilter
from coprod_desktop.store.db import Database

GEOJSON_SUFFIX = ".geojson"

_VOCAB_FIELDS: tuple[tuple[str, type[v.Vocabulary]], ...] = (
    ("type", v.InitiativeType),
    ("sector", v.Sector),
    ("status", v.Status),
    ("origin", v.Origin),
    ("participation_level", v.ParticipationLevel),
)


def _label(vocabulary: type[v.Vocabulary], key: str | None, lang: str) -> str | None:
    if key is None or not vocabulary.is_key(key):
        return None
    return vocabulary.get(key).label(lang)


def _number(value: float | None) -> float | int | None:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def feature(item: InitiativeData, hide: Anonymiser, lang: str) -> dict[str, Any]:
    """One initiative as a GeoJSON Feature (it must have both coordinates)."""
    assert item.latitude is not None and item.longitude is not None
    properties: dict[str, Any] = {
        "reference": item.reference,
        "title": hide.text(item.title),
        "summary": hide.text(item.summary) if item.summary else None,
        "area": hide.text(item.area) if item.area else None,
    }
    for name, vocabulary in _VOCAB_FIELDS:
        key = getattr(item, name)
        properties[name] = key
        properties[f"{name}_label"] = _label(vocabulary, key, lang)
    properties["co_phases"] = list(item.co_phases)
    properties["co_phases_label"] = [_label(v.CoPhase, p, lang) for p in item.co_phases]
    properties["public_values"] = list(item.public_values)
    properties["start_date"] = item.start_date.isoformat() if item.start_date else None
    properties["end_date"] = item.end_date.isoformat() if item.end_date else None
    properties["outcomes"] = [
        {
            "indicator": hide.text(o.indicator),
            "unit": o.unit,
            "baseline": _number(o.baseline),
            "target": _number(o.target),
            "achieved": _number(o.achieved),
            "measured_on": o.measured_on.isoformat() if o.measured_on else None,
            "co_assessed": bool(o.co_assessed),
        }
        for o in item.outcomes
    ]
    return {
        "type": "Feature",
        "id": item.reference,
        "geometry": {
            "type": "Point",
            "coordinates": [_number(item.longitude), _number(item.latitude)],
        },
        "properties": properties,
    }


def feature_collection(
    initiatives: Sequence[InitiativeData], hide: Anonymiser, lang: str = "en"
) -> dict[str, Any]:
    """The initiatives with coordinates as a FeatureCollection (the others are left out)."""
    placed = [i for i in initiatives if i.latitude is not None and i.longitude is not None]
    return {
        "type": "FeatureCollection",
        "features": [feature(item, hide, lang) for item in placed],
    }


def geojson_document(
    db: Database, flt: PortfolioFilter | None = None, lang: str = "en"
) -> dict[str, Any]:
    from coprod_desktop.services import names, reporting

    data = reporting.load_portfolio(db, flt, light=True)
    hide = names.public_text(db).anonymiser(lang)
    return feature_collection(data, hide, lang)


def export_file(
    db: Database, path: Path, flt: PortfolioFilter | None = None, lang: str = "en"
) -> int:
    """Write the GeoJSON to `path`; returns the number of initiatives placed on the map."""
    from coprod_desktop.services import safe_write

    safe_write.check_target(path)
    document = geojson_document(db, flt, lang)
    safe_write.write_text(path, json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    return len(document["features"])
