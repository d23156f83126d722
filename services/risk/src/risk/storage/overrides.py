"""The audit trail of overrides: who set which colour, why, until when."""

from datetime import datetime
from uuid import UUID

from sqlalchemy import insert
from sqlalchemy.ext.asyncio import AsyncSession

from risk.domain import Override
from risk.storage.tables import overrides


async def add(
    session: AsyncSession, override_id: UUID, enterprise_id: UUID, override: Override, now: datetime
) -> None:
    """Record an override in the caller's transaction."""
    await session.execute(
        insert(overrides).values(
            id=override_id,
            enterprise_id=enterprise_id,
            colour=override.colour.value,
            reason=override.reason,
            actor=override.by,
            until=override.until,
            created_at=now,
        )
    )
