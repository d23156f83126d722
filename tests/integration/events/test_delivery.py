"""Nothing lost, nothing done twice: the outbox, the relay and the idempotent consumer on real parts."""

import asyncio
import contextlib
import json
import uuid
from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from district_shared.contracts import Envelope
from district_shared.messaging import publish, send
from district_shared.outbox import add_event
from district_shared.platform_tables import outbox
from district_shared.relay import OutboxRelay, RelaySettings
from district_shared.service import build_runtime, running
from tests.infra.services import http_client
from tests.infra.topics import eventually, headers_of, read_topic
from tests.integration.events.apps import (
    NOTES,
    NOTES_TOPIC,
    NoteAddedV1,
    consuming,
    notes_app,
    settings,
    tally_runtime,
    times_applied,
)

CE_HEADERS = {"ce_specversion", "ce_id", "ce_source", "ce_type", "ce_time", "ce_subject", "ce_correlationid"}


def with_key(key: str):
    return lambda records: [r for r in records if r.key == key.encode()]


async def test_a_write_reaches_the_database_the_topic_and_another_service_once(
    notes_topics, producer_db, consumer_db
):
    runtime = build_runtime(NOTES, settings(producer_db, notes_topics))
    async with (
        http_client(notes_app(runtime)) as client,
        consuming(tally_runtime(consumer_db, notes_topics)) as tally,
    ):
        response = await client.post("/notes", json={"text": "lease ends soon"})
        assert response.status_code == 201
        note_id = response.json()["id"]

        records = await read_topic(notes_topics, NOTES_TOPIC, until=with_key(note_id))
        assert await eventually(lambda: times_applied(tally, note_id)) == 1

    [record] = with_key(note_id)(records)
    headers = headers_of(record)
    assert headers.keys() >= CE_HEADERS
    assert headers["ce_specversion"] == "1.0"
    assert headers["ce_source"] == "/services/notes"
    assert headers["ce_type"] == "district.notes.note.added.v1"
    assert headers["ce_subject"] == note_id
    assert headers["content-type"] == "application/json"
    assert headers["ce_correlationid"] == headers["ce_id"]  # a request starts a new flow
    assert json.loads(record.value) == {"note_id": note_id, "text": "lease ends soon"}
    async with runtime.sessions() as session:
        row = (await session.execute(select(outbox).where(outbox.c.key == note_id))).one()
    assert row.ce_id == headers["ce_id"] and row.published_at is not None


async def _write_events(runtime, count: int, keys: list[str] | None = None) -> list[str]:
    """Write `count` events straight into the outbox (as use cases do) and return their ce_ids."""
    ids = []
    async with runtime.sessions.begin() as session:
        for i in range(count):
            note_id = uuid.UUID(keys[i % len(keys)]) if keys else uuid.uuid4()
            envelope = await add_event(
                session, NoteAddedV1(note_id=note_id, text=f"n{i}"), now=runtime.clock.now()
            )
            ids.append(envelope.id)
    return ids


def _relay(runtime, ttl_s: float = 0.5) -> OutboxRelay:
    return OutboxRelay(
        "notes",
        runtime.sessions,
        lambda *a: send(runtime.broker, *a),
        RelaySettings(lease_ttl=timedelta(seconds=ttl_s)),
    )


async def test_a_relay_killed_before_publishing_is_replaced_and_each_event_goes_out_once(
    notes_topics, producer_db
):
    runtime = build_runtime(NOTES, settings(producer_db, notes_topics))
    await runtime.broker.start()
    try:
        [ce_id] = await _write_events(runtime, 1)
        stuck = asyncio.Event()

        async def never_sends(*_args):
            stuck.set()
            await asyncio.Event().wait()

        doomed = OutboxRelay(
            "notes", runtime.sessions, never_sends, RelaySettings(lease_ttl=timedelta(seconds=0.5))
        )
        task = asyncio.create_task(doomed.publish_pending())
        await stuck.wait()
        task.cancel()  # dies after the commit, before anything reached Kafka

        successor = _relay(runtime)
        assert await eventually(successor.publish_pending) == 1  # once the dead relay's lease expired
        records = await read_topic(notes_topics, NOTES_TOPIC)
        assert [headers_of(r)["ce_id"] for r in records].count(ce_id) == 1
    finally:
        await runtime.broker.stop()


