"""The registry's tables: buildings and their units, enterprises, their contacts and current lease;
visits, signals and needs; the service catalogue; imports."""

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
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

visits = Table(
    "visits",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("enterprise_id", Uuid, ForeignKey("enterprises.id"), nullable=False),
    Column("building_id", Uuid, ForeignKey("buildings.id"), nullable=False),
    Column("visited_at", UtcDateTime, nullable=False),
    Column("team", String(30), nullable=False),
    Column("visitor", String(200), nullable=False),
    Column("notes", Text, nullable=True),
    Column("recorded_by", String(200), nullable=False),
    Column("recorded_at", UtcDateTime, nullable=False),
    Index("ix_visits_enterprise_id_visited_at", "enterprise_id", "visited_at"),
)

# One row per field a visit verified: the completeness KPI counts them in SQL.
verified_fields = Table(
    "verified_fields",
    metadata,
    Column("visit_id", Uuid, ForeignKey("visits.id"), primary_key=True),
    Column("field", String(50), primary_key=True),
    Column("position", Integer, nullable=False),
)

signals = Table(
    "signals",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("enterprise_id", Uuid, ForeignKey("enterprises.id"), nullable=False),
    Column("visit_id", Uuid, ForeignKey("visits.id"), nullable=True),
    Column("code", String(40), nullable=False),
    Column("observed_at", UtcDateTime, nullable=False),
    Column("details", Text, nullable=True),
    Column("reported_by", String(200), nullable=False),
    Column("reported_at", UtcDateTime, nullable=False),
    Column("resolved_at", UtcDateTime, nullable=True),
    Column("resolved_by", String(200), nullable=True),
    Column("resolution", Text, nullable=True),
    Index("ix_signals_enterprise_id_observed_at", "enterprise_id", "observed_at"),
)

# A need keeps the catalogue terms it was raised under, so no foreign key to the catalogue.
needs = Table(
    "needs",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("enterprise_id", Uuid, ForeignKey("enterprises.id"), nullable=True, index=True),
    Column("visit_id", Uuid, ForeignKey("visits.id"), nullable=True),
    Column("requester", String(20), nullable=False),
    Column("channel", String(20), nullable=False),
    Column("category_code", String(80), nullable=False),
    Column("default_mechanism", String(20), nullable=False),
    Column("sla_working_days", Integer, nullable=False),
    Column("solvable_on_spot", Boolean, nullable=False),
    Column("departments_involved", JSON, nullable=False),
    Column("key_enterprise", Boolean, nullable=False),
    Column("description", Text, nullable=False),
    Column("contact", String(300), nullable=True),
    Column("raised_at", UtcDateTime, nullable=False),
    Column("raised_by", String(200), nullable=False),
    Index("ix_needs_raised_at_id", "raised_at", "id"),
)

service_catalogue = Table(
    "service_catalogue",
    metadata,
    Column("category_code", String(80), primary_key=True),
    Column("position", Integer, nullable=False),
    Column("name", String(200), nullable=False),
    Column("area", String(20), nullable=False),
    Column("delivery", String(20), nullable=False),
    Column("audience", String(20), nullable=False, index=True),
    Column("default_mechanism", String(20), nullable=False),
    Column("sla_working_days", Integer, nullable=False),
    Column("solvable_on_spot", Boolean, nullable=False),
    Column("departments_involved", JSON, nullable=False),
)

imports = Table(
    "imports",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("imported_by", String(200), nullable=False),
    Column("imported_at", UtcDateTime, nullable=False),
    Column("format", String(10), nullable=False),
    Column("all_or_nothing", Boolean, nullable=False),
    Column("row_count", Integer, nullable=False),
    Column("buildings_stored", Integer, nullable=False),
    Column("enterprises_stored", Integer, nullable=False),
    Column("rejected", JSON, nullable=False),
)
