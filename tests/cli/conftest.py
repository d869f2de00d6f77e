"""A small fixed workspace for the golden tests: the same files and records every run."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest

from policeplan.config import Settings, load_settings
from policeplan.delivery import (
    add_action,
    add_strand,
    edit_action,
    seed_example,
    set_action_status,
)
from policeplan.ingest.harm_weights import load_harm_weights
from policeplan.ingest.measures import import_measures
from policeplan.ingest.police_uk import import_police_uk
from policeplan.months import months_between
from policeplan.plan import example_plan_path, load_plan, save_plan
from policeplan.store import SYNTHETIC_LABEL, Workspace
from policeplan.synthetic import generate_police_uk
from tests.conftest import TEST_DATA

CLI_DATA = Path(__file__).parent / "data"
FORCES = ("essex", "kent", "sussex")
FIRST_MONTH, LAST_MONTH = "2024-07", "2025-06"
SEED = 7
WEIGHTS = TEST_DATA / "indicators/test-weights.csv"
# Changes to the delivery records are made at these fixed moments.
MORNING = datetime(2021, 10, 4, 9, 30, tzinfo=UTC)
AFTERNOON = datetime(2021, 10, 4, 15, 0, tzinfo=UTC)


@pytest.fixture(scope="session")
def golden_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """The golden workspace, built once per session."""
    root = tmp_path_factory.mktemp("golden")
    settings = load_settings(root / "workspace", {})
    workspace = Workspace.open(settings)
    workspace.set_label(SYNTHETIC_LABEL)
    files = root / "files"
    months = months_between(FIRST_MONTH, LAST_MONTH)
    generate_police_uk(files, FORCES, months, seed=SEED, datasets=("street",))
    generate_police_uk(files, ["essex"], months, seed=SEED, datasets=("outcomes",))
    # A hand-made file with bad rows, under police.uk's name, for the rejects view.
    bad = files / "2020-01" / "2020-01-essex-street.csv"
    bad.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(CLI_DATA / "street-with-bad-rows-handmade.csv", bad)
    import_police_uk(workspace, [files])
    import_measures(workspace, TEST_DATA / "indicators/measures.csv")
    # Loaded here as well as by the weights view (which replaces it with the same table), so
    # every view sees the same workspace whatever order the tests run in.
    load_harm_weights(workspace, WEIGHTS, "golden")
    save_plan(workspace, load_plan(example_plan_path()))
    seed_example(workspace)
    for code, name in (("GA", "Golden strand A"), ("GB", "Golden strand B")):
        add_strand(workspace, code=code, name=name, lead="Supt A", actor="analyst",
                   clock=lambda: MORNING)  # fmt: skip
    add_action(workspace, ref="GA-001", strand="GA", title="Open a second front counter",
               owner="Insp B", actor="analyst", clock=lambda: MORNING)  # fmt: skip
    set_action_status(workspace, "GA-001", "at-risk", reason="no premises yet",
                      actor="pcc office", clock=lambda: AFTERNOON)  # fmt: skip
    edit_action(workspace, "GA-001", strand="GB", owner="Insp C", actor="pcc office",
                clock=lambda: AFTERNOON)  # fmt: skip
    return settings
