"""Persistence: SQLAlchemy models, engine set-up, migrations, search and queries."""
