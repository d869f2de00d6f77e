"""The real sample (2018-19 and 2024-25 police.uk files), shared by indicator tests."""

from __future__ import annotations

import pytest

from policeplan.ingest.police_uk import ImportSummary
from policeplan.store import Workspace


@pytest.fixture(scope="session")
def real_workspace(real_sample: tuple[Workspace, ImportSummary]) -> Workspace:
    workspace, summary = real_sample
    assert summary.rows_rejected == 0
    return workspace


@pytest.fixture(scope="session")
def card_workspace(tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    """A small synthetic workspace for cards, the summary and SPC: Essex and Kent street
    records (Essex outcomes too) for the 24 months 2023-07 to 2025-06, a loaded monthly KSI
    measure, and the example Essex plan."""
    from policeplan.config import load_settings
    from policeplan.ingest.measures import import_measures
    from policeplan.ingest.police_uk import import_police_uk
    from policeplan.months import months_between
    from policeplan.plan import example_plan_path, load_plan, save_plan
    from policeplan.store import SYNTHETIC_LABEL
    from policeplan.synthetic import generate_police_uk
    from tests.conftest import TEST_DATA

    root = tmp_path_factory.mktemp("cards")
    workspace = Workspace.open(load_settings(root / "workspace", {}))
    workspace.set_label(SYNTHETIC_LABEL)
    months = months_between(CARD_FIRST_MONTH, CARD_LAST_MONTH)
    generate_police_uk(root / "files", ("essex", "kent"), months, seed=3, datasets=("street",))
    generate_police_uk(root / "files", ["essex"], months, seed=3, datasets=("outcomes",))
    import_police_uk(workspace, [root / "files"])
    import_measures(workspace, TEST_DATA / "indicators/card-measures.csv")
    save_plan(workspace, load_plan(example_plan_path()))
    return workspace


CARD_FIRST_MONTH, CARD_LAST_MONTH = "2023-07", "2025-06"
