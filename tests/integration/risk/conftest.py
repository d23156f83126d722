"""A migrated risk service on each database, its clock pinned before it starts, on the real broker."""

from collections.abc import AsyncIterator
from dataclasses import dataclass

import httpx
import pytest
from aiokafka import AIOKafkaProducer
from fastapi import FastAPI

import risk.app
from tests.infra.services import SERVICES, http_client
from tests.integration.risk.events import NOW

RISK = next(service for service in SERVICES if service.name == "risk")


@pytest.fixture
async def risk_db(database_url: str) -> str:
    await RISK.migrate(database_url)
    return database_url


def risk_app(database_url: str, bootstrap: str, **settings: object) -> FastAPI:
    """The service with clock control, pinned at NOW before its consumers start."""
    app = risk.app.create_app(RISK.settings(database_url, bootstrap, clock_control=True, **settings))
    app.state.runtime.clock.pin(NOW)
    return app


@dataclass(frozen=True)
class Risk:
    """A running risk service: its app (for its runtime) and an HTTP client to it."""

    app: FastAPI
    client: httpx.AsyncClient


@pytest.fixture
async def live(risk_db: str, kafka_bootstrap: str) -> AsyncIterator[Risk]:
    app = risk_app(risk_db, kafka_bootstrap)
    async with http_client(app) as client:
        yield Risk(app, client)


@pytest.fixture(scope="session")
async def producer(kafka_bootstrap: str) -> AsyncIterator[AIOKafkaProducer]:
    """Stands in for registry's and cases' relays: an idempotent producer on the same broker."""
    producer = AIOKafkaProducer(bootstrap_servers=kafka_bootstrap, enable_idempotence=True)
    await producer.start()
    yield producer
    await producer.stop()
