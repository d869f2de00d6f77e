"""Synthetic police.uk data: seeded, deterministic street and outcomes files for any of the
43 territorial forces and any months, calibrated from the real sample (bundled tables in
`data/`; nothing outside the package is read). Used by `policeplan demo` and the benchmarks.

    >>> import tempfile
    >>> from pathlib import Path
    >>> from policeplan.synthetic import generate_police_uk
    >>> paths = generate_police_uk(Path(tempfile.mkdtemp()), ["essex", "kent"], ["2025-01"], seed=7)
    >>> len(paths)
    4

Calibration (a developer script, rerun only when the sample changes):
`python -m policeplan.synthetic.calibrate /work/shared/data/police_uk`.
"""

from policeplan.synthetic._calibration import calibrated_forces
from policeplan.synthetic._factors import FULL_LOCKDOWN_FACTOR, LOCKDOWN_STRENGTH
from policeplan.synthetic._month import OUTCOMES_HEADER, STREET_HEADER
from policeplan.synthetic.generator import DATASETS, generate_police_uk

__all__ = [
    "DATASETS",
    "FULL_LOCKDOWN_FACTOR",
    "LOCKDOWN_STRENGTH",
    "OUTCOMES_HEADER",
    "STREET_HEADER",
    "calibrated_forces",
    "generate_police_uk",
]
