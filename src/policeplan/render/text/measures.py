"""Text views of the loaded measures (`measures list`) and of a removal (`measures remove`).

>>> from policeplan.store.coverage import MeasureHeld
>>> print(measures_text([MeasureHeld("public-confidence", ["essex"], 1, "2021/22",
...                                  "2021/22", 1)]))
measure            areas  periods  period range  rows
public-confidence  essex        1  2021/22          1
"""

from __future__ import annotations

from collections.abc import Sequence

from policeplan.store.coverage import MeasureHeld
from policeplan.store.measures_held import MeasureRemoval

__all__ = ["measure_removal_text", "measures_text"]

HEADINGS = ("measure", "areas", "periods", "period range", "rows")


def measures_text(held: Sequence[MeasureHeld]) -> str:
    """One line per measure; a hint to load some when there are none."""
    if not held:
        return "No measures loaded: run `policeplan import measures FILE`."
    rows = [
        (
            m.measure,
            ", ".join(m.areas),
            f"{m.periods:,}",
            m.first_period if m.first_period == m.last_period else
            f"{m.first_period} to {m.last_period}",
            f"{m.rows:,}",
        )
        for m in held
    ]  # fmt: skip
    widths = [max(len(r[i]) for r in [HEADINGS, *rows]) for i in range(len(HEADINGS))]
    numeric = {2, 4}
    return "\n".join(
        "  ".join(
            cell.rjust(w) if i in numeric else cell.ljust(w)
            for i, (cell, w) in enumerate(zip(row, widths, strict=True))
        ).rstrip()
        for row in [HEADINGS, *rows]
    )


def measure_removal_text(removal: MeasureRemoval) -> str:
    """How many rows went, and the history entries that can put them back."""
    scope = "".join(
        f" {name} {value}"
        for name, value in (("area", removal.area), ("period", removal.period))
        if value
    )
    ids = ", ".join(str(e.id) for e in removal.entries)
    return (
        f"Removed {removal.rows_removed:,} rows of {removal.measure}{scope} "
        f"({len(removal.entries)} period(s)); `policeplan revert {ids}` puts them back."
    )
