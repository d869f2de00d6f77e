"""Are hotspots stable? Overlap with the previous window, and a pattern across quarters.

Each of the last N quarters (3-month blocks ending at the window's last month) is tested on
its own (Gi*, Benjamini-Hochberg) on the same grid, giving each cell a hot / not-hot
sequence, oldest quarter first. The classes (a simplified, documented take on ESRI's
emerging hot spot analysis; see docs/hotspots.md):

- `persistent`: hot in every quarter;
- `emerging`: hot in the latest quarter, and its hot quarters are one unbroken run that
  ends with the latest quarter but does not start with the first;
- `fading`: not hot in the latest quarter, and its hot quarters are one unbroken run that
  starts with the first quarter;
- `intermittent`: hot in some quarters, in any other arrangement (on and off);
- `no pattern`: never hot.

>>> [classify(h) for h in ([1, 1, 1, 1], [0, 0, 1, 1], [1, 1, 0, 0], [1, 0, 1, 0], [0, 0, 0, 0])]
['persistent', 'emerging', 'fading', 'intermittent', 'no pattern']
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray

CLASSES = ("persistent", "emerging", "fading", "intermittent", "no pattern")


def classify(hot: Sequence[bool | int]) -> str:
    """The class of one cell's hot / not-hot sequence across quarters, oldest first."""
    flags = [bool(h) for h in hot]
    if not any(flags):
        return "no pattern"
    if all(flags):
        return "persistent"
    first = flags.index(True)
    last = len(flags) - 1 - flags[::-1].index(True)
    one_run = all(flags[first : last + 1])
    if one_run and last == len(flags) - 1:
        return "emerging"
    if one_run and first == 0:
        return "fading"
    return "intermittent"


def classify_cells(hot_by_quarter: NDArray[np.bool_]) -> NDArray[np.object_]:
    """Class of every cell from a (quarters, cells) array of hot flags, oldest first."""
    cells = hot_by_quarter.shape[1]
    classes = np.full(cells, "no pattern", dtype=object)
    ever_hot = np.flatnonzero(hot_by_quarter.any(axis=0))
    # Few cells are ever hot: classify those, by their distinct sequences.
    sequences = hot_by_quarter[:, ever_hot].T
    if ever_hot.size:
        distinct, inverse = np.unique(sequences, axis=0, return_inverse=True)
        names = np.array([classify(seq.tolist()) for seq in distinct], dtype=object)
        classes[ever_hot] = names[inverse.ravel()]
    return classes


def top_cells_overlap(current: Sequence[str], previous: Sequence[str]) -> int:
    """How many of this window's top cells were top cells in the previous window.

    >>> top_cells_overlap(["a", "b", "c"], ["c", "d", "a"])
    2
    """
    return len(set(current) & set(previous))
