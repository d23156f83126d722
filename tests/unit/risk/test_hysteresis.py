"""Hysteresis: moving down a band needs the score 5 points below its lower edge; floors still apply."""

import pytest

from risk.domain import Colour, EnterpriseFacts, Rating, RenewalStatus, SignalCode, apply_lease
from tests.unit.risk.factories import NOW, config_with, enterprise, lease_ending_in, rated, signal


def facts_scoring(
    score: float, lease_days_left: int | None = None
) -> tuple[EnterpriseFacts, dict[str, float]]:
    """One fresh tax-arrears signal weighted to give exactly `score` (plus an optional, weightless lease)."""
    lease = lease_ending_in(lease_days_left) if lease_days_left is not None else None
    weights = {"tax_arrears": score, "lease_ending": 0, "lease_ending_soon": 0}
    return enterprise(lease=lease, signals=[signal(SignalCode.TAX_ARREARS)]), weights


def rate_score(score: float, previous: Rating | None = None, lease_days_left: int | None = None) -> Rating:
    facts, weights = facts_scoring(score, lease_days_left)
    return rated(facts, previous=previous, config=config_with(weights=weights))


def test_a_first_rating_takes_the_plain_band():
    assert rate_score(29).colour is Colour.BLUE


def test_going_up_needs_no_margin():
    assert rate_score(30, previous=rate_score(10)).colour is Colour.YELLOW


@pytest.mark.parametrize(
    ("score", "colour"), [(29, Colour.YELLOW), (25.01, Colour.YELLOW), (25, Colour.BLUE)]
)
def test_a_yellow_enterprise_leaves_yellow_only_five_points_below_the_edge(score, colour):
    assert rate_score(score, previous=rate_score(35)).colour is colour


@pytest.mark.parametrize(
    ("score", "colour"), [(56, Colour.ORANGE), (55, Colour.YELLOW), (26, Colour.YELLOW), (25, Colour.BLUE)]
)
def test_an_orange_enterprise_steps_down_only_past_each_margin(score, colour):
    assert rate_score(score, previous=rate_score(70)).colour is colour


def test_a_score_wobbling_around_the_edge_does_not_flap():
    previous = rate_score(31)
    colours = []
    for score in (29, 30.5, 27, 31, 26, 29.9):
        previous = rate_score(score, previous=previous)
        colours.append(previous.colour)
    assert colours == [Colour.YELLOW] * 6


def test_the_margin_comes_from_the_configuration():
    facts, weights = facts_scoring(27)
    previous = rate_score(35)
    assert rated(facts, previous=previous, config=config_with(weights=weights)).colour is Colour.YELLOW
    narrow = config_with(weights=weights, hysteresis=1)
    assert rated(facts, previous=previous, config=narrow).colour is Colour.BLUE


def test_floors_still_apply_when_the_score_falls_past_the_margin():
    rating = rate_score(10, previous=rate_score(70), lease_days_left=120)
    assert (rating.band, rating.colour, rating.rule) == (Colour.BLUE, Colour.YELLOW, "floor:lease_ending")


def test_a_floor_can_hold_the_colour_above_the_band_kept_by_hysteresis():
    rating = rate_score(27, previous=rate_score(35), lease_days_left=60)
    assert (rating.band, rating.colour) == (Colour.YELLOW, Colour.ORANGE)


def test_hysteresis_follows_the_band_so_a_lifted_floor_does_not_hold_the_colour_up():
    # Orange only by its lease floor, with a score of 57 (yellow band): once renewed, it is yellow at once.
    held_by_floor = rate_score(57, lease_days_left=60)
    facts, weights = facts_scoring(57, lease_days_left=60)
    renewed = apply_lease(facts, lease_ending_in(1000, RenewalStatus.RENEWED, changed_at=NOW))
    rating = rated(renewed, previous=held_by_floor, config=config_with(weights=weights))
    assert (held_by_floor.colour, held_by_floor.band, rating.colour) == (
        Colour.ORANGE,
        Colour.YELLOW,
        Colour.YELLOW,
    )
