"""Harm scores: none without weights, count × weight once a table is loaded."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from policeplan.cli import cli
from policeplan.errors import FileRejected
from policeplan.indicators import IndicatorQuery
from policeplan.indicators.harm import loaded_tables
from policeplan.indicators.harm_css import national_category_weights
from policeplan.indicators.harm_score import harm_score
from policeplan.indicators.indicator import compute_indicator
from policeplan.indicators.measures import CrimeMeasure
from policeplan.indicators.windows import Window
from policeplan.ingest.harm_weights import load_harm_weights
from policeplan.ingest.police_uk import import_police_uk
from policeplan.store import Workspace
from tests.conftest import TEST_DATA

HEADER = (
    "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,"
    "Crime type,Last outcome category,Context"
)


def street_file(folder: Path, month: str, crime_types: list[str]) -> Path:
    rows = [
        f"id{i},{month},Essex Police,Essex Police,0.47,51.73,On or near X,E01,Maldon 001A,{t},,"
        for i, t in enumerate(crime_types)
    ]
    path = folder / f"{month}-essex-street.csv"
    path.write_text("\n".join([HEADER, *rows]) + "\n")
    return path


def test_harm_score_weights_each_crime_type(workspace: Workspace, tmp_path: Path) -> None:
    files = [
        street_file(tmp_path, "2025-01", ["Burglary", "Burglary", "Robbery", "Drugs"]),
        street_file(tmp_path, "2025-02", ["Vehicle crime", "Burglary"]),
    ]
    import_police_uk(workspace, files)
    assert (
        compute_indicator(workspace, IndicatorQuery("all-crime", "essex", "2025-02", 2)).harm
        is None
    )

    load_harm_weights(workspace, TEST_DATA / "indicators/test-weights.csv", "test-1")
    harm = compute_indicator(
        workspace, IndicatorQuery("burglary", "essex", "2025-02", 2)
    ).to_dict()["harm"]
    assert harm["score"] == 3 * 10
    assert harm["weights_version"] == "test-1"

    # All crime includes types the table does not weight: incomplete, never counted as 0.
    harm = compute_indicator(
        workspace, IndicatorQuery("all-crime", "essex", "2025-02", 2)
    ).to_dict()["harm"]
    assert harm["score"] is None
    assert "Drugs" in harm["unweighted_crime_types"]
    assert "incomplete: weights 'test-1' have no weight for" in harm["note"]


def test_a_type_without_a_weight_is_never_a_harm_score_of_zero(
    workspace: Workspace, tmp_path: Path
) -> None:
    import_police_uk(workspace, [street_file(tmp_path, "2025-01", ["Bicycle theft"] * 4)])
    load_harm_weights(workspace, TEST_DATA / "indicators/test-weights.csv", "test-1")
    result = compute_indicator(workspace, IndicatorQuery("bicycle-theft", "essex", "2025-01", 1))
    assert result.harm is not None
    assert result.harm.score is None
    assert result.harm.unweighted_types == ("Bicycle theft",)
    assert result.to_dict()["harm"]["note"] == (
        "incomplete: weights 'test-1' have no weight for Bicycle theft"
    )


def test_harm_score_names_the_css_table_its_vintage_and_mix(
    workspace: Workspace, tmp_path: Path
) -> None:
    files = [street_file(tmp_path, "2025-01", ["Burglary", "Burglary", "Shoplifting"])]
    import_police_uk(workspace, files)
    score = harm_score(workspace, "all-crime", "essex", Window.ending("2025-01", 1))
    weights = national_category_weights().weights
    expected = 2 * weights["Burglary"] + weights["Shoplifting"]
    assert score.total == pytest.approx(expected, rel=1e-12)
    assert score.per_1000 == pytest.approx(expected / 1_929_610 * 1000, rel=1e-12)
    assert score.per_resident == pytest.approx(expected / 1_929_610, rel=1e-12)
    assert (score.table, score.population_year) == ("ons-css", 2024)
    assert "late 2020" in score.vintage and score.mix.startswith("national mix")
    assert score.to_dict()["complete"] is True


def test_harm_score_with_an_unweighted_type_is_incomplete(
    workspace: Workspace, tmp_path: Path
) -> None:
    import_police_uk(workspace, [street_file(tmp_path, "2025-01", ["Anti-social behaviour"])])
    measure = CrimeMeasure("asb-and-burglary", "t", ("Anti-social behaviour", "Burglary"))
    score = harm_score(workspace, measure, "essex", Window.ending("2025-01", 1))
    assert score.total is None and score.per_1000 is None
    assert score.missing_weights == ("Anti-social behaviour",)


def test_harm_score_of_a_window_with_missing_months_is_incomplete(
    workspace: Workspace, tmp_path: Path
) -> None:
    import_police_uk(workspace, [street_file(tmp_path, "2025-02", ["Burglary"])])
    score = harm_score(workspace, "burglary", "essex", Window.ending("2025-02", 2))
    assert score.total is None
    assert score.missing_months == ("2025-01",)


def test_weights_file_with_a_bad_row_loads_nothing(workspace: Workspace, tmp_path: Path) -> None:
    bad = tmp_path / "weights.csv"
    bad.write_text("crime_type,weight\nBurglary,10\nBurglery,3\n")
    with pytest.raises(FileRejected, match="line 3, field 'crime_type': unknown crime type"):
        load_harm_weights(workspace, bad, "v1")
    with workspace.connect(read_only=True) as con:
        assert con.execute("SELECT count(*) FROM harm_weights").fetchone() == (0,)


def test_a_loaded_table_keeps_its_name_source_and_vintage(workspace: Workspace) -> None:
    load_harm_weights(
        workspace, TEST_DATA / "indicators/test-weights.csv", "chi-test", "a citation", "2099"
    )
    with workspace.connect(read_only=True) as con:
        (table,) = loaded_tables(con)
    assert (table.version, table.crime_types, table.source, table.vintage) == (
        "chi-test", 3, "a citation", "2099",
    )  # fmt: skip


def test_weights_show_names_the_mix_and_the_loaded_tables(workspace: Workspace) -> None:
    load_harm_weights(workspace, TEST_DATA / "indicators/test-weights.csv", "test-1")
    result = CliRunner().invoke(
        cli, ["--workspace", str(workspace.path), "weights", "show", "--force", "essex"]
    )
    assert result.exit_code == 0, result.output
    assert "national mix: Home Office police recorded crime 2017/18" in result.output
    assert "Anti-social behaviour" in result.output and "no weight" in result.output
    assert "loaded table 'test-1': 3 crime types; source made-up test weights" in result.output
