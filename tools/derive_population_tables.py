"""Derive the bundled population tables from the ONS files in ../shared (run by hand).

    .venv/bin/python tools/derive_population_tables.py ../shared/data/reference/population

Writes `src/policeplan/reference/data/population_lad.csv` (every local authority district
of England and Wales, mid-2020 to mid-2024, as published) and `population_pfa_2020_2024.csv`
(their sums by police force area, through `districts.csv`). Needs `xlrd` for the two
`.xls` workbooks. policeplan itself never reads ../shared: it reads the derived tables.
"""

from __future__ import annotations

import csv
import gzip
import io
import sys
from pathlib import Path

import xlrd

DATA = Path(__file__).resolve().parent.parent / "src" / "policeplan" / "reference" / "data"
LA_PREFIXES = ("E06", "E07", "E08", "E09", "W06")
# LADs created after the December 2019 lookup that districts.csv does not list yet; each
# lies wholly in one police force area.
EXTRA_FORCES = {"E06000065": "north-yorkshire"}  # North Yorkshire unitary, April 2023

WORKBOOKS = {
    2020: "ons_mye_mid2020_ukpopestimatesmid2020on2021geography.xls.gz",
    2021: "ons_mye_mid2021_ukpopestimatesmid2021on2021geographyfinal.xls.gz",
}
CSVS = {
    2022: ("ons_mye_mid2022_all_ages_uk.csv", "Population"),
    2023: ("ons_mye_mid2023_all_ages_ew.csv", "All ages"),
    2024: ("ons_mye_mid2024_mye2_persons_ew.csv", "All ages"),
}


def read_year(folder: Path, year: int) -> dict[str, tuple[str, int]]:
    """LAD code -> (name, population) for one year."""
    rows: list[tuple[str, str, float]] = []
    if year in WORKBOOKS:
        raw = gzip.decompress((folder / WORKBOOKS[year]).read_bytes())
        book = xlrd.open_workbook(file_contents=raw)
        sheet = book.sheet_by_name("MYE2 - Persons")
        header_row = next(r for r in range(sheet.nrows) if sheet.cell_value(r, 0) == "Code")
        header = sheet.row_values(header_row)
        code, name, total = header.index("Code"), header.index("Name"), header.index("All ages")
        for r in range(header_row + 1, sheet.nrows):
            values = sheet.row_values(r)
            rows.append((str(values[code]), str(values[name]), float(values[total])))
    else:
        file_name, column = CSVS[year]
        text = (folder / file_name).read_text(encoding="utf-8-sig")
        for row in csv.DictReader(io.StringIO(text)):
            rows.append((row["Code"], row["Name"], float(row[column].replace(",", ""))))
    return {
        code.strip(): (name.strip(), int(total))
        for code, name, total in rows
        if code.strip().startswith(LA_PREFIXES)
    }


def main(folder: Path) -> None:
    with (DATA / "districts.csv").open(encoding="utf-8") as handle:
        forces = {row["lad_code"]: row["force"] for row in csv.DictReader(handle)}
    forces.update(EXTRA_FORCES)
    lad_rows: list[tuple[str, str, int, int]] = []
    pfa: dict[tuple[str, int], int] = {}
    for year in (2020, 2021, 2022, 2023, 2024):
        for code, (name, population) in sorted(read_year(folder, year).items()):
            if code not in forces:
                raise SystemExit(f"{year}: no force for {code} {name}")
            lad_rows.append((code, name, year, population))
            key = (forces[code], year)
            pfa[key] = pfa.get(key, 0) + population
    with (DATA / "population_lad.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["lad_code", "name", "year", "population"])
        writer.writerows(lad_rows)
    with (DATA / "population_pfa_2020_2024.csv").open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["force", "year", "population"])
        writer.writerows((force, year, n) for (force, year), n in sorted(pfa.items()))


if __name__ == "__main__":
    main(Path(sys.argv[1]))
