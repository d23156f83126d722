from district_shared.migrations import run_env
from volunteers.storage.tables import metadata

run_env(metadata)
