"""The bundled calibration tables and the profiles built from them."""

from __future__ import annotations

from importlib.resources import files

import numpy as np
import pytest

from policeplan.reference.crime_types import CRIME_TYPES
from policeplan.reference.forces import territorial_forces
from policeplan.synthetic import calibrated_forces
from policeplan.synthetic._calibration import crime_type_profile, force_profile
from policeplan.synthetic._factors import lockdown_factors, month_factors

PEERS = (
    "avon-and-somerset", "essex", "hampshire", "hertfordshire", "kent", "leicestershire",
    "nottinghamshire", "staffordshire", "sussex", "thames-valley",
)  # fmt: skip


def test_the_ten_sampled_forces_are_calibrated_from_their_own_files() -> None:
    assert calibrated_forces() == PEERS
    assert all(force_profile(slug).sampled for slug in PEERS)


@pytest.mark.parametrize("slug", [f.slug for f in territorial_forces()])
def test_every_territorial_force_has_a_usable_profile(slug: str) -> None:
    profile = force_profile(slug)
    assert profile.population > 5000
    assert profile.monthly_mean.shape == (len(CRIME_TYPES),)
    assert np.all(profile.monthly_mean > 0)
    assert np.all((profile.no_location_share >= 0) & (profile.no_location_share < 0.5))
    assert profile.districts
    assert sum(d.share for d in profile.districts) == pytest.approx(1.0)


def test_welsh_forces_use_the_hand_written_population_and_w01_lsoa_codes() -> None:
    profile = force_profile("south-wales")
    assert profile.population == 1_342_000
    assert {d.lsoa_prefix for d in profile.districts} == {"W01"}


def test_seasonality_averages_one_and_outcome_shares_sum_to_one() -> None:
    profile = crime_type_profile()
    assert profile.seasonality.mean(axis=1) == pytest.approx(np.ones(len(CRIME_TYPES)), rel=1e-5)
    assert np.all(np.abs(profile.annual_trend) <= 0.06)
    assert np.all(profile.outcome_cdf[:, -1] == 1.0)
    assert np.all(np.diff(profile.outcome_cdf, axis=1) >= 0)


def test_lockdown_only_applies_from_march_2020_to_july_2021() -> None:
    assert np.all(lockdown_factors(2020, 2) == 1.0)
    assert np.all(lockdown_factors(2021, 8) == 1.0)
    april = dict(zip(CRIME_TYPES, lockdown_factors(2020, 4), strict=True))
    assert april["Shoplifting"] < 0.5 < april["Burglary"] < 1.0 < april["Anti-social behaviour"]


def test_trend_origin_is_2025_so_a_2025_year_keeps_the_calibrated_level() -> None:
    mean_2025 = np.mean([month_factors(2025, m) for m in range(1, 13)], axis=0)
    assert mean_2025 == pytest.approx(np.ones(len(CRIME_TYPES)), abs=0.01)


def test_bundled_tables_are_small_and_say_where_they_come_from() -> None:
    data = files("policeplan.synthetic").joinpath("data")
    names = sorted(item.name for item in data.iterdir())
    assert "SOURCES.md" in names
    for name in names:
        if name.endswith(".csv"):
            assert len(data.joinpath(name).read_bytes()) < 200_000
            assert name in data.joinpath("SOURCES.md").read_text(encoding="utf-8")
