"""A migrated registry on each database, its app with a pinned clock, and an HTTP client to it."""

from collections.abc import AsyncIterator
from datetime import UTC, datetime

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import text

import registry.app
from district_shared.db import create_engine, session_factory
from registry.storage import catalogue
from registry.storage.tables import metadata
from registry.use_cases.catalogue import shipped_catalogue
from tests.conftest import FreshDatabases
from tests.infra.real import Databases
from tests.infra.services import SERVICES, http_client

REGISTRY = next(service for service in SERVICES if service.name == "registry")
NOW = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)  # 09:00 in the district
EMPTIED = [table.name for table in metadata.sorted_tables]


class Reused:
    """Migrated registry databases on PostgreSQL, emptied between tests: TRUNCATE takes milliseconds where
    CREATE DATABASE and the migrations take half a second, for each of the suite's many tests."""

    def __init__(self) -> None:
        self.free: list[str] = []

    async def take(self, server: Databases) -> str:
        if not self.free:
            url = await server.new()
            await REGISTRY.migrate(url)
            return url
        url = self.free.pop()
        engine = create_engine(url)
        try:
            async with session_factory(engine).begin() as session:
                # Everything but the schema's version: as fresh as a newly migrated database.
                await session.execute(text(f"TRUNCATE {', '.join(EMPTIED)} RESTART IDENTITY"))
                await catalogue.replace_all(session, shipped_catalogue())
        finally:
            await engine.dispose()
        return url

    def give_back(self, url: str) -> None:
        self.free.append(url)


@pytest.fixture(scope="session")
def reused() -> Reused:
    # The databases go with the suite's own server, which drops its cluster at the end.
    return Reused()


@pytest.fixture
async def registry_db(databases: FreshDatabases, reused: Reused) -> AsyncIterator[str]:
    """An empty registry database at the newest schema (with the shipped catalogue), of each kind."""
    if databases.server is None:
        url = await databases.new()
        await REGISTRY.migrate(url)
        yield url
        return
    url = await reused.take(databases.server)
    yield url
    reused.give_back(url)


@pytest.fixture
def app(registry_db: str, kafka_bootstrap: str) -> FastAPI:
    app = registry.app.create_app(REGISTRY.settings(registry_db, kafka_bootstrap))
    app.state.runtime.clock.pin(NOW)
    return app


@pytest.fixture
async def client(app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    async with http_client(app) as client:
        yield client
