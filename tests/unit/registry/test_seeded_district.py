"""The seeded district as generated: one seed, one district; streamed; valid codes; leases and visits
where the issue wants them."""

import random
import time
import uuid
from datetime import UTC, datetime, timedelta
from itertools import islice
from zoneinfo import ZoneInfo

from registry.domain import credit_code as codes
from registry.seeding.district import Placement, SeededEnterprise, buildings, credit_code, enterprises
from registry.seeding.writer import seeded_ids

NOW = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)
SHANGHAI = ZoneInfo("Asia/Shanghai")
PLACES = [Placement(uuid.uuid4(), floors) for floors in (20, 45, 60)]


def district(seed: int, count: int = 400) -> list[SeededEnterprise]:
    return list(enterprises(random.Random(seed), count, PLACES, NOW, SHANGHAI))


def test_one_seed_gives_one_district_and_another_seed_another():
    assert district(7) == district(7)
    assert list(buildings(random.Random(7), 38)) == list(buildings(random.Random(7), 38))
    assert [e.registration.credit_code for e in district(7)] != [
        e.registration.credit_code for e in district(8)
    ]
    same, again = seeded_ids(7), seeded_ids(7)
    assert [same() for _ in range(3)] == [again() for _ in range(3)] != [seeded_ids(8)() for _ in range(3)]


def test_enterprises_stream_one_at_a_time_however_many_are_asked_for():
    started = time.perf_counter()
    first = list(islice(enterprises(random.Random(1), 10**9, PLACES, NOW, SHANGHAI), 3))
    assert len(first) == 3 and time.perf_counter() - started < 1


def test_credit_codes_are_valid_and_never_repeat():
    made = [credit_code(n, offset=123_456) for n in range(50_000)]
    assert len(set(made)) == len(made)
    assert all(codes.parse(code) == code for code in made[::97])
    assert all(code.startswith("91310106") for code in made)


def test_leases_run_from_the_past_and_some_end_within_90_and_180_days():
    today = NOW.astimezone(SHANGHAI).date()
    leases = [e.lease for e in district(11, 2000)]
    assert all(lease.start < today < lease.end for lease in leases)
    ends = [(lease.end - today).days for lease in leases]
    assert 60 <= sum(days <= 90 for days in ends) <= 140
    assert 100 <= sum(90 < days <= 180 for days in ends) <= 180
    assert max(ends) <= 5 * 365
    assert all(e.registration.unit == e.lease.unit for e in district(11, 50))


def test_visits_come_before_now_oldest_first_and_signals_are_few():
    seeded = district(12, 2000)
    for enterprise in seeded:
        times = [visit.visited_at for visit in enterprise.visits]
        assert times == sorted(times) and all(NOW - timedelta(days=731) < t < NOW for t in times)
    signals = [s.code for e in seeded for v in e.visits for s in v.signals]
    assert 20 <= len(signals) <= 200
    assert 25_000 <= sum(e.registration.headcount or 0 for e in seeded) * 1500 / 2000 <= 35_000
