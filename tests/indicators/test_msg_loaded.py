"""Per-force loaded measures across the Most Similar Group (`msg --source measures`): a
proportion ranked down-is-good from the plan, a survey estimate whose latest data ends
before the window, and a count rated per 1,000 people, each checked by hand."""

from __future__ import annotations

import csv
import math
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from policeplan.cli import cli
from policeplan.errors import InputError
from policeplan.indicators import MsgQuery
from policeplan.indicators.msg_compare import compare_with_group
from policeplan.indicators.msg_values import ValueComparison
from policeplan.ingest.measures import import_measures
from policeplan.plan import example_plan_path, load_plan, save_plan
from policeplan.reference import population_for
from policeplan.render import msg_values_text
from policeplan.store import Workspace
from tests.conftest import TEST_DATA

MEASURES_FILE = TEST_DATA / "indicators" / "msg-measures.csv"
Z = 1.959963984540054


@pytest.fixture
def loaded(workspace: Workspace) -> Workspace:
    import_measures(workspace, MEASURES_FILE)
    save_plan(workspace, load_plan(example_plan_path()))
    return workspace


def _compare(workspace: Workspace, measure: str, to: str, months: int) -> ValueComparison:
    query = MsgQuery(measure, "essex", to=to, months=months, source="measures")
    result = compare_with_group(workspace, query)
    assert isinstance(result, ValueComparison)
    return result


def _wilson(successes: int, trials: int) -> tuple[float, float]:
    p = successes / trials
    centre = p + Z**2 / (2 * trials)
    half = Z * math.sqrt(p * (1 - p) / trials + Z**2 / (4 * trials**2))
    return (centre - half) / (1 + Z**2 / trials), (centre + half) / (1 + Z**2 / trials)


def test_sickness_proportion_is_ranked_lowest_first_where_8th_is_best(loaded: Workspace) -> None:
    result = _compare(loaded, "sickness-police-officers", "2025-09", 3)
    data = result.to_dict()

    # By hand: hours lost / hours available, lowest (best) first.
    assert [row["force"] for row in data["rows"]] == [
        "sussex",  # 3,000 / 90,000 = 3.33%
        "hertfordshire",  # 2,500 / 70,000 = 3.57%
        "essex",  # 4,200 / 100,000 = 4.20%
        "kent",  # 5,100 / 120,000 = 4.25%
        "avon-and-somerset",  # 4,800 / 105,000 = 4.57%
        "thames-valley",  # 7,000 / 150,000 = 4.67%
        "hampshire",  # 6,000 / 110,000 = 5.45%
        "staffordshire",  # 3,300 / 60,000 = 5.50%
    ]
    assert [row["rank"] for row in data["rows"]] == list(range(1, 9))
    assert data["statistic"] == "proportion"
    assert data["direction"] == "down" and data["best_end"] == "lowest"  # from the plan
    assert data["measure_title"].startswith("Percentage of contracted hours lost to sickness")
    assert {e["force"] for e in data["excluded"]} == {"leicestershire", "nottinghamshire"}
    essex = data["rows"][2]
    assert (essex["numerator"], essex["denominator"]) == (4200, 100_000)
    assert (essex["lower"], essex["upper"]) == pytest.approx(_wilson(4200, 100_000))
    # The plan's aspiration, rank:2, is not met at 3rd.
    assert (data["aspiration"], data["aspiration_met"]) == ("rank:2", False)
    # To the top quartile (rank 2, Hertfordshire's 2,500 / 70,000) on Essex's hours.
    needed = 2500 / 70_000 * 100_000 - 4200
    assert data["change_to_top_quartile"]["change_count"] == -round(abs(needed))
    text = msg_values_text(result)
    assert "Essex: 3rd of 8, 4.2% (ranked from the highest value: 6th, where 8th is best)" in text
    assert "rank 1 = the lowest" in text


def test_a_measure_whose_latest_data_ends_before_the_window_says_last_data_to(
    loaded: Workspace,
) -> None:
    result = _compare(loaded, "public-confidence", "2025-03", 12)
    data = result.to_dict()

    assert data["last_data_to"] == "2020-03"
    assert data["window"] == {"from": "2019-04", "to": "2020-03", "months": 12}
    assert "2019-04 to 2020-03 (last data to 2020-03)" in msg_values_text(result)
    assert data["statistic"] == "estimate" and data["best_end"] == "highest"
    rows = {row["force"]: row for row in data["rows"]}
    assert [row["force"] for row in data["rows"]] == ["sussex", "essex", "kent", "hampshire"]
    # Sussex gave a standard error, the others an interval.
    assert rows["sussex"]["lower"] == pytest.approx(80 - Z * 1.2)
    assert rows["essex"]["standard_error"] == pytest.approx(5.0 / (2 * Z))
    errors = {f: rows[f]["standard_error"] for f in rows}
    weights = {f: 1 / e**2 for f, e in errors.items()}
    mean = sum(weights[f] * rows[f]["value"] for f in rows) / sum(weights.values())
    q = sum(weights[f] * (rows[f]["value"] - mean) ** 2 for f in rows)
    assert data["homogeneity"]["statistic"] == pytest.approx(q, rel=1e-3)
    assert data["average"] == pytest.approx(77.0)


def test_a_loaded_count_is_rated_per_1000_people(loaded: Workspace) -> None:
    data = _compare(loaded, "ksi-casualties", "2025-03", 12).to_dict()

    rows = {row["force"]: row for row in data["rows"]}
    people = population_for("essex", 2024).population
    assert (rows["essex"]["numerator"], rows["essex"]["denominator"]) == (850, people)
    assert rows["essex"]["value"] == pytest.approx(850 / people * 1000)
    assert data["statistic"] == "rate-per-1000"
    assert any("Hampshire recorded fewer than 30" in c for c in data["caveats"])


