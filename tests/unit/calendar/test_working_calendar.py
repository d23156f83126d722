from datetime import date

import pytest

from district_shared.calendar import CalendarConfigError, WorkingCalendar, load_calendar

CALENDAR = load_calendar(
    """
[years.2026]
status = "official"
holidays = [
    { name = "qingming", first = 2026-04-04, last = 2026-04-06 },
    { name = "national_day", first = 2026-10-01, last = 2026-10-07 },
]
makeup_working_days = [2026-09-20, 2026-10-10]
"""
)


def test_weekdays_are_working_days():
    assert all(CALENDAR.is_working_day(date(2026, 3, day)) for day in range(2, 7))  # Monday to Friday


def test_saturday_and_sunday_are_not_working_days():
    assert not CALENDAR.is_working_day(date(2026, 3, 7))
    assert not CALENDAR.is_working_day(date(2026, 3, 8))


def test_a_holiday_on_a_weekday_is_not_a_working_day():
    assert not CALENDAR.is_working_day(date(2026, 4, 6))  # Monday, Qingming
    assert not CALENDAR.is_working_day(date(2026, 10, 5))


def test_a_make_up_saturday_is_a_working_day():
    assert CALENDAR.is_working_day(date(2026, 10, 10))


def test_a_make_up_sunday_is_a_working_day():
    assert CALENDAR.is_working_day(date(2026, 9, 20))


def test_next_working_day_skips_the_weekend():
    assert CALENDAR.next_working_day(date(2026, 3, 6)) == date(2026, 3, 9)


def test_next_working_day_is_strictly_after_the_given_day():
    assert CALENDAR.next_working_day(date(2026, 3, 2)) == date(2026, 3, 3)


def test_next_working_day_jumps_over_a_holiday_week():
    assert CALENDAR.next_working_day(date(2026, 9, 30)) == date(2026, 10, 8)


def test_next_working_day_lands_on_a_make_up_saturday():
    assert CALENDAR.next_working_day(date(2026, 10, 9)) == date(2026, 10, 10)


def test_working_day_on_or_after_keeps_a_working_day():
    assert CALENDAR.working_day_on_or_after(date(2026, 3, 4)) == date(2026, 3, 4)


def test_working_day_on_or_after_moves_a_holiday_forward():
    assert CALENDAR.working_day_on_or_after(date(2026, 4, 4)) == date(2026, 4, 7)


def test_adding_working_days_counts_only_working_days():
    assert CALENDAR.add_working_days(date(2026, 9, 30), 3) == date(2026, 10, 10)


def test_adding_zero_working_days_gives_the_day_back():
    assert CALENDAR.add_working_days(date(2026, 3, 7), 0) == date(2026, 3, 7)


def test_adding_a_negative_number_of_working_days_is_refused():
    with pytest.raises(ValueError, match="zero or more"):
        CALENDAR.add_working_days(date(2026, 3, 2), -1)


def test_a_year_outside_the_configuration_falls_back_to_plain_weekends():
    assert not CALENDAR.covers(date(2031, 10, 1))
    assert CALENDAR.is_working_day(date(2031, 10, 1))  # a Wednesday
    assert CALENDAR.covers(date(2026, 1, 1))


def test_a_calendar_without_any_working_day_fails_instead_of_searching_forever():
    never = WorkingCalendar(weekend=frozenset(range(7)))
    with pytest.raises(CalendarConfigError, match="no working day"):
        never.next_working_day(date(2026, 3, 2))


def test_a_configured_weekend_replaces_saturday_and_sunday():
    friday_weekend = load_calendar('weekend = ["friday"]')
    assert not friday_weekend.is_working_day(date(2026, 3, 6))
    assert friday_weekend.is_working_day(date(2026, 3, 7))
