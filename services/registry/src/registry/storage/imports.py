"""What an import reads and writes in bulk (one statement per table, not per row), and its report."""

import uuid
from collections.abc import Collection, Iterable, Sequence
from datetime import datetime
from typing import Any
from uuid import UUID

from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from registry.domain.buildings import Building
from registry.domain.enterprise import Enterprise
from registry.storage.enterprises import columns, lease_columns
from registry.storage.tables import buildings, enterprise_leases, enterprises, imports, units

# Well under the bound parameters one statement may carry on SQLite and PostgreSQL.
CHUNK = 1000
UnitKey = tuple[UUID, str]


def _chunks(values: Sequence[Any]) -> Iterable[Sequence[Any]]:
    return (values[i : i + CHUNK] for i in range(0, len(values), CHUNK))


async def registered_codes(session: AsyncSession, codes: Collection[str]) -> set[str]:
    """Those of `codes` already registered."""
    found: set[str] = set()
    for chunk in _chunks(sorted(codes)):
        query = select(enterprises.c.credit_code).where(enterprises.c.credit_code.in_(chunk))
        found.update((await session.execute(query)).scalars())
    return found


async def buildings_named(session: AsyncSession, names: Collection[str]) -> dict[str, list[UUID]]:
    """The ids of the registered buildings with each of these names."""
    found: dict[str, list[UUID]] = {}
    for chunk in _chunks(sorted(names)):
        for row in await session.execute(
            select(buildings.c.id, buildings.c.name).where(buildings.c.name.in_(chunk))
        ):
            found.setdefault(row.name, []).append(row.id)
    return found


async def known_buildings(session: AsyncSession, ids: Collection[UUID]) -> set[UUID]:
    """Those of `ids` that are registered buildings."""
    found: set[UUID] = set()
    for chunk in _chunks(sorted(ids)):
        found.update(
            (await session.execute(select(buildings.c.id).where(buildings.c.id.in_(chunk)))).scalars()
        )
    return found


async def add_buildings(session: AsyncSession, new: Sequence[Building], now: datetime) -> None:
    if new:
        await session.execute(insert(buildings), [{**vars(b), "created_at": now} for b in new])


async def add_enterprises(session: AsyncSession, new: Sequence[Enterprise], now: datetime) -> None:
    """Enterprises as they are after their registration and first lease (no contacts in imports)."""
    unit_ids = await _unit_ids(session, _units_of(new), now)
    rows = [
        {**columns(e, unit_ids.get((e.building_id, e.unit or "")), now), "id": e.id, "registered_at": now}
        for e in new
    ]
    leases = [
        lease_columns(e.id, unit_ids[(e.lease.building_id, e.lease.unit)], e.lease, now)
        for e in new
        if e.lease is not None
    ]
    for table, chunk_rows in ((enterprises, rows), (enterprise_leases, leases)):
        for chunk in _chunks(chunk_rows):
            await session.execute(insert(table), list(chunk))


def _units_of(new: Sequence[Enterprise]) -> set[UnitKey]:
    wanted = {(e.building_id, e.unit) for e in new if e.unit is not None}
    return wanted | {(e.lease.building_id, e.lease.unit) for e in new if e.lease is not None}


async def _unit_ids(session: AsyncSession, wanted: set[UnitKey], now: datetime) -> dict[UnitKey, UUID]:
    """The id of every wanted unit, creating the missing ones."""
    found: dict[UnitKey, UUID] = {}
    for chunk in _chunks(sorted({building for building, _ in wanted})):
        query = select(units.c.id, units.c.building_id, units.c.number).where(units.c.building_id.in_(chunk))
        found.update({(row.building_id, row.number): row.id for row in await session.execute(query)})
    created = {key: uuid.uuid4() for key in sorted(wanted - set(found))}
    rows = [{"id": i, "building_id": b, "number": n, "created_at": now} for (b, n), i in created.items()]
    for chunk in _chunks(rows):
        await session.execute(insert(units), list(chunk))
    return found | created


async def add_report(session: AsyncSession, report: dict[str, Any]) -> None:
    await session.execute(insert(imports).values(**report))


async def get_report(session: AsyncSession, import_id: UUID) -> dict[str, Any] | None:
    row = (await session.execute(select(imports).where(imports.c.id == import_id))).one_or_none()
    return None if row is None else dict(row._mapping)
