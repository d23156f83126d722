"""What staff, the SLA clock and other services can do to a case, and where each is allowed from."""

from dataclasses import dataclass
from typing import ClassVar

from cases.domain.model import ACTIVE_STATUSES, Mechanism, Status, Team

SATISFACTION_RANGE = range(1, 6)


class IllegalTransition(Exception):
    """The action is not allowed from the case's status (HTTP 409); the case is left unchanged."""

    def __init__(self, action: str, status: Status, reason: str | None = None) -> None:
        self.action = action
        self.status = status
        self.reason = reason
        detail = f": {reason}" if reason else ""
        super().__init__(f"cannot {action} a case that is {status.value}{detail}")


class InvalidAction(ValueError):
    """An action's own field is out of range (HTTP 422); `field` is its JSON name."""

    def __init__(self, field: str, reason: str) -> None:
        self.field = field
        self.reason = reason
        super().__init__(f"{field}: {reason}")


@dataclass(frozen=True, kw_only=True)
class Assign:
    """Hand the case to a team (and optionally an officer); a person's choice survives escalation."""

    name: ClassVar[str] = "assign"
    team: Team
    officer: str | None = None


@dataclass(frozen=True, kw_only=True)
class Start:
    """Work has begun."""

    name: ClassVar[str] = "start"


@dataclass(frozen=True, kw_only=True)
class Reroute:
    """A person moves the case to another mechanism, up or down."""

    name: ClassVar[str] = "reroute"
    mechanism: Mechanism
    reason: str


@dataclass(frozen=True, kw_only=True)
class Escalate:
    """Move one mechanism up on a person's (or a red rating's) request."""

    name: ClassVar[str] = "escalate"
    reason: str


@dataclass(frozen=True, kw_only=True)
class BreachSla:
    """The SLA clock ran out: escalate one step, or only record it at `difficult`."""

    name: ClassVar[str] = "breach"


@dataclass(frozen=True, kw_only=True)
class Resolve:
    """The problem is solved."""

    name: ClassVar[str] = "resolve"
    outcome: str


@dataclass(frozen=True, kw_only=True)
class Close:
    """The enterprise confirmed the resolution and rated it."""

    name: ClassVar[str] = "close"
    satisfaction: int
    feedback: str | None = None

    def __post_init__(self) -> None:
        if self.satisfaction not in SATISFACTION_RANGE:
            raise InvalidAction("satisfaction", "must be an integer from 1 to 5")


@dataclass(frozen=True, kw_only=True)
class Reopen:
    """The problem came back after resolution or closing."""

    name: ClassVar[str] = "reopen"
    reason: str


Action = Assign | Start | Reroute | Escalate | BreachSla | Resolve | Close | Reopen
ACTIONS: tuple[type[Action], ...] = (Assign, Start, Reroute, Escalate, BreachSla, Resolve, Close, Reopen)

# DESIGN §3's transition table: the statuses each action is allowed from.
ALLOWED_FROM: dict[str, frozenset[Status]] = {
    Assign.name: ACTIVE_STATUSES,
    Start.name: frozenset({Status.OPEN, Status.ESCALATED, Status.REOPENED}),
    Reroute.name: ACTIVE_STATUSES,
    Escalate.name: ACTIVE_STATUSES,
    BreachSla.name: ACTIVE_STATUSES,
    Resolve.name: ACTIVE_STATUSES,
    Close.name: frozenset({Status.RESOLVED}),
    Reopen.name: frozenset({Status.RESOLVED, Status.CLOSED}),
}


def allowed_actions(status: Status) -> frozenset[str]:
    """The names of the actions allowed from `status`."""
    return frozenset(name for name, sources in ALLOWED_FROM.items() if status in sources)
