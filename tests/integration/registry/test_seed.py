"""`district-registry seed`: the stated district, written with its events, the same for the same seed."""

import json
from collections import Counter
from datetime import timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from typer.testing import CliRunner

from district_shared.db import create_engine, session_factory
from district_shared.migrations import upgrade
from district_shared.platform_tables import outbox
from registry.cli import cli
from registry.domain import credit_code
from registry.seeding.writer import Seed, SeedSummary, seed_district
from registry.storage.tables import (
    buildings,
    contacts,
    enterprise_leases,
    enterprises,
    signals,
    units,
    verified_fields,
    visits,
)
from tests.infra.real import Databases
from tests.integration.registry.conftest import NOW, REGISTRY

SHANGHAI = ZoneInfo("Asia/Shanghai")
TABLES = (buildings, units, enterprises, contacts, enterprise_leases, visits, verified_fields, signals)
District = dict[str, list[Any]]


async def _contents(session: AsyncSession) -> District:
    """Every seeded row, units named by (building, number): their ids are the database's own business."""
    unit_keys = {row.id: (row.building_id, row.number) for row in await session.execute(select(units))}
    district: District = {}
    for table in TABLES:
        rows = []
        for row in (await session.execute(select(table))).mappings():
            named = {k: unit_keys.get(v, v) if k == "unit_id" else v for k, v in row.items()}
            rows.append(tuple(sorted((k, v) for k, v in named.items() if (table, k) != (units, "id"))))
        district[table.name] = sorted(rows, key=repr)
    published = select(outbox.c.key, outbox.c.ce_type, outbox.c.payload).order_by(outbox.c.id)
    district["events"] = [
        (key, kind, json.loads(data)) for key, kind, data in await session.execute(published)
    ]
    return district


async def _seeded(url: str) -> tuple[SeedSummary | None, SeedSummary | None, District]:
    """Seed 2026 written once, then asked again; and what the database then holds."""
    await REGISTRY.migrate(url)
    engine = create_engine(url)
    try:
        sessions = session_factory(engine)
        first = await seed_district(sessions, Seed(2026), NOW, SHANGHAI)
        again = await seed_district(sessions, Seed(2026), NOW, SHANGHAI)
        async with sessions() as session:
            return first, again, await _contents(session)
    finally:
        await engine.dispose()


async def test_the_seed_writes_the_stated_district_the_same_on_both_databases(
    postgres: Databases, tmp_path: Path
):
    url = await postgres.new()
    try:
        on_sqlite = await _seeded(f"sqlite+aiosqlite:///{tmp_path / 'seeded.sqlite'}")
        on_postgres = await _seeded(url)
    finally:
        await postgres.drop(url)
    assert on_sqlite == on_postgres  # the same district twice, row for row and event for event
    summary, again, district = on_sqlite
    assert summary is not None and again is None  # asked again, it writes nothing
    _assert_the_stated_counts(summary, district)


def _assert_the_stated_counts(summary: SeedSummary, district: District) -> None:
    people = [dict(row) for row in district["enterprises"]]
    assert (len(district["buildings"]), len(people)) == (summary.buildings, summary.enterprises) == (38, 1500)
    assert 27_000 <= sum(e["headcount"] for e in people) == summary.workers <= 33_000
    assert all(credit_code.parse(e["credit_code"]) == e["credit_code"] for e in people)
    today = NOW.astimezone(SHANGHAI).date()
    ends = [dict(row)["ends_on"] - today for row in district["enterprise_leases"]]
    assert len(ends) == 1500 and min(ends) > timedelta(0)
    assert 0 < summary.leases_ending_within_90_days == sum(end <= timedelta(days=90) for end in ends)
    assert summary.leases_ending_within_90_days < summary.leases_ending_within_180_days < 300
    assert summary.leases_ending_within_180_days == sum(end <= timedelta(days=180) for end in ends)
    assert max(dict(row)["visited_at"] for row in district["visits"]) < NOW
    assert (len(district["visits"]), len(district["signals"])) == (summary.visits, summary.signals)
    assert summary.visits > 1500 and 10 <= summary.signals <= 150
    assert Counter(kind.split(".")[2:4][0] for _, kind, _ in district["events"]) == {
        "enterprise": 1500,
        "lease": 1500,
        "visit": summary.visits,
        "signal": summary.signals,
    }


def test_the_seed_command_writes_a_district_once_with_its_progress_and_counts(tmp_path: Path, monkeypatch):
    url = f"sqlite+aiosqlite:///{tmp_path / 'registry.sqlite'}"
    upgrade(REGISTRY.spec.migrations, url)
    monkeypatch.setenv("REGISTRY_DATABASE_URL", url)
    arguments = ["seed", "--seed", "5", "--buildings", "3", "--enterprises", "40"]
    first, again = CliRunner().invoke(cli, arguments), CliRunner().invoke(cli, arguments)
    assert first.exit_code == again.exit_code == 0, first.output
    assert "Seeding" in first.output and "40/40" in first.output
    assert {"buildings: 3", "enterprises: 40"} <= set(first.output.splitlines())
    assert again.output.strip() == "The district of seed 5 is already there: nothing written."
