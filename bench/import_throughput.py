"""The import benchmark: policeplan's import against plain DuckDB and a pandas script on the
same files, with the issue's goals checked.

Goals (data-spine issue): policeplan imports at least half as fast as plain DuckDB (the
faster of its two variants), at least 5x as fast as pandas, with peak memory under 2 GB.
"""

from __future__ import annotations

import json
import os
import platform
import shutil
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench.contenders import CONTENDERS, DESCRIPTIONS
from bench.datasets import FileSet, national_year, real_sample, warm_page_cache
from bench.measure import Measurement, measure

OUT_DIR = Path(__file__).resolve().parent / "out"

DUCKDB_VARIANTS = ("duckdb-read-csv", "duckdb-read-csv-names", "duckdb-insert-loop")
MIN_RATIO_TO_DUCKDB = 0.5
MIN_RATIO_TO_PANDAS = 5.0
MAX_PEAK_MB = 2048.0  # 2 GB, counted in MiB as ru_maxrss is


@dataclass(frozen=True)
class GoalCheck:
    name: str
    value: float
    target: str
    passed: bool
    explanation: str


@dataclass(frozen=True)
class ImportReport:
    file_set: FileSet
    best: dict[str, Measurement]
    runs: dict[str, list[Measurement]]
    started_at: str

    @property
    def duckdb_baseline(self) -> Measurement | None:
        variants = [self.best[name] for name in DUCKDB_VARIANTS if name in self.best]
        return max(variants, key=lambda m: m.rows_per_second, default=None)

    def goals(self) -> list[GoalCheck]:
        ours = self.best.get("policeplan")
        if ours is None:
            return []
        checks = []
        baseline = self.duckdb_baseline
        if baseline is not None:
            ratio = ours.rows_per_second / baseline.rows_per_second
            checks.append(
                GoalCheck(
                    "speed vs plain DuckDB",
                    ratio,
                    f">= {MIN_RATIO_TO_DUCKDB}",
                    ratio >= MIN_RATIO_TO_DUCKDB,
                    f"{ours.rows_per_second:,.0f} / {baseline.rows_per_second:,.0f} rows/s "
                    f"({baseline.contender}, the fastest DuckDB variant) = {ratio:.2f}",
                )
            )
        pandas = self.best.get("pandas")
        if pandas is not None:
            ratio = ours.rows_per_second / pandas.rows_per_second
            checks.append(
                GoalCheck(
                    "speed vs pandas",
                    ratio,
                    f">= {MIN_RATIO_TO_PANDAS}",
                    ratio >= MIN_RATIO_TO_PANDAS,
                    f"{ours.rows_per_second:,.0f} / {pandas.rows_per_second:,.0f} rows/s "
                    f"= {ratio:.2f}x",
                )
            )
        checks.append(
            GoalCheck(
                "peak memory",
                ours.peak_rss_mb,
                f"< {MAX_PEAK_MB:.0f} MiB",
                ours.peak_rss_mb < MAX_PEAK_MB,
                f"policeplan peak RSS {ours.peak_rss_mb:,.0f} MiB",
            )
        )
        return checks

    def to_dict(self) -> dict[str, Any]:
        baseline = self.duckdb_baseline
        return {
            "dataset": self.file_set.name,
            "description": self.file_set.description,
            "started_at": self.started_at,
            "machine": machine_description(),
            "files": len(self.file_set.files),
            "input_bytes": self.file_set.total_bytes,
            "generation_seconds": self.file_set.generation_seconds,
            "duckdb_baseline": baseline.contender if baseline else None,
            "best": {name: m.to_dict() for name, m in self.best.items()},
            "runs": {name: [m.to_dict() for m in runs] for name, runs in self.runs.items()},
            "goals": [
                {
                    "goal": g.name,
                    "value": round(g.value, 3),
                    "target": g.target,
                    "passed": g.passed,
                    "explanation": g.explanation,
                }
                for g in self.goals()
            ],
        }


def machine_description() -> dict[str, Any]:
    import duckdb
    import pandas

    memory_kb = 0
    with Path("/proc/meminfo").open(encoding="ascii") as meminfo:
        for line in meminfo:
            if line.startswith("MemTotal:"):
                memory_kb = int(line.split()[1])
    return {
        "cpus": os.cpu_count(),
        "memory_gib": round(memory_kb / 2**20, 1),
        "platform": platform.platform(),
        "python": platform.python_version(),
        "duckdb": duckdb.__version__,
        "pandas": pandas.__version__,
    }


