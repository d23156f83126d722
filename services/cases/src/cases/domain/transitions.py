"""The transition table as one pure function: (case, action, now, SLA policy) → the new case."""

from dataclasses import replace
from datetime import datetime
from typing import assert_never

from cases.domain.actions import (
    ALLOWED_FROM,
    Action,
    Assign,
    BreachSla,
    Close,
    Escalate,
    IllegalTransition,
    Reopen,
    Reroute,
    Resolve,
    Start,
)
from cases.domain.model import Case, Mechanism, Status, default_team, next_mechanism
from cases.domain.sla import SlaPolicy


def apply(case: Case, action: Action, now: datetime, sla: SlaPolicy) -> Case:
    """The case after `action` at `now`; raises IllegalTransition and leaves `case` as it was."""
    if now.tzinfo is None:
        raise ValueError("now needs an offset")
    if case.status not in ALLOWED_FROM[action.name]:
        raise IllegalTransition(action.name, case.status)
    match action:
        case Assign():
            return replace(case, team=action.team, officer=action.officer, team_assigned_by_person=True)
        case Start():
            return replace(case, status=Status.IN_PROGRESS)
        case Reroute():
            return _reroute(case, action, now, sla)
        case Escalate():
            return _escalate(case, action.name, now, sla)
        case BreachSla():
            return _breach(case, now, sla)
        case Resolve():
            return replace(case, status=Status.RESOLVED, outcome=action.outcome, resolved_at=now)
        case Close():
            return _close(case, action, now)
        case Reopen():
            return _reopen(case, now, sla)
        case _:
            assert_never(action)


def _moved(case: Case, mechanism: Mechanism, status: Status, now: datetime, sla: SlaPolicy) -> Case:
    """The case on `mechanism` with a fresh deadline; the team follows unless a person chose it."""
    team = case.team if case.team_assigned_by_person else default_team(mechanism)
    return replace(
        case, mechanism=mechanism, team=team, status=status, sla_deadline=sla.deadline(mechanism, now)
    )


def _reroute(case: Case, action: Reroute, now: datetime, sla: SlaPolicy) -> Case:
    # A reroute to the same mechanism would only reset the deadline: refuse it rather than hide a breach.
    if action.mechanism is case.mechanism:
        raise IllegalTransition(action.name, case.status, f"the case is already {case.mechanism.value}")
    return _moved(case, action.mechanism, case.status, now, sla)


def _escalate(case: Case, action_name: str, now: datetime, sla: SlaPolicy) -> Case:
    target = next_mechanism(case.mechanism)
    if target is None:
        raise IllegalTransition(action_name, case.status, "difficult is the highest mechanism")
    return _moved(case, target, Status.ESCALATED, now, sla)


def _breach(case: Case, now: datetime, sla: SlaPolicy) -> Case:
    # Refusing a breach that is not due makes a second scan (or a replica's) a no-op, not a double step.
    if not case.sla_due(now):
        raise IllegalTransition(BreachSla.name, case.status, "no unrecorded breach of the current deadline")
    recorded = replace(case, breached=True, last_breach_at=now)
    if next_mechanism(case.mechanism) is None:
        return recorded
    return _escalate(recorded, BreachSla.name, now, sla)


def _close(case: Case, action: Close, now: datetime) -> Case:
    return replace(
        case, status=Status.CLOSED, satisfaction=action.satisfaction, feedback=action.feedback, closed_at=now
    )


def _reopen(case: Case, now: datetime, sla: SlaPolicy) -> Case:
    # The old deadline has usually passed: a reopened case gets a fresh clock on its mechanism, and
    # the previous resolution stays only on the timeline.
    return replace(
        case,
        status=Status.REOPENED,
        sla_deadline=sla.deadline(case.mechanism, now),
        outcome=None,
        resolved_at=None,
        satisfaction=None,
        feedback=None,
        closed_at=None,
    )
