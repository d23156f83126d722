"""Platform tables: outbox, inbox, idempotency keys, leases.

Revision ID: 0001
Revises:
"""

from alembic import op

from district_shared.platform_tables import create_platform_tables, drop_platform_tables

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    create_platform_tables(op.get_bind())


def downgrade() -> None:
    drop_platform_tables(op.get_bind())
