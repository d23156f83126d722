"""Base-data and visit KPIs: periods of district days, the 12-month window, shares."""

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo


@dataclass(frozen=True)
class Period:
    """District days `first`…`last` (both included), as the UTC instants [start, end) storage compares."""

    first: date
    last: date
    zone: ZoneInfo

    @property
    def start(self) -> datetime:
        return midnight(self.first, self.zone)

    @property
    def end(self) -> datetime:
        return midnight(self.last + timedelta(days=1), self.zone)

    @property
    def verification_start(self) -> datetime:
        """Start of the 12 months that end with the period: a field verified since then counts."""
        return midnight(a_year_before(self.last) + timedelta(days=1), self.zone)


def midnight(day: date, zone: ZoneInfo) -> datetime:
    """The instant a district day begins, in UTC."""
    return datetime.combine(day, time(0), zone).astimezone(UTC)


def a_year_before(day: date) -> date:
    """The same day a year earlier (28 February for 29 February)."""
    try:
        return day.replace(year=day.year - 1)
    except ValueError:
        return day.replace(year=day.year - 1, day=28)


def share(part: int, whole: int) -> float | None:
    """part / whole, or None when there is nothing to measure."""
    return part / whole if whole else None


@dataclass(frozen=True)
class Tally:
    """Counts over a set of enterprises: how many, how many visited, how many with complete base data."""

    enterprises: int = 0
    visited: int = 0
    complete: int = 0

    def __add__(self, other: "Tally") -> "Tally":
        return Tally(
            self.enterprises + other.enterprises, self.visited + other.visited, self.complete + other.complete
        )

    @property
    def visit_coverage(self) -> float | None:
        return share(self.visited, self.enterprises)

    @property
    def base_data_completeness(self) -> float | None:
        return share(self.complete, self.enterprises)
