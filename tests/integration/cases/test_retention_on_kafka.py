"""Retention cases from `risk.ratings.v1` (DESIGN §3), on the real broker, through HTTP and topics only."""

import uuid
from datetime import UTC, date, datetime
from typing import Any

from district_shared.contracts.registry import EnterpriseLeftV1, EnterpriseRegisteredV1
from district_shared.contracts.risk import RatingChangedV1
from district_shared.topics import REGISTRY_ENTERPRISES, RISK_RATINGS
from tests.infra.topics import eventually
from tests.integration.cases.conftest import NOW
from tests.integration.cases.helpers import case_of, cases_where, move, moved, problem_errors
from tests.integration.cases.kafka import case_events, caught_up, publisher

# Day 1 is Monday 2 March (09:00 is before the cut-off); the tenth working day is Friday 13 March.
SPECIAL_CASE_DEADLINE = "2026-03-13T16:00:00Z"
LATER = datetime(2026, 3, 4, 2, tzinfo=UTC)
WHY_ORANGE = [
    {"code": "lease_expiring", "weight": 30, "contribution": 30, "evidence": {"days_left": 60}},
    {"code": "relocation_intent", "weight": 35, "contribution": 35, "evidence": {"signal": "visit"}},
]


def a_rating(enterprise_id: uuid.UUID, before: str | None, to: str, **fields: Any) -> RatingChangedV1:
    data = {
        "enterprise_id": enterprise_id,
        "from": before,
        "to": to,
        "colour": to,
        "score": {"orange": 65.0, "red": 90.0}.get(to, 20.0),
        "factors": WHY_ORANGE if to in ("orange", "red") else [],
        "cause": {"type": "clock", "at": NOW},
        "building_id": None,
        "key_enterprise": False,
        "departed": False,
        "rated_at": NOW,
        **fields,
    }
    return RatingChangedV1.model_validate(data)


def an_enterprise(enterprise_id: uuid.UUID, **fields: Any) -> dict[str, Any]:
    return {
        "enterprise_id": enterprise_id,
        "version": 1,
        "credit_code": "91310106MA1FY5XX0K",
        "building_id": uuid.uuid4(),
        "unit": "1201",
        "industry": "consulting",
        "headcount": 40,
        "key_enterprise": False,
        "registered_in_district": True,
        "contact_ids": [],
        "contact_count": 0,
        "actor": "staff-3",
        **fields,
    }


async def retention_cases(client, enterprise_id: uuid.UUID) -> list[dict[str, Any]]:
    return await cases_where(client, enterprise_id=str(enterprise_id), kind="retention")


async def the_one_case(client, enterprise_id: uuid.UUID, **expected: str) -> dict[str, Any]:
    """The enterprise's only retention case, once it has the `expected` fields."""

    async def found() -> list[dict[str, Any]]:
        cases = await retention_cases(client, enterprise_id)
        return [c for c in cases if all(c[k] == v for k, v in expected.items())]

    matching = await eventually(found)
    assert len(await retention_cases(client, enterprise_id)) == 1
    return dict(matching[0])


async def test_an_orange_enterprise_gets_one_retention_case_and_red_escalates_it(live, kafka_bootstrap):
    enterprise = uuid.uuid4()
    async with publisher(kafka_bootstrap) as topics:
        orange = await topics.publish(a_rating(enterprise, "yellow", "orange"), at=NOW)
        case = await the_one_case(live, enterprise)
        assert (case["mechanism"], case["team"], case["status"], case["routing_rule"]) == (
            "special_case",
            "government_services",
            "open",
            "retention_orange",
        )
        assert (case["opened_at"], case["sla_deadline"]) == ("2026-03-02T01:00:00Z", SPECIAL_CASE_DEADLINE)

        # The same rating redelivered, and the same colour published again: still the one case.
        await topics.publish(a_rating(enterprise, "yellow", "orange"), at=NOW, ce_id=orange.id)
        await topics.publish(a_rating(enterprise, "yellow", "orange"), at=NOW)
        await caught_up(kafka_bootstrap, RISK_RATINGS)
        again = await case_of(live, case["id"])
        assert [entry["action"] for entry in again["timeline"]] == ["open", "rating"]
        assert (again["mechanism"], again["sla_deadline"]) == ("special_case", SPECIAL_CASE_DEADLINE)

        await topics.publish(a_rating(enterprise, "orange", "red", rated_at=LATER), at=LATER)
        red = await the_one_case(live, enterprise, mechanism="difficult")
    assert (red["id"], red["status"], red["team"]) == (case["id"], "escalated", "government_services")
    # Escalation restarts the clock at the red rating's ce_time: 20 working days from Wednesday 4 March.
    assert red["sla_deadline"] == "2026-03-31T16:00:00Z"
    assert [e["action"] for e in (await case_of(live, case["id"]))["timeline"]] == [
        "open",
        "rating",
        "rating",
        "escalate",
    ]
    events = await case_events(kafka_bootstrap, case["id"], 2)
    assert [headers["ce_type"] for headers, _ in events] == [
        "district.cases.case.opened.v1",
        "district.cases.case.escalated.v1",
    ]
    assert events[1][1]["from_mechanism"] == "special_case"
    assert events[1][1]["reason"] == "the enterprise's rating turned red"


