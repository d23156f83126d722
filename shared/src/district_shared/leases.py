"""Singleton leases: a row with an expiry that one holder renews; timers and relays work only holding it.

Lease times use the wall clock, never the service's (possibly pinned) clock: expiry is about processes.
"""

from datetime import UTC, datetime, timedelta

from sqlalchemy import or_, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from district_shared.platform_tables import leases


async def acquire(sessions: async_sessionmaker[AsyncSession], name: str, holder: str, ttl: timedelta) -> bool:
    """Take or renew the lease `name` for `holder`; False while another holder's lease is live."""
    now = datetime.now(UTC)
    async with sessions.begin() as session:
        renewed = await session.execute(
            update(leases)
            .where(leases.c.name == name, or_(leases.c.holder == holder, leases.c.expires_at < now))
            .values(holder=holder, expires_at=now + ttl)
        )
        if renewed.rowcount:  # type: ignore[attr-defined]
            return True
        dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
        created = await session.execute(
            dialect.insert(leases)
            .values(name=name, holder=holder, expires_at=now + ttl)
            .on_conflict_do_nothing()
        )
        return bool(created.rowcount)  # type: ignore[attr-defined]


async def release(sessions: async_sessionmaker[AsyncSession], name: str, holder: str) -> None:
    """Give the lease up at shutdown so another replica takes over without waiting for the expiry."""
    async with sessions.begin() as session:
        await session.execute(
            update(leases)
            .where(leases.c.name == name, leases.c.holder == holder)
            .values(expires_at=datetime(1970, 1, 1, tzinfo=UTC))
        )
