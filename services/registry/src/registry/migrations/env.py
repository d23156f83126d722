from district_shared.migrations import run_env
from registry.storage.tables import metadata

run_env(metadata)
