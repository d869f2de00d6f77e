"""ONS CSS weights: bundled tables equal a rebuild from ../shared, category weights equal an
independent pandas recomputation, and the mix used is named."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from policeplan.indicators.harm_css import css_category_weights, national_category_weights
from policeplan.ingest.home_office import import_home_office
from policeplan.reference.css_weights import CSS_TABLE, css_offence_weights
from policeplan.store import Workspace
from tests.indicators.css_tables import BUNDLED, css_weights_csv, national_mix_csv


@pytest.mark.realdata
def test_bundled_css_tables_equal_a_rebuild_from_the_shared_files(shared_data: Path) -> None:
    assert (BUNDLED / "css_weights.csv").read_text() == css_weights_csv(shared_data)
    assert (BUNDLED / "offence_mix_national_2017-18.csv").read_text() == national_mix_csv(
        shared_data
    )


def test_bundled_weights_keep_the_published_values() -> None:
    weights = css_offence_weights()
    assert round(weights["1/4.1/4.10/4.2"].weight, 2) == 7973.39  # homicide
    assert round(weights["34B"].weight, 2) == 799.63
    assert round(weights["105A"].weight, 2) == 13.51
    assert round(weights["92E"].weight, 2) == 1.77
    assert "AF" not in weights  # fraud has no CSS weight
    assert "late 2020" in CSS_TABLE.vintage


def pandas_category_weights(shared: Path, forces: list[str] | None) -> pd.Series:
    """Offence-count-weighted mean CSS weight per police.uk category, straight from the
    shared files with pandas (the file's own category column, the carrier's weights)."""
    crimes = pd.read_csv(shared / "reference/home-office/recorded_crime_by_force_2017-18.csv")
    if forces is not None:
        crimes = crimes[crimes["Force_Name"].isin(forces)]
    css = pd.read_csv(
        shared / "reference/css/css_weights_by_offence_code.csv", dtype={"code_original": str}
    )
    css = css.drop_duplicates("code_original")[["code_original", "weight"]]
    joined = crimes.merge(css, left_on="Offence_Code", right_on="code_original")
    joined["harm"] = joined["Number_of_Offences"] * joined["weight"]
    sums = joined.groupby(joined["Policeuk_Cat"].str.lower())[["harm", "Number_of_Offences"]].sum()
    return sums["harm"] / sums["Number_of_Offences"]


@pytest.mark.realdata
def test_essex_category_weight_equals_an_independent_recomputation(
    workspace: Workspace, shared_data: Path
) -> None:
    import_home_office(
        workspace, shared_data / "reference/home-office/recorded_crime_by_force_2017-18.csv"
    )
    with workspace.connect(read_only=True) as con:
        weights = css_category_weights(con, "essex")
    expected = pandas_category_weights(shared_data, ["Essex"])
    assert weights.mix == "force mix: essex, Home Office police recorded crime 2017/18"
    assert len(weights.weights) == 13
    for crime_type, weight in weights.weights.items():
        assert weight == pytest.approx(expected[crime_type.lower()], rel=1e-12), crime_type
    violence = weights.weights["Violence and sexual offences"]
    assert violence == pytest.approx(expected["violence and sexual offences"], rel=1e-12)


@pytest.mark.realdata
def test_national_mix_is_used_and_said_when_the_force_table_is_not_loaded(
    workspace: Workspace, shared_data: Path
) -> None:
    with workspace.connect(read_only=True) as con:
        weights = css_category_weights(con, "essex")
    assert weights.mix.startswith("national mix: Home Office police recorded crime 2017/18")
    crimes = pd.read_csv(shared_data / "reference/home-office/recorded_crime_by_force_2017-18.csv")
    territorial = sorted(
        set(crimes["Force_Name"])
        - {"Action Fraud", "CIFAS", "UK Finance", "Financial Fraud Action UK",
           "British Transport Police"}
    )  # fmt: skip
    assert len(territorial) == 43
    expected = pandas_category_weights(shared_data, territorial)
    for crime_type, weight in national_category_weights().weights.items():
        assert weight == pytest.approx(expected[crime_type.lower()], rel=1e-12), crime_type
    assert "Anti-social behaviour" not in weights.weights
