"""Risk tables: enterprises (facts and current rating), rating history, overrides.

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


def upgrade() -> None:
    op.create_table(
        "enterprises",
        sa.Column("enterprise_id", sa.Uuid(), nullable=False),
        sa.Column("facts", sa.Text(), nullable=False),
        sa.Column("building_id", sa.Uuid(), nullable=True),
        sa.Column("key_enterprise", sa.Boolean(), nullable=False),
        sa.Column("profile_version", sa.Integer(), nullable=False),
        sa.Column("departed", sa.Boolean(), nullable=False),
        sa.Column("override", sa.Text(), nullable=True),
        sa.Column("colour", sa.String(10), nullable=True),
        sa.Column("score", sa.Float(), nullable=True),
        sa.Column("rating", sa.Text(), nullable=True),
        sa.Column("cause", sa.Text(), nullable=True),
        sa.Column("since", TIMESTAMP, nullable=True),
        sa.Column("rated_at", TIMESTAMP, nullable=True),
        sa.PrimaryKeyConstraint("enterprise_id", name="pk_enterprises"),
    )
    op.create_index("ix_enterprises_colour_enterprise_id", "enterprises", ["colour", "enterprise_id"])
    op.create_index(
        "ix_enterprises_building_id_enterprise_id", "enterprises", ["building_id", "enterprise_id"]
    )
    _create_rating_history()
    _create_overrides()


def _create_rating_history() -> None:
    op.create_table(
        "rating_history",
        sa.Column("id", BIG_ID, autoincrement=True, nullable=False),
        sa.Column("enterprise_id", sa.Uuid(), nullable=False),
        sa.Column("ce_id", sa.String(36), nullable=False),
        sa.Column("from_colour", sa.String(10), nullable=True),
        sa.Column("colour", sa.String(10), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("rating", sa.Text(), nullable=False),
        sa.Column("cause", sa.Text(), nullable=False),
        sa.Column("rated_at", TIMESTAMP, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_rating_history"),
        sa.UniqueConstraint("ce_id", name="uq_rating_history_ce_id"),
    )
    op.create_index("ix_rating_history_enterprise_id_id", "rating_history", ["enterprise_id", "id"])


def _create_overrides() -> None:
    op.create_table(
        "overrides",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("enterprise_id", sa.Uuid(), nullable=False),
        sa.Column("colour", sa.String(10), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("actor", sa.String(200), nullable=False),
        sa.Column("until", TIMESTAMP, nullable=False),
        sa.Column("created_at", TIMESTAMP, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_overrides"),
    )
    op.create_index("ix_overrides_enterprise_id", "overrides", ["enterprise_id"])


def downgrade() -> None:
    for table in ("overrides", "rating_history", "enterprises"):
        op.drop_table(table)
