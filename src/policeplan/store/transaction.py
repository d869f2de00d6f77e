"""The one way policeplan writes to DuckDB: a transaction that commits on success and rolls
back on any exception, Ctrl-C (KeyboardInterrupt) included, so an interrupted write leaves
the workspace exactly as it was.

    >>> import duckdb
    >>> con = duckdb.connect()
    >>> _ = con.execute("CREATE TABLE t (x INTEGER)")
    >>> with transaction(con):
    ...     _ = con.execute("INSERT INTO t VALUES (1)")
    >>> con.execute("SELECT count(*) FROM t").fetchone()
    (1,)
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import duckdb

__all__ = ["transaction"]


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    """BEGIN … COMMIT; ROLLBACK on any exception, KeyboardInterrupt included."""
    con.execute("BEGIN TRANSACTION")
    try:
        yield con
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")
