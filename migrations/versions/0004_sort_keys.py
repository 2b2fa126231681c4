"""lower-case sort keys for title and owner

Revision ID: 0004_sort_keys
Revises: 0003_person_access
Create Date: 2026-11-28
"""
from alembic import op
import sqlalchemy as sa


revision = '0004_sort_keys'
down_revision = '0003_person_access'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('initiative', schema=None) as batch_op:
        batch_op.add_column(sa.Column('title_key', sa.Text(), server_default='', nullable=False))
        batch_op.add_column(sa.Column('owner_key', sa.Text(), nullable=True))

    # Python's lower() (Unicode-aware), the same as models.sort_key.
    bind = op.get_bind()
    rows = bind.execute(sa.text('SELECT id, title, owner FROM initiative')).fetchall()
    keys = [
        {
            'id': row[0],
            'title_key': row[1].lower() if isinstance(row[1], str) else '',
            'owner_key': row[2].lower() if isinstance(row[2], str) else None,
        }
        for row in rows
    ]
    if keys:
        bind.execute(
            sa.text('UPDATE initiative SET title_key = :title_key, owner_key = :owner_key WHERE id = :id'),
            keys,
        )

    with op.batch_alter_table('initiative', schema=None) as batch_op:
        batch_op.create_index('ix_initiative_title_key', ['title_key'], unique=False)
        batch_op.create_index(batch_op.f('ix_initiative_owner_key'), ['owner_key'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('initiative', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_initiative_owner_key'))
        batch_op.drop_index('ix_initiative_title_key')
        batch_op.drop_column('owner_key')
        batch_op.drop_column('title_key')
