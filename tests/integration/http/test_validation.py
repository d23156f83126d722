"""The test app's own validation and lookups answer problems with the fields' JSON names."""

import pytest

from district_shared.clock import Clock
from tests.infra.services import http_client
from tests.integration.http.app import at, count_things, create_app


@pytest.fixture
async def client(database_url):
    clock = Clock("Asia/Shanghai")
    clock.pin(at(0))
    async with http_client(create_app(database_url, clock)) as client:
        yield client


async def test_invalid_fields_are_named_in_one_422_problem(client, database_url):
    body = {"name": "", "seen_at": "2026-03-02T17:00:00", "tags": [{"label": "ok"}, {"label": ""}]}
    response = await client.post("/things", json=body, headers={"Idempotency-Key": "k1"})
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert (problem["status"], problem["title"]) == (422, "Unprocessable Entity")
    assert sorted(e["field"] for e in problem["errors"]) == ["name", "seen_at", "tags[1].label"]
    assert await count_things(database_url) == 0


async def test_a_missing_field_is_named_too(client):
    response = await client.post("/things", json={"name": "lamp"})
    assert [e["field"] for e in response.json()["errors"]] == ["seen_at"]


async def test_an_unknown_id_is_a_404_problem(client):
    response = await client.get("/things/999")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["detail"] == "thing 999 not found"


async def test_instants_come_back_in_utc_with_z(client):
    created = await client.post("/things", json={"name": "lamp", "seen_at": "2026-03-02T17:00:00+08:00"})
    assert created.json()["seen_at"] == "2026-03-02T09:00:00Z"
    assert (await client.get(created.headers["location"])).json()["seen_at"] == "2026-03-02T09:00:00Z"
