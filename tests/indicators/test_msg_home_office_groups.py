"""Home Office offence groups and subgroups in the MSG (`msg violence-with-injury --source
home-office`), on the real 2017/18 table: every member's count equals a sum of the raw
CSV read with DuckDB, and the ranks follow; homicide carries the small-numbers caveat."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from policeplan.errors import InputError
from policeplan.indicators import MsgQuery
from policeplan.indicators.home_office_offences import offence_measure, offence_measures
from policeplan.indicators.msg import MsgComparison, msg_comparison
from policeplan.ingest.home_office import import_home_office
from policeplan.plan import example_plan_path, load_plan
from policeplan.reference import population_for
from policeplan.render import msg_text
from policeplan.store import Workspace
from tests.indicators.test_msg import ESSEX_GROUP, _home_office_file


def _raw_sums(path: Path, column: str, value: str) -> dict[str, int]:
    """Offences of one subgroup (or group) per group force in 2017/18, from the raw CSV."""
    rows = (
        duckdb.connect()
        .execute(
            f"SELECT Force_Name, sum(CAST(Number_of_Offences AS BIGINT)) FROM read_csv(?, "
            f"all_varchar = true) WHERE Financial_Year = '2017/18' AND {column} = ? GROUP BY 1",
            [str(path), value],
        )
        .fetchall()
    )
    totals = {str(name): int(n) for name, n in rows}
    return {slug: totals.get(name, 0) for slug, name in ESSEX_GROUP.items()}


def _compare(workspace: Workspace, measure: str) -> MsgComparison:
    query = MsgQuery(measure, "essex", to="2018-03", months=12, source="home-office",
                     group=tuple(s for s in ESSEX_GROUP if s != "essex"))  # fmt: skip
    return msg_comparison(workspace, query, plan=load_plan(example_plan_path()))


@pytest.fixture
def home_office(shared_data: Path, workspace: Workspace) -> Workspace:
    import_home_office(workspace, _home_office_file(shared_data))
    return workspace


@pytest.mark.realdata
@pytest.mark.parametrize(
    ("measure", "column", "value"),
    [
        ("violence-with-injury", "Offence_Subgroup", "Violence with injury"),
        ("trafficking-of-drugs", "Offence_Subgroup", "Trafficking of drugs"),
        ("homicide", "Offence_Subgroup", "Homicide"),
        ("violence-against-the-person", "Offence_Group", "Violence against the person"),
    ],
)
def test_offence_group_counts_equal_a_sum_of_the_raw_csv_and_ranks_follow(
    shared_data: Path, home_office: Workspace, measure: str, column: str, value: str
) -> None:
    expected = _raw_sums(_home_office_file(shared_data), column, value)
    rates = {f: n / population_for(f, 2017).population * 1000 for f, n in expected.items()}
    ranks = {f: 1 + sum(o < r for o in rates.values()) for f, r in rates.items()}

    data = _compare(home_office, measure).to_dict()

    assert {row["force"]: row["count"] for row in data["rows"]} == expected
    assert {row["force"]: row["rank"] for row in data["rows"]} == ranks
    assert data["excluded"] == []


@pytest.mark.realdata
def test_homicide_carries_a_small_numbers_caveat_and_a_wide_rank_range(
    home_office: Workspace,
) -> None:
    result = _compare(home_office, "homicide")
    data = result.to_dict()

    essex = next(row for row in data["rows"] if row["force"] == "essex")
    assert essex["count"] == 25
    assert essex["rank_high"] - essex["rank_low"] >= 5  # 3rd to 10th: a rank says little
    assert len(data["caveats"]) == 1 and data["caveats"][0].startswith("small numbers:")
    text = msg_text(result)
    assert "Caveat: small numbers" in text
    assert "0.0137" in text  # Essex's rate per 1,000, not printed as 0.0
    # Violence with injury counts run to thousands: no caveat.
    assert _compare(home_office, "violence-with-injury").to_dict()["caveats"] == []


def test_offence_groups_and_subgroups_are_measures_police_uk_names_keep_their_meaning() -> None:
    assert offence_measure("homicide") is not None
    assert offence_measure("drug-offences") is not None
    # police.uk's own measures are not redefined by a Home Office subgroup of that name.
    assert "shoplifting" not in offence_measures()
    assert "bicycle-theft" not in offence_measures()


def test_an_offence_group_asked_of_police_uk_says_to_use_the_home_office_source(
    workspace: Workspace,
) -> None:
    query = MsgQuery("homicide", "essex", to="2025-12", group=("kent",))
    with pytest.raises(InputError) as caught:
        msg_comparison(workspace, query, plan=None)
    assert caught.value.field == "source"
