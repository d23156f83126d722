"""Lease rules: one current lease per enterprise (v1); a change whose end moves later is a renewal."""

from dataclasses import dataclass
from datetime import date
from typing import Literal
from uuid import UUID

from registry.domain.errors import RuleBroken

RenewalStatus = Literal["none", "negotiating", "renewed", "not_renewing"]


@dataclass(frozen=True)
class Lease:
    """The lease of a unit: its term and where renewal talks stand."""

    building_id: UUID
    unit: str
    start: date
    end: date
    renewal_status: RenewalStatus = "none"

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise RuleBroken(
                "end", "end_before_start", f"the lease ends ({self.end}) before it starts ({self.start})"
            )


def is_renewal(previous: Lease | None, new: Lease) -> bool:
    """A lease change is a renewal when it moves the end later."""
    return previous is not None and new.end > previous.end
