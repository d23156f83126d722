"""Translate what happened to a case into its contract event and its timeline details (no I/O)."""

from dataclasses import asdict
from typing import Any, assert_never

from cases.domain import (
    Action,
    Assign,
    BreachSla,
    Case,
    Close,
    Escalate,
    Reopen,
    Reroute,
    Resolve,
    Start,
)
from district_shared.contracts.cases import (
    CaseAssignedV1,
    CaseClosedV1,
    CaseEscalatedV1,
    CaseEvent,
    CaseOpenedV1,
    CaseReopenedV1,
    CaseReroutedV1,
    CaseResolvedV1,
    CaseStartedV1,
    SlaBreachedV1,
)


def _facts(case: Case, actor: str) -> dict[str, Any]:
    """What every case event carries (DESIGN §3): the case as it stands, and who changed it."""
    return {
        "case_id": case.id,
        "enterprise_id": case.enterprise_id,
        "kind": case.kind,
        "mechanism": case.mechanism,
        "team": case.team,
        "status": case.status,
        "sla_deadline": case.sla_deadline,
        "breached": case.breached,
        "routing_rule": case.routing_rule,
        "actor": actor,
    }


def opened_event(case: Case, actor: str) -> CaseOpenedV1:
    return CaseOpenedV1(**_facts(case, actor), need_id=case.need_id, category_code=case.category_code)


def transition_event(action: Action, before: Case, after: Case, actor: str) -> CaseEvent:
    """The event that announces `action`, which took the case from `before` to `after`."""
    facts = _facts(after, actor)
    match action:
        case Assign():
            return CaseAssignedV1(**facts, officer_id=after.officer)
        case Start():
            return CaseStartedV1(**facts)
        case Reroute(reason=reason):
            return CaseReroutedV1(**facts, from_mechanism=before.mechanism, reason=reason)
        case Escalate(reason=reason):
            return CaseEscalatedV1(**facts, from_mechanism=before.mechanism, reason=reason)
        case BreachSla():
            return SlaBreachedV1(**facts, deadline_missed=before.sla_deadline)
        case Resolve(outcome=outcome):
            return CaseResolvedV1(**facts, outcome=outcome)
        case Close(satisfaction=satisfaction):
            return CaseClosedV1(**facts, satisfaction=satisfaction)
        case Reopen(reason=reason):
            return CaseReopenedV1(**facts, reason=reason)
        case _:
            assert_never(action)


def transition_details(action: Action, before: Case, after: Case) -> dict[str, Any]:
    """The action's own fields, and the mechanism it moved the case from, for the timeline."""
    details = {name: value for name, value in asdict(action).items() if value is not None}
    if after.mechanism is not before.mechanism:
        details["from_mechanism"] = before.mechanism
    return details
