"""Transactional outbox, publishing side: a singleton relay sends unpublished rows in outbox order.

Rows are read in id order and sent through the idempotent producer (acks=all); a row is marked published
only after the broker acknowledged it. A crash in between re-sends the row with its same ce_id, which the
consumers' inbox absorbs. Per key, outbox order is commit order, because each use case locks its
aggregate before writing its outbox row.
"""

import asyncio
import contextlib
import uuid
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import structlog
from sqlalchemy import Row, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from district_shared import leases
from district_shared.contracts import Envelope
from district_shared.platform_tables import outbox

log = structlog.get_logger(__name__)

# Sends one message and returns a future that resolves when the broker acknowledged it.
Send = Callable[[str, bytes, bytes, dict[str, str]], Awaitable["asyncio.Future[Any]"]]


@dataclass(frozen=True)
class RelaySettings:
    poll_interval: float = 0.1
    batch_size: int = 500
    lease_ttl: timedelta = timedelta(seconds=10)
    max_backoff: float = 10.0


class OutboxRelay:
    """Publishes a service's outbox; run one per process, the lease makes one of them work."""

    def __init__(
        self,
        service: str,
        sessions: async_sessionmaker[AsyncSession],
        send: Send,
        settings: RelaySettings,
        wakeup: asyncio.Event | None = None,
    ) -> None:
        self.lease_name = f"{service}.outbox-relay"
        self.holder = uuid.uuid4().hex
        self.sessions = sessions
        self.send = send
        self.settings = settings
        self.wakeup = wakeup or asyncio.Event()

    async def run(self) -> None:
        """Publish until cancelled; back off (capped) while the broker or the database is down."""
        failures = 0
        try:
            while True:
                try:
                    published = await self.publish_pending()
                    failures = 0
                except Exception as error:
                    failures += 1
                    delay = min(self.settings.poll_interval * 2**failures, self.settings.max_backoff)
                    log.warning("outbox relay failed; retrying", error=repr(error), retry_in_s=delay)
                    await asyncio.sleep(delay)
                    continue
                if published < self.settings.batch_size:
                    await self._idle()
        finally:
            await asyncio.shield(self._release())

    async def publish_pending(self) -> int:
        """One pass: if this relay holds the lease, publish up to a batch of rows; return how many."""
        if not await leases.acquire(self.sessions, self.lease_name, self.holder, self.settings.lease_ttl):
            return 0
        rows = await self._pending()
        if rows:
            await self._send_in_order(rows)
            await self._mark_published([row.id for row in rows])
        return len(rows)

    async def _pending(self) -> Sequence[Row[Any]]:
        async with self.sessions() as session:
            query = (
                select(outbox)
                .where(outbox.c.published_at.is_(None))
                .order_by(outbox.c.id)
                .limit(self.settings.batch_size)
            )
            return (await session.execute(query)).all()

    async def _mark_published(self, ids: list[int]) -> None:
        async with self.sessions.begin() as session:
            await session.execute(
                update(outbox).where(outbox.c.id.in_(ids)).values(published_at=datetime.now(UTC))
            )

    async def _send_in_order(self, rows: Sequence[Row[Any]]) -> None:
        # Sends are queued in id order and awaited together: the idempotent producer keeps the order
        # within a partition even when it retries, and the batch costs one round trip, not one per row.
        acks = [
            await self.send(row.topic, row.key.encode(), row.payload.encode(), _headers(row)) for row in rows
        ]
        await asyncio.gather(*acks)

    async def _idle(self) -> None:
        self.wakeup.clear()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self.wakeup.wait(), self.settings.poll_interval)

    async def _release(self) -> None:
        try:
            await leases.release(self.sessions, self.lease_name, self.holder)
        except Exception as error:  # the lease then simply expires
            log.warning("could not release the relay lease", error=repr(error))


def _headers(row: Row[Any]) -> dict[str, str]:
    return Envelope(
        id=row.ce_id,
        source=f"/services/{row.ce_type.split('.')[1]}",
        type=row.ce_type,
        time=row.ce_time,
        subject=row.key,
        correlation_id=row.correlation_id,
        causation_id=row.causation_id,
        traceparent=row.traceparent,
    ).headers()
