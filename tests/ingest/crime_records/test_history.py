"""Crime-records imports are in the import history like police.uk months: each month an
import writes has an entry, the month it replaced is kept, and `revert` puts it back."""

from __future__ import annotations

from pathlib import Path

from policeplan.ingest.crime_records import import_crime_records
from policeplan.store import Workspace
from policeplan.store.history import list_history, revert
from policeplan.synthetic.crime_records import CrimeRecordsExtract, write_crime_records_extract
from tests.ingest.crime_records.helpers import fingerprint, read_rows


def test_a_replaced_month_is_in_the_history_and_can_be_put_back(
    workspace: Workspace, extract: CrimeRecordsExtract, tmp_path: Path
) -> None:
    import_crime_records(workspace, extract.path, extract.mapping_path)
    first = fingerprint(workspace)
    february = [r for r in read_rows(extract.path) if r["Date Recorded"][3:10] == "02/2025"]
    corrected = write_crime_records_extract(tmp_path, ["2025-02"], seed=9, records_per_month=700)

    import_crime_records(workspace, corrected.path, corrected.mapping_path)

    newest, *older = list_history(workspace)
    assert [(e.command, e.period, e.status, e.rows_before, e.rows_after) for e in older] == [
        ("import records", "2025-02", "loaded", 0, len(february)),
        ("import records", "2025-01", "loaded", 0, extract.rows - len(february)),
    ]
    assert (newest.dataset, newest.force, newest.period, newest.status) == (
        "records", "essex", "2025-02", "replaced",
    )  # fmt: skip
    assert (newest.rows_before, newest.rows_after) == (len(february), corrected.rows)
    assert newest.file == str(corrected.path)

    revert(workspace, newest.id)

    assert fingerprint(workspace) == first
    assert list_history(workspace)[0].status == "reverted"


def test_the_same_file_again_adds_no_history_and_keeps_no_copy(
    workspace: Workspace, extract: CrimeRecordsExtract
) -> None:
    import_crime_records(workspace, extract.path, extract.mapping_path)
    entries = list_history(workspace)

    import_crime_records(workspace, extract.path, extract.mapping_path)

    assert list_history(workspace) == entries
    with workspace.connect(read_only=True) as con:
        assert con.execute("SELECT count(*) FROM crime_records_versions").fetchone() == (0,)
