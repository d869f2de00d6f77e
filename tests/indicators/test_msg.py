"""Most Similar Group comparison: ranks, MSG average, top quartile, change needed, funnel."""

from __future__ import annotations

import csv
import doctest
import json
import math
from dataclasses import replace
from fractions import Fraction
from pathlib import Path

import pytest
from click.testing import CliRunner
from scipy.stats import poisson

from policeplan.cli import cli
from policeplan.cli.msg import msg_command
from policeplan.config import load_settings
from policeplan.errors import DataError, IncompleteWindow, InputError
from policeplan.indicators import MsgQuery, ranking
from policeplan.indicators.msg import MsgComparison, msg_comparison
from policeplan.indicators.ranking import competition_ranks, offences_to_reach
from policeplan.ingest.home_office import import_home_office
from policeplan.plan import example_plan_path, load_plan, save_plan
from policeplan.reference import population_for
from policeplan.stats.funnel_overdispersion import random_effects_funnel
from policeplan.store import Workspace

# The Essex Most Similar Group of the example plan, as the Home Office table and the ONS
# population table name the forces.
ESSEX_GROUP = {
    "essex": "Essex",
    "avon-and-somerset": "Avon and Somerset",
    "hampshire": "Hampshire",
    "hertfordshire": "Hertfordshire",
    "kent": "Kent",
    "leicestershire": "Leicestershire",
    "nottinghamshire": "Nottinghamshire",
    "staffordshire": "Staffordshire",
    "sussex": "Sussex",
    "thames-valley": "Thames Valley",
}


# --- Real data: Essex and its MSG, Home Office recorded crime 2017/18 -------------------


def _home_office_file(shared_data: Path) -> Path:
    path = shared_data / "reference" / "home-office" / "recorded_crime_by_force_2017-18.csv"
    if not path.is_file():
        pytest.skip(f"{path} is not present")
    return path


def _expected_counts(path: Path) -> dict[str, int]:
    """Every offence each group force recorded in 2017/18, read with the csv module.

    All crime is every police.uk category but anti-social behaviour, which the Home Office
    table never holds, so it is every row of the force."""
    totals = dict.fromkeys(ESSEX_GROUP.values(), 0)
    with path.open(newline="", encoding="utf-8") as text:
        for row in csv.DictReader(text):
            assert row["Policeuk_Cat"].lower() != "anti-social behaviour"
            if row["Force_Name"] in totals and row["Financial_Year"] == "2017/18":
                totals[row["Force_Name"]] += int(row["Number_of_Offences"])
    return {slug: totals[name] for slug, name in ESSEX_GROUP.items()}


def _expected_populations(shared_data: Path) -> dict[str, int]:
    """Mid-2017 populations: the year holding the window's middle month (September 2017)."""
    path = shared_data / "reference" / "population" / "pfa_population_2009_2019_wide.csv"
    with path.open(newline="", encoding="utf-8") as text:
        row = next(r for r in csv.DictReader(text) if r["year"] == "2017")
    return {slug: int(row[name]) for slug, name in ESSEX_GROUP.items()}


def _change(count: int, population: int, target: float) -> int:
    """Offences to reach `target` per 1,000 for a down-is-good measure."""
    rate = count / population * 1000
    if rate <= target:
        return 0
    gap = (target - rate) * population / 1000
    return -max(1, math.floor(abs(gap) + 0.5))


@pytest.fixture
def essex_2017_18(shared_data: Path, workspace: Workspace) -> MsgComparison:
    import_home_office(workspace, _home_office_file(shared_data))
    return msg_comparison(
        workspace,
        MsgQuery(
            "all-crime",
            "essex",
            to="2018-03",
            months=12,
            group=[slug for slug in ESSEX_GROUP if slug != "essex"],
            source="home-office",
        ),
    )


