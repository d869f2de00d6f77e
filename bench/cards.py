"""Card and chart speed on a demo-like workspace: every plan indicator's card, the plan
summary, the cards of every built-in crime measure, and every chart kind from the
workspace to SVG.

Goals (indicator-card issue): the whole plan's cards in under 3 s; a chart in under 0.3 s.
The workspace (5 forces, 36 months, the example Essex plan) is built once with
`policeplan.demo.build_demo` in bench/out/cards-demo and kept. Times are the best of
`repeat` runs; the process's CPU time is shown beside the wall-clock time (the benchmark
shares 2 cores with whatever else runs).
"""

from __future__ import annotations

import json
import os
import shutil
import time
from collections.abc import Callable
from typing import Any

from bench.import_throughput import OUT_DIR
from policeplan.cli.chart import DEFAULT_MONTHS, KINDS, chart_spec
from policeplan.config import load_settings
from policeplan.demo import build_demo
from policeplan.indicators import CRIME_MEASURES, CardQuery, SummaryQuery, build_card, plan_summary
from policeplan.indicators.card import build_cards
from policeplan.plan import current_plan
from policeplan.render.charts import to_svg
from policeplan.store import Workspace

PLAN_GOAL_SECONDS = 3.0
CHART_GOAL_SECONDS = 0.3
FORCES = ("essex", "kent", "hertfordshire", "sussex", "hampshire")
FIRST_MONTH, LAST_MONTH = "2019-01", "2021-12"
TO = "2021-07"
WORKSPACE = OUT_DIR / "cards-demo"


def demo_workspace(rebuild: bool) -> Workspace:
    """The benchmark's workspace, built when absent (or asked to rebuild)."""
    settings = load_settings(WORKSPACE, {})
    if rebuild and WORKSPACE.exists():
        shutil.rmtree(WORKSPACE)
    if not settings.analytics_path.exists():
        print(f"building the demo workspace in {WORKSPACE} ({len(FORCES)} forces, "
              f"{FIRST_MONTH} to {LAST_MONTH})...")  # fmt: skip
        started = time.perf_counter()
        build_demo(settings, FIRST_MONTH, LAST_MONTH, FORCES)
        print(f"  built in {time.perf_counter() - started:.0f} s")
    return Workspace.open(settings)


def best(repeat: int, work: Callable[[], object]) -> tuple[float, float]:
    """Best wall-clock and CPU seconds of `repeat` runs of `work`."""
    walls, cpus = [], []
    for _ in range(repeat):
        cpu, wall = time.process_time(), time.perf_counter()
        work()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return min(walls), min(cpus)


def card_benchmark(rebuild: bool, repeat: int) -> dict[str, Any]:
    """Time the cards, the summary and the charts; print a table and write
    bench/out/cards.json."""
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    workspace = demo_workspace(rebuild)
    plan = current_plan(workspace)
    ids = list(dict.fromkeys(indicator.id for _, indicator in plan.indicators))
    results: dict[str, Any] = {"load_average": os.getloadavg(), "to": TO, "forces": FORCES}
    print("load average before: " + ", ".join(f"{load:.1f}" for load in os.getloadavg()))

    queries = [CardQuery(indicator, "essex", TO) for indicator in ids]
    build_cards(workspace, queries[:1])  # warm the imports and the plan parse
    plan_wall, plan_cpu = best(repeat, lambda: build_cards(workspace, queries))
    summary_query = SummaryQuery("essex", TO)
    summary_wall, summary_cpu = best(repeat, lambda: plan_summary(workspace, summary_query))
    measures = [CardQuery(measure, "essex", TO) for measure in CRIME_MEASURES]
    measure_wall, measure_cpu = best(1, lambda: build_cards(workspace, measures))
    per_card = {
        query.indicator: best(repeat, lambda q=query: build_card(workspace, q))[0]
        for query in queries
    }
    verdict = "PASS" if plan_wall < PLAN_GOAL_SECONDS else "FAIL"
    results["plan_cards"] = {"cards": len(ids), "wall": plan_wall, "cpu": plan_cpu,
                             "goal": PLAN_GOAL_SECONDS, "verdict": verdict}  # fmt: skip
    results["summary"] = {"wall": summary_wall, "cpu": summary_cpu}
    results["crime_measure_cards"] = {"cards": len(measures), "wall": measure_wall,
                                      "cpu": measure_cpu}  # fmt: skip
    results["per_card"] = per_card
    print(f"{'what':<44} {'wall s':>8} {'cpu s':>8} {'goal s':>7}  verdict")
    print(f"{f'all {len(ids)} plan indicator cards':<44} {plan_wall:>8.3f} {plan_cpu:>8.3f} "
          f"{PLAN_GOAL_SECONDS:>7.1f}  {verdict}")  # fmt: skip
    print(f"{'plan summary (the same cards + rows)':<44} {summary_wall:>8.3f} {summary_cpu:>8.3f}")
    print(f"{f'cards of all {len(measures)} crime measures':<44} {measure_wall:>8.3f} "
          f"{measure_cpu:>8.3f}")  # fmt: skip
    slowest = sorted(per_card.items(), key=lambda item: -item[1])[:3]
    print("slowest cards: " + ", ".join(f"{name} {seconds:.3f} s" for name, seconds in slowest))

    to_svg(chart_spec(workspace, "msg-positions", "burglary", "essex", TO, 12, None))  # engine
    results["charts"] = {}
    print(f"{'chart kind (burglary, Essex)':<44} {'wall s':>8} {'cpu s':>8} {'goal s':>7}  verdict")
    for kind in KINDS:
        months = DEFAULT_MONTHS[kind]
        wall, cpu = best(repeat, lambda k=kind, m=months: to_svg(
            chart_spec(workspace, k, "burglary", "essex", TO, m, None)))  # fmt: skip
        chart_verdict = "PASS" if wall < CHART_GOAL_SECONDS else "FAIL"
        results["charts"][kind] = {"wall": wall, "cpu": cpu, "goal": CHART_GOAL_SECONDS,
                                   "verdict": chart_verdict}  # fmt: skip
        print(f"{kind:<44} {wall:>8.3f} {cpu:>8.3f} {CHART_GOAL_SECONDS:>7.1f}  {chart_verdict}")
    (OUT_DIR / "cards.json").write_text(json.dumps(results, indent=2))
    return results
