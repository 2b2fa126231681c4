"""the words of attached documents in an index of their own; outcomes in the search

Revision ID: 0014_attachment_search
Revises: 0013_attention_facts
Create Date: 2026-12-05

Until now the words of an initiative's documents were part of the initiative's own search row,
so every save of the initiative folded and rewrote all of them (megabytes for an initiative
with many documents) and "which document matched" meant reading every document's text again.
Each attachment now has its own row in `attachment_fts` (SQLite FTS5, rowid = attachment id)
or `attachment_search` (other databases), written once when its words are extracted and
removed with the attachment (a trigger on SQLite, a cascading foreign key elsewhere). The
initiatives with documents or outcomes are reindexed: their rows lose the documents' words
and gain the outcomes' indicator and evidence (see coprod_desktop/store/search.py).
"""

from alembic import op
import sqlalchemy as sa

from coprod_desktop.store import search


revision = "0014_attachment_search"
down_revision = "0013_attention_facts"
branch_labels = None
depends_on = None

SQLITE_TRIGGER = (
    "CREATE TRIGGER trg_attachment_fts_delete AFTER DELETE ON attachment BEGIN "
    "DELETE FROM attachment_fts WHERE rowid = OLD.id; END"
)


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        op.execute(
            "CREATE VIRTUAL TABLE attachment_fts USING fts5("
            "body, tokenize = 'unicode61 remove_diacritics 2')"
        )
        op.execute(SQLITE_TRIGGER)
    else:
        op.create_table(
            "attachment_search",
            sa.Column(
                "attachment_id",
                sa.Integer(),
                sa.ForeignKey("attachment.id", ondelete="CASCADE"),
                primary_key=True,
            ),
            sa.Column("body", sa.Text(), nullable=False),
        )
    # Plain SQL for the rows (this revision's schema), the app's folding for the words.
    with_words = bind.execute(
        sa.text("SELECT id FROM attachment WHERE extracted_text IS NOT NULL ORDER BY id")
    ).scalars()
    idents = list(with_words)
    for start in range(0, len(idents), 200):
        part = idents[start : start + 200]
        found = bind.execute(
            sa.text("SELECT id, extracted_text FROM attachment WHERE id IN :ids").bindparams(
                sa.bindparam("ids", expanding=True)
            ),
            {"ids": part},
        ).all()
        search.index_documents(bind, [(row[0], row[1]) for row in found])
    touched = bind.execute(
        sa.text("SELECT initiative_id FROM attachment UNION SELECT initiative_id FROM outcome")
    ).scalars()
    search.reindex(bind, list(touched))


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS trg_attachment_fts_delete")
        op.execute("DROP TABLE attachment_fts")
    else:
        op.drop_table("attachment_search")
