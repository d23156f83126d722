"""Keep the enterprise facts routing needs, from whichever topic states them."""

from datetime import datetime
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from cases.domain import EnterpriseFacts, Observation
from cases.storage import enterprises
from cases.use_cases.commands import EnterpriseSeen


async def observe(session: AsyncSession, enterprise_id: UUID, seen: Observation) -> EnterpriseFacts:
    """The enterprise's facts with `seen` merged in, locked for the rest of the transaction."""
    known = await enterprises.locked(session, enterprise_id)
    facts = known.observe(seen)
    if facts != known:
        await enterprises.save(session, facts)
    return facts


async def note_enterprise(session: AsyncSession, seen: EnterpriseSeen, at: datetime) -> None:
    """An enterprise event: its key flag and building as of `at`, and a departure for good."""
    observation = Observation(
        at=at, key_enterprise=seen.key_enterprise, building_id=seen.building_id, departed=seen.departed
    )
    await observe(session, seen.enterprise_id, observation)
