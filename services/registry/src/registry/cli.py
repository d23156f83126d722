"""`district-registry serve | migrate`."""

from district_shared.service import service_cli
from registry.app import SPEC, create_app

cli = service_cli(SPEC, create_app)
