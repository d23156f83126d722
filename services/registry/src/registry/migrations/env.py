from alembic import context

from district_shared.migrations import run_env
from registry.storage.tables import metadata
from registry.use_cases.catalogue import sync_shipped_catalogue

run_env(metadata)
# The catalogue is data shipped with the code: every migrate to the newest schema makes the table exactly
# the file, so a changed file needs no migration of its own.
if not context.is_offline_mode() and context.get_revision_argument() == context.script.get_current_head():
    url = context.config.get_main_option("sqlalchemy.url")
    assert url is not None
    sync_shipped_catalogue(url)
