"""Why a rating was made: an input event, the clock, or a staff override (DESIGN §3)."""

from datetime import datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict

from risk.domain.facts import Instant
from risk.domain.override import Override


class CauseType(StrEnum):
    """What made the service rate an enterprise."""

    EVENT = "event"
    CLOCK = "clock"
    OVERRIDE = "override"


class RatingCause(BaseModel):
    """The cause a rating carries: `ce_id` for an event, `at` for the clock, `by`/`until` for an override."""

    model_config = ConfigDict(frozen=True)

    type: CauseType
    ce_id: str | None = None
    at: Instant | None = None
    by: str | None = None
    until: Instant | None = None

    @classmethod
    def event(cls, ce_id: str) -> "RatingCause":
        """Caused by the input event `ce_id`."""
        return cls(type=CauseType.EVENT, ce_id=ce_id)

    @classmethod
    def clock(cls, at: datetime) -> "RatingCause":
        """Caused by the re-evaluation at the instant `at`."""
        return cls(type=CauseType.CLOCK, at=at)

    @classmethod
    def override(cls, override: Override) -> "RatingCause":
        """Caused by a member of staff setting the colour by hand."""
        return cls(type=CauseType.OVERRIDE, by=override.by, until=override.until)
