"""Build src/policeplan/stop_search/data/ethnicity_census2011_pfa.csv from
../shared/data/reference/population/la_census2011_ethnicity_with_pfa16.csv (ONS Census 2011
table KS201EW by local authority, with each authority's police force area, 2016).

Run: .venv/bin/python tools/build_ethnicity_table.py [SOURCE]
"""

from __future__ import annotations

import csv
import sys
from collections import defaultdict
from pathlib import Path

from policeplan.reference import get_force

SOURCE = Path("../shared/data/reference/population/la_census2011_ethnicity_with_pfa16.csv")
TARGET = Path("src/policeplan/stop_search/data/ethnicity_census2011_pfa.csv")
GROUPS = {
    "white": "Ethnic Group: White; measures: Value",
    "mixed": "Ethnic Group: Mixed; measures: Value",
    "asian": "Ethnic Group: Asian; measures: Value",
    "black": "Ethnic Group: Black; measures: Value",
    "other": "Ethnic Group: Other; measures: Value",
    "all": "Ethnic Group: All categories: Ethnic group; measures: Value",
}


def main(source: Path) -> None:
    totals: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys(GROUPS, 0))
    with source.open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            slug = get_force(row["PFA16NM"]).slug
            for group, column in GROUPS.items():
                totals[slug][group] += int(row[column])
    with TARGET.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["force", *GROUPS])
        for slug in sorted(totals):
            writer.writerow([slug, *(totals[slug][g] for g in GROUPS)])


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else SOURCE)
