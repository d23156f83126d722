"""Whatever the arrival order, an enterprise gets a placeholder on first sight and the same facts; values
added to an enum after this build change nothing."""

import uuid
from datetime import timedelta

from tests.integration.risk.events import NOW, TODAY, AnEnterprise, publish
from tests.integration.risk.helpers import announced, rated_after


async def test_a_signal_before_the_registration_creates_the_enterprise_and_rates_it_first(live, producer):
    acme = AnEnterprise()
    signal = await publish(producer, acme.signal("tax_arrears"))
    first = await rated_after(live, signal)
    registered = await rated_after(live, await publish(producer, acme.registered()))

    assert (first["colour"], first["building_id"], first["cause"]["ce_id"]) == ("blue", None, signal.id)
    assert [f["code"] for f in first["factors"]] == ["tax_arrears"]
    assert registered["building_id"] == str(acme.building_id)
    assert [(row["from"], row["to"]) for row in await announced(live, acme.id)] == [(None, "blue")]


async def test_a_resolution_that_overtakes_its_signal_still_ends_it(live, producer):
    acme = AnEnterprise()
    intent = acme.signal("relocation_intent", NOW - timedelta(days=2))
    await publish(producer, acme.resolved(intent, NOW - timedelta(days=1)))
    late = await rated_after(live, await publish(producer, intent))

    assert (late["colour"], late["factors"]) == ("blue", [])


async def test_an_unknown_renewal_status_keeps_the_one_known(live, producer):
    acme = AnEnterprise()
    await publish(producer, acme.lease(TODAY + timedelta(days=60), "renewed"))
    unknown = await rated_after(
        live, await publish(producer, acme.lease(TODAY + timedelta(days=60), "in_court"))
    )

    assert (unknown["colour"], unknown["factors"]) == ("blue", [])


async def test_an_unknown_signal_code_changes_nothing_but_the_enterprise_is_seen(live, producer):
    acme = AnEnterprise()
    seen = await rated_after(live, await publish(producer, acme.signal("office_party")))

    assert (seen["colour"], seen["factors"]) == ("blue", [])


async def test_an_older_registry_version_does_not_move_the_enterprise_back(live, producer):
    acme = AnEnterprise()
    old = acme.registered()
    moved = acme.updated(building_id=uuid.uuid4())
    await publish(producer, moved)
    stale = await rated_after(live, await publish(producer, old))

    assert stale["building_id"] == str(moved.building_id)
