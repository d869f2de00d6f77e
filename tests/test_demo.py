"""build_demo on a small range: what it loads matches what the generator wrote, and the
workspace is labelled as synthetic everywhere."""

from __future__ import annotations

import csv
import gzip
import tempfile
from pathlib import Path

import pytest

from policeplan.config import load_settings
from policeplan.delivery import delivery_summary, list_strands
from policeplan.demo import build_demo
from policeplan.periods import FinancialQuarter
from policeplan.plan import current_plan
from policeplan.records import dispose_engines
from policeplan.store import SYNTHETIC_LABEL, Workspace
from policeplan.synthetic import generate_police_uk
from policeplan.synthetic.crime_records import write_crime_records_extract
from policeplan.synthetic.msg_measures import msg_measure_rows

MONTHS = ("2024-11", "2024-12", "2025-01")
FORCES = ("essex", "kent")


def _rows_written(forces: tuple[str, ...], months: tuple[str, ...]) -> dict[tuple[str, str], int]:
    """Rows per (force, dataset), generated again independently of build_demo."""
    counts: dict[tuple[str, str], int] = {}
    with tempfile.TemporaryDirectory() as scratch:
        for path in generate_police_uk(Path(scratch), forces, months, seed=0):
            opener = gzip.open if path.suffix == ".gz" else open
            with opener(path, "rt", encoding="utf-8", newline="") as handle:
                rows = sum(1 for _ in csv.reader(handle)) - 1
            force, dataset = path.name.removesuffix(".csv").split("-", 2)[2].rsplit("-", 1)
            counts[force, dataset] = counts.get((force, dataset), 0) + rows
    return counts


def _records_written(force: str, months: tuple[str, ...]) -> int:
    """Records in the force's generated crime-records extract, written again."""
    with tempfile.TemporaryDirectory() as scratch:
        extract = write_crime_records_extract(Path(scratch), months, force, seed=0)
        with extract.path.open(encoding="utf-8", newline="") as handle:
            return sum(1 for _ in csv.reader(handle)) - 1


@pytest.mark.slow
def test_build_demo_on_three_months_of_two_forces(tmp_path: Path) -> None:
    settings = load_settings(tmp_path / "demo", {})
    progress: list[tuple[int, int]] = []

    summary = build_demo(
        settings,
        MONTHS[0],
        MONTHS[-1],
        forces=FORCES,
        seed=0,
        on_progress=lambda *p: progress.append(p),
    )

    workspace = Workspace(settings)
    with workspace.connect(read_only=True) as con:
        stored = dict(
            ((str(force), str(dataset)), int(n))
            for force, dataset, n in con.execute(
                "SELECT force, dataset, sum(rows_loaded) FROM partitions GROUP BY ALL"
            ).fetchall()
        )
        months = {
            str(m)
            for (m,) in con.execute(
                "SELECT DISTINCT strftime(month, '%Y-%m') FROM partitions"
            ).fetchall()
        }
    written = _rows_written(FORCES, MONTHS)
    # Outcomes files are generated for the home force (Essex) only.
    expected = {k: n for k, n in written.items() if k[1] == "street" or k[0] == "essex"}
    # So is its record-level crime extract (for the plan's records measures).
    records = _records_written("essex", MONTHS)
    assert stored.pop(("essex", "records")) == records == summary.records_loaded
    assert stored == expected
    assert summary.rows_loaded == sum(expected.values())
    assert months == set(MONTHS)
    assert (summary.first_month, summary.last_month, summary.forces) == (*MONTHS[::2], FORCES)
    assert progress == [(1, 2), (2, 2)]  # a year at a time: 2024, then 2025
    assert summary.label == SYNTHETIC_LABEL == workspace.label()
    assert current_plan(workspace).force == "essex"
    assert summary.actions_seeded == 325
    # Every force's sickness, confidence and KSI rows for the MSG table, all loaded.
    assert summary.measures_loaded == len(msg_measure_rows(FORCES, MONTHS[0], MONTHS[-1])) > 0
    assert len(list_strands(workspace)) == 9
    assert delivery_summary(workspace, FinancialQuarter(2021, 2)).includes_example_data
    dispose_engines()
