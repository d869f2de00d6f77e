"""How concentrated a measure is: the share of it held by the top 1%, 5% and 10% of cells.

Cells are ranked by their value; the top p% is the ceil(p% x cells) highest cells of the
whole study area, empty cells included (so the shares answer "how much of the harm falls
in 1% of the area?").

>>> concentration_shares(np.array([5.0, 3, 1, 1, 0, 0, 0, 0, 0, 0]))
{'top_1pct': 0.5, 'top_5pct': 0.5, 'top_10pct': 0.5}
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import NDArray

SHARES = (("top_1pct", 0.01), ("top_5pct", 0.05), ("top_10pct", 0.10))


def concentration_shares(values: NDArray[np.float64]) -> dict[str, float | None]:
    """Share of the total in the top 1%, 5%, 10% of cells (None when the total is 0)."""
    flat = np.sort(np.asarray(values, dtype=np.float64).ravel())[::-1]
    total = float(flat.sum())
    shares: dict[str, float | None] = {}
    for name, fraction in SHARES:
        top = max(1, math.ceil(fraction * flat.size))
        shares[name] = round(float(flat[:top].sum()) / total, 6) if total > 0 else None
    return shares
