"""Contract events as observations: what each one folds into an enterprise's facts; unknown enum values
and other kinds of case change nothing."""

import uuid
from datetime import UTC, date, datetime

from district_shared.contracts import Envelope, Event
from district_shared.contracts.cases import CaseClosedV1, SlaBreachedV1
from district_shared.contracts.registry import LeaseChangedV1, LeaseTerms
from district_shared.contracts.visits import SignalReportedV1, VisitRecordedV1
from risk import translate
from risk.domain import EnterpriseFacts, Profile, RenewalStatus

ACME, BUILDING = uuid.uuid4(), uuid.uuid4()
AT = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)


def envelope_of(event: Event) -> Envelope:
    return Envelope("ce-1", "/services/test", event.ce_type, AT, event.key, "ce-1")


def lease(renewal_status: str, version: int, headcount: int | None = 40) -> LeaseChangedV1:
    return LeaseChangedV1(
        enterprise_id=ACME,
        version=version,
        credit_code="91310106MA1FL5XK3B",
        building_id=BUILDING,
        unit="2304",
        industry=None,
        headcount=headcount,
        key_enterprise=True,
        registered_in_district=True,
        contact_ids=[],
        contact_count=0,
        actor="staff-3",
        lease=LeaseTerms(start=date(2024, 1, 1), end=date(2026, 5, 1), renewal_status=renewal_status),
        renewal=False,
        previous_end=None,
    )


def case(model: type[SlaBreachedV1] | type[CaseClosedV1], kind: str, **extra: object) -> SlaBreachedV1:
    fields = {
        "case_id": uuid.uuid4(),
        "enterprise_id": ACME,
        "kind": kind,
        "mechanism": "special_case",
        "team": "government_services",
        "status": "escalated",
        "sla_deadline": AT,
        "breached": True,
        "routing_rule": "retention_orange",
        "actor": "system",
    }
    return model.model_validate({**fields, **extra})  # type: ignore[return-value]


def leased(event: LeaseChangedV1, facts: EnterpriseFacts | None = None) -> EnterpriseFacts:
    return translate.enterprise_changed(event, envelope_of(event)).fold(facts or EnterpriseFacts())


def case_facts(event: SlaBreachedV1) -> EnterpriseFacts:
    observation = translate.retention_case(event, envelope_of(event))
    assert observation is not None and observation.enterprise_id == ACME
    return observation.fold(EnterpriseFacts())


def test_a_lease_change_records_the_lease_at_its_commit_time_and_version_and_the_headcount():
    facts = leased(lease("negotiating", 4))
    assert facts.lease is not None
    assert (facts.lease.renewal_status, facts.lease.changed_at, facts.lease.revision) == (
        RenewalStatus.NEGOTIATING,
        AT,
        4,
    )
    assert [(point.headcount, point.revision) for point in facts.headcounts] == [(40, 4)]


def test_an_unknown_renewal_status_keeps_the_status_known():
    facts = leased(lease("in_court", 5), leased(lease("renewed", 4)))
    assert facts.lease is not None and facts.lease.renewal_status is RenewalStatus.RENEWED


def test_registry_events_give_the_profile_of_their_version_and_visits_one_of_version_zero():
    visit = VisitRecordedV1(
        enterprise_id=ACME,
        actor="staff-3",
        visit_id=uuid.uuid4(),
        building_id=BUILDING,
        visited_at=AT,
        team="building_staff",
        verified_fields=[],
        signal_count=0,
        need_count=0,
    )
    assert translate.enterprise_changed(lease("none", 7), envelope_of(visit)).profile == Profile(
        BUILDING, True, 7
    )
    assert translate.visit_recorded(visit, envelope_of(visit)).profile == Profile(BUILDING)


def test_a_signal_of_an_unknown_code_changes_nothing():
    signal = SignalReportedV1(
        enterprise_id=ACME, actor="staff-3", signal_id=uuid.uuid4(), code="office_party", observed_at=AT
    )
    observation = translate.signal_reported(signal, envelope_of(signal))
    assert observation.enterprise_id == ACME
    assert observation.fold(EnterpriseFacts()) == EnterpriseFacts()


def test_a_retention_case_breach_turns_overdue_and_its_closure_ends_it():
    breached = case_facts(case(SlaBreachedV1, "retention", deadline_missed=AT))
    assert [(c.overdue, c.at) for c in breached.retention_cases] == [(True, AT)]
    closed = case(CaseClosedV1, "retention", satisfaction=5)
    assert [c.overdue for c in case_facts(closed).retention_cases] == [False]


def test_cases_of_other_kinds_or_of_no_enterprise_say_nothing():
    need = case(SlaBreachedV1, "need", deadline_missed=AT)
    nobody = case(SlaBreachedV1, "retention", deadline_missed=AT, enterprise_id=None)
    assert translate.retention_case(need, envelope_of(need)) is None
    assert translate.retention_case(nobody, envelope_of(nobody)) is None
