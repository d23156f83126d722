"""What a rating does to an enterprise's retention case (DESIGN §3 "Retention cases")."""

from dataclasses import dataclass

from cases.domain.actions import IllegalTransition, Reopen
from cases.domain.model import Case, Colour, Kind, Status, next_mechanism
from cases.domain.routing import RoutingDecision, RoutingRules, route_retention

ALARM_COLOURS = frozenset({Colour.ORANGE, Colour.RED})


@dataclass(frozen=True)
class OpenRetentionCase:
    """Open a new retention case with this routing (SLA from the rating's ce_time)."""

    routing: RoutingDecision


@dataclass(frozen=True)
class ReopenRetentionCase:
    """Reopen the resolved retention case."""


@dataclass(frozen=True)
class AddTimelineEntry:
    """Only note the rating on the case's timeline."""


@dataclass(frozen=True)
class AddTimelineEntryAndEscalate:
    """Note the rating on the timeline and escalate the case one mechanism up."""


@dataclass(frozen=True)
class NoRetentionAction:
    """Nothing to do: no case, and none to open."""

    reason: str


RetentionDecision = (
    OpenRetentionCase
    | ReopenRetentionCase
    | AddTimelineEntry
    | AddTimelineEntryAndEscalate
    | NoRetentionAction
)


def decide_retention(
    current: Case | None, to: Colour, *, departed: bool, key_enterprise: bool, rules: RoutingRules
) -> RetentionDecision:
    """The effect of a rating to `to` on the enterprise's not-closed retention case (`current`, if any)."""
    if current is None:
        return _without_case(to, departed=departed, key_enterprise=key_enterprise, rules=rules)
    if current.kind is not Kind.RETENTION or current.status is Status.CLOSED:
        raise ValueError("current must be the enterprise's not-closed retention case")
    # A rating never reroutes down, resets a deadline, resolves or closes: it only reopens or notes,
    # and a red one pushes an open case one step up.
    if to not in ALARM_COLOURS:
        return AddTimelineEntry()
    if current.status is Status.RESOLVED:
        return ReopenRetentionCase()
    if to is Colour.RED and next_mechanism(current.mechanism) is not None:
        return AddTimelineEntryAndEscalate()
    return AddTimelineEntry()


def _without_case(
    to: Colour, *, departed: bool, key_enterprise: bool, rules: RoutingRules
) -> RetentionDecision:
    if to not in ALARM_COLOURS:
        return NoRetentionAction(f"a {to.value} rating opens no case")
    if departed:
        return NoRetentionAction("the enterprise has left the district")
    return OpenRetentionCase(route_retention(to, key_enterprise, rules))


def check_reopen(case: Case, current: Case | None) -> None:
    """Staff reopening a retention case: refused while the enterprise has another not-closed one."""
    if case.kind is Kind.RETENTION and current is not None and current.id != case.id:
        raise IllegalTransition(
            Reopen.name, case.status, f"the enterprise already has retention case {current.id} not closed"
        )
