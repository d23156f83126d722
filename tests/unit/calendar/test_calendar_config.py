from datetime import date

import pytest

from district_shared.calendar import CalendarConfigError, calendar_from_dict, load_calendar


def test_a_holiday_period_covers_every_day_from_first_to_last():
    calendar = load_calendar(
        """
[years.2026]
status = "official"
holidays = [{ name = "labour_day", first = 2026-05-01, last = 2026-05-05 }]
"""
    )
    assert calendar.holidays == {date(2026, 5, day) for day in range(1, 6)}


def test_a_holiday_without_last_is_a_single_day():
    calendar = load_calendar(
        '[years.2027]\nstatus = "provisional"\nholidays = [{ name = "x", first = 2027-06-09 }]'
    )
    assert calendar.holidays == {date(2027, 6, 9)}


def test_provisional_years_are_reported_apart_from_official_ones():
    calendar = load_calendar('[years.2026]\nstatus = "official"\n[years.2027]\nstatus = "provisional"')
    assert calendar.covered_years == {2026, 2027}
    assert calendar.provisional_years == {2027}


def test_a_calendar_can_be_built_from_a_dict_with_iso_date_strings():
    calendar = calendar_from_dict(
        {"years": {"2026": {"status": "official", "makeup_working_days": ["2026-02-14"]}}}
    )
    assert calendar.is_working_day(date(2026, 2, 14))


def test_an_empty_configuration_is_plain_weekends():
    calendar = load_calendar("")
    assert calendar.is_working_day(date(2026, 10, 1))
    assert not calendar.is_working_day(date(2026, 10, 3))


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ('weekend = ["samedi"]', "weekend.0"),
        ("[years.2026]", "years.2026.status"),
        ('[years.2026]\nstatus = "draft"', "years.2026.status"),
        ('[years.2026]\nstatus = "official"\nholiday = []', "years.2026.holiday"),
        ('[years.2026]\nstatus = "official"\nholidays = [{ name = "x" }]', "years.2026.holidays.0.first"),
        (
            '[years.2026]\nstatus = "official"\nmakeup_working_days = ["soon"]',
            "years.2026.makeup_working_days.0",
        ),
        ('[years.twenty]\nstatus = "official"', "years.twenty"),
        ("colour = 1", "colour"),
    ],
)
def test_an_invalid_calendar_is_refused_with_the_key_named(text, key):
    with pytest.raises(CalendarConfigError, match=rf"^{key}[.:]"):
        load_calendar(text)


def test_a_holiday_ending_before_it_starts_is_refused():
    text = """
[years.2026]
status = "official"
holidays = [{ name = "x", first = 2026-05-05, last = 2026-05-01 }]
"""
    with pytest.raises(CalendarConfigError, match=r"years\.2026\.holidays\.0: last .* is before first"):
        load_calendar(text)


def test_a_make_up_day_that_is_not_a_weekend_day_is_refused():
    text = '[years.2026]\nstatus = "official"\nmakeup_working_days = [2026-03-02]'
    with pytest.raises(
        CalendarConfigError, match=r"years\.2026\.makeup_working_days: 2026-03-02 is not a weekend"
    ):
        load_calendar(text)


def test_a_make_up_day_that_is_also_a_holiday_is_refused():
    text = """
[years.2026]
status = "official"
holidays = [{ name = "x", first = 2026-10-01, last = 2026-10-10 }]
makeup_working_days = [2026-10-10]
"""
    with pytest.raises(CalendarConfigError, match="2026-10-10 is also a holiday"):
        load_calendar(text)


def test_text_that_is_not_toml_is_refused():
    with pytest.raises(CalendarConfigError, match="not valid TOML"):
        load_calendar("weekend = [")