@pytest.mark.realdata
def test_essex_msg_2017_18_matches_counts_and_populations_read_independently(
    shared_data: Path, essex_2017_18: MsgComparison
) -> None:
    counts = _expected_counts(_home_office_file(shared_data))
    populations = _expected_populations(shared_data)
    rates = {slug: counts[slug] / populations[slug] * 1000 for slug in ESSEX_GROUP}
    ranks = {
        slug: 1 + sum(other < rate for other in rates.values()) for slug, rate in rates.items()
    }
    average = sum(rates.values()) / len(rates)
    top_quartile_rate = sorted(rates.values())[math.ceil(len(rates) / 4) - 1]

    data = essex_2017_18.to_dict()

    assert data["measure"] == "all-crime"
    assert data["force"] == "essex"
    assert data["excluded"] == []
    assert data["population_year"] == 2017
    assert {row["force"]: row["count"] for row in data["rows"]} == counts
    assert {row["force"]: row["population"] for row in data["rows"]} == populations
    assert {row["force"]: row["rate_per_1000"] for row in data["rows"]} == {
        slug: round(rate, 3) for slug, rate in rates.items()
    }
    assert {row["force"]: row["rank"] for row in data["rows"]} == ranks
    assert [row["rank"] for row in data["rows"]] == list(range(1, 11))
    assert data["force_rank"] == ranks["essex"]
    assert data["msg_average_rate"] == round(average, 3)
    assert data["msg_average_note"] == "simple mean of the 10 members' rates, including Essex"
    assert data["top_quartile_rank"] == 3
    assert data["top_quartile_rate"] == round(top_quartile_rate, 3)
    assert data["change_to_average"] == _change(counts["essex"], populations["essex"], average)
    assert data["change_to_top_quartile"] == _change(
        counts["essex"], populations["essex"], top_quartile_rate
    )


@pytest.mark.realdata
def test_essex_2017_18_is_fourth_better_than_average_and_below_the_funnel(
    shared_data: Path, essex_2017_18: MsgComparison
) -> None:
    counts = _expected_counts(_home_office_file(shared_data))
    populations = _expected_populations(shared_data)
    group_rate = sum(counts.values()) / sum(populations.values())
    expected_crimes = group_rate * populations["essex"]

    data = essex_2017_18.to_dict()

    # Regression values, checked against the independent computation above.
    assert (data["force_rank"], data["change_to_average"]) == (4, 0)
    assert data["change_to_top_quartile"] == -6428
    assert data["funnel_group_rate"] == round(group_rate * 1000, 3)
    assert counts["essex"] < poisson.ppf(0.001, expected_crimes)
    assert data["force_outside_funnel"] == "below 99.8"
    essex = next(s for s in data["significance"] if s["force"] == "essex")
    assert essex["differs_998"] is True
    assert essex["side"] == "below"
    # 2017/18 is the only year imported: only the last of the 12 positions can be ranked.
    assert data["positions"] == [None] * 11 + [4]
    assert data["dispersion"]["ratio"] > 100


@pytest.mark.realdata
def test_random_effects_funnel_uses_the_members_counts_and_populations(
    shared_data: Path, essex_2017_18: MsgComparison
) -> None:
    counts = _expected_counts(_home_office_file(shared_data))
    populations = _expected_populations(shared_data)
    expected = random_effects_funnel(
        (slug, counts[slug], populations[slug]) for slug in ESSEX_GROUP
    )

    adjusted = essex_2017_18.to_dict()["funnel_random_effects"]

    assert adjusted["tau_per_1000"] == round(expected.tau_per_1000, 3)
    essex = next(m for m in adjusted["members"] if m["force"] == "essex")
    own = next(m for m in expected.members if m.name == "essex")
    assert (essex["lower95"], essex["upper95"]) == (round(own.lower_95, 3), round(own.upper_95, 3))
    assert essex_2017_18.to_dict()["force_outside_random_effects"] == own.outside


@pytest.mark.realdata
def test_plan_group_and_aspiration_are_used_when_no_group_is_given(
    shared_data: Path, workspace: Workspace
) -> None:
    import_home_office(workspace, _home_office_file(shared_data))
    plan = load_plan(example_plan_path())

    result = msg_comparison(
        workspace, MsgQuery("all-crime", "essex", to="2018-03", source="home-office"), plan=plan
    )

    assert {m.force.slug for m in result.members} == set(ESSEX_GROUP)
    assert result.aspiration == "rank:4"
    assert result.aspiration_met is True


