"""KPIs on a small hand-built district match a hand count, and so does the list overdue for a visit."""

from collections.abc import AsyncIterator

import httpx
import pytest

import registry.app
from tests.infra.services import http_client
from tests.integration.registry.conftest import NOW, REGISTRY
from tests.integration.registry.helpers import a_building, a_visit, an_enterprise

MANDATORY = ["unit", "lease", "headcount"]
ALL = [*MANDATORY, "contacts"]
# February 2026; its 12 months of verification run from 1 March 2025. Visits: (district time, verified).
DISTRICT = {
    "A": {
        "A1": [("2026-02-10T10:00", ALL)],  # visited, complete
        "A2": [("2025-06-15T10:00", ["unit", "lease"]), ("2026-02-20T10:00", ["headcount"])],  # both, joined
        "A3": [
            ("2025-02-28T23:59", ALL),
            ("2026-03-01T00:00", ALL),
        ],  # neither: just too early, just too late
        "A4": [("2026-02-05T10:00", ALL)],  # left on 15 February: not counted at all
    },
    "B": {
        "B1": [("2026-01-31T23:30", ALL)],  # not visited in February, but complete
        "B2": [("2026-02-28T23:30", MANDATORY)],  # visited on the last evening, complete
        "B3": [],  # neither
        "B4": [("2026-02-01T00:00", ["unit"])],  # visited at the first instant, incomplete
    },
    "C": {},
}


@pytest.fixture
async def client(registry_db: str, kafka_bootstrap: str) -> AsyncIterator[httpx.AsyncClient]:
    settings = REGISTRY.settings(registry_db, kafka_bootstrap, mandatory_fields=",".join(MANDATORY))
    app = registry.app.create_app(settings)
    app.state.runtime.clock.pin(NOW)
    async with http_client(app) as client:
        yield client


async def _build(client: httpx.AsyncClient) -> tuple[dict[str, str], dict[str, str]]:
    """The district above; the ids of its buildings and enterprises by their letters."""
    buildings, enterprises = {}, {}
    for letter, members in DISTRICT.items():
        buildings[letter] = (await a_building(client, name=f"Tower {letter}"))["id"]
        for name, visits in members.items():
            enterprises[name] = (await an_enterprise(client, buildings[letter], name=name))["id"]
            for at, verified in visits:
                await a_visit(
                    client, enterprises[name], visited_at=f"{at}:00+08:00", verified_fields=verified
                )
    departed = await client.post(
        f"/enterprises/{enterprises['A4']}/departure", json={"departed_on": "2026-02-15"}
    )
    assert departed.status_code == 201
    return buildings, enterprises


def tally(enterprises: int, visited: int, complete: int) -> dict[str, object]:
    return {
        "enterprises": enterprises,
        "visited": visited,
        "visit_coverage": visited / enterprises if enterprises else None,
        "complete": complete,
        "base_data_completeness": complete / enterprises if enterprises else None,
    }


async def test_kpis_of_february_match_the_hand_count_overall_and_per_building(client):
    buildings, _ = await _build(client)
    kpis = (await client.get("/kpis", params={"from": "2026-02-01", "to": "2026-02-28"})).json()
    assert kpis == {
        "from": "2026-02-01",
        "to": "2026-02-28",
        "mandatory_fields": MANDATORY,
        "overall": tally(7, 4, 4),
        "buildings": [
            {"building_id": buildings["A"], "name": "Tower A", **tally(3, 2, 2)},
            {"building_id": buildings["B"], "name": "Tower B", **tally(4, 2, 2)},
            {"building_id": buildings["C"], "name": "Tower C", **tally(0, 0, 0)},
        ],
    }


async def test_kpis_default_to_this_month_up_to_today_and_refuse_a_backward_period(client):
    await _build(client)
    kpis = (await client.get("/kpis")).json()
    # Only A3 was visited in March; A1, A2, A3, B1 and B2 were fully verified in the 12 months to today.
    assert (kpis["from"], kpis["to"], kpis["overall"]) == ("2026-03-01", "2026-03-02", tally(7, 1, 5))
    backward = await client.get("/kpis", params={"from": "2026-02-10", "to": "2026-02-01"})
    after_today = await client.get("/kpis", params={"from": "2026-03-05"})
    assert (backward.status_code, after_today.status_code) == (422, 422)


async def test_the_enterprises_overdue_for_a_visit_are_the_ones_still_here_not_visited_since(client):
    await _build(client)
    overdue = await client.get("/enterprises", params={"not_visited_since": "2026-02-01"})
    assert sorted(e["name"] for e in overdue.json()["items"]) == ["B1", "B3"]
    everyone_here = await client.get("/enterprises", params={"not_visited_since": "2026-03-02"})
    assert len(everyone_here.json()["items"]) == 7
