"""Alembic environment for the records store.

policeplan runs migrations itself (`policeplan.records.migrate`), passing an open connection
in `config.attributes["connection"]`; there is no alembic.ini and no offline mode.
"""

from __future__ import annotations

from alembic import context

from policeplan.records.models import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError(
        "run policeplan's migrations with policeplan.records.migrate.upgrade(engine), "
        "not the alembic command line"
    )
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