def test_a_measure_not_loaded_is_refused_naming_the_field(workspace: Workspace) -> None:
    with pytest.raises(InputError) as caught:
        compare_with_group(
            workspace,
            MsgQuery(
                "public-confidence", "essex", to="2025-03", group=("kent",), source="measures"
            ),
        )
    assert caught.value.field == "measure"


@pytest.mark.parametrize(
    ("row", "field"),
    [
        ("public-confidence,2020/21,essex,78,,,%,75,,", "upper"),
        ("public-confidence,2020/21,essex,78,,,%,79,81,", "lower"),
        ("public-confidence,2020/21,essex,78,,,%,,,0", "se"),
    ],
)
def test_import_rejects_a_bad_interval_or_standard_error(
    workspace: Workspace, tmp_path: Path, row: str, field: str
) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(MEASURES_FILE.read_text().splitlines()[0] + "\n" + row + "\n")

    summary = import_measures(workspace, path)

    assert summary.rows_loaded == 0
    assert [(r.line, r.field) for r in summary.rejects] == [(2, field)]


# --- What the numerator and denominator count: named by the plan's measures: entry -------

# Top quartile: Hertfordshire's 2,500 / 70,000 on Essex's 100,000 hours is 3,571.4 hours
# lost, so Essex's 4,200 must fall to 3,571 at most: 629 fewer.
TO_TOP_QUARTILE = (4200, 3571, 100_000)


def test_the_plan_names_what_a_loaded_proportions_change_counts(loaded: Workspace) -> None:
    result = _compare(loaded, "sickness-police-officers", "2025-09", 3)
    data = result.to_dict()

    now, then, hours = TO_TOP_QUARTILE
    assert data["change_to_top_quartile"]["change_count"] == then - now == -629
    assert data["change_count_of"] == data["numerator_name"] == "hours lost to sickness"
    assert data["denominator_name"] == "contracted hours"
    text = msg_values_text(result)
    assert "Numerator: hours lost to sickness; denominator: contracted hours" in text
    assert (
        f"-0.6 percentage points (-629 hours lost to sickness, from {now:,} to {then:,} of "
        f"{hours:,} contracted hours)"
    ) in " ".join(text.split())


def test_without_names_the_change_is_said_in_the_numerator_with_what_it_becomes(
    loaded: Workspace,
) -> None:
    query = MsgQuery("sickness-police-officers", "essex", to="2025-09", months=3,
                     source="measures", direction="down",
                     group=("kent", "sussex", "hertfordshire"))  # fmt: skip
    result = compare_with_group(loaded, query, plan=None)
    assert isinstance(result, ValueComparison)
    data = result.to_dict()

    # Of four, the top quartile is rank 1: Sussex's 3,000 / 90,000 on Essex's 100,000
    # hours is 3,333.3, so Essex's 4,200 must fall to 3,333: 867 fewer.
    assert data["change_to_top_quartile"]["change_count"] == 3333 - 4200 == -867
    assert data["change_count_of"] == "in the numerator"
    assert (data["numerator_name"], data["denominator_name"]) == (None, None)
    assert data["measure_title"] == "sickness-police-officers"
    text = " ".join(msg_values_text(result).split())
    assert "(-867 in the numerator, from 4,200 to 3,333 of 100,000)" in text
    assert "Numerator:" not in text


def test_a_loaded_counts_change_is_said_in_its_unit(loaded: Workspace) -> None:
    result = _compare(loaded, "ksi-casualties", "2025-03", 12)
    data = result.to_dict()

    assert data["change_count_of"] == data["numerator_name"] == "casualties"
    count = data["change_to_top_quartile"]["change_count"]
    assert count < 0
    assert f"{count:+,} casualties" in " ".join(msg_values_text(result).split())


def test_msg_csv_names_what_the_numerator_and_denominator_count(
    loaded: Workspace, tmp_path: Path
) -> None:
    path = tmp_path / "msg.csv"
    args = ["--workspace", str(loaded.path), "msg", "sickness-police-officers", "--force",
            "essex", "--to", "2025-09", "--months", "3", "--source", "measures", "--csv",
            str(path)]  # fmt: skip
    shown = CliRunner().invoke(cli, args)

    assert shown.exit_code == 0, shown.output
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    essex = next(row for row in rows if row["Force"] == "essex")
    assert (essex["Numerator"], essex["Denominator"]) == ("4200", "100000")
    assert essex["Numerator counts"] == "hours lost to sickness"
    assert essex["Denominator counts"] == "contracted hours"


def test_hours_spread_far_beyond_independent_events_carry_a_caveat(loaded: Workspace) -> None:
    """Sickness hours are not independent events: the eight forces' proportions spread far
    more than a binomial allows (phi recomputed here as Spiegelhalter's: the mean of the 10%
    winsorised squared z-scores around the pooled proportion), so the intervals and
    plausible positions are said to overstate certainty."""
    result = _compare(loaded, "sickness-police-officers", "2025-09", 3)
    counts = [(float(m.figure.numerator or 0), float(m.figure.denominator or 0))
              for m in result.members]  # fmt: skip
    pooled = sum(lost for lost, _ in counts) / sum(hours for _, hours in counts)
    z = np.array([(lost / hours - pooled) / math.sqrt(pooled * (1 - pooled) / hours)
                  for lost, hours in counts])  # fmt: skip
    low, high = np.quantile(z, [0.1, 0.9])
    phi = float(np.mean(np.clip(z, low, high) ** 2))
    assert phi > 10
    assert result.funnel is not None and result.funnel.phi == pytest.approx(phi, rel=1e-6)
    (caveat,) = result.caveats
    assert f"spread {phi:,.0f} times more than independent events" in caveat