@pytest.mark.realdata
def test_welsh_member_is_excluded_for_want_of_a_population(
    shared_data: Path, workspace: Workspace
) -> None:
    import_home_office(workspace, _home_office_file(shared_data))

    result = msg_comparison(
        workspace,
        MsgQuery(
            "all-crime", "essex", "2018-03", group=["kent", "dyfed-powys"], source="home-office"
        ),
    )

    assert [m.force.slug for m in result.members] == ["essex", "kent"]
    [excluded] = result.to_dict()["excluded"]
    assert excluded["force"] == "dyfed-powys"
    assert "no population figure" in excluded["reason"]


# --- Windows the Home Office table cannot give ------------------------------------------


@pytest.mark.parametrize(("to", "months"), [("2018-02", 12), ("2018-03", 4)])
def test_home_office_window_not_whole_financial_quarters_is_an_input_error(
    workspace: Workspace, to: str, months: int
) -> None:
    with pytest.raises(InputError, match="financial quarter"):
        msg_comparison(
            workspace, MsgQuery("all-crime", "essex", to, months, ["kent"], "home-office")
        )


# --- Hand-made workspaces (police.uk street records) ------------------------------------


def _add_months(workspace: Workspace, force: str, crimes_by_month: dict[str, int]) -> None:
    """Store `crimes` burglaries for each month, and the month as imported."""
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


FIRST_QUARTER = ("2024-01", "2024-02", "2024-03")


def _add_quarter(workspace: Workspace, force: str, per_month: int) -> None:
    _add_months(workspace, force, dict.fromkeys(FIRST_QUARTER, per_month))


def _rate(force: str, count: int) -> Fraction:
    return Fraction(count * 1000, population_for(force, 2024).population)


def test_equal_rates_share_a_rank_and_the_next_rank_is_skipped(workspace: Workspace) -> None:
    _add_quarter(workspace, "essex", 0)
    _add_quarter(workspace, "kent", 0)
    _add_quarter(workspace, "sussex", 5)

    result = msg_comparison(
        workspace, MsgQuery("all-crime", "essex", "2024-03", 3, ["kent", "sussex"])
    )

    assert [(m.force.slug, m.rank) for m in result.members] == [
        ("essex", 1),
        ("kent", 1),
        ("sussex", 3),
    ]
    assert result.top_quartile_rank == 1
    assert result.top_quartile_rate == 0
    assert (result.change_to_average, result.change_to_top_quartile) == (0, 0)


def test_up_is_good_ranks_highest_first_and_asks_for_more(workspace: Workspace) -> None:
    _add_quarter(workspace, "essex", 0)
    _add_quarter(workspace, "kent", 0)
    _add_quarter(workspace, "sussex", 5)
    average = _rate("sussex", 15) / 3
    essex_population = population_for("essex", 2024).population

    result = msg_comparison(
        workspace, MsgQuery("all-crime", "essex", "2024-03", 3, ["kent", "sussex"], direction="up")
    )

    assert [(m.force.slug, m.rank) for m in result.members] == [
        ("sussex", 1),
        ("essex", 2),
        ("kent", 2),
    ]
    # The average as it stands: a third of Sussex's rate (the old, naive figure).
    assert result.change_to_average_naive == round(average * essex_population / 1000)
    assert result.change_to_average_naive == 5  # a third of Sussex's 15, scaled to Essex's size
    # Solved (issue #8 item 11): Essex equals the recomputed average at the others' mean
    # rate, half Sussex's.
    others = (_rate("kent", 0) + _rate("sussex", 15)) / 2
    assert result.change_to_average == round(others * essex_population / 1000) == 8
    assert result.change_to_top_quartile == 16
    assert result.to_dict()["direction"] == "up"


