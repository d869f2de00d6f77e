"""Independent counts of a generated crime-records extract (stdlib csv, re and datetime
only: none of the import's code), and a fingerprint of everything an import writes."""

from __future__ import annotations

import csv
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, time
from pathlib import Path

from policeplan.reference.districts import districts_of
from policeplan.store import Workspace

NTE_PLACES = {"licensed premises", "nightclub", "fast food outlet", "street - town centre"}
SOLVED_LABELS = {
    "Outcome 1 - Charged/Summonsed",
    "Outcome 3 - Caution",
    "Outcome 8 - Community resolution",
}


@dataclass
class Expected:
    rows: int = 0
    by_month: Counter[str] = field(default_factory=Counter)
    flags: Counter[str] = field(default_factory=Counter)  # flag -> records
    flags_by_month: Counter[tuple[str, str]] = field(default_factory=Counter)
    by_district: Counter[str] = field(default_factory=Counter)
    by_lpa: Counter[str] = field(default_factory=Counter)
    solved: int = 0


def read_rows(path: Path, delimiter: str = ",", encoding: str = "utf-8") -> list[dict[str, str]]:
    with path.open(encoding=encoding, newline="") as handle:
        return list(csv.DictReader(handle, delimiter=delimiter))


def beats_of(mapping_path: Path) -> dict[str, str]:
    """beat -> district, read from the generated mapping's beats table by hand."""
    beats, inside = {}, False
    for line in mapping_path.read_text(encoding="utf-8").splitlines():
        if line.strip() == "table:":
            inside = True
        elif inside and line.startswith("    "):
            code, district = line.strip().split(": ", 1)
            beats[code] = district
        elif inside:
            inside = False
    return beats


def expected_counts(rows: list[dict[str, str]], beats: dict[str, str], force: str) -> Expected:
    lpa = {d.name: d.lpa or "" for d in districts_of(force)}
    expected = Expected()
    for row in rows:
        recorded = datetime.strptime(row["Date Recorded"], "%d/%m/%Y %H:%M")
        committed = datetime.strptime(row["Committed From"], "%d/%m/%Y %H:%M").time()
        month = recorded.strftime("%Y-%m")
        expected.rows += 1
        expected.by_month[month] += 1
        district = beats[row["Beat"].upper()]
        expected.by_district[district] += 1
        expected.by_lpa[lpa[district]] += 1
        expected.solved += row["Outcome"] in SOLVED_LABELS
        flags = []
        if row["DA Flag"].strip().lower() in {"y", "yes"}:
            flags.append("domestic_abuse")
        if re.search("knife|blade|sharp", row["MO"], re.IGNORECASE):
            flags.append("knife")
        night = committed >= time(20) or committed < time(6)
        if night and row["Location Type"].strip().lower() in NTE_PLACES:
            flags.append("night_time_economy")
        if re.search("race", row["Hate Crime Strands"], re.IGNORECASE):
            flags.append("hate_race")
        for flag in flags:
            expected.flags[flag] += 1
            expected.flags_by_month[(flag, month)] += 1
    return expected


def fingerprint(workspace: Workspace) -> dict[str, object]:
    """Everything an import of records writes, reduced to comparable values."""
    with workspace.connect(read_only=True) as con:
        return {
            "crime_records": con.execute(
                "SELECT * FROM crime_records ORDER BY force, month, source_line"
            ).fetchall(),
            "partitions": con.execute(
                "SELECT * FROM partitions WHERE dataset = 'records' ORDER BY ALL"
            ).fetchall(),
            "rejects": con.execute(
                "SELECT * FROM rejects WHERE dataset = 'records' ORDER BY ALL"
            ).fetchall(),
        }
