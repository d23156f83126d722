"""What makes a process one of the platform's services: its spec, runtime, FastAPI app and commands."""

from collections.abc import AsyncIterator, Callable, Iterable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path

import typer
import uvicorn
from fastapi import APIRouter, FastAPI
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from district_shared.clock import Clock, Ticker, clock_control_router
from district_shared.db import create_engine, session_factory
from district_shared.health import health_router
from district_shared.logs import configure_logging
from district_shared.migrations import upgrade
from district_shared.settings import ServiceSettings
from district_shared.topics import dlq


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
    ticker: Ticker = field(default_factory=Ticker)


def build_runtime(spec: ServiceSpec, settings: ServiceSettings) -> Runtime:
    engine = create_engine(settings.database_url)
    return Runtime(spec, settings, engine, session_factory(engine), Clock(settings.district_timezone))


def create_service_app(runtime: Runtime, routers: Iterable[APIRouter] = ()) -> FastAPI:
    """The FastAPI app every service shares: health, readiness, the guarded clock, then its own routes."""

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        try:
            yield
        finally:
            await runtime.engine.dispose()

    settings = runtime.settings
    app = FastAPI(title=f"District {runtime.spec.name}", root_path=settings.root_path, lifespan=lifespan)
    app.state.runtime = runtime
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
        settings = spec.settings_type()
        configure_logging(settings.log_level, spec.name)
        uvicorn.run(app_factory(settings), host=settings.host, port=settings.port, log_config=None)

    @cli.command()
    def migrate() -> None:
        """Bring the service's database to the newest schema."""
        settings = spec.settings_type()
        configure_logging(settings.log_level, spec.name)
        upgrade(spec.migrations, settings.database_url)

    return cli
