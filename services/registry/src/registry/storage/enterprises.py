"""Enterprises, their contacts and current lease: written in the caller's transaction, never committed."""

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from uuid import UUID

from sqlalchemy import ColumnElement, Row, delete, exists, insert, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from district_shared.http.pagination import Keyset, Page, PageParams, paginate
from registry.domain.enterprise import Contact, Departure, Enterprise
from registry.domain.leases import Lease
from registry.storage.buildings import unit_id
from registry.storage.tables import contacts, enterprise_leases, enterprises, units, visits

_unit = units.alias("enterprise_unit")
_lease_unit = units.alias("lease_unit")
# One row per enterprise: its own columns, its unit's number and its current lease, if any.
_ENTERPRISE = (
    select(
        enterprises,
        _unit.c.number.label("unit_number"),
        enterprise_leases.c.starts_on,
        enterprise_leases.c.ends_on,
        enterprise_leases.c.renewal_status,
        _lease_unit.c.building_id.label("lease_building_id"),
        _lease_unit.c.number.label("lease_unit_number"),
    )
    .outerjoin(_unit, _unit.c.id == enterprises.c.unit_id)
    .outerjoin(enterprise_leases, enterprise_leases.c.enterprise_id == enterprises.c.id)
    .outerjoin(_lease_unit, _lease_unit.c.id == enterprise_leases.c.unit_id)
)
_ORDER = Keyset((enterprises.c.registered_at, enterprises.c.id))


@dataclass(frozen=True)
class EnterpriseFilter:
    """The list's filters; each one that is set narrows it (DESIGN §4 names them after the field)."""

    building_id: UUID | None = None
    industry: str | None = None
    lease_ends_before: date | None = None
    q: str | None = None
    not_visited_since: datetime | None = None

    def conditions(self) -> list[ColumnElement[bool]]:
        found: list[ColumnElement[bool]] = []
        if self.building_id is not None:
            found.append(enterprises.c.building_id == self.building_id)
        if self.industry is not None:
            found.append(enterprises.c.industry == self.industry)
        if self.lease_ends_before is not None:
            found.append(enterprise_leases.c.ends_on < self.lease_ends_before)
        if self.q:
            in_name = enterprises.c.name.icontains(self.q, autoescape=True)
            in_code = enterprises.c.credit_code.contains(self.q.strip().upper(), autoescape=True)
            found.append(or_(in_name, in_code))
        if self.not_visited_since is not None:
            found += [enterprises.c.departed_on.is_(None), ~_visited_since(self.not_visited_since)]
        return found


def _visited_since(since: datetime) -> ColumnElement[bool]:
    return exists().where(visits.c.enterprise_id == enterprises.c.id, visits.c.visited_at >= since)


@dataclass(frozen=True)
class Anchor:
    """What a visit, signal or need takes from the enterprise it is about."""

    id: UUID
    building_id: UUID
    key_enterprise: bool


async def lock(session: AsyncSession, enterprise_id: UUID) -> Anchor | None:
    """Lock the enterprise's row until the transaction ends (PostgreSQL); None when there is none.

    SQLite needs no row lock: its transactions begin IMMEDIATE, one writer at a time.
    """
    columns = (enterprises.c.id, enterprises.c.building_id, enterprises.c.key_enterprise)
    query = select(*columns).where(enterprises.c.id == enterprise_id).with_for_update()
    row = (await session.execute(query)).one_or_none()
    return None if row is None else Anchor(row.id, row.building_id, row.key_enterprise)


async def get(session: AsyncSession, enterprise_id: UUID) -> Enterprise | None:
    row = (await session.execute(_ENTERPRISE.where(enterprises.c.id == enterprise_id))).one_or_none()
    if row is None:
        return None
    return _enterprise(row, (await _contacts_of(session, [enterprise_id]))[enterprise_id])


async def credit_code_taken(session: AsyncSession, code: str) -> bool:
    return bool((await session.execute(select(exists().where(enterprises.c.credit_code == code)))).scalar())


async def page(session: AsyncSession, where: EnterpriseFilter, params: PageParams) -> Page[Enterprise]:
    """One page of the enterprises that pass `where`, oldest registration first."""
    rows = await paginate(session, _ENTERPRISE.where(*where.conditions()), _ORDER, params, _same)
    found = await _contacts_of(session, [row.id for row in rows.items])
    return Page(items=[_enterprise(row, found[row.id]) for row in rows.items], next_cursor=rows.next_cursor)


