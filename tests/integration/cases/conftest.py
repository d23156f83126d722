"""A migrated cases service on each database, its clock pinned, reached over HTTP.

`client` talks to a service with no broker, so no consumer brings in events other tests left on the
topics; `live` is the same service on the suite's real Kafka.
"""

from collections.abc import AsyncIterator
from datetime import UTC, datetime

import httpx
import pytest
from fastapi import FastAPI

import cases.app
from district_deploy.kafka import free_port
from tests.infra.services import SERVICES, http_client

CASES = next(service for service in SERVICES if service.name == "cases")
NOW = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)  # Monday 2 March 2026, 09:00 in the district


@pytest.fixture
async def cases_db(database_url: str) -> str:
    await CASES.migrate(database_url)
    return database_url


def cases_app(database_url: str, bootstrap: str, **settings: object) -> FastAPI:
    return cases.app.create_app(CASES.settings(database_url, bootstrap, clock_control=True, **settings))


async def pin(client: httpx.AsyncClient, at: datetime) -> None:
    response = await client.put("/_test/clock", json={"now": at.isoformat()})
    assert response.status_code == 200, response.text


@pytest.fixture
def app(cases_db: str) -> FastAPI:
    return cases_app(cases_db, f"127.0.0.1:{free_port()}")


@pytest.fixture
async def client(app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    async with http_client(app) as client:
        await pin(client, NOW)
        yield client


@pytest.fixture
async def live(cases_db: str, kafka_bootstrap: str) -> AsyncIterator[httpx.AsyncClient]:
    async with http_client(cases_app(cases_db, kafka_bootstrap)) as client:
        await pin(client, NOW)
        yield client
