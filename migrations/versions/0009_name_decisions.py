"""decisions on name-like phrases in public briefs

Revision ID: 0009_name_decisions
Revises: 0005_open_pressure_count
Create Date: 2026-12-05

Before a public (committee) brief is written, every name-like phrase it would print that is
not a known organisation, place or label is confirmed or replaced by the user. The decisions
are kept here so the brief can be re-made without asking again.
"""

from alembic import op
import sqlalchemy as sa


revision = "0009_name_decisions"
down_revision = "0008_initiative_versions"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "name_decision",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("phrase_key", sa.String(length=300), nullable=False),
        sa.Column("phrase", sa.String(length=300), nullable=False),
        sa.Column("replacement", sa.String(length=300), nullable=True),
        sa.Column("decided_by", sa.String(length=200), nullable=False),
        sa.Column("decided_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_name_decision")),
        sa.UniqueConstraint("phrase_key", name=op.f("uq_name_decision_phrase_key")),
    )


def downgrade() -> None:
    op.drop_table("name_decision")
