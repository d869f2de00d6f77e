"""The --json contracts, on the fixed golden workspace, are exactly their golden files: a
field renamed or a value changed shows up here. Regenerate with UPDATE_GOLDEN=1 (README.md).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from policeplan.config import Settings
from tests.cli.test_golden import GOLDEN, VIEWS, run_view

JSON_VIEWS = [
    "indicator",
    "indicator_incomplete",
    "indicator_loaded_measure",
    "scorecard",
    "breakdown",
    "spc_signals",
    "spc_mdc_options",
    "card",
    "card_no_data",
    "card_loaded_yearly",
    "summary",
    "msg",
    "msg_solved_rate",
    "delivery_summary",
    "delivery_audit",
    "rejects",
]


def golden_json(name: str) -> Path:
    return GOLDEN / f"{name}.json"


@pytest.mark.parametrize("name", JSON_VIEWS)
def test_json_output_matches_its_golden_file(golden_settings: Settings, name: str) -> None:
    output = run_view(golden_settings, [*VIEWS[name], "--json"])
    golden = golden_json(name)
    if os.environ.get("UPDATE_GOLDEN") == "1":
        golden.write_text(output, encoding="utf-8")
    assert golden.is_file(), f"no golden file {golden.name}: run UPDATE_GOLDEN=1 pytest tests/cli"
    assert output == golden.read_text(encoding="utf-8")


def test_every_json_golden_file_belongs_to_a_view() -> None:
    assert sorted(p.stem for p in GOLDEN.glob("*.json")) == sorted(JSON_VIEWS)
