"""Populations by force, district and Essex LPA, nearest year to the window (issue #8 item 10).

Figures are checked against the raw ONS files in ../shared, read here independently.
"""

from __future__ import annotations

import csv
import gzip
import io
from pathlib import Path

import pytest

from policeplan.errors import DataError
from policeplan.reference.population import (
    CENSUS_2021_BASED,
    ORIGINAL_2011_BASED,
    population_for,
)

POPULATION = Path("reference") / "population"


def _ons_csv(shared_data: Path, name: str, column: str) -> dict[str, int]:
    text = (shared_data / POPULATION / name).read_text(encoding="utf-8-sig")
    return {row["Code"]: int(row[column]) for row in csv.DictReader(io.StringIO(text))}


def _ons_workbook(shared_data: Path, name: str) -> dict[str, int]:
    xlrd = pytest.importorskip("xlrd")
    raw = gzip.decompress((shared_data / POPULATION / name).read_bytes())
    book = xlrd.open_workbook(file_contents=raw)
    sheet = book.sheet_by_name("MYE2 - Persons")
    return {
        str(sheet.cell_value(r, 0)): int(sheet.cell_value(r, 3))
        for r in range(8, sheet.nrows)
        if sheet.cell_value(r, 0)
    }


ESSEX_PFA = ("E10000012", "E06000033", "E06000034")  # Essex county, Southend, Thurrock


@pytest.mark.realdata
@pytest.mark.parametrize(
    ("year", "name", "column"),
    [
        (2022, "ons_mye_mid2022_all_ages_uk.csv", "Population"),
        (2023, "ons_mye_mid2023_all_ages_ew.csv", "All ages"),
        (2024, "ons_mye_mid2024_mye2_persons_ew.csv", "All ages"),
    ],
)
def test_force_and_district_figures_match_the_ons_csvs(
    shared_data: Path, year: int, name: str, column: str
) -> None:
    ons = _ons_csv(shared_data, name, column)

    assert population_for("essex", year).population == sum(ons[c] for c in ESSEX_PFA)
    kent = ons["E10000016"] + ons["E06000035"]  # Kent county + Medway
    assert population_for("kent", year).population == kent
    assert population_for("Basildon", year, kind="district").population == ons["E07000066"]
    assert population_for("E06000034", year, kind="district").population == ons["E06000034"]
    if "W06000023" in ons:  # Powys, the largest part of Dyfed-Powys
        dyfed_powys = sum(ons[c] for c in ("W06000008", "W06000010", "W06000009", "W06000023"))
        assert population_for("dyfed-powys", year).population == dyfed_powys


@pytest.mark.realdata
@pytest.mark.parametrize(
    ("year", "name"),
    [
        (2020, "ons_mye_mid2020_ukpopestimatesmid2020on2021geography.xls.gz"),
        (2021, "ons_mye_mid2021_ukpopestimatesmid2021on2021geographyfinal.xls.gz"),
    ],
)
def test_force_figures_match_the_ons_workbooks(shared_data: Path, year: int, name: str) -> None:
    ons = _ons_workbook(shared_data, name)

    assert population_for("essex", year).population == sum(ons[c] for c in ESSEX_PFA)
    assert population_for("hampshire", year).population == sum(
        ons[c] for c in ("E10000014", "E06000044", "E06000045", "E06000046")
    )  # Hampshire county, Portsmouth, Southampton, Isle of Wight


def test_essex_figures_from_sources_md() -> None:
    expected = {2020: 1_856_063, 2021: 1_862_848, 2022: 1_877_301, 2023: 1_896_590}
    for year, population in {**expected, 2024: 1_929_610}.items():
        assert population_for("essex", year).population == population


def test_a_2025_window_uses_mid_2024_without_warning() -> None:
    used = population_for("essex", 2025)

    assert (used.year, used.requested_year, used.warning) == (2024, 2025, None)
    assert used.basis == CENSUS_2021_BASED


def test_a_year_two_away_is_used_with_a_warning() -> None:
    used = population_for("essex", 2026)

    assert used.year == 2024
    assert used.warning is not None and "2 years" in used.warning


def test_earlier_years_keep_the_2009_2019_table() -> None:
    used = population_for("essex", 2017)

    assert (used.year, used.population, used.warning) == (2017, 1_820_379, None)
    assert used.basis == ORIGINAL_2011_BASED
    assert population_for("essex", 2019).population == 1_846_655


def test_no_figure_within_two_years_is_a_data_error() -> None:
    # Welsh forces have figures from mid-2020 only.
    with pytest.raises(DataError, match="dyfed-powys"):
        population_for("dyfed-powys", 2017)
    assert population_for("dyfed-powys", 2018).warning is not None
    with pytest.raises(DataError, match="no population"):
        population_for("atlantis", 2024)


def test_essex_lpa_is_the_sum_of_its_districts() -> None:
    north = ("Braintree", "Chelmsford", "Colchester", "Maldon", "Tendring", "Uttlesford")
    south = ("Basildon", "Castle Point", "Rochford", "Southend-on-Sea")
    west = ("Brentwood", "Epping Forest", "Harlow", "Thurrock")
    lpas = {"North": north, "South": south, "West": west}
    total = 0
    for lpa, districts in lpas.items():
        expected = sum(population_for(d, 2024, kind="district").population for d in districts)
        used = population_for(lpa, 2024, kind="lpa")
        assert used.population == expected
        assert (used.area, used.kind, used.year) == (lpa, "lpa", 2024)
        total += expected
    assert total == population_for("essex", 2024).population


def test_district_found_by_name_in_any_case_or_by_code() -> None:
    by_name = population_for("castle point", 2023, kind="district")
    by_code = population_for("E07000069", 2023, kind="district")

    assert by_name.population == by_code.population
    assert by_name.area == "Castle Point"


def test_district_2018_uses_mid_2020_with_warning_and_basis_note() -> None:
    used = population_for("Basildon", 2018, kind="district")

    assert used.year == 2020
    assert used.warning is not None
    assert used.basis == ORIGINAL_2011_BASED
