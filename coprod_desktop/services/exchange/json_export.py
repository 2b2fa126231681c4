"""Exporting the portfolio (or a filtered part) as an interchange document, and one
initiative in the interchange shape (`coprod show --format json`)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select

from coprod_desktop.services import convert, initiatives
from coprod_desktop.services.exchange.check import FORMAT, VERSION
from coprod_desktop.services.portfolio_query import PortfolioFilter
from coprod_desktop.services.portfolio_query import ids as portfolio_ids
from coprod_desktop.store import models as m
from coprod_desktop.store.db import Database


def _value(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _compact(values: dict[str, Any]) -> dict[str, Any]:
    return {k: _value(v) for k, v in values.items() if v is not None}


def stakeholder_dict(row: m.Stakeholder, key: str) -> dict[str, Any]:
    values = {"key": key, **{n: getattr(row, n) for n in convert.STAKEHOLDER_SCALARS}}
    return _compact(values)


def initiative_dict(row: m.Initiative, key: str, keys: Mapping[int, Any]) -> dict[str, Any]:
    """One initiative in the interchange shape; `keys` maps stakeholder ids to what to put."""
    # The version goes along so `import --merge` knows what the file started from.
    values = {"key": key, "reference": row.reference, "version": row.version}
    out = _compact({**values, **{n: getattr(row, n) for n in convert.INITIATIVE_SCALARS}})
    out["public_values"] = list(row.public_values or [])
    out["co_phases"] = list(row.co_phases or [])
    out["stakeholders"] = [
        _compact(
            {
                "stakeholder": keys[x.stakeholder_id],
                **{n: getattr(x, n) for n in convert.INVOLVEMENT_FIELDS if n != "stakeholder_id"},
            }
        )
        for x in row.involvements
    ]
    out["mandates"] = [
        _compact({n: getattr(x, n) for n in convert.MANDATE_FIELDS}) for x in row.mandates
    ]
    out["resources"] = [
        _compact(
            {
                **{n: getattr(x, n) for n in convert.RESOURCE_FIELDS if n != "source_id"},
                "source": keys[x.source_id] if x.source_id is not None else None,
            }
        )
        for x in row.resources
    ]
    out["cross_pressures"] = [
        _compact({n: getattr(x, n) for n in convert.PRESSURE_FIELDS}) for x in row.cross_pressures
    ]
    out["journal"] = [
        {
            **_compact({n: getattr(x, n) for n in convert.JOURNAL_FIELDS}),
            "participants": [keys[p.id] for p in x.participants],
        }
        for x in row.journal
    ]
    out["reviews"] = [
        _compact({n: getattr(x, n) for n in convert.REVIEW_FIELDS}) for x in row.reviews
    ]
    out["commitments"] = [
        _compact(
            {
                **{n: getattr(x, n) for n in convert.COMMITMENT_FIELDS if n != "counterpart_id"},
                "counterpart": keys[x.counterpart_id] if x.counterpart_id is not None else None,
                "journal": x.journal_entry.key if x.journal_entry is not None else None,
            }
        )
        for x in row.commitments
    ]
    out["outcomes"] = [
        _compact({n: getattr(x, n) for n in convert.OUTCOME_FIELDS}) for x in row.outcomes
    ]
    return out


def export_document(db: Database, flt: PortfolioFilter | None = None) -> dict[str, Any]:
    """The portfolio (or the filtered part of it) as an interchange document.

    Keys are numbered in id order (s1, s2, … and i1, i2, …) so an export of a re-imported
    export is identical. Without a filter every stakeholder goes along, used or not.
    """
    with db.session() as session:
        if flt is None or flt.is_empty():
            wanted = session.scalars(select(m.Initiative.id).order_by(m.Initiative.id)).all()
        else:
            wanted = sorted(portfolio_ids(db, flt))
        rows: list[m.Initiative] = []
        for start in range(0, len(wanted), 500):
            chunk = list(wanted[start : start + 500])
            rows += session.scalars(
                select(m.Initiative)
                .where(m.Initiative.id.in_(chunk))
                .options(*initiatives.load_options())
            ).all()
        rows.sort(key=lambda r: r.id)
        if flt is None or flt.is_empty():
            people = session.scalars(select(m.Stakeholder).order_by(m.Stakeholder.id)).all()
        else:
            used: set[int] = set()
            for row in rows:
                used |= {x.stakeholder_id for x in row.involvements}
                used |= {x.source_id for x in row.resources if x.source_id is not None}
                used |= {p.id for x in row.journal for p in x.participants}
                used |= {x.counterpart_id for x in row.commitments if x.counterpart_id is not None}
            people = session.scalars(
                select(m.Stakeholder).where(m.Stakeholder.id.in_(used)).order_by(m.Stakeholder.id)
            ).all()
        keys = {s.id: f"s{index}" for index, s in enumerate(people, start=1)}
        out = [initiative_dict(row, f"i{index}", keys) for index, row in enumerate(rows, start=1)]
        from coprod_desktop.services import attachments

        attachments.add_to_export(session, rows, out)
        return {
            "format": FORMAT,
            "version": VERSION,
            "stakeholders": [stakeholder_dict(s, keys[s.id]) for s in people],
            "initiatives": out,
        }


def write_json(document: dict[str, Any], path: Path) -> None:
    """Write atomically (`safe_write`): a half-written export never replaces a good file,
    and no export replaces the database, a backup or a device."""
    from coprod_desktop.services import safe_write

    safe_write.write_text(path, json.dumps(document, ensure_ascii=False, indent=2) + "\n")


def show_document(db: Database, ident: int | str, today: date | None = None) -> dict[str, Any]:
    """One initiative in the interchange shape with its stakeholders inlined, plus `id`,
    `suggested_type`, `attention` and `completeness` (what `coprod show --format json` prints)."""
    from coprod_desktop.domain import assessment

    with db.session() as session:
        row = initiatives.load(session, initiatives.resolve_id(session, ident))
        people: dict[int, m.Stakeholder] = {
            x.stakeholder_id: x.stakeholder for x in row.involvements
        }
        people.update({x.source.id: x.source for x in row.resources if x.source is not None})
        people.update({p.id: p for x in row.journal for p in x.participants})
        people.update({x.counterpart.id: x.counterpart for x in row.commitments if x.counterpart})
        inline = {
            sid: {"id": sid, **stakeholder_dict(person, f"s{sid}")}
            for sid, person in people.items()
        }
        out = initiative_dict(row, f"i{row.id}", inline)
        from coprod_desktop.services import attachments

        attachments.add_to_export(session, [row], [out])
        data = convert.initiative_data(row)
    out = {"id": data.id, **out, "version": data.version}
    from coprod_desktop.services.settings import load_settings

    signals = assessment.attention_signals(
        data, today or date.today(), load_settings().thresholds()
    )
    out["suggested_type"] = assessment.suggested_type(data)
    out["attention"] = [s.key for s in signals]
    out["completeness"] = assessment.completeness(data)
    return out
