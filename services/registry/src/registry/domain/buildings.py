"""Office buildings of the district and their units."""

from dataclasses import dataclass
from uuid import UUID


@dataclass(frozen=True)
class Building:
    id: UUID
    name: str
    address: str
    floors: int | None = None
    has_service_station: bool = False


@dataclass(frozen=True)
class Unit:
    """A unit of a building, numbered as text ("2304"); a lease naming an unknown unit creates it."""

    id: UUID
    building_id: UUID
    number: str
