"""The police.uk importer on real files made bad on purpose and on small hand-made files."""

from __future__ import annotations

import gzip
import json
import shutil
import zipfile
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from policeplan.cli import cli
from policeplan.config import Settings
from policeplan.ingest import police_uk_file
from policeplan.ingest.police_uk import import_police_uk
from policeplan.store import Workspace
from tests.conftest import TEST_DATA
from tests.ingest.police_uk_helpers import data_lines, fingerprint

ESSEX_2025_01 = "police_uk/essex/2025-01-essex-street.csv.gz"
KENT_2025_01 = "police_uk/kent/2025-01-kent-street.csv.gz"


# Small hand-made files in police.uk's outcomes and stop-and-search formats (no real file of
# either kind is available), copied under police.uk's names because names carry meaning.
@pytest.fixture
def outcomes_file(tmp_path: Path) -> Path:
    path = tmp_path / "2025-03-essex-outcomes.csv"
    shutil.copy(TEST_DATA / "police_uk/outcomes-handmade.csv", path)
    return path


@pytest.fixture
def searches_file(tmp_path: Path) -> Path:
    path = tmp_path / "2025-03-essex-stop-and-search.csv"
    shutil.copy(TEST_DATA / "police_uk/stop-and-search-handmade.csv", path)
    return path


def write_lines(path: Path, header: str, lines: list[str]) -> Path:
    path.write_text("\n".join([header, *lines]) + "\n", encoding="utf-8")
    return path


def read_all(path: Path) -> tuple[str, list[str]]:
    with gzip.open(path, "rt", encoding="utf-8", newline="") as text:
        header, *lines = text.read().splitlines()
    return header, lines


@pytest.mark.realdata
def test_corrupted_real_file_rejects_exactly_the_bad_rows(
    workspace: Workspace, shared_data: Path, tmp_path: Path
) -> None:
    header, lines = read_all(shared_data / ESSEX_2025_01)
    # Data line k sits on file line k + 2 (line 1 is the header).
    lines[98] = lines[98][:40]  # truncated line -> file line 100
    fields = lines[198].split(",")
    fields[1] = "2025-1x"  # unparsable month -> file line 200
    lines[198] = ",".join(fields)
    fields = lines[298].split(",")
    fields[9] = "Burglery"  # unknown crime type -> file line 300
    lines[298] = ",".join(fields)
    corrupted = write_lines(tmp_path / "2025-01-essex-street.csv", header, lines)

    summary = import_police_uk(workspace, [corrupted])

    assert [(f.status, f.rows_loaded, f.rows_rejected) for f in summary.files] == [
        ("loaded", 12_144 - 3, 3)
    ]
    with workspace.connect(read_only=True) as con:
        rejects = con.execute(
            "SELECT line, field, reason, raw FROM rejects ORDER BY line"
        ).fetchall()
        loaded_lines = {
            r[0] for r in con.execute("SELECT source_line FROM street_crimes").fetchall()
        }
    assert [(line, field) for line, field, _, _ in rejects] == [
        (100, "row"),
        (200, "Month"),
        (300, "Crime type"),
    ]
    assert rejects[0][2] == f"expected 12 fields, found {lines[98].count(',') + 1}"
    assert rejects[1][2] == "unparsable month '2025-1x'"
    assert rejects[2][2] == "unknown crime type 'Burglery'"
    assert [raw for *_, raw in rejects] == [lines[98], lines[198], lines[298]]
    assert loaded_lines == set(range(2, len(lines) + 2)) - {100, 200, 300}


@pytest.mark.realdata
def test_file_named_for_one_force_holding_another_is_rejected_whole(
    workspace: Workspace, shared_data: Path, tmp_path: Path
) -> None:
    import_police_uk(workspace, [shared_data / KENT_2025_01])
    before = fingerprint(workspace)
    impostor = tmp_path / "2025-01-kent-street.csv.gz"
    shutil.copy(shared_data / ESSEX_2025_01, impostor)

    summary = import_police_uk(workspace, [impostor])

    [result] = summary.files
    assert result.status == "rejected"
    assert result.error is not None
    assert "named for force 'kent'" in result.error
    assert "12144 of its rows are reported by 'essex'" in result.error
    assert fingerprint(workspace) == before


