"""a counter per year for new initiative references, so concurrent writers never collide

Revision ID: 0007_reference_counter
Revises: 0005_open_pressure_count
Create Date: 2026-12-05

The next reference used to be the largest in use plus one, read without a lock: two imports
at the same time took the same number and one failed on the unique constraint. The counter
row is locked by whoever takes numbers (store/references.py); it starts at the largest number
of each year already in use.
"""

import re

from alembic import op
import sqlalchemy as sa


revision = "0007_reference_counter"
down_revision = "0006_erasure_ledger"
branch_labels = None
depends_on = None

REFERENCE = re.compile(r"^CP-(\d{4})-(\d+)$", re.IGNORECASE)


def upgrade() -> None:
    counter = op.create_table(
        "reference_counter",
        sa.Column("year", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("last", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("year", name=op.f("pk_reference_counter")),
    )
    largest: dict[int, int] = {}
    for (reference,) in op.get_bind().execute(sa.text("SELECT reference FROM initiative")):
        match = REFERENCE.match((reference or "").strip())
        if match:
            year, number = int(match.group(1)), int(match.group(2))
            largest[year] = max(largest.get(year, 0), number)
    if largest:
        op.bulk_insert(counter, [{"year": y, "last": n} for y, n in sorted(largest.items())])


def downgrade() -> None:
    op.drop_table("reference_counter")
