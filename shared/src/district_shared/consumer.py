"""Idempotent consumers: inbox in the handler's transaction, offsets committed after it, dead letters.

A batch is applied in one database transaction with a savepoint per event, so one bad event is
dead-lettered alone while its neighbours commit. Transient failures (database or broker unreachable,
timeouts) retry the whole batch in place with capped backoff; nothing is dead-lettered for them.
"""

import asyncio
import json
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import structlog
from pydantic import ValidationError
from sqlalchemy import insert, select
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from district_shared.contracts import Envelope, EnvelopeError, Event, event_type
from district_shared.platform_tables import inbox
from district_shared.topics import dlq

log = structlog.get_logger(__name__)

Handler = Callable[[AsyncSession, Any, Envelope], Awaitable[None]]
# Publishes one dead letter and returns once the broker acknowledged it.
Publish = Callable[[str, bytes | None, bytes | None, dict[str, str]], Awaitable[None]]

TRANSIENT: tuple[type[BaseException], ...] = (OperationalError, InterfaceError, OSError, TimeoutError)


class PermanentError(Exception):
    """The event can never be applied (e.g. it names an entity that must exist and does not)."""


@dataclass(frozen=True)
class Record:
    """What the consumer needs of a Kafka record (aiokafka's ConsumerRecord has these attributes)."""

    topic: str
    partition: int
    offset: int
    key: bytes | None
    value: bytes | None
    headers: Sequence[tuple[str, bytes]]


@dataclass(frozen=True)
class Parsed:
    record: Record
    envelope: Envelope
    event: Event


@dataclass(frozen=True)
class DeadLetter:
    record: Record
    reason: str
    error: str


@dataclass
class ConsumerStats:
    applied: int = 0
    duplicates: int = 0
    unknown_types: int = 0
    dead_lettered: int = 0
    retries: int = 0


