"""`district-risk serve | migrate | replay`."""

import asyncio

import typer

from district_shared.logs import configure_logging
from district_shared.service import service_cli
from risk.app import SPEC, build, create_app
from risk.replay import ReplayRefused, replay
from risk.settings import RiskSettings

cli = service_cli(SPEC, create_app)


async def _replay(settings: RiskSettings, drop_overrides: bool) -> str:
    runtime, _policy = build(settings)
    try:
        done = await replay(runtime, drop_overrides=drop_overrides)
    finally:
        await runtime.engine.dispose()
    return (
        f"rewound {', '.join(done.groups)}; cleared {done.enterprises} enterprises"
        f" and dropped {done.overrides_dropped} overrides in force; start the service to rebuild"
    )


@cli.command(name="replay")
def replay_command(
    drop_overrides: bool = typer.Option(False, help="Go ahead even if staff overrides are in force."),
) -> None:
    """Rebuild from the input topics at the next start (every replica stopped, outbox published)."""
    settings = RiskSettings()
    configure_logging(settings.log_level, SPEC.name)
    try:
        typer.echo(asyncio.run(_replay(settings, drop_overrides)))
    except ReplayRefused as refused:
        typer.echo(f"replay refused: {refused}", err=True)
        raise typer.Exit(1) from None
