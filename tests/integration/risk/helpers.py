"""Readers of what the risk service answers, wrote and published."""

import json
from datetime import datetime
from typing import Any

from sqlalchemy import select

from district_shared.contracts import Envelope
from district_shared.platform_tables import inbox, outbox
from district_shared.topics import RISK_RATINGS
from tests.infra.topics import eventually, headers_of, read_topic
from tests.integration.risk.conftest import Risk


async def rating(risk: Risk, enterprise_id: object) -> dict[str, Any]:
    response = await risk.client.get(f"/ratings/{enterprise_id}")
    assert response.status_code == 200, response.text
    return dict(response.json())


async def processed(risk: Risk, ce_id: str) -> bool:
    """Whether the service applied the input event `ce_id` (its inbox holds it)."""
    async with risk.app.state.runtime.sessions() as session:
        found = await session.execute(select(inbox.c.ce_id).where(inbox.c.ce_id == ce_id))
        return found.scalar_one_or_none() is not None


async def all_processed(risk: Risk, events: list[Envelope]) -> bool:
    """Whether the service applied every one of `events`."""
    return all([await processed(risk, event.id) for event in events])


async def rated_after(risk: Risk, input_event: Envelope, enterprise_id: object = None) -> dict[str, Any]:
    """The enterprise's rating (by default the event's key) once the service applied `input_event`."""
    await eventually(lambda: processed(risk, input_event.id))
    return await rating(risk, enterprise_id or input_event.subject)


async def announced(risk: Risk, enterprise_id: object) -> list[dict[str, Any]]:
    """The ratings the service wrote to its outbox for the enterprise, oldest first, with their ce_id."""
    async with risk.app.state.runtime.sessions() as session:
        query = select(outbox).where(outbox.c.key == str(enterprise_id)).order_by(outbox.c.id)
        rows = (await session.execute(query)).all()
    return [{"ce_id": row.ce_id, **json.loads(row.payload)} for row in rows]


async def published(bootstrap: str, enterprise_id: object, count: int) -> list[Any]:
    """The records of risk.ratings.v1 under the enterprise's key, once at least `count` arrived."""
    key = str(enterprise_id).encode()

    def keyed(records: list[Any]) -> list[Any]:
        return [record for record in records if record.key == key]

    await read_topic(bootstrap, RISK_RATINGS, until=lambda records: len(keyed(records)) >= count)
    return keyed(await read_topic(bootstrap, RISK_RATINGS))


def colours(records: list[Any]) -> list[tuple[str | None, str]]:
    """(from, to) of each published rating."""
    return [(data["from"], data["to"]) for data in (json.loads(r.value) for r in records)]


def cause_of(record: Any) -> dict[str, Any]:
    return dict(json.loads(record.value)["cause"])


def ce_id_of(record: Any) -> str:
    return headers_of(record)["ce_id"]


def at(instant: datetime) -> str:
    """An instant as the API writes it (UTC, `Z`)."""
    return instant.isoformat().replace("+00:00", "Z")
