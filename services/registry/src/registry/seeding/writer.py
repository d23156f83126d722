"""Write the seeded district through the registry's own use cases, so every row publishes its events."""

import random
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from itertools import islice
from typing import TypeVar
from uuid import UUID
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from registry.seeding.district import Placement, SeededEnterprise, buildings, enterprises
from registry.storage import buildings as stored_buildings
from registry.use_cases.buildings import create_building
from registry.use_cases.ids import NewId
from registry.use_cases.register import register_enterprise
from registry.use_cases.visits import record_visit

ACTOR = "district-registry seed"
# Enterprises per transaction: a crash loses at most one batch, and each batch commits in one go.
BATCH = 50
T = TypeVar("T")


@dataclass(frozen=True)
class Seed:
    seed: int
    buildings: int = 38
    enterprises: int = 1500


@dataclass
class SeedSummary:
    """What was written, counted as it streamed by."""

    buildings: int = 0
    enterprises: int = 0
    workers: int = 0
    visits: int = 0
    signals: int = 0
    leases_ending_within_90_days: int = 0
    leases_ending_within_180_days: int = 0

    def count(self, seeded: SeededEnterprise, today: date) -> None:
        self.enterprises += 1
        self.workers += seeded.registration.headcount or 0
        self.visits += len(seeded.visits)
        self.signals += sum(len(visit.signals) for visit in seeded.visits)
        end = seeded.lease.end
        self.leases_ending_within_90_days += end <= today + timedelta(days=90)
        self.leases_ending_within_180_days += end <= today + timedelta(days=180)


def seeded_ids(seed: int) -> NewId:
    """The ids of the seeded district, in the order the use cases ask for them."""
    rng = random.Random(f"ids/{seed}")
    return lambda: UUID(int=rng.getrandbits(128), version=4)


def _batches(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


async def already_there(session: AsyncSession, seed: Seed) -> bool:
    """Whether this seed's district was written before (its first building is there)."""
    return await stored_buildings.get_building(session, seeded_ids(seed.seed)()) is not None


async def seed_district(
    sessions: async_sessionmaker[AsyncSession],
    seed: Seed,
    now: datetime,
    zone: ZoneInfo,
    advance: Callable[[int], object] = lambda _: None,
) -> SeedSummary | None:
    """Write the district of `seed` as of `now`; None (and nothing written) when it is already there."""
    rng, new_id = random.Random(seed.seed), seeded_ids(seed.seed)
    async with sessions.begin() as session:
        if await already_there(session, seed):
            return None
        places = []
        for new in buildings(rng, seed.buildings):
            building = await create_building(session, new, now, new_id)
            places.append(Placement(building.id, new.floors or 1))
    summary, today = SeedSummary(buildings=len(places)), now.astimezone(zone).date()
    for batch in _batches(enterprises(rng, seed.enterprises, places, now, zone), BATCH):
        async with sessions.begin() as session:
            for seeded in batch:
                await _write(session, seeded, now, new_id)
                summary.count(seeded, today)
        advance(len(batch))
    return summary


async def _write(session: AsyncSession, seeded: SeededEnterprise, now: datetime, new_id: NewId) -> None:
    """Registration with its lease, then the visits, as staff would enter them over HTTP."""
    enterprise = await register_enterprise(session, seeded.registration, ACTOR, now, new_id)
    for visit in seeded.visits:
        await record_visit(session, enterprise.id, visit, ACTOR, now, new_id)
