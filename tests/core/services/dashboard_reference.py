"""The dashboard's figures worked out in Python from every initiative's records: the reference
the SQL of `services/dashboard_figures.py` is tested against (the dashboard computed its
figures this way before issue 22). Kept with the tests, as `old_assessment.py` is."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from coprod_desktop.domain import vocab as v
from coprod_desktop.domain.assessment import Thresholds, attention_signals
from coprod_desktop.domain.figures import (
    MOBILISED,
    MUNICIPAL,
    UNCLASSIFIED,
    UNKNOWN,
    FiguresAccumulator,
    commitment_counts,
    is_municipal,
    resource_unit,
)
from coprod_desktop.domain.outcomes import NO_PHASE
from coprod_desktop.services import portfolio_query as portfolio_service
from coprod_desktop.services import reporting
from coprod_desktop.services.dashboard_figures import CHARTS, AttentionEntry, Figures, Key
from coprod_desktop.store.db import Database


@dataclass
class ReferenceFigures:
    """What `python_figures` works out: the figures and the ids behind every chart cell."""

    figures: Figures
    ids: dict[str, dict[Key, list[int]]]
    attention: list[AttentionEntry]


def _add(table: dict[Key, list[int]], keys: Sequence[Key], ident: int) -> None:
    for key in keys:
        found = table.setdefault(key, [])
        if not found or found[-1] != ident:
            found.append(ident)


CHUNK = 2000  # initiatives loaded at a time by the reference: memory stays bounded


def python_figures(db: Database, today: date, thresholds: Thresholds) -> ReferenceFigures:
    """The same figures worked out in Python from every initiative's records (the reference
    the SQL is tested against; the dashboard computed its figures this way before)."""
    everything = FiguresAccumulator(keep_initiatives=False, today=today)
    per_type: dict[str, FiguresAccumulator] = {}
    attention_list: list[AttentionEntry] = []
    ids: dict[str, dict[Key, list[int]]] = {name: {} for name in CHARTS}
    promises: dict[str, dict[str, Counter[str]]] = {"type": {}, "sector": {}}
    everyone = portfolio_service.ids(db)
    for start in range(0, len(everyone), CHUNK):
        for item in reporting.load_initiatives(db, everyone[start : start + CHUNK], light=True):
            assert item.id is not None
            ident = item.id
            kind = item.type or UNCLASSIFIED
            found = attention_signals(item, today, thresholds)
            everything.add(item, found)
            group = per_type.get(kind)
            if group is None:
                group = per_type[kind] = FiguresAccumulator(keep_initiatives=False, today=today)
            group.add(item, found)
            _add(ids["type_sector"], [(item.sector, None), (item.sector, kind)], ident)
            for pressure in item.cross_pressures:
                if pressure.status != "resolved":
                    category = pressure.category
                    _add(
                        ids["pressures"],
                        [(category, None), (category, str(pressure.severity))],
                        ident,
                    )
            for res in item.resources:
                side = MUNICIPAL if is_municipal(res) else MOBILISED
                bar = f"{kind}:{side}:{resource_unit(res)}"
                _add(
                    ids["resources"],
                    [(bar, None), (bar, "planned" if res.planned else "actual")],
                    ident,
                )
            origin = item.origin or UNKNOWN
            _add(ids["origins"], [(origin, None), (origin, "count")], ident)
            if item.commitments:
                counts = commitment_counts(item.commitments, today)
                promises["type"].setdefault(kind, Counter()).update(counts)
                promises["sector"].setdefault(item.sector, Counter()).update(counts)
            covered = [p for p in item.co_phases if v.CoPhase.is_key(p)] or [NO_PHASE]
            for phase in dict.fromkeys(covered):
                _add(ids["phases"], [(phase, None), (phase, kind)], ident)
            if found:
                attention_list.append(
                    AttentionEntry(ident, item.reference or "", item.title, found)
                )
                for key in dict.fromkeys(s.key for s in found):
                    _add(ids["signals"], [(key, None), (key, "count")], ident)
    attention_list.sort(key=lambda a: (a.worst, -len(a.signals), a.reference))
    phases: dict[str, dict[str, int]] = {}
    for (phase, series), found_ids in ids["phases"].items():
        if series is not None:
            phases.setdefault(series, {})[phase] = len(found_ids)
    figures = Figures(
        today=today,
        figures=everything.result(),
        by_type={kind: group.result() for kind, group in per_type.items()},
        cells={
            name: {key: len(found_ids) for key, found_ids in table.items()}
            for name, table in ids.items()
        },
        commitments=promises,
        phase_counts=phases,
        attention_count=len(attention_list),
    )
    return ReferenceFigures(figures, ids, attention_list)
