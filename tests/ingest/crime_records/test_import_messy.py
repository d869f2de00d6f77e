"""A deliberately messy copy of a generated extract (wrong date format in some rows, an
unknown offence code, a blank beat, a duplicated reference; BOM, `;`, tab, Windows-1252,
a quoted line break, a spreadsheet): good rows load and equal an independent count, bad
rows are kept aside with their line numbers, a re-import is identical."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from openpyxl import Workbook

from policeplan.errors import FileRejected
from policeplan.ingest.crime_records import import_crime_records
from policeplan.store import Workspace
from policeplan.synthetic.crime_records import CrimeRecordsExtract
from tests.ingest.crime_records.helpers import beats_of, expected_counts, fingerprint, read_rows

WRONG_DATES = (4, 17)  # row indexes (0 = first data row, on line 2)
UNKNOWN_CODE = 30
BLANK_BEAT = 44
DUPLICATE = 60  # takes the reference of the row before it
LINE_BREAK = 10  # in the line-break variant, this row's MO spans two lines

VARIANTS = {
    "bom-semicolon": {"encoding": "utf-8-sig", "delimiter": ";"},
    "cp1252-tab": {"encoding": "cp1252", "delimiter": "\t"},
    "quoted-line-break": {"encoding": "utf-8", "delimiter": ","},
    "xlsx": {"encoding": None, "delimiter": None},
}


def _messy_rows(
    extract: CrimeRecordsExtract, variant: str
) -> tuple[list[dict[str, str]], dict[int, str]]:
    """The messy rows and, per bad row index, the column it must be blamed on."""
    rows = read_rows(extract.path)
    bad: dict[int, str] = {}
    for i in WRONG_DATES:
        day, month, rest = rows[i]["Date Recorded"].split("/")
        rows[i]["Date Recorded"] = f"{rest[:4]}-{month}-{day}{rest[4:]}"  # ISO, not declared
        bad[i] = "Date Recorded"
    rows[UNKNOWN_CODE]["HO Offence Code"] = "999Z"
    bad[UNKNOWN_CODE] = "HO Offence Code"
    rows[BLANK_BEAT]["Beat"] = ""
    bad[BLANK_BEAT] = "Beat"
    rows[DUPLICATE]["Crime Reference"] = rows[DUPLICATE - 1]["Crime Reference"]
    rows[3]["MO"] = "Suspect left the Café, on foot."  # a non-ASCII letter and a comma
    if variant == "quoted-line-break":
        rows[LINE_BREAK]["MO"] = "Suspect approached\nthe victim with a knife."
    return rows, bad


def _write(rows: list[dict[str, str]], path: Path, variant: str) -> Path:
    options = VARIANTS[variant]
    header = list(rows[0])
    if variant == "xlsx":
        path = path.with_suffix(".xlsx")
        book = Workbook()
        sheet = book.active
        assert sheet is not None
        sheet.append(header)
        for row in rows:
            sheet.append([row[h] for h in header])
        book.save(path)
        return path
    with path.open("w", encoding=str(options["encoding"]), newline="") as handle:
        writer = csv.writer(handle, delimiter=str(options["delimiter"]), lineterminator="\r\n")
        writer.writerow(header)
        writer.writerows([row[h] for h in header] for row in rows)
    return path


def _line(index: int, variant: str) -> int:
    shift = variant == "quoted-line-break" and index > LINE_BREAK
    return index + 2 + shift


@pytest.mark.parametrize("variant", list(VARIANTS))
def test_messy_export_loads_good_rows_and_keeps_bad_ones_with_their_lines(
    workspace: Workspace, extract: CrimeRecordsExtract, tmp_path: Path, variant: str
) -> None:
    rows, bad = _messy_rows(extract, variant)
    path = _write(rows, tmp_path / "messy.csv", variant)
    summary = import_crime_records(workspace, path, extract.mapping_path)

    good = [row for i, row in enumerate(rows) if i not in bad]
    expected = expected_counts(good, beats_of(extract.mapping_path), "essex")
    assert summary.rows_loaded == expected.rows == len(rows) - len(bad)
    assert {m.month: m.rows_loaded for m in summary.months} == expected.by_month
    assert {k: summary.flags[k] for k in expected.flags} == expected.flags
    assert [(r.line, r.field) for r in summary.rejects] == [
        (_line(i, variant), field) for i, field in sorted(bad.items())
    ]
    if VARIANTS[variant]["encoding"]:
        assert (summary.encoding, summary.delimiter) == (
            VARIANTS[variant]["encoding"],
            VARIANTS[variant]["delimiter"],
        )
    duplicate = rows[DUPLICATE]["Crime Reference"]
    assert [(d.reference, d.records) for d in summary.duplicate_references] == [(duplicate, 2)]
    with workspace.connect(read_only=True) as con:
        stored = con.execute(
            "SELECT line, field, reason, raw FROM rejects WHERE dataset = 'records' ORDER BY line"
        ).fetchall()
        kept = con.execute(
            "SELECT count(*) FROM crime_records WHERE reference = ?", [duplicate]
        ).fetchone()
    assert [(line, field) for line, field, _, _ in stored] == [
        (_line(i, variant), field) for i, field in sorted(bad.items())
    ]
    assert "unknown Home Office offence code '999Z'" in [reason for _, _, reason, _ in stored]
    # A reject keeps the mapped fields of its line, never the free text or victim number.
    assert all("Suspect" not in raw and "V0" not in raw for _, _, _, raw in stored)
    assert kept == (2,)

    before = fingerprint(workspace)
    import_crime_records(workspace, path, extract.mapping_path)
    assert fingerprint(workspace) == before


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.csv", b"", "the file is empty"),
        ("broken.xlsx", b"not a workbook", "not a readable .xlsx workbook"),
        ("missing.csv", None, "no such file"),
    ],
)
def test_a_file_that_cannot_be_read_is_refused_and_nothing_changes(
    workspace: Workspace,
    extract: CrimeRecordsExtract,
    tmp_path: Path,
    name: str,
    content: bytes | None,
    message: str,
) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    before = fingerprint(workspace)
    with pytest.raises(FileRejected, match=message):
        import_crime_records(workspace, path, extract.mapping_path)
    assert fingerprint(workspace) == before