@pytest.mark.realdata
def test_zip_archive_members_import_like_files(
    workspace: Workspace, shared_data: Path, tmp_path: Path
) -> None:
    archive = tmp_path / "2025-01.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        for name in (ESSEX_2025_01, KENT_2025_01):
            header, lines = read_all(shared_data / name)
            member = "2025-01/" + Path(name).name.removesuffix(".gz")
            zipped.writestr(member, "\n".join([header, *lines]) + "\n")
        zipped.writestr("README.txt", "not data")

    summary = import_police_uk(workspace, [archive])

    assert [(Path(f.path.split("!")[1]).name, f.force, f.rows_loaded) for f in summary.files] == [
        ("2025-01-essex-street.csv", "essex", 12_144),
        ("2025-01-kent-street.csv", "kent", len(data_lines(shared_data / KENT_2025_01))),
    ]


@pytest.mark.realdata
def test_interrupted_import_leaves_the_workspace_as_before(
    workspace: Workspace, shared_data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import_police_uk(workspace, [shared_data / "police_uk/essex/2025-02-essex-street.csv.gz"])
    before = fingerprint(workspace)

    def interrupt(*args: object) -> Counter[str]:
        raise KeyboardInterrupt  # arrives after the rows are replaced, before the commit

    monkeypatch.setattr(police_uk_file, "_unmapped_outcomes", interrupt)
    with pytest.raises(KeyboardInterrupt):
        import_police_uk(
            workspace,
            [
                shared_data / "police_uk/essex/2025-02-essex-street.csv.gz",
                shared_data / ESSEX_2025_01,
            ],
        )
    assert fingerprint(workspace) == before


def test_outcomes_file_maps_labels_and_reports_unmapped_ones(
    workspace: Workspace, outcomes_file: Path
) -> None:
    summary = import_police_uk(workspace, [outcomes_file])

    [result] = summary.files
    assert (result.dataset, result.rows_loaded, result.rows_rejected) == ("outcomes", 4, 1)
    assert summary.unmapped_outcomes == {"Suspect charged": 2}
    with workspace.connect(read_only=True) as con:
        rows = con.execute(
            "SELECT crime_id, outcome_group, solved, district FROM outcomes ORDER BY source_line"
        ).fetchall()
        reject = con.execute("SELECT line, field, reason FROM rejects").fetchall()
    assert rows == [
        ("aa01", "out_of_court", True, "Chelmsford"),
        ("aa02", "no_suspect_identified", False, "Chelmsford"),
        ("aa03", "unmapped", False, None),
        ("aa05", "unmapped", False, "Chelmsford"),
    ]
    assert reject == [(5, "Crime ID", "blank Crime ID")]


def test_stop_and_search_takes_force_from_name_and_month_from_date(
    workspace: Workspace, searches_file: Path
) -> None:
    summary = import_police_uk(workspace, [searches_file])

    [result] = summary.files
    assert (result.dataset, result.force, result.month) == ("stop-and-search", "essex", "2025-03")
    assert (result.rows_loaded, result.rows_rejected) == (3, 1)
    with workspace.connect(read_only=True) as con:
        flags = con.execute(
            "SELECT part_of_policing_operation, removal_of_more_than_outer_clothing "
            "FROM stop_and_search ORDER BY source_line"
        ).fetchall()
        reject = con.execute("SELECT line, field FROM rejects").fetchone()
    assert flags == [(False, False), (None, None), (True, False)]
    assert reject == (5, "Date")  # a month other than the file's, found first


def test_stop_and_search_without_police_uk_name_is_rejected(
    workspace: Workspace, searches_file: Path
) -> None:
    renamed = searches_file.rename(searches_file.with_name("searches.csv"))

    [result] = import_police_uk(workspace, [renamed]).files

    assert result.status == "rejected"
    assert "no force column" in (result.error or "")


def test_file_without_police_uk_name_is_placed_by_its_content(
    workspace: Workspace, outcomes_file: Path
) -> None:
    renamed = outcomes_file.rename(outcomes_file.with_name("march outcomes.csv"))

    [result] = import_police_uk(workspace, [renamed]).files

    assert (result.status, result.force, result.month, result.rows_loaded) == (
        "loaded",
        "essex",
        "2025-03",
        4,
    )


def test_row_checks_name_the_field_and_keep_the_raw_line(
    workspace: Workspace, tmp_path: Path
) -> None:
    header = (
        "crime_id,month,reported_by,falls_within,longitude,latitude,location,lsoa_code,"
        "lsoa_name,crime_type,last_outcome_category,context"
    )
    good = "id1,2025-05,Essex Police,Essex Police,0.47,51.73,On or near X,E01,Maldon 001A,Drugs,,"
    bad = {
        3: ("Longitude", "id2,2025-05,Essex Police,Essex Police,0.47,,On or near X,,,Drugs,,"),
        4: ("Latitude", "id3,2025-05,Essex Police,Essex Police,0.47,5.1,On or near X,,,Drugs,,"),
        5: ("Longitude", "id4,2025-05,Essex Police,Essex Police,abc,51.7,On or near X,,,Drugs,,"),
        6: ("Reported by", "id5,2025-05,Kent Police,Kent Police,0.47,51.7,X,,,Drugs,,"),
        7: ("Falls within", "id6,2025-05,Essex Police,Atlantis Police,0.47,51.7,X,,,Drugs,,"),
        8: ("row", 'id7,2025-05,Essex Police,Essex Police,0.47,51.7,"On or near X,,,Drugs,,'),
        9: ("Month", "id8,2025-06,Essex Police,Essex Police,0.47,51.7,X,,,Drugs,,"),
    }
    path = write_lines(
        tmp_path / "2025-05-essex-street.csv",
        header,
        [good, *(line for _, line in bad.values()), "", good.replace("id1", '"id,9"')],
    )

    [result] = import_police_uk(workspace, [path]).files

    assert (result.rows_loaded, result.rows_rejected) == (2, len(bad))
    with workspace.connect(read_only=True) as con:
        rejects = con.execute("SELECT line, field, raw FROM rejects ORDER BY line").fetchall()
        ids = con.execute("SELECT crime_id, source_line FROM street_crimes").fetchall()
    assert rejects == [(line, field, raw) for line, (field, raw) in bad.items()]
    assert sorted(ids) == [("id,9", 11), ("id1", 2)]


def test_cli_import_prints_the_json_contract(settings: Settings, outcomes_file: Path) -> None:
    result = CliRunner().invoke(
        cli,
        [
            "--workspace",
            str(settings.workspace),
            "import",
            "police-uk",
            str(outcomes_file),
            "--json",
        ],
    )
    assert result.exit_code == 3, result.output  # finished with a rejected row (issue #9)
    data = json.loads(result.stdout)
    assert set(data) >= {"files", "rows_loaded", "rows_rejected", "unmapped_outcomes"}
    assert data["files"] == [
        {
            "path": str(outcomes_file),
            "dataset": "outcomes",
            "force": "essex",
            "month": "2025-03",
            "status": "loaded",
            "rows_loaded": 4,
            "rows_rejected": 1,
            "error": None,
        }
    ]
    assert (data["rows_loaded"], data["rows_rejected"]) == (4, 1)
    assert data["unmapped_outcomes"] == {"Suspect charged": 2}


def test_cli_import_of_only_bad_files_fails_with_a_message(
    settings: Settings, tmp_path: Path
) -> None:
    (tmp_path / "notes.txt").write_text("hello")
    result = CliRunner().invoke(
        cli,
        [
            "--workspace",
            str(settings.workspace),
            "import",
            "police-uk",
            str(tmp_path / "notes.txt"),
        ],
    )
    assert result.exit_code == 1
    assert "not a .csv, .csv.gz or .zip file" in result.output


@pytest.mark.realdata
def test_blank_line_keeps_line_numbers_and_every_row(
    workspace: Workspace, shared_data: Path, tmp_path: Path
) -> None:
    # DuckDB's parser skips blank lines, which would shift every later line number; the
    # importer notices the missing line and reads the file line by line instead.
    header, lines = read_all(shared_data / ESSEX_2025_01)
    with_blank = write_lines(
        tmp_path / "2025-01-essex-street.csv", header, [*lines[:500], "", *lines[500:]]
    )

    [result] = import_police_uk(workspace, [with_blank]).files

    assert (result.rows_loaded, result.rows_rejected) == (len(lines), 0)
    with workspace.connect(read_only=True) as con:
        numbered = con.execute(
            "SELECT source_line, crime_id, crime_type FROM street_crimes ORDER BY source_line"
        ).fetchall()
    expected_lines = [*range(2, 502), *range(503, len(lines) + 3)]
    assert [n for n, _, _ in numbered] == expected_lines
    assert [(cid or "", kind) for _, cid, kind in numbered] == [
        (line.split(",")[0], line.split(",")[9]) for line in lines
    ]


@pytest.mark.realdata
def test_same_partition_given_several_times_in_one_import_is_stored_once(
    workspace: Workspace, shared_data: Path, tmp_path: Path
) -> None:
    original = shared_data / ESSEX_2025_01
    unnamed = tmp_path / "essex january.csv.gz"  # placed by its content: the same partition
    shutil.copy(original, unnamed)

    summary = import_police_uk(workspace, [original, original, unnamed, original])

    # The unnamed copy may run before or after the named group (under the partition's lock).
    # The same bytes again are recognised by their hash: reported unchanged, nothing written.
    assert sorted(f.status for f in summary.files) == [
        "loaded",
        "unchanged",
        "unchanged",
        "unchanged",
    ]
    assert {f.rows_loaded for f in summary.files} == {12_144}
    with workspace.connect(read_only=True) as con:
        assert con.execute("SELECT count(*) FROM street_crimes").fetchone() == (12_144,)
        assert con.execute("SELECT count(*) FROM partitions").fetchone() == (1,)


@pytest.mark.realdata
def test_one_bad_file_in_a_chunk_leaves_the_others_loaded_exactly(
    workspace: Workspace, shared_data: Path, tmp_path: Path
) -> None:
    # Files of different partitions share one transaction; a refused file or one the parser
    # cannot number sends the chunk back to the careful, file-by-file path.
    impostor = tmp_path / "2025-02-kent-street.csv.gz"
    shutil.copy(shared_data / "police_uk/essex/2025-02-essex-street.csv.gz", impostor)
    header, lines = read_all(shared_data / ESSEX_2025_01)
    blank = write_lines(tmp_path / "2025-01-essex-street.csv", header, ["", *lines])
    march = shared_data / "police_uk/essex/2025-03-essex-street.csv.gz"

    summary = import_police_uk(workspace, [shared_data / KENT_2025_01, impostor, blank, march])

    assert [(f.status, f.force, f.rows_loaded) for f in summary.files] == [
        ("loaded", "kent", len(data_lines(shared_data / KENT_2025_01))),
        ("rejected", None, 0),
        ("loaded", "essex", 12_144),
        ("loaded", "essex", len(data_lines(march))),
    ]
    with workspace.connect(read_only=True) as con:
        first_line = con.execute(
            "SELECT min(source_line) FROM street_crimes WHERE month = DATE '2025-01-01' "
            "AND force = 'essex'"
        ).fetchone()
        kent_february = con.execute(
            "SELECT count(*) FROM partitions WHERE force = 'kent' AND month = DATE '2025-02-01'"
        ).fetchone()
    assert first_line == (3,)  # line 2 is the blank line
    assert kent_february == (0,)
