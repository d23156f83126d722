"""A door-to-door visit is one transaction: the visit, its signals and its needs, with their events."""

import json
from typing import Any

import pytest

from district_shared.topics import REGISTRY_ENTERPRISES, REGISTRY_NEEDS
from tests.infra.topics import headers_of
from tests.integration.registry.helpers import (
    a_building,
    a_visit,
    an_enterprise,
    needs_records_of,
    outbox_rows,
    problem_errors,
    records_of,
)

TWO_SIGNALS_ONE_NEED: dict[str, Any] = {
    "visited_at": "2026-03-02T08:30:00+08:00",
    "team": "building_staff",
    "visitor": "Wang Fang",
    "notes": "Met the office manager; lease talks stalled.",
    "verified_fields": ["unit", "headcount", "lease", "unit"],
    "signals": [
        {"code": "lease_expiring", "details": "Landlord wants 20% more"},
        {"code": "relocation_intent", "observed_at": "2026-03-02T08:10:00+08:00"},
    ],
    "needs": [{"category_code": "office_relocation_support", "description": "Needs 400 m2 nearby by June"}],
}


@pytest.fixture
async def enterprise(client):
    building = await a_building(client)
    return await an_enterprise(client, building["id"], unit="2304", key_enterprise=True)


def _need_raised(visit: dict[str, Any], enterprise: dict[str, Any]) -> dict[str, Any]:
    """What the need of TWO_SIGNALS_ONE_NEED must publish: the catalogue's terms of its category."""
    return {
        "need_id": visit["needs"][0]["id"],
        "enterprise_id": enterprise["id"],
        "requester": "enterprise",
        "channel": "visit",
        "category_code": "office_relocation_support",
        "default_mechanism": "special_case",
        "sla_working_days": 10,
        "solvable_on_spot": False,
        "departments_involved": ["District Investment Promotion Office", "Sub-district Office"],
        "key_enterprise": True,
        "raised_at": "2026-03-02T00:30:00Z",
        "description": "Needs 400 m2 nearby by June",
        "visit_id": visit["id"],
        "actor": "development",
    }


async def test_a_visit_with_two_signals_and_one_need_writes_exactly_those_four_events(
    app, client, enterprise
):
    visit = await a_visit(client, enterprise["id"], **TWO_SIGNALS_ONE_NEED)
    _registered, recorded, lease_expiring, relocation, need = await outbox_rows(app)
    assert [(r.topic, r.key, r.ce_type) for r in (recorded, lease_expiring, relocation, need)] == [
        (REGISTRY_ENTERPRISES, enterprise["id"], "district.registry.visit.recorded.v1"),
        (REGISTRY_ENTERPRISES, enterprise["id"], "district.registry.signal.reported.v1"),
        (REGISTRY_ENTERPRISES, enterprise["id"], "district.registry.signal.reported.v1"),
        (REGISTRY_NEEDS, enterprise["id"], "district.registry.need.raised.v1"),
    ]
    assert recorded.data == {
        "enterprise_id": enterprise["id"],
        "actor": "development",
        "visit_id": visit["id"],
        "building_id": enterprise["building_id"],
        "visited_at": "2026-03-02T00:30:00Z",
        "team": "building_staff",
        "verified_fields": ["unit", "headcount", "lease"],
        "signal_count": 2,
        "need_count": 1,
    }
    signal_ids = [signal["id"] for signal in visit["signals"]]
    reported = [
        (r.data["signal_id"], r.data["code"], r.data["observed_at"]) for r in (lease_expiring, relocation)
    ]
    assert reported == [
        (signal_ids[0], "lease_expiring", "2026-03-02T00:30:00Z"),
        (signal_ids[1], "relocation_intent", "2026-03-02T00:10:00Z"),
    ]
    assert lease_expiring.data["visit_id"] == relocation.data["visit_id"] == visit["id"]
    assert need.data == _need_raised(visit, enterprise)
    payloads = " ".join(str(row.data) for row in await outbox_rows(app))
    assert not any(private in payloads for private in ("Wang Fang", "office manager", "Landlord"))


async def test_the_visits_events_reach_both_topics_in_order_on_the_real_broker(
    app, client, enterprise, kafka_bootstrap
):
    await a_visit(client, enterprise["id"], **TWO_SIGNALS_ONE_NEED)
    on_enterprises = await records_of(kafka_bootstrap, enterprise["id"], 4)
    [need] = await needs_records_of(kafka_bootstrap, enterprise["id"], 1)
    rows = {row.ce_id: row for row in await outbox_rows(app)}
    assert [headers_of(r)["ce_type"].split(".")[2:4] for r in on_enterprises] == [
        ["enterprise", "registered"],
        ["visit", "recorded"],
        ["signal", "reported"],
        ["signal", "reported"],
    ]
    for record in [*on_enterprises, need]:
        assert json.loads(record.value) == rows[headers_of(record)["ce_id"]].data
    assert (need.topic, headers_of(need)["ce_subject"]) == (REGISTRY_NEEDS, enterprise["id"])


