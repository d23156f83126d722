"""The risk service's tables: each enterprise's facts and rating, the ratings announced, the overrides."""

from sqlalchemy import Boolean, Column, Float, Index, Integer, String, Table, Text, Uuid

from district_shared.db import UtcDateTime, new_metadata
from district_shared.platform_tables import BigId, add_platform_tables

metadata = new_metadata()
add_platform_tables(metadata)

# One row per enterprise risk has seen. The JSON columns hold the domain's own models; the rating columns
# are null only inside the transaction that creates the row (a placeholder is rated before it commits).
enterprises = Table(
    "enterprises",
    metadata,
    Column("enterprise_id", Uuid, primary_key=True),
    Column("facts", Text, nullable=False),
    Column("building_id", Uuid, nullable=True),
    Column("key_enterprise", Boolean, nullable=False),
    Column("profile_version", Integer, nullable=False),
    Column("departed", Boolean, nullable=False),
    Column("override", Text, nullable=True),
    Column("colour", String(10), nullable=True),
    Column("score", Float, nullable=True),
    Column("rating", Text, nullable=True),
    Column("cause", Text, nullable=True),
    Column("since", UtcDateTime, nullable=True),
    Column("rated_at", UtcDateTime, nullable=True),
    Index("ix_enterprises_colour_enterprise_id", "colour", "enterprise_id"),
    Index("ix_enterprises_building_id_enterprise_id", "building_id", "enterprise_id"),
)

# Every rating announced on risk.ratings.v1, with the ce_id it went out with.
rating_history = Table(
    "rating_history",
    metadata,
    Column("id", BigId, primary_key=True, autoincrement=True),
    Column("enterprise_id", Uuid, nullable=False),
    Column("ce_id", String(36), nullable=False, unique=True),
    Column("from_colour", String(10), nullable=True),
    Column("colour", String(10), nullable=False),
    Column("score", Float, nullable=False),
    Column("rating", Text, nullable=False),
    Column("cause", Text, nullable=False),
    Column("rated_at", UtcDateTime, nullable=False),
    Index("ix_rating_history_enterprise_id_id", "enterprise_id", "id"),
)

# Every override staff set, with its actor (the audit trail); the one in force is on the enterprise row.
overrides = Table(
    "overrides",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("enterprise_id", Uuid, nullable=False, index=True),
    Column("colour", String(10), nullable=False),
    Column("reason", Text, nullable=False),
    Column("actor", String(200), nullable=False),
    Column("until", UtcDateTime, nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
)
