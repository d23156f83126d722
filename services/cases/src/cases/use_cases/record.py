"""Write a change of a case: its row, its timeline entry and its event, in the caller's transaction."""

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from cases.domain import Action, Case
from cases.storage import cases, timeline
from cases.use_cases.announce import opened_event, transition_details, transition_event
from cases.use_cases.trigger import Trigger
from district_shared.contracts.cases import CaseEvent
from district_shared.outbox import add_event

OPENED = "open"
NOTED = "rating"  # a rating that only leaves a note on the enterprise's retention case


async def record_opening(
    session: AsyncSession, case: Case, trigger: Trigger, details: dict[str, Any]
) -> None:
    """Store a new case, its first timeline entry and `case opened`."""
    await cases.add(session, case)
    entry = {"routing_rule": case.routing_rule, **details}
    await timeline.add(session, case, OPENED, trigger.actor, trigger.at, entry)
    await _announce(session, opened_event(case, trigger.actor), trigger)


async def record_transition(
    session: AsyncSession, action: Action, before: Case, after: Case, trigger: Trigger
) -> None:
    """Store the case after `action`, its timeline entry and the event that announces it."""
    await cases.save(session, after)
    details = transition_details(action, before, after)
    await timeline.add(session, after, action.name, trigger.actor, trigger.at, details)
    await _announce(session, transition_event(action, before, after, trigger.actor), trigger)


async def record_note(session: AsyncSession, case: Case, trigger: Trigger, details: dict[str, Any]) -> None:
    """Only a timeline entry: the case itself does not change, so no event announces it."""
    await timeline.add(session, case, NOTED, trigger.actor, trigger.at, details)


async def _announce(session: AsyncSession, event: CaseEvent, trigger: Trigger) -> None:
    ce_id = trigger.event_id(event.case_id, event.ce_type)
    await add_event(session, event, now=trigger.committed_at, cause=trigger.cause, ce_id=ce_id)
