"""Door-to-door visits and the signals staff observe on them (DESIGN §1, §3)."""

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Literal, get_args
from uuid import UUID

from registry.domain.errors import RuleBroken, StateConflict

SignalCode = Literal[
    "lease_expiring",
    "relocation_intent",
    "expansion_plan",
    "new_entity_plan",
    "headcount_change",
    "tax_arrears",
    "complaint",
    "deregistration_intent",
]
Team = Literal["building_staff", "professional_volunteers", "government_services"]
# The base-data fields a visitor can check, by their JSON names on the enterprise resource.
VerifiableField = Literal[
    "credit_code",
    "name",
    "building_id",
    "unit",
    "industry",
    "registered_in_district",
    "headcount",
    "key_enterprise",
    "has_party_organisation",
    "has_work_organisation",
    "contacts",
    "lease",
]
VERIFIABLE: tuple[VerifiableField, ...] = get_args(VerifiableField)


@dataclass(frozen=True)
class Visit:
    """One door-to-door visit; the visitor's name and the notes stay in the registry."""

    id: UUID
    enterprise_id: UUID
    building_id: UUID
    visited_at: datetime
    team: Team
    visitor: str
    notes: str | None
    verified_fields: tuple[VerifiableField, ...]


@dataclass(frozen=True)
class Signal:
    """A sign of risk observed at an enterprise; it counts until it is resolved."""

    id: UUID
    enterprise_id: UUID
    code: SignalCode
    observed_at: datetime
    details: str | None = None
    visit_id: UUID | None = None
    resolved_at: datetime | None = None
    resolution: str | None = None

    @property
    def active(self) -> bool:
        return self.resolved_at is None


def not_in_the_future(field: str, at: datetime, now: datetime) -> datetime:
    """`at` itself; `RuleBroken` when it lies after `now` (nobody observes tomorrow)."""
    if at > now:
        raise RuleBroken(field, "in_the_future", f"{at.isoformat()} is after now ({now.isoformat()})")
    return at


def verified(fields: Iterable[VerifiableField]) -> tuple[VerifiableField, ...]:
    """The fields a visit checked, each once, in the order first given."""
    return tuple(dict.fromkeys(fields))


def resolve(signal: Signal, reason: str, at: datetime) -> Signal:
    """The signal resolved at `at`; a signal is resolved only once."""
    if not signal.active:
        raise StateConflict("signal_id", f"signal {signal.id} was already resolved at {signal.resolved_at}")
    return replace(signal, resolved_at=at, resolution=reason)
