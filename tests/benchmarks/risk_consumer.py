"""Risk consumer throughput: events per second applied (folded, rated, announced) while rating a
synthetic district, beside a raw aiokafka consume loop over the same records on the same broker.

`uv run python -m tests.benchmarks.risk_consumer [--enterprises N]`: starts its own Kafka (and a
throw-away PostgreSQL cluster when Debian's postgresql is installed), pre-publishes the district, then
times each consumer from its first applied record to its last.
"""

import argparse
import asyncio
import json
import random
import sys
import time
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta
from pathlib import Path

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from sqlalchemy.ext.asyncio import AsyncSession

from district_deploy import postgres as pg
from district_deploy.kafka import LocalKafka, free_port, free_port_pair
from district_shared.consumer import Handler
from district_shared.contracts import Envelope, Event
from district_shared.migrations import upgrade
from district_shared.service import Runtime, build_runtime, running
from district_shared.topics import REGISTRY_ENTERPRISES, ensure_topics
from risk.app import SPEC, build
from risk.handlers import REGISTRY_EVENTS
from risk.replay import replay
from risk.settings import RiskSettings
from tests.benchmarks.harness import Figure, report, scratch
from tests.integration.risk.events import NOW, TODAY, AnEnterprise, envelope

BUILDINGS = 38
SIGNALS = ("lease_expiring", "relocation_intent", "tax_arrears", "complaint", "expansion_plan")


class Stopwatch:
    """Times a consumer from its first batch done to its last: joining the group is not consuming."""

    def __init__(self) -> None:
        self.first: tuple[float, int] | None = None
        self.last: tuple[float, int] = (0.0, 0)

    def mark(self, done: int) -> int:
        """Note how many records are done now; return it."""
        if done and done != self.last[1]:
            self.last = (time.perf_counter(), done)
            self.first = self.first or self.last
        return done

    def rate(self) -> float:
        """Records per second after the first batch."""
        assert self.first is not None and self.last[1] > self.first[1], "too few batches to time"
        return (self.last[1] - self.first[1]) / (self.last[0] - self.first[0])


def district(enterprises: int, seed: int = 2026) -> list[Event]:
    """Per enterprise: registration, a lease, a visit, a headcount update, sometimes a signal and its fate."""
    draw = random.Random(seed)
    buildings = [uuid.uuid4() for _ in range(BUILDINGS)]
    events: list[Event] = []
    for _ in range(enterprises):
        acme = AnEnterprise(building_id=draw.choice(buildings))
        events += [acme.registered(), acme.lease(TODAY + timedelta(days=draw.randint(-30, 1200)))]
        events += [
            acme.visited(NOW - timedelta(days=draw.randint(0, 400))),
            acme.updated(headcount=draw.randint(5, 400)),
        ]
        if draw.random() < 0.4:
            signal = acme.signal(draw.choice(SIGNALS), NOW - timedelta(days=draw.randint(0, 200)))
            events.append(signal)
            if draw.random() < 0.5:
                events.append(acme.resolved(signal))
    return events


async def prepublish(bootstrap: str, events: list[Event]) -> None:
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, enable_idempotence=True, linger_ms=5)
    await producer.start()
    try:
        acks = []
        for event in events:
            headers = [(k, v.encode()) for k, v in envelope(event).headers().items()]
            value, key = event.model_dump_json().encode(), event.key.encode()
            acks.append(await producer.send(event.topic, value, key=key, headers=headers))
        await asyncio.gather(*acks)
    finally:
        await producer.stop()


async def raw_loop(bootstrap: str, count: int) -> float:
    """Events per second of a plain consumer that reads and JSON-decodes the same records."""
    consumer = AIOKafkaConsumer(
        REGISTRY_ENTERPRISES, bootstrap_servers=bootstrap, group_id=f"raw-{uuid.uuid4().hex[:6]}",
        auto_offset_reset="earliest", enable_auto_commit=False, max_poll_records=500,
    )  # fmt: skip
    await consumer.start()
    seen, clock = 0, Stopwatch()
    try:
        while seen < count:
            for records in (await consumer.getmany(timeout_ms=1000, max_records=500)).values():
                seen += sum(1 for record in records if json.loads(record.value))
            await consumer.commit()
            clock.mark(seen)
        return clock.rate()
    finally:
        await consumer.stop()


