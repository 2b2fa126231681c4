"""the facts attention signals read, kept on each initiative by triggers

Revision ID: 0013_attention_facts
Revises: 0011_outcomes
Create Date: 2026-12-05

Attention signals are a function of stored facts and today's date (domain/assessment.py). Working
them out in Python for 100,000 initiatives took seconds; with the facts each signal reads kept
on `initiative` (the current mandate, counts, the latest journal and measurement dates, the
earliest open due date), each signal is an SQL predicate with today's date as a parameter
(services/attention.py). Triggers keep the facts right whatever writes the child tables (the
ORM, the bulk import, `coprod copy`, a merge), as migration 0005 does for the open-pressure
count; the code never writes them.
"""

from alembic import op
import sqlalchemy as sa


revision = "0013_attention_facts"
down_revision = "0012_attachments"
branch_labels = None
depends_on = None

# The current mandate: the latest decided (undated ones count as the oldest), ties by id.
_CURRENT = (
    "(SELECT x.{column} FROM mandate x WHERE x.initiative_id = {{ident}}"
    " ORDER BY x.decided_on DESC NULLS LAST, x.id DESC LIMIT 1)"
)

# table -> (columns whose change matters, {fact column: its value for initiative {ident}})
FACTS: dict[str, tuple[tuple[str, ...], dict[str, str]]] = {
    "mandate": (
        ("level", "clarity", "valid_until", "decided_on", "political_anchoring"),
        {
            "current_mandate_level": _CURRENT.format(column="level"),
            "current_mandate_clarity": _CURRENT.format(column="clarity"),
            "current_mandate_until": _CURRENT.format(column="valid_until"),
            "anchored_mandates": "(SELECT count(*) FROM mandate x"
            " WHERE x.initiative_id = {ident} AND x.political_anchoring = TRUE)",
        },
    ),
    "resource_entry": (
        ("kind",),
        {
            "staff_time_entries": "(SELECT count(*) FROM resource_entry x"
            " WHERE x.initiative_id = {ident} AND x.kind = 'staff_hours')",
        },
    ),
    "involvement": (
        ("stakeholder_id", "role", "trust", "left_on"),
        {
            "municipal_units": "(SELECT count(DISTINCT x.stakeholder_id) FROM involvement x"
            " JOIN stakeholder s ON s.id = x.stakeholder_id"
            " WHERE x.initiative_id = {ident} AND s.kind = 'municipal_unit')",
            "troubled_partners": "(SELECT count(*) FROM involvement x"
            " WHERE x.initiative_id = {ident} AND x.role = 'partner'"
            " AND (x.trust = 'low' OR x.left_on IS NOT NULL))",
        },
    ),
    "cross_pressure": (
        ("status", "severity", "raised_on"),
        {
            "severe_pressure_since": "(SELECT min(x.raised_on) FROM cross_pressure x"
            " WHERE x.initiative_id = {ident} AND x.status != 'resolved' AND x.severity >= 3)",
        },
    ),
    "journal_entry": (
        ("date",),
        {
            "last_journal_on": "(SELECT max(x.date) FROM journal_entry x"
            " WHERE x.initiative_id = {ident})",
        },
    ),
    "commitment": (
        ("status", "due_on"),
        {
            # {plus}: SQLite's unary plus keeps the planner off the index on status, which
            # it chose before ANALYZE and which made every insert scan all open commitments
            "earliest_open_due": "(SELECT min(x.due_on) FROM commitment x"
            " WHERE x.initiative_id = {ident} AND {plus}x.status IN ('open', 'in_progress'))",
        },
    ),
    "outcome": (
        ("measured_on",),
        {
            "outcome_count": "(SELECT count(*) FROM outcome x WHERE x.initiative_id = {ident})",
            "last_measured_on": "(SELECT max(x.measured_on) FROM outcome x"
            " WHERE x.initiative_id = {ident})",
        },
    ),
}

# SQLite: a new row that cannot change its table's facts fires no update (the bulk import
# writes many such rows).
INSERT_MATTERS = {
    "resource_entry": "NEW.kind = 'staff_hours'",
    "involvement": "NEW.role = 'partner' OR EXISTS (SELECT 1 FROM stakeholder s"
    " WHERE s.id = NEW.stakeholder_id AND s.kind = 'municipal_unit')",
    "cross_pressure": "NEW.status != 'resolved' AND NEW.severity >= 3"
    " AND NEW.raised_on IS NOT NULL",
    "commitment": "NEW.status IN ('open', 'in_progress') AND NEW.due_on IS NOT NULL",
}

COLUMNS: tuple[tuple[str, sa.types.TypeEngine, bool], ...] = (
    ("current_mandate_level", sa.String(length=40), False),
    ("current_mandate_clarity", sa.String(length=40), False),
    ("current_mandate_until", sa.Date(), False),
    ("anchored_mandates", sa.Integer(), True),
    ("staff_time_entries", sa.Integer(), True),
    ("municipal_units", sa.Integer(), True),
    ("troubled_partners", sa.Integer(), True),
    ("severe_pressure_since", sa.Date(), False),
    ("last_journal_on", sa.Date(), False),
    ("earliest_open_due", sa.Date(), False),
    ("outcome_count", sa.Integer(), True),
    ("last_measured_on", sa.Date(), False),
)


