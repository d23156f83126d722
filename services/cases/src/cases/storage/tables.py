"""The cases service's tables: cases, their timelines, and the enterprise facts routing needs."""

from sqlalchemy import JSON, Boolean, Column, ForeignKey, Index, Integer, String, Table, Text, Uuid, text

from district_shared.db import UtcDateTime, new_metadata
from district_shared.platform_tables import BigId, add_platform_tables

metadata = new_metadata()
add_platform_tables(metadata)

# The retention cases an enterprise may hold at most one of (DESIGN §3): the unique index's predicate.
NOT_CLOSED_RETENTION = text("kind = 'retention' AND status <> 'closed'")

cases = Table(
    "cases",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("enterprise_id", Uuid, nullable=True, index=True),
    Column("kind", String(20), nullable=False),
    Column("mechanism", String(20), nullable=False),
    Column("team", String(30), nullable=False),
    Column("status", String(20), nullable=False),
    Column("opened_at", UtcDateTime, nullable=False),
    Column("sla_deadline", UtcDateTime, nullable=False),
    Column("routing_rule", String(100), nullable=False),
    Column("team_assigned_by_person", Boolean, nullable=False),
    Column("officer", String(200), nullable=True),
    Column("breached", Boolean, nullable=False),
    Column("last_breach_at", UtcDateTime, nullable=True),
    Column("outcome", Text, nullable=True),
    Column("resolved_at", UtcDateTime, nullable=True),
    Column("satisfaction", Integer, nullable=True),
    Column("feedback", Text, nullable=True),
    Column("closed_at", UtcDateTime, nullable=True),
    Column("need_id", Uuid, nullable=True, unique=True),
    Column("category_code", String(100), nullable=True),
    Column("description", Text, nullable=True),
    Index("ix_cases_opened_at_id", "opened_at", "id"),
    Index(
        "uq_cases_enterprise_id_not_closed_retention",
        "enterprise_id",
        unique=True,
        sqlite_where=NOT_CLOSED_RETENTION,
        postgresql_where=NOT_CLOSED_RETENTION,
    ),
)

# Every change of a case, with who made it and the case's status, mechanism and team right after it.
case_timeline = Table(
    "case_timeline",
    metadata,
    Column("id", BigId, primary_key=True, autoincrement=True),
    Column("case_id", Uuid, ForeignKey("cases.id"), nullable=False),
    Column("action", String(30), nullable=False),
    Column("actor", String(200), nullable=False),
    Column("at", UtcDateTime, nullable=False),
    Column("status", String(20), nullable=False),
    Column("mechanism", String(20), nullable=False),
    Column("team", String(30), nullable=False),
    Column("details", JSON, nullable=False),
    Index("ix_case_timeline_case_id_id", "case_id", "id"),
    Index("ix_case_timeline_at", "at"),
)

# One row per enterprise any event mentioned; each fact with the effective time it is as of.
enterprise_facts = Table(
    "enterprise_facts",
    metadata,
    Column("enterprise_id", Uuid, primary_key=True),
    Column("key_enterprise", Boolean, nullable=False),
    Column("key_as_of", UtcDateTime, nullable=True),
    Column("building_id", Uuid, nullable=True),
    Column("building_as_of", UtcDateTime, nullable=True),
    Column("colour", String(10), nullable=True),
    Column("colour_as_of", UtcDateTime, nullable=True),
    Column("departed", Boolean, nullable=False),
)
