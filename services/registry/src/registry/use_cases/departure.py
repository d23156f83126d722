"""POST a departure: the confirmed departure from the district, announced as `enterprise left`."""

from datetime import datetime
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from registry.domain.enterprise import Departure, Enterprise, depart
from registry.storage import enterprises
from registry.use_cases.commands import DepartureIn
from registry.use_cases.enterprise import locked
from registry.use_cases.publish import publish


async def record_departure(
    session: AsyncSession, enterprise_id: UUID, command: DepartureIn, actor: str, now: datetime
) -> Enterprise:
    """404 for an unknown enterprise, 409 when it already left."""
    before = await locked(session, enterprise_id)
    left = depart(before, Departure(command.departed_on, command.destination))
    await enterprises.save(session, before, left.enterprise, now)
    await publish(session, [left], actor, now)
    return left.enterprise
