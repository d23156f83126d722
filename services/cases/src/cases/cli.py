"""`district-cases serve | migrate`."""

from cases.app import SPEC, create_app
from district_shared.service import service_cli

cli = service_cli(SPEC, create_app)
