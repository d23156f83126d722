"""Red is reached only by a red rule, never by adding weights (DESIGN §3)."""

import itertools
import random

from risk.domain import (
    Colour,
    EnterpriseFacts,
    FactorCode,
    Lease,
    Rating,
    RenewalStatus,
    RiskConfig,
    SignalCode,
    apply_headcount,
)
from tests.unit.risk.factories import config_with, days_ago, enterprise, lease_ending_in, rated, signal

NON_RED_SIGNALS = [code for code in SignalCode if code is not SignalCode.DEREGISTRATION_INTENT]
LEASES: list[Lease | None] = [
    None,
    lease_ending_in(700, RenewalStatus.NOT_RENEWING),
    lease_ending_in(120),
    lease_ending_in(120, RenewalStatus.NOT_RENEWING),
    lease_ending_in(60),
    lease_ending_in(60, RenewalStatus.NEGOTIATING),
    lease_ending_in(-5),
    lease_ending_in(-5, RenewalStatus.NOT_RENEWING),
]
EVERY_WEIGHT_AT_MAX = config_with(weights={code.value: 100 for code in FactorCode})


def with_headcount_decline(facts: EnterpriseFacts) -> EnterpriseFacts:
    return apply_headcount(apply_headcount(facts, 100, days_ago(100)), 10, days_ago(1))


def every_combination_of_non_red_factors() -> list[EnterpriseFacts]:
    """Each lease state x each subset of the non-red signals x with or without a headcount decline."""
    combinations = []
    for lease, size in itertools.product(LEASES, range(len(NON_RED_SIGNALS) + 1)):
        for codes in itertools.combinations(NON_RED_SIGNALS, size):
            facts = enterprise(lease=lease, signals=[signal(code) for code in codes])
            combinations += [facts, with_headcount_decline(facts)]
    return combinations


def previous_ratings(facts: EnterpriseFacts, config: RiskConfig) -> list[Rating | None]:
    """No previous rating, or one whose band was the highest (orange), the most hysteresis can hold."""
    held = rated(facts, config=config).model_copy(update={"band": Colour.ORANGE, "colour": Colour.ORANGE})
    return [None, held]


def test_no_combination_of_non_red_factors_at_max_weight_reaches_red():
    colours = set()
    for facts in every_combination_of_non_red_factors():
        for previous in previous_ratings(facts, EVERY_WEIGHT_AT_MAX):
            rating = rated(facts, previous=previous, config=EVERY_WEIGHT_AT_MAX)
            colours.add(rating.colour)
            assert rating.colour is not Colour.RED, rating
    assert Colour.ORANGE in colours


def test_every_non_red_factor_at_once_at_max_weight_is_orange_with_a_full_score():
    facts = with_headcount_decline(
        enterprise(lease=LEASES[-1], signals=[signal(code) for code in NON_RED_SIGNALS])
    )
    rating = rated(facts, config=EVERY_WEIGHT_AT_MAX)
    assert (rating.score, rating.colour) == (100.0, Colour.ORANGE)
    assert len(rating.factors) == len(NON_RED_SIGNALS) + 3


def random_valid_config(draw: random.Random) -> RiskConfig:
    yellow = draw.uniform(1, 98)
    orange = draw.uniform(yellow + 1, 100)
    return config_with(
        hysteresis=draw.uniform(0, min(yellow, orange - yellow) * 0.99),
        bands={"yellow": yellow, "orange": orange},
        weights={code.value: draw.choice([0, draw.uniform(0, 100), 100]) for code in FactorCode},
    )


def test_no_valid_configuration_lets_the_score_reach_red():
    draw = random.Random(20260302)  # fixed seed: the same cases on every run
    for _ in range(300):
        config = random_valid_config(draw)
        lease = draw.choice(LEASES)
        codes = draw.sample(NON_RED_SIGNALS, draw.randint(0, len(NON_RED_SIGNALS)))
        facts = enterprise(lease=lease, signals=[signal(code) for code in codes])
        for previous in previous_ratings(facts, config):
            assert rated(facts, previous=previous, config=config).colour is not Colour.RED


def test_a_red_signal_without_its_red_floor_is_only_weight():
    config = config_with(
        weights={code.value: 100 for code in FactorCode},
        floors={"deregistration_intent": "blue", "departed": "blue"},
    )
    rating = rated(enterprise(signals=[signal(SignalCode.DEREGISTRATION_INTENT)]), config=config)
    assert (rating.score, rating.colour, rating.rule) == (100.0, Colour.ORANGE, "score_band")
