"""What a re-rating answers: an input event, the clock, or an override; it fixes "now", cause and ids."""

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from district_shared.contracts import Envelope
from district_shared.outbox import NEW_FLOW, Cause, derived_id
from risk.domain import Colour, Override, RatingCause


@dataclass(frozen=True)
class Trigger:
    """The instant to rate at, the cause to record, the flow to continue, and the origin of derived ids."""

    now: datetime
    cause: RatingCause
    origin: str
    flow: Cause = NEW_FLOW

    @classmethod
    def event(cls, envelope: Envelope, now: datetime) -> "Trigger":
        """An input event, rated at `now` (the service's clock)."""
        return cls(now, RatingCause.event(envelope.id), envelope.id, Cause.of(envelope))

    @classmethod
    def clock(cls, now: datetime) -> "Trigger":
        """The re-evaluation at the instant `now`."""
        return cls(now, RatingCause.clock(now), f"clock/{now.isoformat()}")

    @classmethod
    def override(cls, override: Override, override_id: UUID, now: datetime) -> "Trigger":
        """A member of staff's override `override_id`."""
        return cls(now, RatingCause.override(override), f"override/{override_id}")

    def event_id(self, enterprise_id: UUID, colour: Colour) -> str:
        """The ce_id of the rating this trigger announces: the same cause gives the same id on a replay."""
        # The colour is part of it so that two changes at one clock instant could never share an id.
        return derived_id(self.origin, f"risk.rating/{enterprise_id}/{colour.value}")
