"""KPI periods in district days, the 12 months of verification, and shares."""

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from registry.domain.kpis import Period, Tally, a_year_before, share

SHANGHAI = ZoneInfo("Asia/Shanghai")


def test_a_period_runs_from_the_first_days_midnight_to_the_midnight_after_the_last_in_district_time():
    february = Period(date(2026, 2, 1), date(2026, 2, 28), SHANGHAI)
    assert february.start == datetime(2026, 1, 31, 16, 0, tzinfo=UTC)
    assert february.end == datetime(2026, 2, 28, 16, 0, tzinfo=UTC)


def test_verification_counts_in_the_twelve_months_that_end_with_the_period():
    assert Period(date(2026, 2, 1), date(2026, 2, 28), SHANGHAI).verification_start == datetime(
        2025, 2, 28, 16, 0, tzinfo=UTC
    )


def test_a_year_before_a_leap_day_is_the_28th_of_february():
    assert (a_year_before(date(2024, 2, 29)), a_year_before(date(2026, 3, 2))) == (
        date(2023, 2, 28),
        date(2025, 3, 2),
    )


def test_shares_are_none_when_there_is_nothing_to_measure():
    assert (share(1, 4), share(0, 0)) == (0.25, None)
    total = Tally(3, 2, 1) + Tally(1, 0, 1)
    assert (total, total.visit_coverage, total.base_data_completeness) == (Tally(4, 2, 2), 0.5, 0.5)
    assert Tally().visit_coverage is None
