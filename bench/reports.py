"""Report speed and memory: each report kind for one quarter on a demo-like workspace.

Goals (panel-reports issue): HTML under 5 s, PDF under 20 s, peak memory under 1 GB. The
workspace is the demo's (Essex and its nine peers, synthetic, the example plan and delivery
plan) over 2023-01 to 2025-12, built once and kept in bench/out/. Each report is built and
written in a fresh process, so its time includes starting Python and vl-convert's
JavaScript engine, and its peak memory is that process's alone.
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
import sys
from pathlib import Path
from policeplan.config import load_settings
from policeplan.reports import ReportQuery, build_report, write_report
from policeplan.store import Workspace
kind, quarter, fmt, folder, out = sys.argv[1:]
workspace = Workspace(load_settings(folder, {}))
write_report(build_report(workspace, ReportQuery(kind, quarter)), fmt, Path(out))
"""


def _build_workspace(rebuild: bool) -> None:
    if (WORKSPACE / "plan.yaml").exists() and not rebuild:
        return
    from policeplan.config import load_settings
    from policeplan.demo import build_demo

    print(f"building the demo-like workspace in {WORKSPACE} (once) ...")
    started = time.perf_counter()
    build_demo(load_settings(WORKSPACE, {}), "2023-01", "2025-12")
    print(f"built in {time.perf_counter() - started:.0f} s")


def _run(kind: str, fmt: str) -> tuple[float, float]:
    """Wall-clock seconds and peak resident memory (MB) of one report in a fresh process."""
    out = OUT_DIR / f"report-{kind}.{fmt}"
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-c", _ONE, kind, QUARTER, fmt, str(WORKSPACE), str(out)]
    )
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        raise RuntimeError(f"{kind} {fmt} failed with exit code {process.returncode}")
    return elapsed, usage.ru_maxrss / 1024  # Linux reports kilobytes


def report_benchmark(rebuild: bool = False) -> dict[str, Any]:
    from policeplan.reports import REPORT_KINDS

    OUT_DIR.mkdir(parents=True, exist_ok=True)
    _build_workspace(rebuild)
    results: dict[str, Any] = {"quarter": QUARTER, "load_average": os.getloadavg(), "runs": []}
    print(f"{'report':<20} {'format':<6} {'seconds':>8} {'goal s':>7} {'peak MB':>8}  verdict")
    for kind in REPORT_KINDS:
        for fmt in ("html", "pdf", "xlsx"):
            seconds, peak = _run(kind, fmt)
            ok = seconds < GOALS[fmt] and peak < MEMORY_GOAL_MB
            verdict = "PASS" if ok else "FAIL"
            results["runs"].append(
                {"kind": kind, "format": fmt, "seconds": seconds, "peak_mb": peak,
                 "goal_seconds": GOALS[fmt], "verdict": verdict}
            )  # fmt: skip
            print(f"{kind:<20} {fmt:<6} {seconds:>8.2f} {GOALS[fmt]:>7.0f} {peak:>8.0f}  {verdict}")
    (OUT_DIR / "reports.json").write_text(json.dumps(results, indent=2))
    return results
