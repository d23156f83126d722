from district_shared.migrations import run_env
from risk.storage.tables import metadata

run_env(metadata)
