"""The volunteers service's tables."""

from district_shared.db import new_metadata
from district_shared.platform_tables import add_platform_tables

metadata = new_metadata()
add_platform_tables(metadata)
