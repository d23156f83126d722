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


class FreshDatabases:
    """Hands out fresh, empty databases of one kind and drops them afterwards."""

    def __init__(self, kind: str, folder: Path, server: Databases | None) -> None:
        self.kind, self.folder, self.server = kind, folder, server
        self.made: list[str] = []

    async def new(self) -> str:
        if self.server is None:
            url = f"sqlite+aiosqlite:///{self.folder / f'db{len(self.made)}.sqlite'}"
        else:
            url = await self.server.new()
        self.made.append(url)
        return url

    async def drop_all(self) -> None:
        if self.server is not None:
            for url in self.made:
                await self.server.drop(url)


@pytest.fixture(params=["sqlite", "postgresql"])
async def databases(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[FreshDatabases]:
    """Fresh databases of each kind: SQLite files, and databases on the suite's real PostgreSQL."""
    server = request.getfixturevalue("postgres") if request.param == "postgresql" else None
    fresh = FreshDatabases(request.param, tmp_path, server)
    yield fresh
    await fresh.drop_all()


@pytest.fixture
async def database_url(databases: FreshDatabases) -> str:
    """A fresh, empty database of each kind."""
    return await databases.new()
