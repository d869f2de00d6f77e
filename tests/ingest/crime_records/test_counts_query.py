"""The query API later indicators use: counts by month and breakdown, solved by outcome
month, repeats — each checked against an independent count of the generated extract."""

from __future__ import annotations

import csv
from collections import Counter
from datetime import datetime

import pytest

from policeplan.errors import InputError
from policeplan.ingest.crime_records import import_crime_records
from policeplan.reference.offences import offence_for_code
from policeplan.store import Workspace
from policeplan.store.crime_records import (
    CrimeRecordFilter,
    crime_record_counts,
    crime_record_repeats,
    records_by_month,
    records_months_present,
    solved_by_outcome_month,
)
from policeplan.synthetic.crime_records import CrimeRecordsExtract
from tests.ingest.crime_records.helpers import SOLVED_LABELS, read_rows


@pytest.fixture
def loaded(workspace: Workspace, extract: CrimeRecordsExtract) -> Workspace:
    import_crime_records(workspace, extract.path, extract.mapping_path)
    return workspace


def _month(text: str) -> str:
    return datetime.strptime(text[:10], "%d/%m/%Y").strftime("%Y-%m")


def test_knife_crime_by_offence_group_counts_as_the_reference_report_defines_it(
    loaded: Workspace, extract: CrimeRecordsExtract
) -> None:
    groups = ("violence", "robbery", "burglary")
    expected: Counter[str] = Counter()
    for row in read_rows(extract.path):
        offence = offence_for_code(row["HO Offence Code"])
        assert offence is not None
        knife = any(w in row["MO"].lower() for w in ("knife", "blade", "sharp"))
        if knife and offence.offence_group in groups:
            expected[_month(row["Date Recorded"])] += 1
    counts = crime_record_counts(loaded, "essex", flag="knife", offence_groups=groups)
    assert counts.by_month() == expected
    assert counts.total() == sum(expected.values()) > 0


def test_breakdowns_add_up_to_the_total(loaded: Workspace) -> None:
    total = crime_record_counts(loaded, "essex").total()
    for by in ("district", "lpa", "offence_group", "crime_type"):
        counts = crime_record_counts(loaded, "essex", by=by, months=["2025-01"])  # type: ignore[arg-type]
        assert set(counts.by_month()) == {"2025-01"}
        assert sum(crime_record_counts(loaded, "essex", by=by).by_group().values()) == total  # type: ignore[arg-type]
    assert set(crime_record_counts(loaded, "essex", by="lpa").by_group()) == {
        "North",
        "South",
        "West",
    }


def test_solved_by_outcome_month_counts_solved_outcome_dates(
    loaded: Workspace, extract: CrimeRecordsExtract
) -> None:
    expected = Counter(
        _month(row["Outcome Date"])
        for row in read_rows(extract.path)
        if row["Outcome"] in SOLVED_LABELS
    )
    assert solved_by_outcome_month(loaded, "essex") == expected


def test_repeat_victims_count_records_sharing_a_victim_number(
    loaded: Workspace, extract: CrimeRecordsExtract
) -> None:
    with extract.path.open(newline="") as handle:
        victims = Counter(row["Victim URN"] for row in csv.DictReader(handle))
    repeats = crime_record_repeats(loaded, "essex", "victim")
    assert repeats.records_with_key == sum(victims.values())
    assert repeats.repeat_records == sum(n for n in victims.values() if n > 1)
    assert repeats.repeat_keys == sum(1 for n in victims.values() if n > 1)


def test_an_unknown_offence_group_is_refused(loaded: Workspace) -> None:
    with pytest.raises(InputError, match="unknown offence group 'violent'"):
        crime_record_counts(loaded, "essex", offence_groups=["violent"])


def test_records_by_month_on_a_connection_matches_the_counts(loaded: Workspace) -> None:
    chosen = CrimeRecordFilter("essex", flag="domestic_abuse")
    expected = crime_record_counts(loaded, "essex", flag="domestic_abuse", by="district")
    chelmsford = {row.month: row.records for row in expected.rows if row.group == "Chelmsford"}
    with loaded.connect(read_only=True) as con:
        everywhere = records_by_month(con, chosen, "2025-01", "2025-12")
        in_chelmsford = records_by_month(con, chosen, "2025-01", "2025-12", ["Chelmsford"])
        present = records_months_present(con, "essex", "2024-12", "2025-03")
    assert {m: c.records for m, c in everywhere.items()} == expected.by_month()
    assert {m: c.records for m, c in in_chelmsford.items()} == chelmsford
    assert present == {"2025-01", "2025-02"}
