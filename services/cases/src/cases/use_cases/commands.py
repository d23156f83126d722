"""What the use cases are asked to do: staff's commands (also the HTTP bodies) and incoming facts."""

from dataclasses import dataclass
from datetime import datetime
from typing import Annotated
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from cases.domain import Colour, Mechanism, Team

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class NewCase(BaseModel):
    """A case staff open themselves; without a mechanism the routing rules choose, as for a need."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    description: Annotated[Text, Field(max_length=4000)]
    enterprise_id: UUID | None = Field(None, description="None for an employee's personal request.")
    mechanism: Mechanism | None = Field(None, description="Chosen by staff; unset, the routing rules choose.")
    team: Team | None = Field(None, description="Chosen by staff; unset, the mechanism's default team.")
    category_code: str | None = Field(None, max_length=100, description="The catalogue category, if any.")
    solvable_on_spot: bool = False
    departments_involved: list[Annotated[Text, Field(max_length=200)]] = Field(default_factory=list)


@dataclass(frozen=True, kw_only=True)
class RaisedNeed:
    """A need raised by an enterprise or an employee, as the registry announced it."""

    need_id: UUID
    enterprise_id: UUID | None
    raised_at: datetime
    category_code: str
    default_mechanism: Mechanism | None  # None when the catalogue names a mechanism this build does not know
    sla_working_days: int
    solvable_on_spot: bool
    departments_involved: int
    key_enterprise: bool
    description: str
    channel: str
    requester: str


@dataclass(frozen=True, kw_only=True)
class Rating:
    """An enterprise's new colour, as risk announced it."""

    enterprise_id: UUID
    from_colour: str | None
    to: Colour | None  # None when risk sent a colour this build does not know: no change
    score: float
    key_enterprise: bool
    building_id: UUID | None
    departed: bool
    rated_at: datetime


@dataclass(frozen=True, kw_only=True)
class EnterpriseSeen:
    """What an enterprise event of the registry states about the enterprise."""

    enterprise_id: UUID
    key_enterprise: bool
    building_id: UUID
    departed: bool
