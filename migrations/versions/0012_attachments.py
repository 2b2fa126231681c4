"""attachments: files kept with an initiative or a journal entry, stored once per checksum

Revision ID: 0012_attachments
Revises: 0009_name_decisions
Create Date: 2026-12-05

`attachment` describes each attached file; `attachment_content` holds the bytes in chunks,
once per SHA-256, inside the database so team mode shares them and backups include them.
A trigger deletes the bytes when the last attachment naming them goes, whatever deleted it
(removing the attachment, its initiative, an erase, a restore of another state).
"""

from alembic import op
import sqlalchemy as sa


revision = "0012_attachments"
down_revision = "0011_outcomes"
branch_labels = None
depends_on = None

PRUNE = (
    "DELETE FROM attachment_content WHERE sha256 = OLD.sha256"
    " AND NOT EXISTS (SELECT 1 FROM attachment a WHERE a.sha256 = OLD.sha256)"
)
SQLITE_TRIGGER = (
    "CREATE TRIGGER trg_attachment_content_prune AFTER DELETE ON attachment BEGIN "
    + PRUNE
    + "; END"
)
POSTGRES_FUNCTION = f"""
CREATE OR REPLACE FUNCTION attachment_content_prune() RETURNS trigger AS $$
BEGIN
    {PRUNE};
    RETURN NULL;
END
$$ LANGUAGE plpgsql
"""
POSTGRES_TRIGGER = (
    "CREATE TRIGGER trg_attachment_content_prune AFTER DELETE ON attachment"
    " FOR EACH ROW EXECUTE FUNCTION attachment_content_prune()"
)


def upgrade() -> None:
    # the erasure ledger remembers which documents an erase deleted (their checksums), so a
    # restored backup loses them again
    with op.batch_alter_table("erasure") as batch:
        batch.add_column(sa.Column("document_hashes", sa.Text(), nullable=True))
    op.create_table(
        "attachment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("initiative_id", sa.Integer(), nullable=False),
        sa.Column("journal_entry_id", sa.Integer(), nullable=True),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("media_type", sa.String(length=200), nullable=True),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("added_on", sa.Date(), nullable=True),
        sa.Column("added_by", sa.String(length=200), nullable=True),
        sa.Column("extracted_text", sa.Text(), nullable=True),
        sa.Column("text_status", sa.String(length=20), server_default="pending", nullable=False),
        sa.ForeignKeyConstraint(
            ["initiative_id"],
            ["initiative.id"],
            name=op.f("fk_attachment_initiative_id_initiative"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["journal_entry_id"],
            ["journal_entry.id"],
            name=op.f("fk_attachment_journal_entry_id_journal_entry"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attachment")),
    )
    op.create_index(op.f("ix_attachment_initiative_id"), "attachment", ["initiative_id"])
    op.create_index(op.f("ix_attachment_journal_entry_id"), "attachment", ["journal_entry_id"])
    op.create_index(op.f("ix_attachment_sha256"), "attachment", ["sha256"])
    op.create_table(
        "attachment_content",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("seq", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("sha256", "seq", name=op.f("pk_attachment_content")),
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute(POSTGRES_FUNCTION)
        op.execute(POSTGRES_TRIGGER)
    else:
        op.execute(SQLITE_TRIGGER)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS trg_attachment_content_prune ON attachment")
        op.execute("DROP FUNCTION IF EXISTS attachment_content_prune()")
    else:
        op.execute("DROP TRIGGER IF EXISTS trg_attachment_content_prune")
    op.drop_table("attachment_content")
    op.drop_index(op.f("ix_attachment_sha256"), table_name="attachment")
    op.drop_index(op.f("ix_attachment_journal_entry_id"), table_name="attachment")
    op.drop_index(op.f("ix_attachment_initiative_id"), table_name="attachment")
    op.drop_table("attachment")
    with op.batch_alter_table("erasure") as batch:
        batch.drop_column("document_hashes")
