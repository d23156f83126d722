"""The seeded district, generated one building and one enterprise at a time (never held whole).

Everything comes from `random.Random(seed)` and the given day, so one seed always gives one district.
Pure: it only describes the district as the use cases' commands; `writer` writes them.
"""

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from uuid import UUID
from zoneinfo import ZoneInfo

from registry.domain.credit_code import ALPHABET, check_character, organisation_check_character
from registry.domain.visits import VERIFIABLE, SignalCode, Team, VerifiableField
from registry.seeding import names
from registry.settings import DEFAULT_MANDATORY_FIELDS
from registry.use_cases.commands import (
    ContactIn,
    LeaseIn,
    NewBuilding,
    RecordVisit,
    RegisterEnterprise,
    SignalIn,
)

# Jing'an district's administrative division code; "91": a company registered with market regulation.
DIVISION = "310106"
_BODIES = len(ALPHABET) ** 8
# Not a multiple of 31, so coprime to 31**8: enterprise n gets body n*STEP (mod 31**8), each one unique.
_STEP = 7_368_787
SIGNALS: tuple[SignalCode, ...] = (
    "relocation_intent", "expansion_plan", "new_entity_plan", "headcount_change", "tax_arrears", "complaint",
)  # fmt: skip


@dataclass(frozen=True)
class SeededEnterprise:
    """One enterprise as the staff would enter it: registration with its lease, then visits in time order."""

    registration: RegisterEnterprise
    visits: tuple[RecordVisit, ...]

    @property
    def lease(self) -> LeaseIn:
        assert self.registration.lease is not None, "every seeded enterprise has a lease"
        return self.registration.lease


@dataclass(frozen=True)
class Placement:
    """Where enterprises can go: a building (by the id it was given) and its number of floors."""

    building_id: UUID
    floors: int


def credit_code(n: int, offset: int) -> str:
    """A valid, unique credit code for enterprise `n` (GB 32100 and GB 11714 check characters)."""
    value, body = (n * _STEP + offset) % _BODIES, ""
    for _ in range(8):
        value, digit = divmod(value, len(ALPHABET))
        body = ALPHABET[digit] + body
    first17 = "91" + DIVISION + body + organisation_check_character(body)
    return first17 + check_character(first17)


def buildings(rng: random.Random, count: int) -> Iterator[NewBuilding]:
    """`count` office buildings; names repeat with a tower number beyond the list."""
    for n in range(count):
        tower, base = divmod(n, len(names.BUILDINGS))
        name = names.BUILDINGS[base] + (f" Tower {tower + 1}" if tower else "")
        street = names.STREETS[n % len(names.STREETS)]
        yield NewBuilding(
            name=name,
            address=f"{100 + 37 * n} {street}",
            floors=rng.randint(18, 70),
            has_service_station=n % 3 == 0,
        )


def enterprises(
    rng: random.Random, count: int, places: list[Placement], now: datetime, zone: ZoneInfo
) -> Iterator[SeededEnterprise]:
    """`count` enterprises spread over `places`, with leases from `now`'s day and visits before it."""
    offset, today = rng.randrange(_BODIES), now.astimezone(zone).date()
    for n in range(count):
        place = rng.choice(places)
        unit = f"{rng.randint(2, place.floors)}{rng.randint(1, 12):02d}"
        lease = _lease(rng, unit, today)
        visits = _visits(rng, lease, now, zone)
        yield SeededEnterprise(_registration(rng, credit_code(n, offset), place, lease), visits)


def _maybe(rng: random.Random, true: float, false: float) -> bool | None:
    """True, False or unknown (None), with these chances."""
    draw = rng.random()
    return True if draw < true else False if draw < true + false else None


