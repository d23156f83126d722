from datetime import UTC, datetime, time

import pytest

from cases.domain import DEFAULT_SLA_WORKING_DAYS, Mechanism, SlaPolicy, sla_deadline
from tests.unit.cases.factories import SHANGHAI, at, district_calendar, policy

CALENDAR = district_calendar()


def deadline(opened_at: datetime, working_days: int, cutoff: time = time(17)) -> datetime:
    return sla_deadline(opened_at, working_days, CALENDAR, SHANGHAI, cutoff)


def test_immediate_opened_before_the_cut_off_ends_at_midnight_the_same_working_day():
    assert deadline(at(2026, 3, 2, 10), 1) == at(2026, 3, 3)


def test_one_second_before_the_cut_off_still_counts_the_opening_day():
    assert deadline(at(2026, 3, 2, 16, 59, 59), 1) == at(2026, 3, 3)


def test_a_case_opened_exactly_at_the_cut_off_starts_on_the_next_working_day():
    assert deadline(at(2026, 3, 2, 17), 1) == at(2026, 3, 4)


def test_a_case_opened_after_the_cut_off_on_a_friday_ends_on_monday():
    assert deadline(at(2026, 3, 6, 18), 1) == at(2026, 3, 10)


def test_five_working_days_from_a_friday_morning_end_on_thursday_night():
    assert deadline(at(2026, 3, 6, 10), 5) == at(2026, 3, 13)


def test_a_case_opened_on_a_saturday_starts_on_monday():
    assert deadline(at(2026, 3, 7, 10), 1) == at(2026, 3, 10)


def test_a_case_opened_after_the_cut_off_before_a_holiday_week_starts_after_it():
    assert deadline(at(2026, 9, 30, 18), 1) == at(2026, 10, 9)


def test_a_case_opened_during_a_holiday_starts_on_the_first_working_day_after_it():
    assert deadline(at(2026, 10, 3, 9), 1) == at(2026, 10, 9)


def test_the_working_days_jump_the_holiday_and_include_the_make_up_saturday():
    # 30 September, 8, 9, 10 (make-up Saturday) and 12 October.
    assert deadline(at(2026, 9, 30, 10), 5) == at(2026, 10, 13)


def test_a_case_opened_on_a_make_up_sunday_counts_that_sunday():
    assert deadline(at(2026, 9, 20, 10), 1) == at(2026, 9, 21)


def test_the_cut_off_is_read_in_district_time_not_utc():
    assert deadline(datetime(2026, 3, 2, 8, 30, tzinfo=UTC), 1) == at(2026, 3, 3)  # 16:30 in Shanghai
    assert deadline(datetime(2026, 3, 2, 9, 30, tzinfo=UTC), 1) == at(2026, 3, 4)  # 17:30 in Shanghai


def test_the_opening_day_is_the_district_date_not_the_utc_date():
    # Sunday 20:00 UTC is Monday 04:00 in Shanghai.
    assert deadline(datetime(2026, 3, 1, 20, tzinfo=UTC), 1) == at(2026, 3, 3)


def test_the_deadline_is_returned_in_utc():
    result = deadline(at(2026, 3, 2, 10), 1)
    assert result.tzinfo is UTC
    assert result == datetime(2026, 3, 2, 16, tzinfo=UTC)


def test_a_custom_cut_off_moves_the_boundary():
    assert deadline(at(2026, 3, 2, 15), 1, cutoff=time(14)) == at(2026, 3, 4)


def test_an_opening_time_without_an_offset_is_refused():
    with pytest.raises(ValueError, match="offset"):
        deadline(datetime(2026, 3, 2, 10), 1)


def test_zero_working_days_is_refused():
    with pytest.raises(ValueError, match="at least 1"):
        deadline(at(2026, 3, 2, 10), 0)


def test_the_default_working_days_per_mechanism_are_1_5_10_and_20():
    assert dict(DEFAULT_SLA_WORKING_DAYS) == {
        Mechanism.IMMEDIATE: 1,
        Mechanism.PLATFORM: 5,
        Mechanism.SPECIAL_CASE: 10,
        Mechanism.DIFFICULT: 20,
    }


def test_the_policy_uses_each_mechanisms_working_days():
    sla = policy()
    opened = at(2026, 3, 2, 10)
    assert sla.deadline(Mechanism.IMMEDIATE, opened) == at(2026, 3, 3)
    assert sla.deadline(Mechanism.PLATFORM, opened) == at(2026, 3, 7)
    assert sla.deadline(Mechanism.SPECIAL_CASE, opened) == at(2026, 3, 14)
    assert sla.deadline(Mechanism.DIFFICULT, opened) == at(2026, 3, 28)


def test_the_policy_takes_an_explicit_number_of_working_days_over_the_mechanisms():
    assert policy().deadline(Mechanism.PLATFORM, at(2026, 3, 2, 10), working_days=2) == at(2026, 3, 4)


def test_the_policy_applies_its_cut_off():
    assert policy(cutoff=time(9)).deadline(Mechanism.IMMEDIATE, at(2026, 3, 2, 10)) == at(2026, 3, 4)


def test_a_policy_missing_a_mechanism_is_refused():
    with pytest.raises(ValueError, match="lacks difficult"):
        SlaPolicy(
            calendar=CALENDAR,
            timezone=SHANGHAI,
            working_days={Mechanism.IMMEDIATE: 1, Mechanism.PLATFORM: 5, Mechanism.SPECIAL_CASE: 10},
        )


def test_a_policy_with_zero_working_days_is_refused():
    with pytest.raises(ValueError, match="at least 1"):
        SlaPolicy(
            calendar=CALENDAR,
            timezone=SHANGHAI,
            working_days={**DEFAULT_SLA_WORKING_DAYS, Mechanism.DIFFICULT: 0},
        )
