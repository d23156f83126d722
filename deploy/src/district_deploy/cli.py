"""`district`: the operator's command line."""

import asyncio
import os
import secrets
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from district_deploy import kafka as kafka_jars
from district_deploy import postgres as pg
from district_deploy.kafka import LocalKafka
from district_deploy.runner import run_platform
from district_shared.contracts import asyncapi, schemas
from district_shared.topics import ensure_topics

app = typer.Typer(help="Run and operate the District Services Platform.", no_args_is_help=True)
kafka_app = typer.Typer(help="A local Apache Kafka broker from the official jars.", no_args_is_help=True)
postgres_app = typer.Typer(help="PostgreSQL from Debian's packages.", no_args_is_help=True)
contracts_app = typer.Typer(help="The event contract's JSON Schemas.", no_args_is_help=True)
app.add_typer(kafka_app, name="kafka")
app.add_typer(postgres_app, name="postgres")
app.add_typer(contracts_app, name="contracts")
console = Console()

Home = Annotated[Path, typer.Option(help="Folder for local state (Kafka log, SQLite files).")]


@app.command()
def up(home: Home = Path(".district")) -> None:
    """Run Kafka, the topics, migrations and every service on the embedded defaults until Ctrl-C."""
    run_platform(home)


@app.command()
def topics(
    bootstrap: Annotated[str, typer.Option(envvar="KAFKA_BOOTSTRAP_SERVERS")] = "localhost:9092",
    partitions: Annotated[int, typer.Option(envvar="TOPIC_PARTITIONS", min=1)] = 6,
    replication_factor: Annotated[int, typer.Option(min=1)] = 1,
) -> None:
    """Create every topic of the contract that is missing (idempotent)."""
    report = asyncio.run(ensure_topics(bootstrap, partitions, replication_factor))
    for name in report.created:
        console.print(f"[green]created[/] {name}")
    console.print(f"{len(report.created)} created, {len(report.existing)} already there")


@kafka_app.command("fetch")
def kafka_fetch() -> None:
    """Resolve the pinned Kafka jars from Maven Central into the local cache."""
    console.print(f"Kafka {kafka_jars.KAFKA_VERSION} jars in {kafka_jars.ensure_jars()}")


@kafka_app.command("run")
def kafka_run(port: int = 9092, home: Home = Path(".district")) -> None:
    """Run a single-node broker in the foreground until Ctrl-C."""
    broker = LocalKafka(port, home / "kafka")
    broker.start()
    console.print(f"Kafka {kafka_jars.KAFKA_VERSION} serving on {broker.bootstrap}; Ctrl-C stops it")
    try:
        assert broker.process is not None
        broker.process.wait()
    except KeyboardInterrupt:
        broker.stop()


@postgres_app.command("install")
def postgres_install() -> None:
    """Install the PostgreSQL server from Debian's packages if it is missing."""
    console.print(f"PostgreSQL {pg.ensure_installed()} installed")


@postgres_app.command("up")
def postgres_up() -> None:
    """Start the local cluster and give each service its database; print the URLs to export."""
    password = os.environ.get("DISTRICT_PG_PASSWORD") or secrets.token_urlsafe(16)
    cluster = pg.local_cluster(password)
    for service in pg.SERVICES:
        url = cluster.url(f"district_{service}", "district", password)
        console.print(f"export {service.upper()}_DATABASE_URL={url}", soft_wrap=True)


@contracts_app.command("export")
def contracts_export() -> None:
    """Write every event type's JSON Schema and the AsyncAPI document (commit them: they are the contract)."""
    for path in [*schemas.export(), asyncapi.export()]:
        console.print(f"wrote {path}")
