"""Every raised need on `registry.needs.v1` becomes one case, routed by the rules, on the real broker."""

import uuid
from datetime import datetime, timedelta, timezone
from typing import Any

from district_shared.contracts.needs import NeedRaisedV1
from district_shared.topics import REGISTRY_NEEDS
from tests.infra.topics import eventually
from tests.integration.cases.conftest import NOW
from tests.integration.cases.helpers import cases_where
from tests.integration.cases.kafka import case_events, caught_up, publisher

CST = timezone(timedelta(hours=8))


def a_need(**fields: Any) -> NeedRaisedV1:
    data = {
        "need_id": uuid.uuid4(),
        "enterprise_id": uuid.uuid4(),
        "requester": "enterprise",
        "channel": "visit",
        "category_code": "company_registration",
        "default_mechanism": "platform",
        "sla_working_days": 5,
        "solvable_on_spot": False,
        "departments_involved": ["market_regulation", "tax"],
        "key_enterprise": False,
        "raised_at": datetime(2026, 3, 2, 9, 30, tzinfo=CST),
        "description": "A new internet subsidiary: company and tax registration",
        "visit_id": uuid.uuid4(),
        "actor": "staff-3",
        **fields,
    }
    return NeedRaisedV1.model_validate(data)


async def the_case_of(client, need: NeedRaisedV1) -> dict[str, Any]:
    async def found() -> list[dict[str, Any]]:
        return [
            case for case in await cases_where(client, kind="need") if case["need_id"] == str(need.need_id)
        ]

    [case] = await eventually(found)
    return dict(case)


async def test_a_visit_need_for_a_new_subsidiarys_registration_is_a_special_case(live, kafka_bootstrap):
    need = a_need()
    async with publisher(kafka_bootstrap) as topics:
        raised = await topics.publish(need, at=NOW)
    case = await the_case_of(live, need)
    assert (case["kind"], case["mechanism"], case["team"], case["routing_rule"]) == (
        "need",
        "special_case",
        "government_services",
        "new_company_registration",
    )
    assert (case["enterprise_id"], case["category_code"]) == (str(need.enterprise_id), "company_registration")
    # The SLA counts from raised_at: ten working days from Monday 2 March end at 24:00 on 13 March.
    assert (case["opened_at"], case["sla_deadline"]) == ("2026-03-02T01:30:00Z", "2026-03-13T16:00:00Z")
    [(headers, data)] = await case_events(kafka_bootstrap, case["id"], 1)
    assert (headers["ce_type"], headers["ce_causationid"], headers["ce_correlationid"]) == (
        "district.cases.case.opened.v1",
        raised.id,
        raised.correlation_id,
    )
    assert (data["need_id"], data["category_code"], data["mechanism"]) == (
        str(need.need_id),
        "company_registration",
        "special_case",
    )


async def test_a_self_service_need_answerable_on_the_spot_is_immediate_for_building_staff(
    live, kafka_bootstrap
):
    same_day = a_need(
        channel="self_service",
        category_code="residence_certificate",
        default_mechanism="immediate",
        sla_working_days=1,
        solvable_on_spot=True,
        departments_involved=[],
    )
    after_cutoff = a_need(
        **{
            **same_day.model_dump(),
            "need_id": uuid.uuid4(),
            "raised_at": datetime(2026, 3, 6, 17, 30, tzinfo=CST),
        }
    )
    async with publisher(kafka_bootstrap) as topics:
        await topics.publish(same_day, at=NOW)
        await topics.publish(after_cutoff, at=NOW)
    case = await the_case_of(live, same_day)
    assert (case["mechanism"], case["team"], case["routing_rule"]) == (
        "immediate",
        "building_staff",
        "solvable_on_spot",
    )
    assert case["sla_deadline"] == "2026-03-02T16:00:00Z"  # 24:00 the same working day
    # Raised on Friday after the cut-off: its one working day is Monday 9 March.
    assert (await the_case_of(live, after_cutoff))["sla_deadline"] == "2026-03-09T16:00:00Z"


async def test_an_employees_personal_need_becomes_a_case_too(live, kafka_bootstrap):
    need = a_need(
        enterprise_id=None,
        requester="employee",
        channel="hotline",
        category_code="social_insurance_transfer",
        departments_involved=["social_security"],
        visit_id=None,
    )
    async with publisher(kafka_bootstrap) as topics:
        await topics.publish(need, at=NOW)
    case = await the_case_of(live, need)
    assert (case["enterprise_id"], case["mechanism"], case["team"], case["routing_rule"]) == (
        None,
        "platform",
        "government_services",
        "catalogue_default",
    )
    [(headers, data)] = await case_events(kafka_bootstrap, case["id"], 1)
    assert (headers["ce_subject"], data["enterprise_id"]) == (case["id"], None)


async def test_a_need_sent_twice_opens_one_case(live, kafka_bootstrap):
    need = a_need()
    async with publisher(kafka_bootstrap) as topics:
        first = await topics.publish(need, at=NOW)
        await topics.publish(need, at=NOW, ce_id=first.id)
        await topics.publish(need, at=NOW)  # re-sent by the registry under a new ce_id
        await caught_up(kafka_bootstrap, REGISTRY_NEEDS)
    case = await the_case_of(live, need)
    assert len(await case_events(kafka_bootstrap, case["id"], 1)) == 1
