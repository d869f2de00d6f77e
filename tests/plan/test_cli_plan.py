import json
from pathlib import Path

import yaml
from click.testing import CliRunner

from policeplan.cli.plan import plan_group
from policeplan.config import load_settings
from policeplan.plan import example_plan_path, load_plan, plan_to_dict


def _run(tmp_path: Path, *args: str) -> tuple[int, str]:
    settings = load_settings(tmp_path / "workspace", {})
    result = CliRunner().invoke(plan_group, list(args), obj=settings)
    return result.exit_code, result.output


def test_load_saves_the_plan_and_prints_a_summary(tmp_path: Path) -> None:
    code, output = _run(tmp_path, "load", str(example_plan_path()))

    assert code == 0, output
    assert output == (
        "Loaded plan essex-2021-24 (Police and Crime Plan 2021-2024): 12 priorities, "
        "31 indicators, 9 strategy strands.\n"
    )
    assert (tmp_path / "workspace" / "plan.yaml").is_file()


def test_load_of_an_invalid_plan_prints_one_line_naming_the_key(tmp_path: Path) -> None:
    data = plan_to_dict(load_plan(example_plan_path()))
    data["priorities"][2]["indicators"][0]["direction"] = "sideways"
    bad = tmp_path / "plan.yaml"
    bad.write_text(yaml.safe_dump(data), encoding="utf-8")

    code, output = _run(tmp_path, "load", str(bad))

    assert code == 1
    assert output.startswith("Error: plan.yaml, field 'priorities[2].indicators[0].direction'")
    assert output.count("\n") == 1
    assert not (tmp_path / "workspace" / "plan.yaml").exists()


def test_show_prints_an_outline_of_the_loaded_plan(tmp_path: Path) -> None:
    _run(tmp_path, "load", str(example_plan_path()))

    code, output = _run(tmp_path, "show")

    assert code == 0, output
    lines = output.splitlines()
    assert lines[0] == "Police and Crime Plan 2021-2024 (essex-2021-24), 2021-04 to 2024-03"
    assert "1. Further investment in crime prevention [crime-prevention]" in lines
    assert "   We will: 15 commitments" in lines
    assert "   - All Crime (all-crime; good: down)" in lines
    assert "  - Domestic Abuse: Chief Superintendent Tom Simons (serves " in output
    assert "12. Increasing collaboration [collaboration]" in lines


def test_show_commitments_lists_every_commitment(tmp_path: Path) -> None:
    _run(tmp_path, "load", str(example_plan_path()))

    code, output = _run(tmp_path, "show", "--commitments")

    assert code == 0, output
    assert "     - Work with partners to design out crime." in output.splitlines()


def test_show_json_is_the_plan_as_plain_data(tmp_path: Path) -> None:
    _run(tmp_path, "load", str(example_plan_path()))

    code, output = _run(tmp_path, "show", "--json")

    assert code == 0, output
    assert json.loads(output) == plan_to_dict(load_plan(example_plan_path()))


def test_show_without_a_plan_says_how_to_load_one(tmp_path: Path) -> None:
    code, output = _run(tmp_path, "show")

    assert code == 1
    assert output == "Error: no plan loaded: run policeplan plan load FILE\n"
