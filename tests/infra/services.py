"""The four services as the suite sees them: their specs, settings and an in-process HTTP client."""

import asyncio
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

import httpx
from asgi_lifespan import LifespanManager
from fastapi import FastAPI

import cases.app
import registry.app
import risk.app
import volunteers.app
from district_shared.migrations import upgrade
from district_shared.service import ServiceSpec
from district_shared.settings import ServiceSettings


@dataclass(frozen=True)
class ServiceUnderTest:
    spec: ServiceSpec
    create_app: Callable[[ServiceSettings], FastAPI]

    @property
    def name(self) -> str:
        return self.spec.name

    def settings(self, database_url: str, bootstrap: str, **overrides: Any) -> ServiceSettings:
        return self.spec.settings_type(
            database_url=database_url, kafka_bootstrap_servers=bootstrap, environment="test", **overrides
        )

    async def migrate(self, database_url: str) -> None:
        await asyncio.to_thread(upgrade, self.spec.migrations, database_url)


SERVICES = [
    ServiceUnderTest(registry.app.SPEC, registry.app.create_app),
    ServiceUnderTest(risk.app.SPEC, risk.app.create_app),
    ServiceUnderTest(cases.app.SPEC, cases.app.create_app),
    ServiceUnderTest(volunteers.app.SPEC, volunteers.app.create_app),
]


@asynccontextmanager
async def http_client(app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    """An HTTP client talking to `app` in process, with its lifespan running."""
    async with LifespanManager(app) as manager:
        transport = httpx.ASGITransport(app=manager.app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            yield client
