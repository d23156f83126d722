from cases.storage.tables import metadata
from district_shared.migrations import run_env

run_env(metadata)
