"""Solved rates across the Most Similar Group (`msg --statistic solved-rate`), on the real
police.uk sample: every member's solved and crime counts equal an independent DuckDB count
of the raw files, and the ranks, averages, changes and tests follow from them."""

from __future__ import annotations

import math
from fractions import Fraction
from pathlib import Path
from typing import Any

import duckdb
import pytest
from scipy.stats import chi2_contingency

from policeplan.errors import InputError
from policeplan.indicators import MsgQuery
from policeplan.indicators.msg_compare import compare_with_group
from policeplan.indicators.msg_solved import msg_solved_rate
from policeplan.indicators.msg_values import ValueComparison
from policeplan.render import msg_values_text
from policeplan.store import Workspace

PEERS = (
    "avon-and-somerset", "hampshire", "hertfordshire", "kent", "leicestershire",
    "nottinghamshire", "staffordshire", "sussex", "thames-valley",
)  # fmt: skip
MONTHS = [f"2025-{m:02d}" for m in range(1, 13)]


def _raw_counts(shared_data: Path) -> dict[str, tuple[int, int, int]]:
    """(solved, crimes, months held) of every force in 2025, read from the raw gzip files
    with DuckDB's CSV reader and the shared outcome table, nothing of policeplan's. The
    dialect is stated: the sniffer splits a few lines of the sample wrongly."""
    folder = shared_data / "police_uk"
    outcome_table = shared_data / "reference" / "outcome_groups.csv"
    files = [str(p) for f in ("essex", *PEERS) for p in sorted((folder / f).glob("2025-*.csv.gz"))]
    con = duckdb.connect()
    rows = con.execute(
        f"""
        WITH raw AS (
            SELECT regexp_extract(filename, '2025-\\d\\d-(.+)-street', 1) AS force,
                   regexp_extract(filename, '(2025-\\d\\d)-', 1) AS month,
                   "Crime type" AS crime_type, "Last outcome category" AS outcome
            FROM read_csv({files!r}, all_varchar = true, filename = true, header = true,
                          delim = ',', quote = '"', escape = '"', strict_mode = true)
        )
        SELECT force,
               count(*) FILTER (WHERE outcome IN (SELECT outcome_label
                                FROM read_csv('{outcome_table}') WHERE solved)),
               count(*),
               count(DISTINCT month)
        FROM raw WHERE crime_type <> 'Anti-social behaviour' GROUP BY force
        """
    ).fetchall()
    return {str(f): (int(s), int(n), int(m)) for f, s, n, m in rows}


@pytest.fixture(scope="module")
def essex_solved(real_workspace: Workspace) -> ValueComparison:
    query = MsgQuery("all-crime", "essex", to="2025-12", group=PEERS, statistic="solved-rate")
    return msg_solved_rate(real_workspace, query, plan=None)


@pytest.mark.realdata
def test_solved_and_crime_counts_equal_an_independent_count_of_the_raw_files(
    shared_data: Path, essex_solved: ValueComparison
) -> None:
    raw = _raw_counts(shared_data)
    complete = {f for f, (_, _, months) in raw.items() if months == 12}
    data = essex_solved.to_dict()

    rows = {row["force"]: row for row in data["rows"]}
    assert set(rows) == complete  # the members holding all 12 months of 2025
    assert {e["force"] for e in data["excluded"]} == set(raw) - complete
    for force, row in rows.items():
        solved, crimes, _ = raw[force]
        assert (row["numerator"], row["denominator"]) == (solved, crimes)
        assert row["value"] == solved / crimes
    assert rows["essex"]["numerator"] == 20_913 and rows["essex"]["denominator"] == 143_676


