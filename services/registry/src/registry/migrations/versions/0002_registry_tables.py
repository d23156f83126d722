"""Registry tables: buildings, units, enterprises, contacts, enterprise leases.

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


def upgrade() -> None:
    op.create_table(
        "buildings",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("address", sa.String(500), nullable=False),
        sa.Column("floors", sa.Integer(), nullable=True),
        sa.Column("has_service_station", sa.Boolean(), nullable=False),
        sa.Column("created_at", TIMESTAMP, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_buildings"),
    )
    op.create_index("ix_buildings_created_at_id", "buildings", ["created_at", "id"])
    op.create_table(
        "units",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("building_id", sa.Uuid(), nullable=False),
        sa.Column("number", sa.String(50), nullable=False),
        sa.Column("created_at", TIMESTAMP, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_units"),
        sa.ForeignKeyConstraint(["building_id"], ["buildings.id"], name="fk_units_building_id_buildings"),
        sa.UniqueConstraint("building_id", "number", name="uq_units_building_id_number"),
    )
    _create_enterprises()
    op.create_table(
        "contacts",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("enterprise_id", sa.Uuid(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("role", sa.String(200), nullable=True),
        sa.Column("phone", sa.String(50), nullable=True),
        sa.Column("email", sa.String(320), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_contacts"),
        sa.ForeignKeyConstraint(
            ["enterprise_id"], ["enterprises.id"], name="fk_contacts_enterprise_id_enterprises"
        ),
    )
    op.create_index("ix_contacts_enterprise_id", "contacts", ["enterprise_id"])
    _create_enterprise_leases()


def _create_enterprises() -> None:
    op.create_table(
        "enterprises",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("credit_code", sa.String(18), nullable=False),
        sa.Column("name", sa.String(300), nullable=False),
        sa.Column("building_id", sa.Uuid(), nullable=False),
        sa.Column("unit_id", sa.Uuid(), nullable=True),
        sa.Column("industry", sa.String(100), nullable=True),
        sa.Column("registered_in_district", sa.Boolean(), nullable=True),
        sa.Column("headcount", sa.Integer(), nullable=True),
        sa.Column("key_enterprise", sa.Boolean(), nullable=False),
        sa.Column("has_party_organisation", sa.Boolean(), nullable=True),
        sa.Column("has_work_organisation", sa.Boolean(), nullable=True),
        sa.Column("departed_on", sa.Date(), nullable=True),
        sa.Column("destination", sa.String(300), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("registered_at", TIMESTAMP, nullable=False),
        sa.Column("updated_at", TIMESTAMP, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_enterprises"),
        sa.UniqueConstraint("credit_code", name="uq_enterprises_credit_code"),
        sa.ForeignKeyConstraint(
            ["building_id"], ["buildings.id"], name="fk_enterprises_building_id_buildings"
        ),
        sa.ForeignKeyConstraint(["unit_id"], ["units.id"], name="fk_enterprises_unit_id_units"),
    )
    op.create_index("ix_enterprises_building_id", "enterprises", ["building_id"])
    op.create_index("ix_enterprises_industry", "enterprises", ["industry"])
    op.create_index("ix_enterprises_registered_at_id", "enterprises", ["registered_at", "id"])


def _create_enterprise_leases() -> None:
    op.create_table(
        "enterprise_leases",
        sa.Column("enterprise_id", sa.Uuid(), nullable=False),
        sa.Column("unit_id", sa.Uuid(), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=False),
        sa.Column("renewal_status", sa.String(20), nullable=False),
        sa.Column("changed_at", TIMESTAMP, nullable=False),
        sa.PrimaryKeyConstraint("enterprise_id", name="pk_enterprise_leases"),
        sa.ForeignKeyConstraint(
            ["enterprise_id"], ["enterprises.id"], name="fk_enterprise_leases_enterprise_id_enterprises"
        ),
        sa.ForeignKeyConstraint(["unit_id"], ["units.id"], name="fk_enterprise_leases_unit_id_units"),
    )
    op.create_index("ix_enterprise_leases_ends_on", "enterprise_leases", ["ends_on"])


def downgrade() -> None:
    for table in ("enterprise_leases", "contacts", "enterprises", "units", "buildings"):
        op.drop_table(table)
