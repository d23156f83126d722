"""Each change writes its events to the outbox in its own transaction, and a refused one writes nothing."""

import uuid
from typing import Any

import pytest

from district_shared.outbox import add_event
from tests.integration.registry.helpers import a_building, an_enterprise, outbox_rows, problem_errors

TOPIC = "registry.enterprises.v1"
LEASE = {"unit": "2304", "start": "2025-01-01", "end": "2026-12-31"}


@pytest.fixture
async def building(client):
    return await a_building(client)


def facts(enterprise: dict[str, Any], version: int, **changes: Any) -> dict[str, Any]:
    """The data every enterprise event carries, for this resource at `version`."""
    return {
        "enterprise_id": enterprise["id"],
        "version": version,
        "credit_code": enterprise["credit_code"],
        "building_id": enterprise["building_id"],
        "unit": enterprise["unit"],
        "industry": enterprise["industry"],
        "headcount": enterprise["headcount"],
        "key_enterprise": enterprise["key_enterprise"],
        "registered_in_district": enterprise["registered_in_district"],
        "contact_ids": [contact["id"] for contact in enterprise["contacts"]],
        "contact_count": len(enterprise["contacts"]),
        "actor": "development",
        **changes,
    }


async def test_registration_writes_one_registered_event_keyed_by_the_enterprise(app, client, building):
    enterprise = await an_enterprise(
        client, building["id"], unit="2304", industry="consulting", headcount=8, contacts=[{"name": "Li Wei"}]
    )
    [row] = await outbox_rows(app)
    assert (row.topic, row.key, row.ce_type) == (
        TOPIC,
        enterprise["id"],
        "district.registry.enterprise.registered.v1",
    )
    assert row.data == facts(enterprise, 1)


async def test_a_patch_of_details_and_unit_writes_updated_then_moved(app, client, building):
    enterprise = await an_enterprise(client, building["id"], unit="2304")
    patched = await client.patch(f"/enterprises/{enterprise['id']}", json={"headcount": 30, "unit": "1201"})
    _, updated, moved = await outbox_rows(app)
    assert (updated.ce_type, moved.ce_type) == (
        "district.registry.enterprise.updated.v1",
        "district.registry.enterprise.moved.v1",
    )
    assert updated.data == facts(enterprise, 2, headcount=30, changed=["headcount"])
    assert moved.data == facts(patched.json(), 3, from_building_id=building["id"], from_unit="2304")


async def test_lease_events_carry_the_term_and_whether_it_is_a_renewal(app, client, building):
    enterprise = await an_enterprise(client, building["id"], unit="2304")
    url = f"/enterprises/{enterprise['id']}/lease"
    await client.put(url, json=LEASE)
    await client.put(url, json={**LEASE, "end": "2029-12-31", "renewal_status": "renewed"})
    _, first, renewal = await outbox_rows(app)
    assert first.ce_type == renewal.ce_type == "district.registry.lease.changed.v1"
    term = {"start": "2025-01-01", "end": "2026-12-31", "renewal_status": "none"}
    assert first.data == facts(enterprise, 2, lease=term, renewal=False, previous_end=None)
    renewed = {**term, "end": "2029-12-31", "renewal_status": "renewed"}
    assert renewal.data == facts(enterprise, 3, lease=renewed, renewal=True, previous_end="2026-12-31")


async def test_a_lease_elsewhere_writes_moved_then_lease_changed(app, client, building):
    annex = await a_building(client, name="Annex")
    enterprise = await an_enterprise(client, building["id"], unit="2304")
    await client.put(f"/enterprises/{enterprise['id']}/lease", json={**LEASE, "building_id": annex["id"]})
    types = [
        (row.ce_type.split(".")[2:4], row.data["version"], row.data["building_id"])
        for row in await outbox_rows(app)
    ]
    assert types == [
        (["enterprise", "registered"], 1, building["id"]),
        (["enterprise", "moved"], 2, annex["id"]),
        (["lease", "changed"], 3, annex["id"]),
    ]


async def test_a_departure_writes_left_with_its_date_and_destination(app, client, building):
    enterprise = await an_enterprise(client, building["id"])
    await client.post(
        f"/enterprises/{enterprise['id']}/departure",
        json={"departed_on": "2026-02-27", "destination": "Suzhou"},
    )
    left = (await outbox_rows(app))[-1]
    assert left.ce_type == "district.registry.enterprise.left.v1"
    assert left.data == facts(enterprise, 2, departed_on="2026-02-27", destination="Suzhou")


async def test_a_change_that_changes_nothing_writes_nothing(app, client, building):
    enterprise = await an_enterprise(client, building["id"], headcount=8, unit="2304")
    url = f"/enterprises/{enterprise['id']}"
    await client.put(f"{url}/lease", json=LEASE)
    assert (
        await client.patch(url, json={"headcount": 8, "unit": "2304", "building_id": building["id"]})
    ).status_code == 200
    assert (await client.put(f"{url}/lease", json=LEASE)).status_code == 200
    assert len(await outbox_rows(app)) == 2


