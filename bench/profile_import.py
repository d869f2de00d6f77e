"""Where policeplan's import spends its time: every SQL statement it sends is timed and
grouped by kind, the Python side is profiled with cProfile, and the statement that reads and
checks a file is broken into stages on the largest file (with DuckDB's EXPLAIN ANALYZE saved
to bench/out/).
"""

from __future__ import annotations

import cProfile
import io
import pstats
import re
import shutil
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb

from bench.datasets import FileSet, national_year, real_sample, warm_page_cache
from bench.import_throughput import OUT_DIR
from policeplan.config import load_settings
from policeplan.ingest.police_uk import import_police_uk
from policeplan.store.workspace import Workspace

# (label, pattern on the statement) — first match wins.
STATEMENT_KINDS: tuple[tuple[str, str], ...] = (
    ("stage view pp_rows (lazy, no reading)", r"^CREATE OR REPLACE TEMP VIEW pp_rows"),
    ("read + split + check file -> pp_checked", r"^CREATE OR REPLACE TEMP TABLE pp_checked"),
    ("modal force/month of pp_checked", r"GROUP BY 1 ORDER BY n DESC"),
    ("INSERT good rows into data table", r"^INSERT INTO (street_crimes|outcomes|stop_and)"),
    ("INSERT rejects", r"^INSERT INTO rejects"),
    ("DELETE old partition rows", r"^DELETE FROM"),
    ("count loaded/rejected", r"^SELECT count\(\*\) FILTER"),
    ("unmapped outcomes", r"o\.label_key IS NULL GROUP BY 1"),
    ("partitions bookkeeping", r"partitions"),
    ("BEGIN/COMMIT", r"^(BEGIN|COMMIT|ROLLBACK)"),
    ("lookups and settings", r"^(CREATE OR REPLACE TEMP TABLE pp_|INSERT INTO pp_|SET )"),
)


def statement_kind(sql: str) -> str:
    text = sql.strip()
    for label, pattern in STATEMENT_KINDS:
        if re.search(pattern, text):
            return label
    return "other: " + text[:40]


@dataclass
class StatementTimes:
    seconds: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    calls: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    checked_sql: dict[str, str] = field(default_factory=dict)

    def add(self, sql: str, seconds: float) -> None:
        kind = statement_kind(sql)
        self.seconds[kind] += seconds
        self.calls[kind] += 1


class TimingConnection:
    """Passes every call to a DuckDB connection, timing execute() and executemany()."""

    def __init__(self, con: duckdb.DuckDBPyConnection, times: StatementTimes) -> None:
        self._con = con
        self._times = times

    def execute(self, sql: str, *args: Any) -> TimingConnection:
        started = time.perf_counter()
        self._con.execute(sql, *args)
        self._times.add(sql, time.perf_counter() - started)
        if sql.startswith(("CREATE OR REPLACE TEMP VIEW pp_rows", "CREATE OR REPLACE TEMP TABLE pp_checked")):
            self._times.checked_sql[sql.split()[5]] = sql
        return self

    def executemany(self, sql: str, *args: Any) -> TimingConnection:
        started = time.perf_counter()
        self._con.executemany(sql, *args)
        self._times.add(sql, time.perf_counter() - started)
        return self

    def __getattr__(self, name: str) -> Any:
        return getattr(self._con, name)


@dataclass(frozen=True)
class TimingWorkspace(Workspace):
    times: StatementTimes = field(default_factory=StatementTimes)

    @contextmanager
    def connect(self, read_only: bool = False) -> Iterator[Any]:
        with super().connect(read_only) as con:
            yield TimingConnection(con, self.times)


def profile_import(dataset: str, limit: int | None, keep: bool) -> None:
    scratch = Path(tempfile.mkdtemp(prefix="policeplan-profile-"))
    try:
        file_set = real_sample() if dataset == "real" else national_year(scratch / "national")
        if file_set is None:
            print("real sample: ../shared/data/police_uk not found; nothing to profile")
            return
        files = file_set.files[:limit] if limit else file_set.files
        warm_page_cache(files)
        _profile_statements(FileSet(file_set.name, file_set.description, files), scratch)
        _stage_breakdown(max(files, key=lambda p: p.stat().st_size), scratch)
    finally:
        if keep:
            print(f"kept {scratch}")
        else:
            shutil.rmtree(scratch, ignore_errors=True)


