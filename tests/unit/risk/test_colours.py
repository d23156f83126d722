"""Every colour is reachable, blue is the default and green is earned (DESIGN §3)."""

import pytest

from risk.domain import (
    Colour,
    EnterpriseFacts,
    SignalCode,
    apply_departure,
    apply_headcount,
    apply_retention_case,
    resolve_signal,
)
from tests.unit.risk.factories import (
    codes,
    config_with,
    days_ago,
    enterprise,
    green_enterprise,
    lease_ending_in,
    rated,
    signal,
)


def test_an_enterprise_risk_knows_nothing_about_is_blue():
    rating = rated(EnterpriseFacts())
    assert (rating.colour, rating.score, rating.factors, rating.rule) == (
        Colour.BLUE,
        0.0,
        (),
        "no_risk_factor",
    )


def test_a_recent_visit_a_long_lease_and_no_signal_earn_green():
    rating = rated(green_enterprise())
    assert (rating.colour, rating.rule) == (Colour.GREEN, "green")


@pytest.mark.parametrize(("visited_days_ago", "colour"), [(180, Colour.GREEN), (181, Colour.BLUE)])
def test_green_needs_a_visit_in_the_last_180_days(visited_days_ago, colour):
    assert rated(enterprise(lease=lease_ending_in(730), visited_days_ago=visited_days_ago)).colour is colour


@pytest.mark.parametrize(("days_left", "colour"), [(366, Colour.GREEN), (365, Colour.BLUE)])
def test_green_needs_more_than_365_days_left_on_the_lease(days_left, colour):
    assert rated(enterprise(lease=lease_ending_in(days_left), visited_days_ago=1)).colour is colour


def test_an_enterprise_never_visited_is_blue_not_green():
    assert rated(enterprise(lease=lease_ending_in(730))).colour is Colour.BLUE


def test_an_enterprise_without_a_known_lease_is_blue_not_green():
    assert rated(enterprise(visited_days_ago=1)).colour is Colour.BLUE


def test_an_active_signal_stands_in_the_way_of_green():
    facts = enterprise(lease=lease_ending_in(730), signals=[signal(SignalCode.COMPLAINT)], visited_days_ago=1)
    rating = rated(facts)
    assert (rating.colour, codes(rating)) == (Colour.BLUE, {"complaint"})


def test_a_resolved_signal_no_longer_stands_in_the_way_of_green():
    complaint = signal(SignalCode.COMPLAINT, observed_days_ago=10)
    facts = enterprise(lease=lease_ending_in(730), signals=[complaint], visited_days_ago=1)
    assert rated(resolve_signal(facts, complaint.id, days_ago(2))).colour is Colour.GREEN


def test_signals_adding_up_to_the_yellow_band_turn_enterprise_yellow():
    facts = enterprise(signals=[signal(SignalCode.TAX_ARREARS), signal(SignalCode.COMPLAINT)])
    rating = rated(facts)
    assert (rating.score, rating.colour, rating.rule) == (30.0, Colour.YELLOW, "score_band")


def test_signals_adding_up_to_the_orange_band_turn_enterprise_orange():
    many = [SignalCode.TAX_ARREARS, SignalCode.COMPLAINT, SignalCode.EXPANSION_PLAN]
    many += [SignalCode.NEW_ENTITY_PLAN, SignalCode.HEADCOUNT_CHANGE]
    rating = rated(enterprise(signals=[signal(code) for code in many]))
    assert (rating.score, rating.colour, rating.rule) == (60.0, Colour.ORANGE, "score_band")


def test_a_relocation_intent_turns_enterprise_orange():
    rating = rated(enterprise(signals=[signal(SignalCode.RELOCATION_INTENT)]))
    assert (rating.score, rating.colour, rating.rule) == (40.0, Colour.ORANGE, "floor:relocation_intent")


def test_a_deregistration_intent_turns_enterprise_red():
    rating = rated(enterprise(signals=[signal(SignalCode.DEREGISTRATION_INTENT)]))
    assert (rating.colour, rating.rule) == (Colour.RED, "floor:deregistration_intent")


def test_a_confirmed_departure_turns_enterprise_red():
    rating = rated(apply_departure(green_enterprise(), True, days_ago(1)))
    assert (rating.colour, rating.rule) == (Colour.RED, "floor:departed")
    assert rating.factors[0].evidence == {"departed_at": "2026-03-01T02:00:00+00:00"}


def test_an_orange_enterprise_with_an_overdue_retention_case_turns_red():
    facts = apply_retention_case(enterprise(lease=lease_ending_in(60)), "case-1", True, days_ago(1))
    rating = rated(facts)
    assert (rating.colour, rating.rule) == (Colour.RED, "red_rule:retention_case_overdue")


