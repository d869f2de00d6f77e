"""A generated extract imports with every count equal to an independent count, and a
re-import, a dry run and a re-supplied month behave as documented."""

from __future__ import annotations

from pathlib import Path

from policeplan.ingest.crime_records import import_crime_records
from policeplan.store import Workspace
from policeplan.synthetic.crime_records import CrimeRecordsExtract, write_crime_records_extract
from tests.ingest.crime_records.helpers import (
    beats_of,
    expected_counts,
    fingerprint,
    read_rows,
)


def test_generated_extract_counts_equal_an_independent_count(
    workspace: Workspace, extract: CrimeRecordsExtract
) -> None:
    expected = expected_counts(read_rows(extract.path), beats_of(extract.mapping_path), "essex")
    summary = import_crime_records(workspace, extract.path, extract.mapping_path)
    assert (summary.rows_loaded, summary.rows_rejected) == (expected.rows, 0)
    assert {m.month: m.rows_loaded for m in summary.months} == expected.by_month
    for flag in ("domestic_abuse", "knife", "night_time_economy", "hate_race"):
        assert summary.flags[flag] == expected.flags[flag] > 0, flag
    with workspace.connect(read_only=True) as con:
        by_flag_month = con.execute(
            "SELECT flag, strftime(month, '%Y-%m'), count(*) FROM "
            "(SELECT unnest(flags) AS flag, month FROM crime_records) GROUP BY ALL"
        ).fetchall()
        by_district = dict(
            con.execute("SELECT district, count(*) FROM crime_records GROUP BY 1").fetchall()
        )
        by_lpa = dict(con.execute("SELECT lpa, count(*) FROM crime_records GROUP BY 1").fetchall())
        solved = con.execute("SELECT count(*) FROM crime_records WHERE solved").fetchone()
        free_text = con.execute(
            "SELECT count(*) FROM crime_records WHERE list_contains(flags, 'knife') "
            "AND (victim_key LIKE 'V%' OR location_key LIKE 'L%')"
        ).fetchone()
    assert {
        (f, m): n
        for f, m, n in by_flag_month
        if f in {"domestic_abuse", "knife", "night_time_economy", "hate_race"}
    } == expected.flags_by_month
    assert by_district == expected.by_district
    assert by_lpa == expected.by_lpa
    assert solved == (expected.solved,)
    assert free_text == (0,)  # keys are stored hashed, never as written


def test_reimporting_an_extract_gives_identical_tables(
    workspace: Workspace, extract: CrimeRecordsExtract
) -> None:
    import_crime_records(workspace, extract.path, extract.mapping_path)
    before = fingerprint(workspace)
    again = import_crime_records(workspace, extract.path, extract.mapping_path)
    assert {m.status for m in again.months} == {"replaced"}
    assert fingerprint(workspace) == before


def test_dry_run_reports_the_same_and_writes_nothing(
    workspace: Workspace, extract: CrimeRecordsExtract
) -> None:
    empty = fingerprint(workspace)
    dry = import_crime_records(workspace, extract.path, extract.mapping_path, dry_run=True)
    assert fingerprint(workspace) == empty
    real = import_crime_records(workspace, extract.path, extract.mapping_path)
    assert dry.to_dict() | {"dry_run": False} == real.to_dict()


def test_a_resupplied_month_replaces_the_old_one_and_leaves_the_others(
    workspace: Workspace, extract: CrimeRecordsExtract, tmp_path: Path
) -> None:
    import_crime_records(workspace, extract.path, extract.mapping_path)
    february = write_crime_records_extract(tmp_path, ["2025-02"], seed=99, records_per_month=700)
    summary = import_crime_records(workspace, february.path, february.mapping_path)
    assert [(m.month, m.status) for m in summary.months] == [("2025-02", "replaced")]
    expected = expected_counts(read_rows(extract.path), beats_of(extract.mapping_path), "essex")
    with workspace.connect(read_only=True) as con:
        counts = dict(
            con.execute(
                "SELECT strftime(month, '%Y-%m'), count(*) FROM crime_records GROUP BY 1"
            ).fetchall()
        )
    assert counts == {"2025-01": expected.by_month["2025-01"], "2025-02": february.rows}
