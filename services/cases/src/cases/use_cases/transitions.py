"""Staff move a case through the transition table; anything the table forbids changes nothing (409)."""

from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from cases.config import CasesConfig
from cases.domain import Action, Case, Reopen, apply, check_reopen
from cases.storage import cases, enterprises
from cases.use_cases.queries import find_case
from cases.use_cases.record import record_transition
from cases.use_cases.trigger import Trigger


async def transition(
    session: AsyncSession, case_id: UUID, action: Action, config: CasesConfig, trigger: Trigger
) -> Case:
    """The case after `action`; 404 for an unknown case, IllegalTransition (409) from the wrong status."""
    enterprise_id = (await find_case(session, case_id)).enterprise_id
    if enterprise_id is not None:
        # Same lock order as a rating (the enterprise, then its case), so the two never deadlock.
        await enterprises.locked(session, enterprise_id)
    before = await cases.locked(session, case_id)
    assert before is not None, "cases are never deleted"
    if isinstance(action, Reopen) and enterprise_id is not None:
        check_reopen(before, await cases.not_closed_retention(session, enterprise_id))
    after = apply(before, action, trigger.at, config.sla)
    await record_transition(session, action, before, after, trigger)
    return after
