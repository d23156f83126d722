"""Buildings and units: repository functions that flush into the caller's transaction, never commit."""

import uuid
from datetime import datetime
from typing import Any
from uuid import UUID

from sqlalchemy import Row, Select, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from district_shared.http.pagination import Keyset, Page, PageParams, paginate
from registry.domain.buildings import Building, Unit
from registry.storage.tables import buildings, units

_BUILDING_ORDER = Keyset((buildings.c.created_at, buildings.c.id))
_UNIT_ORDER = Keyset((units.c.number, units.c.id))


def _building(row: Row[Any]) -> Building:
    return Building(row.id, row.name, row.address, row.floors, row.has_service_station)


def _unit(row: Row[Any]) -> Unit:
    return Unit(row.id, row.building_id, row.number)


async def add_building(session: AsyncSession, building: Building, now: datetime) -> None:
    await session.execute(insert(buildings).values(**vars(building), created_at=now))


async def get_building(session: AsyncSession, building_id: UUID) -> Building | None:
    row = (await session.execute(select(buildings).where(buildings.c.id == building_id))).one_or_none()
    return None if row is None else _building(row)


async def page_of_buildings(session: AsyncSession, params: PageParams) -> Page[Building]:
    return await paginate(session, select(buildings), _BUILDING_ORDER, params, _building)


async def page_of_units(session: AsyncSession, building_id: UUID, params: PageParams) -> Page[Unit]:
    statement = select(units).where(units.c.building_id == building_id)
    return await paginate(session, statement, _UNIT_ORDER, params, _unit)


async def unit_id(session: AsyncSession, building_id: UUID, number: str, now: datetime) -> UUID:
    """The id of the building's unit `number`, creating the unit when it is new."""
    existing = (await session.execute(_unit_id(building_id, number))).scalar_one_or_none()
    if existing is not None:
        return existing
    new_id = uuid.uuid4()
    try:
        # A savepoint, because a concurrent writer may create the same unit first (PostgreSQL).
        async with session.begin_nested():
            values = {"id": new_id, "building_id": building_id, "number": number, "created_at": now}
            await session.execute(insert(units).values(**values))
    except IntegrityError:
        # The insert waited for the other writer's commit, so its unit is visible now.
        return (await session.execute(_unit_id(building_id, number))).scalar_one()
    return new_id


def _unit_id(building_id: UUID, number: str) -> Select[UUID]:
    return select(units.c.id).where(units.c.building_id == building_id, units.c.number == number)
