"""The topics risk reads; each handler turns a contract event into an observation for the same use case.

- `registry.enterprises.v1`: enterprise, lease, departure, visit and signal events → facts, re-rate;
- `cases.cases.v1`: a retention case's SLA breach, resolution and closure → `retention_case_overdue`.
Other case event types have no handler: the consumer skips and counts them.
"""

from collections.abc import Callable
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from district_shared.consumer import Handler
from district_shared.contracts import Envelope, Event
from district_shared.contracts.cases import CaseClosedV1, CaseResolvedV1, SlaBreachedV1
from district_shared.contracts.registry import (
    EnterpriseLeftV1,
    EnterpriseMovedV1,
    EnterpriseRegisteredV1,
    EnterpriseUpdatedV1,
    LeaseChangedV1,
)
from district_shared.contracts.visits import SignalReportedV1, SignalResolvedV1, VisitRecordedV1
from district_shared.service import Runtime
from district_shared.topics import CASES_CASES, REGISTRY_ENTERPRISES
from risk import translate
from risk.use_cases.observe import Observation, observe
from risk.use_cases.rating import Policy
from risk.use_cases.trigger import Trigger

Translate = Callable[[Any, Envelope], Observation | None]

REGISTRY_EVENTS: dict[type[Event], Translate] = {
    EnterpriseRegisteredV1: translate.enterprise_changed,
    EnterpriseUpdatedV1: translate.enterprise_changed,
    EnterpriseMovedV1: translate.enterprise_changed,
    LeaseChangedV1: translate.enterprise_changed,
    EnterpriseLeftV1: translate.enterprise_changed,
    VisitRecordedV1: translate.visit_recorded,
    SignalReportedV1: translate.signal_reported,
    SignalResolvedV1: translate.signal_resolved,
}
CASE_EVENTS: dict[type[Event], Translate] = {
    SlaBreachedV1: translate.retention_case,
    CaseResolvedV1: translate.retention_case,
    CaseClosedV1: translate.retention_case,
}


def subscribe(runtime: Runtime, policy: Policy) -> None:
    """Attach the handlers to their topics (consumer groups `risk.<topic>`)."""

    def handler(translator: Translate) -> Handler:
        async def handle(session: AsyncSession, event: Event, envelope: Envelope) -> None:
            observation = translator(event, envelope)
            if observation is not None:
                await observe(session, observation, Trigger.event(envelope, runtime.clock.now()), policy)

        return handle

    runtime.consume(REGISTRY_ENTERPRISES, {model: handler(t) for model, t in REGISTRY_EVENTS.items()})
    runtime.consume(CASES_CASES, {model: handler(t) for model, t in CASE_EVENTS.items()})
