"""Write synthetic police.uk street and outcomes files for any forces and months.

The files look like the monthly archive police.uk publishes (same headers, column order,
vocabulary and quirks: blank Crime ID and outcome on anti-social behaviour rows, "No
Location" rows with empty coordinates and LSOA), with volumes calibrated from the real sample
(see `data/SOURCES.md` and `_factors.py`). The same forces, months and seed always give
byte-identical files, whatever order the forces and months are given in.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from pathlib import Path

from policeplan.errors import InputError
from policeplan.reference.forces import get_force
from policeplan.synthetic._calibration import force_profile
from policeplan.synthetic._month import (
    MAX_OUTCOME_LAG,
    CrimeMonth,
    draw_month,
    outcomes_csv,
    street_csv,
)

DATASETS = ("street", "outcomes")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


def generate_police_uk(
    out_dir: Path,
    forces: Sequence[str],
    months: Sequence[str],
    seed: int = 0,
    datasets: Sequence[str] = DATASETS,
    progress: Callable[[int], None] | None = None,
) -> list[Path]:
    """Write `out_dir/YYYY-MM/YYYY-MM-<force>-street.csv` (and `-outcomes.csv`) files.

    `forces` are slugs or names of territorial forces; `months` are "YYYY-MM". `progress`, if
    given, is called after each force-month with the number of rows just written. Returns the
    paths written, sorted by month then force.

    >>> import tempfile
    >>> paths = generate_police_uk(Path(tempfile.mkdtemp()), ["essex"], ["2025-01"], seed=1)
    >>> [p.name for p in paths]
    ['2025-01-essex-outcomes.csv', '2025-01-essex-street.csv']
    """
    slugs = sorted({_territorial_slug(name) for name in forces})
    wanted = sorted({_parse_month(month) for month in months})
    kinds = _check_datasets(datasets)
    if seed < 0:
        raise InputError(f"seed must be zero or positive, not {seed}", field="seed")
    written: list[Path] = []
    for slug in slugs:
        # Recent months kept for the outcomes file, which also publishes earlier crimes.
        recent: dict[tuple[int, int], CrimeMonth] = {}
        for year, month in wanted:
            label = f"{year:04d}-{month:02d}"
            folder = out_dir / label
            folder.mkdir(parents=True, exist_ok=True)
            crimes = draw_month(seed, slug, year, month)
            recent[(year, month)] = crimes
            rows = 0
            if "street" in kinds:
                path = folder / f"{label}-{slug}-street.csv"
                _write(path, street_csv(crimes))
                written.append(path)
                rows += len(crimes)
            if "outcomes" in kinds:
                history = _history(seed, slug, year, month, recent)
                path = folder / f"{label}-{slug}-outcomes.csv"
                text = outcomes_csv(slug, year, month, history)
                _write(path, text)
                written.append(path)
                rows += text.count("\n") - 1
            if progress is not None:
                progress(rows)
    return sorted(written, key=lambda p: (p.parent.name, p.name))


def _history(
    seed: int, slug: str, year: int, month: int, recent: dict[tuple[int, int], CrimeMonth]
) -> list[CrimeMonth]:
    """The force's crimes of this month and the MAX_OUTCOME_LAG before, drawing any month
    that was not asked for (so a file never depends on which other months are generated)."""
    history = []
    keep = set()
    for back in range(MAX_OUTCOME_LAG + 1):
        index = year * 12 + month - 1 - back
        key = (index // 12, index % 12 + 1)
        keep.add(key)
        if key not in recent:
            recent[key] = draw_month(seed, slug, *key)
        history.append(recent[key])
    for key in [k for k in recent if k not in keep]:
        del recent[key]
    return history


def _write(path: Path, text: str) -> None:
    # police.uk's current files: UTF-8 without a byte-order mark, LF line endings.
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write(text)


def _territorial_slug(name: str) -> str:
    force = get_force(name)
    force_profile(force.slug)  # InputError for BTP and Northern Ireland
    return force.slug


def _parse_month(month: str) -> tuple[int, int]:
    match = _MONTH.match(month.strip())
    if not match or not 1 <= int(match.group(2)) <= 12:
        raise InputError(f"month {month!r} is not YYYY-MM (for example 2025-01)", field="months")
    return int(match.group(1)), int(match.group(2))


def _check_datasets(datasets: Sequence[str]) -> set[str]:
    unknown = sorted(set(datasets) - set(DATASETS))
    if unknown:
        raise InputError(
            f"unknown dataset {unknown[0]!r}; choose from {', '.join(DATASETS)}",
            field="datasets",
        )
    return set(datasets)