def test_member_with_missing_months_is_excluded_and_listed(workspace: Workspace) -> None:
    _add_quarter(workspace, "essex", 10)
    _add_quarter(workspace, "kent", 20)
    _add_months(workspace, "sussex", {"2024-01": 5})

    data = msg_comparison(
        workspace, MsgQuery("all-crime", "essex", "2024-03", 3, ["kent", "sussex"])
    ).to_dict()

    assert [row["force"] for row in data["rows"]] == ["essex", "kent"]
    assert data["excluded"] == [
        {
            "force": "sussex",
            "name": "Sussex",
            "reason": "incomplete window: the workspace holds no police.uk street records "
            "for 2024-02 to 2024-03",
            "missing_months": ["2024-02", "2024-03"],
        }
    ]
    assert data["msg_average_note"] == "simple mean of the 2 members' rates, including Essex"


def test_force_better_than_average_needs_no_change(workspace: Workspace) -> None:
    _add_quarter(workspace, "essex", 10)
    _add_quarter(workspace, "kent", 40)
    _add_quarter(workspace, "sussex", 50)
    _add_quarter(workspace, "hertfordshire", 60)

    result = msg_comparison(
        workspace, MsgQuery("all-crime", "essex", "2024-03", 3, ["kent", "sussex", "hertfordshire"])
    )

    assert result.force_member.rank == 1
    assert result.change_to_average == 0
    assert result.change_to_top_quartile == 0


def test_force_worse_than_average_needs_fewer_offences(workspace: Workspace) -> None:
    _add_quarter(workspace, "essex", 100)
    _add_quarter(workspace, "kent", 10)
    _add_quarter(workspace, "sussex", 20)
    essex_population = population_for("essex", 2024).population
    rates = [_rate("essex", 300), _rate("kent", 30), _rate("sussex", 60)]
    average = sum(rates, Fraction(0)) / 3

    result = msg_comparison(
        workspace, MsgQuery("all-crime", "essex", "2024-03", 3, ["kent", "sussex"])
    )

    assert result.force_member.rank == 3
    assert result.change_to_average_naive == -round(300 - average * essex_population / 1000)
    # Solved: the rate at which Essex equals the recomputed average is the others' mean.
    others = (rates[1] + rates[2]) / 2
    assert result.change_to_average == -round(300 - others * essex_population / 1000)
    assert result.change_to_top_quartile == -round(300 - rates[1] * essex_population / 1000)
    assert result.change_to_average < 0


def test_positions_rank_the_same_members_over_twelve_windows(workspace: Workspace) -> None:
    months = [f"2023-{m:02d}" for m in range(6, 13)] + list(FIRST_QUARTER)
    _add_months(workspace, "essex", {m: 0 if m < "2023-10" else 100 for m in months})
    _add_months(workspace, "kent", dict.fromkeys(months, 5))
    _add_months(workspace, "sussex", dict.fromkeys(months, 10))

    query = MsgQuery("all-crime", "essex", "2024-03", 3, ["kent", "sussex"])
    # Essex's empty months before October look incomplete beside its later ones (issue #8
    # item 1): by default the windows holding them have no position.
    assert msg_comparison(workspace, query).to_dict()["positions"] == [None] * 8 + [3] * 4
    data = msg_comparison(workspace, replace(query, accept_suspect_months=True)).to_dict()

    # Windows end 2023-04 … 2024-03; those starting before June 2023 lack months.
    assert data["positions"] == [None] * 4 + [1, 1] + [3] * 6
    first, last = data["position_windows"][0], data["position_windows"][-1]
    assert (first["from"], first["to"], first["rank"]) == ("2023-02", "2023-04", None)
    assert first["note"] == "no member can be ranked in this window"
    assert (last["to"], last["rank"], last["of"]) == ("2024-03", 3, 3)


def test_position_is_empty_when_any_ranked_member_is_incomplete(workspace: Workspace) -> None:
    months = ["2023-12", *FIRST_QUARTER]
    _add_months(workspace, "essex", dict.fromkeys(months, 1))
    _add_months(workspace, "kent", dict.fromkeys(months, 2))
    _add_quarter(workspace, "sussex", 3)

    data = msg_comparison(
        workspace, MsgQuery("all-crime", "essex", "2024-03", 3, ["kent", "sussex"])
    ).to_dict()

    assert data["positions"][-2:] == [None, 1]
    assert data["position_windows"][-2]["note"] == "incomplete or no population: Sussex"


