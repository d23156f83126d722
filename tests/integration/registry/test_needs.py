"""Needs raised by self-service or the hotline: checked against the catalogue, published with its terms."""

from datetime import timedelta

import pytest

from district_shared.topics import REGISTRY_NEEDS
from tests.integration.registry.conftest import NOW
from tests.integration.registry.helpers import (
    a_building,
    a_visit,
    an_enterprise,
    needs_records_of,
    outbox_rows,
    problem_errors,
)


@pytest.fixture
async def enterprise(client):
    return await an_enterprise(client, (await a_building(client))["id"])


async def test_an_enterprises_self_service_need_carries_the_catalogue_terms(app, client, enterprise):
    body = {
        "enterprise_id": enterprise["id"],
        "category_code": "company_registration",
        "description": "A branch",
    }
    created = await client.post("/needs", json=body)
    need = created.json()
    assert (created.status_code, created.headers["location"]) == (201, f"/needs/{need['id']}")
    row = (await outbox_rows(app))[-1]
    assert (row.topic, row.key, row.ce_type) == (
        REGISTRY_NEEDS,
        enterprise["id"],
        "district.registry.need.raised.v1",
    )
    assert row.data == {
        "need_id": need["id"],
        "enterprise_id": enterprise["id"],
        "requester": "enterprise",
        "channel": "self_service",
        "category_code": "company_registration",
        "default_mechanism": "platform",
        "sla_working_days": 5,
        "solvable_on_spot": False,
        "departments_involved": ["District Market Supervision Administration"],
        "key_enterprise": False,
        "raised_at": "2026-03-02T01:00:00Z",
        "description": "A branch",
        "visit_id": None,
        "actor": "development",
    }
    assert (await client.get(f"/needs/{need['id']}")).json() == need


async def test_an_employees_hotline_need_has_no_enterprise_and_is_keyed_by_its_own_id(
    app, client, kafka_bootstrap
):
    body = {
        "channel": "hotline",
        "category_code": "social_security_card",
        "description": "Lost my card",
        "contact": "Chen Jie, 138 0000 0000",
    }
    need = (await client.post("/needs", json=body)).json()
    assert (need["enterprise_id"], need["requester"], need["contact"]) == (None, "employee", body["contact"])
    [record] = await needs_records_of(kafka_bootstrap, need["id"], 1)
    assert b"Chen Jie" not in record.value and b"138" not in record.value
    [row] = await outbox_rows(app)
    assert (row.key, row.data["requester"], row.data["channel"]) == (need["id"], "employee", "hotline")


async def test_a_need_outside_the_catalogue_or_its_audience_answers_422_and_publishes_nothing(
    app, client, enterprise
):
    refused = [
        await client.post("/needs", json={"category_code": "moon_base", "description": "x"}),
        # An individual's service asked for by an enterprise, and an enterprise's by an employee.
        await client.post(
            "/needs",
            json={"enterprise_id": enterprise["id"], "category_code": "library_card", "description": "x"},
        ),
        await client.post("/needs", json={"category_code": "company_registration", "description": "x"}),
        await client.post(
            "/needs", json={"category_code": "library_card", "description": "x", "channel": "visit"}
        ),
    ]
    assert [(r.status_code, [f for f, _ in problem_errors(r)]) for r in refused] == [
        (422, ["category_code"]),
        (422, ["category_code"]),
        (422, ["category_code"]),
        (422, ["channel"]),
    ]
    assert problem_errors(refused[1])[0][1].startswith("wrong_audience: ")
    missing = {
        "enterprise_id": "00000000-0000-4000-8000-000000000000",
        "category_code": "company_registration",
    }
    assert (await client.post("/needs", json={**missing, "description": "x"})).status_code == 404
    assert len(await outbox_rows(app)) == 1


async def test_needs_are_listed_latest_first_and_filtered(app, client, enterprise):
    mine = {"enterprise_id": enterprise["id"], "description": "x"}
    by_visit = await a_visit(
        client, enterprise["id"], needs=[{"category_code": "tax_registration", "description": "x"}]
    )
    app.state.runtime.clock.pin(NOW - timedelta(minutes=1))
    own = (await client.post("/needs", json={**mine, "category_code": "company_registration"})).json()
    app.state.runtime.clock.pin(NOW)
    personal = (
        await client.post("/needs", json={"category_code": "library_card", "description": "x"})
    ).json()

    async def ids(**query: object) -> list[str]:
        return [need["id"] for need in (await client.get("/needs", params=query)).json()["items"]]

    assert await ids() == [personal["id"], own["id"], by_visit["needs"][0]["id"]]
    assert await ids(enterprise_id=enterprise["id"], channel="visit") == [by_visit["needs"][0]["id"]]
    assert await ids(requester="employee") == [personal["id"]]
    assert await ids(category_code="company_registration") == [own["id"]]
