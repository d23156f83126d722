"""`district-registry seed`: the seeded district, with a progress bar."""

import asyncio
from functools import partial
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from district_shared.clock import Clock
from district_shared.db import create_engine, session_factory
from district_shared.logs import configure_logging
from registry.seeding.writer import Seed, SeedSummary, already_there, seed_district
from registry.settings import RegistrySettings


async def _seed(settings: RegistrySettings, seed: Seed, console: Console) -> SeedSummary | None:
    engine, clock = create_engine(settings.database_url), Clock(settings.district_timezone)
    sessions = session_factory(engine)
    try:
        async with sessions() as session:
            if await already_there(session, seed):
                return None
        columns = (TextColumn("Seeding"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
        with Progress(*columns, console=console) as progress:
            advance = partial(progress.advance, progress.add_task("enterprises", total=seed.enterprises))
            return await seed_district(sessions, seed, clock.now(), clock.zone, advance)
    finally:
        await engine.dispose()


def seed_command(
    seed: Annotated[int, typer.Option(help="The same seed always gives the same district.")] = 1,
    buildings: Annotated[int, typer.Option(min=1, help="Office buildings.")] = 38,
    enterprises: Annotated[int, typer.Option(min=0, help="Enterprises, spread over the buildings.")] = 1500,
) -> None:
    """Write a generated district through the registry's use cases (its events go out with `serve`)."""
    settings = RegistrySettings()
    configure_logging(settings.log_level, "registry")
    console = Console()
    summary = asyncio.run(_seed(settings, Seed(seed, buildings, enterprises), console))
    if summary is None:
        console.print(f"The district of seed {seed} is already there: nothing written.")
        return
    for name, value in vars(summary).items():
        console.print(f"{name.replace('_', ' ')}: {value:,}")
