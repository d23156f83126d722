"""`district-risk serve | migrate`."""

from district_shared.service import service_cli
from risk.app import SPEC, create_app

cli = service_cli(SPEC, create_app)
