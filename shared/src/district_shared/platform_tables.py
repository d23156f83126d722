"""Tables every service has: outbox, inbox, idempotency keys and singleton leases.

They are defined once here; a service copies them into its own metadata with `add_platform_tables`, and
its first migration creates them with `create_platform_tables`, so the four services share one definition.
"""

from sqlalchemy import (
    BigInteger,
    Column,
    Index,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
)
from sqlalchemy.engine import Connection

from district_shared.db import UtcDateTime, new_metadata

# SQLite only auto-increments an INTEGER PRIMARY KEY; PostgreSQL gets a bigint.
BigId = BigInteger().with_variant(Integer(), "sqlite")

platform_metadata = new_metadata()

outbox = Table(
    "outbox",
    platform_metadata,
    Column("id", BigId, primary_key=True, autoincrement=True),
    Column("ce_id", String(36), nullable=False, unique=True),
    Column("topic", String(249), nullable=False),
    Column("key", String(200), nullable=False),
    Column("ce_type", String(200), nullable=False),
    Column("ce_time", UtcDateTime, nullable=False),
    Column("correlation_id", String(36), nullable=False),
    Column("causation_id", String(36), nullable=True),
    Column("traceparent", String(64), nullable=True),
    Column("payload", Text, nullable=False),
    Column("published_at", UtcDateTime, nullable=True),
)
Index(
    "ix_outbox_unpublished",
    outbox.c.id,
    postgresql_where=outbox.c.published_at.is_(None),
    sqlite_where=outbox.c.published_at.is_(None),
)

inbox = Table(
    "inbox",
    platform_metadata,
    Column("consumer", String(200), nullable=False),
    Column("ce_id", String(36), nullable=False),
    Column("processed_at", UtcDateTime, nullable=False),
    PrimaryKeyConstraint("consumer", "ce_id"),
)

idempotency_keys = Table(
    "idempotency_keys",
    platform_metadata,
    Column("principal", String(200), nullable=False),
    Column("key", String(200), nullable=False),
    Column("request_hash", String(64), nullable=False),
    Column("status_code", Integer, nullable=False),
    Column("body", Text, nullable=False),
    Column("location", String(500), nullable=True),
    Column("expires_at", UtcDateTime, nullable=False),
    PrimaryKeyConstraint("principal", "key"),
)

leases = Table(
    "leases",
    platform_metadata,
    Column("name", String(100), primary_key=True),
    Column("holder", String(100), nullable=False),
    Column("expires_at", UtcDateTime, nullable=False),
)


def add_platform_tables(metadata: MetaData) -> None:
    """Copy the platform tables into a service's metadata (for its migrations' comparisons)."""
    for table in platform_metadata.tables.values():
        table.to_metadata(metadata)


def create_platform_tables(connection: Connection) -> None:
    """Migration step: create the platform tables as this version defines them."""
    platform_metadata.create_all(connection)


def drop_platform_tables(connection: Connection) -> None:
    platform_metadata.drop_all(connection)
