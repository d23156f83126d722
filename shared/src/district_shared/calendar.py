"""Working days (DESIGN §3): weekends, official holidays and make-up working days, from configuration."""

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from importlib import resources
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

WeekdayName = Literal["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
WEEKDAY_NAMES: tuple[WeekdayName, ...] = (
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
)
SHIPPED_CALENDAR = "holidays_cn.toml"
# A calendar with no working day in a whole year is misconfigured: fail instead of searching forever.
MAX_DAYS_WITHOUT_WORK = 366


class CalendarConfigError(ValueError):
    """The calendar configuration is invalid; the message names the offending key."""


@dataclass(frozen=True, kw_only=True)
class WorkingCalendar:
    """Which dates are working days; dates are district dates, never instants."""

    holidays: frozenset[date] = frozenset()
    makeup_working_days: frozenset[date] = frozenset()
    weekend: frozenset[int] = frozenset({5, 6})  # date.weekday() numbers, Monday = 0
    covered_years: frozenset[int] = frozenset()
    provisional_years: frozenset[int] = frozenset()

    def is_working_day(self, day: date) -> bool:
        """True for a weekday that is no holiday, or a make-up working day."""
        if day in self.makeup_working_days:
            return True
        return day.weekday() not in self.weekend and day not in self.holidays

    def next_working_day(self, day: date) -> date:
        """The first working day strictly after `day`."""
        return self.working_day_on_or_after(day + timedelta(days=1))

    def working_day_on_or_after(self, day: date) -> date:
        """`day` itself if it is a working day, otherwise the next one."""
        candidate = day
        for _ in range(MAX_DAYS_WITHOUT_WORK):
            if self.is_working_day(candidate):
                return candidate
            candidate += timedelta(days=1)
        raise CalendarConfigError(f"no working day within {MAX_DAYS_WITHOUT_WORK} days of {day}")

    def add_working_days(self, day: date, count: int) -> date:
        """`day` moved forward by `count` working days (0 gives `day` back unchanged)."""
        if count < 0:
            raise ValueError("count must be zero or more")
        for _ in range(count):
            day = self.next_working_day(day)
        return day

    def covers(self, day: date) -> bool:
        """Whether the configuration lists `day`'s year (outside it only weekends count)."""
        return day.year in self.covered_years


class _HolidayPeriod(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1)
    first: date
    last: date | None = None

    @model_validator(mode="after")
    def _ordered(self) -> "_HolidayPeriod":
        if self.last is not None and self.last < self.first:
            raise ValueError(f"last ({self.last}) is before first ({self.first})")
        return self

    def days(self) -> set[date]:
        last = self.last or self.first
        return {self.first + timedelta(days=n) for n in range((last - self.first).days + 1)}


class _Year(BaseModel):
    model_config = ConfigDict(extra="forbid")

    status: Literal["official", "provisional"]
    source: str = ""
    holidays: list[_HolidayPeriod] = []
    makeup_working_days: list[date] = []


class _CalendarFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    weekend: list[WeekdayName] = ["saturday", "sunday"]
    years: dict[int, _Year] = {}

    @model_validator(mode="after")
    def _makeup_days_are_weekend_days_off(self) -> "_CalendarFile":
        weekend = {WEEKDAY_NAMES.index(name) for name in self.weekend}
        for year, block in self.years.items():
            holidays = {day for period in block.holidays for day in period.days()}
            for day in block.makeup_working_days:
                if day.weekday() not in weekend:
                    raise ValueError(f"years.{year}.makeup_working_days: {day} is not a weekend day")
                if day in holidays:
                    raise ValueError(f"years.{year}.makeup_working_days: {day} is also a holiday")
        return self

    def to_calendar(self) -> WorkingCalendar:
        blocks = self.years.values()
        provisional = {year for year, block in self.years.items() if block.status == "provisional"}
        return WorkingCalendar(
            holidays=frozenset(day for block in blocks for period in block.holidays for day in period.days()),
            makeup_working_days=frozenset(day for block in blocks for day in block.makeup_working_days),
            weekend=frozenset(WEEKDAY_NAMES.index(name) for name in self.weekend),
            covered_years=frozenset(self.years),
            provisional_years=frozenset(provisional),
        )


def describe_validation_error(error: ValidationError) -> str:
    """One line per problem, each led by the dotted key it is about."""
    lines = []
    for problem in error.errors():
        key = ".".join(str(part) for part in problem["loc"])
        message = problem["msg"].removeprefix("Value error, ")
        lines.append(f"{key}: {message}" if key else message)
    return "; ".join(lines)


def calendar_from_dict(data: Mapping[str, Any]) -> WorkingCalendar:
    """Build a calendar from already-parsed configuration (the TOML file's shape)."""
    try:
        return _CalendarFile.model_validate(dict(data)).to_calendar()
    except ValidationError as error:
        raise CalendarConfigError(describe_validation_error(error)) from None


def load_calendar(text: str) -> WorkingCalendar:
    """Build a calendar from TOML text (see holidays_cn.toml for the format)."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise CalendarConfigError(f"not valid TOML: {error}") from None
    return calendar_from_dict(data)


def shipped_calendar_text() -> str:
    """The TOML of the calendar shipped with the library (China, current and next year)."""
    return resources.files("district_shared").joinpath(SHIPPED_CALENDAR).read_text(encoding="utf-8")


@cache
def china_calendar() -> WorkingCalendar:
    """The shipped calendar for mainland China, parsed once."""
    return load_calendar(shipped_calendar_text())
