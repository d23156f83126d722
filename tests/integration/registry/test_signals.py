"""Signals: reported on a visit or on their own, listed, and resolved once with `signal resolved`."""

import json

import pytest

from tests.infra.topics import headers_of
from tests.integration.registry.helpers import (
    a_building,
    a_visit,
    an_enterprise,
    outbox_rows,
    problem_errors,
    records_of,
)


@pytest.fixture
async def enterprise(client):
    return await an_enterprise(client, (await a_building(client))["id"])


async def test_resolving_a_signal_publishes_signal_resolved_on_the_real_broker(
    client, enterprise, kafka_bootstrap
):
    visit = await a_visit(
        client, enterprise["id"], signals=[{"code": "tax_arrears", "details": "Two quarters"}]
    )
    signal_id = visit["signals"][0]["id"]
    url = f"/enterprises/{enterprise['id']}/signals/{signal_id}"
    resolved = await client.post(f"{url}/resolve", json={"reason": "Paid in full on 1 March"})
    assert resolved.status_code == 200
    assert (resolved.json()["active"], resolved.json()["resolved_at"], resolved.json()["resolution"]) == (
        False,
        "2026-03-02T01:00:00Z",
        "Paid in full on 1 March",
    )
    *_, reported, resolution = await records_of(kafka_bootstrap, enterprise["id"], 4)
    assert headers_of(resolution)["ce_type"] == "district.registry.signal.resolved.v1"
    assert json.loads(resolution.value) == {
        "enterprise_id": enterprise["id"],
        "actor": "development",
        "signal_id": signal_id,
        "code": "tax_arrears",
        "resolved_at": "2026-03-02T01:00:00Z",
    }
    assert json.loads(reported.value)["signal_id"] == signal_id
    assert (await client.get(url)).json() == resolved.json()


async def test_resolving_a_resolved_signal_answers_409_and_publishes_nothing(app, client, enterprise):
    visit = await a_visit(client, enterprise["id"], signals=[{"code": "complaint"}])
    url = f"/enterprises/{enterprise['id']}/signals/{visit['signals'][0]['id']}/resolve"
    await client.post(url, json={"reason": "Handled"})
    again = await client.post(url, json={"reason": "Handled again"})
    assert again.status_code == 409
    assert [field for field, _ in problem_errors(again)] == ["signal_id"]
    assert [row.ce_type.split(".")[2:4] for row in await outbox_rows(app)][-2:] == [
        ["signal", "reported"],
        ["signal", "resolved"],
    ]
    assert (await client.get(url.removesuffix("/resolve"))).json()["resolution"] == "Handled"


async def test_a_signal_of_another_enterprise_or_none_at_all_answers_404(client, enterprise):
    other = await an_enterprise(client, enterprise["building_id"])
    visit = await a_visit(client, other["id"], signals=[{"code": "complaint"}])
    mine = f"/enterprises/{enterprise['id']}/signals"
    assert (
        await client.post(f"{mine}/{visit['signals'][0]['id']}/resolve", json={"reason": "x"})
    ).status_code == 404
    assert (await client.post(f"{mine}/{visit['id']}/resolve", json={"reason": "x"})).status_code == 404


async def test_a_signal_reported_outside_a_visit_is_observed_now_unless_told(app, client, enterprise):
    url = f"/enterprises/{enterprise['id']}/signals"
    now = await client.post(url, json={"code": "expansion_plan", "details": "A second floor"})
    earlier = await client.post(
        url, json={"code": "headcount_change", "observed_at": "2026-02-27T10:00:00+08:00"}
    )
    assert (now.status_code, now.headers["location"]) == (201, f"{url}/{now.json()['id']}")
    assert (now.json()["observed_at"], now.json()["visit_id"]) == ("2026-03-02T01:00:00Z", None)
    assert earlier.json()["observed_at"] == "2026-02-27T02:00:00Z"
    reported = [row.data for row in await outbox_rows(app)][1:]
    assert [(data["code"], data["visit_id"]) for data in reported] == [
        ("expansion_plan", None),
        ("headcount_change", None),
    ]


async def test_signals_are_listed_latest_observed_first_and_filtered_by_status(client, enterprise):
    url = f"/enterprises/{enterprise['id']}/signals"
    times = ["2026-01-05T10:00:00+08:00", "2026-02-05T10:00:00+08:00", "2025-12-05T10:00:00+08:00"]
    made = [
        (await client.post(url, json={"code": "complaint", "observed_at": t})).json()["id"] for t in times
    ]
    await client.post(f"{url}/{made[0]}/resolve", json={"reason": "Apologised"})

    async def listed(**query: object) -> list[str]:
        return [signal["id"] for signal in (await client.get(url, params=query)).json()["items"]]

    assert await listed() == [made[1], made[0], made[2]]
    assert await listed(status="active") == [made[1], made[2]]
    assert await listed(status="resolved") == [made[0]]
    first = (await client.get(url, params={"limit": 2})).json()
    rest = (await client.get(url, params={"limit": 2, "cursor": first["next_cursor"]})).json()
    assert [s["id"] for s in first["items"] + rest["items"]] == [made[1], made[0], made[2]]
