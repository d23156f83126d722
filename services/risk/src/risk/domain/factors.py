"""The risk factors that hold for one enterprise at one instant, each with weight and evidence."""

from datetime import date, datetime, timedelta

from pydantic import BaseModel, ConfigDict

from risk.domain.codes import FactorCode, factor_order, signal_factor
from risk.domain.config import RiskConfig
from risk.domain.days import days_between
from risk.domain.facts import EnterpriseFacts, Lease, RenewalStatus
from risk.domain.signals import ActiveSignal

EvidenceValue = str | int | float | bool | None


class Factor(BaseModel):
    """One reason in a rating: its weight, what it adds to the score, and the plain facts behind it."""

    model_config = ConfigDict(frozen=True)

    code: FactorCode
    weight: float
    contribution: float
    evidence: dict[str, EvidenceValue]


def make_factor(
    code: FactorCode, config: RiskConfig, share: float, evidence: dict[str, EvidenceValue]
) -> Factor:
    """A factor contributing `share` (0 to 1) of its configured weight."""
    weight = config.weights.of(code)
    # Rounded so the score is stable across platforms and readable on the wire.
    return Factor(code=code, weight=weight, contribution=round(weight * share, 2), evidence=evidence)


def lease_factors(lease: Lease | None, today: date, config: RiskConfig) -> list[Factor]:
    """Factors from the lease in force: its end near or past without renewal, or renewal refused."""
    if lease is None:
        return []
    days_left = days_between(today, lease.end)
    evidence: dict[str, EvidenceValue] = {
        "lease_end": lease.end.isoformat(),
        "days_left": days_left,
        "renewal_status": lease.renewal_status.value,
    }
    found = []
    if lease.renewal_status is RenewalStatus.NOT_RENEWING:
        found.append(make_factor(FactorCode.LEASE_NOT_RENEWING, config, 1.0, evidence))
    timing = _lease_timing(days_left, config)
    if timing is not None and lease.renewal_status is not RenewalStatus.RENEWED:
        found.append(make_factor(timing, config, 1.0, evidence))
    return found


def _lease_timing(days_left: int, config: RiskConfig) -> FactorCode | None:
    """Which lease-end factor `days_left` falls in, if any."""
    if days_left < 0:
        return FactorCode.LEASE_ENDED
    if days_left <= config.lease.urgent_days:
        return FactorCode.LEASE_ENDING_SOON
    if days_left <= config.lease.watch_days:
        return FactorCode.LEASE_ENDING
    return None


def signal_factors(active: tuple[ActiveSignal, ...], config: RiskConfig) -> list[Factor]:
    """One factor per signal code, from its strongest active signal (repeats of a code do not add up)."""
    found = []
    for code in sorted({each.signal.code for each in active}):
        same = [each for each in active if each.signal.code is code]
        strongest = max(same, key=lambda each: (each.strength, each.signal.observed_at, each.signal.id))
        evidence: dict[str, EvidenceValue] = {
            "signal_id": strongest.signal.id,
            "observed_at": strongest.signal.observed_at.isoformat(),
            "strength": round(strongest.strength, 4),
            "active_signals": len(same),
        }
        found.append(make_factor(signal_factor(code), config, strongest.strength, evidence))
    return found


def headcount_factor(facts: EnterpriseFacts, now: datetime, config: RiskConfig) -> Factor | None:
    """A headcount fallen from its recent peak by at least the configured share."""
    points = [point for point in facts.headcounts if point.at <= now]
    if not points:
        return None
    start = now - timedelta(days=config.headcount.window_days)
    in_force_at_start = [point for point in points if point.at < start][-1:]
    peak = max(point.headcount for point in [*in_force_at_start, *(p for p in points if p.at >= start)])
    current = points[-1].headcount
    if peak < config.headcount.min_peak or (peak - current) / peak < config.headcount.drop_ratio:
        return None
    drop = round(100 * (peak - current) / peak, 1)
    evidence: dict[str, EvidenceValue] = {"headcount": current, "peak": peak, "drop_percent": drop}
    return make_factor(FactorCode.HEADCOUNT_DECLINE, config, 1.0, evidence)


def flag_factors(facts: EnterpriseFacts, config: RiskConfig) -> list[Factor]:
    """Factors from yes/no facts: a confirmed departure, an overdue retention case."""
    found = []
    if facts.departed is not None and facts.departed.value:
        departed: dict[str, EvidenceValue] = {"departed_at": facts.departed.at.isoformat()}
        found.append(make_factor(FactorCode.DEPARTED, config, 1.0, departed))
    overdue = [case for case in facts.retention_cases if case.overdue]
    if overdue:
        evidence: dict[str, EvidenceValue] = {
            "case_id": overdue[0].case_id,
            "overdue_since": min(case.at for case in overdue).isoformat(),
            "overdue_cases": len(overdue),
        }
        found.append(make_factor(FactorCode.RETENTION_CASE_OVERDUE, config, 1.0, evidence))
    return found


def collect_factors(
    facts: EnterpriseFacts, now: datetime, today: date, active: tuple[ActiveSignal, ...], config: RiskConfig
) -> tuple[Factor, ...]:
    """Every factor that holds, in a fixed order."""
    found = (
        lease_factors(facts.lease, today, config)
        + signal_factors(active, config)
        + flag_factors(facts, config)
    )
    headcount = headcount_factor(facts, now, config)
    if headcount is not None:
        found.append(headcount)
    return tuple(sorted(found, key=lambda factor: factor_order(factor.code)))
