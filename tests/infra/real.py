"""Start the real broker and database: an existing one if configured, testcontainers with Docker, else
Kafka from the jars and a Debian PostgreSQL cluster made for this run."""

import os
import shutil
import subprocess
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import asyncpg
import pytest

from district_deploy import postgres as pg
from district_deploy.kafka import LocalKafka, free_port, free_port_pair


def docker_available() -> bool:
    if shutil.which("docker") is None:
        return False
    return subprocess.run(["docker", "info"], capture_output=True).returncode == 0


def unavailable(what: str, error: Exception) -> None:
    """In CI a missing broker or database fails the run; on a workstation it skips with the reason."""
    if os.environ.get("CI") == "true":
        raise RuntimeError(f"{what} is required in CI and could not be started: {error}") from error
    pytest.skip(f"{what} unavailable: {error}")


@contextmanager
def kafka_broker(home: Path) -> Iterator[str]:
    """Yield a bootstrap address of a broker with no topics of ours yet."""
    if docker_available():
        from testcontainers.kafka import KafkaContainer

        with KafkaContainer("apache/kafka:4.1.1").with_kraft() as container:
            yield container.get_bootstrap_server()
        return
    broker = LocalKafka(free_port_pair(), home)
    try:
        broker.start()
    except Exception as error:
        unavailable("Kafka", error)
    try:
        yield broker.bootstrap
    finally:
        broker.stop()


class Databases:
    """Makes and drops freshly named databases on one server, through its superuser."""

    def __init__(self, host: str, port: int, user: str, password: str = "") -> None:
        self.host, self.port, self.user, self.password = host, port, user, password
        self.count = 0

    def url(self, database: str) -> str:
        secret = f":{self.password}" if self.password else ""
        return f"postgresql+asyncpg://{self.user}{secret}@{self.host}:{self.port}/{database}"

    async def _admin(self, sql: str) -> None:
        connection = await asyncpg.connect(
            host=self.host,
            port=self.port,
            user=self.user,
            password=self.password or None,
            database="postgres",
        )
        try:
            await connection.execute(sql)
        finally:
            await connection.close()

    async def new(self) -> str:
        self.count += 1
        name = f"t_{os.getpid()}_{self.count}_{uuid.uuid4().hex[:6]}"
        await self._admin(f'CREATE DATABASE "{name}"')
        return self.url(name)

    async def drop(self, url: str) -> None:
        await self._admin(f'DROP DATABASE IF EXISTS "{url.rsplit("/", 1)[1]}" WITH (FORCE)')


@contextmanager
def postgres_server() -> Iterator[Databases]:
    """PostgreSQL in a container with Docker, else a Debian cluster made for this run and dropped after."""
    if docker_available():
        from testcontainers.postgres import PostgresContainer

        with PostgresContainer("postgres:15") as container:
            port = int(container.get_exposed_port(5432))
            yield Databases(container.get_container_host_ip(), port, container.username, container.password)
        return
    try:
        cluster = pg.temporary_cluster(free_port())
    except Exception as error:
        unavailable("PostgreSQL", error)
    try:
        yield Databases("127.0.0.1", cluster.port, "postgres")
    finally:
        cluster.drop()
