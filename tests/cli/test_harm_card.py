"""The plan's `all-crime-harm-score` has figures everywhere a measure does: its card carries
the same harm score, change and test as `indicator`, and names the weights (issue #13)."""

from __future__ import annotations

import json

from click.testing import CliRunner

from policeplan.cli import cli
from policeplan.config import Settings

ARGS = ("--force", "essex", "--to", "2025-06", "--months", "3", "--json")


def _json(settings: Settings, *args: str) -> dict[str, object]:
    result = CliRunner().invoke(cli, ["--workspace", str(settings.workspace), *args])
    assert result.exit_code == 0, result.output
    found = json.loads(result.output)
    assert isinstance(found, dict)
    return found


def test_the_harm_card_has_the_indicator_s_figures_and_names_the_weights(
    golden_settings: Settings,
) -> None:
    card = _json(golden_settings, "card", "all-crime-harm-score", *ARGS)
    indicator = _json(golden_settings, "indicator", "all-crime-harm-score", *ARGS)
    current, comparison = indicator["current"], indicator["comparison"]
    assert isinstance(current, dict) and isinstance(comparison, dict)

    latest = card["latest"]
    assert isinstance(latest, dict)
    assert latest["value"] == current["score"] and latest["value"] > 0
    assert latest["rate_per_1000"] == round(current["per_1000"], 3)
    previous = next(c for c in card["comparisons"] if c["against"] == "previous")  # type: ignore[attr-defined]
    assert previous["value"] == comparison["score"]
    assert previous["p"] == indicator["p_value"] and previous["p"] is not None
    assert any("ons-css weights" in c and "late 2020" in c for c in card["caveats"])  # type: ignore[attr-defined]
    assert card["spc"] is not None
