"""The crime-records import benchmark: `import records` of one million generated records
(a large force's five years) against a plain DuckDB `read_csv` of the same file.

Goal (issue #14): within 2x the time of plain DuckDB, peak memory under 2 GB. Each
contender runs in its own child process (`python -m bench records-contender NAME …`), so
its peak resident memory is its own (collected with `os.wait4`); the file is read once
first so both start from a warm page cache. The generated file is kept in bench/out/.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

OUT_DIR = Path(__file__).resolve().parent / "out"
REPO_ROOT = Path(__file__).resolve().parents[1]
EXTRACT_DIR = OUT_DIR / "crime-records-1m"
MONTHS = tuple(f"{year}-{month:02d}" for year in range(2021, 2026) for month in range(1, 13))
RECORDS_PER_MONTH = 16_667  # x 60 months = about one million records
SEED = 0
MAX_RATIO = 2.0
MAX_PEAK_MB = 2048.0


@dataclass(frozen=True)
class RecordsRun:
    contender: str
    seconds: float
    rows: int
    peak_rss_mb: float
    cpu_seconds: float  # the child's user + system time (all its threads)


def _extract() -> tuple[Path, Path, float | None]:
    """The million-record extract and its mapping (generated once, kept in bench/out/)."""
    path, mapping = EXTRACT_DIR / "crime-records.csv", EXTRACT_DIR / "crime-records-mapping.yaml"
    if path.is_file() and mapping.is_file():
        return path, mapping, None
    from policeplan.synthetic.crime_records import write_crime_records_extract

    started = time.perf_counter()
    write_crime_records_extract(EXTRACT_DIR, MONTHS, seed=SEED, records_per_month=RECORDS_PER_MONTH)
    return path, mapping, time.perf_counter() - started


def policeplan_records(path: Path, mapping: Path, workdir: Path) -> int:
    """`import_crime_records` into a new workspace (creating it is timed too)."""
    from policeplan.config import load_settings
    from policeplan.ingest.crime_records import import_crime_records
    from policeplan.store.workspace import Workspace

    workspace = Workspace.open(load_settings(workdir / "workspace", {}))
    summary = import_crime_records(workspace, path, mapping)
    return summary.rows_loaded + summary.rows_rejected


def duckdb_read_csv(path: Path, mapping: Path, workdir: Path) -> int:
    """One statement: `CREATE TABLE t AS SELECT * FROM read_csv(file)`, types detected."""
    import duckdb

    con = duckdb.connect(str(workdir / "plain.duckdb"))
    try:
        row = con.execute(f"CREATE TABLE t AS SELECT * FROM read_csv('{path}')").fetchone()
    finally:
        con.close()
    assert row is not None
    return int(row[0])


def duckdb_read_csv_text(path: Path, mapping: Path, workdir: Path) -> int:
    """The same with every column read as text (`all_varchar = true`)."""
    import duckdb

    con = duckdb.connect(str(workdir / "plain.duckdb"))
    try:
        row = con.execute(
            f"CREATE TABLE t AS SELECT * FROM read_csv('{path}', all_varchar = true)"
        ).fetchone()
    finally:
        con.close()
    assert row is not None
    return int(row[0])


CONTENDERS: dict[str, Callable[[Path, Path, Path], int]] = {
    "policeplan-records": policeplan_records,
    "duckdb-read-csv": duckdb_read_csv,
    "duckdb-read-csv-text": duckdb_read_csv_text,
}
PRELOAD = ("duckdb", "policeplan.ingest.crime_records", "policeplan.store.workspace")


def run_contender_here(name: str, path: Path, mapping: Path, workdir: Path, result: Path) -> None:
    """The child's side: import the libraries, then time only the contender's work."""
    import importlib

    for module in PRELOAD:
        importlib.import_module(module)
    started = time.perf_counter()
    rows = CONTENDERS[name](path, mapping, workdir)
    seconds = time.perf_counter() - started
    result.write_text(json.dumps({"seconds": seconds, "rows": rows}), encoding="utf-8")


def _measure(name: str, path: Path, mapping: Path) -> RecordsRun:
    workdir = Path(tempfile.mkdtemp(prefix=f"{name}-", dir=OUT_DIR))
    result = workdir / "result.json"
    command = [
        sys.executable, "-m", "bench", "records-contender", name, "--file", str(path),
        "--mapping", str(mapping), "--workdir", str(workdir), "--result", str(result),
    ]  # fmt: skip
    try:
        child = subprocess.Popen(command, cwd=REPO_ROOT)
        _, status, usage = os.wait4(child.pid, 0)
        if os.waitstatus_to_exitcode(status) != 0:
            raise RuntimeError(f"{name} failed")
        found = json.loads(result.read_text(encoding="utf-8"))
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    cpu = usage.ru_utime + usage.ru_stime
    return RecordsRun(name, found["seconds"], found["rows"], usage.ru_maxrss / 1024, cpu)


def crime_records_benchmark(repeat: int = 1, say: Callable[[str], None] = print) -> list[str]:
    """Run every contender `repeat` times (best kept), print the comparison and the goals;
    returns the printed lines."""
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    path, mapping, generated = _extract()
    if generated is not None:
        say(f"generated {path} in {generated:.1f} s")
    with path.open("rb") as data:  # warm the page cache for everyone
        while data.read(1 << 22):
            pass
    best: dict[str, RecordsRun] = {}
    for _ in range(repeat):
        for name in CONTENDERS:
            run = _measure(name, path, mapping)
            if name not in best or run.seconds < best[name].seconds:
                best[name] = run
    ours = best["policeplan-records"]
    baseline = min((best[n] for n in CONTENDERS if n != "policeplan-records"),
                   key=lambda r: r.seconds)  # fmt: skip
    size = path.stat().st_size / 2**20
    lines = [
        f"Crime records import: {ours.rows:,} records, {size:,.0f} MiB CSV "
        f"(load average {os.getloadavg()[0]:.1f}, best of {repeat})",
        f"{'contender':<22} {'seconds':>8} {'rows/s':>11} {'peak MiB':>9} {'CPU s':>6}",
    ]
    for run in best.values():
        lines.append(f"{run.contender:<22} {run.seconds:8.2f} {run.rows / run.seconds:11,.0f} "
                     f"{run.peak_rss_mb:9,.0f} {run.cpu_seconds:6.1f}")  # fmt: skip
    ratio = ours.seconds / baseline.seconds
    lines += [
        f"{'PASS' if ratio <= MAX_RATIO else 'FAIL'}  time vs plain DuckDB ({baseline.contender}): "
        f"{ratio:.2f}x (goal <= {MAX_RATIO:g}x)",
        f"{'PASS' if ours.peak_rss_mb < MAX_PEAK_MB else 'FAIL'}  peak memory "
        f"{ours.peak_rss_mb:,.0f} MiB (goal < {MAX_PEAK_MB:,.0f} MiB)",
    ]
    for line in lines:
        say(line)
    (OUT_DIR / "crime-records.json").write_text(
        json.dumps({"runs": [run.__dict__ for run in best.values()], "ratio": ratio}, indent=2),
        encoding="utf-8",
    )
    return lines
