"""covering indexes for the portfolio's figures (the dashboard, the committee brief)

Revision ID: 0015_dashboard_figures
Revises: 0014_attachment_search
Create Date: 2026-12-05

The dashboard and the committee brief count the whole portfolio with GROUP BY queries
(services/dashboard_figures.py). Read through the tables, SQLite visits every initiative's
wide row (descriptions, summaries) and every child row it joins; these indexes hold exactly
the columns those queries read, so each is answered from an index alone: the initiatives'
grouping keys and the attention facts of migration 0013 (the signal predicates), and per
initiative its open pressures, resources and commitments. No new facts: nothing to keep by
triggers.
"""

from alembic import op


revision = "0015_dashboard_figures"
down_revision = "0014_attachment_search"
branch_labels = None
depends_on = None

# index name -> (table, columns); kept in step with store/models.py
INDEXES: dict[str, tuple[str, tuple[str, ...]]] = {
    "ix_initiative_figures": (
        "initiative",
        (
            "type",
            "sector",
            "status",
            "origin",
            "reference",
            "next_review",
            "start_date",
            "created_at",
            "current_mandate_level",
            "current_mandate_clarity",
            "current_mandate_until",
            "anchored_mandates",
            "staff_time_entries",
            "municipal_units",
            "troubled_partners",
            "severe_pressure_since",
            "last_journal_on",
            "earliest_open_due",
            "outcome_count",
            "last_measured_on",
        ),
    ),
    "ix_cross_pressure_figures": (
        "cross_pressure",
        ("initiative_id", "category", "status", "severity"),
    ),
    "ix_resource_entry_figures": ("resource_entry", ("initiative_id", "kind", "planned", "amount")),
    "ix_commitment_figures": ("commitment", ("initiative_id", "status", "due_on", "done_on")),
}


# SQLite only: the JSON lists grouped by their text (PostgreSQL cannot index its json type)
SQLITE_INDEXES: dict[str, tuple[str, tuple[str, ...]]] = {
    "ix_initiative_lists": ("initiative", ("type", "co_phases", "public_values")),
}


def upgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    for name, (table, columns) in {**INDEXES, **(SQLITE_INDEXES if sqlite else {})}.items():
        op.create_index(name, table, list(columns), unique=False)
    if sqlite:
        op.execute("ANALYZE")  # the planner weighs the new indexes against the old ones


def downgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    for name, (table, _columns) in {**INDEXES, **(SQLITE_INDEXES if sqlite else {})}.items():
        op.drop_index(name, table_name=table)
