"""What set a change off: who, when it takes effect, and the event (if any) its own events answer."""

import uuid
from dataclasses import dataclass
from datetime import datetime

from district_shared.contracts import Envelope
from district_shared.outbox import NEW_FLOW, Cause, derived_id

SYSTEM = "system"  # the actor of changes the service makes on its own rules (a rating, a raised need)


@dataclass(frozen=True)
class Trigger:
    """A request's principal at the clock's now, or an incoming event at its own time."""

    actor: str
    at: datetime  # when the change takes effect: SLA clocks and the timeline count from it
    committed_at: datetime  # the clock's now: the ce_time of the events written
    cause: Cause = NEW_FLOW
    source_id: str | None = None  # the causing event's ce_id

    @classmethod
    def request(cls, actor: str, now: datetime) -> "Trigger":
        return cls(actor, now, now)

    @classmethod
    def event(cls, envelope: Envelope, at: datetime, now: datetime) -> "Trigger":
        """A change caused by `envelope`, taking effect at `at` (the source event's own time)."""
        return cls(SYSTEM, at, now, Cause.of(envelope), envelope.id)

    def new_id(self, purpose: str) -> uuid.UUID:
        """A fresh id; derived from the causing event when there is one, so a replay makes the same."""
        if self.source_id is None:
            return uuid.uuid4()
        return uuid.UUID(derived_id(self.source_id, purpose))

    def event_id(self, case_id: uuid.UUID, ce_type: str) -> str:
        """The ce_id of an event this change writes about `case_id`."""
        return str(self.new_id(f"{case_id}/{ce_type}"))
