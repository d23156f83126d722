"""A migrated registry on each database, its app with a pinned clock, and an HTTP client to it."""

from collections.abc import AsyncIterator
from datetime import UTC, datetime

import httpx
import pytest
from fastapi import FastAPI

import registry.app
from tests.infra.services import SERVICES, http_client

REGISTRY = next(service for service in SERVICES if service.name == "registry")
NOW = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)  # 09:00 in the district


@pytest.fixture
async def registry_db(database_url: str) -> str:
    await REGISTRY.migrate(database_url)
    return database_url


@pytest.fixture
def app(registry_db: str, kafka_bootstrap: str) -> FastAPI:
    app = registry.app.create_app(REGISTRY.settings(registry_db, kafka_bootstrap))
    app.state.runtime.clock.pin(NOW)
    return app


@pytest.fixture
async def client(app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    async with http_client(app) as client:
        yield client
