"""`GET /kpis`: base-data completeness and visit coverage, overall and per building, for a period."""

from collections.abc import Sequence
from dataclasses import dataclass
from functools import reduce
from operator import add
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from registry.domain.kpis import Period, Tally
from registry.storage import kpis


@dataclass(frozen=True)
class BuildingTally:
    building_id: UUID
    name: str
    tally: Tally


@dataclass(frozen=True)
class Kpis:
    period: Period
    mandatory_fields: tuple[str, ...]
    overall: Tally
    buildings: list[BuildingTally]


async def kpis_for(session: AsyncSession, period: Period, mandatory: Sequence[str]) -> Kpis:
    """Every building is listed, one without enterprises with zero counts (and no shares)."""
    tallies = await kpis.tallies(session, period, mandatory)
    per_building = [
        BuildingTally(building_id, name, tallies.get(building_id, Tally()))
        for building_id, name in await kpis.building_names(session)
    ]
    overall = reduce(add, tallies.values(), Tally())
    return Kpis(period, tuple(mandatory), overall, per_building)
