"""Pure folds of one fact into an enterprise's facts.

Order is guaranteed only within one topic and key (DESIGN §3), so every fold is commutative: the
latest fact by its own effective time wins, whatever the arrival order, and a redelivery changes
nothing. Ties at the same instant are broken by the value itself, never by arrival.
"""

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any, TypeVar

from risk.domain.facts import (
    CaseOverdue,
    EnterpriseFacts,
    HeadcountPoint,
    Lease,
    Signal,
    SignalResolution,
    Stamped,
    as_instant,
)

T = TypeVar("T")

# Headcount history kept behind the newest point; the configured trend window may not exceed it.
HEADCOUNT_HISTORY = timedelta(days=730)


def _upsert(
    items: tuple[T, ...],
    item: T,
    ident: Callable[[T], Any],
    pick: Callable[[T, T], T],
    order: Callable[[T], Any],
) -> tuple[T, ...]:
    """Merge `item` with the one of the same identity (by `pick`), keeping the tuple sorted by `order`."""
    current = next((old for old in items if ident(old) == ident(item)), None)
    merged = item if current is None else pick(current, item)
    others = [old for old in items if ident(old) != ident(item)]
    return tuple(sorted((*others, merged), key=order))


def _later_stamp(current: Stamped | None, new: Stamped) -> Stamped:
    if current is None:
        return new
    return max(current, new, key=lambda each: (each.at, each.value))


def _lease_order(lease: Lease) -> tuple[object, ...]:
    return (lease.changed_at, lease.revision, lease.end, lease.start, lease.renewal_status.value)


def apply_lease(facts: EnterpriseFacts, lease: Lease) -> EnterpriseFacts:
    """Record a lease change; the one with the latest `changed_at` is the lease in force."""
    # The whole history is kept: supersession asks whether *any* change after a signal extended the lease.
    leases = _upsert(facts.leases, lease, _lease_order, lambda old, _new: old, _lease_order)
    return facts.model_copy(update={"leases": leases})


def _merge_signal(current: Signal, new: Signal) -> Signal:
    base = max(current, new, key=lambda each: (each.observed_at, each.code.value))
    resolved = [at for at in (current.resolved_at, new.resolved_at) if at is not None]
    return base.model_copy(update={"resolved_at": min(resolved, default=None)})


def apply_signal(facts: EnterpriseFacts, signal: Signal) -> EnterpriseFacts:
    """Record a reported signal, keyed by its id (the earliest resolution reported for it is kept)."""
    signals = _upsert(facts.signals, signal, _signal_id, _merge_signal, _signal_id)
    return facts.model_copy(update={"signals": signals})


def _signal_id(signal: Signal) -> str:
    return signal.id


def _resolution_id(resolution: SignalResolution) -> str:
    return resolution.signal_id


def _earlier_resolution(current: SignalResolution, new: SignalResolution) -> SignalResolution:
    # A signal stops counting at its first resolution; a repeated one changes nothing.
    return min(current, new, key=lambda each: each.at)


def resolve_signal(facts: EnterpriseFacts, signal_id: str, resolved_at: datetime) -> EnterpriseFacts:
    """Record that a signal was resolved; the signal itself may not have arrived yet."""
    resolution = SignalResolution(signal_id=signal_id, at=resolved_at)
    resolutions = _upsert(facts.resolutions, resolution, _resolution_id, _earlier_resolution, _resolution_id)
    return facts.model_copy(update={"resolutions": resolutions})


def apply_visit(facts: EnterpriseFacts, visited_at: datetime) -> EnterpriseFacts:
    """Record a door-to-door visit; only the latest matters."""
    visit = as_instant(visited_at)
    latest = visit if facts.last_visit_at is None else max(facts.last_visit_at, visit)
    return facts.model_copy(update={"last_visit_at": latest})


def apply_key_enterprise(
    facts: EnterpriseFacts, key_enterprise: bool, effective_at: datetime
) -> EnterpriseFacts:
    """Record the key-enterprise flag as of `effective_at`."""
    stamp = _later_stamp(facts.key_enterprise, Stamped(value=key_enterprise, at=effective_at))
    return facts.model_copy(update={"key_enterprise": stamp})


def apply_departure(facts: EnterpriseFacts, departed: bool, effective_at: datetime) -> EnterpriseFacts:
    """Record a confirmed departure (or its correction) as of `effective_at`."""
    stamp = _later_stamp(facts.departed, Stamped(value=departed, at=effective_at))
    return facts.model_copy(update={"departed": stamp})


def _case_id(case: CaseOverdue) -> str:
    return case.case_id


def _later_case(current: CaseOverdue, new: CaseOverdue) -> CaseOverdue:
    return max(current, new, key=lambda each: (each.at, each.overdue))


def apply_retention_case(
    facts: EnterpriseFacts, case_id: str, overdue: bool, effective_at: datetime
) -> EnterpriseFacts:
    """Record a retention case turning overdue (SLA breached) or not (resolved or closed)."""
    case = CaseOverdue(case_id=case_id, overdue=overdue, at=effective_at)
    cases = _upsert(facts.retention_cases, case, _case_id, _later_case, _case_id)
    return facts.model_copy(update={"retention_cases": cases})


def _point_order(point: HeadcountPoint) -> tuple[datetime, int]:
    return point.at, point.revision


def _larger_point(current: HeadcountPoint, new: HeadcountPoint) -> HeadcountPoint:
    return max(current, new, key=lambda each: each.headcount)


def apply_headcount(
    facts: EnterpriseFacts, headcount: int, effective_at: datetime, revision: int = 0
) -> EnterpriseFacts:
    """Record a headcount report; history far behind the newest report is dropped."""
    point = HeadcountPoint(at=effective_at, headcount=headcount, revision=revision)
    points = _upsert(facts.headcounts, point, _point_order, _larger_point, _point_order)
    return facts.model_copy(update={"headcounts": _prune(points)})


def _prune(points: tuple[HeadcountPoint, ...]) -> tuple[HeadcountPoint, ...]:
    """Keep points within the history window of the newest, plus the one in force at its start."""
    # The cut-off only moves forward, so a dropped point is never needed again: order-independent.
    cutoff = points[-1].at - HEADCOUNT_HISTORY
    older = [point for point in points if point.at < cutoff]
    return (*older[-1:], *(point for point in points if point.at >= cutoff))
