"""`policeplan chart`: every kind drawn from the golden workspace, written as SVG and as
Vega-Lite JSON, with a title, a text alternative and no external address."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from policeplan.cli import cli
from policeplan.cli.chart import KINDS
from policeplan.config import Settings
from policeplan.render.charts import external_addresses

ESSEX = ["--force", "essex", "--to", "2025-06"]


def run(settings: Settings, *args: str) -> str:
    result = CliRunner().invoke(cli, ["--workspace", str(settings.workspace), *args])
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize("kind", KINDS)
def test_every_chart_kind_renders_to_svg(
    golden_settings: Settings, tmp_path: Path, kind: str
) -> None:
    out = tmp_path / f"{kind}.svg"
    output = run(golden_settings, "chart", kind, "burglary", *ESSEX, "--out", str(out))
    assert output.startswith(f"{kind} chart of burglary written to")
    svg = out.read_text(encoding="utf-8")
    assert svg.startswith("<svg") and "Burglary" in svg
    assert external_addresses(svg) == []


@pytest.mark.parametrize("kind", KINDS)
def test_every_chart_kind_has_a_title_and_a_text_alternative(
    golden_settings: Settings, tmp_path: Path, kind: str
) -> None:
    out = tmp_path / f"{kind}.vl.json"
    run(golden_settings, "chart", kind, "burglary", *ESSEX, "--out", str(out))
    spec = json.loads(out.read_text(encoding="utf-8"))
    assert "Burglary" in json.dumps(spec["title"])
    assert spec["description"]


def test_spc_chart_of_an_area_names_the_area(golden_settings: Settings, tmp_path: Path) -> None:
    out = tmp_path / "spc.vl.json"
    run(golden_settings, "chart", "spc", "burglary", *ESSEX, "--area", "lpa:North",
        "--out", str(out))  # fmt: skip
    assert "lpa:North" in json.dumps(json.loads(out.read_text(encoding="utf-8"))["title"])


def test_monthly_chart_says_which_earlier_months_are_missing(
    golden_settings: Settings, tmp_path: Path
) -> None:
    # The golden workspace starts in July 2024: a year before it is missing.
    out = tmp_path / "monthly.vl.json"
    run(golden_settings, "chart", "monthly", "burglary", *ESSEX, "--months", "6",
        "--out", str(out))  # fmt: skip
    assert "No value for" in json.loads(out.read_text(encoding="utf-8"))["description"]


def test_unknown_kind_is_a_usage_error(golden_settings: Settings, tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli,
        ["--workspace", str(golden_settings.workspace), "chart", "pie", "burglary", *ESSEX,
         "--out", str(tmp_path / "x.svg")],
    )  # fmt: skip
    assert result.exit_code == 2
