"""Rebuild the service from its input topics: rewind its consumer groups, forget what they derived.

Run with every replica stopped. The next start consumes both topics from the beginning and, rating at
the same clock, derives the same ratings with the same ce_ids (DESIGN §3), so subscribers' inboxes
absorb the re-announced events. Overrides are staff decisions, not in the topics: the override audit
trail stays, and overrides still in force are only dropped when the operator says so.
"""

from dataclasses import dataclass
from datetime import datetime

from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka.errors import CommitFailedError, KafkaConnectionError
from sqlalchemy import delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from district_shared.consumer import Consumer
from district_shared.platform_tables import inbox, outbox
from district_shared.service import Runtime
from district_shared.topics import admin_client
from risk.domain import Override, override_in_force
from risk.storage.tables import enterprises, rating_history


class ReplayRefused(Exception):
    """The service is not in a state to be rebuilt; the message says what to do first."""


@dataclass(frozen=True)
class Replayed:
    """What a reset cleared."""

    groups: list[str]
    enterprises: int
    overrides_dropped: int


async def replay(runtime: Runtime, *, drop_overrides: bool = False) -> Replayed:
    """Check, rewind the consumer groups to the beginning, then clear the derived state.

    Rewinding first: should clearing fail, a restart re-reads events its inbox already holds (no effect),
    and running the command again finishes the job.
    """
    groups = runtime.consumers
    now = runtime.clock.now()
    async with runtime.sessions.begin() as session:
        await _check_database(session, now, drop_overrides)
    for consumer in groups:
        await _rewind(runtime.settings.kafka_bootstrap_servers, consumer)
    async with runtime.sessions.begin() as session:
        return await _clear(session, [c.group for c in groups], now)


async def _overrides_in_force(session: AsyncSession, now: datetime) -> int:
    """Enterprises whose override has not lapsed at `now`."""
    stored = select(enterprises.c.override).where(enterprises.c.override.is_not(None))
    found = (await session.execute(stored)).scalars()
    return sum(override_in_force(Override.model_validate_json(text), now) for text in found)


async def _check_database(session: AsyncSession, now: datetime, drop_overrides: bool) -> None:
    pending = select(func.count()).select_from(outbox).where(outbox.c.published_at.is_(None))
    if (count := int((await session.execute(pending)).scalar_one())) > 0:
        raise ReplayRefused(
            f"{count} rating events are not published yet: run the service until its outbox is empty, "
            "stop it, then replay"
        )
    if not drop_overrides and (kept := await _overrides_in_force(session, now)) > 0:
        raise ReplayRefused(
            f"{kept} enterprises have a staff override that a replay would drop (the topics do not "
            "hold overrides): pass --drop-overrides to go ahead, and re-apply them afterwards"
        )


async def _partitions(bootstrap: str, topic: str) -> list[TopicPartition]:
    admin = admin_client(bootstrap)
    await admin.start()
    try:
        (described,) = await admin.describe_topics([topic])
    finally:
        await admin.close()
    return [TopicPartition(topic, each["partition"]) for each in described["partitions"]]


async def _rewind(bootstrap: str, consumer: Consumer) -> None:
    """Commit the beginning of every partition as the group's offset: the next start reads everything."""
    client = AIOKafkaConsumer(bootstrap_servers=bootstrap, group_id=consumer.group, enable_auto_commit=False)
    try:
        await client.start()
        partitions = await _partitions(bootstrap, consumer.topic)
        client.assign(partitions)
        await client.commit(dict(await client.beginning_offsets(partitions)))
    except CommitFailedError:
        # The broker takes a commit from outside a group only while it has no members.
        raise ReplayRefused(
            f"consumer group {consumer.group} still has members: stop every replica"
        ) from None
    except KafkaConnectionError as error:
        raise ReplayRefused(f"Kafka at {bootstrap} cannot be reached: {error}") from None
    finally:
        await client.stop()


async def _clear(session: AsyncSession, groups: list[str], now: datetime) -> Replayed:
    dropped = await _overrides_in_force(session, now)
    cleared = await session.execute(delete(enterprises))
    await session.execute(delete(rating_history))
    await session.execute(delete(inbox).where(inbox.c.consumer.in_(groups)))
    # Published rating events: the replay derives them again with the same ce_ids.
    await session.execute(delete(outbox))
    return Replayed(groups, cleared.rowcount, dropped)  # type: ignore[attr-defined]
