"""Hotspot analysis on the real Essex 2025 sample, and its errors on bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from policeplan.errors import DataError, IncompleteWindow, InputError
from policeplan.hotspots import HotspotQuery, hotspot_analysis
from policeplan.ingest.police_uk import import_police_uk
from policeplan.store import Workspace

HEADER = (
    "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,"
    "Crime type,Last outcome category,Context"
)
CELL_KEYS = [
    "id", "lat", "lon", "easting", "northing", "district", "count", "score", "z",
    "p_adjusted", "hot", "class", "rank",
]  # fmt: skip


@pytest.mark.realdata
def test_cell_counts_sum_to_the_located_rows(essex_2025: Workspace) -> None:
    result = hotspot_analysis(essex_2025, HotspotQuery("burglary", "essex", "2025-12", top=0))
    with essex_2025.connect(read_only=True) as con:
        total = con.execute(
            "SELECT count(*) FROM street_crimes WHERE force = 'essex' AND crime_type = 'Burglary'"
        ).fetchone()
    assert sum(cell.count for cell in result.cells) == result.located_rows
    assert total == (
        result.located_rows + result.excluded_no_location + result.excluded_outside_area,
    )
    assert result.excluded_no_location > 0
    assert [c.rank for c in result.cells] == list(range(1, len(result.cells) + 1))


@pytest.mark.realdata
def test_json_has_the_contract_fields(essex_2025: Workspace) -> None:
    data = hotspot_analysis(essex_2025, HotspotQuery("all-crime", "essex", "2025-12")).to_dict()
    for key in ("measure", "force", "window", "cell_m", "weights", "located_rows",
                "excluded_no_location", "cells", "concentration", "stability"):  # fmt: skip
        assert key in data
    assert list(data["cells"][0]) == CELL_KEYS
    assert len(data["cells"]) == 20
    assert data["fdr"]["method"] == "Benjamini-Hochberg"
    assert {"top_1pct", "top_5pct", "top_10pct"} <= set(data["concentration"])
    assert data["cells"][0]["hot"] is True
    assert data["cells"][0]["district"] in {
        "Basildon", "Braintree", "Brentwood", "Castle Point", "Chelmsford", "Colchester",
        "Epping Forest", "Harlow", "Maldon", "Rochford", "Tendring", "Uttlesford",
        "Southend-on-Sea", "Thurrock",
    }  # fmt: skip
    assert sum(data["stability"]["classes"].values()) == data["study_area"]["cells"]
    assert any("snap points" in caveat for caveat in data["caveats"])


@pytest.mark.realdata
def test_the_force_study_area_leaves_out_sea_and_neighbours_but_no_row(
    essex_2025: Workspace,
) -> None:
    force = hotspot_analysis(essex_2025, HotspotQuery("burglary", "essex", "2025-12", top=0))
    box = hotspot_analysis(
        essex_2025, HotspotQuery("burglary", "essex", "2025-12", top=0, study_area="box")
    )
    # Essex is about 3,670 km2: 58,700 cells of 250 m.
    assert 55_000 < force.study_area.cells < 62_000 < box.study_area.cells == box.grid.size
    assert sum(c.count for c in force.cells) == force.located_rows == box.located_rows
    assert force.to_dict()["fdr"]["tests"] == force.study_area.cells


@pytest.mark.realdata
def test_stability_counts_top_cells_of_the_previous_window(essex_2025: Workspace) -> None:
    query = HotspotQuery("violent-crime", "essex", "2025-12", months=6, top=20, quarters=2)
    stability = hotspot_analysis(essex_2025, query).stability
    assert stability.top_cells_in_previous is not None
    assert 10 <= stability.top_cells_in_previous <= 20  # town centres stay hot
    assert stability.classes.get("persistent", 0) > 0


@pytest.mark.realdata
def test_harm_weighting_changes_the_ranking(essex_2025: Workspace) -> None:
    harm = hotspot_analysis(essex_2025, HotspotQuery("all-crime", "essex", "2025-12"))
    count = hotspot_analysis(
        essex_2025, HotspotQuery("all-crime", "essex", "2025-12", weights="count")
    )
    assert harm.located_rows == count.located_rows
    assert [c.id for c in harm.cells[:20]] != [c.id for c in count.cells[:20]]
    assert harm.weight_table is not None and harm.weight_table.table.name == "ons-css"


@pytest.mark.realdata
@pytest.mark.parametrize("cell_m", [49, 5001])
def test_a_cell_size_outside_50_m_to_5_km_is_refused(essex_2025: Workspace, cell_m: int) -> None:
    with pytest.raises(InputError, match="outside 50 m to 5,000 m"):
        hotspot_analysis(essex_2025, HotspotQuery("burglary", "essex", "2025-12", cell_m=cell_m))


@pytest.mark.realdata
def test_a_window_with_missing_months_is_refused(essex_2025: Workspace) -> None:
    expected = r"no police.uk street file for 2024-07, .*, 2024-12 in 2024-07 to 2025-06"
    with pytest.raises(IncompleteWindow, match=expected):
        hotspot_analysis(essex_2025, HotspotQuery("burglary", "essex", "2025-06"))


@pytest.mark.realdata
def test_anti_social_behaviour_has_no_harm_weight(essex_2025: Workspace) -> None:
    with pytest.raises(InputError, match="Anti-social behaviour, which has no harm weight"):
        hotspot_analysis(essex_2025, HotspotQuery("anti-social-behaviour", "essex", "2025-12"))


def test_a_force_with_no_located_rows_is_refused(workspace: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "2025-01-essex-street.csv"
    rows = [f"x{i},2025-01,Essex Police,Essex Police,,,No Location,,,Burglary,," for i in range(3)]
    path.write_text("\n".join([HEADER, *rows]) + "\n")
    import_police_uk(workspace, [path])
    with pytest.raises(DataError, match="no located burglary rows"):
        hotspot_analysis(workspace, HotspotQuery("burglary", "essex", "2025-01", months=1))


def test_rows_of_a_district_named_with_a_comma_are_the_forces_own(
    workspace: Workspace, tmp_path: Path
) -> None:
    # ONS calls it "Bristol, City of"; police.uk LSOA names say "Bristol 001A".
    path = tmp_path / "2025-01-avon-and-somerset-street.csv"
    rows = [
        f"x{i},2025-01,Avon and Somerset Constabulary,Avon and Somerset Constabulary,"
        f"-2.59{i},51.45{i},On or near X,E01014485,Bristol 001A,Burglary,,"
        for i in range(5)
    ]
    path.write_text("\n".join([HEADER, *rows]) + "\n")
    import_police_uk(workspace, [path])
    query = HotspotQuery("burglary", "avon-and-somerset", "2025-01", months=1, quarters=2)
    result = hotspot_analysis(workspace, query)
    assert (result.located_rows, result.excluded_outside_area) == (5, 0)
    assert result.cells[0].district == "Bristol"
