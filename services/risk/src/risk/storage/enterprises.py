"""Enterprise records: a placeholder on first sight, locked while a use case re-rates the enterprise.

Every write to an enterprise's rating takes its row lock first (PostgreSQL; SQLite has one writer at a
time), so an event, the clock and an override never interleave on one enterprise and its outbox rows go
out in the order its ratings were made.
"""

from typing import Any
from uuid import UUID

from sqlalchemy import Row, bindparam, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from risk.domain import (
    Colour,
    Current,
    EnterpriseFacts,
    EnterpriseRecord,
    Override,
    Profile,
    Rating,
    RatingCause,
)
from risk.storage.tables import enterprises

_EMPTY_FACTS = EnterpriseFacts().model_dump_json()
# Built once with bound parameters: compiled once, so each event pays for the round trip, not the SQL.
_ID = bindparam("id", type_=enterprises.c.enterprise_id.type)
_LOCK = select(enterprises).where(enterprises.c.enterprise_id == _ID).with_for_update()
_SAVE = update(enterprises).where(enterprises.c.enterprise_id == bindparam("record_id"))
_PLACEHOLDER = {"facts": _EMPTY_FACTS, "key_enterprise": False, "profile_version": 0, "departed": False}


async def locked(session: AsyncSession, enterprise_id: UUID) -> EnterpriseRecord:
    """The enterprise's record (a fresh placeholder when unseen so far), locked until the transaction ends."""
    found = await locked_if_known(session, enterprise_id)
    if found is not None:
        return found
    # A concurrent first sight inserts the same placeholder: the loser waits for the winner's row, then
    # locks it like any other.
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    placeholder = dialect.insert(enterprises).values(enterprise_id=enterprise_id, **_PLACEHOLDER)
    await session.execute(placeholder.on_conflict_do_nothing())
    created = await locked_if_known(session, enterprise_id)
    assert created is not None, "the placeholder was just ensured"
    return created


async def locked_if_known(session: AsyncSession, enterprise_id: UUID) -> EnterpriseRecord | None:
    """The enterprise's record, locked until the transaction ends; None when risk never saw it."""
    row = (await session.execute(_LOCK, {"id": enterprise_id})).one_or_none()
    return None if row is None else to_record(row)


async def locked_batch(session: AsyncSession, after: UUID | None, limit: int) -> list[EnterpriseRecord]:
    """Up to `limit` records past `after` in id order, locked; rows another transaction holds are skipped."""
    query = select(enterprises).order_by(enterprises.c.enterprise_id).limit(limit)
    if after is not None:
        query = query.where(enterprises.c.enterprise_id > after)
    # SKIP LOCKED: the clock never waits for an event's transaction (which rates that enterprise at the
    # same "now" anyway), so it can never be part of a deadlock.
    rows = (await session.execute(query.with_for_update(skip_locked=True))).all()
    return [to_record(row) for row in rows]


async def get(session: AsyncSession, enterprise_id: UUID) -> EnterpriseRecord | None:
    """The enterprise's record, unlocked (for reading)."""
    query = select(enterprises).where(enterprises.c.enterprise_id == enterprise_id)
    row = (await session.execute(query)).one_or_none()
    return None if row is None else to_record(row)


async def save(session: AsyncSession, record: EnterpriseRecord) -> None:
    """Write the record over its (locked) row."""
    await session.execute(_SAVE, {"record_id": record.enterprise_id, **_columns(record)})


def _columns(record: EnterpriseRecord) -> dict[str, Any]:
    current, override = record.current, record.override
    assert current is not None, "a record is rated before it is saved"
    return {
        "facts": record.facts.model_dump_json(),
        "building_id": record.profile.building_id,
        "key_enterprise": record.profile.key_enterprise,
        "profile_version": record.profile.version,
        "departed": record.departed,
        "override": None if override is None else override.model_dump_json(),
        "colour": current.colour.value,
        "score": current.rating.score,
        "rating": current.rating.model_dump_json(),
        "cause": current.cause.model_dump_json(),
        "since": current.since,
        "rated_at": current.rated_at,
    }


def to_record(row: Row[Any]) -> EnterpriseRecord:
    """A record from its row (all columns of `enterprises`)."""
    values = row._mapping
    profile = Profile(values["building_id"], values["key_enterprise"], values["profile_version"])
    override = values["override"]
    return EnterpriseRecord(
        enterprise_id=values["enterprise_id"],
        facts=EnterpriseFacts.model_validate_json(values["facts"]),
        profile=profile,
        override=None if override is None else Override.model_validate_json(override),
        current=_current(values),
    )


def _current(values: Any) -> Current | None:
    if values["rating"] is None:
        return None
    return Current(
        rating=Rating.model_validate_json(values["rating"]),
        colour=Colour(values["colour"]),
        cause=RatingCause.model_validate_json(values["cause"]),
        since=values["since"],
        rated_at=values["rated_at"],
    )
