"""`GET /kpis`: resolution rate, satisfaction and backlog of a period, overall, per mechanism and per team."""

from datetime import UTC, datetime
from typing import Any

from tests.integration.cases.conftest import pin
from tests.integration.cases.helpers import a_case, moved, problem_errors

FEBRUARY = datetime(2026, 2, 16, 2, tzinfo=UTC)
MARCH = datetime(2026, 3, 3, 2, tzinfo=UTC)
APRIL = datetime(2026, 4, 1, 2, tzinfo=UTC)


def in_group(kpis: dict[str, Any], key: str, value: str) -> dict[str, Any]:
    return next(group for group in kpis[f"by_{key}"] if group[key] == value)


async def kpis(client, first: str, last: str) -> dict[str, Any]:
    response = await client.get("/kpis", params={"from": first, "to": last})
    assert response.status_code == 200, response.text
    return dict(response.json())


async def _a_month_of_cases(client) -> None:
    """February: one case left open until April. March: four cases, three of them resolved."""
    await pin(client, FEBRUARY)
    late = await a_case(client, mechanism="special_case")
    await pin(client, MARCH)
    for mechanism, satisfaction in (("platform", 4), ("immediate", 5)):
        case = await a_case(client, mechanism=mechanism)
        await moved(client, case["id"], "resolve", outcome="done")
        await moved(client, case["id"], "close", satisfaction=satisfaction)
    resolved = await a_case(client, mechanism="platform")
    await moved(client, resolved["id"], "resolve", outcome="done")
    stuck = await a_case(client, mechanism="platform")
    await moved(client, stuck["id"], "escalate", reason="no answer")
    await pin(client, APRIL)
    await moved(client, late["id"], "resolve", outcome="done at last")


async def test_a_months_kpis_count_its_cases_as_they_stood_at_its_end(client):
    await _a_month_of_cases(client)
    march = await kpis(client, "2026-03-01", "2026-03-31")
    assert march["overall"] == {
        "opened": 4,
        "resolved": 3,
        "resolution_rate": 0.75,
        "closed": 2,
        "satisfaction": 4.5,
        "backlog": 2,  # the escalated one, and February's still open at the end of March
    }
    platform = in_group(march, "mechanism", "platform")
    assert (platform["opened"], platform["resolved"], platform["closed"], platform["backlog"]) == (2, 2, 1, 0)
    special = in_group(march, "mechanism", "special_case")
    assert (special["opened"], special["backlog"]) == (1, 2)  # the escalated one moved up to special_case
    staff = in_group(march, "team", "building_staff")
    assert (staff["opened"], staff["satisfaction"], staff["resolution_rate"]) == (1, 5.0, 1.0)


async def test_a_case_resolved_after_the_period_was_backlog_in_it(client):
    await _a_month_of_cases(client)
    february = await kpis(client, "2026-02-01", "2026-02-28")
    assert february["overall"] == {
        "opened": 1,
        "resolved": 0,
        "resolution_rate": 0.0,
        "closed": 0,
        "satisfaction": None,
        "backlog": 1,
    }
    april = await kpis(client, "2026-04-01", "2026-04-30")
    assert (april["overall"]["opened"], april["overall"]["backlog"], april["overall"]["resolution_rate"]) == (
        0,
        1,  # the March case still escalated
        None,
    )


async def test_every_mechanism_and_team_is_listed_even_without_cases(client):
    empty = await kpis(client, "2026-01-01", "2026-01-31")
    assert [group["mechanism"] for group in empty["by_mechanism"]] == [
        "immediate",
        "platform",
        "special_case",
        "difficult",
    ]
    assert [group["team"] for group in empty["by_team"]] == [
        "building_staff",
        "professional_volunteers",
        "government_services",
    ]
    assert {group["opened"] for group in empty["by_mechanism"] + empty["by_team"]} == {0}


async def test_by_default_the_period_is_this_month_up_to_today(client):
    response = await client.get("/kpis")
    assert (response.json()["from"], response.json()["to"]) == ("2026-03-01", "2026-03-02")


async def test_a_period_that_ends_before_it_starts_is_refused(client):
    response = await client.get("/kpis", params={"from": "2026-03-31", "to": "2026-03-01"})
    assert response.status_code == 422
    assert problem_errors(response) == [("to", "Value error, is before `from`")]


async def test_a_period_starting_after_today_needs_its_end(client):
    response = await client.get("/kpis", params={"from": "2026-04-01"})
    assert problem_errors(response) == [("from", "is after `to`")]
