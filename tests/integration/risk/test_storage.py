"""Storage on both databases: the migration builds the code's tables, writes to one enterprise are
serialised, and the clock's re-evaluation walks every enterprise batch by batch."""

import asyncio
import uuid
from datetime import date, timedelta

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from district_deploy.kafka import free_port
from district_shared.platform_tables import outbox
from risk.app import build
from risk.domain import Lease, Signal, SignalCode, apply_lease, apply_signal
from risk.storage import enterprises
from risk.storage.tables import metadata
from risk.use_cases.observe import Observation, observe
from risk.use_cases.reevaluate import reevaluate
from risk.use_cases.trigger import Trigger
from tests.integration.risk.conftest import RISK
from tests.integration.risk.events import NOW


def _differences(connection: Connection) -> list[object]:
    return list(compare_metadata(MigrationContext.configure(connection), metadata))


def _offline(database_url: str):
    """The service's runtime and policy with no broker behind it (nothing is consumed or published)."""
    return build(RISK.settings(database_url, f"127.0.0.1:{free_port()}"))


async def test_the_migrated_schema_matches_the_tables_of_the_code(risk_db):
    runtime, _policy = _offline(risk_db)
    try:
        async with runtime.engine.connect() as connection:
            assert await connection.run_sync(_differences) == []
    finally:
        await runtime.engine.dispose()


async def test_concurrent_events_on_one_enterprise_are_serialised_and_none_is_lost(risk_db):
    runtime, policy = _offline(risk_db)
    acme = uuid.uuid4()

    async def report(number: int) -> None:
        signal = Signal(id=f"s{number}", code=SignalCode.COMPLAINT, observed_at=NOW)
        async with runtime.sessions.begin() as session:
            fold = Observation(acme, lambda facts: apply_signal(facts, signal))
            await observe(session, fold, Trigger.clock(NOW + timedelta(seconds=number)), policy)

    try:
        await asyncio.gather(*(report(number) for number in range(12)))
        async with runtime.sessions() as session:
            record = await enterprises.get(session, acme)
            announced = (await session.execute(select(func.count()).select_from(outbox))).scalar_one()
    finally:
        await runtime.engine.dispose()
    assert record is not None
    assert sorted(signal.id for signal in record.facts.signals) == sorted(f"s{n}" for n in range(12))
    assert announced == 1  # the first rating only: every later one kept the colour


async def test_the_re_evaluation_rates_every_enterprise_batch_by_batch(risk_db):
    runtime, policy = _offline(risk_db)
    lease = Lease(start=date(2024, 1, 1), end=date(2026, 7, 1), changed_at=NOW)  # 121 days left: yellow
    ids = [uuid.uuid4() for _ in range(5)]
    try:
        for enterprise_id in ids:
            async with runtime.sessions.begin() as session:
                fold = Observation(enterprise_id, lambda facts: apply_lease(facts, lease))
                await observe(session, fold, Trigger.clock(NOW), policy)
        first = await reevaluate(runtime.sessions, NOW + timedelta(days=40), policy, batch=2)
        again = await reevaluate(runtime.sessions, NOW + timedelta(days=40), policy, batch=2)
        earlier = await reevaluate(runtime.sessions, NOW + timedelta(days=1), policy, batch=2)
        async with runtime.sessions() as session:
            records = [await enterprises.get(session, enterprise_id) for enterprise_id in ids]
    finally:
        await runtime.engine.dispose()
    assert (first.rated, first.changed, again.rated, again.changed, earlier.rated) == (5, 5, 5, 0, 0)
    assert {record.current.colour.value for record in records if record and record.current} == {"orange"}
