"""The registry's tables: buildings and their units, enterprises, their contacts and current lease."""

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    UniqueConstraint,
    Uuid,
)

from district_shared.db import UtcDateTime, new_metadata
from district_shared.platform_tables import add_platform_tables

metadata = new_metadata()
add_platform_tables(metadata)

buildings = Table(
    "buildings",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("name", String(200), nullable=False),
    Column("address", String(500), nullable=False),
    Column("floors", Integer, nullable=True),
    Column("has_service_station", Boolean, nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    Index("ix_buildings_created_at_id", "created_at", "id"),
)

units = Table(
    "units",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("building_id", Uuid, ForeignKey("buildings.id"), nullable=False),
    Column("number", String(50), nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    UniqueConstraint("building_id", "number", name="uq_units_building_id_number"),
)

enterprises = Table(
    "enterprises",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("credit_code", String(18), nullable=False, unique=True),
    Column("name", String(300), nullable=False),
    Column("building_id", Uuid, ForeignKey("buildings.id"), nullable=False, index=True),
    Column("unit_id", Uuid, ForeignKey("units.id"), nullable=True),
    Column("industry", String(100), nullable=True, index=True),
    Column("registered_in_district", Boolean, nullable=True),
    Column("headcount", Integer, nullable=True),
    Column("key_enterprise", Boolean, nullable=False),
    Column("has_party_organisation", Boolean, nullable=True),
    Column("has_work_organisation", Boolean, nullable=True),
    Column("departed_on", Date, nullable=True),
    Column("destination", String(300), nullable=True),
    Column("version", Integer, nullable=False),
    Column("registered_at", UtcDateTime, nullable=False),
    Column("updated_at", UtcDateTime, nullable=False),
    Index("ix_enterprises_registered_at_id", "registered_at", "id"),
)

contacts = Table(
    "contacts",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("enterprise_id", Uuid, ForeignKey("enterprises.id"), nullable=False, index=True),
    Column("position", Integer, nullable=False),
    Column("name", String(200), nullable=False),
    Column("role", String(200), nullable=True),
    Column("phone", String(50), nullable=True),
    Column("email", String(320), nullable=True),
)

# "leases" is the platform's table of singleton locks; these are the enterprises' office leases.
enterprise_leases = Table(
    "enterprise_leases",
    metadata,
    Column("enterprise_id", Uuid, ForeignKey("enterprises.id"), primary_key=True),
    Column("unit_id", Uuid, ForeignKey("units.id"), nullable=False),
    Column("starts_on", Date, nullable=False),
    Column("ends_on", Date, nullable=False, index=True),
    Column("renewal_status", String(20), nullable=False),
    Column("changed_at", UtcDateTime, nullable=False),
)
