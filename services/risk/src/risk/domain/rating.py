"""The rating: a pure function of (facts, now, configuration, previous rating)."""

from datetime import datetime

from pydantic import BaseModel, ConfigDict

from risk.domain.colours import Colour
from risk.domain.config import MAX_SCORE, RiskConfig
from risk.domain.days import DISTRICT_TIMEZONE, district_date, zone
from risk.domain.factors import Factor, collect_factors
from risk.domain.facts import EnterpriseFacts, as_instant
from risk.domain.rules import band_with_hysteresis, colour_of, earns_green
from risk.domain.signals import active_signals


class Rating(BaseModel):
    """A computed colour with the score and factors that explain it."""

    model_config = ConfigDict(frozen=True)

    colour: Colour
    score: float
    # The score band after hysteresis; the next rating's hysteresis starts from it, not from the
    # colour, so a colour held up by a floor does not also hold the band up once the floor goes.
    band: Colour
    rule: str
    factors: tuple[Factor, ...]


def rate(
    facts: EnterpriseFacts,
    now: datetime,
    config: RiskConfig,
    previous: Rating | None = None,
    *,
    timezone: str = DISTRICT_TIMEZONE,
) -> Rating:
    """Rate one enterprise at `now`; `previous` is its last computed rating (for hysteresis)."""
    now = as_instant(now)
    district = zone(timezone)
    today = district_date(now, district)
    active = active_signals(facts, now, config, district)
    factors = collect_factors(facts, now, today, active, config)
    score = min(MAX_SCORE, round(sum(factor.contribution for factor in factors), 2))
    band = band_with_hysteresis(score, previous.band if previous else None, config)
    if factors:
        colour, rule = colour_of(factors, band, config)
    elif earns_green(facts, active, today, district, config):
        colour, rule = Colour.GREEN, "green"
    else:
        colour, rule = Colour.BLUE, "no_risk_factor"
    return Rating(colour=colour, score=score, band=band, rule=rule, factors=factors)
