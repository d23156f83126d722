"""Bad input, outages and concurrency: dead letters with reasons, retries in place, one relay at a time."""

import asyncio
import uuid
from datetime import UTC, datetime
from functools import partial
from pathlib import Path

import pytest
from sqlalchemy import select

from district_deploy.kafka import LocalKafka, free_port_pair
from district_shared.contracts import Envelope
from district_shared.messaging import publish
from district_shared.platform_tables import outbox
from district_shared.service import build_runtime, running
from district_shared.topics import dlq
from tests.infra.topics import eventually, headers_of, read_topic
from tests.integration.events.apps import (
    NOTES,
    NOTES_TOPIC,
    NoteAddedV1,
    consuming,
    create_topics,
    settings,
    tally_runtime,
    times_applied,
)
from tests.integration.events.test_delivery import _relay, _write_events

DLQ_HEADERS = {
    "dlq_reason",
    "dlq_error",
    "dlq_topic",
    "dlq_partition",
    "dlq_offset",
    "dlq_group",
    "dlq_failed_at",
}


def _envelope(key: str) -> Envelope:
    return Envelope(
        str(uuid.uuid4()), "/services/notes", NoteAddedV1.ce_type, datetime.now(UTC), key, str(uuid.uuid4())
    )


async def test_malformed_schema_invalid_and_unappliable_events_are_dead_lettered_and_the_next_is_applied(
    notes_topics, consumer_db
):
    keys = {name: str(uuid.uuid4()) for name in ("malformed", "invalid", "poison", "valid")}
    values = {
        "malformed": b"{not json",
        "invalid": b'{"note_id": "not-a-uuid"}',
        "poison": NoteAddedV1(note_id=uuid.UUID(keys["poison"]), text="poison").model_dump_json().encode(),
        "valid": NoteAddedV1(note_id=uuid.UUID(keys["valid"]), text="fine").model_dump_json().encode(),
    }
    async with consuming(tally_runtime(consumer_db, notes_topics)) as tally:
        await eventually(lambda: tally.broker._connection is not None)
        for name, key in keys.items():
            await publish(tally.broker, NOTES_TOPIC, key.encode(), values[name], _envelope(key).headers())
        assert await eventually(lambda: times_applied(tally, keys["valid"])) == 1
        group = tally.consumers[0].group

    wanted = {k.encode() for name, k in keys.items() if name != "valid"}
    letters = await read_topic(notes_topics, dlq(NOTES_TOPIC), until=lambda rs: wanted <= {r.key for r in rs})
    by_key = {r.key.decode(): r for r in letters if r.key in wanted}
    reasons = {
        name: headers_of(by_key[keys[name]])["dlq_reason"] for name in ("malformed", "invalid", "poison")
    }
    assert reasons == {"malformed": "unparseable", "invalid": "schema_invalid", "poison": "permanent_error"}
    letter = by_key[keys["malformed"]]
    assert letter.value == values["malformed"]  # the original value, untouched
    headers = headers_of(letter)
    assert headers.keys() >= DLQ_HEADERS
    assert (headers["dlq_topic"], headers["dlq_group"], headers["ce_subject"]) == (
        NOTES_TOPIC,
        group,
        keys["malformed"],
    )


async def test_a_new_consumer_group_reads_events_published_before_it_existed(
    notes_topics, producer_db, consumer_db
):
    producer = build_runtime(NOTES, settings(producer_db, notes_topics))
    async with running(producer):
        ids = await _write_events(producer, 3)
        await read_topic(
            notes_topics, NOTES_TOPIC, until=lambda rs: set(ids) <= {headers_of(r)["ce_id"] for r in rs}
        )
    async with producer.sessions() as session:
        keys = list((await session.execute(select(outbox.c.key).where(outbox.c.ce_id.in_(ids)))).scalars())
    async with consuming(tally_runtime(consumer_db, notes_topics)) as tally:
        for key in keys:
            assert await eventually(partial(times_applied, tally, key)) == 1


