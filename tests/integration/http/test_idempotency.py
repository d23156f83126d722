"""A create repeated with one Idempotency-Key has one effect and one answer, on SQLite and PostgreSQL."""

import asyncio
import json
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import select

from district_shared.clock import Clock
from district_shared.db import create_engine, session_factory
from district_shared.http import idempotency
from district_shared.http.idempotency import Idempotency, IdempotentRequest, StoredResponse, request_hash
from district_shared.platform_tables import idempotency_keys
from tests.infra.services import http_client
from tests.integration.http.app import at, count_things, create_app

BODY = {"name": "lamp", "kind": "plain", "seen_at": "2026-03-02T17:00:00+08:00"}
KEY = {"Idempotency-Key": "c0ffee-1"}


@pytest.fixture
def clock() -> Clock:
    clock = Clock("Asia/Shanghai")
    clock.pin(at(0))
    return clock


@pytest.fixture
async def client(database_url, clock):
    async with http_client(create_app(database_url, clock)) as client:
        yield client


def answer(response) -> tuple[int, dict[str, Any], str | None]:
    return response.status_code, response.json(), response.headers.get("location")


async def test_a_repeat_with_the_same_key_and_body_replays_the_first_answer(client, database_url):
    first = await client.post("/things", json=BODY, headers=KEY)
    again = await client.post("/things", json=BODY, headers=KEY)
    assert first.status_code == 201
    assert first.headers["location"] == f"/things/{first.json()['id']}"
    assert answer(again) == answer(first)
    assert again.content == first.content
    assert await count_things(database_url) == 1
    assert (await client.get(first.headers["location"])).json() == first.json()


async def test_the_same_json_written_differently_is_the_same_request(client, database_url):
    first = await client.post("/things", json=BODY, headers=KEY)
    respelled = json.dumps(dict(reversed(BODY.items())), indent=2)
    again = await client.post(
        "/things", content=respelled, headers={**KEY, "content-type": "application/json"}
    )
    assert answer(again) == answer(first)
    assert await count_things(database_url) == 1


async def test_the_same_key_with_a_different_body_is_a_422(client, database_url):
    await client.post("/things", json=BODY, headers=KEY)
    other = await client.post("/things", json={**BODY, "name": "chair"}, headers=KEY)
    assert other.status_code == 422
    assert other.headers["content-type"] == "application/problem+json"
    assert [e["field"] for e in other.json()["errors"]] == ["Idempotency-Key"]
    assert await count_things(database_url) == 1


async def test_without_a_key_every_post_has_its_effect(client, database_url):
    await client.post("/things", json=BODY)
    await client.post("/things", json={**BODY, "name": "chair"})
    assert await count_things(database_url) == 2


async def test_a_key_is_forgotten_after_a_day(client, database_url, clock):
    await client.post("/things", json=BODY, headers=KEY)
    clock.pin(at(0) + timedelta(hours=24, seconds=1))
    later = await client.post("/things", json={**BODY, "name": "chair"}, headers=KEY)
    assert later.status_code == 201
    assert later.json()["name"] == "chair"
    assert await count_things(database_url) == 2


async def test_concurrent_twins_have_one_effect_and_the_same_answer(database_url, clock):
    # Each create waits after claiming the key, so the second twin arrives while the first is open.
    async with http_client(create_app(database_url, clock, effect_delay=0.3)) as client:
        one, two = await asyncio.gather(
            client.post("/things", json=BODY, headers=KEY), client.post("/things", json=BODY, headers=KEY)
        )
    assert one.status_code == two.status_code == 201, (one.text, two.text)
    assert answer(one) == answer(two)
    assert await count_things(database_url) == 1


async def test_the_loser_of_the_key_race_rolls_back_and_replays(client, database_url, monkeypatch):
    first = await client.post("/things", json=BODY, headers=KEY)
    real_lookup, calls = idempotency.lookup, []

    async def looks_too_early(*args, **kwargs):
        # The first look happens "before the twin committed"; the claim then meets the twin's row.
        calls.append(args)
        return None if len(calls) == 1 else await real_lookup(*args, **kwargs)

    monkeypatch.setattr(idempotency, "lookup", looks_too_early)
    again = await client.post("/things", json=BODY, headers=KEY)
    assert len(calls) == 2
    assert answer(again) == answer(first)
    assert await count_things(database_url) == 1


async def test_a_key_belongs_to_its_principal(client, database_url, clock):
    await client.post("/things", json=BODY, headers=KEY)  # as the development principal
    engine = create_engine(database_url)
    sessions = session_factory(engine)
    hashed = request_hash("POST", "/things", json.dumps(BODY).encode())
    try:
        async with sessions() as session:
            once = Idempotency("someone-else", IdempotentRequest(KEY["Idempotency-Key"], hashed), clock.now())
            assert await once.replay(session) is None  # no replay: the key is now held for someone-else
            await once.respond(session, StoredResponse(201, "{}", "/things/0"))
            await session.commit()
        async with sessions() as session:
            replayed = await once.replay(session)
    finally:
        await engine.dispose()
    assert replayed is not None
    assert (replayed.status_code, replayed.body, replayed.headers["location"]) == (201, b"{}", "/things/0")


@pytest.mark.parametrize("key", ["", "k" * 201])
async def test_an_empty_or_overlong_key_is_a_422_on_the_header(client, database_url, key):
    response = await client.post("/things", json=BODY, headers={"Idempotency-Key": key})
    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == ["Idempotency-Key"]
    assert await count_things(database_url) == 0


async def test_purging_removes_only_keys_past_their_day(client, database_url, clock):
    await client.post("/things", json=BODY, headers=KEY)
    clock.pin(at(0) + timedelta(hours=12))
    await client.post("/things", json={**BODY, "name": "chair"}, headers={"Idempotency-Key": "later"})
    engine = create_engine(database_url)
    try:
        async with session_factory(engine)() as session:
            await idempotency.purge_expired(session, at(0) + timedelta(hours=25))
            await session.commit()
            left = (await session.execute(select(idempotency_keys.c.key))).scalars().all()
    finally:
        await engine.dispose()
    assert left == ["later"]
