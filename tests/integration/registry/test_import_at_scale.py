"""The issue's example: 10,000 rows with 3 bad ones → 9,997 stored with their events, 3 reported."""

from collections.abc import AsyncIterator

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import select

import registry.app
from district_shared.platform_tables import outbox
from tests.integration.registry.conftest import NOW, REGISTRY
from tests.unit.registry.factories import credit_codes

BUILDINGS, ROWS = 20, 10_000
BAD = {
    1_000: ("credit_code", "914403007084611365"),  # wrong check character
    5_000: ("lease_end", "2023-12-31"),  # before the lease starts
    9_000: ("building", "Tower 99"),  # no such building
}


def district_csv() -> bytes:
    """Header, 20 buildings, then enterprises with leases; the lines in BAD carry one fault each."""
    lines = ["kind,name,address,credit_code,building,unit,headcount,lease_start,lease_end"]
    lines += [f"building,Tower {b},{b} West Nanjing Road,,,,,," for b in range(BUILDINGS)]
    codes = iter(credit_codes(ROWS - BUILDINGS, seed=10_000))
    for line in range(BUILDINGS + 2, ROWS + 2):
        row = {"credit_code": next(codes), "building": f"Tower {line % BUILDINGS}", "lease_end": "2027-06-30"}
        if line in BAD:
            row[BAD[line][0]] = BAD[line][1]
        lines.append(
            f"enterprise,Enterprise {line},,{row['credit_code']},{row['building']},{line % 40 + 1}01,"
            f"{line % 50 + 1},2024-01-01,{row['lease_end']}"
        )
    return "\n".join(lines).encode()


@pytest.fixture
async def quiet(registry_db: str) -> AsyncIterator[tuple[FastAPI, httpx.AsyncClient]]:
    """The registry over HTTP without its lifespan, so no relay runs: the 20,000 events stay in the outbox
    instead of landing on the suite's shared topic, which every other test reading it would scan."""
    app = registry.app.create_app(REGISTRY.settings(registry_db, "127.0.0.1:9"))
    app.state.runtime.clock.pin(NOW)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test", timeout=300) as client:
        yield app, client
    await app.state.runtime.engine.dispose()


async def test_ten_thousand_rows_with_three_bad_store_9997_and_report_3(quiet):
    app, client = quiet
    created = await client.post("/imports", content=district_csv(), headers={"content-type": "text/csv"})
    report = created.json()
    assert (report["row_count"], report["buildings_stored"], report["enterprises_stored"]) == (
        ROWS,
        20,
        9_977,
    )
    assert [(r["line"], r["errors"][0]["field"]) for r in report["rejected"]] == [
        (line, field) for line, (field, _) in BAD.items()
    ]
    async with app.state.runtime.sessions() as session:
        rows = (await session.execute(select(outbox.c.key, outbox.c.ce_type).order_by(outbox.c.id))).all()
    assert len(rows) == 2 * 9_977
    first_of_each: dict[str, str] = {}
    for key, ce_type in rows:
        first_of_each.setdefault(key, ce_type)
    # Each enterprise: registered, then its lease changed (its two events in this order).
    assert set(first_of_each.values()) == {"district.registry.enterprise.registered.v1"}
    assert len(first_of_each) == 9_977