def test_force_with_incomplete_window_is_an_error(workspace: Workspace) -> None:
    _add_months(workspace, "essex", {"2024-01": 1})
    _add_quarter(workspace, "kent", 2)

    with pytest.raises(IncompleteWindow, match="Essex cannot be compared") as caught:
        msg_comparison(workspace, MsgQuery("all-crime", "essex", "2024-03", 3, ["kent"]))
    assert caught.value.missing_months == ["2024-02", "2024-03"]


def test_group_with_nobody_comparable_is_a_data_error(workspace: Workspace) -> None:
    _add_quarter(workspace, "essex", 1)

    with pytest.raises(DataError, match="no other member"):
        msg_comparison(workspace, MsgQuery("all-crime", "essex", "2024-03", 3, ["kent"]))


def test_force_is_added_to_the_group_once(workspace: Workspace) -> None:
    _add_quarter(workspace, "essex", 1)
    _add_quarter(workspace, "kent", 2)

    result = msg_comparison(
        workspace, MsgQuery("all-crime", "Essex", "2024-03", 3, ["kent", "essex", "Kent"])
    )

    assert sorted(m.force.slug for m in result.members) == ["essex", "kent"]


def test_unknown_group_member_names_the_field(workspace: Workspace) -> None:
    with pytest.raises(InputError, match=r"field 'group'.*did you mean 'kent'"):
        msg_comparison(workspace, MsgQuery("all-crime", "essex", "2024-03", 3, ["kentt"]))


def test_no_group_and_no_plan_tells_the_user_what_to_give(workspace: Workspace) -> None:
    with pytest.raises(
        InputError, match=r"give the group as a list of forces .* or load a plan"
    ) as caught:
        msg_comparison(workspace, MsgQuery("all-crime", "essex", "2024-03", 3))
    assert caught.value.field == "group"


def test_plan_group_is_refused_for_another_force(workspace: Workspace) -> None:
    plan = load_plan(example_plan_path())

    with pytest.raises(InputError, match="the plan's Most Similar Group is essex's"):
        msg_comparison(workspace, MsgQuery("all-crime", "kent", "2024-03", 3), plan=plan)


def test_aspiration_is_the_plan_force_own(workspace: Workspace) -> None:
    _add_quarter(workspace, "essex", 1)
    _add_quarter(workspace, "kent", 2)
    plan = load_plan(example_plan_path())

    essex = msg_comparison(
        workspace, MsgQuery("all-crime", "essex", "2024-03", 3, ["kent"]), plan=plan
    )
    kent = msg_comparison(
        workspace, MsgQuery("all-crime", "kent", "2024-03", 3, ["essex"]), plan=plan
    )

    assert (essex.aspiration, essex.aspiration_met) == ("rank:4", True)
    assert (kent.aspiration, kent.aspiration_met) == (None, None)


# --- Ranking arithmetic ------------------------------------------------------------------


def test_ranking_docstring_examples_hold() -> None:
    assert doctest.testmod(ranking).failed == 0


def test_competition_ranks_with_three_way_tie() -> None:
    rates = [Fraction(2), Fraction(1), Fraction(2), Fraction(2), Fraction(5)]

    assert competition_ranks(rates, "down") == [2, 1, 2, 2, 5]
    assert competition_ranks(rates, "up") == [2, 5, 2, 2, 1]


@pytest.mark.parametrize(
    ("count", "target", "expected"),
    [
        (1005, Fraction(100), -5),  # 100.5 per 1,000 -> 100: five fewer
        (1000, Fraction(100), 0),  # exactly there
        (10025, Fraction(1000), -25),
        (1002, Fraction(2001, 20), -2),  # gap 1.5 rounds away from zero
        (1002, Fraction(1999, 20), -3),  # gap 2.5 too (Python's round would give 2)
        (1001, Fraction(10009, 100), -1),  # gap 0.1 still needs one offence
    ],
)
def test_offences_to_reach_rounds_halves_away_and_never_to_zero(
    count: int, target: Fraction, expected: int
) -> None:
    assert offences_to_reach(count, 10_000, target, "down") == expected


