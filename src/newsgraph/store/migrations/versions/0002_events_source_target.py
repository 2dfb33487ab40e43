"""Events by source country and target country together.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-05

"Who did what to whom" between two countries is one of the HTTP API's typical
questions. With only the one-side indexes, PostgreSQL intersects two bitmaps of
every event of each country, then sorts the matches (11-40 ms at 100k articles,
1.3M events); one index on the pair, in key order, hands out a page directly
(1.1 ms).
"""

from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.create_index('ix_events_source_target', ['source_country', 'target_country', 'id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.drop_index('ix_events_source_target')
