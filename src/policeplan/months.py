"""Month arithmetic on `YYYY-MM` strings; kept for existing imports, defined in
`policeplan.periods` (the one time vocabulary).

>>> shift_month("2025-01", -1)
'2024-12'
"""

from __future__ import annotations

from policeplan.periods import (
    month_from_index,
    month_index,
    months_between,
    parse_month,
    shift_month,
)

__all__ = ["month_from_index", "month_index", "months_between", "parse_month", "shift_month"]
