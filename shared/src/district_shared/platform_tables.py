"""Tables every service has: outbox, inbox, idempotency keys and singleton leases.

A service adds them to its metadata with `add_platform_tables`; its first migration creates them with
`create_platform_tables`, so the four services carry one definition instead of four copies.
"""

from sqlalchemy import (
    BigInteger,
    Column,
    DateTime,
    Index,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
)
from sqlalchemy.engine import Connection

# SQLite only auto-increments an INTEGER PRIMARY KEY; PostgreSQL gets a bigint identity.
BigId = BigInteger().with_variant(Integer(), "sqlite")


def add_platform_tables(metadata: MetaData) -> dict[str, Table]:
    outbox = Table(
        "outbox",
        metadata,
        Column("id", BigId, primary_key=True, autoincrement=True),
        Column("ce_id", String(36), nullable=False, unique=True),
        Column("topic", String(249), nullable=False),
        Column("key", String(200), nullable=False),
        Column("ce_type", String(200), nullable=False),
        Column("ce_time", DateTime(timezone=True), nullable=False),
        Column("correlation_id", String(36), nullable=False),
        Column("causation_id", String(36), nullable=True),
        Column("traceparent", String(64), nullable=True),
        Column("payload", Text, nullable=False),
        Column("published_at", DateTime(timezone=True), nullable=True),
    )
    Index(
        "ix_outbox_unpublished",
        outbox.c.id,
        postgresql_where=outbox.c.published_at.is_(None),
        sqlite_where=outbox.c.published_at.is_(None),
    )
    inbox = Table(
        "inbox",
        metadata,
        Column("consumer", String(200), nullable=False),
        Column("ce_id", String(36), nullable=False),
        Column("processed_at", DateTime(timezone=True), nullable=False),
        PrimaryKeyConstraint("consumer", "ce_id"),
    )
    idempotency = Table(
        "idempotency_keys",
        metadata,
        Column("principal", String(200), nullable=False),
        Column("key", String(200), nullable=False),
        Column("request_hash", String(64), nullable=False),
        Column("status_code", Integer, nullable=False),
        Column("body", Text, nullable=False),
        Column("location", String(500), nullable=True),
        Column("expires_at", DateTime(timezone=True), nullable=False),
        PrimaryKeyConstraint("principal", "key"),
    )
    leases = Table(
        "leases",
        metadata,
        Column("name", String(100), primary_key=True),
        Column("holder", String(100), nullable=False),
        Column("expires_at", DateTime(timezone=True), nullable=False),
    )
    return {t.name: t for t in (outbox, inbox, idempotency, leases)}


def create_platform_tables(connection: Connection) -> None:
    """Migration step: create the platform tables as this version defines them."""
    metadata = MetaData()
    add_platform_tables(metadata)
    metadata.create_all(connection)


def drop_platform_tables(connection: Connection) -> None:
    metadata = MetaData()
    add_platform_tables(metadata)
    metadata.drop_all(connection)
