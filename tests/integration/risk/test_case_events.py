"""Retention cases on cases.cases.v1: an SLA breach turns an orange enterprise red, resolving or closing
the case takes it back; other cases and other case events change nothing."""

import uuid
from datetime import timedelta

from district_shared.contracts.cases import (
    CaseClosedV1,
    CaseEscalatedV1,
    CaseResolvedV1,
    SlaBreachedV1,
)
from tests.infra.topics import eventually
from tests.integration.risk.events import NOW, TODAY, AnEnterprise, publish
from tests.integration.risk.helpers import announced, processed, rated_after


async def _orange(live, producer) -> AnEnterprise:
    acme = AnEnterprise()
    await rated_after(live, await publish(producer, acme.lease(TODAY + timedelta(days=60))))
    return acme


async def test_an_overdue_retention_case_turns_an_orange_enterprise_red_until_it_is_resolved(live, producer):
    acme, case_id = await _orange(live, producer), uuid.uuid4()
    breach = acme.case(SlaBreachedV1, case_id, deadline_missed=NOW)
    red = await rated_after(live, await publish(producer, breach), acme.id)
    resolved = acme.case(CaseResolvedV1, case_id, outcome="found a new office in the district")
    back = await rated_after(live, await publish(producer, resolved, NOW + timedelta(hours=1)), acme.id)

    assert (red["colour"], red["rule"]) == ("red", "red_rule:retention_case_overdue")
    assert red["factors"][-1]["evidence"]["case_id"] == str(case_id)
    assert (back["colour"], [f["code"] for f in back["factors"]]) == ("orange", ["lease_ending_soon"])


async def test_closing_the_case_also_ends_the_overdue_factor(live, producer):
    acme, case_id = await _orange(live, producer), uuid.uuid4()
    await publish(producer, acme.case(SlaBreachedV1, case_id, deadline_missed=NOW))
    closed = acme.case(CaseClosedV1, case_id, satisfaction=4)
    back = await rated_after(live, await publish(producer, closed, NOW + timedelta(hours=1)), acme.id)

    assert back["colour"] == "orange"
    assert [(row["from"], row["to"]) for row in await announced(live, acme.id)][-2:] == [
        ("orange", "red"),
        ("red", "orange"),
    ]


async def test_a_need_case_breaching_its_sla_changes_nothing(live, producer):
    acme = await _orange(live, producer)
    need = await publish(producer, acme.case(SlaBreachedV1, uuid.uuid4(), kind="need", deadline_missed=NOW))
    still = await rated_after(live, need, acme.id)

    assert (still["colour"], [f["code"] for f in still["factors"]]) == ("orange", ["lease_ending_soon"])
    assert [row["to"] for row in await announced(live, acme.id)] == ["orange"]


async def test_other_case_events_are_skipped_without_creating_an_enterprise(live, producer):
    stranger = AnEnterprise()
    escalated = stranger.case(CaseEscalatedV1, uuid.uuid4(), from_mechanism="platform", reason="SLA")
    skipped = await publish(producer, escalated)
    then = await publish(
        producer, stranger.case(SlaBreachedV1, uuid.uuid4(), kind="manual", deadline_missed=NOW)
    )

    await eventually(lambda: processed(live, then.id))
    assert not await processed(live, skipped.id)  # no handler: skipped and counted, never applied
    assert (await live.client.get(f"/ratings/{stranger.id}")).status_code == 404
