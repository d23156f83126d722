"""What risk knows about one enterprise: facts with their own effective times, in a canonical form."""

from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Annotated

from pydantic import AfterValidator, AwareDatetime, BaseModel, ConfigDict, Field


def _to_utc(instant: datetime) -> datetime:
    return instant.astimezone(UTC)


def as_instant(instant: datetime) -> datetime:
    """`instant` in UTC; an instant without an offset is refused (it would be ambiguous)."""
    if instant.tzinfo is None or instant.utcoffset() is None:
        raise ValueError(f"{instant.isoformat()} has no offset")
    return _to_utc(instant)


# Stored in UTC so that the same instant is the same value whatever offset it arrived with:
# equal facts then compare, sort and serialise identically, whatever the arrival order.
Instant = Annotated[AwareDatetime, AfterValidator(_to_utc)]


class RenewalStatus(StrEnum):
    """Where a lease's renewal stands, as registry reports it."""

    NONE = "none"
    NEGOTIATING = "negotiating"
    RENEWED = "renewed"
    NOT_RENEWING = "not_renewing"


class SignalCode(StrEnum):
    """Kinds of signal staff capture on a visit."""

    LEASE_EXPIRING = "lease_expiring"
    RELOCATION_INTENT = "relocation_intent"
    EXPANSION_PLAN = "expansion_plan"
    NEW_ENTITY_PLAN = "new_entity_plan"
    HEADCOUNT_CHANGE = "headcount_change"
    TAX_ARREARS = "tax_arrears"
    COMPLAINT = "complaint"
    DEREGISTRATION_INTENT = "deregistration_intent"


class _Fact(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Lease(_Fact):
    """One lease change: the lease as it stands after the change made at `changed_at`."""

    start: date
    end: date
    renewal_status: RenewalStatus = RenewalStatus.NONE
    changed_at: Instant
    # The source's own sequence number of the change (registry's enterprise version): it orders two
    # changes stamped with the same instant, which a pinned or coarse clock produces.
    revision: int = Field(0, ge=0)


class Signal(_Fact):
    """A signal reported on an enterprise; `resolved_at` when the report already says it is resolved."""

    id: str
    code: SignalCode
    observed_at: Instant
    resolved_at: Instant | None = None


class SignalResolution(_Fact):
    """A signal was resolved at `at` (may arrive before the signal itself)."""

    signal_id: str
    at: Instant


class Stamped(_Fact):
    """A yes/no fact and the time it took this value."""

    value: bool
    at: Instant


class CaseOverdue(_Fact):
    """Whether one retention case is overdue, as of `at`."""

    case_id: str
    overdue: bool
    at: Instant


class HeadcountPoint(_Fact):
    """The enterprise's headcount as reported at `at`."""

    at: Instant
    headcount: int = Field(ge=0)
    revision: int = Field(0, ge=0, description="Orders two reports stamped with the same instant.")


class EnterpriseFacts(_Fact):
    """Everything the rating reads about one enterprise; empty for one not seen yet (a placeholder)."""

    leases: tuple[Lease, ...] = ()
    signals: tuple[Signal, ...] = ()
    resolutions: tuple[SignalResolution, ...] = ()
    last_visit_at: Instant | None = None
    key_enterprise: Stamped | None = None
    departed: Stamped | None = None
    retention_cases: tuple[CaseOverdue, ...] = ()
    headcounts: tuple[HeadcountPoint, ...] = ()

    @property
    def lease(self) -> Lease | None:
        """The lease in force: the latest change by its own time."""
        return self.leases[-1] if self.leases else None

    @property
    def is_key_enterprise(self) -> bool:
        """Whether the latest key-enterprise fact says so."""
        return self.key_enterprise is not None and self.key_enterprise.value