def test_a_yellow_enterprise_with_an_overdue_retention_case_stays_yellow():
    facts = apply_retention_case(enterprise(lease=lease_ending_in(120)), "case-1", True, days_ago(1))
    assert rated(facts).colour is Colour.YELLOW


def test_resolving_the_overdue_case_brings_red_back_to_orange():
    overdue = apply_retention_case(enterprise(lease=lease_ending_in(60)), "case-1", True, days_ago(2))
    resolved = apply_retention_case(overdue, "case-1", False, days_ago(1))
    assert (rated(overdue).colour, rated(resolved).colour) == (Colour.RED, Colour.ORANGE)


def test_an_overdue_case_alone_keeps_an_enterprise_blue_not_green():
    rating = rated(apply_retention_case(green_enterprise(), "case-1", True, days_ago(1)))
    assert (rating.colour, codes(rating)) == (Colour.BLUE, {"retention_case_overdue"})


def test_the_escalation_colour_comes_from_the_configuration():
    config = config_with(escalation={"overdue_retention_case_from": "yellow"})
    facts = apply_retention_case(enterprise(lease=lease_ending_in(120)), "case-1", True, days_ago(1))
    assert rated(facts, config=config).colour is Colour.RED


def test_a_floor_above_the_band_decides_and_a_band_above_the_floor_decides():
    lease_and_relocation = enterprise(
        lease=lease_ending_in(120), signals=[signal(SignalCode.RELOCATION_INTENT)]
    )
    rating = rated(lease_and_relocation)
    assert (rating.score, rating.colour, rating.rule) == (60.0, Colour.ORANGE, "floor:relocation_intent")
    by_band = rated(enterprise(lease=lease_ending_in(120), signals=[signal(SignalCode.TAX_ARREARS)]))
    assert (by_band.score, by_band.colour, by_band.rule) == (40.0, Colour.YELLOW, "floor:lease_ending")


def test_the_score_is_capped_at_100():
    every_signal = [signal(code) for code in SignalCode]
    rating = rated(enterprise(lease=lease_ending_in(-5), signals=every_signal))
    assert rating.score == 100.0
    assert sum(factor.contribution for factor in rating.factors) > 100


def test_headcount_fallen_by_a_third_from_its_peak_is_a_factor():
    facts = apply_headcount(apply_headcount(EnterpriseFacts(), 90, days_ago(200)), 60, days_ago(10))
    (factor,) = rated(facts).factors
    assert (factor.code, factor.evidence) == (
        "headcount_decline",
        {"headcount": 60, "peak": 90, "drop_percent": 33.3},
    )


def test_a_small_fall_or_a_small_enterprise_is_not_a_headcount_factor():
    small_fall = apply_headcount(apply_headcount(EnterpriseFacts(), 100, days_ago(200)), 75, days_ago(10))
    tiny = apply_headcount(apply_headcount(EnterpriseFacts(), 9, days_ago(200)), 1, days_ago(10))
    assert (rated(small_fall).factors, rated(tiny).factors) == ((), ())


def test_a_peak_older_than_the_window_no_longer_counts():
    old_peak = apply_headcount(EnterpriseFacts(), 100, days_ago(500))
    facts = apply_headcount(apply_headcount(old_peak, 60, days_ago(400)), 60, days_ago(10))
    assert rated(facts).factors == ()
    # ...but the headcount in force when the window opens does.
    in_force = apply_headcount(apply_headcount(EnterpriseFacts(), 100, days_ago(500)), 60, days_ago(10))
    assert codes(rated(in_force)) == {"headcount_decline"}


def test_factors_are_listed_in_a_fixed_order():
    facts = enterprise(
        lease=lease_ending_in(60), signals=[signal(SignalCode.COMPLAINT), signal(SignalCode.TAX_ARREARS)]
    )
    assert [factor.code.value for factor in rated(facts).factors] == [
        "lease_ending_soon",
        "tax_arrears",
        "complaint",
    ]


@pytest.mark.parametrize(
    ("facts", "colour"),
    [
        (green_enterprise(), Colour.GREEN),
        (enterprise(lease=lease_ending_in(400)), Colour.BLUE),
        (enterprise(lease=lease_ending_in(150)), Colour.YELLOW),
        (enterprise(lease=lease_ending_in(45)), Colour.ORANGE),
        (enterprise(signals=[signal(SignalCode.DEREGISTRATION_INTENT)]), Colour.RED),
    ],
    ids=["green", "blue", "yellow", "orange", "red"],
)
def test_every_colour_is_reachable(facts, colour):
    assert rated(facts).colour is colour