async def test_a_relay_killed_after_publishing_resends_the_same_event_and_the_consumer_applies_it_once(
    notes_topics, producer_db, consumer_db
):
    runtime = build_runtime(NOTES, settings(producer_db, notes_topics))
    await runtime.broker.start()
    try:
        [ce_id] = await _write_events(runtime, 1)

        class DiesBeforeMarking(OutboxRelay):
            async def _mark_published(self, ids: list[int]) -> None:
                raise asyncio.CancelledError

        doomed = DiesBeforeMarking(
            "notes", runtime.sessions, lambda *a: send(runtime.broker, *a), RelaySettings()
        )
        with contextlib.suppress(asyncio.CancelledError):
            await doomed.publish_pending()
        await doomed._release()
        assert await _relay(runtime).publish_pending() == 1

        sent = await read_topic(
            notes_topics, NOTES_TOPIC, until=lambda rs: [headers_of(r)["ce_id"] for r in rs].count(ce_id) == 2
        )
        [note_key] = {r.key.decode() for r in sent if headers_of(r)["ce_id"] == ce_id}
        async with consuming(tally_runtime(consumer_db, notes_topics)) as tally:
            assert await eventually(lambda: times_applied(tally, note_key)) == 1
            await eventually(lambda: tally.consumers[0].stats.duplicates >= 1)
            assert await times_applied(tally, note_key) == 1
    finally:
        await runtime.broker.stop()


async def test_the_same_event_delivered_twice_has_one_effect(notes_topics, consumer_db):
    note_id = str(uuid.uuid4())
    envelope = Envelope(
        str(uuid.uuid4()), "/services/notes", NoteAddedV1.ce_type, _now(), note_id, str(uuid.uuid4())
    )
    value = NoteAddedV1(note_id=uuid.UUID(note_id), text="twice").model_dump_json().encode()
    async with consuming(tally_runtime(consumer_db, notes_topics)) as tally:
        await eventually(lambda: tally.broker._connection is not None)
        for _ in range(2):
            await publish(tally.broker, NOTES_TOPIC, note_id.encode(), value, envelope.headers())
        assert await eventually(lambda: times_applied(tally, note_id)) == 1
        await eventually(lambda: tally.consumers[0].stats.duplicates >= 1)
        assert await times_applied(tally, note_id) == 1


async def test_a_consumer_killed_after_its_transaction_and_before_its_commit_applies_once(
    notes_topics, producer_db, consumer_db
):
    producer = build_runtime(NOTES, settings(producer_db, notes_topics))
    group = f"tally-{uuid.uuid4().hex[:8]}"
    async with running(producer):
        [ce_id] = await _write_events(producer, 1)
        records = await read_topic(
            notes_topics, NOTES_TOPIC, until=lambda rs: any(headers_of(r)["ce_id"] == ce_id for r in rs)
        )
    note_id = next(r.key.decode() for r in records if headers_of(r)["ce_id"] == ce_id)

    first = tally_runtime(consumer_db, notes_topics, group=group)
    consumer = first.consumers[0]
    applied_once = asyncio.Event()
    original = consumer.process

    async def process_then_die(batch):
        await original(batch)
        if any(r.key == note_id.encode() for r in batch):
            applied_once.set()
            await asyncio.Event().wait()  # killed here: database committed, offsets not

    consumer.process = process_then_die  # type: ignore[method-assign]
    async with consuming(first):
        await asyncio.wait_for(applied_once.wait(), 30)
    async with consuming(tally_runtime(consumer_db, notes_topics, group=group)) as second:
        await eventually(lambda: second.consumers[0].stats.duplicates >= 1)
        assert await times_applied(second, note_id) == 1


def _now() -> datetime:
    return datetime.now(UTC)
