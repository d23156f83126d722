"""Replay: `district-risk replay` rewinds the consumer groups and clears the derived state; rebuilt from
the input topics with the same clock, the service gives identical ratings with identical ce_ids."""

import uuid
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import func, select, update

from district_shared.contracts import Envelope
from district_shared.contracts.cases import SlaBreachedV1
from district_shared.platform_tables import outbox
from risk.app import build
from risk.domain import Colour
from risk.replay import ReplayRefused, replay
from risk.use_cases.observe import Observation, observe
from risk.use_cases.override import OverrideCommand, override_rating
from risk.use_cases.trigger import Trigger
from tests.infra.services import http_client
from tests.infra.topics import eventually
from tests.integration.risk.conftest import RISK, Risk, risk_app
from tests.integration.risk.events import NOW, TODAY, AnEnterprise, publish
from tests.integration.risk.helpers import all_processed, announced, ce_id_of, published, rating

LATER = NOW + timedelta(days=30)


async def _district(producer) -> tuple[list[AnEnterprise], list[Envelope]]:
    """Three enterprises: orange then renewed to blue; yellow with arrears; red by deregistration intent."""
    renewed, watched, leaving = AnEnterprise(), AnEnterprise(), AnEnterprise()
    events = [
        renewed.registered(),
        renewed.lease(TODAY + timedelta(days=60)),
        renewed.lease(TODAY + timedelta(days=3 * 365), "renewed"),
        watched.lease(TODAY + timedelta(days=120)),
        watched.signal("tax_arrears"),
        leaving.registered(),
        leaving.signal("deregistration_intent"),
    ]
    return [renewed, watched, leaving], [await publish(producer, event) for event in events]


async def _live_then_clock(risk: Risk, inputs: list[Envelope]) -> None:
    """Every input applied at NOW, then the clock moved 30 days on and the re-evaluation run."""
    await eventually(lambda: all_processed(risk, inputs))
    await risk.client.put("/_test/clock", json={"now": LATER.isoformat()})
    await risk.client.post("/_test/tick")


async def _snapshot(risk: Risk, enterprises: list[AnEnterprise]) -> dict[str, Any]:
    return {
        str(e.id): {"rating": await rating(risk, e.id), "announced": await announced(risk, e.id)}
        for e in enterprises
    }


async def _drained(risk: Risk) -> bool:
    """Whether the relay has published every outbox row."""
    async with risk.app.state.runtime.sessions() as session:
        query = select(func.count()).select_from(outbox).where(outbox.c.published_at.is_(None))
        return bool((await session.execute(query)).scalar_one() == 0)


async def _run(database_url: str, bootstrap: str, work: Callable[[Risk], Any]) -> Any:
    app = risk_app(database_url, bootstrap)
    async with http_client(app) as client:
        risk = Risk(app, client)
        result = await work(risk)
        await eventually(lambda: _drained(risk))  # a replay starts from a drained outbox
        return result


async def test_a_replay_rebuilds_identical_ratings_with_identical_event_ids(
    risk_db, kafka_bootstrap, producer
):
    enterprises, inputs = await _district(producer)

    async def live(risk: Risk) -> dict[str, Any]:
        await _live_then_clock(risk, inputs)
        return await _snapshot(risk, enterprises)

    before = await _run(risk_db, kafka_bootstrap, live)
    runtime, _policy = build(RISK.settings(risk_db, kafka_bootstrap))
    try:
        done = await replay(runtime)
    finally:
        await runtime.engine.dispose()
    after = await _run(risk_db, kafka_bootstrap, live)

    assert done.groups == ["risk.registry.enterprises.v1", "risk.cases.cases.v1"]
    assert after == before
    colours = {key: [row["to"] for row in state["announced"]] for key, state in before.items()}
    assert list(colours.values()) == [["blue", "orange", "blue"], ["yellow", "orange"], ["blue", "red"]]
    renewed = enterprises[0].id
    ids = [ce_id_of(record) for record in await published(kafka_bootstrap, renewed, 6)]
    assert ids == [row["ce_id"] for row in before[str(renewed)]["announced"]] * 2


async def test_a_replay_is_refused_while_the_service_still_consumes(live, producer):
    acme = AnEnterprise()
    events = (acme.registered(), acme.case(SlaBreachedV1, uuid.uuid4(), deadline_missed=NOW))
    applied = [await publish(producer, event) for event in events]
    await eventually(lambda: all_processed(live, applied))  # a member of each group has joined
    await eventually(lambda: _drained(live))
    runtime, _policy = build(live.app.state.runtime.settings)
    try:
        with pytest.raises(ReplayRefused, match="still has members: stop every replica"):
            await replay(runtime)
    finally:
        await runtime.engine.dispose()
    assert (await rating(live, acme.id))["colour"] == "blue"  # nothing cleared


async def _mark_published(runtime) -> None:
    async with runtime.sessions.begin() as session:
        await session.execute(update(outbox).values(published_at=NOW))


async def test_a_replay_waits_for_a_drained_outbox_and_drops_overrides_only_when_told(
    risk_db, kafka_bootstrap
):
    runtime, policy = build(RISK.settings(risk_db, kafka_bootstrap))
    acme, soon = uuid.uuid4(), NOW + timedelta(days=1)
    runtime.clock.pin(NOW)
    try:
        async with runtime.sessions.begin() as session:
            await observe(session, Observation(acme), Trigger.clock(NOW), policy)
        with pytest.raises(ReplayRefused, match="1 rating events are not published yet"):
            await replay(runtime)
        async with runtime.sessions.begin() as session:
            await override_rating(
                session, acme, OverrideCommand(Colour.RED, "why", soon), "staff-3", NOW, policy
            )
        await _mark_published(runtime)
        with pytest.raises(ReplayRefused, match="1 enterprises have a staff override"):
            await replay(runtime)
        dropped = await replay(runtime, drop_overrides=True)
    finally:
        await runtime.engine.dispose()
    assert (dropped.enterprises, dropped.overrides_dropped) == (1, 1)
