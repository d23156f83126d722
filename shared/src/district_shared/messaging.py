"""FastStream wiring: the service's broker, its idempotent producer, and subscribers with safe defaults.

Every subscriber gets an explicit group, starts from the earliest offset when the group is new, and
commits manually after the batch took effect (FastStream's default ACK_FIRST would be at-most-once).
"""

import asyncio
import logging
from collections.abc import Callable
from typing import Any

from aiokafka import ConsumerRebalanceListener, TopicPartition
from faststream import AckPolicy
from faststream.kafka import KafkaBroker, KafkaMessage

from district_shared.consumer import Consumer, Record


def create_broker(bootstrap: str, client_id: str) -> KafkaBroker:
    """A broker whose producer is idempotent (and so acks=all): no loss, no duplicates on retry."""
    # Not FastStream's own "faststream" logger, which carries its own handler: ours reaches the JSON one.
    logger = logging.getLogger(f"district.{client_id}.kafka")
    # FastStream would otherwise create a subscriber's missing topic itself, with the broker's defaults
    # (no compaction, 7-day retention): topics come only from `district topics` (DESIGN §3).
    return KafkaBroker(
        bootstrap, client_id=client_id, enable_idempotence=True, allow_auto_create_topics=False, logger=logger
    )


async def send(
    broker: KafkaBroker, topic: str, key: bytes, value: bytes, headers: dict[str, str]
) -> "asyncio.Future[Any]":
    """Queue one message; the returned future resolves when the broker acknowledged it."""
    future: asyncio.Future[Any] = await broker.publish(
        value, topic, key=key, headers=headers, no_confirm=True
    )
    return future


async def publish(
    broker: KafkaBroker, topic: str, key: bytes | None, value: bytes | None, headers: dict[str, str]
) -> None:
    """Send one message and wait for the broker's acknowledgement."""
    await broker.publish(value, topic, key=key, headers=headers)


class DrainOnRevoke(ConsumerRebalanceListener):  # type: ignore[misc]
    """Holds a rebalance until the batch in flight is applied and its offsets committed."""

    def __init__(self, idle: asyncio.Event) -> None:
        self.idle = idle

    async def on_partitions_revoked(self, revoked: list[TopicPartition]) -> None:
        await self.idle.wait()

    async def on_partitions_assigned(self, assigned: list[TopicPartition]) -> None:
        return None


def subscribe(
    broker: KafkaBroker, consumer: Consumer, *, max_records: int = 500, batch_timeout_ms: int = 50
) -> Callable[..., Any]:
    """Attach `consumer` to `broker` as a batch subscriber of its topic."""
    idle = asyncio.Event()
    idle.set()

    @broker.subscriber(
        consumer.topic,
        group_id=consumer.group,
        auto_offset_reset="earliest",
        ack_policy=AckPolicy.MANUAL,
        batch=True,
        max_records=max_records,
        batch_timeout_ms=batch_timeout_ms,
        listener=DrainOnRevoke(idle),
        decoder=_undecoded,
    )
    async def handle(message: KafkaMessage) -> None:
        idle.clear()
        try:
            await consumer.process([_record(raw) for raw in message.raw_message])
            await message.ack()  # the offsets move only after the database commit
        except BaseException:
            await message.nack()  # rewind, so a cancelled batch is read again by whoever owns it next
            raise
        finally:
            idle.set()

    return handle


async def _undecoded(message: Any) -> Any:
    # Each record is validated one by one in Consumer.process; FastStream decoding the batch first
    # would fail it whole on one malformed value, before our handler could dead-letter that one.
    return message.body


def _record(raw: Any) -> Record:
    return Record(raw.topic, raw.partition, raw.offset, raw.key, raw.value, list(raw.headers))
