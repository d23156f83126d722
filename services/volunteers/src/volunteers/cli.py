"""`district-volunteers serve | migrate`."""

from district_shared.service import service_cli
from volunteers.app import SPEC, create_app

cli = service_cli(SPEC, create_app)
