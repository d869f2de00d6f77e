"""How the bundled CSS tables are made from ../shared/data (run as a script to rebuild them;
tests check the bundled files equal a rebuild).

    .venv/bin/python -m tests.indicators.css_tables
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd

from policeplan.reference.crime_types import crime_type_for_label
from tests.conftest import REPO, SHARED_DATA

BUNDLED = REPO / "src/policeplan/reference/data"
NOT_TERRITORIAL = {
    "Action Fraud",
    "CIFAS",
    "UK Finance",
    "Financial Fraud Action UK",
    "British Transport Police",
}


def css_weights_csv(shared: Path) -> str:
    """One row per Home Office count code: its CSS weight and police.uk category."""
    weights = pd.read_csv(shared / "reference/css/css_weights_by_offence_code.csv", dtype=str)
    join = pd.read_csv(shared / "reference/css/css_weights_policeuk_category_join.csv", dtype=str)
    mapping = pd.read_csv(
        shared / "reference/home-office/offence_code_to_police_uk_category.csv", dtype=str
    )
    category = dict(zip(mapping["Offence_Code"], mapping["Police.uk_Cat"], strict=True))
    carrier = dict(zip(join["ONS_COUNTS_code"], join["POLICE_UK_CAT_MAP_category"], strict=False))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(
        ["offence_code", "description", "police_uk_category", "severity_code", "weight"]
    )
    for row in weights.drop_duplicates("code_original").itertuples():
        label = category.get(row.code_original) or carrier[row.code_original]
        writer.writerow(
            [
                row.code_original,
                row.description,
                crime_type_for_label(label),
                row.code_severity,
                row.weight,
            ]
        )
    return out.getvalue()


def national_mix_csv(shared: Path) -> str:
    """Offences per Home Office code, 43 territorial forces, financial year 2017/18."""
    crimes = pd.read_csv(shared / "reference/home-office/recorded_crime_by_force_2017-18.csv")
    crimes = crimes[~crimes["Force_Name"].isin(NOT_TERRITORIAL)]
    mix = crimes.groupby("Offence_Code")["Number_of_Offences"].sum().sort_index()
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["offence_code", "offences"])
    for code, offences in mix.items():
        writer.writerow([code, int(offences)])
    return out.getvalue()


if __name__ == "__main__":
    (BUNDLED / "css_weights.csv").write_text(css_weights_csv(SHARED_DATA), encoding="utf-8")
    (BUNDLED / "offence_mix_national_2017-18.csv").write_text(
        national_mix_csv(SHARED_DATA), encoding="utf-8"
    )
