from datetime import date

import pytest

from district_shared.calendar import china_calendar, load_calendar, shipped_calendar_text

CHINA = china_calendar()


def test_the_shipped_calendar_covers_2026_officially_and_2027_provisionally():
    assert CHINA.covered_years == {2026, 2027}
    assert CHINA.provisional_years == {2027}


def test_the_shipped_text_parses_to_the_same_calendar():
    assert load_calendar(shipped_calendar_text()) == CHINA


@pytest.mark.parametrize(
    "day",
    [
        date(2026, 1, 1),
        date(2026, 1, 2),
        date(2026, 2, 16),  # Spring Festival's eve
        date(2026, 2, 20),
        date(2026, 2, 23),
        date(2026, 4, 6),
        date(2026, 5, 4),
        date(2026, 5, 5),
        date(2026, 6, 19),
        date(2026, 9, 25),
        date(2026, 10, 1),
        date(2026, 10, 7),
    ],
)
def test_the_2026_official_holidays_are_days_off(day):
    assert not CHINA.is_working_day(day)


@pytest.mark.parametrize(
    "day",
    [
        date(2026, 1, 4),
        date(2026, 2, 14),
        date(2026, 2, 28),
        date(2026, 5, 9),
        date(2026, 9, 20),
        date(2026, 10, 10),
    ],
)
def test_the_2026_make_up_weekend_days_are_working_days(day):
    assert CHINA.is_working_day(day)


def test_work_resumes_after_the_2026_spring_festival_on_tuesday_24_february():
    assert CHINA.next_working_day(date(2026, 2, 13)) == date(2026, 2, 14)
    assert CHINA.next_working_day(date(2026, 2, 14)) == date(2026, 2, 24)


def test_the_2027_statutory_days_are_days_off():
    assert not CHINA.is_working_day(date(2027, 2, 8))  # the third day of the Spring Festival, a Monday
    assert not CHINA.is_working_day(date(2027, 10, 5))
