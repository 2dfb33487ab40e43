"""Alembic environment: newsgraph runs migrations programmatically on an open connection.

``Store`` passes its connection in ``config.attributes["connection"]``; nothing is
read from an ``alembic.ini`` (there is none), so an installed package migrates
the same way as a checkout.
"""

from alembic import context

from newsgraph.store.schema import metadata

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only the programmatic path is supported
    raise RuntimeError("newsgraph migrations run through newsgraph.store.Store, not the alembic CLI")
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True,
                  compare_type=True)
with context.begin_transaction():
    context.run_migrations()
