"""The mapping file is validated: every error names the key and suggests the fix."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from policeplan.errors import FileRejected
from policeplan.ingest.crime_records import (
    MappingError,
    import_crime_records,
    load_mapping,
    mapping_from_dict,
)
from policeplan.store import Workspace
from policeplan.synthetic.crime_records import CrimeRecordsExtract

BASE: dict[str, Any] = {
    "force": "essex",
    "columns": {"reference": "Ref", "recorded": "Recorded", "offence_code": "Code"},
}


def _with(**changes: Any) -> dict[str, Any]:
    data = {**BASE, "columns": dict(BASE["columns"])}
    for key, value in changes.items():
        if key.startswith("columns_"):
            data["columns"][key.removeprefix("columns_")] = value
        else:
            data[key] = value
    return data


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({**BASE, "flgs": {}}, "flgs", "did you mean 'flags'?"),
        (_with(columns_recorded_date="X"), "columns.recorded_date", "did you mean 'recorded'?"),
        (_with(force="Esex"), "force", "Esex"),
        (_with(columns_easting="E"), "columns.northing", "add 'northing'"),
        (_with(columns_beat="Beat"), "beats", "needs a 'beats' table"),
        (
            _with(columns_beat="Beat", beats={"table": {"CH01": "Chelmsfrod"}}),
            "beats.table.CH01",
            "did you mean 'Chelmsford'?",
        ),
        (_with(outcomes={"charged": ["Charged"]}), "outcomes.charged", "did you mean"),
        (_with(flags={"da": {"column": "DA"}}), "flags.da", "'column' and 'in' go together"),
        (
            _with(flags={"knife": {"keyword_column": "MO", "matches": "(knife"}}),
            "flags.knife.matches",
            "not a regular expression",
        ),
        (
            _with(flags={"nte": {"time_between": ["8pm", "6am"]}}),
            "flags.nte.time_between",
            "two HH:MM times",
        ),
        (_with(file={"delimiter": ":"}), "file.delimiter", "choose from"),
        (_with(file={"encoding": "latin1"}), "file.encoding", "choose from"),
        (
            _with(columns_recorded={"column": "R", "fromat": "%d"}),
            "columns.recorded.fromat",
            "did you mean 'format'?",
        ),
    ],
)
def test_invalid_mapping_is_refused_naming_the_key(
    data: dict[str, Any], field: str, message: str
) -> None:
    with pytest.raises(MappingError) as raised:
        mapping_from_dict(data, "m.yaml")
    assert raised.value.field == field
    assert message in str(raised.value)
    assert str(raised.value).startswith("m.yaml, ")


def test_a_mapping_without_any_offence_column_is_refused() -> None:
    data = {"force": "essex", "columns": {"reference": "R", "recorded": "D"}}
    with pytest.raises(MappingError, match="offence_code, offence_description or crime_type"):
        mapping_from_dict(data, "m.yaml")


def test_beats_can_come_from_a_csv_file_beside_the_mapping(tmp_path: Path) -> None:
    (tmp_path / "beats.csv").write_text("beat,district,lpa\nch01,Chelmsford,\nTH9,Thurrock,West\n")
    path = tmp_path / "mapping.yaml"
    path.write_text(
        "force: essex\ncolumns: {reference: R, recorded: D, offence_code: C, beat: B}\n"
        "beats: {file: beats.csv}\n"
    )
    beats = load_mapping(path).beats
    assert {k: (a.district, a.lpa) for k, a in beats.items()} == {
        "ch01": ("Chelmsford", "North"),
        "TH9": ("Thurrock", "West"),
    }


def test_a_mapping_that_is_not_yaml_is_refused_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "mapping.yaml"
    path.write_text("force: essex\ncolumns: [unclosed\n")
    with pytest.raises(MappingError) as raised:
        load_mapping(path)
    assert raised.value.line is not None


def test_a_mapped_column_the_file_lacks_is_refused_suggesting_the_nearest(
    workspace: Workspace, extract: CrimeRecordsExtract, tmp_path: Path
) -> None:
    typo = tmp_path / "mapping.yaml"
    typo.write_text(
        extract.mapping_path.read_text().replace("column: Date Recorded", "column: Date Recroded")
    )
    with pytest.raises(FileRejected) as raised:
        import_crime_records(workspace, extract.path, typo)
    message = str(raised.value)
    assert raised.value.field == "Date Recroded"
    assert "columns.recorded" in message
    assert "did you mean 'Date Recorded'?" in message
    with workspace.connect(read_only=True) as con:
        assert con.execute("SELECT count(*) FROM crime_records").fetchone() == (0,)
