"""Factories for the registry's HTTP API and readers of what it wrote (outbox rows)."""

import json
import random
from dataclasses import dataclass
from typing import Any

import httpx
from fastapi import FastAPI
from sqlalchemy import select

from district_shared.platform_tables import outbox
from district_shared.topics import REGISTRY_ENTERPRISES as TOPIC
from district_shared.topics import REGISTRY_NEEDS
from tests.infra.topics import read_topic
from tests.unit.registry.factories import valid_credit_code

_codes = random.Random(2026)


def a_credit_code() -> str:
    return valid_credit_code(_codes)


async def a_building(client: httpx.AsyncClient, **fields: Any) -> dict[str, Any]:
    body = {"name": "Jing'an Kerry Centre", "address": "1515 West Nanjing Road", "floors": 60, **fields}
    response = await client.post("/buildings", json=body)
    assert response.status_code == 201, response.text
    return dict(response.json())


async def an_enterprise(client: httpx.AsyncClient, building_id: str, **fields: Any) -> dict[str, Any]:
    body = {"credit_code": a_credit_code(), "name": "Acme Consulting", "building_id": building_id, **fields}
    response = await client.post("/enterprises", json=body)
    assert response.status_code == 201, response.text
    return dict(response.json())


@dataclass(frozen=True)
class OutboxRow:
    ce_id: str
    topic: str
    key: str
    ce_type: str
    data: dict[str, Any]


async def outbox_rows(app: FastAPI) -> list[OutboxRow]:
    """Every row the registry wrote to its outbox, in outbox order."""
    async with app.state.runtime.sessions() as session:
        rows = (await session.execute(select(outbox).order_by(outbox.c.id))).all()
    return [OutboxRow(r.ce_id, r.topic, r.key, r.ce_type, json.loads(r.payload)) for r in rows]


def problem_errors(response: httpx.Response) -> list[tuple[str, str]]:
    """The (field, reason) pairs of a problem+json answer."""
    assert response.headers["content-type"] == "application/problem+json", response.text
    return [(e["field"], e["reason"]) for e in response.json()["errors"]]


async def records_of(bootstrap: str, key: str, count: int) -> list[Any]:
    """The records of `registry.enterprises.v1` under `key`, once at least `count` have arrived."""
    await read_topic(bootstrap, TOPIC, until=lambda records: len(_keyed(records, key)) >= count)
    return _keyed(await read_topic(bootstrap, TOPIC), key)  # all of them, to see any extra one


def _keyed(records: list[Any], key: str) -> list[Any]:
    return [record for record in records if record.key == key.encode()]


async def a_visit(client: httpx.AsyncClient, enterprise_id: str, **fields: Any) -> dict[str, Any]:
    body = {"visited_at": "2026-03-02T08:00:00+08:00", "team": "building_staff", "visitor": "Wang Fang"}
    response = await client.post(f"/enterprises/{enterprise_id}/visits", json={**body, **fields})
    assert response.status_code == 201, response.text
    return dict(response.json())


async def needs_records_of(bootstrap: str, key: str, count: int) -> list[Any]:
    """The records of `registry.needs.v1` under `key`, once at least `count` have arrived."""
    await read_topic(bootstrap, REGISTRY_NEEDS, until=lambda records: len(_keyed(records, key)) >= count)
    return _keyed(await read_topic(bootstrap, REGISTRY_NEEDS), key)
