"""KPI arithmetic: rates and means over tallies that add up per group."""

from cases.domain.kpis import Tally


def test_the_resolution_rate_is_the_share_of_the_periods_cases_resolved_by_its_end():
    assert Tally(opened=8, resolved=6).resolution_rate == 0.75


def test_satisfaction_is_the_mean_of_the_closed_cases_ratings():
    assert Tally(closed=3, satisfaction_total=13).satisfaction == 13 / 3


def test_rates_are_unknown_rather_than_zero_when_nothing_happened():
    assert (Tally().resolution_rate, Tally().satisfaction) == (None, None)


def test_tallies_of_several_groups_add_up_field_by_field():
    total = Tally(1, 2, 3, 4, 5) + Tally(10, 20, 30, 40, 50)
    assert total == Tally(opened=11, resolved=22, backlog=33, closed=44, satisfaction_total=55)
