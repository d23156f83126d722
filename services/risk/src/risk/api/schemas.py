"""What the HTTP API answers, and what it takes: list filters and the override body."""

from datetime import datetime
from typing import Annotated
from uuid import UUID

from pydantic import BaseModel, Field, StringConstraints

from district_shared.http.pagination import PageParams
from district_shared.http.timestamps import Timestamp
from risk.domain import Colour, EnterpriseRecord, Factor, RatingCause
from risk.use_cases.override import OverrideCommand


class OverrideOut(BaseModel):
    """A colour set by hand: by whom, why, until when."""

    colour: Colour
    reason: str
    by: str
    until: datetime


class RatingOut(BaseModel):
    """An enterprise's rating: the colour shown, the score and factors that explain it, and its cause."""

    enterprise_id: UUID
    colour: Colour = Field(description="The colour shown: the override's while one is in force.")
    computed_colour: Colour = Field(description="The colour the rules give.")
    score: float = Field(description="0 to 100, higher is riskier: the sum of the factors' contributions.")
    band: Colour = Field(description="The score's band after hysteresis.")
    rule: str = Field(description="What decided the computed colour, e.g. `floor:lease_ending_soon`.")
    factors: list[Factor]
    cause: RatingCause = Field(description="What made the colour shown change to this one.")
    since: datetime = Field(description="When the colour shown became this one.")
    rated_at: datetime = Field(description="When the enterprise was last rated.")
    building_id: UUID | None
    key_enterprise: bool
    departed: bool
    override: OverrideOut | None

    @classmethod
    def of(cls, record: EnterpriseRecord) -> "RatingOut":
        current = record.current
        assert current is not None, "committed records are rated"
        override = record.override
        return cls(
            enterprise_id=record.enterprise_id,
            colour=current.colour,
            computed_colour=current.rating.colour,
            score=current.rating.score,
            band=current.rating.band,
            rule=current.rating.rule,
            factors=list(current.rating.factors),
            cause=current.cause,
            since=current.since,
            rated_at=current.rated_at,
            building_id=record.profile.building_id,
            key_enterprise=record.profile.key_enterprise,
            departed=record.departed,
            override=None if override is None else OverrideOut.model_validate(override.model_dump()),
        )


class HistoryItemOut(BaseModel):
    """One announced rating: what went out on risk.ratings.v1, with its ce_id."""

    ce_id: str
    from_colour: Colour | None = Field(serialization_alias="from")
    colour: Colour
    score: float
    rule: str
    factors: list[Factor]
    cause: RatingCause
    rated_at: datetime


class RatingsQuery(PageParams):
    """`GET /ratings` filters; each one given narrows the list."""

    colour: Colour | None = None
    building_id: UUID | None = None


class OverrideIn(BaseModel):
    """`POST /ratings/{enterprise_id}/override`."""

    colour: Colour
    reason: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=1000)]
    until: Timestamp = Field(description="The override ends at this instant; the computed colour returns.")

    def command(self) -> OverrideCommand:
        return OverrideCommand(self.colour, self.reason, self.until)


class OverrideCreated(BaseModel):
    """The override recorded, and the rating it leaves."""

    id: UUID
    enterprise_id: UUID
    colour: Colour
    reason: str
    by: str
    until: datetime
    rating: RatingOut


class ColourCounts(BaseModel):
    """How many enterprises show each colour."""

    total: int
    colours: dict[Colour, int]


class BuildingCounts(ColourCounts):
    building_id: UUID


class DistributionOut(ColourCounts):
    """Counts per colour over the district, and per building."""

    buildings: list[BuildingCounts]
