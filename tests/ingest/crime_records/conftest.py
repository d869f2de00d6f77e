"""A small generated extract (two months of Essex) shared by the crime-records tests."""

from __future__ import annotations

import pytest

from policeplan.synthetic.crime_records import CrimeRecordsExtract, write_crime_records_extract

MONTHS = ("2025-01", "2025-02")


@pytest.fixture(scope="session")
def extract(tmp_path_factory: pytest.TempPathFactory) -> CrimeRecordsExtract:
    folder = tmp_path_factory.mktemp("extract")
    return write_crime_records_extract(folder, MONTHS, seed=3, records_per_month=1500)
