"""Every text view, run on the fixed golden workspace, prints exactly its golden file.

Regenerate after an intended change with `UPDATE_GOLDEN=1 pytest tests/cli` (see README.md).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from policeplan.cli import cli
from policeplan.config import Settings
from tests.cli.conftest import WEIGHTS

GOLDEN = Path(__file__).parent / "golden"

ESSEX = ["--force", "essex"]
VIEWS = {
    "indicator": ["indicator", "burglary", *ESSEX, "--to", "2025-06", "--months", "6"],
    "indicator_incomplete": ["indicator", "burglary", *ESSEX, "--to", "2025-06"],
    "indicator_area": ["indicator", "vehicle-crime", *ESSEX, "--to", "2025-06", "--months", "3",
                       "--compare", "previous", "--area", "lpa:North"],
    "indicator_loaded_measure": ["indicator", "ksi-casualties", *ESSEX, "--to", "2025-02",
                                 "--months", "2", "--compare", "last-year"],
    "indicator_year_to_date": ["indicator", "robbery", "--force", "kent", "--to", "2025-06",
                               "--year-to-date", "--compare", "previous"],
    "scorecard": ["scorecard", *ESSEX, "--to", "2025-06", "--months", "6"],
    "scorecard_not_compared": ["scorecard", "--force", "kent", "--to", "2025-06"],
    "breakdown": ["breakdown", "burglary", *ESSEX, "--to", "2025-06", "--months", "6"],
    "breakdown_crime_type": ["breakdown", "all-crime", "--force", "sussex", "--to", "2025-06",
                             "--months", "3", "--by", "crime-type"],
    "spc": ["spc", "burglary", *ESSEX, "--from", "2024-07", "--to", "2025-06"],
    "spc_signals": ["spc", "robbery", *ESSEX, "--from", "2024-07", "--to", "2025-06"],
    "spc_recalculated": ["spc", "shoplifting", "--force", "kent", "--from", "2024-07", "--to",
                         "2025-06", "--recalculate-from", "2025-01"],
    "spc_mdc_options": ["spc", "burglary", *ESSEX, "--from", "2024-07", "--to", "2025-06",
                        "--rebase", "2025-01:new recording system", "--target", "300",
                        "--trend-points", "6", "--screen-moving-ranges"],
    "spc_neutral_area": ["spc", "drugs", *ESSEX, "--from", "2024-07", "--to", "2025-06",
                         "--direction", "neutral", "--area", "lpa:North"],
    "spc_loaded_measure": ["spc", "ksi-casualties", *ESSEX, "--from", "2024-01", "--to",
                           "2025-02"],
    "card": ["card", "all-crime", *ESSEX, "--to", "2025-06", "--months", "6"],
    "card_loaded_yearly": ["card", "public-confidence", *ESSEX, "--to", "2025-06"],
    "card_no_data": ["card", "drug-related-homicide", *ESSEX, "--to", "2025-06"],
    "card_area": ["card", "burglary", *ESSEX, "--to", "2025-06", "--months", "3", "--area",
                  "lpa:North"],
    "summary": ["summary", *ESSEX, "--to", "2025-06", "--months", "6"],
    "msg": ["msg", "all-crime", *ESSEX, "--to", "2025-06", "--months", "3", "--group",
            "kent,sussex"],
    "msg_plan_group": ["msg", "burglary", *ESSEX, "--to", "2025-06", "--months", "6"],
    "msg_solved_rate": ["msg", "all-crime", *ESSEX, "--to", "2025-06", "--months", "3",
                        "--group", "kent,sussex", "--statistic", "solved-rate", "--history", "3"],
    "plan_show": ["plan", "show"],
    "delivery_summary": ["delivery", "summary", "--quarter", "2021-22Q2"],
    "delivery_summary_as_of": ["delivery", "summary", "--quarter", "2021-22Q3", "--as-of",
                               "2021-10-04"],
    "delivery_audit": ["delivery", "audit", "--ref", "GA-001"],
    "delivery_audit_strand": ["delivery", "audit", "--entity", "strand", "--ref", "GB"],
    "rejects": ["rejects"],
    "weights": ["weights", "load", str(WEIGHTS), "--version", "golden"],
}  # fmt: skip


def run_view(settings: Settings, args: list[str]) -> str:
    result = CliRunner().invoke(cli, ["--workspace", str(settings.workspace), *args])
    assert result.exit_code == 0, result.output
    # Paths of the session's temporary folder differ from run to run.
    return result.output.replace(str(settings.workspace.parent), "<tmp>")


@pytest.mark.parametrize("name", sorted(VIEWS))
def test_text_view_matches_its_golden_file(golden_settings: Settings, name: str) -> None:
    output = run_view(golden_settings, VIEWS[name])
    golden = GOLDEN / f"{name}.txt"
    if os.environ.get("UPDATE_GOLDEN") == "1":
        golden.write_text(output, encoding="utf-8")
    assert golden.is_file(), f"no golden file {golden.name}: run UPDATE_GOLDEN=1 pytest tests/cli"
    assert output == golden.read_text(encoding="utf-8")


def test_every_golden_file_belongs_to_a_view() -> None:
    assert sorted(p.stem for p in GOLDEN.glob("*.txt")) == sorted(VIEWS)