def refresh(table: str, ident: str, where: str, dialect: str) -> str:
    """The UPDATE that recomputes `table`'s facts for the initiatives `where` selects."""
    facts = FACTS[table][1]
    plus = "+" if dialect == "sqlite" else ""
    sets = ", ".join(
        f"{column} = {value.format(ident=ident, plus=plus)}" for column, value in facts.items()
    )
    return f"UPDATE initiative SET {sets} WHERE {where}"


def _for_one(table: str, row: str, dialect: str) -> str:
    return refresh(table, f"{row}.initiative_id", f"id = {row}.initiative_id", dialect)


# A stakeholder who becomes (or stops being) a municipal unit changes every initiative
# involving it.
def _stakeholder_kind(dialect: str) -> str:
    return refresh(
        "involvement",
        "initiative.id",
        "id IN (SELECT initiative_id FROM involvement WHERE stakeholder_id = NEW.id)",
        dialect,
    )


def sqlite_triggers() -> list[str]:
    out = []
    for table, (watched, _facts) in FACTS.items():
        name = f"trg_{table}_attention"
        columns = ", ".join((*watched, "initiative_id"))
        out += [
            f"CREATE TRIGGER {name}_insert AFTER INSERT ON {table}"
            + (f" WHEN {INSERT_MATTERS[table]}" if table in INSERT_MATTERS else "")
            + " BEGIN "
            f"{_for_one(table, 'NEW', 'sqlite')}; END",
            f"CREATE TRIGGER {name}_delete AFTER DELETE ON {table} BEGIN "
            f"{_for_one(table, 'OLD', 'sqlite')}; END",
            f"CREATE TRIGGER {name}_update AFTER UPDATE OF {columns} ON {table} BEGIN "
            f"{_for_one(table, 'OLD', 'sqlite')}; {_for_one(table, 'NEW', 'sqlite')}; END",
        ]
    out.append(
        "CREATE TRIGGER trg_stakeholder_attention_update AFTER UPDATE OF kind ON stakeholder"
        f" BEGIN {_stakeholder_kind('sqlite')}; END"
    )
    return out


def postgres_statements() -> list[str]:
    out = []
    for table, (watched, _facts) in FACTS.items():
        function = f"{table}_attention_facts"
        out.append(
            f"CREATE OR REPLACE FUNCTION {function}() RETURNS trigger AS $$\n"
            "BEGIN\n"
            "    IF TG_OP IN ('UPDATE', 'DELETE') THEN\n"
            f"        {_for_one(table, 'OLD', 'postgresql')};\n"
            "    END IF;\n"
            "    IF TG_OP IN ('UPDATE', 'INSERT') THEN\n"
            f"        {_for_one(table, 'NEW', 'postgresql')};\n"
            "    END IF;\n"
            "    RETURN NULL;\n"
            "END\n"
            "$$ LANGUAGE plpgsql"
        )
        columns = ", ".join((*watched, "initiative_id"))
        out.append(
            f"CREATE TRIGGER trg_{table}_attention AFTER INSERT OR DELETE OR UPDATE OF"
            f" {columns} ON {table} FOR EACH ROW EXECUTE FUNCTION {function}()"
        )
    out.append(
        "CREATE OR REPLACE FUNCTION stakeholder_attention_facts() RETURNS trigger AS $$\n"
        f"BEGIN\n    {_stakeholder_kind('postgresql')};\n    RETURN NULL;\nEND\n$$ LANGUAGE plpgsql"
    )
    out.append(
        "CREATE TRIGGER trg_stakeholder_attention AFTER UPDATE OF kind ON stakeholder"
        " FOR EACH ROW EXECUTE FUNCTION stakeholder_attention_facts()"
    )
    return out


def upgrade() -> None:
    # Plain ALTER TABLE ADD COLUMN: a batch copy of `initiative` would break the triggers of
    # migration 0005 that name it.
    for column, kind, counted in COLUMNS:
        op.add_column(
            "initiative",
            sa.Column(
                column,
                kind,
                nullable=not counted,
                server_default="0" if counted else None,
            ),
        )
        op.create_index(op.f(f"ix_initiative_{column}"), "initiative", [column], unique=False)
    dialect = op.get_bind().dialect.name
    for table in FACTS:
        op.execute(refresh(table, "initiative.id", "1 = 1", dialect))
    if dialect == "postgresql":
        for statement in postgres_statements():
            op.execute(statement)
    else:
        for statement in sqlite_triggers():
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table in (*FACTS, "stakeholder"):
            op.execute(f"DROP TRIGGER IF EXISTS trg_{table}_attention ON {table}")
            op.execute(f"DROP FUNCTION IF EXISTS {table}_attention_facts()")
    else:
        for table in FACTS:
            for event in ("insert", "delete", "update"):
                op.execute(f"DROP TRIGGER IF EXISTS trg_{table}_attention_{event}")
        op.execute("DROP TRIGGER IF EXISTS trg_stakeholder_attention_update")
    for column, _kind, _counted in reversed(COLUMNS):
        op.drop_index(op.f(f"ix_initiative_{column}"), table_name="initiative")
        op.drop_column("initiative", column)
