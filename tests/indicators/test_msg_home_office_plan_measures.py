"""The plan's own sets of Home Office offences (`measures:` with `source: home-office`) in
the MSG (`msg MEASURE --source home-office`), on the real 2017/18 table: every member's
count equals a sum of the raw CSV by offence code, subgroup and group read with DuckDB (an
offence named twice counted once), the ranks follow, and a small set carries the
small-numbers caveat as the built-in homicide does."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import duckdb
import pytest
import yaml
from click.testing import CliRunner

from policeplan.cli import cli
from policeplan.errors import InputError
from policeplan.indicators import MsgQuery
from policeplan.indicators.msg import MsgComparison, msg_comparison
from policeplan.ingest.home_office import import_home_office
from policeplan.plan import Plan, example_plan_path, load_plan, plan_from_dict, plan_to_dict
from policeplan.reference import population_for
from policeplan.render import msg_text
from policeplan.store import Workspace
from tests.indicators.test_msg import ESSEX_GROUP, _home_office_file

# Homicide's codes are published together as '1/4.1/4.10/4.2'; the plan lists the parts.
SERIOUS_VIOLENCE = {
    "source": "home-office",
    "title": "Serious violence",
    "offence_codes": [1, "4.1", "4.10", "4.2", "2", "5D", "34B", "10D"],
    # Robbery of personal property is code 34B: named twice, counted once.
    "offence_subgroups": ["Robbery of personal property"],
}
HOMICIDE_AND_ATTEMPTS = {"source": "home-office", "offence_codes": ["1/4.1/4.10/4.2", "2"]}
DRUGS = {"source": "home-office", "offence_groups": ["drug-offences"], "offence_codes": ["92A"]}


def _plan() -> Plan:
    data = plan_to_dict(load_plan(example_plan_path()))
    data["measures"] = {
        **data["measures"],
        "serious-violence": SERIOUS_VIOLENCE,
        "homicide-and-attempts": HOMICIDE_AND_ATTEMPTS,
        "all-drug-offences": DRUGS,
    }
    return plan_from_dict(data, "plan.yaml")


def _raw_sums(path: Path, where: str) -> dict[str, int]:
    """Offences per group force in 2017/18 of the raw CSV's rows matching `where`."""
    rows = (
        duckdb.connect()
        .execute(
            "SELECT Force_Name, sum(CAST(Number_of_Offences AS BIGINT)) FROM read_csv(?, "
            f"all_varchar = true) WHERE Financial_Year = '2017/18' AND ({where}) GROUP BY 1",
            [str(path)],
        )
        .fetchall()
    )
    totals = {str(name): int(n) for name, n in rows}
    return {slug: totals.get(name, 0) for slug, name in ESSEX_GROUP.items()}


def _query(measure: str) -> MsgQuery:
    return MsgQuery(measure, "essex", to="2018-03", months=12, source="home-office",
                    group=tuple(s for s in ESSEX_GROUP if s != "essex"))  # fmt: skip


def _compare(workspace: Workspace, measure: str) -> MsgComparison:
    return msg_comparison(workspace, _query(measure), plan=_plan())


@pytest.fixture
def home_office(shared_data: Path, workspace: Workspace) -> Workspace:
    import_home_office(workspace, _home_office_file(shared_data))
    return workspace


@pytest.mark.realdata
@pytest.mark.parametrize(
    ("measure", "where"),
    [
        ("serious-violence",
         "Offence_Code IN ('1/4.1/4.10/4.2', '2', '5D', '34B', '10D') "
         "OR Offence_Subgroup = 'Robbery of personal property'"),
        ("homicide-and-attempts", "Offence_Code IN ('1/4.1/4.10/4.2', '2')"),
        ("all-drug-offences", "Offence_Group = 'Drug offences'"),
    ],
)  # fmt: skip
def test_a_plan_offence_set_counts_equal_a_sum_of_the_raw_csv_and_ranks_follow(
    shared_data: Path, home_office: Workspace, measure: str, where: str
) -> None:
    expected = _raw_sums(_home_office_file(shared_data), where)
    rates = {f: n / population_for(f, 2017).population * 1000 for f, n in expected.items()}
    ranks = {f: 1 + sum(o < r for o in rates.values()) for f, r in rates.items()}

    data = _compare(home_office, measure).to_dict()

    assert {row["force"]: row["count"] for row in data["rows"]} == expected
    assert {row["force"]: row["rank"] for row in data["rows"]} == ranks
    assert data["excluded"] == []


