"""The file sets the import benchmark runs on: the real police.uk sample (if present) and a
generated national-scale year of street files."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

# bench/ sits in the repo root; the shared test data lives next to the repo (../shared/data).
SHARED_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
REAL_SAMPLE = SHARED_DATA / "police_uk"

NATIONAL_MONTHS = tuple(f"2025-{month:02d}" for month in range(1, 13))
NATIONAL_SEED = 0

DATASET_NAMES = ("real", "national")


@dataclass(frozen=True)
class FileSet:
    """The files one benchmark run reads, with how they were obtained."""

    name: str
    description: str
    files: tuple[Path, ...]
    generation_seconds: float | None = None

    @property
    def total_bytes(self) -> int:
        return sum(path.stat().st_size for path in self.files)


def real_sample() -> FileSet | None:
    """All street files of the real sample, or None when ../shared/data is not there."""
    if not REAL_SAMPLE.is_dir():
        return None
    files = tuple(sorted(REAL_SAMPLE.glob("*/*-street.csv.gz")))
    if not files:
        return None
    return FileSet(
        name="real",
        description=f"real police.uk sample ({REAL_SAMPLE}), gzipped street files",
        files=files,
    )


def national_year(out_dir: Path) -> FileSet:
    """Generate a year of street files for all 43 territorial forces into `out_dir`."""
    # Imported here so `python -m bench --help` works without policeplan's import cost.
    from policeplan.reference.forces import territorial_forces
    from policeplan.synthetic.generator import generate_police_uk

    forces = [force.slug for force in territorial_forces()]
    started = time.perf_counter()
    files = generate_police_uk(
        out_dir, forces, NATIONAL_MONTHS, seed=NATIONAL_SEED, datasets=("street",)
    )
    seconds = time.perf_counter() - started
    return FileSet(
        name="national",
        description=(
            f"synthetic national year: {len(forces)} territorial forces x "
            f"{len(NATIONAL_MONTHS)} months of 2025, street files, seed {NATIONAL_SEED}, "
            "uncompressed CSV"
        ),
        files=tuple(files),
        generation_seconds=seconds,
    )


def warm_page_cache(files: tuple[Path, ...]) -> None:
    """Read every file once so each contender starts with the same (warm) page cache.

    Dropping the cache needs root; warming it is the fair alternative: nobody pays for the
    first read from disk while the others get the files from memory.
    """
    for path in files:
        with path.open("rb") as data:
            while data.read(1 << 22):
                pass
