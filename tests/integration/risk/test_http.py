"""The HTTP API (DESIGN §4): ratings by id, by colour and building page by page, history, distribution,
rules; problems for unknown ids and bad filters."""

import uuid
from datetime import timedelta
from typing import Any

from risk.domain import DEFAULT_CONFIG
from tests.integration.risk.events import TODAY, AnEnterprise, publish
from tests.integration.risk.helpers import rated_after


async def _building_of_three(live, producer) -> tuple[uuid.UUID, list[AnEnterprise]]:
    """One building: two enterprises orange (lease in 60 days), one yellow (in 120)."""
    building = uuid.uuid4()
    enterprises = [AnEnterprise(building_id=building) for _ in range(3)]
    for enterprise, days in zip(enterprises, (60, 60, 120), strict=True):
        await publish(producer, enterprise.registered())
        await rated_after(live, await publish(producer, enterprise.lease(TODAY + timedelta(days=days))))
    return building, enterprises


async def _all_pages(client, **params: Any) -> list[dict[str, Any]]:
    items, cursor = [], None
    while True:
        response = await client.get("/ratings", params={**params, **({"cursor": cursor} if cursor else {})})
        assert response.status_code == 200, response.text
        items += response.json()["items"]
        cursor = response.json()["next_cursor"]
        if cursor is None:
            return items


async def test_ratings_are_listed_by_building_and_colour_page_by_page(live, producer):
    building, enterprises = await _building_of_three(live, producer)
    in_building = await _all_pages(live.client, building_id=str(building), limit=1)
    orange_there = [
        r
        for r in await _all_pages(live.client, colour="orange", limit=2)
        if r["building_id"] == str(building)
    ]

    assert [r["enterprise_id"] for r in in_building] == sorted(str(e.id) for e in enterprises)
    assert sorted(r["enterprise_id"] for r in orange_there) == sorted(str(e.id) for e in enterprises[:2])
    assert {r["colour"] for r in await _all_pages(live.client, colour="yellow")} == {"yellow"}


async def test_the_history_lists_every_announced_rating_newest_first(live, producer):
    _building, (acme, *_others) = await _building_of_three(live, producer)
    response = await live.client.get(f"/ratings/{acme.id}/history", params={"limit": 1})
    rest = await live.client.get(
        f"/ratings/{acme.id}/history", params={"cursor": response.json()["next_cursor"]}
    )

    items = response.json()["items"] + rest.json()["items"]
    assert [(item["from"], item["colour"]) for item in items] == [("blue", "orange"), (None, "blue")]
    assert items[0]["factors"][0]["code"] == "lease_ending_soon"
    assert rest.json()["next_cursor"] is None


async def test_the_distribution_counts_colours_per_building_and_over_the_district(live, producer):
    building, _enterprises = await _building_of_three(live, producer)
    distribution = (await live.client.get("/distribution")).json()
    everyone = await _all_pages(live.client, limit=500)

    (ours,) = [b for b in distribution["buildings"] if b["building_id"] == str(building)]
    assert ours == {
        "building_id": str(building),
        "total": 3,
        "colours": {"green": 0, "blue": 0, "yellow": 1, "orange": 2, "red": 0},
    }
    assert distribution["total"] == len(everyone)
    assert distribution["colours"] == {
        c: sum(r["colour"] == c for r in everyone) for c in distribution["colours"]
    }


async def test_the_rules_in_force_are_readable(live):
    rules = (await live.client.get("/rules")).json()
    assert rules == DEFAULT_CONFIG.model_dump(mode="json")
    assert (rules["bands"], rules["floors"]["deregistration_intent"]) == ({"yellow": 30, "orange": 60}, "red")


async def test_unknown_enterprises_and_bad_filters_answer_problems(live):
    nobody = uuid.uuid4()
    missing = [await live.client.get(path) for path in (f"/ratings/{nobody}", f"/ratings/{nobody}/history")]
    purple = await live.client.get("/ratings", params={"colour": "purple"})

    assert [r.status_code for r in missing] == [404, 404]
    assert missing[0].headers["content-type"] == "application/problem+json"
    assert (purple.status_code, purple.json()["errors"][0]["field"]) == (422, "colour")
