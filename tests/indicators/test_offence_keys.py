"""Which rows of the Home Office table a measure of offence codes, subgroups and groups
counts, on a small hand-made table: a code however it is written ('008n' is 8N), an
offence named by both its code and its subgroup once, a combined code by its parts."""

from __future__ import annotations

from pathlib import Path

import pytest

from policeplan.indicators.home_office_offences import (
    home_office_offence_table,
    plan_offence_measure,
)
from policeplan.indicators.windows import Window
from policeplan.ingest.home_office import import_home_office
from policeplan.plan import HomeOfficeMeasure
from policeplan.store import Workspace

HEADER = (
    "Financial_Year,Financial_Quarter,Force_Name,Offence_Code,Number_of_Offences,"
    "Offence_Group,Offence_Subgroup,Policeuk_Cat"
)
VIOLENCE = "Violence against the person"
POLICE_UK = "Violence and Sexual Offences"
ROWS = [
    "2017/18,1,Essex,8N,100,,,",  # assault with injury (group and subgroup from the table)
    # The same code written another way, with its names given: still 8N.
    f"2017/18,1,Essex,008n,7,{VIOLENCE},Violence with injury,{POLICE_UK}",
    "2017/18,1,Essex,8P,20,,,",  # racially aggravated assault with injury
    "2017/18,1,Essex,1/4.1/4.10/4.2,3,,,",  # homicide
    "2017/18,1,Essex,92A,40,,,",  # trafficking in controlled drugs
    "2017/18,1,Essex,92E,50,,,",  # possession of cannabis
    # Homicide published apart, as a table might one day: each part counts.
    f"2017/18,1,Essex,4.1,2,{VIOLENCE},Homicide,{POLICE_UK}",
]


@pytest.fixture
def table(workspace: Workspace, tmp_path: Path) -> Workspace:
    path = tmp_path / "home-office.csv"
    path.write_text("\n".join([HEADER, *ROWS]) + "\n", encoding="utf-8")
    summary = import_home_office(workspace, path)
    assert summary.rows_loaded == len(ROWS), summary.rejects
    return workspace


def _count(workspace: Workspace, **offences: tuple[str, ...]) -> int | None:
    measure = plan_offence_measure(HomeOfficeMeasure("m", "M", **offences))
    with workspace.connect(read_only=True) as con:
        counts = home_office_offence_table(con, "essex", Window("2017-04", "2017-06"))
    return counts.for_measure(measure).count


@pytest.mark.parametrize(
    ("offences", "expected"),
    [
        ({"offence_codes": ("8N",)}, 100 + 7),
        ({"offence_codes": ("8N", "8P")}, 100 + 7 + 20),
        # 8N named twice (its code and its subgroup) counts once.
        ({"offence_codes": ("8N",), "offence_subgroups": ("Violence with injury",)}, 127),
        ({"offence_codes": ("1/4.1/4.10/4.2",)}, 3 + 2),
        ({"offence_subgroups": ("Homicide",)}, 3 + 2),
        ({"offence_groups": ("Drug offences",), "offence_codes": ("92A",)}, 40 + 50),
        ({"offence_groups": ("Violence against the person",)}, 100 + 7 + 20 + 3 + 2),
    ],
)
def test_a_measure_counts_each_offence_it_names_once(
    table: Workspace, offences: dict[str, tuple[str, ...]], expected: int
) -> None:
    assert _count(table, **offences) == expected
