"""Lease rules: the end date approaching, passing, and renewal (DESIGN §3 default rules)."""

from datetime import UTC, date, datetime

import pytest

from risk.domain import Colour, Lease, RenewalStatus, apply_lease, rate
from risk.domain.config import DEFAULT_CONFIG
from tests.unit.risk.factories import NOW, codes, config_with, days_ago, enterprise, lease_ending_in, rated


@pytest.mark.parametrize(
    ("days_left", "colour", "factor"),
    [
        (181, Colour.BLUE, None),
        (180, Colour.YELLOW, "lease_ending"),
        (91, Colour.YELLOW, "lease_ending"),
        (90, Colour.ORANGE, "lease_ending_soon"),
        (0, Colour.ORANGE, "lease_ending_soon"),
        (-1, Colour.ORANGE, "lease_ended"),
        (-400, Colour.ORANGE, "lease_ended"),
    ],
)
def test_each_boundary_before_the_lease_end_gives_its_colour(days_left, colour, factor):
    rating = rated(enterprise(lease=lease_ending_in(days_left)))
    assert rating.colour is colour
    assert codes(rating) == ({factor} if factor else set())


def test_lease_ending_in_181_days_is_not_a_risk_factor_yet():
    rating = rated(enterprise(lease=lease_ending_in(181)))
    assert (rating.colour, rating.factors, rating.rule) == (Colour.BLUE, (), "no_risk_factor")


def test_lease_ending_in_sixty_days_turns_enterprise_orange():
    rating = rated(enterprise(lease=lease_ending_in(60)))
    assert rating.colour is Colour.ORANGE
    assert rating.rule == "floor:lease_ending_soon"


def test_lease_factor_evidence_gives_the_end_date_and_the_days_left():
    (factor,) = rated(enterprise(lease=lease_ending_in(60))).factors
    assert factor.evidence == {"lease_end": "2026-05-01", "days_left": 60, "renewal_status": "none"}
    assert (factor.weight, factor.contribution) == (35.0, 35.0)


def test_lease_already_ended_without_renewal_turns_enterprise_orange():
    rating = rated(enterprise(lease=lease_ending_in(-3)))
    assert rating.colour is Colour.ORANGE
    assert rating.factors[0].evidence["days_left"] == -3


def test_renewal_to_three_years_brings_an_orange_enterprise_back_to_blue():
    facts = enterprise(lease=lease_ending_in(60))
    orange = rated(facts)
    renewed = Lease(
        start=date(2026, 5, 2), end=date(2029, 5, 1), renewal_status=RenewalStatus.RENEWED, changed_at=NOW
    )
    rating = rated(apply_lease(facts, renewed), previous=orange)
    assert (orange.colour, rating.colour, rating.factors) == (Colour.ORANGE, Colour.BLUE, ())


def test_renewed_status_clears_the_lease_end_factors_before_the_new_end_is_known():
    rating = rated(enterprise(lease=lease_ending_in(30, RenewalStatus.RENEWED)))
    assert rating.colour is Colour.BLUE


def test_an_ended_lease_marked_renewed_is_not_an_ended_lease():
    assert rated(enterprise(lease=lease_ending_in(-10, RenewalStatus.RENEWED))).colour is Colour.BLUE


def test_negotiating_a_renewal_is_not_yet_a_renewal():
    rating = rated(enterprise(lease=lease_ending_in(60, RenewalStatus.NEGOTIATING)))
    assert rating.colour is Colour.ORANGE


def test_not_renewing_adds_its_own_factor_to_the_lease_end():
    rating = rated(enterprise(lease=lease_ending_in(120, RenewalStatus.NOT_RENEWING)))
    assert codes(rating) == {"lease_ending", "lease_not_renewing"}
    assert (rating.score, rating.colour) == (35.0, Colour.YELLOW)


def test_not_renewing_a_long_lease_is_a_factor_but_not_a_floor():
    rating = rated(enterprise(lease=lease_ending_in(700, RenewalStatus.NOT_RENEWING)))
    assert (codes(rating), rating.colour) == ({"lease_not_renewing"}, Colour.BLUE)


def test_days_are_counted_on_the_district_date_not_the_utc_date():
    # 20:00 UTC on 1 March is already 04:00 on 2 March in Shanghai: 90 days to 31 May, not 91.
    facts = enterprise(lease=lease_ending_in(90))
    evening_utc = datetime(2026, 3, 1, 20, 0, tzinfo=UTC)
    assert rate(facts, evening_utc, DEFAULT_CONFIG).colour is Colour.ORANGE
    assert rate(facts, evening_utc, DEFAULT_CONFIG, timezone="UTC").colour is Colour.YELLOW


def test_time_alone_moves_the_colour_as_the_end_approaches():
    facts = enterprise(lease=lease_ending_in(91))
    today, tomorrow = rated(facts), rated(facts, now=days_ago(-1))
    assert (today.colour, tomorrow.colour) == (Colour.YELLOW, Colour.ORANGE)


def test_day_thresholds_come_from_the_configuration():
    config = config_with(lease={"watch_days": 365, "urgent_days": 30})
    facts = enterprise(lease=lease_ending_in(200))
    assert rated(facts, config=config).colour is Colour.YELLOW
    assert rated(enterprise(lease=lease_ending_in(31)), config=config).colour is Colour.YELLOW