async def test_the_case_opened_event_carries_the_case_and_continues_the_ratings_flow(live, kafka_bootstrap):
    enterprise = uuid.uuid4()
    async with publisher(kafka_bootstrap) as topics:
        # Risk rated it on Friday; the SLA still counts from the event's ce_time, Monday.
        rating = a_rating(enterprise, None, "orange", rated_at=datetime(2026, 2, 27, 8, tzinfo=UTC))
        orange = await topics.publish(rating, at=NOW)
    case = await the_one_case(live, enterprise)
    assert (case["opened_at"], case["sla_deadline"]) == ("2026-03-02T01:00:00Z", SPECIAL_CASE_DEADLINE)
    [(headers, data)] = await case_events(kafka_bootstrap, case["id"], 1)
    assert {k: v for k, v in headers.items() if k.startswith("ce_") or k == "content-type"} == {
        "ce_specversion": "1.0",
        "ce_id": headers["ce_id"],
        "ce_source": "/services/cases",
        "ce_type": "district.cases.case.opened.v1",
        "ce_time": "2026-03-02T01:00:00Z",
        "ce_subject": case["id"],
        "content-type": "application/json",
        "ce_correlationid": orange.correlation_id,
        "ce_causationid": orange.id,
    }
    assert data == {
        "case_id": case["id"],
        "enterprise_id": str(enterprise),
        "kind": "retention",
        "mechanism": "special_case",
        "team": "government_services",
        "status": "open",
        "sla_deadline": SPECIAL_CASE_DEADLINE,
        "breached": False,
        "routing_rule": "retention_orange",
        "actor": "system",
        "need_id": None,
        "category_code": None,
    }


async def test_a_resolved_case_is_reopened_and_a_closed_one_gives_way_to_a_new_case(live, kafka_bootstrap):
    enterprise = uuid.uuid4()
    async with publisher(kafka_bootstrap) as topics:
        await topics.publish(a_rating(enterprise, "yellow", "orange"), at=NOW)
        first = await the_one_case(live, enterprise)
        await moved(live, first["id"], "resolve", outcome="found a new office in the district")
        await topics.publish(a_rating(enterprise, "orange", "yellow"), at=NOW)
        await topics.publish(a_rating(enterprise, "yellow", "orange"), at=NOW)
        await the_one_case(live, enterprise, status="reopened")

        await moved(live, first["id"], "resolve", outcome="lease renewed")
        await moved(live, first["id"], "close", satisfaction=4, feedback="kept us in the district")
        await topics.publish(a_rating(enterprise, "orange", "yellow"), at=NOW)
        await topics.publish(a_rating(enterprise, "yellow", "orange"), at=NOW)
        second = await eventually(lambda: _open_retention_case(live, enterprise))
    assert second["id"] != first["id"]
    assert (second["mechanism"], second["team"]) == ("special_case", "government_services")
    assert (await case_of(live, first["id"]))["status"] == "closed"
    refused = await move(live, first["id"], "reopen", reason="the same problem again")
    assert problem_errors(refused) == [
        (
            "action",
            f"cannot reopen a case that is closed: the enterprise already has retention case "
            f"{second['id']} not closed",
        )
    ]
    events = await case_events(kafka_bootstrap, first["id"], 5)
    assert [headers["ce_type"].split(".")[3] for headers, _ in events] == [
        "opened",
        "resolved",
        "reopened",
        "resolved",
        "closed",
    ]


async def _open_retention_case(client, enterprise_id: uuid.UUID) -> dict[str, Any] | None:
    cases = await retention_cases(client, enterprise_id)
    return next((case for case in cases if case["status"] == "open"), None)


async def test_an_enterprise_that_left_the_district_gets_no_retention_case(live, kafka_bootstrap):
    left, departed, staying = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    async with publisher(kafka_bootstrap) as topics:
        departure = EnterpriseLeftV1(**an_enterprise(left), departed_on=date(2026, 3, 1), destination=None)
        await topics.publish(departure, at=NOW)
        await caught_up(kafka_bootstrap, REGISTRY_ENTERPRISES)
        # Risk has not seen the departure yet; cases has, from the registry.
        await topics.publish(a_rating(left, "yellow", "orange"), at=NOW)
        # Cases never heard of this one; risk knows it left.
        await topics.publish(a_rating(departed, "orange", "red", departed=True), at=NOW)
        await topics.publish(a_rating(staying, "yellow", "orange"), at=NOW)
        await caught_up(kafka_bootstrap, RISK_RATINGS)
    assert await retention_cases(live, left) == []
    assert await retention_cases(live, departed) == []
    assert len(await retention_cases(live, staying)) == 1


async def test_a_key_enterprise_known_from_the_registry_gets_a_difficult_case(live, kafka_bootstrap):
    enterprise = uuid.uuid4()
    async with publisher(kafka_bootstrap) as topics:
        registered = EnterpriseRegisteredV1(**an_enterprise(enterprise, key_enterprise=True))
        await topics.publish(registered, at=LATER)
        await caught_up(kafka_bootstrap, REGISTRY_ENTERPRISES)
        # A rating made before the registry's change says "not key": the newer fact wins.
        await topics.publish(a_rating(enterprise, "yellow", "orange", key_enterprise=False), at=LATER)
        case = await the_one_case(live, enterprise)
    assert (case["mechanism"], case["routing_rule"]) == ("difficult", "retention_key_enterprise")
