"""Buildings and their units."""

from datetime import datetime
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from district_shared.http.pagination import Page, PageParams
from district_shared.http.problems import NotFound
from registry.domain.buildings import Building, Unit
from registry.storage import buildings
from registry.use_cases.commands import NewBuilding
from registry.use_cases.ids import RANDOM, NewId


async def create_building(
    session: AsyncSession, new: NewBuilding, now: datetime, new_id: NewId = RANDOM
) -> Building:
    """Record a building of the district (buildings publish no events)."""
    building = Building(new_id(), new.name, new.address, new.floors, new.has_service_station)
    await buildings.add_building(session, building, now)
    return building


async def find_building(session: AsyncSession, building_id: UUID) -> Building:
    """The building; 404 when there is none with this id."""
    building = await buildings.get_building(session, building_id)
    if building is None:
        raise NotFound("building", building_id)
    return building


async def list_buildings(session: AsyncSession, params: PageParams) -> Page[Building]:
    return await buildings.page_of_buildings(session, params)


async def list_units(session: AsyncSession, building_id: UUID, params: PageParams) -> Page[Unit]:
    """The building's units by number; 404 for an unknown building."""
    await find_building(session, building_id)
    return await buildings.page_of_units(session, building_id, params)
