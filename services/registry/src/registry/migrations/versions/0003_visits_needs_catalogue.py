"""Visits, verified fields, signals, needs, the service catalogue and imports.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

TIMESTAMP = sa.DateTime(timezone=True)


def upgrade() -> None:
    _create_visits()
    _create_signals()
    _create_needs()
    _create_catalogue()
    _create_imports()


def _create_visits() -> None:
    op.create_table(
        "visits",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("enterprise_id", sa.Uuid(), nullable=False),
        sa.Column("building_id", sa.Uuid(), nullable=False),
        sa.Column("visited_at", TIMESTAMP, nullable=False),
        sa.Column("team", sa.String(30), nullable=False),
        sa.Column("visitor", sa.String(200), nullable=False),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("recorded_by", sa.String(200), nullable=False),
        sa.Column("recorded_at", TIMESTAMP, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_visits"),
        sa.ForeignKeyConstraint(
            ["enterprise_id"], ["enterprises.id"], name="fk_visits_enterprise_id_enterprises"
        ),
        sa.ForeignKeyConstraint(["building_id"], ["buildings.id"], name="fk_visits_building_id_buildings"),
    )
    op.create_index("ix_visits_enterprise_id_visited_at", "visits", ["enterprise_id", "visited_at"])
    op.create_table(
        "verified_fields",
        sa.Column("visit_id", sa.Uuid(), nullable=False),
        sa.Column("field", sa.String(50), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("visit_id", "field", name="pk_verified_fields"),
        sa.ForeignKeyConstraint(["visit_id"], ["visits.id"], name="fk_verified_fields_visit_id_visits"),
    )


def _create_signals() -> None:
    op.create_table(
        "signals",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("enterprise_id", sa.Uuid(), nullable=False),
        sa.Column("visit_id", sa.Uuid(), nullable=True),
        sa.Column("code", sa.String(40), nullable=False),
        sa.Column("observed_at", TIMESTAMP, nullable=False),
        sa.Column("details", sa.Text(), nullable=True),
        sa.Column("reported_by", sa.String(200), nullable=False),
        sa.Column("reported_at", TIMESTAMP, nullable=False),
        sa.Column("resolved_at", TIMESTAMP, nullable=True),
        sa.Column("resolved_by", sa.String(200), nullable=True),
        sa.Column("resolution", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_signals"),
        sa.ForeignKeyConstraint(
            ["enterprise_id"], ["enterprises.id"], name="fk_signals_enterprise_id_enterprises"
        ),
        sa.ForeignKeyConstraint(["visit_id"], ["visits.id"], name="fk_signals_visit_id_visits"),
    )
    op.create_index("ix_signals_enterprise_id_observed_at", "signals", ["enterprise_id", "observed_at"])


def _create_needs() -> None:
    op.create_table(
        "needs",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("enterprise_id", sa.Uuid(), nullable=True),
        sa.Column("visit_id", sa.Uuid(), nullable=True),
        sa.Column("requester", sa.String(20), nullable=False),
        sa.Column("channel", sa.String(20), nullable=False),
        sa.Column("category_code", sa.String(80), nullable=False),
        sa.Column("default_mechanism", sa.String(20), nullable=False),
        sa.Column("sla_working_days", sa.Integer(), nullable=False),
        sa.Column("solvable_on_spot", sa.Boolean(), nullable=False),
        sa.Column("departments_involved", sa.JSON(), nullable=False),
        sa.Column("key_enterprise", sa.Boolean(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("contact", sa.String(300), nullable=True),
        sa.Column("raised_at", TIMESTAMP, nullable=False),
        sa.Column("raised_by", sa.String(200), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_needs"),
        sa.ForeignKeyConstraint(
            ["enterprise_id"], ["enterprises.id"], name="fk_needs_enterprise_id_enterprises"
        ),
        sa.ForeignKeyConstraint(["visit_id"], ["visits.id"], name="fk_needs_visit_id_visits"),
    )
    op.create_index("ix_needs_enterprise_id", "needs", ["enterprise_id"])
    op.create_index("ix_needs_raised_at_id", "needs", ["raised_at", "id"])


def _create_catalogue() -> None:
    op.create_table(
        "service_catalogue",
        sa.Column("category_code", sa.String(80), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("area", sa.String(20), nullable=False),
        sa.Column("delivery", sa.String(20), nullable=False),
        sa.Column("audience", sa.String(20), nullable=False),
        sa.Column("default_mechanism", sa.String(20), nullable=False),
        sa.Column("sla_working_days", sa.Integer(), nullable=False),
        sa.Column("solvable_on_spot", sa.Boolean(), nullable=False),
        sa.Column("departments_involved", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("category_code", name="pk_service_catalogue"),
    )
    op.create_index("ix_service_catalogue_audience", "service_catalogue", ["audience"])


def _create_imports() -> None:
    op.create_table(
        "imports",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("imported_by", sa.String(200), nullable=False),
        sa.Column("imported_at", TIMESTAMP, nullable=False),
        sa.Column("format", sa.String(10), nullable=False),
        sa.Column("all_or_nothing", sa.Boolean(), nullable=False),
        sa.Column("row_count", sa.Integer(), nullable=False),
        sa.Column("buildings_stored", sa.Integer(), nullable=False),
        sa.Column("enterprises_stored", sa.Integer(), nullable=False),
        sa.Column("rejected", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_imports"),
    )


def downgrade() -> None:
    for table in ("imports", "service_catalogue", "needs", "signals", "verified_fields", "visits"):
        op.drop_table(table)
