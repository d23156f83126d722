"""District time: days are counted between dates in the district's time zone, not in UTC."""

from datetime import date, datetime, tzinfo
from zoneinfo import ZoneInfo

DISTRICT_TIMEZONE = "Asia/Shanghai"


def zone(name: str) -> tzinfo:
    """The time zone called `name` (IANA)."""
    return ZoneInfo(name)


def district_date(instant: datetime, district: tzinfo) -> date:
    """The calendar date of `instant` in the district."""
    return instant.astimezone(district).date()


def days_between(earlier: date, later: date) -> int:
    """Whole days from `earlier` to `later` (negative when `later` is before)."""
    return (later - earlier).days