async def _timed(runtime: Runtime, count: int) -> float:
    """Run the runtime until its first consumer has taken `count` events; its events per second."""
    consumer, clock = runtime.consumers[0], Stopwatch()
    try:
        async with running(runtime):
            # Sampling the consumer's counters every 5 ms is the measurement itself.
            while clock.mark(consumer.stats.applied + consumer.stats.dead_lettered) < count:  # noqa: ASYNC110
                await asyncio.sleep(0.005)
    finally:
        await runtime.engine.dispose()
    assert consumer.stats.dead_lettered == 0, "a benchmark event was dead-lettered"
    return clock.rate()


def _settings(bootstrap: str, database_url: str) -> RiskSettings:
    return RiskSettings(database_url=database_url, kafka_bootstrap_servers=bootstrap, environment="test")


async def risk_consumer(bootstrap: str, database_url: str, count: int) -> float:
    """Events per second the risk service applies (inbox, fold, rate, outbox and history in one commit)."""
    runtime, _policy = build(_settings(bootstrap, database_url))
    runtime.clock.pin(NOW)
    await replay(runtime)  # its groups start from the beginning, whatever ran before
    return await _timed(runtime, count)


async def inbox_only(bootstrap: str, database_url: str, count: int) -> float:
    """Events per second of the shared library's consumer with handlers that do nothing (inbox only)."""
    runtime = build_runtime(SPEC, _settings(bootstrap, database_url))

    async def nothing(_session: AsyncSession, _event: Event, _envelope: Envelope) -> None:
        return None

    handlers: dict[type[Event], Handler] = {model: nothing for model in REGISTRY_EVENTS}
    runtime.consume(REGISTRY_ENTERPRISES, handlers, group=f"bench-inbox-{uuid.uuid4().hex[:6]}")
    return await _timed(runtime, count)


@asynccontextmanager
async def databases(folder: Path) -> AsyncIterator[dict[str, str]]:
    """A fresh SQLite file, and a database on a throw-away PostgreSQL cluster when one can be made."""
    urls = {"SQLite": f"sqlite+aiosqlite:///{folder / f'risk-{uuid.uuid4().hex[:6]}.db'}"}
    try:
        cluster = await asyncio.to_thread(pg.temporary_cluster, free_port())
    except Exception as error:  # no PostgreSQL here: SQLite alone
        log(f"PostgreSQL unavailable, SQLite only: {error}")
        yield urls
        return
    try:
        await asyncio.to_thread(cluster.create_database, "risk_bench")
        yield urls | {"PostgreSQL": cluster.url("risk_bench")}
    finally:
        await asyncio.to_thread(cluster.drop)


async def _on_database(bootstrap: str, name: str, url: str, count: int, raw: float) -> list[Figure]:
    await asyncio.to_thread(upgrade, SPEC.migrations, url)
    library = await inbox_only(bootstrap, url, count)
    log(f"inbox-only consumer on {name}: {library:,.0f} ev/s")
    rate = await risk_consumer(bootstrap, url, count)
    log(f"risk consumer on {name}: {rate:,.0f} ev/s")
    what = f"risk consumer ({name})"
    return [
        Figure(what, rate, raw, "ev/s", "raw aiokafka consume + JSON decode"),
        Figure(what, rate, library, "ev/s", f"library consumer, no-op handlers ({name})"),
    ]


def log(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


async def main(enterprises: int) -> None:
    folder = scratch("risk")
    broker = LocalKafka(free_port_pair(), folder / f"kafka-{uuid.uuid4().hex[:6]}")
    await asyncio.to_thread(broker.start)
    try:
        await ensure_topics(broker.bootstrap, partitions=1)
        events = district(enterprises)
        await prepublish(broker.bootstrap, events)
        log(f"published {len(events):,} events")
        baseline = await raw_loop(broker.bootstrap, len(events))
        log(f"raw consume loop: {baseline:,.0f} ev/s")
        figures = []
        async with databases(folder) as urls:
            for name, url in urls.items():
                figures += await _on_database(broker.bootstrap, name, url, len(events), baseline)
        report(f"Risk consumer throughput: {enterprises:,} enterprises, {len(events):,} events", figures)
    finally:
        await asyncio.to_thread(broker.stop)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--enterprises", type=int, default=1500)
    asyncio.run(main(parser.parse_args().enterprises))
