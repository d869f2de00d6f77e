"""`policeplan weights list`: the bundled table and every loaded table with provenance."""

from __future__ import annotations

import json

from click.testing import CliRunner

from policeplan.cli import cli
from policeplan.config import Settings
from tests.conftest import TEST_DATA


def _run(settings: Settings, *args: str) -> str:
    result = CliRunner().invoke(cli, ["--workspace", str(settings.workspace), *args])
    assert result.exit_code == 0, result.output
    return result.output


def test_weights_list_shows_the_bundled_and_loaded_tables_with_provenance(
    settings: Settings,
) -> None:
    weights = TEST_DATA / "indicators" / "test-weights.csv"
    crime_types = len(weights.read_text().strip().splitlines()) - 1
    _run(settings, "weights", "load", str(weights), "--version", "v1", "--source", "Test lab",
         "--vintage", "2024")  # fmt: skip

    held = json.loads(_run(settings, "weights", "list", "--json"))

    assert held["bundled"]["name"] == "ons-css"
    assert held["loaded"] == [
        {"version": "v1", "crime_types": crime_types, "source": "Test lab", "vintage": "2024"}
    ]
    text = _run(settings, "weights", "list")
    assert text.splitlines()[0].startswith("bundled  ons-css")
    assert f"loaded   v1       {crime_types} crime types; vintage 2024; source Test lab" in text
