"""Alembic environment. The app runs migrations programmatically (coprod_desktop.store.migrate),
handing over an open connection in `config.attributes["connection"]`."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from coprod_desktop.store.models import Base
from coprod_desktop.store.search import SEARCH_TABLES

config = context.config
target_metadata = Base.metadata


def include_object(obj, name, type_, reflected, compare_to):  # type: ignore[no-untyped-def]
    # The search index (FTS5 and its shadow tables) is managed by hand, not by the models.
    return not (type_ == "table" and name and any(name.startswith(t) for t in SEARCH_TABLES))


def _configure(connection) -> None:  # type: ignore[no-untyped-def]
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        include_object=include_object,
        compare_type=True,
    )


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure(connection)
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = create_engine(config.get_main_option("sqlalchemy.url"))
    with engine.begin() as connection:
        _configure(connection)
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    raise SystemExit("coprod-desktop migrations run online only")
run_migrations_online()
