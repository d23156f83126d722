"""Reading a topic from the start, as an outside observer would (no consumer group)."""

import asyncio
import time
from collections.abc import Callable
from typing import Any

from aiokafka import AIOKafkaConsumer, TopicPartition


async def read_topic(
    bootstrap: str, topic: str, until: Callable[[list[Any]], bool] | None = None, timeout_s: float = 30.0
) -> list[Any]:
    """Every record of `topic` now (or, with `until`, once `until(records)` holds or time runs out)."""
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False)
    await consumer.start()
    try:
        partitions = [TopicPartition(topic, p) for p in consumer.partitions_for_topic(topic) or {0}]
        consumer.assign(partitions)
        await consumer.seek_to_beginning(*partitions)
        records: list[Any] = []
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            batch = await consumer.getmany(*partitions, timeout_ms=200)
            records += [r for rs in batch.values() for r in rs]
            if until is not None and until(records):
                break
            if until is None and not batch and await _at_end(consumer, partitions):
                break
        return records
    finally:
        await consumer.stop()


async def _at_end(consumer: AIOKafkaConsumer, partitions: list[TopicPartition]) -> bool:
    ends = await consumer.end_offsets(partitions)
    positions = [await consumer.position(p) for p in partitions]
    return all(position >= ends[p] for position, p in zip(positions, partitions, strict=True))


def headers_of(record: Any) -> dict[str, str]:
    return {k: v.decode() for k, v in record.headers}


async def eventually(check: Callable[[], Any], timeout_s: float = 30.0, interval_s: float = 0.2) -> Any:
    """Await `check()` until it returns something truthy; fail with its last value after `timeout_s`."""
    deadline = time.monotonic() + timeout_s
    value = None
    while time.monotonic() < deadline:
        value = check()
        if asyncio.iscoroutine(value):
            value = await value
        if value:
            return value
        await asyncio.sleep(interval_s)
    raise AssertionError(f"condition not met within {timeout_s} s (last value: {value!r})")