@pytest.mark.realdata
def test_ranks_averages_and_changes_follow_from_the_counts(
    shared_data: Path, essex_solved: ValueComparison
) -> None:
    raw = {f: c for f, c in _raw_counts(shared_data).items() if c[2] == 12}
    rates = {f: Fraction(s, n) for f, (s, n, _) in raw.items()}
    data = essex_solved.to_dict()

    assert data["statistic"] == "solved-rate"
    assert data["best_end"] == "highest" and data["direction"] == "up"
    expected_ranks = {f: 1 + sum(o > r for o in rates.values()) for f, r in rates.items()}
    assert {row["force"]: row["rank"] for row in data["rows"]} == expected_ranks
    assert [row["rank"] for row in data["rows"]] == sorted(expected_ranks.values())
    mean = sum(rates.values()) / len(rates)
    pooled = Fraction(sum(s for s, _, _ in raw.values()), sum(n for _, n, _ in raw.values()))
    assert data["average"] == pytest.approx(float(mean))
    assert data["average_definition"] == "mean of proportions"
    assert data["pooled_average"] == pytest.approx(float(pooled))
    # Top quartile of 8: rank 2; Essex (3rd) needs the 2nd best rate on its own crimes.
    assert data["top_quartile_rank"] == 2
    second = sorted(rates.values(), reverse=True)[1]
    solved, crimes, _ = raw["essex"]
    gap = second * crimes - solved
    assert data["change_to_top_quartile"]["change_count"] == math.floor(gap + Fraction(1, 2))
    assert data["change_to_top_quartile"]["change"] == pytest.approx(
        float((second - rates["essex"]) * 100), abs=1e-3
    )
    assert data["change_to_average"]["change_count"] == 0  # already above the average


@pytest.mark.realdata
def test_homogeneity_is_the_chi_square_of_the_two_by_k_table(
    shared_data: Path, essex_solved: ValueComparison
) -> None:
    raw = {f: c for f, c in _raw_counts(shared_data).items() if c[2] == 12}
    table = [[s for s, _, _ in raw.values()], [n - s for s, n, _ in raw.values()]]
    expected = chi2_contingency(table, correction=False)

    data = essex_solved.to_dict()

    assert data["homogeneity_p"] == pytest.approx(float(expected.pvalue), rel=1e-9, abs=1e-300)
    assert data["homogeneity"]["statistic"] == pytest.approx(float(expected.statistic), rel=1e-6)
    assert data["homogeneity"]["members_differ"] is True
    essex = next(m for m in data["funnel"]["members"] if m["force"] == "essex")
    assert essex["adjusted_lower95"] < essex["lower95"]  # widened for overdispersion


@pytest.mark.realdata
def test_a_member_with_unsettled_outcomes_is_said_not_comparable(
    essex_solved: ValueComparison,
) -> None:
    data = essex_solved.to_dict()
    sussex = next(row for row in data["rows"] if row["force"] == "sussex")

    # Sussex 2025: 9.1% still open against Essex's 3.8%: more than 5 points apart.
    assert sussex["note"].startswith("outcomes not comparable with Essex's: 9.1% still open")
    assert any(w.startswith("Sussex: outcomes not comparable") for w in data["warnings"])
    essex = next(row for row in data["rows"] if row["force"] == "essex")
    assert essex["note"] is None


@pytest.mark.realdata
def test_text_states_the_best_end_intervals_and_changes(essex_solved: ValueComparison) -> None:
    text = msg_values_text(essex_solved)

    assert "rank 1 = the highest" in text
    assert "   3* 3–3     Essex                    20,913      143,676     14.6%" in text
    assert "Change to reach the top quartile (15.1%): +0.6 percentage points" in text
    assert "the members differ significantly" in text


def test_no_significant_difference_is_said_in_those_words(workspace: Workspace) -> None:
    from policeplan.indicators.msg_figures import proportion_figure, rank_values
    from policeplan.reference import get_force
    from policeplan.render.wording import homogeneity_words
    from policeplan.stats.homogeneity import proportions_homogeneity

    found = proportions_homogeneity([30, 33, 36], [100, 100, 100])
    figures = [proportion_figure(get_force(f), s, 100) for f, s in
               (("essex", 30), ("kent", 33), ("sussex", 36))]  # fmt: skip
    members, _ = rank_values(figures, "up")

    assert [m.force.slug for m in members] == ["sussex", "kent", "essex"]
    assert found.p_value >= 0.05
    assert homogeneity_words(found.p_value).startswith(
        "no significant statistical difference across the MSG"
    )


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"source": "home-office"}, "source"),
        ({"measure": "anti-social-behaviour"}, "measure"),
        ({"statistic": "median"}, "statistic"),
        ({"history": 99}, "history"),
    ],
)
def test_bad_solved_rate_queries_name_the_field(
    workspace: Workspace, changes: dict[str, Any], field: str
) -> None:
    fields: dict[str, Any] = {
        "measure": "all-crime",
        "force": "essex",
        "to": "2025-12",
        "group": ("kent",),
        "statistic": "solved-rate",
        **changes,
    }
    with pytest.raises(InputError) as caught:
        compare_with_group(workspace, MsgQuery(**fields), plan=None)
    assert caught.value.field == field
