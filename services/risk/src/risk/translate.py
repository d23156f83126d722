"""Contract events → observations: what each input event says about one enterprise (no I/O).

Enum-like fields are plain strings on the wire; a value this build does not know is "no change".
Times: events that carry their own effective time (visits, signals) use it; registry and case events,
which are states after a change, take effect at their commit time (`ce_time`).
"""

from datetime import datetime
from functools import partial

from district_shared.contracts import Envelope
from district_shared.contracts.cases import CaseEvent, SlaBreachedV1
from district_shared.contracts.registry import EnterpriseEvent, EnterpriseLeftV1, LeaseChangedV1
from district_shared.contracts.visits import SignalReportedV1, SignalResolvedV1, VisitRecordedV1
from risk.domain import (
    EnterpriseFacts,
    Lease,
    Profile,
    RenewalStatus,
    Signal,
    SignalCode,
    apply_departure,
    apply_headcount,
    apply_lease,
    apply_retention_case,
    apply_signal,
    apply_visit,
    resolve_signal,
)
from risk.use_cases.observe import Observation

RETENTION = "retention"


def _renewal(value: str, facts: EnterpriseFacts) -> RenewalStatus:
    """The status named on the wire; an unknown one keeps the status already known (no change)."""
    if value in set(RenewalStatus):
        return RenewalStatus(value)
    return facts.lease.renewal_status if facts.lease else RenewalStatus.NONE


def _enterprise_facts(event: EnterpriseEvent, at: datetime, facts: EnterpriseFacts) -> EnterpriseFacts:
    if event.headcount is not None:
        facts = apply_headcount(facts, event.headcount, at, event.version)
    if isinstance(event, LeaseChangedV1):
        terms = event.lease
        renewal = _renewal(terms.renewal_status, facts)
        lease = Lease(
            start=terms.start, end=terms.end, renewal_status=renewal, changed_at=at, revision=event.version
        )
        facts = apply_lease(facts, lease)
    if isinstance(event, EnterpriseLeftV1):
        facts = apply_departure(facts, True, at)
    return facts


def enterprise_changed(event: EnterpriseEvent, envelope: Envelope) -> Observation:
    """Any registry event on an enterprise: headcount, building and key flag; a lease; a departure."""
    profile = Profile(event.building_id, event.key_enterprise, event.version)
    return Observation(event.enterprise_id, partial(_enterprise_facts, event, envelope.time), profile)


def visit_recorded(event: VisitRecordedV1, _envelope: Envelope) -> Observation:
    """A door-to-door visit: it counts towards green; it also says where the enterprise was."""
    return Observation(
        event.enterprise_id, lambda facts: apply_visit(facts, event.visited_at), Profile(event.building_id)
    )


def signal_reported(event: SignalReportedV1, _envelope: Envelope) -> Observation:
    """A signal captured by staff; a code this build does not know changes nothing."""
    if event.code not in set(SignalCode):
        return Observation(event.enterprise_id)
    signal = Signal(id=str(event.signal_id), code=SignalCode(event.code), observed_at=event.observed_at)
    return Observation(event.enterprise_id, lambda facts: apply_signal(facts, signal))


def signal_resolved(event: SignalResolvedV1, _envelope: Envelope) -> Observation:
    """A signal resolved (it may arrive before the signal itself)."""
    return Observation(
        event.enterprise_id, lambda facts: resolve_signal(facts, str(event.signal_id), event.resolved_at)
    )


def retention_case(event: CaseEvent, envelope: Envelope) -> Observation | None:
    """A retention case overdue (SLA breached) or no longer (resolved, closed); other cases say nothing."""
    if event.kind != RETENTION or event.enterprise_id is None:
        return None
    overdue = isinstance(event, SlaBreachedV1)
    return Observation(
        event.enterprise_id,
        lambda facts: apply_retention_case(facts, str(event.case_id), overdue, envelope.time),
    )
