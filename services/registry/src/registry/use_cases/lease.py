"""PUT an enterprise's lease: `lease changed` (a renewal when the end moves later), `moved` if elsewhere."""

from datetime import datetime
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from registry.domain.enterprise import Enterprise, put_lease
from registry.domain.leases import Lease
from registry.storage import enterprises
from registry.use_cases.buildings import find_building
from registry.use_cases.commands import LeaseIn
from registry.use_cases.enterprise import locked
from registry.use_cases.publish import publish


async def replace_lease(
    session: AsyncSession, enterprise_id: UUID, command: LeaseIn, actor: str, now: datetime
) -> Enterprise:
    """404 for an unknown enterprise or building, 422 for a lease that ends before it starts."""
    before = await locked(session, enterprise_id)
    changes = put_lease(before, await lease_of(session, before, command))
    if not changes:
        return before
    after = changes[-1].enterprise
    await enterprises.save(session, before, after, now)
    await publish(session, changes, actor, now)
    return after


async def lease_of(session: AsyncSession, enterprise: Enterprise, command: LeaseIn) -> Lease:
    """The lease `command` describes; 404 when it names an unknown building, 422 when it ends too soon."""
    building_id = command.building_id or enterprise.building_id
    if building_id != enterprise.building_id:
        await find_building(session, building_id)
    return Lease(building_id, command.unit, command.start, command.end, command.renewal_status)
