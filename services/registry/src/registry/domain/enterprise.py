"""An enterprise of the district and the changes that happen to it; every change bumps `version`."""

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from typing import Any
from uuid import UUID

from registry.domain import credit_code
from registry.domain.errors import StateConflict
from registry.domain.leases import Lease, is_renewal

# What PATCH may change besides the location; the credit code is the enterprise's identity and stays.
DETAILS = (
    "name",
    "industry",
    "registered_in_district",
    "headcount",
    "key_enterprise",
    "has_party_organisation",
    "has_work_organisation",
    "contacts",
)


@dataclass(frozen=True)
class Contact:
    """A contact person: kept in the registry only, never put on a topic."""

    id: UUID
    name: str
    role: str | None = None
    phone: str | None = None
    email: str | None = None


@dataclass(frozen=True)
class Departure:
    """A confirmed departure from the district."""

    departed_on: date
    destination: str | None = None


@dataclass(frozen=True)
class Enterprise:
    """An enterprise as the registry knows it; `version` counts its changes, starting at 1."""

    id: UUID
    credit_code: str
    name: str
    building_id: UUID
    unit: str | None = None
    industry: str | None = None
    registered_in_district: bool | None = None
    headcount: int | None = None
    key_enterprise: bool = False
    has_party_organisation: bool | None = None
    has_work_organisation: bool | None = None
    contacts: tuple[Contact, ...] = ()
    lease: Lease | None = None
    departure: Departure | None = None
    version: int = 1

    @classmethod
    def register(
        cls, id: UUID, raw_credit_code: str, name: str, building_id: UUID, **details: Any
    ) -> "Enterprise":
        """A new enterprise; `RuleBroken` when its credit code is not a valid one."""
        return cls(id, credit_code.parse(raw_credit_code), name, building_id, **details)


@dataclass(frozen=True)
class Registered:
    """What happened, with the enterprise as it is afterwards (one contract event each)."""

    enterprise: Enterprise


@dataclass(frozen=True)
class Updated:
    enterprise: Enterprise
    changed: tuple[str, ...]


@dataclass(frozen=True)
class Moved:
    enterprise: Enterprise
    from_building_id: UUID
    from_unit: str | None


@dataclass(frozen=True)
class LeaseChanged:
    enterprise: Enterprise
    renewal: bool
    previous_end: date | None


@dataclass(frozen=True)
class Left:
    enterprise: Enterprise


Change = Registered | Updated | Moved | LeaseChanged | Left


def _next(enterprise: Enterprise, **changes: Any) -> Enterprise:
    return replace(enterprise, version=enterprise.version + 1, **changes)


def amend(enterprise: Enterprise, details: Mapping[str, Any]) -> Updated | None:
    """Change descriptive fields; None when nothing actually changes."""
    changed = tuple(
        name for name in DETAILS if name in details and details[name] != getattr(enterprise, name)
    )
    if not changed:
        return None
    return Updated(_next(enterprise, **{name: details[name] for name in changed}), changed)


def move(enterprise: Enterprise, building_id: UUID, unit: str | None) -> Moved | None:
    """Change building or unit; None when it stays where it is."""
    if (building_id, unit) == (enterprise.building_id, enterprise.unit):
        return None
    moved = _next(enterprise, building_id=building_id, unit=unit)
    return Moved(moved, enterprise.building_id, enterprise.unit)


def put_lease(enterprise: Enterprise, lease: Lease) -> list[Change]:
    """Replace the current lease; a lease of another unit moves the enterprise there first."""
    if lease == enterprise.lease:
        return []
    changes: list[Change] = []
    moved = move(enterprise, lease.building_id, lease.unit)
    if moved is not None:
        changes.append(moved)
        enterprise = moved.enterprise
    previous = enterprise.lease
    changed = _next(enterprise, lease=lease)
    changes.append(LeaseChanged(changed, is_renewal(previous, lease), previous.end if previous else None))
    return changes


def depart(enterprise: Enterprise, departure: Departure) -> Left:
    """The confirmed departure; an enterprise leaves only once."""
    if enterprise.departure is not None:
        raise StateConflict(
            "departed_on", f"enterprise {enterprise.id} already left on {enterprise.departure.departed_on}"
        )
    return Left(_next(enterprise, departure=departure))