async def test_no_contact_detail_ever_reaches_an_event(app, client, building):
    person = {"name": "Zhang Min", "role": "CFO", "phone": "+86 21 5555 0100", "email": "zm@example.cn"}
    enterprise = await an_enterprise(client, building["id"], contacts=[person])
    await client.patch(
        f"/enterprises/{enterprise['id']}", json={"contacts": [{**person, "name": "Zhang Min-Li"}]}
    )
    rows = await outbox_rows(app)
    assert [row.data["contact_count"] for row in rows] == [1, 1]
    payloads = " ".join(str(row.data) for row in rows)
    assert not any(secret in payloads for secret in ("Zhang", "CFO", "5555", "example.cn"))


async def test_refused_requests_write_no_event_and_change_nothing(app, client, building):
    enterprise = await an_enterprise(client, building["id"])
    url = f"/enterprises/{enterprise['id']}"
    await client.post(f"{url}/departure", json={"departed_on": "2026-03-01"})
    before = (await client.get(url)).json()
    refused = [
        await client.post(
            "/enterprises",
            json={"credit_code": "914403007084611365", "name": "X", "building_id": building["id"]},
        ),
        await client.post(
            "/enterprises",
            json={
                "credit_code": enterprise["credit_code"].lower(),
                "name": "X",
                "building_id": building["id"],
            },
        ),
        await client.post(
            "/enterprises",
            json={"credit_code": "91440300708461136T", "name": "X", "building_id": str(uuid.uuid4())},
        ),
        await client.put(f"{url}/lease", json={**LEASE, "end": "2024-12-31"}),
        await client.patch(url, json={"headcount": 9, "building_id": str(uuid.uuid4())}),
        await client.post(f"{url}/departure", json={"departed_on": "2026-03-02"}),
    ]
    assert [r.status_code for r in refused] == [422, 409, 404, 422, 404, 409]
    assert len(await outbox_rows(app)) == 2
    assert (await client.get(url)).json() == before
    assert len((await client.get("/enterprises")).json()["items"]) == 1


async def test_a_failure_between_two_events_leaves_neither_the_state_nor_the_first_event(
    app, client, building, monkeypatch
):
    enterprise = await an_enterprise(client, building["id"], unit="2304")
    written: list[str] = []

    async def fail_on_the_second(session, event, **kwargs):
        written.append(event.ce_type)
        if len(written) == 2:
            raise RuntimeError("the database went away")
        return await add_event(session, event, **kwargs)

    monkeypatch.setattr("registry.use_cases.publish.add_event", fail_on_the_second)
    with pytest.raises(RuntimeError):
        await client.patch(f"/enterprises/{enterprise['id']}", json={"headcount": 30, "unit": "1201"})
    monkeypatch.undo()
    assert len(written) == 2  # the updated event was written, then the moved one failed
    assert [row.ce_type for row in await outbox_rows(app)] == ["district.registry.enterprise.registered.v1"]
    assert (await client.get(f"/enterprises/{enterprise['id']}")).json() == enterprise


async def test_a_registration_repeated_with_its_idempotency_key_replays_instead_of_conflicting(
    app, client, building
):
    body = {"credit_code": "91440300708461136T", "name": "Acme", "building_id": building["id"]}
    key = {"Idempotency-Key": "register-acme"}
    first = await client.post("/enterprises", json=body, headers=key)
    again = await client.post("/enterprises", json=body, headers=key)
    assert (first.status_code, again.status_code) == (201, 201)
    assert (again.json(), again.headers["location"]) == (first.json(), first.headers["location"])
    other = await client.post("/enterprises", json={**body, "name": "Other"}, headers=key)
    assert other.status_code == 422
    assert len(await outbox_rows(app)) == 1


async def test_a_registration_with_its_lease_writes_registered_then_lease_changed(app, client, building):
    body = {
        "credit_code": "91440300708461136T",
        "name": "Acme",
        "building_id": building["id"],
        "unit": "2304",
    }
    enterprise = (await client.post("/enterprises", json={**body, "lease": LEASE})).json()
    assert (enterprise["version"], enterprise["lease"]["end"]) == (2, "2026-12-31")
    registered, leased = await outbox_rows(app)
    assert registered.data == facts(enterprise, 1)
    term = {"start": "2025-01-01", "end": "2026-12-31", "renewal_status": "none"}
    assert leased.data == facts(enterprise, 2, lease=term, renewal=False, previous_end=None)


async def test_a_registration_with_a_bad_lease_names_the_leases_field_and_writes_nothing(
    app, client, building
):
    body = {"credit_code": "91440300708461136T", "name": "Acme", "building_id": building["id"]}
    backwards = await client.post("/enterprises", json={**body, "lease": {**LEASE, "end": "2024-12-31"}})
    elsewhere = await client.post(
        "/enterprises", json={**body, "lease": {**LEASE, "building_id": str(uuid.uuid4())}}
    )
    assert (backwards.status_code, [field for field, _ in problem_errors(backwards)]) == (422, ["lease.end"])
    assert elsewhere.status_code == 404
    assert await outbox_rows(app) == []
