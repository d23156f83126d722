"""Factories for the cases domain tests: a small 2026 calendar, the SLA policy, cases in any state."""

from dataclasses import replace
from datetime import datetime, timedelta, timezone
from typing import Any
from uuid import UUID
from zoneinfo import ZoneInfo

from cases.domain import Case, Kind, Mechanism, SlaPolicy, Status, Team
from district_shared.calendar import WorkingCalendar, load_calendar

SHANGHAI = ZoneInfo("Asia/Shanghai")
CST = timezone(timedelta(hours=8))
CASE_ID = UUID("00000000-0000-4000-8000-0000000000ca")
ENTERPRISE_ID = UUID("00000000-0000-4000-8000-0000000000e1")

# The official 2026 National Day week, written out here so the tests do not move when operators edit
# the shipped data file.
TEST_CALENDAR_TOML = """
weekend = ["saturday", "sunday"]

[years.2026]
status = "official"
holidays = [{ name = "national_day", first = 2026-10-01, last = 2026-10-07 }]
makeup_working_days = [2026-09-20, 2026-10-10]
"""


def district_calendar() -> WorkingCalendar:
    return load_calendar(TEST_CALENDAR_TOML)


def policy(**overrides: Any) -> SlaPolicy:
    return SlaPolicy(**{"calendar": district_calendar(), "timezone": SHANGHAI, **overrides})


def at(year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0) -> datetime:
    """An instant given in Shanghai time (UTC+8)."""
    return datetime(year, month, day, hour, minute, second, tzinfo=CST)


OPENED_AT = at(2026, 3, 2, 10)  # Monday 10:00
# Platform's five working days end at 24:00 on Friday 6 March; Monday 9 March is past the deadline.
PLATFORM_DEADLINE = at(2026, 3, 7)
AFTER_DEADLINE = at(2026, 3, 9, 10)


def make_case(**overrides: Any) -> Case:
    """An open `platform` need case worked by its default team, opened on Monday 2 March 2026."""
    fields: dict[str, Any] = {
        "id": CASE_ID,
        "enterprise_id": ENTERPRISE_ID,
        "kind": Kind.NEED,
        "mechanism": Mechanism.PLATFORM,
        "team": Team.GOVERNMENT_SERVICES,
        "status": Status.OPEN,
        "opened_at": OPENED_AT,
        "sla_deadline": PLATFORM_DEADLINE,
        "routing_rule": "catalogue_default",
    }
    return Case(**{**fields, **overrides})


def resolved(case: Case) -> Case:
    return replace(case, status=Status.RESOLVED, outcome="done", resolved_at=AFTER_DEADLINE)