@pytest.mark.realdata
def test_the_counts_are_the_real_figures(home_office: Workspace) -> None:
    """Essex's 2017/18 figures, summed from the raw CSV's four quarters per code: homicide
    ('1/4.1/4.10/4.2') 25, attempted murder ('2') 31, so the pair is 56; serious violence
    adds 5D 1,133, 34B 1,342 and 10D 971."""
    counts = {
        m: {row["force"]: row["count"] for row in _compare(home_office, m).to_dict()["rows"]}
        for m in ("homicide-and-attempts", "serious-violence")
    }
    assert counts["homicide-and-attempts"]["essex"] == 56
    assert counts["serious-violence"]["essex"] == 56 + 1133 + 1342 + 971


@pytest.mark.realdata
def test_a_small_plan_set_carries_the_small_numbers_caveat_and_wide_rank_ranges(
    home_office: Workspace,
) -> None:
    result = _compare(home_office, "homicide-and-attempts")
    data = result.to_dict()

    assert data["measure_title"] == "homicide-and-attempts"
    assert len(data["caveats"]) == 1 and data["caveats"][0].startswith("small numbers:")
    widths = [row["rank_high"] - row["rank_low"] for row in data["rows"]]
    assert max(widths) >= 4  # a rank among ten this small says little
    assert "Caveat: small numbers" in msg_text(result)
    assert _compare(home_office, "serious-violence").to_dict()["caveats"] == []


def test_a_plan_offence_set_asked_of_police_uk_says_to_use_the_home_office_source(
    workspace: Workspace,
) -> None:
    query = MsgQuery("serious-violence", "essex", to="2025-12", group=("kent",))
    with pytest.raises(InputError) as caught:
        msg_comparison(workspace, query, plan=_plan())
    assert caught.value.field == "source"
    assert "use the home-office source" in caught.value.message


def test_a_misspelt_offence_measure_is_suggested(workspace: Workspace) -> None:
    with pytest.raises(InputError) as caught:
        msg_comparison(workspace, _query("serious-violense"), plan=_plan())
    assert caught.value.message == (
        "unknown measure 'serious-violense'; did you mean 'serious-violence' (counted from "
        "Home Office offences)?"
    )


@pytest.mark.realdata
def test_msg_command_ranks_the_plan_set_from_the_loaded_plan(
    shared_data: Path, tmp_path: Path
) -> None:
    plan_file = tmp_path / "plan.yaml"
    data: dict[str, Any] = plan_to_dict(_plan())
    plan_file.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    base = ["--workspace", str(tmp_path / "w")]
    runner = CliRunner()
    assert runner.invoke(cli, [*base, "plan", "load", str(plan_file)]).exit_code == 0
    home_office_csv = str(_home_office_file(shared_data))
    assert runner.invoke(cli, [*base, "import", "home-office", home_office_csv]).exit_code == 0
    args = [*base, "msg", "serious-violence", "--force", "essex", "--to", "2018-03",
            "--source", "home-office"]  # fmt: skip

    shown = runner.invoke(cli, [*args, "--json"])

    assert shown.exit_code == 0, shown.output
    rows = {row["force"]: row["count"] for row in json.loads(shown.output)["rows"]}
    assert rows["essex"] == 56 + 1133 + 1342 + 971
    text = runner.invoke(cli, args).output
    assert text.startswith("Serious violence: Essex and its Most Similar Group")
