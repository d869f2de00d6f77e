"""The contenders of the import benchmark. Each runs in its own process (see measure.py),
reads exactly the files it is given, writes into a fresh on-disk database under `workdir`,
and returns the number of data rows it read. The timed work includes closing the database,
so the final checkpoint to disk is counted.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class ContenderRun:
    rows: int
    detail: dict[str, int | str]


def policeplan_import(files: list[Path], workdir: Path) -> ContenderRun:
    """policeplan's `import_police_uk` into a new workspace (creating it is timed too)."""
    from policeplan.config import load_settings
    from policeplan.ingest.police_uk import import_police_uk
    from policeplan.store.workspace import Workspace

    workspace = Workspace.open(load_settings(workdir / "workspace", {}))
    summary = import_police_uk(workspace, files)
    # import_police_uk closes its connection on return, which checkpoints the database.
    rejected_files = sum(result.status == "rejected" for result in summary.files)
    return ContenderRun(
        rows=summary.rows_loaded + summary.rows_rejected,
        detail={
            "rows_loaded": summary.rows_loaded,
            "rows_rejected": summary.rows_rejected,
            "files_rejected": rejected_files,
        },
    )


def _sql_list(files: list[Path]) -> str:
    return "[" + ", ".join("'" + str(path).replace("'", "''") + "'" for path in files) + "]"


def duckdb_read_csv(files: list[Path], workdir: Path) -> ContenderRun:
    """One statement: every file through DuckDB's multi-file `read_csv`, all columns text."""
    import duckdb

    con = duckdb.connect(str(workdir / "plain.duckdb"))
    try:
        row = con.execute(
            "CREATE TABLE t AS SELECT * FROM "
            f"read_csv({_sql_list(files)}, all_varchar = true, union_by_name = true)"
        ).fetchone()
    finally:
        con.close()
    assert row is not None
    return ContenderRun(rows=int(row[0]), detail={})


# police.uk's street header. Older files spell it in snake_case; the columns are the same.
STREET_COLUMNS = (
    "Crime ID", "Month", "Reported by", "Falls within", "Longitude", "Latitude", "Location",
    "LSOA code", "LSOA name", "Crime type", "Last outcome category", "Context",
)  # fmt: skip


def duckdb_read_csv_names(files: list[Path], workdir: Path) -> ContenderRun:
    """As duckdb_read_csv, but naming the street columns instead of `union_by_name`, which in
    DuckDB 2.0 costs several times the read itself. Street files only."""
    import duckdb

    names = "[" + ", ".join(f"'{name}'" for name in STREET_COLUMNS) + "]"
    con = duckdb.connect(str(workdir / "plain.duckdb"))
    try:
        row = con.execute(
            "CREATE TABLE t AS SELECT * FROM "
            f"read_csv({_sql_list(files)}, all_varchar = true, header = true, names = {names})"
        ).fetchone()
    finally:
        con.close()
    assert row is not None
    return ContenderRun(rows=int(row[0]), detail={})


def duckdb_insert_loop(files: list[Path], workdir: Path) -> ContenderRun:
    """One INSERT per file (the shape of a per-file import), all columns text.

    Columns are matched by position: police.uk files all have the same 12 columns in the same
    order, but some older ones spell the header in snake_case.
    """
    import duckdb

    con = duckdb.connect(str(workdir / "plain.duckdb"))
    rows = 0
    try:
        first = _sql_list(files[:1])
        con.execute(
            f"CREATE TABLE t AS SELECT * FROM read_csv({first}, all_varchar = true) LIMIT 0"
        )
        for path in files:
            row = con.execute(
                f"INSERT INTO t SELECT * FROM read_csv({_sql_list([path])}, all_varchar = true)"
            ).fetchone()
            assert row is not None
            rows += int(row[0])
    finally:
        con.close()
    return ContenderRun(rows=rows, detail={})


def pandas_script(files: list[Path], workdir: Path) -> ContenderRun:
    """What an analyst would write: read each file with pandas (all text), concatenate, and
    store the frame in a DuckDB file."""
    import duckdb
    import pandas as pd

    frames = [pd.read_csv(path, dtype=str) for path in files]
    crimes = pd.concat(frames, ignore_index=True)
    del frames
    con = duckdb.connect(str(workdir / "pandas.duckdb"))
    try:
        con.register("crimes", crimes)
        con.execute("CREATE TABLE t AS SELECT * FROM crimes")
    finally:
        con.close()
    return ContenderRun(rows=len(crimes), detail={})


Contender = Callable[[list[Path], Path], ContenderRun]

CONTENDERS: dict[str, Contender] = {
    "policeplan": policeplan_import,
    "duckdb-read-csv": duckdb_read_csv,
    "duckdb-read-csv-names": duckdb_read_csv_names,
    "duckdb-insert-loop": duckdb_insert_loop,
    "pandas": pandas_script,
}

DESCRIPTIONS: dict[str, str] = {
    "policeplan": "policeplan import_police_uk into a fresh workspace",
    "duckdb-read-csv": "DuckDB CREATE TABLE AS read_csv([all files]), all_varchar, union_by_name",
    "duckdb-read-csv-names": "the same with the 12 street column names given instead of "
    "union_by_name",
    "duckdb-insert-loop": "DuckDB INSERT ... read_csv(file) per file, all_varchar",
    "pandas": "pandas read_csv(dtype=str) per file, concat, to DuckDB",
}

# Imported by the child before its clock starts, so library start-up is not timed; each child
# imports only what its contender needs, so its peak memory is its own.
PRELOAD: dict[str, tuple[str, ...]] = {
    "policeplan": (
        "duckdb",
        "policeplan.config",
        "policeplan.ingest.police_uk",
        "policeplan.store.workspace",
    ),
    "duckdb-read-csv": ("duckdb",),
    "duckdb-read-csv-names": ("duckdb",),
    "duckdb-insert-loop": ("duckdb",),
    "pandas": ("duckdb", "pandas"),
}
