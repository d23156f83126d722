"""When a signal counts: until resolved, superseded by a lease change, or decayed."""

from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo

from risk.domain.config import RiskConfig
from risk.domain.days import days_between, district_date
from risk.domain.facts import EnterpriseFacts, Lease, Signal


@dataclass(frozen=True)
class ActiveSignal:
    """A signal that counts now, with the share of its weight left after decay (0 < strength ≤ 1)."""

    signal: Signal
    strength: float


def resolved_at(signal: Signal, facts: EnterpriseFacts) -> datetime | None:
    """The first time the signal was reported resolved, from the report itself or a later fact."""
    times = [signal.resolved_at] + [r.at for r in facts.resolutions if r.signal_id == signal.id]
    return min((at for at in times if at is not None), default=None)


def extends_lease(lease: Lease, config: RiskConfig, district: tzinfo) -> bool:
    """Whether the change put the lease end at least the configured days away from its own date."""
    days_left = days_between(district_date(lease.changed_at, district), lease.end)
    return days_left >= config.lease.supersede_min_days


def superseded(signal: Signal, facts: EnterpriseFacts, config: RiskConfig, district: tzinfo) -> bool:
    """Whether a lease change made after the signal extended the lease far enough to end it."""
    if signal.code not in config.signals.superseded_by_lease:
        return False
    return any(
        lease.changed_at > signal.observed_at and extends_lease(lease, config, district)
        for lease in facts.leases
    )


def strength(signal: Signal, now: datetime, config: RiskConfig) -> float:
    """Share of the weight left: 1 when observed, falling linearly to 0 at the end of the decay window."""
    # A report stamped after `now` (clock skew) counts in full rather than not at all.
    age = max(now - signal.observed_at, timedelta(0))
    return max(0.0, 1.0 - age / timedelta(days=config.signals.decay_days))


def active_signals(
    facts: EnterpriseFacts, now: datetime, config: RiskConfig, district: tzinfo
) -> tuple[ActiveSignal, ...]:
    """The signals that count at `now`, each with its remaining strength."""
    active = []
    for signal in facts.signals:
        # A known resolution ends the signal even if stamped a moment after `now` (clock skew).
        if resolved_at(signal, facts) is not None:
            continue
        left = strength(signal, now, config)
        if left > 0 and not superseded(signal, facts, config, district):
            active.append(ActiveSignal(signal=signal, strength=left))
    return tuple(active)
