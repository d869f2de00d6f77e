"""Report speed and memory: each report kind for one quarter on a demo-like workspace.

Goals (panel-reports issue): HTML under 5 s, PDF under 20 s, peak memory under 1 GB. The
workspace is the demo's (Essex and its nine peers, synthetic, the example plan and delivery
plan) over 2023-01 to 2025-12, built once and kept in bench/out/. Each report is built and
written in a fresh process: `seconds` is building and writing the report (the goal's
measure; it includes starting vl-convert's JavaScript engine for the first chart), `process
s` adds starting Python and importing policeplan, and the peak memory is that process's.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from typing import Any

from bench.import_throughput import OUT_DIR

WORKSPACE = OUT_DIR / "reports-demo"
QUARTER = "2025/26 Q3"
GOALS = {"html": 5.0, "pdf": 20.0, "xlsx": 5.0}
MEMORY_GOAL_MB = 1024
_ONE = """
import json, resource, sys, time
from pathlib import Path
from policeplan.config import load_settings
from policeplan.reports import ReportQuery, build_report, write_report
from policeplan.store import Workspace
kind, quarter, fmt, folder, out = sys.argv[1:]
started = time.perf_counter()
workspace = Workspace(load_settings(folder, {}))
write_report(build_report(workspace, ReportQuery(kind, quarter)), fmt, Path(out))
seconds = time.perf_counter() - started
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: kilobytes
print(json.dumps({"seconds": seconds, "peak_mb": peak}))
"""
_BUILD = """
import sys
from policeplan.config import load_settings
from policeplan.demo import build_demo
build_demo(load_settings(sys.argv[1], {}), "2023-01", "2025-12")
"""


def _build_workspace(rebuild: bool) -> None:
    if (WORKSPACE / "plan.yaml").exists() and not rebuild:
        return
    print(f"building the demo-like workspace in {WORKSPACE} (once) ...")
    started = time.perf_counter()
    # In its own process, so this process stays small for the memory measurements.
    subprocess.run([sys.executable, "-c", _BUILD, str(WORKSPACE)], check=True)
    print(f"built in {time.perf_counter() - started:.0f} s")


def _run(kind: str, fmt: str) -> tuple[float, float, float]:
    """Seconds to build and write the report, seconds of the whole process (Python start and
    imports included) and peak resident memory (MB), from a fresh process."""
    out = OUT_DIR / f"report-{kind}.{fmt}"
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", _ONE, kind, QUARTER, fmt, str(WORKSPACE), str(out)],
        check=True,
        capture_output=True,
        text=True,
    )
    process_seconds = time.perf_counter() - started
    measured = json.loads(done.stdout.strip().splitlines()[-1])
    return measured["seconds"], process_seconds, measured["peak_mb"]


def report_benchmark(rebuild: bool = False) -> dict[str, Any]:
    from policeplan.reports import REPORT_KINDS

    OUT_DIR.mkdir(parents=True, exist_ok=True)
    _build_workspace(rebuild)
    results: dict[str, Any] = {"quarter": QUARTER, "load_average": os.getloadavg(), "runs": []}
    print(
        f"{'report':<20} {'format':<6} {'seconds':>8} {'process s':>9} {'goal s':>7} "
        f"{'peak MB':>8}  verdict"
    )
    for kind in REPORT_KINDS:
        for fmt in ("html", "pdf", "xlsx"):
            seconds, process_seconds, peak = _run(kind, fmt)
            ok = seconds < GOALS[fmt] and peak < MEMORY_GOAL_MB
            verdict = "PASS" if ok else "FAIL"
            results["runs"].append(
                {"kind": kind, "format": fmt, "seconds": seconds,
                 "process_seconds": process_seconds, "peak_mb": peak,
                 "goal_seconds": GOALS[fmt], "verdict": verdict}
            )  # fmt: skip
            print(
                f"{kind:<20} {fmt:<6} {seconds:>8.2f} {process_seconds:>9.2f} "
                f"{GOALS[fmt]:>7.0f} {peak:>8.0f}  {verdict}"
            )
    (OUT_DIR / "reports.json").write_text(json.dumps(results, indent=2))
    return results
