"""outcomes, the four Co's, coordinates and CVR numbers

Revision ID: 0011_outcomes
Revises: 0009_name_decisions
Create Date: 2026-12-05

Outcomes record what an initiative aims at and achieved (issue 21). An initiative also gets
the co-production phases it covers and optional WGS84 coordinates; a stakeholder organisation
its CVR number. Existing initiatives cover no phase yet (an empty list).
"""

from alembic import op
import sqlalchemy as sa


revision = "0011_outcomes"
down_revision = "0010_commitments"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ALTER TABLE ADD COLUMN: a batch copy of `initiative` would break the triggers of
    # migration 0005 that name it.
    op.add_column(
        "initiative",
        sa.Column("co_phases", sa.JSON(), nullable=False, server_default=sa.text("'[]'")),
    )
    op.add_column("initiative", sa.Column("latitude", sa.Float(), nullable=True))
    op.add_column("initiative", sa.Column("longitude", sa.Float(), nullable=True))
    op.add_column("stakeholder", sa.Column("cvr", sa.String(length=8), nullable=True))
    op.create_table(
        "outcome",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("initiative_id", sa.Integer(), nullable=False),
        sa.Column("indicator", sa.Text(), nullable=False),
        sa.Column("unit", sa.String(length=40), nullable=True),
        sa.Column("baseline", sa.Float(), nullable=True),
        sa.Column("target", sa.Float(), nullable=True),
        sa.Column("achieved", sa.Float(), nullable=True),
        sa.Column("measured_on", sa.Date(), nullable=True),
        sa.Column("evidence", sa.Text(), nullable=True),
        sa.Column("public_value", sa.String(length=40), nullable=True),
        sa.Column("co_assessed", sa.Boolean(), nullable=True),
        sa.ForeignKeyConstraint(
            ["initiative_id"],
            ["initiative.id"],
            name=op.f("fk_outcome_initiative_id_initiative"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outcome")),
    )
    with op.batch_alter_table("outcome", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_outcome_initiative_id"), ["initiative_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("outcome", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_outcome_initiative_id"))
    op.drop_table("outcome")
    # SQLite 3.35+ drops a column in place, which keeps the triggers on `initiative`.
    op.drop_column("stakeholder", "cvr")
    op.drop_column("initiative", "longitude")
    op.drop_column("initiative", "latitude")
    op.drop_column("initiative", "co_phases")
