"""Moving a whole portfolio between databases (laptop SQLite <-> shared PostgreSQL).

Every table is copied row for row with its ids, the audit trail included, so history and
references survive the move; the search index is rebuilt on the target.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, insert, select, text

from coprod_desktop.domain.errors import DatabaseUnavailableError
from coprod_desktop.store import models as m
from coprod_desktop.store import search
from coprod_desktop.store.db import Database

BATCH = 2000


@dataclass(frozen=True)
class CopyResult:
    rows: dict[str, int]

    @property
    def initiatives(self) -> int:
        return self.rows.get("initiative", 0)


def copy_portfolio(source: Database, target: Database) -> CopyResult:
    """Copy everything from `source` into the empty database `target`, all or nothing."""
    if source.url == target.url:
        raise DatabaseUnavailableError(
            where=target.display_name, reason="source and target are the same"
        )
    tables = m.Base.metadata.sorted_tables
    copied: dict[str, int] = {}
    with target.engine.begin() as out:
        for table in tables:
            if out.scalar(select(func.count()).select_from(table)):
                raise DatabaseUnavailableError(
                    where=target.display_name,
                    reason=f"it is not empty (table {table.name} has rows); copy into a new database",
                )
        with source.engine.connect() as into:
            for table in tables:
                count = 0
                # document chunks are up to 1 MB each: a few at a time, not 2,000
                batch = 8 if table.name == m.AttachmentContent.__tablename__ else BATCH
                result = into.execution_options(yield_per=batch).execute(
                    select(table).order_by(*table.primary_key.columns)
                )
                for chunk in result.mappings().partitions(batch):
                    out.execute(insert(table), [dict(row) for row in chunk])
                    count += len(chunk)
                copied[table.name] = count
        if out.dialect.name == "postgresql":
            # Ids were copied as they were; move each sequence past the highest one.
            for table in tables:
                if "id" in table.c:
                    out.execute(
                        text(
                            f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                            f"COALESCE((SELECT MAX(id) FROM {table.name}), 0) + 1, false)"
                        )
                    )
        search.rebuild_all(out)
    return CopyResult(copied)
