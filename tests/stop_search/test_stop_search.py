"""Stop and search on hand-made police.uk files, every figure computed independently here:
searches per 1,000, find and arrest rates, rates by ethnic group with the rate ratio to the
white group and its exact interval, and the change on the same month a year earlier."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from scipy.stats import beta

from policeplan.cli import cli
from policeplan.config import Settings
from policeplan.errors import DataError
from policeplan.stop_search import ethnicity_population, stop_search_summary
from policeplan.store import Workspace

HEADER = [
    "Type", "Date", "Part of a policing operation", "Policing operation", "Latitude",
    "Longitude", "Gender", "Age range", "Self-defined ethnicity", "Officer-defined ethnicity",
    "Legislation", "Object of search", "Outcome", "Outcome linked to object of search",
    "Removal of more than just outer clothing",
]  # fmt: skip
WHITE = "White - English/Welsh/Scottish/Northern Irish/British"
BLACK = "Black/African/Caribbean/Black British - African"
ASIAN = "Asian/Asian British - Indian"
NFA = "A no further action disposal"
# (self-defined, officer-defined, outcome) for the 10 searches of March 2025.
MARCH_2025 = [
    (WHITE, "White", NFA), (WHITE, "White", NFA), (WHITE, "White", "Arrest"),
    (WHITE, "White", ""),
    (BLACK, "Black", NFA), (BLACK, "Black", "Arrest"), (BLACK, "Black", "Community resolution"),
    (ASIAN, "Asian", NFA),
    ("", "", "Nothing found - no further action"), ("Other ethnic group - Not stated", "", NFA),
]  # fmt: skip
MARCH_2024 = [(WHITE, "White", NFA)] * 6
ESSEX_MID_2024 = 1_929_610  # ONS mid-2024, Essex police force area (bundled)
ESSEX_2011 = {"white": 1_608_308, "black": 34_679, "asian": 47_227}  # Census 2011 KS201EW


def _file(folder: Path, month: str, rows: list[tuple[str, str, str]]) -> Path:
    path = folder / f"{month}-essex-stop-and-search.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        for day, (self_defined, officer_defined, outcome) in enumerate(rows, start=1):
            writer.writerow(["Person search", f"{month}-{day:02d}T10:00:00+00:00", "False", "",
                             "51.7", "0.47", "Male", "18-24", self_defined, officer_defined,
                             "Misuse of Drugs Act 1971 (section 23)", "Controlled drugs",
                             outcome, "False", "False"])  # fmt: skip
    return path


@pytest.fixture
def searched(settings: Settings, tmp_path: Path) -> Settings:
    files = [_file(tmp_path, "2025-03", MARCH_2025), _file(tmp_path, "2024-03", MARCH_2024)]
    result = CliRunner().invoke(
        cli, ["--workspace", str(settings.workspace), "import", "police-uk", *map(str, files)]
    )
    assert result.exit_code == 0, result.output
    return settings


def test_rates_by_ethnic_group_and_the_ratio_to_white_with_its_exact_interval(
    searched: Settings,
) -> None:
    result = stop_search_summary(Workspace.open(searched), "essex", "2025-03", months=1)

    assert (result.current.searches, result.current.with_outcome) == (10, 9)
    assert result.per_1000 == pytest.approx(10 / ESSEX_MID_2024 * 1000)
    # Finds: Arrest, Arrest, Community resolution; the 9th outcome is "Nothing found".
    assert (result.find_rate.successes, result.find_rate.trials) == (3, 9)
    assert (result.arrest_rate.successes, result.arrest_rate.trials) == (2, 9)
    groups = {g.group: g for g in result.groups}
    assert (groups["white"].searches, groups["black"].searches, groups["asian"].searches) == (
        4, 3, 1,
    )  # fmt: skip
    assert result.ethnicity_not_recorded == 2
    assert groups["black"].per_1000 == pytest.approx(3 / ESSEX_2011["black"] * 1000)
    ratio = groups["black"].ratio_to_white
    assert ratio is not None and groups["white"].ratio_to_white is None
    exposure = ESSEX_2011["white"] / ESSEX_2011["black"]
    assert ratio.rate_ratio == pytest.approx(3 / 4 * exposure)
    # Clopper–Pearson interval of the black share 3 of 7, mapped to a rate ratio.
    low, high = beta.ppf(0.025, 3, 5), beta.ppf(0.975, 4, 4)
    assert ratio.rate_ratio_lower == pytest.approx(low / (1 - low) * exposure)
    assert ratio.rate_ratio_upper == pytest.approx(high / (1 - high) * exposure)
    assert "Census 2011" in result.census_source


def test_officer_defined_ethnicity_is_read_as_broad_groups(searched: Settings) -> None:
    result = stop_search_summary(
        Workspace.open(searched), "essex", "2025-03", months=1, basis="officer-defined"
    )
    groups = {g.group: g.searches for g in result.groups}
    assert (groups["white"], groups["black"], groups["asian"], result.ethnicity_not_recorded) == (
        4, 3, 1, 2,
    )  # fmt: skip


def test_searches_are_compared_with_the_same_month_a_year_earlier(searched: Settings) -> None:
    result = stop_search_summary(Workspace.open(searched), "essex", "2025-03", months=1)

    assert result.change is not None
    assert (result.change.current, result.change.comparison) == (10, 6)
    assert result.change.rate_ratio == pytest.approx(10 / 6)


def test_the_window_before_is_compared_when_asked(searched: Settings) -> None:
    result = stop_search_summary(
        Workspace.open(searched), "essex", "2025-03", months=1, compare="previous"
    )

    assert result.comparison.window.first == "2025-02" and result.change is None
    assert any("2025-02" in note for note in result.notes)


def test_an_incomplete_comparison_window_is_not_compared_and_says_why(searched: Settings) -> None:
    result = stop_search_summary(Workspace.open(searched), "essex", "2025-03", months=2)

    assert result.change is None
    assert any("2025-02" in note for note in result.notes)


def test_a_window_with_no_data_names_the_latest_month_held(searched: Settings) -> None:
    with pytest.raises(DataError, match="latest month held is 2025-03"):
        stop_search_summary(Workspace.open(searched), "essex", "2030-01", months=1)


def test_the_command_prints_json_and_writes_a_table(searched: Settings, tmp_path: Path) -> None:
    args = ["--workspace", str(searched.workspace), "stop-search", "--force", "Essex",
            "--to", "2025-03", "--months", "1"]  # fmt: skip
    result = CliRunner().invoke(cli, [*args, "--json", "--csv", str(tmp_path / "s.csv")])

    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["current"]["searches"] == 10 and data["current"]["window"]["first"] == "2025-03"
    with (tmp_path / "s.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][:3] == ["Group", "Searches", "Residents (Census 2011)"]
    assert [r[:2] for r in rows[1:4]] == [["white", "4"], ["mixed", "0"], ["asian", "1"]]
    text = CliRunner().invoke(cli, args).output
    assert "Census 2011" in text and "per 1,000" in text


@pytest.mark.realdata
def test_the_bundled_ethnicity_table_sums_the_census_file(shared_data: Path) -> None:
    source = shared_data / "reference" / "population" / "la_census2011_ethnicity_with_pfa16.csv"
    with source.open(newline="", encoding="utf-8") as handle:
        essex = [row for row in csv.DictReader(handle) if row["PFA16NM"] == "Essex"]
    black = sum(int(row["Ethnic Group: Black; measures: Value"]) for row in essex)
    assert ethnicity_population("essex").counts["black"] == black == ESSEX_2011["black"]
