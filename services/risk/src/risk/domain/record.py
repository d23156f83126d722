"""Risk's record of one enterprise: its facts, where it is, a staff override, and the rating in force."""

from dataclasses import dataclass, field, replace
from datetime import datetime
from uuid import UUID

from risk.domain.cause import RatingCause
from risk.domain.colours import Colour
from risk.domain.config import RiskConfig
from risk.domain.facts import EnterpriseFacts, as_instant
from risk.domain.override import Override, resolve_colour
from risk.domain.rating import Rating, rate


@dataclass(frozen=True)
class Profile:
    """Building and key flag as of registry's `version` of the enterprise (0: only a visit said so)."""

    building_id: UUID | None = None
    key_enterprise: bool = False
    version: int = 0

    def merge(self, newer: "Profile | None") -> "Profile":
        """The profile of the later version (on one topic and key, a tie is a later arrival: it wins)."""
        if newer is None or newer.version < self.version:
            return self
        if newer.building_id is None:
            return replace(newer, building_id=self.building_id)
        return newer


@dataclass(frozen=True)
class Current:
    """The rating in force: the last computed rating, the colour shown, and since when and why it shows."""

    rating: Rating
    colour: Colour
    cause: RatingCause
    since: datetime
    rated_at: datetime


@dataclass(frozen=True)
class EnterpriseRecord:
    """Everything risk keeps about one enterprise; `current` is None only before its first rating."""

    enterprise_id: UUID
    facts: EnterpriseFacts = field(default_factory=EnterpriseFacts)
    profile: Profile = field(default_factory=Profile)
    override: Override | None = None
    current: Current | None = None

    @property
    def departed(self) -> bool:
        """Whether a confirmed departure is recorded."""
        return self.facts.departed is not None and self.facts.departed.value


@dataclass(frozen=True)
class Rerated:
    """A record after re-rating, and whether the colour it shows is new (then it is announced)."""

    record: EnterpriseRecord
    previous_colour: Colour | None
    changed: bool


def rerate(
    record: EnterpriseRecord, now: datetime, cause: RatingCause, config: RiskConfig, timezone: str
) -> Rerated:
    """Rate the record at `now`; the first rating, or a colour other than the one shown, is a change."""
    now = as_instant(now)
    previous = record.current
    rating = rate(record.facts, now, config, previous.rating if previous else None, timezone=timezone)
    shown = resolve_colour(rating.colour, record.override, now)
    if previous is None or shown.colour is not previous.colour:
        current = Current(rating, shown.colour, cause, since=now, rated_at=now)
    else:
        current = Current(rating, shown.colour, previous.cause, since=previous.since, rated_at=now)
    # A lapsed override is dropped: the computed colour is back, and the next override starts afresh.
    after = replace(record, override=shown.override, current=current)
    changed = previous is None or current.colour is not previous.colour
    return Rerated(after, previous.colour if previous else None, changed)
