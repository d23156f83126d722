"""Session-wide real parts: one Kafka broker with the contract's topics, one PostgreSQL server."""

import asyncio
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from district_shared.topics import ensure_topics
from tests.infra.real import Databases, kafka_broker, postgres_server


@pytest.fixture(scope="session")
def kafka_bootstrap(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real broker holding every topic of DESIGN §3 (one partition each, as tests may use)."""
    with kafka_broker(tmp_path_factory.mktemp("kafka")) as bootstrap:
        asyncio.run(ensure_topics(bootstrap, partitions=1))
        yield bootstrap


@pytest.fixture(scope="session")
def postgres() -> Iterator[Databases]:
    with postgres_server() as databases:
        yield databases


@pytest.fixture(params=["sqlite", "postgresql"])
async def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[str]:
    """A fresh, empty database of each kind."""
    if request.param == "sqlite":
        yield f"sqlite+aiosqlite:///{tmp_path / 'service.db'}"
        return
    databases: Databases = request.getfixturevalue("postgres")
    url = await databases.new()
    yield url
    await databases.drop(url)
