"""earlier versions of each initiative, for three-way `import --merge`

Revision ID: 0008_initiative_versions
Revises: 0005_open_pressure_count
Create Date: 2026-12-05

An export carries each initiative's version; merging it back needs the initiative as it was
at that version (the common base of the file and the database). A save now keeps the version
it replaces in `initiative_version` (pruned to the most recent ones).
"""

from alembic import op
import sqlalchemy as sa


revision = "0008_initiative_versions"
down_revision = "0007_reference_counter"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "initiative_version",
        sa.Column("initiative_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("saved_at", sa.DateTime(), nullable=True),
        sa.Column("replaced_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["initiative_id"],
            ["initiative.id"],
            name=op.f("fk_initiative_version_initiative_id_initiative"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("initiative_id", "version", name=op.f("pk_initiative_version")),
    )
    op.create_index(
        op.f("ix_initiative_version_replaced_at"),
        "initiative_version",
        ["replaced_at"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_initiative_version_replaced_at"), table_name="initiative_version")
    op.drop_table("initiative_version")
