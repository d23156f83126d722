"""Staff overrides: set by a principal with risk:override, recorded with its actor, announced like any
rating (cause override), and the computed colour returns when the override lapses."""

from collections.abc import AsyncIterator
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from risk.storage.tables import overrides
from tests.infra.gateway import bearer, jwks_server
from tests.infra.services import http_client
from tests.integration.risk.conftest import Risk, risk_app
from tests.integration.risk.events import NOW, TODAY, AnEnterprise, publish
from tests.integration.risk.helpers import announced, at, rated_after, rating

OVERRIDER = bearer("risk", "risk:read risk:override")
UNTIL = NOW + timedelta(days=7)


@pytest.fixture
async def guarded(risk_db, kafka_bootstrap) -> AsyncIterator[Risk]:
    """The service behind the gateway: bearer tokens verified against its JWKS."""
    with jwks_server() as jwks:
        app = risk_app(risk_db, kafka_bootstrap, auth_jwks_url=jwks)
        async with http_client(app) as client:
            client.headers.update(bearer("risk", "risk:read"))
            yield Risk(app, client)


async def _yellow(risk: Risk, producer) -> AnEnterprise:
    acme = AnEnterprise()
    await rated_after(risk, await publish(producer, acme.lease(TODAY + timedelta(days=120))))
    return acme


def _override(colour: str = "orange", until=UNTIL) -> dict[str, str]:
    return {
        "colour": colour,
        "reason": "moving out of building 12, talks under way",
        "until": until.isoformat(),
    }


async def test_an_override_shows_its_colour_with_its_actor_until_it_lapses(guarded, producer):
    acme = await _yellow(guarded, producer)
    response = await guarded.client.post(f"/ratings/{acme.id}/override", json=_override(), headers=OVERRIDER)
    shown = await rating(guarded, acme.id)
    await guarded.client.put("/_test/clock", json={"now": UNTIL.isoformat()})
    await guarded.client.post("/_test/tick")
    lapsed = await rating(guarded, acme.id)

    assert response.status_code == 201, response.text
    assert response.headers["location"] == f"/ratings/{acme.id}"
    assert (response.json()["by"], response.json()["rating"]) == ("officer-17", shown)
    assert (shown["colour"], shown["computed_colour"], shown["override"]["by"]) == (
        "orange",
        "yellow",
        "officer-17",
    )
    assert shown["cause"] == {
        "type": "override",
        "ce_id": None,
        "at": None,
        "by": "officer-17",
        "until": at(UNTIL),
    }
    assert (lapsed["colour"], lapsed["override"], lapsed["cause"]["type"]) == ("yellow", None, "clock")
    events = await announced(guarded, acme.id)
    assert [(e["from"], e["to"], e["cause"]["type"]) for e in events] == [
        (None, "yellow", "event"),
        ("yellow", "orange", "override"),
        ("orange", "yellow", "clock"),
    ]
    assert (events[1]["score"], events[1]["factors"][0]["code"]) == (20.0, "lease_ending")


async def test_while_an_override_is_in_force_a_new_computed_colour_is_not_announced(guarded, producer):
    acme = await _yellow(guarded, producer)
    await guarded.client.post(f"/ratings/{acme.id}/override", json=_override("blue"), headers=OVERRIDER)
    sooner = await rated_after(guarded, await publish(producer, acme.lease(TODAY + timedelta(days=30))))

    assert (sooner["colour"], sooner["computed_colour"]) == ("blue", "orange")
    assert [e["to"] for e in await announced(guarded, acme.id)] == ["yellow", "blue"]


async def test_overriding_needs_the_override_scope(guarded, producer):
    acme = await _yellow(guarded, producer)
    writer = bearer("risk", "risk:read risk:write")
    response = await guarded.client.post(f"/ratings/{acme.id}/override", json=_override(), headers=writer)

    assert response.status_code == 403
    assert (await rating(guarded, acme.id))["colour"] == "yellow"


async def test_an_unknown_enterprise_a_past_until_and_an_unknown_colour_are_refused(live, producer):
    acme = await _yellow(live, producer)
    unknown = await live.client.post(f"/ratings/{AnEnterprise().id}/override", json=_override())
    past = await live.client.post(f"/ratings/{acme.id}/override", json=_override(until=NOW))
    purple = await live.client.post(f"/ratings/{acme.id}/override", json=_override("purple"))
    naive = await live.client.post(
        f"/ratings/{acme.id}/override", json={**_override(), "until": "2026-04-01T00:00:00"}
    )

    assert unknown.status_code == 404
    assert [(r.status_code, r.json()["errors"][0]["field"]) for r in (past, purple, naive)] == [
        (422, "until"),
        (422, "colour"),
        (422, "until"),
    ]


async def test_a_repeated_override_with_its_idempotency_key_is_recorded_once(live, producer):
    acme = await _yellow(live, producer)
    key = {"Idempotency-Key": f"override-{acme.id}"}
    first = await live.client.post(f"/ratings/{acme.id}/override", json=_override(), headers=key)
    again = await live.client.post(f"/ratings/{acme.id}/override", json=_override(), headers=key)

    assert (first.status_code, again.status_code, again.json()) == (201, 201, first.json())
    async with live.app.state.runtime.sessions() as session:
        count = select(func.count()).select_from(overrides).where(overrides.c.enterprise_id == acme.id)
        assert (await session.execute(count)).scalar_one() == 1
    assert [e["to"] for e in await announced(live, acme.id)] == ["yellow", "orange"]
