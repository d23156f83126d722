"""Cases tables: cases, case timeline, enterprise facts.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# Frozen copies of the column types of this version (UtcDateTime's DDL is a timezone-aware timestamp).
TIMESTAMP = sa.DateTime(timezone=True)
BIG_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
NOT_CLOSED_RETENTION = sa.text("kind = 'retention' AND status <> 'closed'")


def upgrade() -> None:
    _create_cases()
    op.create_table(
        "case_timeline",
        sa.Column("id", BIG_ID, autoincrement=True, nullable=False),
        sa.Column("case_id", sa.Uuid(), nullable=False),
        sa.Column("action", sa.String(30), nullable=False),
        sa.Column("actor", sa.String(200), nullable=False),
        sa.Column("at", TIMESTAMP, nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("mechanism", sa.String(20), nullable=False),
        sa.Column("team", sa.String(30), nullable=False),
        sa.Column("details", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_case_timeline"),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], name="fk_case_timeline_case_id_cases"),
    )
    op.create_index("ix_case_timeline_case_id_id", "case_timeline", ["case_id", "id"])
    op.create_index("ix_case_timeline_at", "case_timeline", ["at"])
    op.create_table(
        "enterprise_facts",
        sa.Column("enterprise_id", sa.Uuid(), nullable=False),
        sa.Column("key_enterprise", sa.Boolean(), nullable=False),
        sa.Column("key_as_of", TIMESTAMP, nullable=True),
        sa.Column("building_id", sa.Uuid(), nullable=True),
        sa.Column("building_as_of", TIMESTAMP, nullable=True),
        sa.Column("colour", sa.String(10), nullable=True),
        sa.Column("colour_as_of", TIMESTAMP, nullable=True),
        sa.Column("departed", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("enterprise_id", name="pk_enterprise_facts"),
    )


def _create_cases() -> None:
    op.create_table(
        "cases",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("enterprise_id", sa.Uuid(), nullable=True),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("mechanism", sa.String(20), nullable=False),
        sa.Column("team", sa.String(30), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("opened_at", TIMESTAMP, nullable=False),
        sa.Column("sla_deadline", TIMESTAMP, nullable=False),
        sa.Column("routing_rule", sa.String(100), nullable=False),
        sa.Column("team_assigned_by_person", sa.Boolean(), nullable=False),
        sa.Column("officer", sa.String(200), nullable=True),
        sa.Column("breached", sa.Boolean(), nullable=False),
        sa.Column("last_breach_at", TIMESTAMP, nullable=True),
        sa.Column("outcome", sa.Text(), nullable=True),
        sa.Column("resolved_at", TIMESTAMP, nullable=True),
        sa.Column("satisfaction", sa.Integer(), nullable=True),
        sa.Column("feedback", sa.Text(), nullable=True),
        sa.Column("closed_at", TIMESTAMP, nullable=True),
        sa.Column("need_id", sa.Uuid(), nullable=True),
        sa.Column("category_code", sa.String(100), nullable=True),
        sa.Column("description", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_cases"),
        sa.UniqueConstraint("need_id", name="uq_cases_need_id"),
    )
    op.create_index("ix_cases_enterprise_id", "cases", ["enterprise_id"])
    op.create_index("ix_cases_opened_at_id", "cases", ["opened_at", "id"])
    # At most one retention case per enterprise that is not closed, enforced by both databases.
    op.create_index(
        "uq_cases_enterprise_id_not_closed_retention",
        "cases",
        ["enterprise_id"],
        unique=True,
        sqlite_where=NOT_CLOSED_RETENTION,
        postgresql_where=NOT_CLOSED_RETENTION,
    )


def downgrade() -> None:
    for table in ("case_timeline", "enterprise_facts", "cases"):
        op.drop_table(table)
