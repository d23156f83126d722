"""With the real producer: the registry's own events, through its outbox and relay, move risk's colours."""

from collections.abc import AsyncIterator
from datetime import timedelta

import httpx
import pytest

import registry.app
from tests.infra.services import SERVICES, http_client
from tests.infra.topics import eventually
from tests.integration.registry.helpers import a_building, an_enterprise
from tests.integration.risk.conftest import Risk
from tests.integration.risk.events import NOW, TODAY

REGISTRY = next(service for service in SERVICES if service.name == "registry")


@pytest.fixture
async def registry_client(databases, kafka_bootstrap) -> AsyncIterator[httpx.AsyncClient]:
    url = await databases.new()
    await REGISTRY.migrate(url)
    app = registry.app.create_app(REGISTRY.settings(url, kafka_bootstrap))
    app.state.runtime.clock.pin(NOW)
    async with http_client(app) as client:
        yield client


async def _colour(risk: Risk, enterprise_id: str, wanted: str) -> bool:
    response = await risk.client.get(f"/ratings/{enterprise_id}")
    return response.status_code == 200 and response.json()["colour"] == wanted


async def test_a_lease_set_in_the_registry_turns_the_enterprise_orange_and_its_renewal_blue(
    live, registry_client
):
    building = await a_building(registry_client)
    acme = (await an_enterprise(registry_client, building["id"], unit="2304"))["id"]
    await eventually(lambda: _colour(live, acme, "blue"))
    lease = {"unit": "2304", "start": "2024-01-01", "end": (TODAY + timedelta(days=60)).isoformat()}
    assert (await registry_client.put(f"/enterprises/{acme}/lease", json=lease)).status_code == 200
    await eventually(lambda: _colour(live, acme, "orange"))
    renewed = {**lease, "end": (TODAY + timedelta(days=3 * 365)).isoformat(), "renewal_status": "renewed"}
    assert (await registry_client.put(f"/enterprises/{acme}/lease", json=renewed)).status_code == 200
    await eventually(lambda: _colour(live, acme, "blue"))

    history = (await live.client.get(f"/ratings/{acme}/history")).json()["items"]
    assert [(item["from"], item["colour"]) for item in history] == [
        ("orange", "blue"),
        ("blue", "orange"),
        (None, "blue"),
    ]
    assert (await live.client.get(f"/ratings/{acme}")).json()["building_id"] == building["id"]


async def test_a_relocation_intent_captured_on_a_registry_visit_turns_orange_until_staff_resolve_it(
    live, registry_client
):
    building = await a_building(registry_client)
    acme = (await an_enterprise(registry_client, building["id"]))["id"]
    visit = {
        "visited_at": (NOW - timedelta(hours=1)).isoformat(),
        "team": "building_staff",
        "visitor": "Wang Fang",
        "signals": [{"code": "relocation_intent"}],
    }
    recorded = await registry_client.post(f"/enterprises/{acme}/visits", json=visit)
    assert recorded.status_code == 201, recorded.text
    await eventually(lambda: _colour(live, acme, "orange"))
    (signal,) = recorded.json()["signals"]
    resolve = {"reason": "found a larger office in the same building"}
    resolved = await registry_client.post(f"/enterprises/{acme}/signals/{signal['id']}/resolve", json=resolve)
    assert resolved.status_code in (200, 201), resolved.text
    await eventually(lambda: _colour(live, acme, "blue"))

    factors = (await live.client.get(f"/ratings/{acme}/history")).json()["items"][1]["factors"]
    assert [(f["code"], f["evidence"]["signal_id"]) for f in factors] == [("relocation_intent", signal["id"])]
