"""Signals outside a visit, their resolution, and the list of an enterprise's signals."""

from datetime import datetime
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from district_shared.http.pagination import Page, PageParams
from district_shared.http.problems import NotFound
from district_shared.outbox import add_event
from registry.domain.visits import Signal, not_in_the_future, resolve
from registry.storage import signals
from registry.storage.signals import SignalFilter
from registry.use_cases.announce import signal_reported, signal_resolved
from registry.use_cases.commands import ResolveSignal, SignalIn
from registry.use_cases.enterprise import anchored, find_enterprise
from registry.use_cases.ids import RANDOM, NewId


async def report_signal(
    session: AsyncSession,
    enterprise_id: UUID,
    command: SignalIn,
    actor: str,
    now: datetime,
    new_id: NewId = RANDOM,
) -> Signal:
    """A signal observed outside a visit (a call, a letter); 404 for an unknown enterprise."""
    await anchored(session, enterprise_id)
    observed_at = not_in_the_future("observed_at", command.observed_at or now, now)
    signal = Signal(new_id(), enterprise_id, command.code, observed_at, command.details)
    await signals.add_all(session, [signal], actor, now)
    await add_event(session, signal_reported(signal, actor), now=now)
    return signal


async def resolve_signal(
    session: AsyncSession,
    enterprise_id: UUID,
    signal_id: UUID,
    command: ResolveSignal,
    actor: str,
    now: datetime,
) -> Signal:
    """404 for an unknown enterprise or signal, 409 when the signal was already resolved."""
    await anchored(session, enterprise_id)
    signal = await find_signal(session, enterprise_id, signal_id)
    resolved = resolve(signal, command.reason, now)
    await signals.save_resolution(session, resolved, actor)
    await add_event(session, signal_resolved(resolved, actor), now=now)
    return resolved


async def find_signal(session: AsyncSession, enterprise_id: UUID, signal_id: UUID) -> Signal:
    """The signal; 404 when the enterprise has no signal with this id."""
    signal = await signals.get(session, enterprise_id, signal_id)
    if signal is None:
        raise NotFound("signal", signal_id)
    return signal


async def list_signals(session: AsyncSession, where: SignalFilter, params: PageParams) -> Page[Signal]:
    """The enterprise's signals, the latest observed first; 404 for an unknown enterprise."""
    await find_enterprise(session, where.enterprise_id)
    return await signals.page(session, where, params)