# --- Command line -----------------------------------------------------------------------


def _cli_workspace(tmp_path: Path) -> Workspace:
    workspace = Workspace.open(load_settings(tmp_path, {}))
    _add_quarter(workspace, "essex", 30)
    _add_quarter(workspace, "kent", 10)
    _add_quarter(workspace, "sussex", 20)
    _add_quarter(workspace, "hertfordshire", 40)
    return workspace


def test_cli_json_prints_the_contract(tmp_path: Path) -> None:
    _cli_workspace(tmp_path)
    args = ["all-crime", "--force", "essex", "--to", "2024-03", "--months", "3"]
    args += ["--group", "kent,sussex,hertfordshire", "--json"]

    result = CliRunner().invoke(msg_command, args, obj=load_settings(tmp_path, {}))

    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    for key in (
        "measure",
        "force",
        "rows",
        "excluded",
        "msg_average_rate",
        "force_rank",
        "change_to_average",
        "change_to_top_quartile",
        "funnel",
    ):
        assert key in data
    assert set(data["rows"][0]) >= {"force", "count", "population", "rate_per_1000", "rank"}
    assert set(data["funnel"][0]) >= {
        "force",
        "lower95",
        "upper95",
        "lower998",
        "upper998",
        "outside",
    }
    counts = {row["force"]: row["count"] for row in data["rows"]}
    assert counts == {"essex": 90, "kent": 30, "sussex": 60, "hertfordshire": 120}
    assert data["force_rank"] == 3
    assert data["window"] == {"from": "2024-01", "to": "2024-03", "months": 3}
    assert data["source"] == "police-uk"
    assert data["aspiration_met"] is None


def test_cli_text_shows_table_average_and_changes(tmp_path: Path) -> None:
    _cli_workspace(tmp_path)
    args = ["all-crime", "--force", "essex", "--to", "2024-03", "--months", "3"]

    result = CliRunner().invoke(
        msg_command,
        [*args, "--group", "kent,sussex,hertfordshire"],
        obj=load_settings(tmp_path, {}),
    )

    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert (
        lines[0] == "All crime (excluding anti-social behaviour): Essex and its Most Similar Group"
    )
    assert any(line.startswith("   3* ") and "Essex" in line for line in lines)
    assert "MSG average:" in result.output
    assert "(simple mean of the 4 members' rates, including Essex)" in result.output
    assert "Change to reach the top quartile: -" in result.output
    assert "Aspiration: none set" in result.output


def test_cli_uses_the_loaded_plan(tmp_path: Path) -> None:
    _cli_workspace(tmp_path)
    save_plan(Workspace(load_settings(tmp_path, {})), load_plan(example_plan_path()))
    args = ["all-crime", "--force", "essex", "--to", "2024-03", "--months", "3", "--json"]

    result = CliRunner().invoke(msg_command, args, obj=load_settings(tmp_path, {}))

    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["aspiration"] == "rank:4"
    # The plan's other members hold no data here: excluded, not ranked.
    assert len(data["rows"]) == 4
    assert len(data["excluded"]) == 6


def test_cli_without_group_or_plan_fails_with_the_hint(tmp_path: Path) -> None:
    _cli_workspace(tmp_path)
    args = ["all-crime", "--force", "essex", "--to", "2024-03"]

    # Through the root command: it maps the library's field 'group' to the flag --group.
    result = CliRunner().invoke(cli, ["--workspace", str(tmp_path), "msg", *args])

    assert result.exit_code == 1
    assert result.output.startswith("Error: --group: no Most Similar Group")
    assert result.output.count("\n") == 1


def test_unknown_direction_is_an_input_error(workspace: Workspace) -> None:
    with pytest.raises(InputError, match=r"use up .* or down"):
        msg_comparison(
            workspace, MsgQuery("all-crime", "essex", "2024-03", 3, ["kent"], direction="higher")
        )
