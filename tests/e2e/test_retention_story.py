"""A district story across registry, risk and cases — through HTTP and topics only, clocks pinned."""

import random
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager
from datetime import date, timedelta
from typing import Any

import httpx

from tests.infra.services import SERVICES, http_client
from tests.infra.topics import eventually
from tests.unit.registry.factories import valid_credit_code

NOW = "2026-03-02T09:00:00+08:00"  # a Monday morning in the district
TODAY = date(2026, 3, 2)
PLATFORM = ("registry", "risk", "cases")


@asynccontextmanager
async def district(databases, bootstrap: str) -> AsyncIterator[dict[str, httpx.AsyncClient]]:
    """The three services on their own fresh databases, the real broker, every clock pinned to NOW."""
    clients: dict[str, httpx.AsyncClient] = {}
    async with AsyncExitStack() as stack:
        for service in (s for s in SERVICES if s.name in PLATFORM):
            url = await databases.new()
            await service.migrate(url)
            app = service.create_app(service.settings(url, bootstrap, clock_control=True))
            clients[service.name] = await stack.enter_async_context(http_client(app))
            pinned = await clients[service.name].put("/_test/clock", json={"now": NOW})
            assert pinned.status_code == 200
        yield clients


async def _created(response: httpx.Response) -> dict[str, Any]:
    assert response.status_code == 201, response.text
    return dict(response.json())


async def _colour(risk: httpx.AsyncClient, enterprise_id: str) -> str | None:
    response = await risk.get(f"/ratings/{enterprise_id}")
    return response.json()["colour"] if response.status_code == 200 else None


async def _retention_cases(cases: httpx.AsyncClient, enterprise_id: str) -> list[dict[str, Any]]:
    response = await cases.get("/cases", params={"enterprise_id": enterprise_id, "kind": "retention"})
    return list(response.json()["items"])


async def test_a_lease_ending_soon_turns_an_enterprise_orange_opens_one_retention_case_and_renewal_calms_it(
    databases, kafka_bootstrap
):
    async with district(databases, kafka_bootstrap) as svc:
        building = await _created(
            await svc["registry"].post(
                "/buildings", json={"name": "Plaza 66", "address": "1266 West Nanjing Road"}
            )
        )
        enterprise = await _created(
            await svc["registry"].post(
                "/enterprises",
                json={
                    "credit_code": valid_credit_code(random.Random(7)),
                    "name": "Lantern Consulting",
                    "building_id": building["id"],
                },
            )
        )
        eid = enterprise["id"]
        assert await eventually(lambda: _colour(svc["risk"], eid)) == "blue"  # first sight: no risk factor

        lease = {"unit": "2304", "start": "2021-05-01", "end": (TODAY + timedelta(days=60)).isoformat()}
        assert (await svc["registry"].put(f"/enterprises/{eid}/lease", json=lease)).status_code == 200
        assert await eventually(lambda: _is(svc["risk"], eid, "orange"))

        [case] = await eventually(lambda: _retention_cases(svc["cases"], eid))
        assert (case["mechanism"], case["team"], case["status"]) == (
            "special_case",
            "government_services",
            "open",
        )

        renewed = {**lease, "end": (TODAY + timedelta(days=3 * 365)).isoformat(), "renewal_status": "renewed"}
        assert (await svc["registry"].put(f"/enterprises/{eid}/lease", json=renewed)).status_code == 200
        assert await eventually(lambda: _is(svc["risk"], eid, "blue"))

        # The calmer rating reaches the case as a timeline entry: still one case, still open.
        detail = await eventually(lambda: _case_with_entries(svc["cases"], case["id"], 2))
        assert detail["status"] == "open"
        assert len(await _retention_cases(svc["cases"], eid)) == 1


async def _is(risk: httpx.AsyncClient, enterprise_id: str, colour: str) -> bool:
    return await _colour(risk, enterprise_id) == colour


async def _case_with_entries(cases: httpx.AsyncClient, case_id: str, count: int) -> dict[str, Any] | None:
    detail = (await cases.get(f"/cases/{case_id}")).json()
    return dict(detail) if len(detail["timeline"]) >= count else None


async def test_time_alone_moves_a_lease_into_the_last_ninety_days_and_a_retention_case_follows(
    databases, kafka_bootstrap
):
    async with district(databases, kafka_bootstrap) as svc:
        building = await _created(
            await svc["registry"].post(
                "/buildings", json={"name": "CITIC Square", "address": "1168 West Nanjing Road"}
            )
        )
        enterprise = await _created(
            await svc["registry"].post(
                "/enterprises",
                json={
                    "credit_code": valid_credit_code(random.Random(11)),
                    "name": "Magnolia Trading",
                    "building_id": building["id"],
                },
            )
        )
        eid = enterprise["id"]
        lease = {"unit": "1801", "start": "2022-01-01", "end": (TODAY + timedelta(days=120)).isoformat()}
        assert (await svc["registry"].put(f"/enterprises/{eid}/lease", json=lease)).status_code == 200
        assert await eventually(lambda: _is(svc["risk"], eid, "yellow"))
        assert await _retention_cases(svc["cases"], eid) == []

        later = "2026-04-02T09:00:00+08:00"  # 89 days before the lease ends, and no new event
        for name in PLATFORM:
            assert (await svc[name].put("/_test/clock", json={"now": later})).status_code == 200
        assert (await svc["risk"].post("/_test/tick")).status_code == 200

        assert await eventually(lambda: _is(svc["risk"], eid, "orange"))
        [case] = await eventually(lambda: _retention_cases(svc["cases"], eid))
        assert case["mechanism"] == "special_case"
