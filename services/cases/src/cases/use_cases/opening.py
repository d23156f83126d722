"""Open a case for a raised need, or for staff: routed by the rules unless staff chose the mechanism."""

import uuid
from dataclasses import replace

from sqlalchemy.ext.asyncio import AsyncSession

from cases.config import CasesConfig
from cases.domain import (
    Case,
    EnterpriseFacts,
    Kind,
    Observation,
    RoutingDecision,
    RoutingInput,
    manual_routing,
    open_case,
    route,
)
from cases.storage import cases, enterprises
from cases.use_cases.commands import NewCase, RaisedNeed
from cases.use_cases.facts import observe
from cases.use_cases.record import record_opening
from cases.use_cases.trigger import Trigger

# A need's case id is derived from the need's id: the same need, re-sent under another ce_id, opens one case.
NEED_CASES = uuid.UUID("6f0b6a52-3c1e-4f57-9a0e-0c3a3c6e1d7a")


async def open_need_case(
    session: AsyncSession, need: RaisedNeed, config: CasesConfig, trigger: Trigger
) -> None:
    """Open the need's case (SLA from `raised_at`), unless the need already has one."""
    case_id = uuid.uuid5(NEED_CASES, str(need.need_id))
    if await cases.get(session, case_id) is not None:
        return
    facts = None
    if need.enterprise_id is not None:
        seen = Observation(at=need.raised_at, key_enterprise=need.key_enterprise)
        facts = await observe(session, need.enterprise_id, seen)
    case = open_case(
        case_id=case_id,
        kind=Kind.NEED,
        enterprise_id=need.enterprise_id,
        routing=route(_need_facts(need, facts), config.routing),
        opened_at=need.raised_at,
        sla=config.sla,
        need_id=need.need_id,
        category_code=need.category_code,
        description=need.description,
    )
    details = {"need_id": need.need_id, "channel": need.channel, "requester": need.requester}
    await record_opening(session, case, trigger, details)


def _need_facts(need: RaisedNeed, facts: EnterpriseFacts | None) -> RoutingInput:
    """The catalogue's facts of the need, and the enterprise's latest key flag and colour."""
    return RoutingInput(
        kind=Kind.NEED,
        default_mechanism=need.default_mechanism,
        sla_working_days=need.sla_working_days,
        category_code=need.category_code,
        solvable_on_spot=need.solvable_on_spot,
        departments_involved=need.departments_involved,
        key_enterprise=need.key_enterprise if facts is None else facts.key_enterprise,
        colour=None if facts is None else facts.colour,
    )


async def open_manual_case(
    session: AsyncSession, command: NewCase, config: CasesConfig, trigger: Trigger
) -> Case:
    """Open a case for staff, its SLA counting from now."""
    facts = None
    if command.enterprise_id is not None:
        facts = await enterprises.locked(session, command.enterprise_id)
    case = open_case(
        case_id=trigger.new_id("manual case"),
        kind=Kind.MANUAL,
        enterprise_id=command.enterprise_id,
        routing=_manual_routing(command, facts, config),
        opened_at=trigger.at,
        sla=config.sla,
        category_code=command.category_code,
        description=command.description,
    )
    await record_opening(session, case, trigger, {})
    return case


def _manual_routing(command: NewCase, facts: EnterpriseFacts | None, config: CasesConfig) -> RoutingDecision:
    if command.mechanism is not None:
        return manual_routing(command.mechanism, command.team)
    facts_in = RoutingInput(
        kind=Kind.MANUAL,
        category_code=command.category_code,
        solvable_on_spot=command.solvable_on_spot,
        departments_involved=len(command.departments_involved),
        key_enterprise=facts is not None and facts.key_enterprise,
        colour=None if facts is None else facts.colour,
    )
    decision = route(facts_in, config.routing)
    if command.team is None:
        return decision
    return replace(decision, team=command.team, team_chosen_by_person=True)
