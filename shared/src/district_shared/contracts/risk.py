"""Ratings, on `risk.ratings.v1` (compacted: the current colour of every enterprise), DESIGN §3."""

from datetime import datetime
from typing import Annotated, ClassVar
from uuid import UUID

from pydantic import Field

from district_shared.contracts.base import Event, Part, known_values
from district_shared.contracts.vocabulary import Colour
from district_shared.topics import RISK_RATINGS


class FactorV1(Part):
    code: str
    weight: float
    contribution: float = Field(description="Points this factor adds to the score, after decay.")
    evidence: dict[str, str | int | float | bool | None]


class RatingCauseV1(Part):
    """Why the rating was made: an input event, the clock, or a staff override."""

    type: Annotated[str, known_values("event", "clock", "override")]
    ce_id: str | None = Field(None, description="The input event (type event).")
    at: datetime | None = Field(None, description="The clock instant (type clock).")
    by: str | None = Field(None, description="Who overrode (type override).")
    until: datetime | None = Field(None, description="When the override ends (type override).")


class RatingChangedV1(Event):
    """The first rating of an enterprise (`from` null), then one event per change of colour."""

    ce_type: ClassVar[str] = "district.risk.rating.changed.v1"
    topic: ClassVar[str] = RISK_RATINGS
    key_field: ClassVar[str] = "enterprise_id"

    enterprise_id: UUID
    from_colour: Colour | None = Field(alias="from")
    to: Colour
    colour: Colour = Field(description="The enterprise's colour now (equal to `to`).")
    score: float = Field(ge=0, le=100)
    factors: list[FactorV1]
    cause: RatingCauseV1
    building_id: UUID | None
    key_enterprise: bool
    departed: bool
    rated_at: datetime
