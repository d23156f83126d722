"""Every registry event reaches `registry.enterprises.v1` on the real broker, with key, headers and data."""

import json
import uuid

from district_shared.topics import REGISTRY_ENTERPRISES
from tests.infra.topics import headers_of
from tests.integration.registry.helpers import a_building, an_enterprise, outbox_rows, records_of

EVERY_TYPE = [
    "district.registry.enterprise.registered.v1",
    "district.registry.enterprise.updated.v1",
    "district.registry.enterprise.moved.v1",
    "district.registry.lease.changed.v1",
    "district.registry.lease.changed.v1",
    "district.registry.enterprise.left.v1",
]


def cloud_event_headers(record) -> dict[str, str]:
    """The envelope's headers (the client library may add its own, e.g. FastStream's `correlation_id`)."""
    return {
        k: v
        for k, v in headers_of(record).items()
        if k.startswith("ce_") or k in ("content-type", "traceparent")
    }


async def _live_every_change(client) -> str:
    """Register, amend, move, lease, renew and leave: one enterprise, every event type."""
    building = await a_building(client)
    enterprise = await an_enterprise(client, building["id"], unit="2304", contacts=[{"name": "Li Wei"}])
    url = f"/enterprises/{enterprise['id']}"
    await client.patch(url, json={"industry": "consulting", "unit": "1201"})
    lease = {"unit": "1201", "start": "2025-01-01", "end": "2026-06-30"}
    await client.put(f"{url}/lease", json=lease)
    await client.put(f"{url}/lease", json={**lease, "end": "2028-06-30"})
    await client.post(f"{url}/departure", json={"departed_on": "2026-03-01", "destination": "Lingang"})
    return str(enterprise["id"])


async def test_every_event_type_is_published_with_its_key_headers_and_data(app, client, kafka_bootstrap):
    enterprise_id = await _live_every_change(client)
    records = await records_of(kafka_bootstrap, enterprise_id, len(EVERY_TYPE))
    rows = await outbox_rows(app)
    assert [headers_of(record)["ce_type"] for record in records] == EVERY_TYPE
    for record, row in zip(records, rows, strict=True):
        assert record.topic == REGISTRY_ENTERPRISES
        assert record.key.decode() == enterprise_id
        assert json.loads(record.value) == row.data
        assert cloud_event_headers(record) == {
            "ce_specversion": "1.0",
            "ce_id": row.ce_id,
            "ce_source": "/services/registry",
            "ce_type": row.ce_type,
            "ce_time": "2026-03-02T01:00:00Z",
            "ce_subject": enterprise_id,
            "content-type": "application/json",
            "ce_correlationid": row.ce_id,
        }
    assert len({uuid.UUID(row.ce_id) for row in rows}) == len(rows)
    assert [json.loads(record.value)["version"] for record in records] == [1, 2, 3, 4, 5, 6]
