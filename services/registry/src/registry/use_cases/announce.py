"""Translate visits, signals and needs into their contract events (DESIGN §3 "What events carry")."""

from district_shared.contracts.needs import NeedRaisedV1
from district_shared.contracts.visits import SignalReportedV1, SignalResolvedV1, VisitRecordedV1
from registry.domain.needs import Need
from registry.domain.visits import Signal, Visit


def visit_recorded(visit: Visit, signals: int, needs: int, actor: str) -> VisitRecordedV1:
    """The visit itself: who, when and what was checked; the visitor's name and notes stay here."""
    return VisitRecordedV1(
        enterprise_id=visit.enterprise_id,
        actor=actor,
        visit_id=visit.id,
        building_id=visit.building_id,
        visited_at=visit.visited_at,
        team=visit.team,
        verified_fields=list(visit.verified_fields),
        signal_count=signals,
        need_count=needs,
    )


def signal_reported(signal: Signal, actor: str) -> SignalReportedV1:
    """A signal's code and time; its details may name people, so they stay in the registry."""
    return SignalReportedV1(
        enterprise_id=signal.enterprise_id,
        actor=actor,
        signal_id=signal.id,
        code=signal.code,
        observed_at=signal.observed_at,
        visit_id=signal.visit_id,
    )


def signal_resolved(signal: Signal, actor: str) -> SignalResolvedV1:
    assert signal.resolved_at is not None, "only a resolved signal is announced as resolved"
    return SignalResolvedV1(
        enterprise_id=signal.enterprise_id,
        actor=actor,
        signal_id=signal.id,
        code=signal.code,
        resolved_at=signal.resolved_at,
    )


def need_raised(need: Need, actor: str) -> NeedRaisedV1:
    """Everything cases needs to open and route a case; the requester's contact stays here."""
    terms = need.terms
    return NeedRaisedV1(
        need_id=need.id,
        enterprise_id=need.enterprise_id,
        requester=need.requester,
        channel=need.channel,
        category_code=terms.category_code,
        default_mechanism=terms.default_mechanism,
        sla_working_days=terms.sla_working_days,
        solvable_on_spot=terms.solvable_on_spot,
        departments_involved=list(terms.departments_involved),
        key_enterprise=need.key_enterprise,
        raised_at=need.raised_at,
        description=need.description,
        visit_id=need.visit_id,
        actor=actor,
    )
