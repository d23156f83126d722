"""A malformed and a schema-invalid message on risk's input land in the dead-letter topic with their
reasons, and the next event of the same enterprise is still rated."""

import json
from datetime import timedelta
from typing import Any

from district_shared.topics import REGISTRY_ENTERPRISES, dlq
from tests.infra.topics import headers_of, read_topic
from tests.integration.risk.events import TODAY, AnEnterprise, envelope, publish, send
from tests.integration.risk.helpers import rated_after

GROUP = "risk.registry.enterprises.v1"


async def test_malformed_and_schema_invalid_events_are_dead_lettered_and_the_next_is_rated(
    live, producer, kafka_bootstrap
):
    acme = AnEnterprise()
    lease = acme.lease(TODAY + timedelta(days=60))
    invalid = json.loads(lease.model_dump_json())
    del invalid["lease"]
    bad = {"unparseable": b'{"enterprise_id": ', "schema_invalid": json.dumps(invalid).encode()}
    sent = {}
    for reason, value in bad.items():
        headers = envelope(lease).headers()
        sent[headers["ce_id"]] = reason
        await send(producer, REGISTRY_ENTERPRISES, str(acme.id), value, headers)

    orange = await rated_after(live, await publish(producer, lease))

    assert orange["colour"] == "orange"

    def ours(records: list[Any]) -> list[Any]:
        return [r for r in records if headers_of(r)["ce_id"] in sent and headers_of(r)["dlq_group"] == GROUP]

    letters = ours(
        await read_topic(kafka_bootstrap, dlq(REGISTRY_ENTERPRISES), until=lambda rs: len(ours(rs)) == 2)
    )
    reasons = {headers_of(r)["ce_id"]: headers_of(r)["dlq_reason"] for r in letters}
    assert reasons == sent
    assert {r.key for r in letters} == {str(acme.id).encode()}
    assert {r.value for r in letters} == set(bad.values())  # the original values, untouched
