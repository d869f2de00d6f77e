"""Chart speed: each chart kind from its typed input to SVG, offline with vl-convert.

Goal (indicator-card issue): a chart in under 0.3 s. The first conversion of a process also
starts vl-convert's JavaScript engine; it is timed on its own and left out of the best times.
Besides wall-clock time, the process's CPU time is shown: on a loaded machine (the
benchmark shares 2 cores with whatever else runs) it is the steadier measure of the work.
"""

from __future__ import annotations

import json
import os
import time
from typing import Any

from bench.import_throughput import OUT_DIR
from policeplan.render.charts import to_svg
from policeplan.render.charts.examples import BUILDERS, EXAMPLES, example_inputs

GOAL_SECONDS = 0.3


def chart_benchmark(repeat: int) -> dict[str, Any]:
    """Time the Vega-Lite definition and its SVG for every kind, best of `repeat`.

    The typed inputs (the MDC chart, the funnel limits...) are computed once beforehand: they
    belong to the statistics, not to the chart.
    """
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    to_svg(EXAMPLES["msg_positions"]())
    engine_start = time.perf_counter() - started
    results: dict[str, Any] = {
        "engine_start_seconds": engine_start,
        "load_average": os.getloadavg(),
        "kinds": {},
    }
    print(f"first chart of the process (starts the JavaScript engine): {engine_start:.2f} s")
    print("load average before: " + ", ".join(f"{load:.1f}" for load in os.getloadavg()))
    print(
        f"{'chart kind':<22} {'spec s':>8} {'svg s':>8} {'total s':>8} {'cpu s':>8} "
        f"{'goal s':>7}  verdict"
    )
    inputs = example_inputs()
    for kind, build in BUILDERS.items():
        spec_times, svg_times, cpu_times = [], [], []
        for _ in range(repeat):
            cpu_started = time.process_time()
            started = time.perf_counter()
            spec = build(inputs[kind])
            built = time.perf_counter()
            to_svg(spec)
            spec_times.append(built - started)
            svg_times.append(time.perf_counter() - built)
            cpu_times.append(time.process_time() - cpu_started)
        totals = [a + b for a, b in zip(spec_times, svg_times, strict=True)]
        best = min(totals)
        verdict = "PASS" if best < GOAL_SECONDS else "FAIL"
        results["kinds"][kind] = {
            "spec": min(spec_times),
            "svg": min(svg_times),
            "total": best,
            "cpu": min(cpu_times),
            "goal": GOAL_SECONDS,
            "verdict": verdict,
        }
        print(
            f"{kind:<22} {min(spec_times):>8.3f} {min(svg_times):>8.3f} {best:>8.3f} "
            f"{min(cpu_times):>8.3f} {GOAL_SECONDS:>7.1f}  {verdict}"
        )
    (OUT_DIR / "charts.json").write_text(json.dumps(results, indent=2))
    return results
