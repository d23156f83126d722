"""Issue 6's proof on the real broker and both databases: registry events in, ratings over HTTP and out
on risk.ratings.v1."""

from datetime import timedelta

from district_shared.outbox import derived_id
from tests.infra.topics import headers_of
from tests.integration.risk.events import NOW, TODAY, AnEnterprise, publish
from tests.integration.risk.helpers import (
    announced,
    at,
    cause_of,
    ce_id_of,
    colours,
    published,
    rated_after,
    rating,
)


async def test_a_lease_ending_in_sixty_days_turns_a_new_enterprise_orange_with_a_rating_changed_event(
    live, producer, kafka_bootstrap
):
    acme = AnEnterprise()
    registered = await publish(producer, acme.registered())
    first = await rated_after(live, registered)
    lease = await publish(producer, acme.lease(TODAY + timedelta(days=60)))
    orange = await rated_after(live, lease)

    assert (first["colour"], first["cause"]["ce_id"]) == ("blue", registered.id)
    assert (orange["colour"], orange["rule"], orange["cause"]["ce_id"]) == (
        "orange",
        "floor:lease_ending_soon",
        lease.id,
    )
    assert [f["code"] for f in orange["factors"]] == ["lease_ending_soon"]
    records = await published(kafka_bootstrap, acme.id, 2)
    assert colours(records) == [(None, "blue"), ("blue", "orange")]
    headers = headers_of(records[1])
    assert (headers["ce_type"], headers["ce_subject"], headers["ce_causationid"]) == (
        "district.risk.rating.changed.v1",
        str(acme.id),
        lease.id,
    )
    assert headers["ce_id"] == derived_id(lease.id, f"risk.rating/{acme.id}/orange")
    assert cause_of(records[1]) == {"type": "event", "ce_id": lease.id, "at": None, "by": None, "until": None}


async def test_a_renewal_to_three_years_brings_an_orange_enterprise_back_to_blue(
    live, producer, kafka_bootstrap
):
    acme = AnEnterprise()
    await publish(producer, acme.registered())
    await publish(producer, acme.lease(TODAY + timedelta(days=60)))
    renewal = await publish(producer, acme.lease(TODAY + timedelta(days=3 * 365), "renewed"))

    blue = await rated_after(live, renewal)
    assert (blue["colour"], blue["factors"], blue["cause"]["ce_id"]) == ("blue", [], renewal.id)
    records = await published(kafka_bootstrap, acme.id, 3)
    assert colours(records) == [(None, "blue"), ("blue", "orange"), ("orange", "blue")]


async def test_a_relocation_intent_turns_an_enterprise_orange_and_resolving_it_brings_it_down(
    live, producer, kafka_bootstrap
):
    acme = AnEnterprise()
    await publish(producer, acme.lease(TODAY + timedelta(days=2 * 365)))
    intent = acme.signal("relocation_intent")
    orange = await rated_after(live, await publish(producer, intent))
    resolved = await rated_after(live, await publish(producer, acme.resolved(intent, NOW)))

    assert (orange["colour"], orange["rule"]) == ("orange", "floor:relocation_intent")
    assert orange["factors"][0]["evidence"]["signal_id"] == str(intent.signal_id)
    assert (resolved["colour"], resolved["factors"]) == ("blue", [])
    assert colours(await published(kafka_bootstrap, acme.id, 3)) == [
        (None, "blue"),
        ("blue", "orange"),
        ("orange", "blue"),
    ]


async def test_moving_the_clock_past_ninety_days_before_the_lease_end_turns_it_orange_with_no_new_event(
    live, producer, kafka_bootstrap
):
    acme = AnEnterprise()
    yellow = await rated_after(live, await publish(producer, acme.lease(TODAY + timedelta(days=120))))
    later = NOW + timedelta(days=30)  # 90 days left
    assert (await live.client.put("/_test/clock", json={"now": later.isoformat()})).status_code == 200
    assert (await live.client.post("/_test/tick")).json()["ran"]["reevaluate"]["changed"] >= 1
    orange = await rating(live, acme.id)
    await live.client.post("/_test/tick")  # again at the same instant: nothing more to say

    assert (yellow["colour"], orange["colour"], orange["since"]) == ("yellow", "orange", at(later))
    assert orange["cause"] == {"type": "clock", "ce_id": None, "at": at(later), "by": None, "until": None}
    records = await published(kafka_bootstrap, acme.id, 2)
    assert colours(records) == [(None, "yellow"), ("yellow", "orange")]
    assert ce_id_of(records[1]) == derived_id(f"clock/{later.isoformat()}", f"risk.rating/{acme.id}/orange")
    assert [row["ce_id"] for row in await announced(live, acme.id)] == [ce_id_of(r) for r in records]


async def test_a_deregistration_intent_turns_an_enterprise_red(live, producer, kafka_bootstrap):
    acme = AnEnterprise()
    await publish(producer, acme.registered())
    red = await rated_after(live, await publish(producer, acme.signal("deregistration_intent")))

    assert (red["colour"], red["rule"]) == ("red", "floor:deregistration_intent")
    assert colours(await published(kafka_bootstrap, acme.id, 2))[-1] == ("blue", "red")


async def test_an_event_that_leaves_the_colour_as_it_is_updates_the_rating_and_announces_nothing(
    live, producer
):
    acme = AnEnterprise()
    await publish(producer, acme.lease(TODAY + timedelta(days=120)))
    moved = await rated_after(live, await publish(producer, acme.updated(headcount=41)))

    assert moved["colour"] == "yellow"
    assert [(row["from"], row["to"]) for row in await announced(live, acme.id)] == [(None, "yellow")]


async def test_a_departure_turns_an_enterprise_red_and_the_rating_says_it_left(live, producer):
    acme = AnEnterprise(key_enterprise=True)
    await publish(producer, acme.registered())
    left = await rated_after(live, await publish(producer, acme.left()))

    assert (left["colour"], left["departed"], left["key_enterprise"]) == ("red", True, True)
    assert (left["building_id"], left["rule"]) == (str(acme.building_id), "floor:departed")
    last = (await announced(live, acme.id))[-1]
    assert (last["to"], last["departed"], last["key_enterprise"]) == ("red", True, True)


async def test_a_recent_visit_and_a_long_lease_earn_green(live, producer):
    acme = AnEnterprise()
    await publish(producer, acme.lease(TODAY + timedelta(days=2 * 365)))
    green = await rated_after(live, await publish(producer, acme.visited(NOW - timedelta(days=30))))

    assert (green["colour"], green["rule"], green["factors"]) == ("green", "green", [])
