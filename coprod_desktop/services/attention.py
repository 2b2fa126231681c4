"""Attention signals for a page of the portfolio (the table's attention marker)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from coprod_desktop.domain.analysis import Signal, attention_signals
from coprod_desktop.services.initiatives import get_many
from coprod_desktop.store.db import Database


def signals_for(
    db: Database, ids: Sequence[int], today: date | None = None
) -> dict[int, list[Signal]]:
    """The attention signals of each initiative in `ids` (one query batch per 500)."""
    when = today or date.today()
    return {data.id: attention_signals(data, when) for data in get_many(db, ids) if data.id}
