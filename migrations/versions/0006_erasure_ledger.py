"""the erasure ledger; citizens and volunteers are natural persons

Revision ID: 0006_erasure_ledger
Revises: 0005_open_pressure_count
Create Date: 2026-12-05

`erasure` lists erased stakeholders with salted hashes of what was erased (never the
values), so an erasure is applied again when an older backup comes back. Stakeholders of
kind citizen or volunteer saved as non-persons (a checkbox allowed it) become persons: the
privacy tools and the public committee brief treat them as such from now on.
"""

from alembic import op
import sqlalchemy as sa


revision = "0006_erasure_ledger"
down_revision = "0005_open_pressure_count"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "erasure",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("stakeholder_id", sa.Integer(), nullable=False),
        sa.Column("erased_at", sa.DateTime(), nullable=False),
        sa.Column("salt", sa.String(length=64), nullable=False),
        sa.Column("name_hash", sa.String(length=64), nullable=False),
        sa.Column("email_hash", sa.String(length=64), nullable=True),
        sa.Column("phone_hash", sa.String(length=64), nullable=True),
        sa.Column("cleanup_pending", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_erasure")),
    )
    with op.batch_alter_table("erasure", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_erasure_stakeholder_id"), ["stakeholder_id"], unique=False
        )
    op.execute(
        sa.text(
            "UPDATE stakeholder SET is_person = :yes"
            " WHERE kind IN ('citizen', 'volunteer') AND (is_person IS NULL OR is_person = :no)"
        ).bindparams(yes=True, no=False)
    )


def downgrade() -> None:
    with op.batch_alter_table("erasure", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_erasure_stakeholder_id"))
    op.drop_table("erasure")
