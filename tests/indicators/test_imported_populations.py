"""Indicators take their denominators from populations imported with `import population`
before the bundled ONS tables, and say which estimate they used (issue #9)."""

from __future__ import annotations

from pathlib import Path

import pytest

from policeplan.indicators import (
    BreakdownQuery,
    IndicatorQuery,
    IndicatorResult,
    MsgQuery,
    breakdown,
    compute_indicator,
    msg_comparison,
)
from policeplan.ingest.police_uk import import_police_uk
from policeplan.ingest.population import import_population
from policeplan.reference import population_for
from policeplan.render import indicator_text, msg_text
from policeplan.store import Workspace
from policeplan.synthetic import generate_police_uk

MONTHS = ["2025-01", "2025-02", "2025-03", "2025-04", "2025-05", "2025-06"]


@pytest.fixture
def with_imported(workspace: Workspace, tmp_path: Path) -> Workspace:
    generate_police_uk(tmp_path / "files", ["essex", "kent"], MONTHS, seed=3,
                       datasets=("street",))  # fmt: skip
    import_police_uk(workspace, [tmp_path / "files"])
    estimates = tmp_path / "mid-2025.csv"
    estimates.write_text(
        "area,year,population\nessex,2025,1950123\nkent,2025,1920456\nBasildon,2025,190001\n"
    )
    import_population(workspace, estimates, source="ONS mid-2025 (test)")
    return workspace


def test_the_indicator_rate_uses_the_imported_estimate_and_names_it(
    with_imported: Workspace,
) -> None:
    # The window's middle month is 2025-03: the bundled tables' nearest year is mid-2024.
    assert population_for("essex", 2025).year == 2024
    result = compute_indicator(with_imported, IndicatorQuery("all-crime", "essex", "2025-06", 6))
    assert isinstance(result, IndicatorResult)

    found = result.to_dict()
    assert (found["population"], found["population_year"]) == (1950123, 2025)
    assert found["population_source"] == "ONS mid-2025 (test)"
    count = found["current"]["count"]
    assert found["rate_per_1000"] == round(count / 1950123 * 1000, 3)
    assert "mid-2025 imported from ONS mid-2025 (test)" in " ".join(indicator_text(result).split())


def test_district_and_msg_rates_use_the_imported_estimates(with_imported: Workspace) -> None:
    table = breakdown(with_imported, BreakdownQuery("all-crime", "essex", "2025-06", 6,
                                                    by="district"))  # fmt: skip
    basildon = next(r for r in table.rows if r.part == "Basildon")
    assert basildon.population is not None
    assert (basildon.population.population, basildon.population.year) == (190001, 2025)
    other = next(r for r in table.rows if r.part == "Braintree")
    assert other.population is not None and other.population.source is None  # bundled

    msg = msg_comparison(with_imported, MsgQuery("all-crime", "essex", "2025-06", 3,
                                                 group=("kent",)))  # fmt: skip
    kent = next(m for m in msg.members if m.force.slug == "kent")
    assert (kent.population.population, kent.population.year) == (1920456, 2025)
    assert "population: mid-2025 estimate imported from ONS mid-2025 (test)" in " ".join(
        msg_text(msg).split()
    )


def test_without_an_import_the_bundled_estimate_is_used(
    workspace: Workspace, tmp_path: Path
) -> None:
    generate_police_uk(tmp_path, ["essex"], MONTHS, seed=3, datasets=("street",))
    import_police_uk(workspace, [tmp_path])
    result = compute_indicator(workspace, IndicatorQuery("all-crime", "essex", "2025-06", 6))
    assert isinstance(result, IndicatorResult) and result.population is not None
    assert (result.population.population, result.population.year) == (1929610, 2024)
    assert result.population.source is None
