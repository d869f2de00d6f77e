"""Issue #8 wired into the indicators: every "significant" is one the data support.

Real cases from the sample in ../shared/data, each of which main got wrong."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from click.testing import CliRunner
from scipy.stats import binom

from policeplan.cli import cli
from policeplan.errors import IncompleteWindow
from policeplan.indicators import (
    BreakdownQuery,
    IndicatorQuery,
    MsgQuery,
    ScorecardQuery,
    breakdown,
    compute_indicator,
    msg_comparison,
    scorecard,
)
from policeplan.indicators.breakdown import UNLOCATED_PART
from policeplan.indicators.directions import good_direction, verdict_direction
from policeplan.stats.multiple_comparisons import benjamini_hochberg
from policeplan.store import Workspace

pytestmark = pytest.mark.realdata

KENT_DECEMBER = "2018-12 looks incomplete (8,438 rows against a usual 15,378)"
GROUP = ["kent", "hertfordshire", "sussex", "hampshire", "staffordshire", "nottinghamshire",
         "leicestershire", "avon-and-somerset", "thames-valley"]  # fmt: skip


def _run(workspace: Workspace, *args: str) -> str:
    result = CliRunner().invoke(cli, ["--workspace", str(workspace.path), *args])
    assert result.exit_code == 0, result.output
    return result.output


# --- 1. Partial months ------------------------------------------------------------------


def test_kent_partial_december_is_not_compared_by_default(real_workspace: Workspace) -> None:
    query = IndicatorQuery("all-crime", "kent", "2018-12", months=1, compare="previous")
    data = compute_indicator(real_workspace, query).to_dict()

    assert data["current"]["complete"] is False
    assert data["current"]["count"] is None
    assert data["current"]["incomplete_reason"] == KENT_DECEMBER
    assert data["current"]["suspect_months"] == [
        {"month": "2018-12", "rows": 8438, "usual_rows": 15378.5}
    ]
    assert (data["pct_diff"], data["significant"]) == (None, None)  # not -47.5% "significant"
    text = _run(real_workspace, "indicator", "all-crime", "--force", "kent", "--to", "2018-12",
                "--months", "1", "--compare", "previous")  # fmt: skip
    assert KENT_DECEMBER in text
    assert "-47.5%" not in text


def test_accepting_the_partial_month_counts_it_with_a_warning(real_workspace: Workspace) -> None:
    query = IndicatorQuery(
        "all-crime", "kent", "2018-12", 1, "previous", accept_suspect_months=True
    )
    data = compute_indicator(real_workspace, query).to_dict()

    assert data["current"]["count"] == 6132
    assert data["current"]["suspect_accepted"] is True
    assert data["warnings"] == [f"{KENT_DECEMBER}: counted as accepted"]
    text = _run(real_workspace, "indicator", "all-crime", "--force", "kent", "--to", "2018-12",
                "--months", "1", "--compare", "previous", "--accept-suspect-months")  # fmt: skip
    assert f"Warning: {KENT_DECEMBER}: counted as accepted" in text


def test_msg_does_not_rank_kent_on_a_partial_december(real_workspace: Workspace) -> None:
    query = MsgQuery("all-crime", "essex", "2018-12", 3, tuple(GROUP))
    data = msg_comparison(real_workspace, query).to_dict()

    assert "kent" not in [row["force"] for row in data["rows"]]
    kent = next(e for e in data["excluded"] if e["force"] == "kent")
    assert KENT_DECEMBER in kent["reason"]
    assert kent["missing_months"] == ["2018-12"]

    accepted = msg_comparison(real_workspace, replace(query, accept_suspect_months=True))
    assert "kent" in [m.force.slug for m in accepted.members]
    assert f"Kent: {KENT_DECEMBER}: counted as accepted" in accepted.warnings

    with pytest.raises(IncompleteWindow, match="--accept-suspect-months"):
        msg_comparison(real_workspace, replace(query, force="kent", group=("essex",)))


# --- 2. Solved-rate vintage -------------------------------------------------------------


def test_essex_solved_rates_of_different_vintage_are_not_tested(real_workspace: Workspace) -> None:
    query = IndicatorQuery("all-crime", "essex", "2025-04", months=4, compare="last-year")
    data = compute_indicator(real_workspace, query).to_dict()

    solved = data["solved_change"]
    assert solved["comparable"] is False
    assert solved["reason"].startswith("outcomes of different maturity: 3.2% of the current")
    assert solved["open_share"]["comparison"] == pytest.approx(0.267, abs=0.0005)
    assert solved["open_share"]["current"] == pytest.approx(0.032, abs=0.0005)
    assert solved["p_value"] is None and solved["significant"] is None  # not 7e-131
    assert solved["comparison"]["rate"] == pytest.approx(0.096, abs=0.0005)
    assert solved["points_difference"] == 5.2
    text = _run(real_workspace, "indicator", "all-crime", "--force", "essex", "--to", "2025-04",
                "--months", "4", "--compare", "last-year")  # fmt: skip
    assert "solved change: +5.2 points against 9.6%, not tested: outcomes of different" in text


def test_solved_rates_of_the_same_vintage_are_still_tested(real_workspace: Workspace) -> None:
    query = IndicatorQuery("all-crime", "essex", "2025-12", months=3, compare="previous")
    solved = compute_indicator(real_workspace, query).to_dict()["solved_change"]

    assert solved["comparable"] is True and solved["reason"] is None
    assert solved["p_value"] is not None and solved["significant"] is False
    # Kent October 2018 is 29.5% open against 1.4% in November: not comparable either.
    kent = IndicatorQuery("all-crime", "kent", "2018-11", months=1, compare="previous")
    assert compute_indicator(real_workspace, kent).to_dict()["solved_change"]["comparable"] is False


# --- 4/9 and 7. Days as exposure, dispersion --------------------------------------------


def test_february_against_january_compares_daily_rates(real_workspace: Workspace) -> None:
    query = IndicatorQuery("all-crime", "essex", "2025-02", months=1, compare="previous")
    data = compute_indicator(real_workspace, query).to_dict()

    now, then = data["current"]["count"], data["comparison"]["count"]
    assert (data["current_days"], data["comparison_days"]) == (28, 31)
    daily = (now / 28) / (then / 31) - 1
    assert data["pct_diff"] == round(100 * daily, 1)
    assert data["poisson_p_value"] == pytest.approx(
        min(
            1.0,
            2 * min(binom.cdf(now, now + then, 28 / 59), binom.sf(now - 1, now + then, 28 / 59)),
        )
    )


def test_short_history_falls_back_to_the_exact_test_and_says_so(
    real_workspace: Workspace,
) -> None:
    query = IndicatorQuery("violent-crime", "essex", "2025-04", months=4, compare="last-year")
    data = compute_indicator(real_workspace, query).to_dict()

    assert data["method"] == "exact Poisson (conditional binomial) test"
    assert data["p_value"] == data["poisson_p_value"]
    assert (data["phi"], data["dispersion_months"], data["dispersion_df"]) == (1.0, 4, None)
    assert "only 4 months of history held (24 needed)" in data["caveat"]
    text = _run(real_workspace, "indicator", "violent-crime", "--force", "essex", "--to",
                "2025-04", "--months", "4", "--compare", "last-year")  # fmt: skip
    assert "caveat: only 4 months of history held" in text


# --- 8. Multiple comparisons ------------------------------------------------------------


def test_scorecard_verdicts_are_on_benjamini_hochberg_q_values(real_workspace: Workspace) -> None:
    card = scorecard(real_workspace, ScorecardQuery("essex", "2025-04", 4, "last-year"))
    data = card.to_dict()

    assert data["verdict_basis"] == "q_value (Benjamini-Hochberg)"
    rows = data["indicators"]
    expected = benjamini_hochberg([row["p_value"] for row in rows])
    assert [row["q_value"] for row in rows] == pytest.approx(list(expected))
    for row in rows:
        assert row["significant"] is (row["q_value"] < 0.05)
        assert row["significant_alone"] is (row["p_value"] < 0.05)
    by_measure = {row["measure"]: row for row in rows}
    assert by_measure["criminal-damage-arson"]["significant"] is False
    assert sum(row["significant"] for row in rows) == 11


def test_breakdown_rows_add_up_to_the_force_and_carry_q_values(real_workspace: Workspace) -> None:
    query = BreakdownQuery("all-crime", "essex", "2025-04", 4, "last-year", "district")
    data = breakdown(real_workspace, query).to_dict()
    force = compute_indicator(
        real_workspace, IndicatorQuery("all-crime", "essex", "2025-04", 4, "last-year")
    ).to_dict()

    unlocated = data["rows"][-1]
    assert unlocated["part"] == UNLOCATED_PART
    assert (unlocated["current"], unlocated["comparison"]) == (701, 1434)
    assert sum(row["current"] for row in data["rows"]) == force["current"]["count"]
    assert sum(row["comparison"] for row in data["rows"]) == force["comparison"]["count"]
    assert data["verdict_basis"] == "q_value (Benjamini-Hochberg)"
    assert all(row["q_value"] is not None for row in data["rows"])
    # 14. the No Location share halved: every district's change is biased; said so
    assert data["unlocated"]["differs"] is True
    assert data["unlocated"]["difference_points"] == -1.4
    # 10. districts have populations and rates, labelled over the window
    harlow = next(row for row in data["rows"] if row["part"] == "Harlow")
    assert harlow["population"] is not None and harlow["rate_per_1000"] is not None
    assert data["rate_label"] == "per 1,000 people over 4 months (2025-01 to 2025-04)"
    text = _run(real_workspace, "breakdown", "all-crime", "--force", "essex", "--to", "2025-04",
                "--months", "4", "--compare", "last-year", "--by", "district")  # fmt: skip
    assert "No location / unknown district" in text
    assert "Benjamini-Hochberg" in text
    assert "crimes with no location: 1.5% of the current window against 3.0%" in text


def test_lpa_breakdown_has_rates_and_the_unlocated_row(real_workspace: Workspace) -> None:
    query = BreakdownQuery("burglary", "essex", "2025-04", 4, "last-year", "lpa")
    data = breakdown(real_workspace, query).to_dict()

    assert data["rows"][-1]["part"] == UNLOCATED_PART
    assert all(row["rate_per_1000"] is not None for row in data["rows"][:-1])
    assert all(row["population_basis"] for row in data["rows"][:-1])


# --- 10. Populations --------------------------------------------------------------------


def test_indicator_names_the_population_basis_and_warns_when_far(
    real_workspace: Workspace,
) -> None:
    now = compute_indicator(
        real_workspace, IndicatorQuery("burglary", "essex", "2025-04", 4, "last-year")
    ).to_dict()
    assert now["population_year"] == 2024 and now["population_warning"] is None
    assert now["population_basis"] == "Census 2021-based estimate"


# --- 11, 12. MSG change needed and rank ranges --------------------------------------------


def test_msg_change_to_average_is_solved_and_ranks_have_ranges(real_workspace: Workspace) -> None:
    data = msg_comparison(
        real_workspace, MsgQuery("all-crime", "essex", "2025-12", 12, tuple(GROUP))
    ).to_dict()

    assert data["msg_average_method"] == "mean of rates"
    assert data["change_to_average"] == data["change_to_average_naive"] == 0  # already better
    assert data["msg_pooled_rate"] == pytest.approx(75.535, abs=0.001)
    assert data["within_normal_variation"] is True
    assert (data["force_rank"], data["force_rank_range"]) == (4, [3, 4])
    assert data["indistinguishable_peers"] == 1
    essex = next(row for row in data["rows"] if row["force"] == "essex")
    assert essex["indistinguishable_from"] == ["staffordshire"]
    assert data["rank_uncertainty_method"]["seed"] == 20_250_401
    text = _run(real_workspace, "msg", "all-crime", "--force", "essex", "--to", "2025-12",
                "--group", ",".join(GROUP))  # fmt: skip
    assert "Rank: 4th (plausible range 3rd–4th; not distinguishable from 1 peer)" in text
    assert "within normal variation between forces" in text


def test_msg_change_to_average_for_a_force_above_it(real_workspace: Workspace) -> None:
    data = msg_comparison(
        real_workspace, MsgQuery("all-crime", "kent", "2025-12", 12, ("essex", *GROUP[1:]))
    ).to_dict()

    # Kent is above the average: the solved change goes further than the naive one.
    assert data["change_to_average"] < data["change_to_average_naive"] < 0


# --- 13. Direction ----------------------------------------------------------------------


def test_drugs_and_weapons_are_neutral_unless_a_direction_is_set() -> None:
    assert verdict_direction("drugs", None) is None
    assert verdict_direction("possession-of-weapons", None) is None
    assert verdict_direction("drugs", None, "up") == "up"
    assert verdict_direction("burglary", None) == "down"
    assert good_direction("drugs", None) == "down"  # still ranked lowest first


def test_msg_on_drugs_calls_no_force_better_or_worse(real_workspace: Workspace) -> None:
    data = msg_comparison(
        real_workspace, MsgQuery("drugs", "essex", "2025-12", 12, tuple(GROUP))
    ).to_dict()

    assert data["direction_neutral"] is True
    verdicts = " ".join(row["verdict"] for row in data["significance"])
    assert "better" not in verdicts and "worse" not in verdicts


# --- Year to date, JSON -------------------------------------------------------------------


def test_year_to_date_compares_with_the_same_period_a_year_earlier(
    real_workspace: Workspace,
) -> None:
    query = IndicatorQuery("all-crime", "essex", "2025-04", year_to_date=True)
    data = compute_indicator(real_workspace, query).to_dict()

    assert (data["current"]["from"], data["current"]["to"]) == ("2025-04", "2025-04")
    assert (data["comparison"]["from"], data["comparison"]["to"]) == ("2024-04", "2024-04")
    explicit = replace(query, compare="previous")
    assert compute_indicator(real_workspace, explicit).to_dict()["comparison"]["from"] == "2025-03"


def test_json_output_never_holds_nan(real_workspace: Workspace) -> None:
    output = _run(real_workspace, "msg", "all-crime", "--force", "essex", "--to", "2025-12",
                  "--group", ",".join(GROUP), "--json")  # fmt: skip
    json.loads(output, parse_constant=lambda name: pytest.fail(f"{name} in JSON"))


# --- 7. The dispersion-adjusted verdict, where the history is long enough ----------------


def _add_months(workspace: Workspace, force: str, crimes_by_month: dict[str, int]) -> None:
    with workspace.connect() as con:
        for month, crimes in crimes_by_month.items():
            con.execute(
                "INSERT INTO partitions VALUES (?, 'street', CAST(? AS DATE), 'test', '', ?, 0)",
                [force, f"{month}-01", crimes],
            )
            con.execute(
                "INSERT INTO street_crimes (force, month, falls_within, crime_type, solved, "
                "source_line) SELECT ?, CAST(? AS DATE), ?, 'Burglary', false, range "
                "FROM range(?)",
                [force, f"{month}-01", force, crimes],
            )


def test_a_long_wobbly_history_widens_the_test(workspace: Workspace) -> None:
    months = [f"{2021 + i // 12}-{i % 12 + 1:02d}" for i in range(40)]  # 2021-01 … 2024-04
    wobble = [0, 120, -90, 60, -120, 30, 90, -60, 0, -30, 120, -120]
    _add_months(workspace, "essex", {m: 1000 + wobble[i % 12] * (1 + i % 5) // 3
                                     for i, m in enumerate(months)})  # fmt: skip

    query = IndicatorQuery("burglary", "essex", "2024-04", months=4, compare="previous")
    data = compute_indicator(workspace, query).to_dict()

    assert data["method"] == "quasi-Poisson t-test on the log rate ratio (variance × phi)"
    assert data["dispersion_months"] == 36 and data["dispersion_df"] == 36 - 13
    assert data["phi"] > 2
    assert data["p_value"] > data["poisson_p_value"]
    assert data["caveat"] is None
    assert data["significant"] is (data["p_value"] < 0.05)
    text = _run(workspace, "indicator", "burglary", "--force", "essex", "--to", "2024-04",
                "--months", "4")  # fmt: skip
    assert f"dispersion phi = {data['phi']:.1f} from 36 months (df 23)" in " ".join(text.split())


def test_echo_json_writes_nan_as_null(capsys: pytest.CaptureFixture[str]) -> None:
    from policeplan.cli._common import echo_json

    echo_json({"phi": float("nan"), "upper": float("inf"), "rate": 1.5})
    assert json.loads(capsys.readouterr().out) == {"phi": None, "upper": None, "rate": 1.5}
