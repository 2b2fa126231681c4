"""a stored count of each initiative's open cross-pressures, kept by triggers

Revision ID: 0005_open_pressure_count
Revises: 0004_sort_keys
Create Date: 2026-11-29

The portfolio sorts by the number of unresolved cross-pressures. Counting them for every
initiative on each sort took ~200 ms at 100,000 initiatives; a stored, indexed count sorts
through the index. Triggers keep it right whatever writes cross_pressure (the ORM, the bulk
import, `coprod copy`, a merge), so no code path has to remember it.
"""

from alembic import op
import sqlalchemy as sa


revision = "0005_open_pressure_count"
down_revision = "0004_sort_keys"
branch_labels = None
depends_on = None

RECOUNT = (
    "UPDATE initiative SET open_pressures = (SELECT count(*) FROM cross_pressure c"
    " WHERE c.initiative_id = {ident} AND c.status != 'resolved') WHERE id = {ident}"
)

SQLITE_TRIGGERS = (
    "CREATE TRIGGER trg_cross_pressure_count_insert AFTER INSERT ON cross_pressure BEGIN "
    + RECOUNT.format(ident="NEW.initiative_id")
    + "; END",
    "CREATE TRIGGER trg_cross_pressure_count_delete AFTER DELETE ON cross_pressure BEGIN "
    + RECOUNT.format(ident="OLD.initiative_id")
    + "; END",
    "CREATE TRIGGER trg_cross_pressure_count_update AFTER UPDATE OF status, initiative_id"
    " ON cross_pressure BEGIN "
    + RECOUNT.format(ident="OLD.initiative_id")
    + "; "
    + RECOUNT.format(ident="NEW.initiative_id")
    + "; END",
)

POSTGRES_FUNCTION = """
CREATE OR REPLACE FUNCTION cross_pressure_count() RETURNS trigger AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        {old};
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
        {new};
    END IF;
    RETURN NULL;
END
$$ LANGUAGE plpgsql
""".format(
    old=RECOUNT.format(ident="OLD.initiative_id"), new=RECOUNT.format(ident="NEW.initiative_id")
)
POSTGRES_TRIGGER = (
    "CREATE TRIGGER trg_cross_pressure_count AFTER INSERT OR DELETE OR UPDATE OF status,"
    " initiative_id ON cross_pressure FOR EACH ROW EXECUTE FUNCTION cross_pressure_count()"
)


def upgrade() -> None:
    with op.batch_alter_table("initiative", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("open_pressures", sa.Integer(), server_default="0", nullable=False)
        )
        batch_op.create_index(
            batch_op.f("ix_initiative_open_pressures"), ["open_pressures"], unique=False
        )
    op.execute(
        "UPDATE initiative SET open_pressures = (SELECT count(*) FROM cross_pressure c"
        " WHERE c.initiative_id = initiative.id AND c.status != 'resolved')"
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute(POSTGRES_FUNCTION)
        op.execute(POSTGRES_TRIGGER)
    else:
        for statement in SQLITE_TRIGGERS:
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS trg_cross_pressure_count ON cross_pressure")
        op.execute("DROP FUNCTION IF EXISTS cross_pressure_count()")
    else:
        for name in ("insert", "delete", "update"):
            op.execute(f"DROP TRIGGER IF EXISTS trg_cross_pressure_count_{name}")
    with op.batch_alter_table("initiative", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_initiative_open_pressures"))
        batch_op.drop_column("open_pressures")
