"""A small fixed workspace for the report tests: synthetic police.uk data for Essex and Kent
(January 2024 to December 2025, seed 7), the example plan and delivery plan, and narrative
entered at a fixed clock, some approved, some not."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from policeplan.config import Settings, load_settings
from policeplan.delivery import (
    add_action,
    add_risk,
    approve_update,
    save_update,
    seed_example,
    submit_update,
)
from policeplan.delivery.commitments import (
    approve_commitment_update,
    save_commitment_update,
    submit_commitment_update,
)
from policeplan.ingest.police_uk import import_police_uk
from policeplan.months import months_between
from policeplan.plan import example_plan_path, load_plan, save_plan
from policeplan.records import dispose_engines
from policeplan.store import SYNTHETIC_LABEL, Workspace
from policeplan.synthetic import generate_police_uk

QUARTER = "2025/26 Q3"
GENERATED_AT = datetime(2026, 1, 15, 9, 0, tzinfo=UTC)
SCRIPT = "<script>alert('x')</script>"
EVENING = datetime(2025, 12, 20, 18, 0, tzinfo=UTC)


def _at() -> datetime:
    return EVENING


@pytest.fixture(scope="session")
def report_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    root = tmp_path_factory.mktemp("reports")
    settings = load_settings(root / "workspace", {})
    workspace = Workspace.open(settings)
    workspace.set_label(SYNTHETIC_LABEL)
    months = months_between("2024-01", "2025-12")
    generate_police_uk(root / "files", ("essex", "kent"), months, seed=7, datasets=("street",))
    import_police_uk(workspace, [root / "files"])
    save_plan(workspace, load_plan(example_plan_path()))
    seed_example(workspace)
    add_action(workspace, ref="DA-900", strand="DA", title="Target repeat burglary with DA",
               indicators=("burglary", "robbery"), actor="analyst", clock=_at)  # fmt: skip
    add_risk(workspace, "DA", description="Refuge places short", mitigation="Joint bid",
             owner="Ch Supt", rating="high", actor="analyst", clock=_at)  # fmt: skip
    achieved, scheduled = f"Training for 300 officers. {SCRIPT}", "Wave 2 https://example.org/plan"
    save_update(workspace, "DA", QUARTER, achieved=achieved, scheduled=scheduled, actor="lead",
                clock=_at)  # fmt: skip
    submit_update(workspace, "DA", QUARTER, actor="lead", clock=_at)
    approve_update(workspace, "DA", QUARTER, actor="pcc", clock=_at)
    save_update(workspace, "GKC", QUARTER, achieved="Draft words", actor="lead", clock=_at)
    for lpa, text in ((None, "Force-wide: 312 officers recruited."), ("North", "Two teams.")):
        save_commitment_update(workspace, "P1-C1", QUARTER, lpa=lpa, text=text, actor="lead",
                               clock=_at)  # fmt: skip
        submit_commitment_update(workspace, "P1-C1", QUARTER, lpa=lpa, actor="lead", clock=_at)
        approve_commitment_update(workspace, "P1-C1", QUARTER, lpa=lpa, actor="pcc", clock=_at)
    save_commitment_update(workspace, "P1-C2", QUARTER, text="Not yet approved words",
                           actor="lead", clock=_at)  # fmt: skip
    dispose_engines()
    return settings


@pytest.fixture(scope="session")
def report_workspace(report_settings: Settings) -> Workspace:
    return Workspace(report_settings)


@pytest.fixture
def out(tmp_path: Path) -> Path:
    return tmp_path
