"""From factors and score to a colour: bands with hysteresis, floors, the red rules, earned green."""

from datetime import date, tzinfo

from risk.domain.codes import FactorCode
from risk.domain.colours import Colour, at_least, rank
from risk.domain.config import Bands, RiskConfig
from risk.domain.days import days_between, district_date
from risk.domain.factors import Factor
from risk.domain.facts import EnterpriseFacts
from risk.domain.signals import ActiveSignal


def score_band(score: float, bands: Bands) -> Colour:
    """The band a score falls in, ignoring history (never green, never red)."""
    colour = Colour.BLUE
    for band, edge in bands.edges():
        if score >= edge:
            colour = band
    return colour


def band_with_hysteresis(score: float, previous_band: Colour | None, config: RiskConfig) -> Colour:
    """The score band, except that a band is left downward only `hysteresis` points below its edge."""
    raw = score_band(score, config.bands)
    if previous_band is None or rank(previous_band) <= rank(raw):
        return raw
    # Walk down from the previous band: the first band the score is still close enough to holds.
    for band, edge in reversed(config.bands.edges()):
        if rank(raw) < rank(band) <= rank(previous_band) and score > edge - config.hysteresis:
            return band
    return raw


def highest_floor(factors: tuple[Factor, ...], config: RiskConfig) -> tuple[Colour, Factor | None]:
    """The highest floor above blue among the factors, with the first factor imposing it."""
    best: tuple[Colour, Factor | None] = (Colour.BLUE, None)
    for factor in factors:
        floor = config.floors.of(factor.code)
        if rank(floor) > rank(best[0]):
            best = (floor, factor)
    return best


def earns_green(
    facts: EnterpriseFacts,
    active: tuple[ActiveSignal, ...],
    today: date,
    district: tzinfo,
    config: RiskConfig,
) -> bool:
    """A recent visit, no active signal and a long lease left (DESIGN §3)."""
    lease, visit = facts.lease, facts.last_visit_at
    if lease is None or visit is None or active:
        return False
    visited_recently = days_between(district_date(visit, district), today) <= config.green.visit_within_days
    return visited_recently and days_between(today, lease.end) > config.green.min_lease_days_left


def escalates_to_red(colour: Colour, factors: tuple[Factor, ...], config: RiskConfig) -> bool:
    """The compound red rule: an overdue retention case on an enterprise already orange (by default)."""
    overdue = any(factor.code is FactorCode.RETENTION_CASE_OVERDUE for factor in factors)
    return overdue and at_least(colour, config.escalation.overdue_retention_case_from)


def colour_of(factors: tuple[Factor, ...], band: Colour, config: RiskConfig) -> tuple[Colour, str]:
    """Colour = max(band, highest floor), then the red rules; with the rule that decided it."""
    floor, imposed_by = highest_floor(factors, config)
    if imposed_by is not None and rank(floor) >= rank(band):
        colour, rule = floor, f"floor:{imposed_by.code.value}"
    else:
        colour, rule = band, "score_band"
    if colour is not Colour.RED and escalates_to_red(colour, factors, config):
        return Colour.RED, f"red_rule:{FactorCode.RETENTION_CASE_OVERDUE.value}"
    return colour, rule
