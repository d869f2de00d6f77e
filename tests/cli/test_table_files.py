"""`--csv PATH` / `--xlsx PATH` on coverage, rejects and history: the same table a reader
sees, with real numbers, a header row, a frozen header and a sheet named after the table."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner
from openpyxl import load_workbook

from policeplan.cli import cli
from policeplan.config import Settings
from tests.conftest import TEST_DATA


def _run(settings: Settings, *args: str) -> str:
    result = CliRunner().invoke(cli, ["--workspace", str(settings.workspace), *args])
    assert result.exit_code in (0, 3), result.output
    return result.output


def _csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


def test_coverage_history_and_rejects_write_their_tables(
    settings: Settings, tmp_path: Path
) -> None:
    _run(settings, "import", "measures", str(TEST_DATA / "measures" / "good.csv"))
    _run(settings, "import", "measures", str(TEST_DATA / "measures" / "bad_rows.csv"))

    _run(settings, "coverage", "--csv", str(tmp_path / "c.csv"), "--xlsx", str(tmp_path / "c.xlsx"))
    rows = _csv(tmp_path / "c.csv")
    assert rows[0][:4] == ["Dataset", "Force or measure", "Areas", "Periods"]
    answer = next(r for r in rows if r[1] == "answer-999-within-10s")
    held = next(
        m for m in json.loads(_run(settings, "coverage", "--json"))["measures"]
        if m["measure"] == "answer-999-within-10s"
    )  # fmt: skip
    assert answer[0] == "measures"
    assert answer[3:7] == [str(held["periods"]), held["first_period"], held["last_period"],
                           str(held["rows"])]  # fmt: skip
    sheet = load_workbook(tmp_path / "c.xlsx")["Coverage"]
    assert sheet.freeze_panes == "A2"
    assert isinstance(sheet.cell(row=2, column=7).value, int)

    _run(settings, "history", "--csv", str(tmp_path / "h.csv"))
    history = _csv(tmp_path / "h.csv")
    assert history[0][:3] == ["Id", "When", "Command"]
    assert len(history) > 1 and all(r[3] == "measures" for r in history[1:])

    _run(settings, "rejects", "--xlsx", str(tmp_path / "r.xlsx"))
    rejects = load_workbook(tmp_path / "r.xlsx")["Rejects"]
    assert [c.value for c in rejects[1]][:5] == ["Dataset", "Force", "Month", "File", "Line"]
    assert rejects.max_row > 1 and isinstance(rejects.cell(row=2, column=5).value, int)


def _cell(text: str) -> float | str | None:
    """A CSV cell as the JSON would hold it: '' is None, numbers are numbers."""
    if text == "":
        return None
    if text in ("True", "False"):
        return text == "True"
    try:
        return float(text)
    except ValueError:
        return text


def _same(cell: str, value: object) -> bool:
    found = _cell(cell)
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return found == value
    assert isinstance(value, int | float) and isinstance(found, float), (cell, value)
    return abs(found - value) < 1e-9


def _tables(
    golden_settings: Settings, tmp_path: Path, *args: str
) -> tuple[object, list[dict[str, str]], list[list[object]]]:
    """The command's --json, its --csv as records and its --xlsx sheet's rows."""
    data = json.loads(_run(golden_settings, *args, "--json", "--csv", str(tmp_path / "t.csv"),
                           "--xlsx", str(tmp_path / "t.xlsx")))  # fmt: skip
    with (tmp_path / "t.csv").open(encoding="utf-8-sig", newline="") as handle:
        records = list(csv.DictReader(handle))
    sheet = load_workbook(tmp_path / "t.xlsx").active
    assert sheet is not None and sheet.freeze_panes == "A2"
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=2)]
    return data, records, rows


def _check(
    records: list[dict[str, str]], fields: dict[str, str], expected: list[dict[str, Any]]
) -> None:
    assert len(records) == len(expected)
    for record, item in zip(records, expected, strict=True):
        for column, key in fields.items():
            assert _same(record[column], item[key]), (column, record[column], item[key])


ESSEX = ("--force", "essex", "--to", "2025-06")


def test_indicator_table_holds_the_json_numbers(golden_settings: Settings, tmp_path: Path) -> None:
    data, records, rows = _tables(golden_settings, tmp_path, "indicator", "burglary", *ESSEX,
                                  "--months", "6")  # fmt: skip
    assert isinstance(data, dict)
    flat = {**data, "current_count": data["current"]["count"],
            "comparison_count": data["comparison"]["count"],
            "solved_rate": data["solved"]["rate"]}  # fmt: skip
    _check(records, {"Current": "current_count", "Comparison": "comparison_count",
                     "Difference": "diff", "% difference": "pct_diff", "p-value": "p_value",
                     "Significant": "significant", "Rate per 1,000": "rate_per_1000",
                     "Population": "population", "Population year": "population_year",
                     "Solved rate": "solved_rate"}, [flat])  # fmt: skip
    assert isinstance(rows[0][4], int) and rows[0][4] == data["current"]["count"]


def test_scorecard_and_breakdown_tables_hold_the_json_numbers(
    golden_settings: Settings, tmp_path: Path
) -> None:
    data, records, rows = _tables(golden_settings, tmp_path, "scorecard", *ESSEX, "--months", "6")
    assert isinstance(data, dict)
    indicators = [{**i, "current_count": i["current"]["count"]} for i in data["indicators"]]
    harm = data["harm_score"]  # the last row: the all-crime harm score, tested alone
    assert records[-1]["Measure"] == harm["measure"] == "all-crime-harm-score"
    assert _same(records[-1]["Current"], harm["current"]["score"])
    assert _same(records[-1]["p-value"], harm["p_value"])
    _check(records[:-1], {"Measure": "measure", "Current": "current_count", "p-value": "p_value",
                     "q-value": "q_value", "Significant": "significant",
                     "Significant alone": "significant_alone",
                     "Rate per 1,000": "rate_per_1000"}, indicators)  # fmt: skip
    assert len(rows) == len(indicators) + 1 == 16

    data, records, _ = _tables(golden_settings, tmp_path, "breakdown", "burglary", *ESSEX,
                               "--months", "6", "--by", "district")  # fmt: skip
    assert isinstance(data, dict)
    _check(records, {"Part": "part", "Current": "current", "Comparison": "comparison",
                     "Difference": "diff", "% difference": "pct_diff", "q-value": "q_value",
                     "Significant": "significant", "Rate per 1,000": "rate_per_1000",
                     "Population": "population"}, data["rows"])  # fmt: skip


def test_msg_and_spc_tables_hold_the_json_numbers(
    golden_settings: Settings, tmp_path: Path
) -> None:
    data, records, rows = _tables(golden_settings, tmp_path, "msg", "all-crime", *ESSEX,
                                  "--months", "3", "--group", "kent,sussex")  # fmt: skip
    assert isinstance(data, dict)
    funnel = {f["force"]: f for f in data["funnel"]}
    members = [{**m, **{k: funnel[m["force"]][k] for k in ("lower95", "upper95", "outside")}}
               for m in data["rows"]]  # fmt: skip
    _check(records, {"Rank": "rank", "Force": "force", "Count": "count",
                     "Population": "population", "Rate per 1,000": "rate_per_1000",
                     "Rank low": "rank_low", "Rank high": "rank_high",
                     "Funnel lower 95%": "lower95", "Funnel upper 95%": "upper95",
                     "Outside funnel": "outside"}, members)  # fmt: skip
    assert [r[1] for r in rows] == [m["force"] for m in data["rows"]]

    data, records, _ = _tables(golden_settings, tmp_path, "spc", "burglary", "--force", "essex",
                               "--from", "2024-07", "--to", "2025-06")  # fmt: skip
    assert isinstance(data, dict)
    _check(records, {"Month": "month", "Value": "value", "Mean": "mean",
                     "Lower limit": "lower", "Upper limit": "upper",
                     "Special cause": "special_cause"}, data["points"])  # fmt: skip


def test_harm_indicator_and_msg_tables_hold_the_json_numbers(
    golden_settings: Settings, tmp_path: Path
) -> None:
    data, records, _ = _tables(golden_settings, tmp_path, "indicator", "all-crime-harm-score",
                               *ESSEX, "--months", "3")  # fmt: skip
    assert isinstance(data, dict) and data["kind"] == "harm"
    flat = {**data, "now": data["current"]["score"], "then": data["comparison"]["score"]}
    _check(records, {"Current": "now", "Comparison": "then", "Difference": "diff",
                     "% difference": "pct_diff", "p-value": "p_value",
                     "Rate per 1,000": "rate_per_1000", "Population": "population"},
           [flat])  # fmt: skip
    assert data["current"]["score"] > 0 and data["p_value"] is not None

    data, records, _ = _tables(golden_settings, tmp_path, "msg", "all-crime-harm-score", *ESSEX,
                               "--months", "3", "--group", "kent,sussex")  # fmt: skip
    assert isinstance(data, dict)
    _check(records, {"Rank": "rank", "Force": "force", "Harm score": "score",
                     "Harm per 1,000": "rate_per_1000", "Lower 95%": "rate_low",
                     "Upper 95%": "rate_high", "Weights mix": "weights_mix"},
           data["rows"])  # fmt: skip
