"""Builders for the risk domain tests: one pinned instant, facts made from plain numbers of days."""

from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from risk.domain import (
    DEFAULT_CONFIG,
    EnterpriseFacts,
    Lease,
    Rating,
    RenewalStatus,
    RiskConfig,
    Signal,
    SignalCode,
    apply_lease,
    apply_signal,
    apply_visit,
    load_config,
    rate,
)

SHANGHAI = ZoneInfo("Asia/Shanghai")
# 10:00 on 2 March 2026 in the district (02:00 UTC, same date): the instant every test rates at.
NOW = datetime(2026, 3, 2, 10, 0, tzinfo=SHANGHAI)
TODAY = date(2026, 3, 2)


def days_ago(days: float) -> datetime:
    """The instant `days` days before NOW."""
    return NOW - timedelta(days=days)


def lease_ending_in(
    days: int, status: RenewalStatus = RenewalStatus.NONE, changed_at: datetime | None = None
) -> Lease:
    """A lease whose end date is `days` district days after today."""
    return Lease(
        start=date(2023, 1, 1),
        end=TODAY + timedelta(days=days),
        renewal_status=status,
        changed_at=changed_at or days_ago(400),
    )


_serial = iter(range(1, 1_000_000))


def signal(code: SignalCode, observed_days_ago: float = 0, signal_id: str | None = None) -> Signal:
    """A signal observed `observed_days_ago` days before NOW."""
    return Signal(
        id=signal_id or f"signal-{next(_serial)}", code=code, observed_at=days_ago(observed_days_ago)
    )


def enterprise(
    lease: Lease | None = None, signals: Iterable[Signal] = (), visited_days_ago: float | None = None
) -> EnterpriseFacts:
    """Facts folded from a lease, some signals and a visit."""
    facts = EnterpriseFacts()
    if lease is not None:
        facts = apply_lease(facts, lease)
    for each in signals:
        facts = apply_signal(facts, each)
    if visited_days_ago is not None:
        facts = apply_visit(facts, days_ago(visited_days_ago))
    return facts


def green_enterprise() -> EnterpriseFacts:
    """Visited a month ago, two years of lease left, nothing reported."""
    return enterprise(lease=lease_ending_in(730), visited_days_ago=30)


def config_with(**changes: object) -> RiskConfig:
    """The default rules with some keys or tables changed (as a parsed rules.toml would give them)."""
    return load_config(changes)


def rated(
    facts: EnterpriseFacts,
    previous: Rating | None = None,
    config: RiskConfig = DEFAULT_CONFIG,
    now: datetime = NOW,
) -> Rating:
    """The rating at NOW (or `now`) with the default rules."""
    return rate(facts, now, config, previous)


def codes(rating: Rating) -> set[str]:
    """The codes of the rating's factors."""
    return {factor.code.value for factor in rating.factors}


def at_utc(instant: datetime) -> datetime:
    """The same instant written in UTC."""
    return instant.astimezone(UTC)