@dataclass
class Consumer:
    """Applies one topic's events through `handlers`, keyed by event model, for the group `group`."""

    group: str
    topic: str
    handlers: dict[type[Event], Handler]
    sessions: async_sessionmaker[AsyncSession]
    publish: Publish
    max_backoff: float = 10.0
    stats: ConsumerStats = field(default_factory=ConsumerStats)

    async def process(self, records: Sequence[Record]) -> None:
        """Apply a batch exactly once; return only when it is safe to commit the offsets."""
        parsed, dead = self._parse_all(records)
        dead += await self._apply_with_retry(parsed)
        for letter in dead:
            await self._dead_letter(letter)

    def _parse_all(self, records: Sequence[Record]) -> tuple[list[Parsed], list[DeadLetter]]:
        parsed: list[Parsed] = []
        dead: list[DeadLetter] = []
        for record in records:
            outcome = self._parse(record)
            if isinstance(outcome, Parsed):
                parsed.append(outcome)
            elif isinstance(outcome, DeadLetter):
                dead.append(outcome)
        return parsed, dead

    def _parse(self, record: Record) -> Parsed | DeadLetter | None:
        try:
            envelope = Envelope.from_headers(list(record.headers))
        except EnvelopeError as error:
            return DeadLetter(record, "invalid_envelope", str(error))
        model = event_type(envelope.type)
        if model is None or model not in self.handlers:
            self.stats.unknown_types += 1
            log.info(
                "skipped an event type this consumer does not handle", ce_type=envelope.type, group=self.group
            )
            return None
        try:
            data = json.loads(record.value or b"")
        except (json.JSONDecodeError, UnicodeDecodeError) as error:
            return DeadLetter(record, "unparseable", str(error))
        try:
            return Parsed(record, envelope, model.model_validate(data))
        except ValidationError as error:
            return DeadLetter(record, "schema_invalid", str(error))

    async def _apply_with_retry(self, parsed: list[Parsed]) -> list[DeadLetter]:
        # Whatever fails outside one event's own handling (database down, a lock timeout) is retried in
        # place: moving on would commit offsets past events that never took effect.
        attempt, isolate = 0, False
        while True:
            try:
                return await self._apply(parsed, isolate)
            except Exception as error:
                if not isolate and not _transient(error):
                    # One event cannot apply: redo the batch at once with a savepoint per event,
                    # so that event alone is dead-lettered and its neighbours commit.
                    isolate = True
                    continue
                attempt += 1
                self.stats.retries += 1
                delay = _backoff(attempt, self.max_backoff)
                log.warning("batch failed; retrying", group=self.group, error=repr(error), retry_in_s=delay)
                await asyncio.sleep(delay)

    async def _apply(self, parsed: list[Parsed], isolate: bool) -> list[DeadLetter]:
        """One transaction for the batch; savepoints per event only on the slow path (`isolate`)."""
        dead: list[DeadLetter] = []
        done: list[str] = []
        async with self.sessions.begin() as session:
            for item in await self._fresh(session, parsed):
                letter = (
                    await self._apply_isolated(session, item)
                    if isolate
                    else await self._handle(session, item)
                )
                if letter is None:
                    done.append(item.envelope.id)
                else:
                    dead.append(letter)
            if done:
                now = datetime.now(UTC)
                rows = [{"consumer": self.group, "ce_id": ce_id, "processed_at": now} for ce_id in done]
                await session.execute(insert(inbox), rows)
        self.stats.applied += len(done)
        return dead

    async def _fresh(self, session: AsyncSession, parsed: list[Parsed]) -> list[Parsed]:
        """The events of the batch not yet applied by this group (nor earlier in the same batch)."""
        seen = await self._already_processed(session, [p.envelope.id for p in parsed])
        fresh = []
        for item in parsed:
            if item.envelope.id in seen:
                self.stats.duplicates += 1
                continue
            seen.add(item.envelope.id)
            fresh.append(item)
        return fresh

    async def _handle(self, session: AsyncSession, item: Parsed) -> DeadLetter | None:
        """Fast path: a failure aborts the batch's transaction, and `_apply_with_retry` isolates."""
        await self.handlers[type(item.event)](session, item.event, item.envelope)
        return None

    async def _apply_isolated(self, session: AsyncSession, item: Parsed) -> DeadLetter | None:
        try:
            async with session.begin_nested():
                await self._handle(session, item)
        except Exception as error:
            if _transient(error):
                raise
            if isinstance(error, PermanentError):
                return DeadLetter(item.record, "permanent_error", str(error))
            return DeadLetter(item.record, "handler_error", repr(error))
        return None

    async def _already_processed(self, session: AsyncSession, ids: list[str]) -> set[str]:
        if not ids:
            return set()
        rows = await session.execute(
            select(inbox.c.ce_id).where(inbox.c.consumer == self.group, inbox.c.ce_id.in_(ids))
        )
        return set(rows.scalars())

    async def _dead_letter(self, letter: DeadLetter) -> None:
        record = letter.record
        headers = {name: value.decode(errors="replace") for name, value in record.headers}
        headers |= {
            "dlq_reason": letter.reason,
            "dlq_error": letter.error[:2000],
            "dlq_topic": record.topic,
            "dlq_partition": str(record.partition),
            "dlq_offset": str(record.offset),
            "dlq_group": self.group,
            "dlq_failed_at": datetime.now(UTC).isoformat().replace("+00:00", "Z"),
        }
        attempt = 0
        while True:
            try:
                await self.publish(dlq(record.topic), record.key, record.value, headers)
                break
            except Exception as error:
                attempt += 1
                log.warning("dead-letter topic unreachable; retrying", error=repr(error))
                await asyncio.sleep(_backoff(attempt, self.max_backoff))
        self.stats.dead_lettered += 1
        log.warning(
            "dead-lettered an event",
            group=self.group,
            topic=record.topic,
            offset=record.offset,
            reason=letter.reason,
        )


# PostgreSQL's serialization failure and deadlock: the same batch succeeds when tried again.
RETRYABLE_SQLSTATES = {"40001", "40P01"}


def _transient(error: BaseException) -> bool:
    """Will the same work succeed later: an outage, a timeout, a deadlock — not a bad event."""
    if isinstance(error, TRANSIENT):
        return True
    if isinstance(error, DBAPIError):
        state = getattr(error.orig, "sqlstate", None) or getattr(error.orig, "pgcode", None)
        return error.connection_invalidated or state in RETRYABLE_SQLSTATES
    return False


def _backoff(attempt: int, cap: float) -> float:
    return float(min(0.1 * 2**attempt, cap))
