"""generate_police_uk: files, format and determinism."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from policeplan.errors import InputError
from policeplan.synthetic import OUTCOMES_HEADER, STREET_HEADER, generate_police_uk

HEX_64 = re.compile(r"^[0-9a-f]{64}$")
LSOA_NAME = re.compile(r"^.+ \d{3}[A-Z]$")


def _tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*.csv"))}


def _street_rows(path: Path) -> list[list[str]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.split(",") for line in lines[1:]]


def test_generator_writes_street_and_outcomes_files_named_like_police_uk(tmp_path: Path) -> None:
    paths = generate_police_uk(tmp_path, ["kent", "Essex Police"], ["2025-02", "2025-01"])
    names = [str(p.relative_to(tmp_path)) for p in paths]
    assert names == [
        "2025-01/2025-01-essex-outcomes.csv",
        "2025-01/2025-01-essex-street.csv",
        "2025-01/2025-01-kent-outcomes.csv",
        "2025-01/2025-01-kent-street.csv",
        "2025-02/2025-02-essex-outcomes.csv",
        "2025-02/2025-02-essex-street.csv",
        "2025-02/2025-02-kent-outcomes.csv",
        "2025-02/2025-02-kent-street.csv",
    ]


def test_same_seed_gives_identical_bytes_whatever_the_order_of_forces(tmp_path: Path) -> None:
    generate_police_uk(tmp_path / "a", ["essex", "kent"], ["2024-12", "2025-01"], seed=3)
    generate_police_uk(tmp_path / "b", ["kent", "essex"], ["2025-01", "2024-12"], seed=3)
    first, second = _tree(tmp_path / "a"), _tree(tmp_path / "b")
    assert len(first) == 8
    assert first == second


def test_a_file_does_not_depend_on_which_other_months_are_generated(tmp_path: Path) -> None:
    generate_police_uk(tmp_path / "one", ["hertfordshire"], ["2025-03"], seed=5)
    months = ["2025-01", "2025-02", "2025-03"]
    generate_police_uk(tmp_path / "three", ["hertfordshire"], months, seed=5)
    one = _tree(tmp_path / "one")
    three = _tree(tmp_path / "three")
    assert one.items() <= three.items()


def test_different_seed_gives_different_files(tmp_path: Path) -> None:
    generate_police_uk(tmp_path / "a", ["essex"], ["2025-01"], seed=1)
    generate_police_uk(tmp_path / "b", ["essex"], ["2025-01"], seed=2)
    first, second = _tree(tmp_path / "a"), _tree(tmp_path / "b")
    assert first.keys() == second.keys()
    assert all(first[name] != second[name] for name in first)


def test_street_file_has_the_police_uk_header_and_twelve_fields_on_every_line(
    tmp_path: Path,
) -> None:
    (path,) = generate_police_uk(tmp_path, ["sussex"], ["2025-06"], datasets=["street"])
    raw = path.read_bytes()
    assert raw.startswith(STREET_HEADER.encode() + b"\n")
    assert b"\r" not in raw and b'"' not in raw
    assert raw.endswith(b",\n")
    rows = _street_rows(path)
    assert len(rows) > 5000
    assert {len(row) for row in rows} == {12}
    assert {row[1] for row in rows} == {"2025-06"}
    assert {row[2] for row in rows} == {row[3] for row in rows} == {"Sussex Police"}
    assert {row[11] for row in rows} == {""}  # Context is always empty


def test_anti_social_behaviour_rows_have_blank_crime_id_and_outcome(tmp_path: Path) -> None:
    (path,) = generate_police_uk(tmp_path, ["essex"], ["2025-07"], datasets=["street"])
    rows = _street_rows(path)
    asb = [row for row in rows if row[9] == "Anti-social behaviour"]
    crimes = [row for row in rows if row[9] != "Anti-social behaviour"]
    assert asb and crimes
    assert all(row[0] == "" and row[10] == "" for row in asb)
    assert all(HEX_64.match(row[0]) and row[10] for row in crimes)
    assert len({row[0] for row in crimes}) == len(crimes)


def test_no_location_rows_have_empty_coordinates_and_lsoa(tmp_path: Path) -> None:
    (path,) = generate_police_uk(tmp_path, ["essex"], ["2025-01"], datasets=["street"])
    rows = _street_rows(path)
    nowhere = [row for row in rows if row[6] == "No Location"]
    located = [row for row in rows if row[6] != "No Location"]
    assert 0 < len(nowhere) < len(rows) * 0.2
    assert all(row[4:6] == ["", ""] and row[7:9] == ["", ""] for row in nowhere)
    assert rows[-len(nowhere) :] == nowhere  # police.uk lists them last
    for row in located:
        assert row[6].startswith("On or near ")
        assert re.match(r"^E01\d{6}$", row[7]), row
        assert LSOA_NAME.match(row[8]), row
        assert -6.0 < float(row[4]) < 2.0 and 49.8 < float(row[5]) < 56.0
    lsoa_names = [row[8] for row in located]
    assert lsoa_names == sorted(lsoa_names)


def test_outcomes_rows_carry_crime_ids_of_this_and_earlier_months(tmp_path: Path) -> None:
    generate_police_uk(tmp_path, ["leicestershire"], ["2025-01", "2025-02", "2025-03"])
    months = ["2025-01", "2025-02", "2025-03"]
    street_ids: dict[str, set[str]] = {}
    for month in months:
        rows = _street_rows(tmp_path / month / f"{month}-leicestershire-street.csv")
        street_ids[month] = {row[0] for row in rows if row[0]}
    lines = (tmp_path / "2025-03/2025-03-leicestershire-outcomes.csv").read_text().splitlines()
    assert lines[0] == OUTCOMES_HEADER
    outcomes = [line.split(",") for line in lines[1:]]
    assert {len(row) for row in outcomes} == {10}
    assert {row[1] for row in outcomes} == {"2025-03"}
    ids = [row[0] for row in outcomes]
    assert all(HEX_64.match(i) for i in ids)
    from_march = sum(i in street_ids["2025-03"] for i in ids)
    from_before = sum(i in street_ids["2025-01"] | street_ids["2025-02"] for i in ids)
    assert 0.2 < from_march / len(street_ids["2025-03"]) < 0.6
    assert from_before > 0
    assert {row[9] for row in outcomes}.isdisjoint({"", "Under investigation"})


def test_progress_reports_rows_written_per_force_month(tmp_path: Path) -> None:
    reported: list[int] = []
    paths = generate_police_uk(
        tmp_path, ["essex", "kent"], ["2025-01"], datasets=["street"], progress=reported.append
    )
    assert len(reported) == 2
    lines = sum(len(p.read_text().splitlines()) - 1 for p in paths)
    assert sum(reported) == lines


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"forces": ["esex"]}, "did you mean 'essex'"),
        ({"forces": ["btp"]}, "only the 43 territorial forces"),
        ({"months": ["2025-13"]}, "is not YYYY-MM"),
        ({"months": ["January 2025"]}, "is not YYYY-MM"),
        ({"datasets": ["stop-and-search"]}, "choose from street, outcomes"),
        ({"seed": -1}, "seed must be zero or positive"),
    ],
)
def test_generator_rejects_bad_arguments_with_a_message_saying_what(
    tmp_path: Path, kwargs: dict[str, object], message: str
) -> None:
    arguments: dict[str, object] = {"forces": ["essex"], "months": ["2025-01"], **kwargs}
    with pytest.raises(InputError, match=message):
        generate_police_uk(tmp_path, **arguments)  # type: ignore[arg-type]
    assert not list(tmp_path.rglob("*.csv"))