async def test_two_relays_at_once_publish_each_event_once_in_order_per_key(notes_topics, producer_db):
    runtime = build_runtime(NOTES, settings(producer_db, notes_topics))
    keys = [str(uuid.uuid4()) for _ in range(5)]
    await runtime.broker.start()
    try:
        ids = await _write_events(runtime, 200, keys)
        relays = [_relay(runtime), _relay(runtime)]

        async def drain(relay) -> None:
            while await _unpublished(runtime):
                await relay.publish_pending()
                await asyncio.sleep(0.01)

        await asyncio.gather(*(drain(relay) for relay in relays))
        records = await read_topic(
            notes_topics, NOTES_TOPIC, until=lambda rs: set(ids) <= {headers_of(r)["ce_id"] for r in rs}
        )
    finally:
        await runtime.broker.stop()
    published = [headers_of(r)["ce_id"] for r in records if headers_of(r)["ce_id"] in set(ids)]
    assert sorted(published) == sorted(ids)  # each exactly once
    for key in keys:
        expected = [i for n, i in enumerate(ids) if keys[n % len(keys)] == key]
        assert [headers_of(r)["ce_id"] for r in records if r.key == key.encode()] == expected


async def _unpublished(runtime) -> int:
    async with runtime.sessions() as session:
        return len((await session.execute(select(outbox.c.id).where(outbox.c.published_at.is_(None)))).all())


@pytest.mark.parametrize("databases", ["postgresql"], indirect=True)
async def test_a_database_outage_dead_letters_nothing_and_processing_resumes(
    notes_topics, databases, consumer_db
):
    name = consumer_db.rsplit("/", 1)[1]
    keys = [str(uuid.uuid4()) for _ in range(3)]
    async with consuming(tally_runtime(consumer_db, notes_topics)) as tally:
        await eventually(lambda: tally.broker._connection is not None)
        await databases.server._admin(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS false')
        await databases.server._admin(
            f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'"
        )
        for key in keys:
            value = NoteAddedV1(note_id=uuid.UUID(key), text="during outage").model_dump_json().encode()
            await publish(tally.broker, NOTES_TOPIC, key.encode(), value, _envelope(key).headers())
        await eventually(lambda: tally.consumers[0].stats.retries >= 2)
        await databases.server._admin(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true')
        for key in keys:
            assert await eventually(partial(times_applied, tally, key)) == 1
    letters = await read_topic(notes_topics, dlq(NOTES_TOPIC))
    assert not {key.encode() for key in keys} & {r.key for r in letters}


@pytest.mark.parametrize("databases", ["sqlite"], indirect=True)
async def test_kafka_stopped_for_twenty_seconds_mid_stream_loses_nothing(
    tmp_path: Path, producer_db, consumer_db
):
    broker = LocalKafka(free_port_pair(), tmp_path / "kafka")
    broker.start()
    try:
        await create_topics(broker.bootstrap)
        producer = build_runtime(NOTES, settings(producer_db, broker.bootstrap))
        async with running(producer), consuming(tally_runtime(consumer_db, broker.bootstrap)) as tally:
            before = await _write_events(producer, 5)
            assert await eventually(lambda: _all_applied(tally, producer, before))
            await asyncio.to_thread(broker.stop)
            during = await _write_events(producer, 5)  # committed while Kafka is down
            await asyncio.sleep(20)
            await asyncio.to_thread(broker.start)
            assert await eventually(lambda: _all_applied(tally, producer, before + during), timeout_s=90)
            assert tally.consumers[0].stats.dead_lettered == 0
    finally:
        broker.stop()


async def _all_applied(tally, producer, ce_ids: list[str]) -> bool:
    async with producer.sessions() as session:
        keys = (await session.execute(select(outbox.c.key).where(outbox.c.ce_id.in_(ce_ids)))).scalars().all()
    return len(keys) == len(ce_ids) and all([await times_applied(tally, key) == 1 for key in keys])
