"""Needs raised by enterprises and employees, each for a service of the catalogue (DESIGN §1, §3)."""

from dataclasses import dataclass
from datetime import datetime
from typing import Literal
from uuid import UUID

from registry.domain.catalogue import CatalogueEntry, Mechanism
from registry.domain.errors import RuleBroken

Requester = Literal["enterprise", "employee"]
Channel = Literal["visit", "self_service", "hotline"]
# Who may ask for a service meant for each audience.
_SERVES = {"enterprise": ("enterprise", "organisation"), "employee": ("individual",)}


@dataclass(frozen=True)
class Terms:
    """What a need takes from its catalogue entry, kept as it was when the need was raised."""

    category_code: str
    default_mechanism: Mechanism
    sla_working_days: int
    solvable_on_spot: bool
    departments_involved: tuple[str, ...]


@dataclass(frozen=True)
class Need:
    id: UUID
    enterprise_id: UUID | None
    requester: Requester
    channel: Channel
    terms: Terms
    description: str
    raised_at: datetime
    key_enterprise: bool = False
    visit_id: UUID | None = None
    contact: str | None = None


def requester_of(enterprise_id: UUID | None) -> Requester:
    """An enterprise raises a need in its own name; without one it is an employee's personal need."""
    return "employee" if enterprise_id is None else "enterprise"


def terms_for(entry: CatalogueEntry, requester: Requester, field: str) -> Terms:
    """The entry's terms; `RuleBroken` at `field` when the service is meant for another audience."""
    if entry.audience not in _SERVES[requester]:
        raise RuleBroken(
            field,
            "wrong_audience",
            f"{entry.category_code} serves {entry.audience}s, not a need raised by an {requester}",
        )
    return Terms(
        entry.category_code,
        entry.default_mechanism,
        entry.sla_working_days,
        entry.solvable_on_spot,
        entry.departments_involved,
    )
