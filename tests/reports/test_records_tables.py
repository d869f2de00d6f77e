"""The strategy-quarterly report's domestic abuse, knife crime and night-time economy
tables, as the reference report has them, come from a crime-records extract: each figure
equals an independent count of the extract (stdlib csv and datetime)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from datetime import datetime, time
from pathlib import Path

import pytest

from policeplan.config import load_settings
from policeplan.delivery import seed_example
from policeplan.ingest.crime_records import import_crime_records
from policeplan.ingest.police_uk import import_police_uk
from policeplan.months import months_between
from policeplan.plan import example_plan_path, load_plan, save_plan
from policeplan.records import dispose_engines
from policeplan.reference.offences import offence_for_code
from policeplan.render.document import Report, Table
from policeplan.reports import ReportQuery, build_report
from policeplan.store import Workspace
from policeplan.synthetic import generate_police_uk
from policeplan.synthetic.crime_records import write_crime_records_extract
from tests.ingest.crime_records.helpers import NTE_PLACES, beats_of, read_rows

CURRENT = months_between("2020-10", "2021-09")
PREVIOUS = months_between("2019-10", "2020-09")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Report, list[dict[str, str]], Path]:
    root = tmp_path_factory.mktemp("records-report")
    workspace = Workspace.open(load_settings(root / "workspace", {}))
    extract = write_crime_records_extract(
        root / "extract", months_between("2019-10", "2021-09"), seed=4, records_per_month=300
    )
    import_crime_records(workspace, extract.path, extract.mapping_path)
    # The report needs police.uk figures for the quarter's last month.
    generate_police_uk(root / "files", ["essex"], ["2021-09"], seed=4, datasets=("street",))
    import_police_uk(workspace, [root / "files"])
    save_plan(workspace, load_plan(example_plan_path()))
    seed_example(workspace)
    report = build_report(workspace, ReportQuery("strategy-quarterly", "2021/22 Q2"))
    dispose_engines()
    return report, read_rows(extract.path), extract.mapping_path


def _table(report: Report, key: str) -> Table:
    for top in report.sections:
        for section in top.walk():
            for block in section.blocks:
                if isinstance(block, Table) and block.key == key:
                    return block
    raise AssertionError(f"no table {key}")


def _month(text: str) -> str:
    return datetime.strptime(text[:10], "%d/%m/%Y").strftime("%Y-%m")


def _knife(row: dict[str, str]) -> bool:
    groups = {"violence", "robbery", "burglary"}
    offence = offence_for_code(row["HO Offence Code"])
    return bool(re.search("knife|blade|sharp", row["MO"], re.I)) and (
        offence is not None and offence.offence_group in groups
    )


def _nte(row: dict[str, str]) -> bool:
    committed = datetime.strptime(row["Committed From"], "%d/%m/%Y %H:%M").time()
    offence = offence_for_code(row["HO Offence Code"])
    return (
        (committed >= time(20) or committed < time(6))
        and row["Location Type"].lower() in NTE_PLACES
        and offence is not None
        and offence.offence_group == "violence"
    )


@pytest.mark.parametrize(
    ("code", "title", "chosen"),
    [
        ("da", "All Domestic Abuse Offences", lambda r: r["DA Flag"] in ("Y", "Yes")),
        ("gkc", "Knife crime", _knife),
        ("nte", "Night-time economy violence", _nte),
    ],
)
def test_strand_tables_count_the_crime_records(
    built: tuple[Report, list[dict[str, str]], Path],
    code: str,
    title: str,
    chosen: Callable[[dict[str, str]], bool],
) -> None:
    report, rows, mapping = built
    months = Counter(_month(r["Date Recorded"]) for r in rows if chosen(r))
    compared = _table(report, f"{code}-12-months")
    first = compared.rows[0]
    assert first[0].value == title
    assert (first[1].value, first[2].value) == (
        sum(months[m] for m in PREVIOUS),
        sum(months[m] for m in CURRENT),
    )
    beats = beats_of(mapping)
    by_district = Counter(
        beats[r["Beat"].upper()]
        for r in rows
        if chosen(r) and _month(r["Date Recorded"]) in CURRENT
    )
    districts = _table(report, f"{code}-districts")
    assert {row[0].value: row[2].value for row in districts.rows if row[2].value} == dict(
        by_district
    )