@contextmanager
def file_set_for(dataset: str, keep: bool, say: Callable[[str], None]) -> Iterator[FileSet | None]:
    """Yield the FileSet for `dataset` (None when the real sample is missing)."""
    if dataset == "real":
        sample = real_sample()
        if sample is None:
            say("real sample: ../shared/data/police_uk not found; skipping the real-data run")
        yield sample
        return
    folder = Path(tempfile.mkdtemp(prefix="policeplan-bench-national-"))
    try:
        say(f"generating the national year into {folder} ...")
        file_set = national_year(folder)
        say(
            f"generated {len(file_set.files)} files, {file_set.total_bytes / 2**20:,.0f} MiB "
            f"in {file_set.generation_seconds:.1f} s (not counted)"
        )
        yield file_set
    finally:
        if keep:
            say(f"kept the generated files in {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)


def run_import_benchmark(
    file_set: FileSet,
    contenders: Sequence[str],
    repeat: int,
    say: Callable[[str], None],
) -> ImportReport:
    """Measure each contender `repeat` times (best wall time kept) on the file set."""
    started_at = datetime.now(UTC).isoformat(timespec="seconds")
    say(f"warming the page cache with {len(file_set.files)} files ...")
    warm_page_cache(file_set.files)
    runs: dict[str, list[Measurement]] = {name: [] for name in contenders}
    with tempfile.TemporaryDirectory(prefix="policeplan-bench-") as scratch:
        for attempt in range(repeat):
            for name in contenders:
                say(f"  [{attempt + 1}/{repeat}] {name}: {DESCRIPTIONS[name]} ...")
                result = measure(name, file_set.files, Path(scratch))
                say(
                    f"      {result.seconds:,.1f} s, {result.rows:,} rows, "
                    f"{result.rows_per_second:,.0f} rows/s, peak {result.peak_rss_mb:,.0f} MiB "
                    f"(load average before: {result.load_average:.2f})"
                )
                runs[name].append(result)
    best = {name: min(results, key=lambda m: m.seconds) for name, results in runs.items()}
    return ImportReport(file_set, best, runs, started_at)


def render_report(report: ImportReport) -> str:
    """The comparison table and goal checks as plain text."""
    file_set = report.file_set
    rows_expected = report.best["policeplan"].rows if "policeplan" in report.best else None
    baseline = report.duckdb_baseline
    lines = [
        "",
        f"Import throughput — {file_set.name}: {file_set.description}",
        f"{len(file_set.files)} files, {file_set.total_bytes / 2**20:,.0f} MiB on disk"
        + (
            f"; generated in {file_set.generation_seconds:.1f} s (not counted)"
            if file_set.generation_seconds is not None
            else ""
        ),
        "",
        f"{'contender':<26}{'wall s':>9}{'rows':>12}{'rows/s':>12}{'peak MiB':>10}"
        f"{'db MiB':>9}{'policeplan is':>16}",
    ]
    ours = report.best.get("policeplan")
    for name, m in report.best.items():
        relative = ""
        if ours is not None and name != "policeplan":
            relative = f"{ours.rows_per_second / m.rows_per_second:.2f}x as fast"
        mark = " *" if baseline is not None and name == baseline.contender else ""
        lines.append(
            f"{name + mark:<26}{m.seconds:>9.1f}{m.rows:>12,}{m.rows_per_second:>12,.0f}"
            f"{m.peak_rss_mb:>10,.0f}{m.database_mb:>9,.0f}{relative:>16}"
        )
    if baseline is not None:
        lines.append(f"* plain-DuckDB baseline: the fastest of {', '.join(DUCKDB_VARIANTS)}")
    if rows_expected is not None:
        differing = [n for n, m in report.best.items() if m.rows != rows_expected]
        if differing:
            lines.append(f"WARNING: row counts differ from policeplan's: {', '.join(differing)}")
    if ours is not None and ours.detail:
        detail = ", ".join(f"{k} {v:,}" for k, v in ours.detail.items() if isinstance(v, int))
        lines.append(f"policeplan: {detail}")
    lines.append("")
    for goal in report.goals():
        verdict = "PASS" if goal.passed else "FAIL"
        lines.append(f"{verdict}  {goal.name} {goal.target}: {goal.explanation}")
    return "\n".join(lines)


def write_json(report: ImportReport) -> Path:
    OUT_DIR.mkdir(exist_ok=True)
    path = OUT_DIR / f"import-{report.file_set.name}.json"
    path.write_text(json.dumps(report.to_dict(), indent=2) + "\n", encoding="utf-8")
    return path


def import_benchmark(
    datasets: Sequence[str],
    contenders: Sequence[str] = tuple(CONTENDERS),
    repeat: int = 1,
    keep: bool = False,
    say: Callable[[str], None] = print,
) -> list[ImportReport]:
    """Run the import benchmark on each named dataset; print and save each report."""
    reports = []
    for dataset in datasets:
        with file_set_for(dataset, keep, say) as file_set:
            if file_set is None:
                continue
            report = run_import_benchmark(file_set, contenders, repeat, say)
            # Inside the block: the report reads file sizes, and generated files go at exit.
            say(render_report(report))
            say(f"\nresults written to {write_json(report)}\n")
        reports.append(report)
    return reports
