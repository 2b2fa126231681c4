"""commitments: promises that stay open until kept or dropped; journal entry keys

Revision ID: 0010_commitments
Revises: 0009_name_decisions
Create Date: 2026-12-05

A commitment belongs to an initiative, may name a stakeholder it was made to and the journal
entry it came from. Journal entries get an optional key (unique within the initiative in
practice; checked by the services) so a commitment in the interchange format can name one.
"""

from alembic import op
import sqlalchemy as sa


revision = "0010_commitments"
down_revision = "0009_name_decisions"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("journal_entry", schema=None) as batch_op:
        batch_op.add_column(sa.Column("key", sa.String(length=40), nullable=True))
    op.create_table(
        "commitment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("initiative_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=40), nullable=False),
        sa.Column("owner", sa.String(length=200), nullable=True),
        sa.Column("counterpart_id", sa.Integer(), nullable=True),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("done_on", sa.Date(), nullable=True),
        sa.Column("journal_entry_id", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("owner_key", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["initiative_id"],
            ["initiative.id"],
            name=op.f("fk_commitment_initiative_id_initiative"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["counterpart_id"],
            ["stakeholder.id"],
            name=op.f("fk_commitment_counterpart_id_stakeholder"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["journal_entry_id"],
            ["journal_entry.id"],
            name=op.f("fk_commitment_journal_entry_id_journal_entry"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_commitment")),
    )
    with op.batch_alter_table("commitment", schema=None) as batch_op:
        batch_op.create_index("ix_commitment_initiative_id", ["initiative_id"], unique=False)
        batch_op.create_index("ix_commitment_counterpart_id", ["counterpart_id"], unique=False)
        batch_op.create_index(
            "ix_commitment_journal_entry_id", ["journal_entry_id"], unique=False
        )
        batch_op.create_index("ix_commitment_status_due_on", ["status", "due_on"], unique=False)
        batch_op.create_index(
            "ix_commitment_owner_key_status_due_on", ["owner_key", "status", "due_on"], unique=False
        )


def downgrade() -> None:
    op.drop_table("commitment")
    with op.batch_alter_table("journal_entry", schema=None) as batch_op:
        batch_op.drop_column("key")
