"""Indicator and Most Similar Group speed on a national-scale 5-year workspace.

Goals (the indicator issue): all indicators for one force and one window in under 2 s; the
MSG tables for all 15 crime measures across the 43 territorial forces in under 5 s.

The workspace (43 forces x 60 months of generated street files, about 29 million rows) is
built once into bench/out/ and reused; `--rebuild` makes it again.
"""

from __future__ import annotations

import json
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.import_throughput import OUT_DIR
from policeplan.config import load_settings
from policeplan.indicators import CRIME_MEASURES, MsgQuery, ScorecardQuery, msg_tables, scorecard
from policeplan.ingest.police_uk import import_police_uk
from policeplan.months import months_between
from policeplan.reference.forces import territorial_forces
from policeplan.store import Workspace
from policeplan.synthetic import generate_police_uk

WORKSPACE = OUT_DIR / "workspace-national-5y"
FIRST_MONTH, LAST_MONTH = "2021-01", "2025-12"
FORCE = "essex"
GOALS = {"scorecard": 2.0, "msg_tables": 5.0}


def build_workspace() -> tuple[Workspace, dict[str, Any]]:
    """Generate and import 43 forces x 60 months, a year at a time (bounded disk use)."""
    shutil.rmtree(WORKSPACE, ignore_errors=True)
    workspace = Workspace.open(load_settings(WORKSPACE, {}))
    forces = [f.slug for f in territorial_forces()]
    months = months_between(FIRST_MONTH, LAST_MONTH)
    generated = imported = 0.0
    rows = 0
    for year in sorted({m[:4] for m in months}):
        with tempfile.TemporaryDirectory(prefix="policeplan-bench-") as scratch:
            started = time.perf_counter()
            generate_police_uk(
                Path(scratch), forces, [m for m in months if m.startswith(year)],
                datasets=("street",),
            )  # fmt: skip
            generated += time.perf_counter() - started
            started = time.perf_counter()
            rows += import_police_uk(workspace, [scratch]).rows_loaded
            imported += time.perf_counter() - started
        print(f"  {year}: {rows:,} rows so far", flush=True)
    return workspace, {
        "rows": rows,
        "generation_seconds": round(generated, 1),
        "import_seconds": round(imported, 1),
        "import_rows_per_second": round(rows / imported),
    }


def best_of(repeat: int, run: Callable[[], object]) -> tuple[float, float]:
    """(first run, best run) in seconds."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return times[0], min(times)


def indicator_benchmark(rebuild: bool, repeat: int) -> dict[str, Any]:
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    build: dict[str, Any] = {"reused": True}
    if rebuild or not (WORKSPACE / "analytics.duckdb").exists():
        print(f"building {WORKSPACE} (43 forces, {FIRST_MONTH} to {LAST_MONTH}) ...")
        workspace, build = build_workspace()
    else:
        workspace = Workspace.open(load_settings(WORKSPACE, {}))
    with workspace.connect(read_only=True) as con:
        found = con.execute("SELECT count(*) FROM street_crimes").fetchone()
    rows = 0 if found is None else int(found[0])
    forces = [f.slug for f in territorial_forces()]
    measures = list(CRIME_MEASURES)
    runs = {
        "scorecard": lambda: scorecard(workspace, ScorecardQuery(FORCE, LAST_MONTH, 12)),
        "msg_tables": lambda: msg_tables(
            workspace, measures, MsgQuery("all-crime", FORCE, LAST_MONTH, 12, tuple(forces))
        ),
    }
    results: dict[str, Any] = {"workspace_rows": rows, "build": build, "timings": {}}
    print(f"\nworkspace: {rows:,} street rows, 43 forces, {FIRST_MONTH} to {LAST_MONTH}")
    print(f"{'what':<58} {'first s':>8} {'best s':>8} {'goal s':>7}  verdict")
    labels = {
        "scorecard": f"all {len(measures)} crime indicators, {FORCE}, 12 months to {LAST_MONTH}",
        "msg_tables": f"MSG tables, {len(measures)} measures x {len(forces)} forces (+sparkline)",
    }
    for name, run in runs.items():
        first, best = best_of(repeat, run)
        verdict = "PASS" if best < GOALS[name] else "FAIL"
        results["timings"][name] = {"first": first, "best": best, "goal": GOALS[name],
                                    "verdict": verdict}  # fmt: skip
        print(f"{labels[name]:<58} {first:>8.2f} {best:>8.2f} {GOALS[name]:>7.1f}  {verdict}")
    (OUT_DIR / "indicators-national-5y.json").write_text(json.dumps(results, indent=2))
    return results
