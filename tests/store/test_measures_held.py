"""`measures list` and `measures remove`: a removal is recorded in the import history and
`revert` puts the rows back (issue 9: removal recorded and revertible like imports)."""

from __future__ import annotations

import csv
import json

from click.testing import CliRunner

from policeplan.cli import cli
from policeplan.config import Settings
from tests.conftest import TEST_DATA

GOOD = TEST_DATA / "measures" / "good.csv"


def _run(settings: Settings, *args: str, code: int = 0) -> str:
    result = CliRunner().invoke(cli, ["--workspace", str(settings.workspace), *args])
    assert result.exit_code == code, result.output
    return result.output


def _expected() -> dict[str, tuple[set[str], set[str], int]]:
    """Per measure in the file: its areas, its periods and its rows, counted independently."""
    found: dict[str, tuple[set[str], set[str], int]] = {}
    with GOOD.open(newline="") as handle:
        for row in csv.DictReader(handle):
            areas, periods, rows = found.get(row["measure"], (set(), set(), 0))
            found[row["measure"]] = (areas | {row["area"]}, periods | {row["period"]}, rows + 1)
    return found


def test_list_gives_every_measure_with_areas_periods_and_rows(settings: Settings) -> None:
    _run(settings, "import", "measures", str(GOOD))

    held = json.loads(_run(settings, "measures", "list", "--json"))["measures"]

    assert {m["measure"]: (set(m["areas"]), m["periods"], m["rows"]) for m in held} == {
        name: (areas, len(periods), rows) for name, (areas, periods, rows) in _expected().items()
    }


def test_remove_one_area_is_in_the_history_and_revert_puts_it_back(settings: Settings) -> None:
    _run(settings, "import", "measures", str(GOOD))
    measure = "answer-999-within-10s"
    _, periods, rows = _expected()[measure]

    removal = json.loads(_run(settings, "measures", "remove", measure, "--area", "essex", "--json"))

    assert removal["rows_removed"] == rows  # every row of this measure is essex's
    assert [e["status"] for e in removal["entries"]] == ["removed"] * len(periods)
    assert measure not in _run(settings, "measures", "list")
    history = json.loads(_run(settings, "history", "--json"))["entries"]
    assert history[0]["command"] == "measures remove"

    _run(settings, "revert", *(str(e["id"]) for e in removal["entries"]))

    held = json.loads(_run(settings, "measures", "list", "--json"))["measures"]
    assert next(m["rows"] for m in held if m["measure"] == measure) == rows


def test_removing_an_unknown_measure_or_area_names_it(settings: Settings) -> None:
    _run(settings, "import", "measures", str(GOOD))

    assert "'answer-999'" in _run(settings, "measures", "remove", "answer-999", code=1)
    output = _run(settings, "measures", "remove", "answer-999-within-10s", "--area", "kent", code=1)
    assert "--area" in output and "'kent'" in output
