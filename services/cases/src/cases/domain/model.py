"""The case and its vocabulary (DESIGN §3): mechanisms, teams, kinds, statuses, colours."""

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from types import MappingProxyType
from uuid import UUID


class Mechanism(StrEnum):
    """The four handling mechanisms, declared in escalation order."""

    IMMEDIATE = "immediate"
    PLATFORM = "platform"
    SPECIAL_CASE = "special_case"
    DIFFICULT = "difficult"


class Team(StrEnum):
    """Who works a case."""

    BUILDING_STAFF = "building_staff"
    PROFESSIONAL_VOLUNTEERS = "professional_volunteers"
    GOVERNMENT_SERVICES = "government_services"


class Kind(StrEnum):
    """Where a case came from: a raised need, a rating, or staff."""

    NEED = "need"
    RETENTION = "retention"
    MANUAL = "manual"


class Status(StrEnum):
    """A case's place in its lifecycle."""

    OPEN = "open"
    IN_PROGRESS = "in_progress"
    ESCALATED = "escalated"
    RESOLVED = "resolved"
    CLOSED = "closed"
    REOPENED = "reopened"


class Colour(StrEnum):
    """Risk's five colours, lowest risk first."""

    GREEN = "green"
    BLUE = "blue"
    YELLOW = "yellow"
    ORANGE = "orange"
    RED = "red"


ESCALATION_ORDER: tuple[Mechanism, ...] = tuple(Mechanism)
DEFAULT_TEAM = MappingProxyType(
    {
        Mechanism.IMMEDIATE: Team.BUILDING_STAFF,
        Mechanism.PLATFORM: Team.GOVERNMENT_SERVICES,
        Mechanism.SPECIAL_CASE: Team.GOVERNMENT_SERVICES,
        Mechanism.DIFFICULT: Team.GOVERNMENT_SERVICES,
    }
)
# Statuses in which someone is still working the case and its SLA clock runs.
ACTIVE_STATUSES = frozenset({Status.OPEN, Status.IN_PROGRESS, Status.ESCALATED, Status.REOPENED})


def next_mechanism(mechanism: Mechanism) -> Mechanism | None:
    """The mechanism one step up, or None at `difficult`."""
    position = ESCALATION_ORDER.index(mechanism)
    return ESCALATION_ORDER[position + 1] if position + 1 < len(ESCALATION_ORDER) else None


def default_team(mechanism: Mechanism) -> Team:
    """The team that works a mechanism unless a person assigns another."""
    return DEFAULT_TEAM[mechanism]


@dataclass(frozen=True, kw_only=True)
class Case:
    """A case's current state; transitions return a new instance and never mutate this one."""

    id: UUID
    enterprise_id: UUID | None  # None for an employee's personal need
    kind: Kind
    mechanism: Mechanism
    team: Team
    status: Status
    opened_at: datetime
    sla_deadline: datetime
    routing_rule: str  # the rule that chose mechanism and team at opening
    need_id: UUID | None = None  # the raised need a `need` case answers
    category_code: str | None = None  # the catalogue category of the need (or of a manual case)
    description: str | None = None
    team_assigned_by_person: bool = False
    officer: str | None = None
    breached: bool = False  # sticky: the case has missed at least one deadline
    last_breach_at: datetime | None = None
    outcome: str | None = None
    resolved_at: datetime | None = None
    satisfaction: int | None = None
    feedback: str | None = None
    closed_at: datetime | None = None

    @property
    def is_active(self) -> bool:
        """True while the case is being worked (not resolved or closed)."""
        return self.status in ACTIVE_STATUSES

    def sla_due(self, now: datetime) -> bool:
        """True when the current deadline has passed and its breach is not recorded yet."""
        if not self.is_active or now < self.sla_deadline:
            return False
        # A breach recorded at or after the current deadline already covers it: record each deadline once.
        return self.last_breach_at is None or self.last_breach_at < self.sla_deadline
