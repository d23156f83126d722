"""The suite as another service would be: it publishes contract events to the real topics with their
CloudEvents headers, reads `cases.cases.v1`, and waits for the cases consumers to catch up."""

import json
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import datetime
from typing import Any

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient

from district_shared.contracts import Envelope, Event
from district_shared.topics import CASES_CASES
from tests.infra.topics import eventually, headers_of, read_topic


class Publisher:
    """Publishes events as their owning service's outbox relay would."""

    def __init__(self, producer: AIOKafkaProducer) -> None:
        self.producer = producer

    async def publish(self, event: Event, *, at: datetime, ce_id: str | None = None) -> Envelope:
        """Send `event` with a valid envelope whose ce_time is `at`; `ce_id` repeats an earlier one."""
        event_id = ce_id or str(uuid.uuid4())
        envelope = Envelope(
            id=event_id,
            source=f"/services/{event.service()}",
            type=event.ce_type,
            time=at,
            subject=event.key,
            correlation_id=str(uuid.uuid4()),  # the flow this event belongs to
        )
        headers = [(name, value.encode()) for name, value in envelope.headers().items()]
        value = event.model_dump_json().encode()
        await self.producer.send_and_wait(event.topic, value, key=event.key.encode(), headers=headers)
        return envelope


@asynccontextmanager
async def publisher(bootstrap: str) -> AsyncIterator[Publisher]:
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, enable_idempotence=True)
    await producer.start()
    try:
        yield Publisher(producer)
    finally:
        await producer.stop()


async def caught_up(bootstrap: str, topic: str) -> None:
    """Wait until the cases service's consumer group of `topic` committed every record now on it."""
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap)
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await consumer.start()
    await admin.start()
    try:
        partitions = [TopicPartition(topic, p) for p in consumer.partitions_for_topic(topic) or {0}]
        ends = await consumer.end_offsets(partitions)

        async def committed_to_end() -> bool:
            offsets = await admin.list_consumer_group_offsets(f"cases.{topic}")
            return all(p in offsets and offsets[p].offset >= ends[p] for p in partitions)

        await eventually(committed_to_end)
    finally:
        await admin.close()
        await consumer.stop()


async def case_events(
    bootstrap: str, case_id: str, count: int
) -> list[tuple[dict[str, str], dict[str, Any]]]:
    """Every (headers, data) of `cases.cases.v1` under the case's key, once `count` of them arrived."""

    def of_case(records: list[Any]) -> list[Any]:
        return [record for record in records if record.key == case_id.encode()]

    await read_topic(bootstrap, CASES_CASES, until=lambda records: len(of_case(records)) >= count)
    return [(headers_of(r), json.loads(r.value)) for r in of_case(await read_topic(bootstrap, CASES_CASES))]
