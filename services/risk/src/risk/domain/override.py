"""Staff overrides: a colour set by hand that replaces the computed one until it expires."""

from dataclasses import dataclass
from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from risk.domain.colours import Colour
from risk.domain.facts import Instant, as_instant


class Override(BaseModel):
    """A colour set by `by` for `reason`, in force until (not including) `until`."""

    model_config = ConfigDict(frozen=True, str_strip_whitespace=True)

    colour: Colour
    reason: str = Field(min_length=1)
    by: str = Field(min_length=1)
    until: Instant


@dataclass(frozen=True)
class ResolvedColour:
    """The colour to show and publish, and the override that set it, if one is in force."""

    colour: Colour
    override: Override | None

    @property
    def overridden(self) -> bool:
        """Whether staff set this colour rather than the rules."""
        return self.override is not None


def override_in_force(override: Override | None, now: datetime) -> bool:
    """Whether the override still applies at `now` (it lapses at `until`)."""
    return override is not None and as_instant(now) < override.until


def resolve_colour(computed: Colour, override: Override | None, now: datetime) -> ResolvedColour:
    """The override's colour while it is in force, else the computed colour."""
    if override is not None and override_in_force(override, now):
        return ResolvedColour(colour=override.colour, override=override)
    return ResolvedColour(colour=computed, override=None)
