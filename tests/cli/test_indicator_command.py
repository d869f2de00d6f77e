"""`policeplan indicator` in text mode on every kind of measure."""

from __future__ import annotations

from click.testing import CliRunner

from policeplan.cli import cli
from policeplan.config import Settings
from policeplan.ingest.measures import import_measures
from policeplan.store import Workspace
from tests.conftest import TEST_DATA


def test_text_of_a_measure_loaded_with_import_measures_has_no_harm_key_error(
    settings: Settings, workspace: Workspace
) -> None:
    # It used to die with KeyError: 'harm' (the loaded measure's result has no harm score).
    import_measures(workspace, TEST_DATA / "indicators/measures.csv")
    args = ["indicator", "ksi-casualties", "--force", "essex", "--to", "2025-02", "--months",
            "2", "--compare", "last-year"]  # fmt: skip

    result = CliRunner().invoke(cli, ["--workspace", str(settings.workspace), *args])

    assert result.exit_code == 0, result.output
    assert result.exception is None
    assert "  current    2025-01 to 2025-02: 78 casualties (sum of 2025-01, 2025-02)" in (
        result.output
    )
    # Daily rates (issue #8 item 3): 59 days against 60 (2024 is a leap year).
    assert "change: -35.1 (-31.0%), p = 0.0131: significant" in result.output


def test_text_of_a_pooled_rate_measure_prints_its_value(
    settings: Settings, workspace: Workspace
) -> None:
    import_measures(workspace, TEST_DATA / "indicators/measures.csv")
    args = ["indicator", "answer-999-within-10s", "--force", "essex", "--to", "2025-02",
            "--months", "2", "--compare", "last-year"]  # fmt: skip

    result = CliRunner().invoke(cli, ["--workspace", str(settings.workspace), *args])

    assert result.exit_code == 0, result.output
    assert "pooled rate of" in result.output
