"""Hotspot speed and memory on a large force: about 300,000 located rows in 12 months.

Goals (the harm issue): 12 months at 250 m cells under 10 s with peak memory under 1 GB;
at 100 m cells under 30 s. Each run is a fresh process (so peak memory is the run's own),
on a workspace of generated located rows (24 months, so the previous window and quarters
are analysed too: about 600,000 rows read), built once into bench/out/.
"""

from __future__ import annotations

import json
import resource
import shutil
import subprocess
import sys
import time
from typing import Any

import numpy as np

from bench.import_throughput import OUT_DIR
from policeplan.config import load_settings
from policeplan.months import months_between
from policeplan.reference.crime_types import CRIME_TYPES
from policeplan.store import Workspace

WORKSPACE = OUT_DIR / "workspace-hotspots"
FORCE = "essex"  # rows generated over about the county, with no district: all kept
FIRST_MONTH, LAST_MONTH = "2024-01", "2025-12"
ROWS_PER_MONTH = 25_000
RUNS = (("250 m cells", 250, 10.0), ("100 m cells", 100, 30.0))
MEMORY_GOAL_MB = 1024.0


def build_workspace(seed: int = 2025) -> Workspace:
    """24 months of located rows: 70% around 40 town centres, 30% scattered (a county of
    about 100 x 70 km), crime types in police.uk-like proportions."""
    shutil.rmtree(WORKSPACE, ignore_errors=True)
    workspace = Workspace.open(load_settings(WORKSPACE, {}))
    rng = np.random.default_rng(seed)
    towns_lon = rng.uniform(0.0, 1.4, 40)
    towns_lat = rng.uniform(51.45, 52.05, 40)
    types = [t for t in CRIME_TYPES if t != "Anti-social behaviour"]
    shares = rng.dirichlet(np.ones(len(types)) * 2)
    months = months_between(FIRST_MONTH, LAST_MONTH)
    with workspace.connect() as con:
        for month in months:
            n = ROWS_PER_MONTH
            town = rng.integers(0, 40, n)
            clustered = rng.random(n) < 0.7
            spread = rng.exponential(0.01, n)
            lon = np.where(clustered, towns_lon[town] + rng.normal(0, 1, n) * spread,
                           rng.uniform(0.0, 1.4, n))  # fmt: skip
            lat = np.where(clustered, towns_lat[town] + rng.normal(0, 1, n) * spread * 0.65,
                           rng.uniform(51.45, 52.05, n))  # fmt: skip
            crime = np.array(types)[rng.choice(len(types), n, p=shares)]
            con.execute(
                "INSERT INTO street_crimes (force, month, falls_within, longitude, latitude, "
                "location, crime_type, source_line) SELECT $force, CAST($month AS DATE), "
                "'Bench Police', unnest($lon), unnest($lat), 'On or near X', unnest($type), 0",
                {"force": FORCE, "month": f"{month}-01", "lon": lon.tolist(),
                 "lat": lat.tolist(), "type": crime.tolist()},
            )  # fmt: skip
            con.execute(
                "INSERT INTO partitions VALUES (?, 'street', CAST(? AS DATE), 'generated', "
                "'-', ?, 0)",
                [FORCE, f"{month}-01", n],
            )
    return workspace


def run_once(cell_m: int) -> dict[str, Any]:
    """One analysis in this process: seconds and peak resident memory."""
    from policeplan.hotspots import HotspotQuery, hotspot_analysis

    workspace = Workspace.open(load_settings(WORKSPACE, {}))
    started = time.perf_counter()
    result = hotspot_analysis(
        workspace, HotspotQuery("all-crime", FORCE, LAST_MONTH, cell_m=cell_m)
    )
    seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: kilobytes
    return {
        "cell_m": cell_m,
        "seconds": round(seconds, 2),
        "peak_mb": round(peak_mb),
        "located_rows": result.located_rows,
        "cells": result.grid.size,
        "hot_cells": result.hot_cells,
    }


def hotspot_benchmark(rebuild: bool = False) -> list[dict[str, Any]]:
    """Build the workspace if needed, run each cell size in a fresh process, print the
    comparison with the goals and write bench/out/hotspots.json."""
    if rebuild or not WORKSPACE.exists():
        started = time.perf_counter()
        build_workspace()
        print(f"built {WORKSPACE} in {time.perf_counter() - started:.1f} s", flush=True)
    results = []
    print(f"{'run':<14} {'rows':>9} {'cells':>10} {'seconds':>8} {'goal':>6} "
          f"{'peak MiB':>9} {'goal':>6}")  # fmt: skip
    for label, cell_m, goal in RUNS:
        out = subprocess.run(
            [sys.executable, "-m", "bench.hotspots", str(cell_m)],
            check=True, capture_output=True, text=True,
        )  # fmt: skip
        run = json.loads(out.stdout.strip().splitlines()[-1])
        run["goal_seconds"] = goal
        run["pass"] = run["seconds"] < goal and run["peak_mb"] < MEMORY_GOAL_MB
        results.append(run)
        print(
            f"{label:<14} {run['located_rows']:>9,} {run['cells']:>10,} {run['seconds']:>8.2f} "
            f"{goal:>6.0f} {run['peak_mb']:>9,} {MEMORY_GOAL_MB:>6.0f}  "
            f"{'PASS' if run['pass'] else 'FAIL'}"
        )
    (OUT_DIR / "hotspots.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    return results


if __name__ == "__main__":
    print(json.dumps(run_once(int(sys.argv[1]))))