async def test_the_visit_answers_with_its_signals_and_needs_and_is_listed(client, enterprise):
    url = f"/enterprises/{enterprise['id']}/visits"
    created = await client.post(url, json=TWO_SIGNALS_ONE_NEED)
    visit = created.json()
    assert created.headers["location"] == f"{url}/{visit['id']}"
    assert [(s["code"], s["active"], s["details"]) for s in visit["signals"]] == [
        ("lease_expiring", True, "Landlord wants 20% more"),
        ("relocation_intent", True, None),
    ]
    assert (visit["needs"][0]["category_code"], visit["needs"][0]["channel"]) == (
        "office_relocation_support",
        "visit",
    )
    plain = {key: value for key, value in visit.items() if key not in ("signals", "needs")}
    assert (await client.get(f"{url}/{visit['id']}")).json() == plain
    earlier = await a_visit(
        client, enterprise["id"], visited_at="2025-11-20T14:00:00+08:00", team="government_services"
    )
    listed = (await client.get(url)).json()
    assert [v["id"] for v in listed["items"]] == [visit["id"], earlier["id"]]
    assert listed["items"][0]["verified_fields"] == ["unit", "headcount", "lease"]


async def test_a_visit_with_an_unknown_category_stores_and_publishes_nothing(app, client, enterprise):
    body = {
        **TWO_SIGNALS_ONE_NEED,
        "needs": [*TWO_SIGNALS_ONE_NEED["needs"], {"category_code": "moon_base", "description": "x"}],
    }
    refused = await client.post(f"/enterprises/{enterprise['id']}/visits", json=body)
    assert refused.status_code == 422
    [(field, reason)] = problem_errors(refused)
    assert (field, "'moon_base' is not a category_code" in reason) == ("needs[1].category_code", True)
    await _nothing_but_the_registration(app, client, enterprise)


async def test_a_failure_while_writing_the_last_event_leaves_no_visit_signal_need_or_event(
    app, client, enterprise, monkeypatch
):
    from district_shared.outbox import add_event

    written: list[str] = []

    async def fail_on_the_need(session, event, **kwargs):
        written.append(event.ce_type)
        if event.ce_type == "district.registry.need.raised.v1":
            raise RuntimeError("the database went away")
        return await add_event(session, event, **kwargs)

    monkeypatch.setattr("registry.use_cases.visits.add_event", fail_on_the_need)
    with pytest.raises(RuntimeError):
        await client.post(f"/enterprises/{enterprise['id']}/visits", json=TWO_SIGNALS_ONE_NEED)
    monkeypatch.undo()
    assert len(written) == 4  # three events were written before the fourth failed
    await _nothing_but_the_registration(app, client, enterprise)


async def _nothing_but_the_registration(app, client, enterprise) -> None:
    assert [row.ce_type for row in await outbox_rows(app)] == ["district.registry.enterprise.registered.v1"]
    assert (await client.get(f"/enterprises/{enterprise['id']}/visits")).json()["items"] == []
    assert (await client.get(f"/enterprises/{enterprise['id']}/signals")).json()["items"] == []
    assert (await client.get("/needs")).json()["items"] == []


BAD_VISITS: list[tuple[dict[str, Any], str]] = [
    ({"visited_at": "2026-03-02T09:00:01+08:00"}, "visited_at"),  # a second after now
    ({"visited_at": "2026-03-02T08:00:00"}, "visited_at"),  # no offset
    ({"verified_fields": ["unit", "shoe_size"]}, "verified_fields[1]"),
    ({"team": "astronauts"}, "team"),
    ({"signals": [{"code": "alien_invasion"}]}, "signals[0].code"),
    (
        {"signals": [{"code": "complaint", "observed_at": "2026-03-03T08:00:00+08:00"}]},
        "signals[0].observed_at",
    ),
    # A service for individuals: an enterprise cannot raise it.
    (
        {"needs": [{"category_code": "talent_rental_housing", "description": "A flat"}]},
        "needs[0].category_code",
    ),
]


async def test_each_bad_visit_answers_422_at_its_field_and_writes_nothing(app, client, enterprise):
    url = f"/enterprises/{enterprise['id']}/visits"
    for change, field in BAD_VISITS:
        refused = await client.post(url, json={**TWO_SIGNALS_ONE_NEED, **change})
        assert (refused.status_code, [f for f, _ in problem_errors(refused)]) == (422, [field]), change
    assert len(await outbox_rows(app)) == 1


async def test_a_visit_to_an_unknown_enterprise_answers_404(client):
    missing = "00000000-0000-4000-8000-000000000000"
    assert (await client.post(f"/enterprises/{missing}/visits", json=TWO_SIGNALS_ONE_NEED)).status_code == 404
    assert (await client.get(f"/enterprises/{missing}/visits")).status_code == 404


async def test_a_visit_repeated_with_its_idempotency_key_is_recorded_once(app, client, enterprise):
    url, key = f"/enterprises/{enterprise['id']}/visits", {"Idempotency-Key": "visit-1"}
    first = await client.post(url, json=TWO_SIGNALS_ONE_NEED, headers=key)
    again = await client.post(url, json=TWO_SIGNALS_ONE_NEED, headers=key)
    assert (again.status_code, again.json()) == (201, first.json())
    assert len(await outbox_rows(app)) == 5
