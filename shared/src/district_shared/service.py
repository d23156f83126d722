"""What makes a process one of the platform's services: its spec, runtime, FastAPI app and commands."""

import asyncio
import contextlib
import uuid
from collections.abc import AsyncIterator, Callable, Iterable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from functools import partial
from pathlib import Path

import structlog
import typer
import uvicorn
from fastapi import APIRouter, FastAPI
from faststream.kafka import KafkaBroker
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from district_shared import leases, messaging
from district_shared.clock import Clock, Ticker, TickJob, clock_control_router
from district_shared.consumer import Consumer, Handler
from district_shared.contracts import Event
from district_shared.db import create_engine, session_factory
from district_shared.health import health_router
from district_shared.http.auth import PrincipalDependency, principal_dependency
from district_shared.http.problems import install_problem_handlers
from district_shared.logs import configure_logging
from district_shared.migrations import upgrade
from district_shared.relay import OutboxRelay, RelaySettings
from district_shared.settings import ServiceSettings
from district_shared.topics import dlq

log = structlog.get_logger(__name__)


@dataclass(frozen=True)
class ServiceSpec:
    """A service's identity: name, settings, migrations and the topics it needs (for /ready)."""

    name: str
    settings_type: type[ServiceSettings]
    migrations: Path
    produces: tuple[str, ...] = ()
    consumes: tuple[str, ...] = ()

    @property
    def topics(self) -> tuple[str, ...]:
        return self.produces + self.consumes + tuple(dlq(t) for t in self.consumes)


@dataclass
class Runtime:
    """The long-lived parts a composition root hands to routes, handlers and timers."""

    spec: ServiceSpec
    settings: ServiceSettings
    engine: AsyncEngine
    sessions: async_sessionmaker[AsyncSession]
    clock: Clock
    broker: KafkaBroker
    relay: OutboxRelay
    principal: PrincipalDependency
    ticker: Ticker = field(default_factory=Ticker)
    consumers: list[Consumer] = field(default_factory=list)
    timers: list[tuple[str, timedelta, TickJob]] = field(default_factory=list)

    async def read_session(self) -> AsyncIterator[AsyncSession]:
        """A route dependency: one session for a request that only reads (`Depends(runtime.read_session)`)."""
        async with self.sessions() as session:
            yield session

    def every(self, name: str, interval: timedelta, job: TickJob) -> None:
        """Run `job` every `interval` on one replica at a time; `POST /_test/tick` runs it at once."""
        self.ticker.register(name, job)
        self.timers.append((name, interval, job))

    def consume(self, topic: str, handlers: dict[type[Event], Handler], group: str | None = None) -> Consumer:
        """Subscribe `handlers` to `topic` in the group `<service>.<topic>` (or `group`)."""
        consumer = Consumer(
            group=group or f"{self.spec.name}.{topic}",
            topic=topic,
            handlers=handlers,
            sessions=self.sessions,
            publish=partial(messaging.publish, self.broker),
        )
        messaging.subscribe(self.broker, consumer)
        self.consumers.append(consumer)
        return consumer


def build_runtime(spec: ServiceSpec, settings: ServiceSettings) -> Runtime:
    engine = create_engine(settings.database_url)
    broker = messaging.create_broker(settings.kafka_bootstrap_servers, client_id=spec.name)
    outbox_committed = asyncio.Event()
    sessions = session_factory(engine, on_outbox_commit=outbox_committed.set)
    relay = OutboxRelay(
        spec.name,
        sessions,
        partial(messaging.send, broker),
        RelaySettings(poll_interval=settings.outbox_poll_interval),
        wakeup=outbox_committed,
    )
    principal = principal_dependency(settings.auth_jwks_url, settings.auth_audience or spec.name)
    clock = Clock(settings.district_timezone)
    return Runtime(spec, settings, engine, sessions, clock, broker, relay, principal)


async def _start_broker(broker: KafkaBroker) -> None:
    """Connect, retrying while Kafka is unreachable; /ready reports the broker meanwhile."""
    attempt = 0
    while True:
        try:
            await broker.start()
            return
        except Exception as error:
            attempt += 1
            delay = min(0.5 * 2**attempt, 10.0)
            log.warning("Kafka unreachable; retrying", error=repr(error), retry_in_s=delay)
            with contextlib.suppress(Exception):
                await broker.stop()
            await asyncio.sleep(delay)


async def _run_messaging(runtime: Runtime) -> None:
    await _start_broker(runtime.broker)
    await runtime.relay.run()


async def _run_timer(runtime: Runtime, name: str, interval: timedelta, job: TickJob) -> None:
    """A singleton timer: only the replica holding the lease `<service>.<name>` runs the job."""
    lease, holder = f"{runtime.spec.name}.{name}", uuid.uuid4().hex
    ttl = max(interval * 3, timedelta(seconds=30))
    while True:
        try:
            if await leases.acquire(runtime.sessions, lease, holder, ttl):
                await job()
        except Exception as error:  # the next round retries; effects are idempotent
            log.warning("timer failed", timer=name, error=repr(error))
        await asyncio.sleep(interval.total_seconds())


@asynccontextmanager
async def running(runtime: Runtime) -> AsyncIterator[None]:
    """Run the service's broker, consumers and outbox relay for the duration of the block."""
    tasks = [asyncio.create_task(_run_messaging(runtime), name=f"{runtime.spec.name}-messaging")]
    tasks += [asyncio.create_task(_run_timer(runtime, *timer), name=timer[0]) for timer in runtime.timers]
    try:
        yield
    finally:
        for task in tasks:
            task.cancel()
        for task in tasks:
            with contextlib.suppress(asyncio.CancelledError):
                await task
        await runtime.broker.stop()
        await runtime.engine.dispose()


def create_service_app(runtime: Runtime, routers: Iterable[APIRouter] = ()) -> FastAPI:
    """The FastAPI app every service shares: health, readiness, the guarded clock, then its own routes."""

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        async with running(runtime):
            yield

    settings = runtime.settings
    app = FastAPI(title=f"District {runtime.spec.name}", root_path=settings.root_path, lifespan=lifespan)
    app.state.runtime = runtime
    install_problem_handlers(app)
    app.include_router(health_router(runtime.engine, settings.kafka_bootstrap_servers, runtime.spec.topics))
    if settings.clock_control:
        app.include_router(clock_control_router(runtime.clock, runtime.ticker))
    for router in routers:
        app.include_router(router)
    return app


def service_cli(spec: ServiceSpec, app_factory: Callable[[ServiceSettings], FastAPI]) -> typer.Typer:
    """The service's own commands: `serve` (HTTP and consumers) and `migrate` (a separate step)."""
    cli = typer.Typer(help=f"The district {spec.name} service.", no_args_is_help=True)

    @cli.command()
    def serve() -> None:
        """Run the HTTP API (and the service's consumers and timers) until stopped."""
        try:
            settings = spec.settings_type()
            configure_logging(settings.log_level, spec.name)
            app = app_factory(settings)
        except ValueError as error:  # pydantic's ValidationError and every configuration error
            # A plain message, not a traceback: this is what an operator reads in a crash-looping pod.
            typer.echo(f"{spec.name} cannot start: {error}", err=True)
            raise typer.Exit(2) from None
        uvicorn.run(app, host=settings.host, port=settings.port, log_config=None)

    @cli.command()
    def migrate() -> None:
        """Bring the service's database to the newest schema."""
        settings = spec.settings_type()
        configure_logging(settings.log_level, spec.name)
        upgrade(spec.migrations, settings.database_url)

    return cli
