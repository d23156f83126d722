"""Concurrent writers: one enterprise's events keep the order of its changes; races never double anything."""

import asyncio
import json
from collections.abc import Awaitable

import httpx

from tests.integration.registry.helpers import (
    a_building,
    a_credit_code,
    an_enterprise,
    outbox_rows,
    records_of,
)

PATCHES = 16
LEASES = PATCHES // 2


def _changes(client, url: str) -> list[Awaitable[httpx.Response]]:
    """Patches of the headcount, every second one followed by a lease put, all of one enterprise."""
    lease = {"unit": "2304", "start": "2025-01-01"}
    changes: list[Awaitable[httpx.Response]] = []
    for n in range(1, PATCHES + 1):
        changes.append(client.patch(url, json={"headcount": n}))
        if n % 2 == 0:
            changes.append(client.put(f"{url}/lease", json={**lease, "end": f"2027-01-{n:02}"}))
    return changes


async def test_an_enterprises_events_come_out_in_the_order_its_changes_committed(
    app, client, kafka_bootstrap
):
    enterprise = await an_enterprise(client, (await a_building(client))["id"], unit="2304")
    url = f"/enterprises/{enterprise['id']}"
    answers = await asyncio.gather(*_changes(client, url))
    assert {answer.status_code for answer in answers} == {200}
    # Each change saw the one before it: versions 2…n, each once.
    total = 1 + PATCHES + LEASES
    assert sorted(answer.json()["version"] for answer in answers) == list(range(2, total + 1))

    records = await records_of(kafka_bootstrap, enterprise["id"], total)
    published = [json.loads(record.value) for record in records]
    assert [data["version"] for data in published] == list(range(1, total + 1))
    assert [row.data for row in await outbox_rows(app)] == published
    final = (await client.get(url)).json()
    assert (final["version"], final["headcount"]) == (total, published[-1]["headcount"])
    last_lease = next(data["lease"] for data in reversed(published) if "lease" in data)
    assert final["lease"]["end"] == last_lease["end"]


async def test_concurrent_registrations_of_one_code_make_one_enterprise(app, client):
    building = await a_building(client)
    body = {"credit_code": a_credit_code(), "name": "Twin", "building_id": building["id"]}
    answers = await asyncio.gather(*(client.post("/enterprises", json=body) for _ in range(6)))
    assert sorted(answer.status_code for answer in answers) == [201] + [409] * 5
    assert len(await outbox_rows(app)) == 1


async def test_concurrent_registrations_naming_a_new_unit_create_it_once(client):
    building = await a_building(client)
    await asyncio.gather(*(an_enterprise(client, building["id"], unit="3001") for _ in range(6)))
    units = (await client.get(f"/buildings/{building['id']}/units")).json()["items"]
    assert [unit["number"] for unit in units] == ["3001"]
