"""`district-registry serve | migrate | seed`."""

from district_shared.service import service_cli
from registry.app import SPEC, create_app
from registry.seeding.command import seed_command

cli = service_cli(SPEC, create_app)
cli.command("seed")(seed_command)
