"""The shared clock (DESIGN §4): every service reads 'now' from here, so tests can pin it."""

from collections.abc import Awaitable, Callable
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from fastapi import APIRouter
from pydantic import AwareDatetime, BaseModel

TickJob = Callable[[], Awaitable[object]]


class Clock:
    """Wall-clock time unless pinned; pinning is only reachable through the guarded test endpoints."""

    def __init__(self, timezone: str) -> None:
        self.zone = ZoneInfo(timezone)
        self._pinned: datetime | None = None

    def now(self) -> datetime:
        """The current instant, in UTC."""
        return self._pinned if self._pinned is not None else datetime.now(UTC)

    def today(self) -> date:
        """The current date in district time."""
        return self.now().astimezone(self.zone).date()

    def pin(self, at: datetime) -> None:
        """Freeze the clock at `at` (must carry an offset)."""
        if at.tzinfo is None:
            raise ValueError("a pinned time needs an offset")
        self._pinned = at.astimezone(UTC)


class Ticker:
    """The service's timer jobs (SLA scan, re-evaluation), runnable at once through POST /_test/tick."""

    def __init__(self) -> None:
        self._jobs: dict[str, TickJob] = {}

    def register(self, name: str, job: TickJob) -> None:
        self._jobs[name] = job

    async def run_all(self) -> dict[str, object]:
        return {name: await job() for name, job in self._jobs.items()}


class ClockIn(BaseModel):
    now: AwareDatetime


class ClockOut(BaseModel):
    now: datetime


class TickOut(BaseModel):
    ran: dict[str, object]


def clock_control_router(clock: Clock, ticker: Ticker) -> APIRouter:
    """Test-only endpoints; mounted only when `<SERVICE>_CLOCK_CONTROL=true`."""
    router = APIRouter(prefix="/_test", tags=["test clock"])

    @router.put("/clock")
    async def pin_clock(body: ClockIn) -> ClockOut:
        clock.pin(body.now)
        return ClockOut(now=clock.now())

    @router.post("/tick")
    async def tick() -> TickOut:
        return TickOut(ran=await ticker.run_all())

    return router
