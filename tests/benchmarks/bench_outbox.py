"""Outbox relay throughput, and event latency commit → consumer, against raw aiokafka on the same broker."""

import asyncio
import statistics
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer

from district_shared.outbox import add_event
from district_shared.relay import RelaySettings
from district_shared.service import build_runtime, running
from tests.benchmarks.harness import Figure, stopwatch
from tests.integration.events.apps import NOTES, NOTES_TOPIC, NoteAddedV1, create_schema, settings

EVENTS = 20_000


async def _fill_outbox(runtime, count: int) -> None:
    now = datetime.now(UTC)
    async with runtime.sessions.begin() as session:
        for i in range(count):
            await add_event(session, NoteAddedV1(note_id=uuid.uuid4(), text=f"bench {i}"), now=now)


async def relay_throughput(bootstrap: str, folder: Path) -> list[Figure]:
    url = f"sqlite+aiosqlite:///{folder / f'outbox-{uuid.uuid4().hex[:6]}.db'}"
    await create_schema(url)
    runtime = build_runtime(NOTES, settings(url, bootstrap))
    runtime.relay.settings = RelaySettings(batch_size=1000)
    await _fill_outbox(runtime, EVENTS)
    await runtime.broker.start()
    try:
        with stopwatch() as relay_time:
            while await runtime.relay.publish_pending():
                pass
    finally:
        await runtime.broker.stop()
        await runtime.engine.dispose()

    payload = NoteAddedV1(note_id=uuid.uuid4(), text="bench").model_dump_json().encode()
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, enable_idempotence=True)
    await producer.start()
    try:
        with stopwatch() as raw_time:
            futures = [await producer.send(NOTES_TOPIC, payload, key=str(i).encode()) for i in range(EVENTS)]
            await asyncio.gather(*futures)
    finally:
        await producer.stop()
    return [
        Figure(
            "outbox relay: events published per second (SQLite outbox)",
            EVENTS / relay_time[0],
            EVENTS / raw_time[0],
            "ev/s",
            "raw idempotent aiokafka producer",
        )
    ]


async def commit_to_consumer_latency(bootstrap: str, folder: Path, samples: int = 200) -> list[Figure]:
    """Milliseconds from a use case's commit to the event reaching a plain consumer (p50)."""
    url = f"sqlite+aiosqlite:///{folder / f'latency-{uuid.uuid4().hex[:6]}.db'}"
    await create_schema(url)
    runtime = build_runtime(NOTES, settings(url, bootstrap))
    consumer = AIOKafkaConsumer(NOTES_TOPIC, bootstrap_servers=bootstrap, auto_offset_reset="latest")
    await consumer.start()
    latencies: list[float] = []
    try:
        async with running(runtime):
            await asyncio.sleep(2)  # broker connected, consumer assigned
            for i in range(samples):
                key = uuid.uuid4()
                start = time.perf_counter()
                async with runtime.sessions.begin() as session:
                    await add_event(
                        session, NoteAddedV1(note_id=key, text=f"latency {i}"), now=datetime.now(UTC)
                    )
                await _await_key(consumer, str(key).encode())
                latencies.append((time.perf_counter() - start) * 1000)
            baseline = await _raw_latency(bootstrap, consumer, samples)
    finally:
        await consumer.stop()
    return [
        Figure(
            "commit → consumer latency, p50",
            statistics.median(latencies),
            statistics.median(baseline),
            "ms",
            "raw produce → consumer",
        )
    ]


async def _raw_latency(bootstrap: str, consumer: AIOKafkaConsumer, samples: int) -> list[float]:
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, enable_idempotence=True)
    await producer.start()
    latencies = []
    try:
        for _ in range(samples):
            key = uuid.uuid4().hex.encode()
            start = time.perf_counter()
            await producer.send_and_wait(NOTES_TOPIC, b"{}", key=key)
            await _await_key(consumer, key)
            latencies.append((time.perf_counter() - start) * 1000)
    finally:
        await producer.stop()
    return latencies


async def _await_key(consumer: AIOKafkaConsumer, key: bytes) -> None:
    while True:
        batch = await consumer.getmany(timeout_ms=1000)
        if any(r.key == key for records in batch.values() for r in records):
            return
