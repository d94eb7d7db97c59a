"""Alembic environment: always run against the connection handed over by `db.upgrade`."""

from __future__ import annotations

from alembic import context

from cchc_desktop.core.storage.orm import Base

connection = context.config.attributes["connection"]
# render_as_batch: SQLite cannot ALTER most things; batch mode rebuilds tables instead.
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
