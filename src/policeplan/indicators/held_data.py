"""Refusing a window the workspace holds no police.uk data for at all.

A window with some months missing is reported incomplete and not compared; a window with
none of its months held is a mistake of the question (a future `--to`, a force never
imported), so it is refused in one line naming the latest month held:

    the workspace holds no police.uk data for essex in 2030-01 to 2030-12; latest month
    held is 2025-02
"""

from __future__ import annotations

import duckdb

from policeplan.errors import DataError
from policeplan.indicators.windows import Window

__all__ = ["require_police_uk_data"]


def require_police_uk_data(con: duckdb.DuckDBPyConnection, force: str, window: Window) -> None:
    """DataError when the workspace holds no police.uk street month of `force` (a slug)
    inside `window`."""
    row = con.execute(
        "SELECT count(*) FILTER (WHERE month BETWEEN CAST(? AS DATE) AND CAST(? AS DATE)), "
        "strftime(max(month), '%Y-%m') FROM partitions WHERE force = ? AND dataset = 'street'",
        [f"{window.first}-01", f"{window.last}-01", force],
    ).fetchone()
    held, latest = (0, None) if row is None else row
    if held:
        return
    if latest is not None:
        raise DataError(
            f"the workspace holds no police.uk data for {force} in {window.label()}; "
            f"latest month held is {latest}"
        )
    others = [
        str(f)
        for (f,) in con.execute(
            "SELECT DISTINCT force FROM partitions WHERE dataset = 'street' ORDER BY force"
        ).fetchall()
    ]
    held_for = f" (it holds {', '.join(others)})" if others else ""
    raise DataError(
        f"the workspace holds no police.uk data for {force}; none is held for {force}"
        f"{held_for}: import its files with `policeplan import police-uk`"
    )