def _profile_statements(file_set: FileSet, scratch: Path) -> None:
    settings = load_settings(scratch / "workspace", {})
    Workspace.open(settings)
    workspace = TimingWorkspace(settings)
    profiler = cProfile.Profile()
    started = time.perf_counter()
    profiler.enable()
    summary = import_police_uk(workspace, list(file_set.files))
    profiler.disable()
    total = time.perf_counter() - started
    rows = summary.rows_loaded + summary.rows_rejected
    times = workspace.times
    print(f"\npoliceplan import of {len(file_set.files)} files ({file_set.name}): "
          f"{total:.1f} s, {rows:,} rows, {rows / total:,.0f} rows/s")  # fmt: skip
    print(f"\n{'statement kind':<44}{'calls':>7}{'seconds':>10}{'share':>8}")
    for kind, seconds in sorted(times.seconds.items(), key=lambda item: -item[1]):
        print(f"{kind:<44}{times.calls[kind]:>7}{seconds:>10.2f}{seconds / total:>8.1%}")
    in_sql = sum(times.seconds.values())
    print(f"{'outside SQL (Python: header, sha256, ...)':<44}{'':>7}{total - in_sql:>10.2f}"
          f"{(total - in_sql) / total:>8.1%}")  # fmt: skip
    text = io.StringIO()
    stats = pstats.Stats(profiler, stream=text)
    stats.sort_stats("tottime").print_stats(12)
    print("\ncProfile, top functions by own time:")
    print("\n".join(line for line in text.getvalue().splitlines() if line.strip())[-2000:])
    OUT_DIR.mkdir(exist_ok=True)
    for name, sql in times.checked_sql.items():
        (OUT_DIR / f"profile-{name}.sql").write_text(sql + "\n", encoding="utf-8")


def _timed(con: duckdb.DuckDBPyConnection, sql: str) -> float:
    started = time.perf_counter()
    con.execute(sql).fetchall()
    return time.perf_counter() - started


def _stage_breakdown(path: Path, scratch: Path) -> None:
    """Time each stage of policeplan's read-and-check statement on one file."""
    view_sql = (OUT_DIR / "profile-pp_rows.sql").read_text(encoding="utf-8")
    checked_sql = (OUT_DIR / "profile-pp_checked.sql").read_text(encoding="utf-8")
    # The captured statements name the last file imported; point them at this one.
    view_sql = re.sub(r"read_csv\(\s*'[^']*'", f"read_csv('{path}'", view_sql)
    con = duckdb.connect(str(scratch / "stages.duckdb"))
    con.execute("CREATE TEMP TABLE pp_force_names (name_key VARCHAR, slug VARCHAR)")
    con.execute("CREATE TEMP TABLE pp_crime_types (key VARCHAR, label VARCHAR)")
    from policeplan.ingest.police_uk import _create_lookups

    _create_lookups(con)
    con.execute(view_sql)
    lines = (
        f"SELECT count(*) FROM read_csv('{path}', columns = {{'line': 'VARCHAR'}}, "
        "header = false, delim = '\x1f', quote = '', escape = '', auto_detect = false, "
        "strict_mode = false, max_line_size = 10000000)"
    )
    stages = [
        ("plain read_csv(all_varchar) of the file", f"SELECT count(*) FROM read_csv('{path}', all_varchar = true)"),
        ("read whole lines only", lines),
        ("+ row_number, split fields", "SELECT count(fields) FROM pp_rows"),
        ("+ trimmed columns", "SELECT count(c_crime_type) FROM pp_rows"),
        ("+ force/crime-type lookups", "SELECT count(reported_slug), count(falls_slug), count(crime_type_label) FROM pp_rows"),
        ("CTAS pp_checked (all checks)", checked_sql),
    ]  # fmt: skip
    print(f"\nstages on the largest file, {path.name}:")
    for label, sql in stages:
        print(f"  {label:<42}{_timed(con, sql):>8.2f} s")
    plan = con.execute("EXPLAIN ANALYZE " + checked_sql).fetchall()
    explain = OUT_DIR / "profile-explain-pp_checked.txt"
    explain.write_text("\n".join(str(row[1]) for row in plan), encoding="utf-8")
    print(f"EXPLAIN ANALYZE of the pp_checked statement written to {explain}")
    con.close()
