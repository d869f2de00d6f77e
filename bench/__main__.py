"""`python -m bench`: run policeplan's benchmarks and print comparisons with their baselines.

python -m bench                                  # everything
python -m bench import --dataset national --keep
python -m bench import --dataset real --repeat 3 --contender policeplan
python -m bench indicators                       # indicator and MSG speed (43 forces, 5 years)
python -m bench records                          # crime-records import, 1 million records
python -m bench charts                           # every chart kind to SVG
python -m bench cards                            # plan cards, summary, charts from a workspace
python -m bench hotspots                         # hotspots of ~300,000 located rows
python -m bench startup                          # policeplan --help/--version (goal < 0.5 s)
python -m bench reimport                         # database size across 5 re-imports
python -m bench reports                          # each report kind: HTML, PDF, xlsx
python -m bench web                              # 50 users browsing the web app, 60 s
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from bench.contenders import CONTENDERS, DESCRIPTIONS
from bench.datasets import DATASET_NAMES


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, not {value}")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m bench",
        description="policeplan benchmarks. With no command, runs the import benchmark on "
        "every dataset (the real sample is skipped when ../shared/data is absent).",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    contender_help = "; ".join(f"{name}: {text}" for name, text in DESCRIPTIONS.items())
    bench_import = commands.add_parser(
        "import",
        help="import throughput: policeplan vs plain DuckDB vs pandas",
        description="Import throughput of policeplan against plain DuckDB read_csv and a "
        "pandas script on the same files, each contender in its own process. Prints a table "
        "and PASS/FAIL per goal, and writes bench/out/import-<dataset>.json.",
    )
    bench_import.add_argument(
        "--dataset",
        choices=(*DATASET_NAMES, "all"),
        default="all",
        help="real: the 209 street files of ../shared/data/police_uk; national: a generated "
        "year of 43 forces x 12 months (about 5.9 million rows); all: both (default)",
    )
    bench_import.add_argument(
        "--contender",
        action="append",
        choices=tuple(CONTENDERS),
        help=f"run only this contender (repeatable; default: all). {contender_help}",
    )
    bench_import.add_argument(
        "--repeat",
        type=_positive,
        default=1,
        help="run each contender N times and keep the fastest run (default 1)",
    )
    bench_import.add_argument(
        "--keep",
        action="store_true",
        help="keep the generated national files (their folder is printed)",
    )

    indicators = commands.add_parser(
        "indicators",
        help="indicator and MSG speed on a national-scale 5-year workspace",
        description="Time all 15 crime indicators for one force and window (goal < 2 s) and "
        "the MSG tables of all 15 measures across the 43 territorial forces (goal < 5 s) on a "
        "generated 43-force, 60-month workspace, built once and kept in bench/out/.",
    )
    indicators.add_argument(
        "--rebuild", action="store_true", help="generate and import the workspace again"
    )
    indicators.add_argument(
        "--repeat", type=_positive, default=3, help="timed runs; the best is kept (default 3)"
    )

    records = commands.add_parser(
        "records",
        help="crime-records import of 1 million generated records vs plain DuckDB read_csv",
        description="Time `import records` of a generated one-million-record extract (kept "
        "in bench/out/) against plain DuckDB read_csv of the same file (goal: within 2x, "
        "peak memory under 2 GB).",
    )
    records.add_argument(
        "--repeat", type=_positive, default=1, help="runs per contender; the best is kept"
    )
    records_child = commands.add_parser(
        "records-contender",
        help="(internal) run one crime-records contender in this process",
        description="Used by the crime-records benchmark to run each contender in a fresh process.",
    )
    records_child.add_argument("name", help="the contender to run")
    records_child.add_argument("--file", type=Path, required=True, help="the extract")
    records_child.add_argument("--mapping", type=Path, required=True, help="its mapping")
    records_child.add_argument("--workdir", type=Path, required=True, help="database folder")
    records_child.add_argument("--result", type=Path, required=True, help="JSON result")
    charts = commands.add_parser(
        "charts",
        help="chart speed: every chart kind to SVG (goal < 0.3 s a chart)",
        description="Time building each chart kind's Vega-Lite definition from its example "
        "input and rendering it to SVG offline with vl-convert; writes bench/out/charts.json.",
    )
    charts.add_argument(
        "--repeat", type=_positive, default=5, help="timed runs; the best is kept (default 5)"
    )
    cards = commands.add_parser(
        "cards",
        help="card speed: every plan indicator's card (goal < 3 s) and charts (< 0.3 s)",
        description="Time the cards of every indicator of the example plan, the plan summary, "
        "the cards of every crime measure and every chart kind drawn from a demo-like "
        "workspace (5 forces, 36 months) built once in bench/out/cards-demo; writes "
        "bench/out/cards.json.",
    )
    cards.add_argument("--rebuild", action="store_true", help="build the workspace again")
    cards.add_argument(
        "--repeat", type=_positive, default=3, help="timed runs; the best is kept (default 3)"
    )
    hotspots = commands.add_parser(
        "hotspots",
        help="hotspot speed and memory: 12 months of about 300,000 located rows",
        description="Time the hotspot analysis (Gi*, FDR, concentration, stability) of a "
        "generated force with about 300,000 located rows in 12 months at 250 m cells (goal "
        "< 10 s, < 1 GB peak) and 100 m cells (goal < 30 s), each in a fresh process.",
    )
    hotspots.add_argument("--rebuild", action="store_true", help="generate the workspace again")
    startup = commands.add_parser(
        "startup",
        help="start-up time of policeplan --help and --version (goal < 0.5 s)",
        description="Best wall time of `policeplan --help` and `policeplan --version` over "
        "fresh processes, against the 0.5 s goal and the figure before lazy loading.",
    )
    startup.add_argument(
        "--repeat", type=_positive, default=5, help="fresh processes; the best is kept (5)"
    )
    commands.add_parser(
        "reimport",
        help="database file size across 5 re-imports of the real sample",
        description="Import the real police.uk sample, re-import it five times unchanged and "
        "five times as changed copies (followed by `history prune --keep 0`), printing the "
        "database file size after each.",
    )

    reports = commands.add_parser(
        "reports",
        help="report speed and memory: each kind for one quarter (HTML < 5 s, PDF < 20 s)",
        description="Build and write each report kind as HTML, PDF and xlsx for 2025/26 Q3 on "
        "a demo-like workspace (10 forces, 2023-2025, built once and kept in bench/out/), "
        "each in a fresh process; goals: HTML < 5 s, PDF < 20 s, peak memory < 1 GB.",
    )
    reports.add_argument("--rebuild", action="store_true", help="build the workspace again")

    web = commands.add_parser(
        "web",
        help="web app latency: 50 simulated users for 60 s, then the same during imports",
        description="50 signed-in users browse the plan and indicator pages of a demo-like "
        "workspace against a real `policeplan serve` process for 60 s (goal p95 < 200 ms, "
        "no errors), then again while imports run; writes bench/out/web.json.",
    )
    web.add_argument("--users", type=_positive, default=50, help="simulated users (default 50)")
    web.add_argument("--duration", type=float, default=60.0, help="seconds a phase (default 60)")
    web.add_argument("--rebuild", action="store_true", help="build the workspace again")
    web.add_argument("--think", type=float, default=1.0,
                     help="mean pause between a user's pages, seconds (default 1)")  # fmt: skip

    child = commands.add_parser(
        "contender",
        help="(internal) run one contender in this process and write its result as JSON",
        description="Used by the import benchmark to run each contender in a fresh process.",
    )
    child.add_argument("name", choices=tuple(CONTENDERS), help="the contender to run")
    child.add_argument("--files", type=Path, required=True, help="text file: one path a line")
    child.add_argument("--workdir", type=Path, required=True, help="folder for its database")
    child.add_argument("--result", type=Path, required=True, help="where to write the JSON")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "contender":
        from bench.measure import run_contender_here

        files = [Path(line) for line in args.files.read_text(encoding="utf-8").splitlines()]
        run_contender_here(args.name, files, args.workdir, args.result)
        return 0
    if args.command == "records":
        from bench.crime_records import crime_records_benchmark

        crime_records_benchmark(args.repeat)
        return 0
    if args.command == "records-contender":
        from bench.crime_records import run_contender_here as run_records_contender

        run_records_contender(args.name, args.file, args.mapping, args.workdir, args.result)
        return 0
    if args.command == "hotspots":
        from bench.hotspots import hotspot_benchmark

        hotspot_benchmark(args.rebuild)
        return 0
    if args.command == "indicators":
        from bench.indicator_speed import indicator_benchmark

        indicator_benchmark(args.rebuild, args.repeat)
        return 0
    if args.command == "startup":
        from bench.startup import startup_benchmark

        startup_benchmark(args.repeat)
        return 0
    if args.command == "reimport":
        from bench.reimport_size import reimport_size_benchmark

        reimport_size_benchmark()
        return 0
    if args.command == "reports":
        from bench.reports import report_benchmark

        report_benchmark(args.rebuild)
        return 0
    if args.command == "cards":
        from bench.cards import card_benchmark

        card_benchmark(args.rebuild, args.repeat)
        return 0
    if args.command == "web":
        from bench.web import web_benchmark

        web_benchmark(args.users, args.duration, args.rebuild, args.think)
        return 0
    if args.command == "charts":
        from bench.charts import chart_benchmark

        chart_benchmark(args.repeat)
        return 0
    from bench.import_throughput import import_benchmark

    if args.command == "import":
        datasets = DATASET_NAMES if args.dataset == "all" else (args.dataset,)
        contenders = tuple(args.contender or CONTENDERS)
        import_benchmark(datasets, contenders, args.repeat, args.keep)
    else:
        import_benchmark(DATASET_NAMES)
        from bench.indicator_speed import indicator_benchmark

        indicator_benchmark(rebuild=False, repeat=3)
        from bench.charts import chart_benchmark

        chart_benchmark(repeat=5)
        from bench.startup import startup_benchmark

        startup_benchmark()
    return 0


if __name__ == "__main__":
    sys.exit(main())
