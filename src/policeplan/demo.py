"""Build a demo workspace offline: synthetic police.uk data for Essex and its example peer
forces, a record-level crime extract of Essex (for the plan's records measures), the Essex
plan and the example delivery plan. Everything in it is labelled
"synthetic demo data" so nobody mistakes it for real figures.

The demo lives in its own folder (`./policeplan-demo` by default, never the real
default `./policeplan-workspace`) and builds only into a new or demo workspace: synthetic
rows and seeded delivery actions (which by design can never be deleted) must never mix
with real ones. Importing real data into a demo workspace is refused in the same spirit.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from policeplan.config import Settings
from policeplan.delivery import seed_example
from policeplan.errors import ConfigurationError, InputError
from policeplan.ingest.measures import import_measures
from policeplan.ingest.police_uk import ImportSummary, import_police_uk
from policeplan.months import months_between, parse_month
from policeplan.plan import example_plan_path, load_plan, save_plan
from policeplan.store import SYNTHETIC_LABEL, Workspace
from policeplan.synthetic import generate_police_uk
from policeplan.synthetic.crime_records import import_synthetic_crime_records
from policeplan.synthetic.msg_measures import write_msg_measures

DEMO_FORCE = "essex"
DEMO_PEERS = (
    "avon-and-somerset", "hampshire", "hertfordshire", "kent", "leicestershire",
    "nottinghamshire", "staffordshire", "sussex", "thames-valley",
)  # fmt: skip
DEMO_WORKSPACE = Path("policeplan-demo")
DEMO_FIRST_MONTH = "2018-01"
DEMO_LAST_MONTH = "2025-12"

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class DemoSummary:
    workspace: Path
    label: str
    forces: tuple[str, ...]
    first_month: str
    last_month: str
    rows_loaded: int
    actions_seeded: int
    records_loaded: int = 0  # the home force's own crime records (synthetic extract)
    measures_loaded: int = 0  # per-force measures of the MSG table (synthetic)


def build_demo(
    settings: Settings,
    first_month: str = DEMO_FIRST_MONTH,
    last_month: str = DEMO_LAST_MONTH,
    forces: Sequence[str] = (DEMO_FORCE, *DEMO_PEERS),
    seed: int = 0,
    on_progress: Progress | None = None,
) -> DemoSummary:
    """Generate and import the demo data a year at a time (so the disk never holds more
    than a year of CSV), then load the example plan and delivery plan.

    Raises ConfigurationError, changing nothing, unless the workspace is new or a demo."""
    parse_month(first_month, field="from")
    parse_month(last_month, field="to")
    if first_month > last_month:
        raise InputError(f"the first month {first_month} is after the last month {last_month}",
                         field="from")  # fmt: skip
    refuse_unless_new_or_demo(settings)
    workspace = Workspace.open(settings)
    workspace.set_label(SYNTHETIC_LABEL)
    months = months_between(first_month, last_month)
    years = sorted({m[:4] for m in months})
    rows = 0
    for done, year in enumerate(years):
        year_months = [m for m in months if m.startswith(year)]
        with tempfile.TemporaryDirectory(prefix="policeplan-demo-") as scratch:
            folder = Path(scratch)
            generate_police_uk(folder, forces, year_months, seed=seed, datasets=("street",))
            # Outcomes files for the home force only: enough to show them, half the volume.
            if DEMO_FORCE in forces:
                generate_police_uk(folder, [DEMO_FORCE], year_months, seed=seed,
                                   datasets=("outcomes",))  # fmt: skip
            summary = import_police_uk(workspace, [folder])
        rows += _check_clean(summary)
        if on_progress is not None:
            on_progress(done + 1, len(years))
    records = _import_demo_crime_records(workspace, months, forces, seed)
    measures = _import_demo_msg_measures(workspace, forces, first_month, last_month, seed)
    save_plan(workspace, load_plan(example_plan_path()))
    seeded = seed_example(workspace)
    return DemoSummary(
        workspace=workspace.path,
        label=SYNTHETIC_LABEL,
        forces=tuple(forces),
        first_month=first_month,
        last_month=last_month,
        rows_loaded=rows,
        actions_seeded=seeded.actions,
        records_loaded=records,
        measures_loaded=measures,
    )


def _import_demo_crime_records(
    workspace: Workspace, months: Sequence[str], forces: Sequence[str], seed: int
) -> int:
    """The home force's record-level extract (domestic-abuse, knife and night-time-economy
    flags), imported through its mapping: the example plan's records measures count it.
    Returns the records loaded."""
    if DEMO_FORCE not in forces:
        return 0
    summaries = import_synthetic_crime_records(workspace, months, DEMO_FORCE, seed=seed)
    return sum(summary.rows_loaded for summary in summaries)


def _import_demo_msg_measures(
    workspace: Workspace, forces: Sequence[str], first_month: str, last_month: str, seed: int
) -> int:
    """Every force's sickness, confidence and KSI figures (`synthetic/msg_measures.py`), as a
    performance team loads them: the plan's Most Similar Group table ranks them. Returns the
    rows loaded."""
    with tempfile.TemporaryDirectory(prefix="policeplan-demo-") as scratch:
        path = write_msg_measures(Path(scratch) / "msg-measures.csv", forces, first_month,
                                  last_month, seed)  # fmt: skip
        summary = import_measures(workspace, path)
    if summary.rows_rejected:
        raise RuntimeError(f"synthetic measures did not import cleanly: {summary.rejects[:3]}")
    return summary.rows_loaded


# What a workspace created by a read command (before any import) may hold.
_EMPTY_WORKSPACE_FILES = {"analytics.duckdb", "analytics.duckdb.wal"}


def refuse_unless_new_or_demo(settings: Settings) -> None:
    """Raise ConfigurationError unless the workspace is new (absent, empty, or holding only
    an empty database) or was built by the demo."""
    path = settings.workspace
    if settings.database_url is not None:
        raise ConfigurationError(
            f"the demo keeps its delivery records in its own folder, but this workspace uses "
            f"the records database {settings.database_url}; unset the database URL for the demo"
        )
    if not path.exists():
        return
    if not path.is_dir():
        raise ConfigurationError(f"workspace {path} exists and is not a directory")
    names = {child.name for child in path.iterdir()}
    if not names:
        return
    if settings.analytics_path.exists():
        workspace = Workspace.open(settings)
        if workspace.is_demo() or (names <= _EMPTY_WORKSPACE_FILES and _holds_no_data(workspace)):
            return
    raise ConfigurationError(
        f"{path} is not a demo workspace (it holds real work); the demo builds only into a "
        f"new folder or an earlier demo: run it without --workspace (it uses ./{DEMO_WORKSPACE})"
        " or give a new folder"
    )


def _holds_no_data(workspace: Workspace) -> bool:
    with workspace.connect(read_only=True) as con:
        for table in ("partitions", "home_office_crimes", "measures", "harm_weights"):
            found = con.execute(f"SELECT count(*) FROM {table}").fetchone()
            if found is None or found[0]:
                return False
    return True


def _check_clean(summary: ImportSummary) -> int:
    """Generated data must import without a single reject; anything else is a bug."""
    problems = [f for f in summary.files if f.status == "rejected" or f.rows_rejected]
    if problems:
        raise RuntimeError(f"synthetic data did not import cleanly: {problems[:3]}")
    return summary.rows_loaded
