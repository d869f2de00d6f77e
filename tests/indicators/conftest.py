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
