"""What cases knows of an enterprise, joined from three topics whatever order their events arrive in.

Each fact keeps the value with the latest effective time (DESIGN §3 "Order"), so a late, older event
never overwrites a newer fact; a departure, once seen, stays.
"""

from dataclasses import dataclass, replace
from datetime import datetime
from uuid import UUID

from cases.domain.model import Colour


@dataclass(frozen=True, kw_only=True)
class Observation:
    """Facts one event states, as of its effective time; None means the event does not say."""

    at: datetime
    key_enterprise: bool | None = None
    building_id: UUID | None = None
    colour: Colour | None = None
    departed: bool = False


@dataclass(frozen=True, kw_only=True)
class EnterpriseFacts:
    """An enterprise as cases sees it; a placeholder (all unknown) until an event says more."""

    enterprise_id: UUID
    key_enterprise: bool = False
    key_as_of: datetime | None = None
    building_id: UUID | None = None
    building_as_of: datetime | None = None
    colour: Colour | None = None
    colour_as_of: datetime | None = None
    departed: bool = False

    def observe(self, seen: Observation) -> "EnterpriseFacts":
        """These facts with what `seen` states, where it is not older than what is known."""
        facts = replace(self, departed=self.departed or seen.departed)
        if seen.key_enterprise is not None and _newer(seen.at, facts.key_as_of):
            facts = replace(facts, key_enterprise=seen.key_enterprise, key_as_of=seen.at)
        if seen.building_id is not None and _newer(seen.at, facts.building_as_of):
            facts = replace(facts, building_id=seen.building_id, building_as_of=seen.at)
        if seen.colour is not None and _newer(seen.at, facts.colour_as_of):
            facts = replace(facts, colour=seen.colour, colour_as_of=seen.at)
        return facts


def _newer(at: datetime, known_as_of: datetime | None) -> bool:
    return known_as_of is None or at >= known_as_of