async def add(session: AsyncSession, enterprise: Enterprise, now: datetime) -> None:
    values = await _values(session, enterprise, now)
    await session.execute(insert(enterprises).values(id=enterprise.id, registered_at=now, **values))
    await _insert_contacts(session, enterprise.id, enterprise.contacts)
    if enterprise.lease is not None:
        await _insert_lease(session, enterprise.id, enterprise.lease, now)


async def save(session: AsyncSession, before: Enterprise, after: Enterprise, now: datetime) -> None:
    """Write what changed from `before` to `after`."""
    values = await _values(session, after, now)
    await session.execute(update(enterprises).where(enterprises.c.id == after.id).values(**values))
    if after.contacts != before.contacts:
        await session.execute(delete(contacts).where(contacts.c.enterprise_id == after.id))
        await _insert_contacts(session, after.id, after.contacts)
    if after.lease != before.lease:
        await session.execute(delete(enterprise_leases).where(enterprise_leases.c.enterprise_id == after.id))
        if after.lease is not None:
            await _insert_lease(session, after.id, after.lease, now)


async def _values(session: AsyncSession, enterprise: Enterprise, now: datetime) -> dict[str, Any]:
    unit = (
        None
        if enterprise.unit is None
        else await unit_id(session, enterprise.building_id, enterprise.unit, now)
    )
    return columns(enterprise, unit, now)


def columns(enterprise: Enterprise, unit: UUID | None, now: datetime) -> dict[str, Any]:
    """The enterprise's row (but its id and registration time), its unit given by id."""
    departure = enterprise.departure
    return {
        "credit_code": enterprise.credit_code,
        "name": enterprise.name,
        "building_id": enterprise.building_id,
        "unit_id": unit,
        "industry": enterprise.industry,
        "registered_in_district": enterprise.registered_in_district,
        "headcount": enterprise.headcount,
        "key_enterprise": enterprise.key_enterprise,
        "has_party_organisation": enterprise.has_party_organisation,
        "has_work_organisation": enterprise.has_work_organisation,
        "departed_on": departure.departed_on if departure else None,
        "destination": departure.destination if departure else None,
        "version": enterprise.version,
        "updated_at": now,
    }


async def _insert_contacts(session: AsyncSession, enterprise_id: UUID, people: Sequence[Contact]) -> None:
    if people:
        rows = [{**vars(c), "enterprise_id": enterprise_id, "position": i} for i, c in enumerate(people)]
        await session.execute(insert(contacts), rows)


async def _insert_lease(session: AsyncSession, enterprise_id: UUID, lease: Lease, now: datetime) -> None:
    unit = await unit_id(session, lease.building_id, lease.unit, now)
    await session.execute(insert(enterprise_leases).values(**lease_columns(enterprise_id, unit, lease, now)))


def lease_columns(enterprise_id: UUID, unit: UUID, lease: Lease, now: datetime) -> dict[str, Any]:
    """The row of an enterprise's current lease, its unit given by id."""
    return {
        "enterprise_id": enterprise_id,
        "unit_id": unit,
        "starts_on": lease.start,
        "ends_on": lease.end,
        "renewal_status": lease.renewal_status,
        "changed_at": now,
    }


async def _contacts_of(session: AsyncSession, ids: Iterable[UUID]) -> dict[UUID, tuple[Contact, ...]]:
    query = select(contacts).where(contacts.c.enterprise_id.in_(list(ids))).order_by(contacts.c.position)
    found: defaultdict[UUID, list[Contact]] = defaultdict(list)
    for row in await session.execute(query):
        found[row.enterprise_id].append(Contact(row.id, row.name, row.role, row.phone, row.email))
    return defaultdict(tuple, {key: tuple(people) for key, people in found.items()})


def _same(row: Row[Any]) -> Row[Any]:
    return row


def _enterprise(row: Row[Any], people: tuple[Contact, ...]) -> Enterprise:
    lease = None
    if row.starts_on is not None:
        lease = Lease(
            row.lease_building_id, row.lease_unit_number, row.starts_on, row.ends_on, row.renewal_status
        )
    departure = None if row.departed_on is None else Departure(row.departed_on, row.destination)
    return Enterprise(
        id=row.id,
        credit_code=row.credit_code,
        name=row.name,
        building_id=row.building_id,
        unit=row.unit_number,
        industry=row.industry,
        registered_in_district=row.registered_in_district,
        headcount=row.headcount,
        key_enterprise=row.key_enterprise,
        has_party_organisation=row.has_party_organisation,
        has_work_organisation=row.has_work_organisation,
        contacts=people,
        lease=lease,
        departure=departure,
        version=row.version,
    )
