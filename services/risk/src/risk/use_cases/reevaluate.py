"""The clock's re-evaluation: every enterprise re-rated at one instant, in batches, by one replica.

Time alone moves colours (a lease end drawing near, a signal decaying, an override lapsing). The ids of
the ratings it announces derive from the instant and the enterprise, so running it twice at one instant,
or replaying, announces nothing new.
"""

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from risk.storage import enterprises
from risk.use_cases.rating import Policy, rerate_and_save
from risk.use_cases.trigger import Trigger

BATCH = 200


@dataclass
class Reevaluation:
    """What one run did."""

    rated: int = 0
    changed: int = 0


async def reevaluate(
    sessions: async_sessionmaker[AsyncSession], now: datetime, policy: Policy, batch: int = BATCH
) -> Reevaluation:
    """Re-rate every enterprise at `now`; one transaction per batch keeps locks short."""
    trigger, done, after = Trigger.clock(now), Reevaluation(), None
    while True:
        last = await _one_batch(sessions, after, batch, trigger, policy, done)
        if last is None:
            return done
        after = last


async def _one_batch(
    sessions: async_sessionmaker[AsyncSession],
    after: UUID | None,
    batch: int,
    trigger: Trigger,
    policy: Policy,
    done: Reevaluation,
) -> UUID | None:
    """Re-rate the batch past `after`; return its last id, None when there is nothing left."""
    async with sessions.begin() as session:
        records = await enterprises.locked_batch(session, after, batch)
        for record in records:
            # Never back in time: an event may already have rated it later than this run's instant.
            if record.current is not None and record.current.rated_at > trigger.now:
                continue
            rerated = await rerate_and_save(session, record, trigger, policy)
            done.rated += 1
            done.changed += rerated.changed
    return records[-1].enterprise_id if records else None
