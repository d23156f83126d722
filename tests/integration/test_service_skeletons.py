"""Every service migrates, lives and is ready on both databases; readiness tells the truth."""

import os
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from sqlalchemy import inspect

from district_deploy.kafka import free_port
from district_shared.db import create_engine
from district_shared.migrations import current_head
from tests.infra.real import kafka_broker
from tests.infra.services import SERVICES, ServiceUnderTest, http_client

by_name = pytest.mark.parametrize("service", SERVICES, ids=lambda s: s.name)


async def _tables_and_revision(database_url: str) -> tuple[set[str], str]:
    engine = create_engine(database_url)
    try:
        async with engine.connect() as connection:
            tables = await connection.run_sync(lambda sync: set(inspect(sync).get_table_names()))
            revision = (
                await connection.exec_driver_sql("SELECT version_num FROM alembic_version")
            ).scalar_one()
    finally:
        await engine.dispose()
    return tables, revision


@by_name
async def test_service_migrates_and_is_alive_and_ready(
    service: ServiceUnderTest, database_url, kafka_bootstrap
):
    await service.migrate(database_url)
    await service.migrate(database_url)  # a second run changes nothing
    tables, revision = await _tables_and_revision(database_url)
    assert {"outbox", "inbox", "idempotency_keys", "leases"} <= tables
    assert revision == current_head(service.spec.migrations)

    async with http_client(service.create_app(service.settings(database_url, kafka_bootstrap))) as client:
        assert (await client.get("/health")).json() == {"status": "ok"}
        ready = await client.get("/ready")
    assert ready.status_code == 200, ready.text
    assert ready.json()["checks"] == {"database": "ok", "broker": "ok", "topics": "ok"}


@by_name
async def test_not_ready_while_the_broker_is_unreachable(service: ServiceUnderTest, tmp_path):
    url = f"sqlite+aiosqlite:///{tmp_path / 'db.sqlite'}"
    await service.migrate(url)
    nowhere = f"127.0.0.1:{free_port()}"
    async with http_client(service.create_app(service.settings(url, nowhere))) as client:
        ready = await client.get("/ready")
    assert ready.status_code == 503
    assert ready.json()["checks"]["database"] == "ok"
    assert ready.json()["checks"]["broker"].startswith("unreachable")


async def test_not_ready_while_its_topics_are_missing(tmp_path):
    """A broker without the contract's topics: every service names the ones it lacks."""
    with kafka_broker(tmp_path / "bare-kafka") as bare:
        for service in SERVICES:
            url = f"sqlite+aiosqlite:///{tmp_path / service.name}.db"
            await service.migrate(url)
            async with http_client(service.create_app(service.settings(url, bare))) as client:
                ready = await client.get("/ready")
            assert ready.status_code == 503
            checks = ready.json()["checks"]
            assert checks["broker"] == "ok"
            assert set(checks["topics"].removeprefix("missing: ").split(", ")) == set(service.spec.topics)


async def test_not_ready_while_the_database_is_unreachable(kafka_bootstrap):
    service = SERVICES[0]
    dead = f"postgresql+asyncpg://nobody@127.0.0.1:{free_port()}/none"
    async with http_client(service.create_app(service.settings(dead, kafka_bootstrap))) as client:
        ready = await client.get("/ready")
    assert ready.status_code == 503
    assert ready.json()["checks"]["database"].startswith("unreachable")
    assert ready.json()["checks"]["topics"] == "ok"


@by_name
async def test_clock_endpoints_are_absent_unless_enabled(
    service: ServiceUnderTest, tmp_path, kafka_bootstrap
):
    url = f"sqlite+aiosqlite:///{tmp_path / 'db.sqlite'}"
    await service.migrate(url)  # a tick runs the service's timers (risk's re-evaluation reads its tables)
    async with http_client(service.create_app(service.settings(url, kafka_bootstrap))) as client:
        assert (
            await client.put("/_test/clock", json={"now": "2026-03-02T09:00:00+08:00"})
        ).status_code == 404
        assert (await client.post("/_test/tick")).status_code == 404

    app = service.create_app(service.settings(url, kafka_bootstrap, clock_control=True))
    async with http_client(app) as client:
        pinned = await client.put("/_test/clock", json={"now": "2026-03-02T09:00:00+08:00"})
        assert pinned.json() == {"now": "2026-03-02T01:00:00Z"}
        assert app.state.runtime.clock.today().isoformat() == "2026-03-02"
        assert (await client.put("/_test/clock", json={"now": "2026-03-02T09:00:00"})).status_code == 422
        assert (await client.post("/_test/tick")).status_code == 200


def _serve(service: str, port: int, tmp_path: Path, **env: str) -> subprocess.Popen[bytes]:
    prefix = service.upper()
    environment = {
        **os.environ,
        f"{prefix}_PORT": str(port),
        f"{prefix}_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / service}.db",
        **env,
    }
    command = Path(sys.executable).with_name(f"district-{service}")
    return subprocess.Popen([str(command), "serve"], env=environment, stderr=subprocess.PIPE)


def test_each_service_starts_with_its_documented_command(tmp_path, kafka_bootstrap):
    ports = {service.name: free_port() for service in SERVICES}
    processes = {
        name: _serve(name, port, tmp_path, KAFKA_BOOTSTRAP_SERVERS=kafka_bootstrap)
        for name, port in ports.items()
    }
    try:
        for name, port in ports.items():
            assert _eventually_healthy(port, processes[name]), f"{name} never answered /health"
    finally:
        for process in processes.values():
            process.terminate()
            process.wait(20)


def test_a_service_refuses_to_start_with_clock_control_in_production(tmp_path):
    process = _serve(
        "cases", free_port(), tmp_path, CASES_ENVIRONMENT="production", CASES_CLOCK_CONTROL="true"
    )
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 2
    assert b"cases cannot start" in stderr and b"clock_control=true is refused" in stderr


def _eventually_healthy(port: int, process: subprocess.Popen[bytes], timeout_s: float = 60) -> bool:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline and process.poll() is None:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/health", timeout=2).status_code == 200:
                return True
        except httpx.HTTPError:
            time.sleep(0.3)
    return False
