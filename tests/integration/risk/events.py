"""Contract events as registry and cases would publish them, written straight to the real topics."""

import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from aiokafka import AIOKafkaProducer

from district_shared.contracts import Envelope, Event
from district_shared.contracts.cases import CaseEvent
from district_shared.contracts.registry import (
    EnterpriseLeftV1,
    EnterpriseRegisteredV1,
    EnterpriseUpdatedV1,
    LeaseChangedV1,
    LeaseTerms,
)
from district_shared.contracts.visits import SignalReportedV1, SignalResolvedV1, VisitRecordedV1

NOW = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)  # Monday 2 March 2026, 09:00 in the district
TODAY = date(2026, 3, 2)


def envelope(event: Event, at: datetime = NOW, ce_id: str | None = None) -> Envelope:
    """The CloudEvents envelope the producing service would write for `event`."""
    event_id = ce_id or str(uuid.uuid4())
    source = f"/services/{event.service()}"
    return Envelope(event_id, source, event.ce_type, at, event.key, correlation_id=event_id)


async def send(
    producer: AIOKafkaProducer, topic: str, key: str, value: bytes, headers: dict[str, str]
) -> None:
    """One record, exactly as given (a malformed value included)."""
    pairs = [(name, text.encode()) for name, text in headers.items()]
    await producer.send_and_wait(topic, value, key=key.encode(), headers=pairs)


async def publish(producer: AIOKafkaProducer, event: Event, at: datetime = NOW) -> Envelope:
    """Publish `event` on its topic with valid headers; return its envelope."""
    written = envelope(event, at)
    await send(producer, event.topic, event.key, event.model_dump_json().encode(), written.headers())
    return written


@dataclass
class AnEnterprise:
    """An enterprise as registry would describe it, its version going up with each event."""

    id: uuid.UUID = field(default_factory=uuid.uuid4)
    building_id: uuid.UUID = field(default_factory=uuid.uuid4)
    version: int = 0
    key_enterprise: bool = False

    def facts(self, **changes: Any) -> dict[str, Any]:
        self.version += 1
        return {
            "enterprise_id": self.id,
            "version": self.version,
            "credit_code": "91310106MA1FL5XK3B",
            "building_id": self.building_id,
            "unit": "2304",
            "industry": "consulting",
            "headcount": 40,
            "key_enterprise": self.key_enterprise,
            "registered_in_district": True,
            "contact_ids": [],
            "contact_count": 0,
            "actor": "staff-3",
            **changes,
        }

    def registered(self) -> EnterpriseRegisteredV1:
        return EnterpriseRegisteredV1(**self.facts())

    def updated(self, **changes: Any) -> EnterpriseUpdatedV1:
        return EnterpriseUpdatedV1(**self.facts(**changes), changed=list(changes))

    def lease(self, end: date, renewal_status: str = "none") -> LeaseChangedV1:
        terms = LeaseTerms(start=date(2024, 1, 1), end=end, renewal_status=renewal_status)
        return LeaseChangedV1(**self.facts(), lease=terms, renewal=False, previous_end=None)

    def left(self) -> EnterpriseLeftV1:
        return EnterpriseLeftV1(**self.facts(), departed_on=TODAY, destination=None)

    def visited(self, at: datetime = NOW) -> VisitRecordedV1:
        return VisitRecordedV1(
            enterprise_id=self.id,
            actor="staff-3",
            visit_id=uuid.uuid4(),
            building_id=self.building_id,
            visited_at=at,
            team="building_staff",
            verified_fields=[],
            signal_count=0,
            need_count=0,
        )

    def signal(self, code: str, at: datetime = NOW) -> SignalReportedV1:
        return SignalReportedV1(
            enterprise_id=self.id, actor="staff-3", signal_id=uuid.uuid4(), code=code, observed_at=at
        )

    def resolved(self, signal: SignalReportedV1, at: datetime = NOW) -> SignalResolvedV1:
        return SignalResolvedV1(
            enterprise_id=self.id,
            actor="staff-3",
            signal_id=signal.signal_id,
            code=signal.code,
            resolved_at=at,
        )

    def case(self, model: type[CaseEvent], case_id: uuid.UUID, kind: str = "retention", **extra: Any) -> Any:
        """A case event about this enterprise (`extra`: the type's own fields)."""
        return model(
            case_id=case_id,
            enterprise_id=self.id,
            kind=kind,
            mechanism="special_case",
            team="government_services",
            status="escalated",
            sla_deadline=NOW,
            breached=True,
            routing_rule="retention_orange",
            actor="system",
            **extra,
        )
