"""What each transition records, who may reroute, and the requests that are refused."""

import uuid

import pytest

from district_deploy.kafka import free_port
from tests.infra.gateway import bearer, jwks_server
from tests.infra.services import http_client
from tests.integration.cases.conftest import cases_app
from tests.integration.cases.helpers import (
    a_case,
    case_of,
    events_written,
    move,
    moved,
    problem_errors,
)


async def test_resolving_and_closing_record_outcome_satisfaction_and_feedback(client):
    case = await a_case(client)
    await moved(client, case["id"], "resolve", outcome="permit issued")
    closed = await moved(client, case["id"], "close", satisfaction=5, feedback="fast")
    assert (closed["outcome"], closed["satisfaction"], closed["feedback"]) == ("permit issued", 5, "fast")
    assert (closed["resolved_at"], closed["closed_at"]) == ("2026-03-02T01:00:00Z", "2026-03-02T01:00:00Z")
    assert closed["timeline"][-1]["details"] == {"satisfaction": 5, "feedback": "fast"}


async def test_assigning_records_the_team_and_officer(client):
    case = await a_case(client)
    assigned = await moved(client, case["id"], "assign", team="building_staff", officer_id="officer-9")
    assert (assigned["team"], assigned["officer_id"], assigned["status"]) == (
        "building_staff",
        "officer-9",
        "open",
    )


async def test_a_reroute_moves_the_mechanism_and_records_its_reason(client):
    case = await a_case(client, mechanism="difficult")
    rerouted = await moved(client, case["id"], "reroute", mechanism="immediate", reason="a form suffices")
    assert (rerouted["mechanism"], rerouted["team"]) == ("immediate", "building_staff")
    assert rerouted["sla_deadline"] == "2026-03-02T16:00:00Z"  # immediate: the same working day
    assert rerouted["timeline"][-1]["details"] == {
        "mechanism": "immediate",
        "reason": "a form suffices",
        "from_mechanism": "difficult",
    }


async def test_nothing_escalates_beyond_difficult(client):
    case = await a_case(client, mechanism="difficult")
    response = await move(client, case["id"], "escalate", reason="even higher")
    assert response.status_code == 409
    assert problem_errors(response) == [
        ("action", "cannot escalate a case that is open: difficult is the highest mechanism")
    ]


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"action": "reroute", "mechanism": "immediate"}, "reason"),
        ({"action": "reroute", "mechanism": "express", "reason": "x"}, "mechanism"),
        ({"action": "close", "satisfaction": 6}, "satisfaction"),
        ({"action": "escalate", "reason": ""}, "reason"),
        ({"action": "start", "reason": "no such field"}, "reason"),
    ],
)
async def test_an_action_with_a_missing_or_invalid_field_is_refused_naming_it(client, app, fields, field):
    case = await a_case(client)
    response = await client.post(f"/cases/{case['id']}/transitions", json=fields)
    assert response.status_code == 422
    assert [name for name, _ in problem_errors(response)] == [f"{fields['action']}.{field}"]
    assert await events_written(app, case["id"]) == ["district.cases.case.opened.v1"]


async def test_an_action_outside_the_table_is_refused(client):
    case = await a_case(client)
    response = await move(client, case["id"], "breach")
    assert response.status_code == 422
    assert "does not match any of the expected tags" in problem_errors(response)[0][1]


async def test_an_action_on_an_unknown_case_is_not_found(client):
    assert (await move(client, str(uuid.uuid4()), "start")).status_code == 404


async def test_a_repeated_transition_with_the_same_key_is_applied_once(client, app):
    case = await a_case(client, mechanism="immediate")
    url, headers = f"/cases/{case['id']}/transitions", {"Idempotency-Key": "escalate-once"}
    first = await client.post(url, json={"action": "escalate", "reason": "slow"}, headers=headers)
    again = await client.post(url, json={"action": "escalate", "reason": "slow"}, headers=headers)
    assert (first.status_code, again.status_code, again.json()) == (200, 200, first.json())
    assert (await case_of(client, case["id"]))["mechanism"] == "platform"
    assert (await events_written(app, case["id"])).count("district.cases.case.escalated.v1") == 1


async def test_only_a_principal_with_cases_reroute_may_reroute(cases_db):
    with jwks_server() as jwks:
        app = cases_app(cases_db, f"127.0.0.1:{free_port()}", auth_jwks_url=jwks)
        async with http_client(app) as client:
            writer, rerouter = bearer("cases", "cases:write"), bearer("cases", "cases:write cases:reroute")
            opened = await client.post(
                "/cases", json={"description": "x", "mechanism": "platform"}, headers=writer
            )
            url = f"/cases/{opened.json()['id']}/transitions"
            body = {"action": "reroute", "mechanism": "difficult", "reason": "joint handling"}
            refused = await client.post(url, json=body, headers=writer)
            allowed = await client.post(url, json=body, headers=rerouter)
            escalated = await client.post(url, json={"action": "escalate", "reason": "x"}, headers=writer)
    assert (refused.status_code, refused.json()["detail"]) == (403, "missing scope: cases:reroute")
    assert allowed.status_code == 200, allowed.text
    assert allowed.json()["timeline"][-1]["actor"] == "officer-17"
    assert escalated.status_code == 409  # a writer still escalates; here: nothing above difficult
