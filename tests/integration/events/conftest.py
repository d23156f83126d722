import pytest

from tests.integration.events.apps import create_schema, create_topics


@pytest.fixture(scope="session")
async def notes_topics(kafka_bootstrap: str) -> str:
    await create_topics(kafka_bootstrap)
    return kafka_bootstrap


@pytest.fixture
async def producer_db(databases) -> str:
    url: str = await databases.new()
    await create_schema(url)
    return url


@pytest.fixture
async def consumer_db(databases) -> str:
    url: str = await databases.new()
    await create_schema(url)
    return url
