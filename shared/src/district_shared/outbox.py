"""Transactional outbox, writing side: an event is a row written in the use case's own transaction.

`ce_id` is fixed here, never at publish time, so a relay retry re-sends the same event.
"""

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import insert
from sqlalchemy.ext.asyncio import AsyncSession

from district_shared.contracts import Envelope, Event
from district_shared.db import OUTBOX_PENDING
from district_shared.platform_tables import outbox

# Namespace of the UUIDv5 ids of derived events (clock re-evaluations, replays): same cause, same id.
DERIVED_EVENTS = uuid.UUID("3d0c6c1e-6a57-4c36-9d3e-5a8e0f6e2b11")


@dataclass(frozen=True)
class Cause:
    """What a write answers: an incoming event (its flow continues) or nothing (a new flow starts)."""

    correlation_id: str | None = None
    causation_id: str | None = None
    traceparent: str | None = None

    @classmethod
    def of(cls, envelope: Envelope) -> "Cause":
        return cls(envelope.correlation_id, envelope.id, envelope.traceparent)


NEW_FLOW = Cause()


def derived_id(cause: str, purpose: str) -> str:
    """A deterministic ce_id for an event derived from `cause` (an event id, or a clock instant)."""
    return str(uuid.uuid5(DERIVED_EVENTS, f"{cause}/{purpose}"))


async def add_event(
    session: AsyncSession, event: Event, *, now: datetime, cause: Cause = NEW_FLOW, ce_id: str | None = None
) -> Envelope:
    """Write `event` to the outbox in the session's transaction; it is published after the commit."""
    event_id = ce_id or str(uuid.uuid4())
    envelope = Envelope(
        id=event_id,
        source=f"/services/{event.service()}",
        type=event.ce_type,
        time=now,
        subject=event.key,
        correlation_id=cause.correlation_id or event_id,
        causation_id=cause.causation_id,
        traceparent=cause.traceparent,
    )
    await session.execute(
        insert(outbox).values(
            ce_id=envelope.id,
            topic=event.topic,
            key=envelope.subject,
            ce_type=envelope.type,
            ce_time=now,
            correlation_id=envelope.correlation_id,
            causation_id=envelope.causation_id,
            traceparent=envelope.traceparent,
            payload=event.model_dump_json(),
        )
    )
    session.info[OUTBOX_PENDING] = True  # the session's after-commit hook wakes the relay
    return envelope