def _registration(rng: random.Random, code: str, place: Placement, lease: LeaseIn) -> RegisterEnterprise:
    industry = rng.choice(list(names.INDUSTRIES))
    brand = rng.choice(names.SYLLABLES) + rng.choice(names.SYLLABLES).lower()
    person = f"{rng.choice(names.SURNAMES)} {rng.choice(names.GIVEN_NAMES)}"
    contact = ContactIn(
        name=person,
        role=rng.choice(names.ROLES),
        phone=f"+86 21 {rng.randint(5000, 6999)} {rng.randint(1000, 9999)}",
    )
    return RegisterEnterprise(
        credit_code=code,
        name=f"Shanghai {brand} {names.INDUSTRIES[industry]} Co., Ltd.",
        building_id=place.building_id,
        unit=lease.unit,
        industry=industry,
        registered_in_district=_maybe(rng, 0.9, 0.07),
        # Log-normal: most firms are small, a few large; about 20 people on average.
        headcount=max(1, min(3000, round(rng.lognormvariate(2.4, 1.1)))),
        key_enterprise=rng.random() < 0.05,
        has_party_organisation=_maybe(rng, 0.3, 0.5),
        has_work_organisation=_maybe(rng, 0.35, 0.45),
        contacts=[contact],
        lease=lease,
    )


def _lease(rng: random.Random, unit: str, today: date) -> LeaseIn:
    """A lease running from the past; 5% end within 90 days, 7% more within 180, the rest up to 5 years."""
    band = rng.random()
    days = (
        rng.randint(1, 90) if band < 0.05 else rng.randint(91, 180) if band < 0.12 else rng.randint(181, 1825)
    )
    statuses = (
        ("none", "negotiating", "negotiating", "not_renewing")
        if days <= 180
        else ("none",) * 4 + ("renewed",)
    )
    return LeaseIn(
        unit=unit,
        start=today - timedelta(days=rng.randint(30, 6 * 365)),
        end=today + timedelta(days=days),
        renewal_status=rng.choice(statuses),
    )


def _visits(rng: random.Random, lease: LeaseIn, now: datetime, zone: ZoneInfo) -> tuple[RecordVisit, ...]:
    """0 to 3 visits over the last two years, oldest first; signals only on the latest."""
    count = rng.choices((0, 1, 2, 3), weights=(10, 45, 35, 10))[0]
    days_ago = sorted(rng.sample(range(1, 731), count), reverse=True)
    visits = [_visit(rng, now.astimezone(zone).date() - timedelta(days=d), zone) for d in days_ago]
    if visits:
        visits[-1] = visits[-1].model_copy(
            update={"signals": _signals(rng, lease, visits[-1].visited_at, now)}
        )
    return tuple(visits)


def _visit(rng: random.Random, day: date, zone: ZoneInfo) -> RecordVisit:
    at = datetime.combine(day, time(rng.randint(9, 17), rng.choice((0, 15, 30, 45))), zone).astimezone(UTC)
    team: Team = rng.choices(
        ("building_staff", "government_services", "professional_volunteers"), (80, 15, 5)
    )[0]
    return RecordVisit(
        visited_at=at,
        team=team,
        visitor=f"{rng.choice(names.SURNAMES)} {rng.choice(names.GIVEN_NAMES)}",
        verified_fields=_verified(rng),
    )


def _verified(rng: random.Random) -> list[VerifiableField]:
    """Mostly every mandatory field (and maybe more); otherwise a few fields."""
    if rng.random() < 0.7:
        others = [f for f in VERIFIABLE if f not in DEFAULT_MANDATORY_FIELDS]
        return [*DEFAULT_MANDATORY_FIELDS, *rng.sample(others, rng.randint(0, 3))]
    return rng.sample(VERIFIABLE, rng.randint(1, 6))


def _signals(rng: random.Random, lease: LeaseIn, seen: datetime, now: datetime) -> list[SignalIn]:
    """Half the recently visited leases ending within 90 days have a lease signal; 3% another one."""
    if (lease.end - seen.date()).days <= 90 and now - seen < timedelta(days=90) and rng.random() < 0.5:
        return [SignalIn(code="lease_expiring", details="Renewal terms not agreed yet")]
    draw = rng.random()
    if draw < 0.002:
        return [SignalIn(code="deregistration_intent")]
    return [SignalIn(code=rng.choice(SIGNALS))] if draw < 0.03 else []
