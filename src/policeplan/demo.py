"""Build a demo workspace offline: synthetic police.uk data for Essex and its example peer
forces, the Essex plan and the example delivery plan. Everything in it is labelled
"synthetic demo data" so nobody mistakes it for real figures."""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from policeplan.config import Settings
from policeplan.delivery import seed_example
from policeplan.ingest.police_uk import ImportSummary, import_police_uk
from policeplan.months import months_between
from policeplan.plan import example_plan_path, load_plan, save_plan
from policeplan.store import SYNTHETIC_LABEL, Workspace
from policeplan.synthetic import generate_police_uk

DEMO_FORCE = "essex"
DEMO_PEERS = (
    "avon-and-somerset", "hampshire", "hertfordshire", "kent", "leicestershire",
    "nottinghamshire", "staffordshire", "sussex", "thames-valley",
)  # fmt: skip
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


def build_demo(
    settings: Settings,
    first_month: str = DEMO_FIRST_MONTH,
    last_month: str = DEMO_LAST_MONTH,
    forces: Sequence[str] = (DEMO_FORCE, *DEMO_PEERS),
    seed: int = 0,
    on_progress: Progress | None = None,
) -> DemoSummary:
    """Generate and import the demo data a year at a time (so the disk never holds more
    than a year of CSV), then load the example plan and delivery plan."""
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
    )


def _check_clean(summary: ImportSummary) -> int:
    """Generated data must import without a single reject; anything else is a bug."""
    problems = [f for f in summary.files if f.status == "rejected" or f.rows_rejected]
    if problems:
        raise RuntimeError(f"synthetic data did not import cleanly: {problems[:3]}")
    return summary.rows_loaded
