"""SLA arithmetic (DESIGN §3): N working days end at 24:00 district time on the N-th working day."""

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from types import MappingProxyType

from cases.domain.model import Mechanism
from district_shared.calendar import WorkingCalendar

DEFAULT_CUTOFF = time(17, 0)
DEFAULT_SLA_WORKING_DAYS: Mapping[Mechanism, int] = MappingProxyType(
    {
        Mechanism.IMMEDIATE: 1,
        Mechanism.PLATFORM: 5,
        Mechanism.SPECIAL_CASE: 10,
        Mechanism.DIFFICULT: 20,
    }
)


def first_sla_day(opened_at: datetime, calendar: WorkingCalendar, cutoff: time) -> date:
    """Day 1: the opening day if it is a working day and the case opened before the cut-off."""
    day = opened_at.date()
    if calendar.is_working_day(day) and opened_at.time() < cutoff:
        return day
    return calendar.next_working_day(day)


def sla_deadline(
    opened_at: datetime,
    working_days: int,
    calendar: WorkingCalendar,
    tz: tzinfo,
    cutoff: time = DEFAULT_CUTOFF,
) -> datetime:
    """The instant (UTC) a clock of `working_days` started at `opened_at` runs out."""
    if opened_at.tzinfo is None:
        raise ValueError("opened_at needs an offset")
    if working_days < 1:
        raise ValueError("working_days must be at least 1")
    local = opened_at.astimezone(tz)
    last = calendar.add_working_days(first_sla_day(local, calendar, cutoff), working_days - 1)
    # 24:00 on the last day is 00:00 on the next calendar day, in district time.
    return datetime.combine(last + timedelta(days=1), time(0), tzinfo=tz).astimezone(UTC)


@dataclass(frozen=True)
class SlaPolicy:
    """Everything a deadline depends on: calendar, district time zone, cut-off, N per mechanism."""

    calendar: WorkingCalendar
    timezone: tzinfo
    cutoff: time = DEFAULT_CUTOFF
    working_days: Mapping[Mechanism, int] = field(default_factory=lambda: DEFAULT_SLA_WORKING_DAYS)

    def __post_init__(self) -> None:
        # Keep a read-only copy: the caller's dict must not change a frozen policy behind its back.
        object.__setattr__(self, "working_days", MappingProxyType(dict(self.working_days)))
        missing = [m.value for m in Mechanism if m not in self.working_days]
        if missing:
            raise ValueError(f"working_days lacks {', '.join(missing)}")
        if any(days < 1 for days in self.working_days.values()):
            raise ValueError("working_days must all be at least 1")

    def deadline(self, mechanism: Mechanism, start: datetime, working_days: int | None = None) -> datetime:
        """The deadline of a clock for `mechanism` started at `start` (N overridable by the catalogue)."""
        days = self.working_days[mechanism] if working_days is None else working_days
        return sla_deadline(start, days, self.calendar, self.timezone, self.cutoff)
