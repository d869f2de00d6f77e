"""Start-up time of `policeplan --help` and `--version` (goal: under 0.5 s), each in a fresh
process, best of N; the figure before lazy command loading (issue #9) is the baseline."""

from __future__ import annotations

import subprocess
import sys
import time

GOAL_SECONDS = 0.5
# Measured on the development machine before commands were loaded lazily (issue #9):
# every command imported scipy.stats, SQLAlchemy, Alembic and openpyxl first.
BASELINE_SECONDS = {"--version": 1.11, "--help": 1.15}
COMMANDS = (["--version"], ["--help"])


def start_up_seconds(args: list[str], repeat: int) -> float:
    """The best wall time of `policeplan ARGS` over `repeat` fresh processes."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-c", "from policeplan.cli import main; main()", *args],
            capture_output=True,
            check=True,
        )
        best = min(best, time.perf_counter() - start)
    return best


def startup_benchmark(repeat: int = 5) -> dict[str, float]:
    print(f"\nStart-up: best of {repeat} fresh processes (goal < {GOAL_SECONDS} s)")
    print(f"  {'command':<22}{'before':>8}{'now':>8}  goal")
    results = {}
    for args in COMMANDS:
        seconds = start_up_seconds(args, repeat)
        name = " ".join(args)
        results[name] = seconds
        verdict = "PASS" if seconds < GOAL_SECONDS else "FAIL"
        before = BASELINE_SECONDS[name]
        print(f"  policeplan {name:<11}{before:>7.2f}s{seconds:>7.2f}s  {verdict}")
    return results
