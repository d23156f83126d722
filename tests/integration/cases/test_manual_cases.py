"""Staff open cases over HTTP, routed by the rules unless they choose, and list and read them."""

import uuid

import pytest

from tests.integration.cases.helpers import a_case, case_of, cases_where, outbox_size, problem_errors

MONDAY_PLATFORM_DEADLINE = "2026-03-06T16:00:00Z"  # 24:00 on Friday 6 March, district time


async def test_a_manual_case_answers_201_with_itself_its_timeline_and_location(client, app):
    response = await client.post("/cases", json={"description": "Office Wi-Fi contract dispute"})
    assert response.status_code == 201, response.text
    case = response.json()
    assert response.headers["location"] == f"/cases/{case['id']}"
    assert await case_of(client, case["id"]) == case
    assert (case["kind"], case["status"], case["opened_at"]) == ("manual", "open", "2026-03-02T01:00:00Z")
    assert [(e["action"], e["actor"], e["at"]) for e in case["timeline"]] == [
        ("open", "development", "2026-03-02T01:00:00Z")
    ]
    assert await outbox_size(app) == 1


@pytest.mark.parametrize(
    ("facts", "mechanism", "team", "rule"),
    [
        (
            {"category_code": "company_registration"},
            "special_case",
            "government_services",
            "new_company_registration",
        ),
        ({"solvable_on_spot": True}, "immediate", "building_staff", "solvable_on_spot"),
        (
            {"departments_involved": ["tax", "market_regulation"]},
            "platform",
            "government_services",
            "several_departments",
        ),
        ({}, "platform", "government_services", "fallback"),
    ],
)
async def test_without_a_mechanism_the_routing_rules_choose(client, facts, mechanism, team, rule):
    case = await a_case(client, mechanism=None, **facts)
    assert (case["mechanism"], case["team"], case["routing_rule"]) == (mechanism, team, rule)


async def test_staff_choosing_the_mechanism_get_its_team_and_its_sla_from_now(client):
    case = await a_case(client, mechanism="platform")
    assert (case["mechanism"], case["team"], case["routing_rule"]) == (
        "platform",
        "government_services",
        "manual",
    )
    assert case["sla_deadline"] == MONDAY_PLATFORM_DEADLINE


async def test_a_team_chosen_by_staff_stays_when_the_case_escalates(client):
    case = await a_case(client, mechanism="immediate", team="professional_volunteers")
    response = await client.post(
        f"/cases/{case['id']}/transitions", json={"action": "escalate", "reason": "slow"}
    )
    assert (response.json()["mechanism"], response.json()["team"]) == ("platform", "professional_volunteers")


async def test_an_employees_request_needs_no_enterprise(client):
    assert (await a_case(client))["enterprise_id"] is None


async def test_a_repeat_with_the_same_idempotency_key_returns_the_first_answer_and_opens_nothing(client, app):
    body = {"description": "Lift out of order", "enterprise_id": str(uuid.uuid4())}
    headers = {"Idempotency-Key": "open-lift-case"}
    first = await client.post("/cases", json=body, headers=headers)
    again = await client.post("/cases", json=body, headers=headers)
    assert (first.status_code, again.status_code, again.json()) == (201, 201, first.json())
    assert len(await cases_where(client)) == 1
    other = await client.post("/cases", json={**body, "description": "Lift again"}, headers=headers)
    assert problem_errors(other) == [("Idempotency-Key", "already used with a different request")]
    assert await outbox_size(app) == 1


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"description": "  "}, "description"),
        ({"description": "x", "mechanism": "express"}, "mechanism"),
        ({"description": "x", "team": "mayor"}, "team"),
        ({"description": "x", "enterprise_id": "acme"}, "enterprise_id"),
        ({"description": "x", "kind": "retention"}, "kind"),
    ],
)
async def test_an_invalid_case_is_refused_naming_its_field(client, app, body, field):
    response = await client.post("/cases", json=body)
    assert response.status_code == 422
    assert [name for name, _ in problem_errors(response)] == [field]
    assert await outbox_size(app) == 0


async def test_an_unknown_case_is_not_found(client):
    response = await client.get(f"/cases/{uuid.uuid4()}")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"


async def test_the_list_filters_by_enterprise_mechanism_team_status_and_kind(client):
    enterprise = str(uuid.uuid4())
    mine = await a_case(client, enterprise_id=enterprise, mechanism="special_case")
    immediate = await a_case(client, mechanism="immediate")
    started = await a_case(client, mechanism="difficult")
    await client.post(f"/cases/{started['id']}/transitions", json={"action": "start"})

    def ids(found: list[dict[str, object]]) -> list[object]:
        return [case["id"] for case in found]

    assert ids(await cases_where(client, enterprise_id=enterprise)) == [mine["id"]]
    assert ids(await cases_where(client, mechanism="immediate")) == [immediate["id"]]
    assert ids(await cases_where(client, team="building_staff")) == [immediate["id"]]
    assert ids(await cases_where(client, status="in_progress")) == [started["id"]]
    assert len(await cases_where(client, kind="manual", team="government_services")) == 2
    assert await cases_where(client, kind="retention") == []


async def test_the_list_comes_in_pages(client):
    opened = [(await a_case(client))["id"] for _ in range(5)]
    first = (await client.get("/cases", params={"limit": 3})).json()
    second = (await client.get("/cases", params={"limit": 3, "cursor": first["next_cursor"]})).json()
    # Opened at the same pinned instant, so the list's order falls back to the ids.
    assert [c["id"] for c in first["items"] + second["items"]] == sorted(opened)
    assert second["next_cursor"] is None


async def test_an_unknown_filter_value_is_refused(client):
    response = await client.get("/cases", params={"status": "lost"})
    assert [name for name, _ in problem_errors(response)] == ["status"]
