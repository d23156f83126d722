"""DESIGN §3's transition table over HTTP: every action from every status, on SQLite and PostgreSQL.

Allowed actions answer 200, land on the table's status, add one timeline entry and one event; the others
answer 409 with the reason and leave the case, its timeline and the outbox exactly as they were.
"""

from typing import Any

import pytest

from tests.integration.cases.helpers import a_case, case_of, events_written, move, moved, problem_errors

ACTIVE = {"open", "in_progress", "escalated", "reopened"}
# Written out from DESIGN §3 rather than imported, so a change to the code's table fails here.
TABLE: dict[str, tuple[set[str], str | None]] = {
    "assign": (ACTIVE, None),
    "start": ({"open", "escalated", "reopened"}, "in_progress"),
    "reroute": (ACTIVE, None),
    "escalate": (ACTIVE, "escalated"),
    "resolve": (ACTIVE, "resolved"),
    "close": ({"resolved"}, "closed"),
    "reopen": ({"resolved", "closed"}, "reopened"),
}
FIELDS: dict[str, dict[str, object]] = {
    "assign": {"team": "professional_volunteers", "officer_id": "officer-7"},
    "start": {},
    "reroute": {"mechanism": "immediate", "reason": "the station can answer it today"},
    "escalate": {"reason": "the department does not answer"},
    "resolve": {"outcome": "permit issued"},
    "close": {"satisfaction": 4, "feedback": "quick and clear"},
    "reopen": {"reason": "the permit was for the wrong plate"},
}
# The actions that bring a new open `platform` case to each status.
PATHS = {
    "open": [],
    "in_progress": ["start"],
    "escalated": ["escalate"],
    "resolved": ["resolve"],
    "closed": ["resolve", "close"],
    "reopened": ["resolve", "reopen"],
}
EVENT_OF = {
    "assign": "assigned",
    "start": "started",
    "reroute": "rerouted",
    "escalate": "escalated",
    "resolve": "resolved",
    "close": "closed",
    "reopen": "reopened",
}


async def a_case_that_is(client, status: str) -> dict[str, Any]:
    case = await a_case(client)
    for action in PATHS[status]:
        case = await moved(client, case["id"], action, **FIELDS[action])
    assert case["status"] == status
    return case


@pytest.mark.parametrize("action", list(TABLE))
async def test_every_action_from_every_status(client, app, action):
    allowed_from, lands_on = TABLE[action]
    for status in PATHS:
        before = await a_case_that_is(client, status)
        events_before = await events_written(app, before["id"])
        response = await move(client, before["id"], action, **FIELDS[action])
        if status in allowed_from:
            assert response.status_code == 200, (status, response.text)
            after = response.json()
            assert after["status"] == (lands_on or status), status
            assert after["timeline"][:-1] == before["timeline"], status
            last = after["timeline"][-1]
            assert (last["action"], last["actor"]) == (action, "development")
            assert await events_written(app, before["id"]) == [
                *events_before,
                f"district.cases.case.{EVENT_OF[action]}.v1",
            ]
        else:
            assert response.status_code == 409, (status, response.text)
            assert problem_errors(response) == [("action", f"cannot {action} a case that is {status}")]
            assert await case_of(client, before["id"]) == before, status
            assert await events_written(app, before["id"]) == events_before, status
